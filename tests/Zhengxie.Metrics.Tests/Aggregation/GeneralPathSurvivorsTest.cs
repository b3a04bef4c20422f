using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// The general (checked) path of the roll-up engine where Stryker run 11 left survivors: qualified widths that overflow
/// within one leaf, an upper end that overflows where the group's row is copied whole, units of measures on this path
/// (and a measure asked for that no committee reports), a pooled numerator beyond its denominator in a later bucket
/// (pooled from the measure rows and from the leaves), the rates under both scopes, and the refusal of a region total
/// beside figures it contains in a later period. Values are worked out by hand; 「约10¹⁸」 is 5×10¹⁷..1.5×10¹⁸.
/// </summary>
public class GeneralPathSurvivorsTest
{
    private const decimal AboutE18 = 1_000_000_000_000_000_000m;

    private static readonly RegionTable Table = RegionTable.FromRegions(
    [
        new Region(new RegionCode(160000), "己省", AdministrativeLevel.Province, null),
        new Region(new RegionCode(160100), "己一市", AdministrativeLevel.Prefecture, new RegionCode(160000)),
        .. Enumerable.Range(1, 10).Select(c => new Region(new RegionCode(160100 + c), "己一市" + c.ToString(System.Globalization.CultureInfo.InvariantCulture) + "县", AdministrativeLevel.County, new RegionCode(160100))),
        new Region(new RegionCode(160200), "己二市", AdministrativeLevel.Prefecture, new RegionCode(160000)),
        new Region(new RegionCode(160201), "己二市一县", AdministrativeLevel.County, new RegionCode(160200)),
    ]);

