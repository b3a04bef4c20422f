using System;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.TestHelpers;

namespace Zhengxie.Metrics.Tests.Figures;

public class ReportingPeriodTest
{
    [Theory]
    [InlineData("2020", PeriodKind.CalendarYear, 2020, 0, 0)]
    [InlineData("4.4@2020", PeriodKind.Session, 2020, 4, 4)]
    [InlineData("11.1+@2022", PeriodKind.SinceSession, 2022, 11, 1)]
    [InlineData("7.4@2020", PeriodKind.Session, 2020, 7, 4)]
    [InlineData(" 2024 ", PeriodKind.CalendarYear, 2024, 0, 0)]
    [InlineData("1949", PeriodKind.CalendarYear, 1949, 0, 0)]
    [InlineData("99.99@2200", PeriodKind.Session, 2200, 99, 99)]
    public void Parses_the_text_form(string text, PeriodKind kind, int year, int term, int session)
    {
        var period = ReportingPeriod.Parse(text);
        period.Kind.Should().Be(kind);
        period.Year.Should().Be(year);
        period.Term.Should().Be(term);
        period.Session.Should().Be(session);
        period.IsDefault.Should().BeFalse();
        period.ToString().Should().Be(text.Trim());
    }

    [Theory]
    [InlineData("")]
    [InlineData("20")]
    [InlineData("1948")]
    [InlineData("2201")]
    [InlineData("20200")]
    [InlineData("二〇二〇")]
    [InlineData("２０２０")]
    [InlineData("4.4")]
    [InlineData("4@2020")]
    [InlineData("0.4@2020")]
    [InlineData("4.0@2020")]
    [InlineData("100.1@2020")]
    [InlineData("4.4@")]
    [InlineData("4.4@20")]
    [InlineData("4.4+2020")]
    [InlineData("+@2020")]
    [InlineData("4.4++@2020")]
    [InlineData("4.-4@2020")]
    [InlineData("4.4@2020@2021")]
    [InlineData("session:4.4")]
    public void Rejects_bad_text(string text)
    {
        ReportingPeriod.TryParse(text, out var period).Should().BeFalse();
        period.Should().Be(default(ReportingPeriod));
        var act = () => ReportingPeriod.Parse(text);
        act.Should().Throw<FormatException>().Which.Message.Should().Contain("'" + text + "'");
    }

    [Fact]
    public void Parse_rejects_null()
    {
        var act = () => ReportingPeriod.Parse(null!);
        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Factories_check_their_ranges()
    {
        ReportingPeriod.CalendarYear(2020).Should().Be(ReportingPeriod.Parse("2020"));
        ReportingPeriod.ForSession(4, 4, 2020).Should().Be(ReportingPeriod.Parse("4.4@2020"));
        ReportingPeriod.SinceSession(11, 1, 2022).Should().Be(ReportingPeriod.Parse("11.1+@2022"));
        var badYear = () => ReportingPeriod.CalendarYear(1900);
        badYear.Should().Throw<ArgumentOutOfRangeException>();
        var badTerm = () => ReportingPeriod.ForSession(0, 1, 2020);
        badTerm.Should().Throw<ArgumentOutOfRangeException>();
        var badSession = () => ReportingPeriod.SinceSession(1, 100, 2020);
        badSession.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("2020", "C", "2020年")]
    [InlineData("4.4@2020", "C", "4届4次会议(2020)")]
    [InlineData("11.1+@2022", "C", "11届1次会议以来(2022)")]
    [InlineData("4.4@2020", "G", "4.4@2020")]
    [InlineData("4.4@2020", null, "4.4@2020")]
    public void Formats(string text, string? format, string expected)
    {
        ReportingPeriod.Parse(text).ToString(format, null).Should().Be(expected);
    }

    [Fact]
    public void Unknown_format_throws()
    {
        var act = () => ReportingPeriod.Parse("2020").ToString("X", null);
        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void Default_is_not_a_period()
    {
        default(ReportingPeriod).IsDefault.Should().BeTrue();
        ReportingPeriod.TryParse(default(ReportingPeriod).ToString(), out _).Should().BeFalse();
    }

    [Fact]
    public void Equality_and_ordering_contract()
    {
        EqualityContract.AssertEqual(ReportingPeriod.Parse("4.4@2020"), ReportingPeriod.ForSession(4, 4, 2020));
        EqualityContract.AssertUnequal(ReportingPeriod.Parse("4.4@2020"), ReportingPeriod.Parse("4.4+@2020"));
        EqualityContract.AssertLess(ReportingPeriod.Parse("2020"), ReportingPeriod.Parse("4.4@2020"));
        EqualityContract.AssertLess(ReportingPeriod.Parse("4.4@2020"), ReportingPeriod.Parse("4.4+@2020"));
        EqualityContract.AssertLess(ReportingPeriod.Parse("11.1+@2022"), ReportingPeriod.Parse("2023"));
        EqualityContract.AssertLess(ReportingPeriod.Parse("4.3@2020"), ReportingPeriod.Parse("4.4@2020"));
        EqualityContract.AssertNonGenericComparison(ReportingPeriod.Parse("2020"));
    }

    private static readonly Gen<ReportingPeriod> AnyPeriod =
        Gen.Select(Gen.Int[0, 2], Gen.Int[1949, 2200], Gen.Int[1, 99], Gen.Int[1, 99], (kind, year, term, session) => kind switch
        {
            0 => ReportingPeriod.CalendarYear(year),
            1 => ReportingPeriod.ForSession(term, session, year),
            _ => ReportingPeriod.SinceSession(term, session, year),
        });

    [Fact]
    public void Text_round_trips()
    {
        AnyPeriod.Sample(period =>
        {
            ReportingPeriod.Parse(period.ToString()).Should().Be(period);
            ReportingPeriod.Parse(period.ToString("G", null)).Should().Be(period);
        });
    }

    [Fact]
    public void Ordering_is_consistent_with_equality()
    {
        var narrow = Gen.Select(Gen.Int[0, 2], Gen.Int[2019, 2020], Gen.Int[1, 2], Gen.Int[1, 2], (kind, year, term, session) => kind switch
        {
            0 => ReportingPeriod.CalendarYear(year),
            1 => ReportingPeriod.ForSession(term, session, year),
            _ => ReportingPeriod.SinceSession(term, session, year),
        });
        Gen.Select(narrow, narrow).Sample((a, b) => EqualityContract.AssertConsistent(a, b));
    }
}
