using System;
using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Figures;

/// <summary>
/// <see cref="IParsable{TSelf}"/>, <see cref="ISpanParsable{TSelf}"/> and <see cref="ISpanFormattable"/> on the value
/// types with a text form: the same text whatever the current culture and provider, invalid text refused, and JSON
/// through the one generic converter with the web defaults.
/// </summary>
public sealed class SpanParsableTest
{
    private static readonly string[] Cultures = ["tr-TR", "de-DE", "zh-CN", ""];

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions WebUnescaped = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("330324")]
    [InlineData("110000")]
    [InlineData("999999")]
    public void Region_codes(string text) => RoundTrips<RegionCode>(text);

    [Theory]
    [InlineData("330324")]
    [InlineData("331100/county")]
    [InlineData("330000/prefecture")]
    [InlineData("330300/province")]
    public void Committees(string text) => RoundTrips<Committee>(text);

    [Theory]
    [InlineData("2020")]
    [InlineData("4.4@2020")]
    [InlineData("11.1+@2022")]
    [InlineData("99.99@2200")]
    public void Reporting_periods(string text) => RoundTrips<ReportingPeriod>(text);

    [Theory]
    [InlineData("proposals.filed")]
    [InlineData("rate.adoption_including_planned")]
    [InlineData("opinion_info.adopted.province")]
    [InlineData("i.i1")]
    public void Measures(string text) => RoundTrips<Measure>(text);

    [Theory]
    [InlineData("件")]
    [InlineData("万元")]
    [InlineData("%")]
    [InlineData("İI")]
    public void Units(string text) => RoundTrips<FigureUnit>(text);

    [Theory]
    [InlineData("33032")]
    [InlineData("3303245")]
    [InlineData("33O324")]
    [InlineData("000000")]
    [InlineData("")]
    [InlineData(" 330324")]
    [InlineData("３３０３２４")]
    public void Invalid_region_codes(string text) => Refuses<RegionCode>(text);

    [Theory]
    [InlineData("331100/County")]
    [InlineData("331100/")]
    [InlineData("331100/cıty")]
    [InlineData("/county")]
    [InlineData("")]
    public void Invalid_committees(string text) => Refuses<Committee>(text);

    [Theory]
    [InlineData("2020x")]
    [InlineData("1948")]
    [InlineData("2201")]
    [InlineData("0.4@2020")]
    [InlineData("4.4@")]
    [InlineData("4@2020")]
    [InlineData("")]
    public void Invalid_periods(string text) => Refuses<ReportingPeriod>(text);

    [Theory]
    [InlineData("Proposals.filed")]
    [InlineData("proposals..filed")]
    [InlineData("proposals.")]
    [InlineData("1proposals")]
    [InlineData("proposals.fİled")]
    [InlineData("")]
    public void Invalid_measures(string text) => Refuses<Measure>(text);

    [Theory]
    [InlineData("万")]
    [InlineData(" 亿 ")]
    [InlineData("  ")]
    [InlineData("")]
    public void Invalid_units(string text) => Refuses<FigureUnit>(text);

    [Fact]
    public void The_old_adoption_identifier_parses_as_its_current_one()
    {
        Measure.Parse("rate.resolution_adoption").Id.Should().Be("rate.adoption_including_planned");
        ParseSpan<Measure>("rate.resolution_adoption").ToString().Should().Be("rate.adoption_including_planned");
    }

    [Fact]
    public void A_unit_is_trimmed_as_by_its_constructor() =>
        ParseSpan<FigureUnit>(" 万元 ").Should().Be(new FigureUnit("万元"));

    [Fact]
    public void Period_format_C_is_the_Chinese_form_through_TryFormat_too()
    {
        var period = ReportingPeriod.Parse("11.1+@2022");
        Span<char> buffer = stackalloc char[64];
        period.TryFormat(buffer, out int written, "C", CultureInfo.GetCultureInfo("de-DE")).Should().BeTrue();
        buffer[..written].ToString().Should().Be(period.ToString("C", null)).And.Be("11届1次会议以来(2022)");
    }

    [Fact]
    public void Defaults_have_no_JSON_form()
    {
        var web = Web;
        FluentActions.Invoking(() => JsonSerializer.Serialize(default(Committee), web)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => JsonSerializer.Serialize(default(Measure), web)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => JsonSerializer.Serialize(default(FigureUnit), web)).Should().Throw<ArgumentException>();
    }

    private static T ParseString<T>(string text)
        where T : IParsable<T> => T.Parse(text, CultureInfo.InvariantCulture);

    private static T ParseSpan<T>(string text)
        where T : ISpanParsable<T> => T.Parse(text.AsSpan(), CultureInfo.InvariantCulture);

    private static void RoundTrips<T>(string text)
        where T : ISpanParsable<T>, ISpanFormattable, IEquatable<T>
    {
        var web = WebUnescaped;
        var previous = CultureInfo.CurrentCulture;
        try
        {
            foreach (string name in Cultures)
            {
                var culture = CultureInfo.GetCultureInfo(name);
                CultureInfo.CurrentCulture = culture;
                var value = T.Parse(text, culture);
                T.Parse(text, null).Should().Be(value);
                T.Parse(text.AsSpan(), culture).Should().Be(value);
                T.TryParse(text, culture, out var viaString).Should().BeTrue();
                T.TryParse(text.AsSpan(), null, out var viaSpan).Should().BeTrue();
                viaString.Should().Be(value);
                viaSpan.Should().Be(value);
                value.ToString(null, culture).Should().Be(text);
                value.ToString().Should().Be(text);
                string.Format(culture, "{0}", value).Should().Be(text);

                var buffer = new char[text.Length + 4];
                value.TryFormat(buffer, out int written, default, culture).Should().BeTrue();
                new string(buffer, 0, written).Should().Be(text);
                value.TryFormat(new char[text.Length - 1], out written, default, culture).Should().BeFalse();
                written.Should().Be(0);

                string json = JsonSerializer.Serialize(value, web);
                json.Should().Be(JsonSerializer.Serialize(text, web));
                JsonSerializer.Deserialize<T>(json, web).Should().Be(value);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static void Refuses<T>(string text)
        where T : ISpanParsable<T>
    {
        T.TryParse(text, CultureInfo.InvariantCulture, out _).Should().BeFalse();
        T.TryParse(text.AsSpan(), CultureInfo.GetCultureInfo("tr-TR"), out _).Should().BeFalse();
        T.TryParse((string?)null, null, out _).Should().BeFalse();
        FluentActions.Invoking(() => T.Parse(text, CultureInfo.InvariantCulture)).Should().Throw<FormatException>()
            .Which.Message.Should().Contain("'" + text + "'");
        FluentActions.Invoking(() => T.Parse(text.AsSpan(), null)).Should().Throw<FormatException>();
        FluentActions.Invoking(() => ParseString<T>(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(text), Web))
            .Should().Throw<JsonException>().Which.Message.Should().StartWith("$: '" + text + "'");
    }
}
