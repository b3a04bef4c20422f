using System;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Figures;

/// <summary>
/// <see cref="ReportingPeriod"/> at the edges <c>ReportingPeriodTest</c> leaves loose: the first and last year, term and
/// session each factory and the parser accept, the exact refusals (argument, actual value, words), the generic parse
/// entries, and formatting into buffers of every size in both forms.
/// </summary>
public class ReportingPeriodEdgeTest
{
    [Theory]
    [InlineData("1949", "1949")]
    [InlineData("2200", "2200")]
    [InlineData(" 2020 ", "2020")]
    [InlineData("1.1@1949", "1.1@1949")]
    [InlineData("99.99+@2200", "99.99+@2200")]
    [InlineData("01.09@2020", "1.9@2020")]
    [InlineData("10.10+@2019", "10.10+@2019")]
    public void Texts_at_the_edges_parse(string text, string canonical)
    {
        ReportingPeriod.TryParse(text, out var period).Should().BeTrue(text);
        period.ToString().Should().Be(canonical);
        ReportingPeriod.Parse(text).Should().Be(period);
    }

    [Theory]
    [InlineData("1948")]
    [InlineData("2201")]
    [InlineData("0949")]
    [InlineData("20201")]
    [InlineData("/949")]
    [InlineData(":949")]
    [InlineData("4.4@1948")]
    [InlineData("4.4@2201")]
    [InlineData("4.100@2020")]
    [InlineData("4.@2020")]
    [InlineData(".4@2020")]
    [InlineData("4@2020")]
    [InlineData("0.0+@2020")]
    [InlineData("1.0+@2020")]
    [InlineData("")]
    public void Texts_just_outside_are_refused_with_the_text_and_the_forms(string text)
    {
        ReportingPeriod.TryParse(text, out var period).Should().BeFalse(text);
        period.IsDefault.Should().BeTrue();
        var act = () => ReportingPeriod.Parse(text);
        act.Should().ThrowExactly<FormatException>().Which.Message.Should().Be(
            $"'{text}' is not a reporting period: expected a year such as 2020, a session such as 4.4@2020, or 11.1+@2022 for 'since a session'.");
    }

    [Fact]
    public void Factories_accept_their_first_and_last_values()
    {
        ReportingPeriod.CalendarYear(1949).Year.Should().Be(1949);
        ReportingPeriod.CalendarYear(2200).Year.Should().Be(2200);
        var first = ReportingPeriod.ForSession(1, 1, 1949);
        var last = ReportingPeriod.SinceSession(99, 99, 2200);
        (first.Kind, first.Term, first.Session, first.Year).Should().Be((PeriodKind.Session, 1, 1, 1949));
        (last.Kind, last.Term, last.Session, last.Year).Should().Be((PeriodKind.SinceSession, 99, 99, 2200));
    }

    [Theory]
    [InlineData("year", 1948, 1, 1, "year", "The year must be from 1949 to 2200.")]
    [InlineData("year", 2201, 1, 1, "year", "The year must be from 1949 to 2200.")]
    [InlineData("session", 1948, 1, 1, "year", "The year must be from 1949 to 2200.")]
    [InlineData("session", 2201, 1, 1, "year", "The year must be from 1949 to 2200.")]
    [InlineData("session", 2020, 0, 1, "term", "The term (届) must be from 1 to 99.")]
    [InlineData("session", 2020, 100, 1, "term", "The term (届) must be from 1 to 99.")]
    [InlineData("since", 2020, 1, 0, "session", "The session number (次) must be from 1 to 99.")]
    [InlineData("since", 2020, 1, 100, "session", "The session number (次) must be from 1 to 99.")]
    public void Factories_refuse_values_just_outside_by_name_and_value(string factory, int year, int term, int session, string param, string message)
    {
        var act = () => factory switch
        {
            "year" => ReportingPeriod.CalendarYear(year),
            "session" => ReportingPeriod.ForSession(term, session, year),
            _ => ReportingPeriod.SinceSession(term, session, year),
        };

        var e = act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        e.ParamName.Should().Be(param);
        e.ActualValue.Should().Be(param switch { "year" => year, "term" => term, _ => session });
        e.Message.Should().StartWith(message);
    }

    [Fact]
    public void The_generic_entries_parse_and_refuse()
    {
        Parse<ReportingPeriod>("4.4@2020").Should().Be(ReportingPeriod.ForSession(4, 4, 2020));
        TryParse<ReportingPeriod>(null, out var none).Should().BeFalse();
        none.IsDefault.Should().BeTrue();
        TryParse<ReportingPeriod>("11.1+@2022", out var since).Should().BeTrue();
        since.Should().Be(ReportingPeriod.SinceSession(11, 1, 2022));
        var bad = () => Parse<ReportingPeriod>("2020年");
        bad.Should().ThrowExactly<FormatException>().Which.Message.Should().StartWith("'2020年' is not a reporting period");
        var parseNull = () => ReportingPeriod.Parse(null!);
        parseNull.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("text");
    }

    [Theory]
    [InlineData("2020", "", "2020")]
    [InlineData("4.4@2020", "G", "4.4@2020")]
    [InlineData("11.1+@2022", "", "11.1+@2022")]
    [InlineData("2020", "C", "2020年")]
    [InlineData("4.4@2020", "C", "4届4次会议(2020)")]
    [InlineData("11.1+@2022", "C", "11届1次会议以来(2022)")]
    public void Formats_into_a_buffer_of_its_length_and_not_one_shorter(string text, string format, string expected)
    {
        var period = ReportingPeriod.Parse(text);
        Span<char> exact = new char[expected.Length];
        Span<char> shorter = new char[expected.Length - 1];

        period.TryFormat(exact, out int written, format, null).Should().BeTrue();
        written.Should().Be(expected.Length);
        exact.ToString().Should().Be(expected);
        period.TryFormat(shorter, out int none, format, null).Should().BeFalse();
        none.Should().Be(0);
    }

    [Fact]
    public void An_unknown_format_is_refused_in_both_entries()
    {
        var period = ReportingPeriod.CalendarYear(2020);
        var text = () => period.ToString("yyyy", null);
        var buffer = () => period.TryFormat(new char[16], out _, "X", null);

        text.Should().ThrowExactly<FormatException>().Which.Message.Should().Be("Period format 'yyyy' is not supported: use G or C.");
        buffer.Should().ThrowExactly<FormatException>().Which.Message.Should().Be("Period format 'X' is not supported: use G or C.");
    }

    private static T Parse<T>(string s)
        where T : IParsable<T> => T.Parse(s, null);

    private static bool TryParse<T>(string? s, out T result)
        where T : IParsable<T> => T.TryParse(s, null, out result!);
}
