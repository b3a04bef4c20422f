using System;
using System.Collections.Generic;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.SampleData;

namespace Zhengxie.Metrics.Tests.SampleData;

/// <summary>A seed report of our own: the constructor's refusals, equality field by field, and its text.</summary>
public class SeedReportTest
{
    private static readonly Committee Lishui = new(RegionCode.Parse("331100"), AdministrativeLevel.Prefecture);
    private static readonly ReportingPeriod Session = ReportingPeriod.ForSession(4, 4, 2020);
    private static readonly Figure Filed = new(Lishui, Session, Measures.Proposals.Filed, 278m, FigureUnit.Piece, Qualifier.Exact);
    private static readonly Figure Received = new(Lishui, Session, Measures.Proposals.Received, 354m, FigureUnit.Piece, Qualifier.Exact);

    private static SeedReport Make(
        string id = "lishui-2020",
        string name = "丽水市政协",
        Committee? committee = null,
        ReportingPeriod? period = null,
        LocalDate? published = null,
        IReadOnlyList<Figure>? figures = null,
        IReadOnlyDictionary<string, string>? rates = null) =>
        new(id, name, committee ?? Lishui, period ?? Session, published, figures ?? [Received, Filed], rates ?? new Dictionary<string, string> { ["rate.acceptance"] = "278/354", ["rate.reply"] = "278/278" });

    [Fact]
    public void A_default_committee_is_refused_by_name()
    {
        var act = () => Make(committee: default(Committee));
        act.Should().Throw<ArgumentException>().WithMessage("A report needs a committee.*").Which.ParamName.Should().Be("committee");
    }

    [Fact]
    public void A_default_period_is_refused_by_name()
    {
        var act = () => Make(period: default(ReportingPeriod));
        act.Should().Throw<ArgumentException>().WithMessage("A report needs a period.*").Which.ParamName.Should().Be("period");
    }

    [Fact]
    public void Null_figures_are_refused_by_name()
    {
        var act = () => new SeedReport("lishui-2020", "丽水市政协", Lishui, Session, null, null!, null);
        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("figures");
    }

    [Fact]
    public void A_null_figure_is_refused_by_name()
    {
        var act = () => Make(figures: [Received, null!]);
        act.Should().Throw<ArgumentException>().WithMessage("A report's figures must not hold null.*").Which.ParamName.Should().Be("figures");
    }

    [Fact]
    public void Blank_id_or_name_is_refused()
    {
        ((Action)(() => Make(id: " "))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("id");
        ((Action)(() => Make(name: string.Empty))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("committeeName");
    }

    [Fact]
    public void Reports_with_the_same_fields_are_equal()
    {
        var a = Make(published: new LocalDate(2021, 2, 20));
        var b = Make(published: new LocalDate(2021, 2, 20));
        a.Equals(b).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        Make(rates: null!).Equals(new SeedReport("lishui-2020", "丽水市政协", Lishui, Session, null, [Received, Filed], new Dictionary<string, string> { ["rate.acceptance"] = "278/354", ["rate.reply"] = "278/278" })).Should().BeTrue();
    }

    public static TheoryData<string> Differences => new() { "id", "name", "committee", "period", "published", "figures", "figure order", "rate count", "rate value", "rate key" };

    [Theory]
    [MemberData(nameof(Differences))]
    public void Reports_that_differ_in_one_field_are_not_equal(string field)
    {
        var a = Make();
        var b = field switch
        {
            "id" => Make(id: "lishui-2021"),
            "name" => Make(name: "丽水市政协委员会"),
            "committee" => Make(committee: new Committee(RegionCode.Parse("331102"), AdministrativeLevel.County)),
            "period" => Make(period: ReportingPeriod.CalendarYear(2020)),
            "published" => Make(published: new LocalDate(2021, 2, 20)),
            "figures" => Make(figures: [Received]),
            "figure order" => Make(figures: [Filed, Received]),
            "rate count" => Make(rates: new Dictionary<string, string> { ["rate.acceptance"] = "278/354" }),
            "rate value" => Make(rates: new Dictionary<string, string> { ["rate.acceptance"] = "278/354", ["rate.reply"] = "277/278" }),
            "rate key" => Make(rates: new Dictionary<string, string> { ["rate.acceptance"] = "278/354", ["rate.on_time_reply"] = "278/278" }),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        a.Equals(b).Should().BeFalse();
        b.Equals(a).Should().BeFalse();
        a.Equals((object)b).Should().BeFalse();
    }

    [Fact]
    public void A_report_is_not_equal_to_null_or_another_type()
    {
        Make().Equals(null).Should().BeFalse();
        Make().Equals((object?)null).Should().BeFalse();
        Make().Equals("lishui-2020").Should().BeFalse();
    }

    [Fact]
    public void Text_is_the_identifier_and_the_committee_name()
    {
        Make().ToString().Should().Be("lishui-2020 丽水市政协");
    }

    [Fact]
    public void Figures_and_rates_are_copies()
    {
        var figures = new List<Figure> { Received };
        var rates = new Dictionary<string, string> { ["rate.reply"] = "1/1" };
        var report = Make(figures: figures, rates: rates);
        figures.Add(Filed);
        rates["rate.acceptance"] = "1/2";
        report.Figures.Should().Equal(Received);
        report.ExpectedRates.Should().HaveCount(1);
    }
}
