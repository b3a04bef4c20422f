using System;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Figures;

/// <summary>
/// <see cref="FigureUnit"/>'s text at the edges <c>FigureUnitTest</c> checks loosely: 亿 scaling, trimming, the bare scales
/// refused with their words, the generic parse entries, and formatting into a short buffer.
/// </summary>
public class FigureUnitTextTest
{
    [Fact]
    public void Yi_scales_by_a_hundred_million()
    {
        var yi = new FigureUnit("亿元");

        yi.Scale.Should().Be(100_000_000);
        yi.BaseSymbol.Should().Be("元");
        yi.BaseUnit.Should().Be(new FigureUnit("元"));
        yi.IsCompatibleWith(new FigureUnit("万元")).Should().BeTrue();
        new FigureUnit("件").BaseUnit.Should().Be(FigureUnit.Piece);
        new FigureUnit("元亿").Scale.Should().Be(1, "only a leading 万 or 亿 scales");
    }

    [Fact]
    public void The_symbol_is_trimmed()
    {
        new FigureUnit("  万元 ").Symbol.Should().Be("万元");
        new FigureUnit(" % ").IsPercent.Should().BeTrue();
    }

    [Theory]
    [InlineData("万")]
    [InlineData("亿")]
    [InlineData(" 亿 ")]
    public void A_bare_scale_is_refused_with_the_forms_to_write(string symbol)
    {
        var act = () => new FigureUnit(symbol);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("'万' or '亿' alone is a scale, not a unit: write 万元, 亿元, 万字, ... (Parameter 'symbol')");
    }

    [Theory]
    [InlineData("12件", "12件")] // a number and its unit in one field
    [InlineData(" 2024 ", "2024")] // a year or a value in the unit's place
    [InlineData("１２次", "１２次")] // full-width digits
    [InlineData("m2", "m2")]
    public void A_symbol_with_a_digit_is_refused_as_a_number_in_the_unit(string symbol, string shown)
    {
        var act = () => new FigureUnit(symbol);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be(
            $"'{shown}' has a digit, so it is not a unit: write the unit as printed (件, 次, 万元, % ...) and the number in the value. (Parameter 'symbol')");
    }

    [Theory]
    [InlineData("二十件")] // Chinese numerals are words, not digits
    [InlineData("万元")]
    [InlineData("平方米")]
    public void A_symbol_without_a_decimal_digit_is_a_unit(string symbol) =>
        new FigureUnit(symbol).Symbol.Should().Be(symbol);

    [Fact]
    public void The_generic_entries_parse_and_refuse()
    {
        Parse<FigureUnit>(" 场次 ").Should().Be(new FigureUnit("场次"));
        SpanParse<FigureUnit>("万元".AsSpan()).Should().Be(new FigureUnit("万元"));
        var parseNull = () => Parse<FigureUnit>(null!);
        parseNull.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("s");
        foreach (string bad in new[] { "万", "亿", "  ", string.Empty, "12件", "2024" })
        {
            var act = () => Parse<FigureUnit>(bad);
            act.Should().ThrowExactly<FormatException>().Which.Message.Should().Be(
                $"'{bad}' is not a unit: expected a printed symbol such as 件, 次 or 万元, without digits ('万' or '亿' alone is a scale).");
            TryParse<FigureUnit>(bad, out var none).Should().BeFalse();
            none.Should().Be(default(FigureUnit));
        }

        TryParse<FigureUnit>(null, out _).Should().BeFalse();
        TryParse<FigureUnit>("亿元", out var yi).Should().BeTrue();
        yi.Scale.Should().Be(100_000_000);
    }

    [Fact]
    public void Formatting_into_a_short_buffer_writes_nothing()
    {
        var unit = new FigureUnit("人次");
        Span<char> shortBuffer = new char[1];
        Span<char> exact = new char[2];

        unit.TryFormat(shortBuffer, out int none, default, null).Should().BeFalse();
        none.Should().Be(0);
        unit.TryFormat(exact, out int written, default, null).Should().BeTrue();
        written.Should().Be(2);
        exact.ToString().Should().Be("人次");
        unit.ToString("X", null).Should().Be("人次");
    }

    private static T Parse<T>(string s)
        where T : IParsable<T> => T.Parse(s, null);

    private static T SpanParse<T>(ReadOnlySpan<char> s)
        where T : ISpanParsable<T> => T.Parse(s, null);

    private static bool TryParse<T>(string? s, out T result)
        where T : IParsable<T> => T.TryParse(s, null, out result!);
}