    private static readonly Measure Research = new("activity.research");
    private static readonly Measure Study = new("activity.study");
    private static readonly Measure Inspection = new("activity.inspection");
    private static readonly ReportingPeriod Y2020 = ReportingPeriod.CalendarYear(2020);
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);
    private static readonly RateDefinition ResearchPerStudy = new(new Measure("rate.research_per_study"), [Research], Study, "调研学习比", "research visits per study session");
    private static readonly Committee[] Counties = [.. Enumerable.Range(1, 10).Select(c => Committee.Parse((160100 + c).ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    private static readonly Committee Prefecture1 = Committee.Parse("160100");
    private static readonly Committee Other = Committee.Parse("160201");

    private static Figure Own(Committee c, ReportingPeriod p, Measure m, decimal v, Qualifier q = Qualifier.Exact) => new(c, p, m, v, FigureUnit.Times, q);

    private static Figure Total(Committee c, ReportingPeriod p, Measure m, decimal v, Qualifier q = Qualifier.Exact) => new(c, p, m, v, FigureUnit.Times, q, FigureScope.RegionTotal);

    private static FigureDataset Build(params Figure[] figures) => new FigureDatasetBuilder(Table).AddRange(figures).Build();

    [Theory]
    [InlineData(10, "15000000000000000000")]
    [InlineData(7, "10500000000000000000")]
    public void Qualified_widths_of_one_leaf_that_overflow_are_refused_though_the_lower_end_fits(int cells, string upper)
    {
        // 「约10¹⁸」 from each of the first counties of 己一市 in 2020 (one leaf): ten give widths of 10¹⁹ (beyond 64 bits
        // within the leaf), seven widths of 7×10¹⁸ and an upper end of 1.05×10¹⁹ (beyond 64 bits in the group's row).
        var ds = Build([.. Counties[..cells].Select(c => Own(c, Y2020, Research, AboutE18, Qualifier.About))]);

        var act = () => ds.Aggregate(Grouping.Of("己一市诸县", Counties[..cells]), PeriodSelection.EachYear, new AggregationOptions { Measures = [Research], Rates = [] });

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            $"Group 己一市诸县, period 2020, measure activity.research: the sum ({upper}) does not fit in a 64-bit count; the largest value in it is committee 160101's 500000000000000000 for period 2020.*");
        var six = Build([.. Counties[..6].Select(c => Own(c, Y2020, Research, AboutE18, Qualifier.About))])
            .Aggregate(Grouping.Of("己一市六县", Counties[..6]), PeriodSelection.EachYear, new AggregationOptions { Measures = [Research], Rates = [] });
        six[GroupKey.Custom("己一市六县"), "2020"][Research].Sum.Should().Be(Bounds.Between(3_000_000_000_000_000_000, 9_000_000_000_000_000_000));
    }

    [Fact]
    public void A_rate_whose_parts_fit_one_by_one_but_not_together_is_pooled_checked_and_refused()
    {
        // Research visits and inspections: two cells of 4.6×10¹⁸ each (each column's sum fits), together 1.84×10¹⁹.
        var (a, b) = (Counties[0], Counties[1]);
        var huge = 4_600_000_000_000_000_000m;
        var ds = Build(
            Own(a, Y2020, Research, huge), Own(b, Y2020, Research, huge), Own(a, Y2020, Inspection, huge), Own(b, Y2020, Inspection, huge),
            Own(a, Y2020, Study, 1), Own(b, Y2020, Study, 1));
        var rate = new RateDefinition(new Measure("rate.research_and_inspection_per_study"), [Research, Inspection], Study, "调研视察学习比", "research visits and inspections per study session");

        var act = () => ds.Aggregate(Grouping.Of("己一二县", [a, b]), PeriodSelection.EachYear, new AggregationOptions { Measures = [], Rates = [rate] });

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Group 己一二县, period 2020, measure rate.research_and_inspection_per_study (numerator activity.research + activity.inspection): the sum (18400000000000000000) does not fit in a 64-bit count; the largest value in it is committee 160101's 4600000000000000000 for period 2020.*");
        ds.Aggregate(Grouping.Of("己一二县", [a, b]), PeriodSelection.EachYear, new AggregationOptions { Measures = [Research, Inspection], Rates = [] })[GroupKey.Custom("己一二县"), "2020"][Inspection]
            .Sum.Should().Be(Bounds.Exactly(9_200_000_000_000_000_000));
    }

    [Fact]
    public void A_span_keeps_each_measures_unit_and_leaves_a_measure_no_one_reports_empty()
    {
        var a = Counties[0];
        var ds = new FigureDatasetBuilder(Table)
            .Add(new Figure(a, Y2020, Measures.Proposals.Received, 10m, FigureUnit.Piece))
            .Add(new Figure(a, Y2021, Measures.Proposals.Received, 12m, FigureUnit.Piece))
            .Build();

        var table = ds.Aggregate(Grouping.Of("己一县", [a]), PeriodSelection.Total(2020, 2021), new AggregationOptions { Measures = [Measures.Proposals.Received, Measures.Proposals.Concluded], Rates = [] });

        table.MeasureColumns.Select(c => c.Unit).Should().Equal("件", string.Empty);
        table[GroupKey.Custom("己一县"), "2020-2021"][Measures.Proposals.Received].Should().Be(new AggregateValue(Bounds.Exactly(22), 1, 1));
        table[GroupKey.Custom("己一县"), "2020-2021"][Measures.Proposals.Concluded].HasValue.Should().BeFalse();
    }

    [Fact]
    public void A_rate_pooled_from_the_measure_rows_is_refused_in_the_later_year_where_its_numerator_exceeds()
    {
        // Inspections of 5×10¹⁸ in each year keep the roll-up off the fused path; research over study sessions is
        // pooled from the measure rows: 1 over 1 in 2020, 3 over 2 in 2021.
        var a = Counties[0];
        var ds = Build(
            Own(a, Y2020, Research, 1), Own(a, Y2020, Study, 1), Own(a, Y2021, Research, 3), Own(a, Y2021, Study, 2),
            Own(Counties[1], Y2020, Inspection, 5_000_000_000_000_000_000m), Own(Counties[1], Y2021, Inspection, 5_000_000_000_000_000_000m));

        var act = () => ds.Aggregate(Grouping.Of("己一县", [a]), PeriodSelection.EachYear, new AggregationOptions { Measures = [Research, Study, Inspection], Rates = [ResearchPerStudy] });

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Group 己一县, period 2021, measure rate.research_per_study: the pooled numerator 3 exceeds the pooled denominator 2 (*");
    }

    [Fact]
    public void A_rate_pooled_from_the_leaves_is_refused_in_the_later_year_where_its_numerator_exceeds()
    {
        // 2021 holds the calendar year and a session of 2021 (a bucket of two periods): the rate is pooled from the leaves.
        var a = Counties[0];
        var ds = Build(
            Own(a, Y2020, Research, 1), Own(a, Y2020, Study, 1), Own(a, Y2021, Research, 3), Own(a, Y2021, Study, 2),
            Own(Counties[1], ReportingPeriod.ForSession(4, 4, 2021), Research, 1));

        var act = () => ds.Aggregate(Grouping.Of("己一县", [a]), PeriodSelection.EachYear, new AggregationOptions { Measures = [], Rates = [ResearchPerStudy] });

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Group 己一县, period 2021, measure rate.research_per_study: the pooled numerator 3 exceeds the pooled denominator 2 (*");
    }

    [Fact]
    public void A_rate_over_both_scopes_pools_committee_figures_and_region_totals()
    {
        // 己一县 states its own 10 received and 8 filed; 己二市一县 region totals of 20 and 15: 23 of 30, two contributors.
        var ds = new FigureDatasetBuilder(Table)
            .Add(new Figure(Counties[0], Y2020, Measures.Proposals.Received, 10m, FigureUnit.Piece))
            .Add(new Figure(Counties[0], Y2020, Measures.Proposals.Filed, 8m, FigureUnit.Piece))
            .Add(new Figure(Other, Y2020, Measures.Proposals.Received, 20m, FigureUnit.Piece, Qualifier.Exact, FigureScope.RegionTotal))
            .Add(new Figure(Other, Y2020, Measures.Proposals.Filed, 15m, FigureUnit.Piece, Qualifier.Exact, FigureScope.RegionTotal))
            .Build();

        var table = ds.RollUp(Participation.CountyLevel, PeriodSelection.EachYear, new AggregationOptions
        {
            Measures = [Measures.Proposals.Received],
            Rates = [RateDefinition.Acceptance],
            Scope = AggregationScope.CommitteeAndRegionTotal,
        });

        var province = table[new RegionCode(160000), "2020"];
        province[Measures.Proposals.Received].Sum.Should().Be(Bounds.Exactly(30));
        province.Rate(Measures.Rates.Acceptance).Rate.Should().Be(Rate.Of(23, 30));
        province.Rate(Measures.Rates.Acceptance).Contributors.Should().Be(2);
    }

    [Fact]
    public void A_region_total_beside_a_committee_figure_under_it_in_the_second_year_is_refused()
    {
        var ds = Build(Own(Other, Y2020, Research, 1), Total(Prefecture1, Y2021, Research, 30), Own(Counties[1], Y2021, Research, 7));

        var act = () => ds.Aggregate(Grouping.Of("试点", [Prefecture1, Counties[1]]), PeriodSelection.EachYear, new AggregationOptions { Measures = [Research], Rates = [], Scope = AggregationScope.CommitteeAndRegionTotal });

        var finding = act.Should().Throw<ValidationException>().Which.Findings.Should().ContainSingle().Subject;
        finding.Period.Should().Be(Y2021);
        finding.Message.Should().StartWith(
            "The region_total figure of 160100 (30) already contains the work of 160100 and every committee under it, and group 试点 would add the committee-scope figure of 160102 (7), a committee under it: the same work would be counted twice.");
    }

    [Fact]
    public void An_open_region_total_above_another_in_the_second_year_is_refused_naming_both()
    {
        // 「至少30次」 for 己一市 as a whole and 4 for 己一市1县 as a whole, in 2021 (2020 holds another county's figure).
        var ds = Build(Total(Other, Y2020, Research, 1), Total(Prefecture1, Y2021, Research, 30, Qualifier.AtLeast), Total(Counties[0], Y2021, Research, 4));

        var act = () => ds.RollUp(Participation.AllLevels, PeriodSelection.EachYear, new AggregationOptions { Measures = [Research], Rates = [], Scope = AggregationScope.RegionTotal });

        var finding = act.Should().Throw<ValidationException>().Which.Findings.Should().ContainSingle().Subject;
        finding.Period.Should().Be(Y2021);
        finding.Committee.Should().Be(Prefecture1);
        finding.Message.Should().StartWith(
            "The region_total figure of 160100 (30..) already contains the work of 160100 and every committee under it, and group 160000 己省 would add the region_total figure of 160101 (4), a region under it: the same work would be counted twice.");
    }
}
