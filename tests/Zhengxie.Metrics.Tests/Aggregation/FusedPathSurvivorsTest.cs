using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// The fused path of the roll-up engine (every bucket one period, no sum able to overflow) where Stryker run 11 left
/// survivors: a stride of exactly one byte vector of periods (the whole run summed in registers, eight long vectors
/// per committee), a run of more committees than a byte counter holds, the rate columns' indices, the check that no
/// pooled numerator exceeds its denominator (one bucket, the second group, an earlier bucket at equality or inside a
/// qualified denominator), two buckets of two periods each (not fused), and merged columns (committee figures and
/// region totals) whose lower ends fit while their widths or upper ends do not. Expected values are worked out by hand.
/// </summary>
public class FusedPathSurvivorsTest
{
    private static readonly Measure Research = new("activity.research");
    private static readonly Measure Study = new("activity.study");
    private static readonly FigureUnit Times = FigureUnit.Times;
    private static readonly ReportingPeriod Y2019 = ReportingPeriod.CalendarYear(2019);
    private static readonly ReportingPeriod Y2020 = ReportingPeriod.CalendarYear(2020);
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);
    private static readonly RateDefinition ResearchPerStudy = new(new Measure("rate.research_per_study"), [Research], Study, "调研学习比", "research visits per study session");

    /// <summary>A province 丁省 (140000) with three prefectures: 140100 and 140200 of 99 counties each, 140300 of 58 (256 counties in all).</summary>
    private static readonly RegionTable Table = MakeTable();

    private static readonly Committee[] Counties = [.. Table.Regions.Where(r => r.Level == AdministrativeLevel.County).Select(r => Committee.Parse(r.Code.ToString())).OrderBy(c => c.ToString(), StringComparer.Ordinal)];

    private static RegionTable MakeTable()
    {
        var regions = new List<Region> { new(new RegionCode(140000), "丁省", AdministrativeLevel.Province, null) };
        foreach (var (prefecture, counties) in new[] { (1, 99), (2, 99), (3, 58) })
        {
            var code = new RegionCode(140000 + (prefecture * 100));
            regions.Add(new Region(code, "丁" + prefecture.ToString(CultureInfo.InvariantCulture) + "市", AdministrativeLevel.Prefecture, new RegionCode(140000)));
            for (int c = 1; c <= counties; c++)
            {
                regions.Add(new Region(new RegionCode(140000 + (prefecture * 100) + c), "丁县" + c.ToString(CultureInfo.InvariantCulture), AdministrativeLevel.County, code));
            }
        }

        return RegionTable.FromRegions(regions);
    }

    private static Committee C(int code) => Committee.Parse(code.ToString(CultureInfo.InvariantCulture));

    private static Figure Own(Committee c, ReportingPeriod p, Measure m, decimal v, Qualifier q = Qualifier.Exact) => new(c, p, m, v, Times, q);

    private static Figure Total(Committee c, ReportingPeriod p, Measure m, decimal v, Qualifier q = Qualifier.Exact) => new(c, p, m, v, Times, q, FigureScope.RegionTotal);

    private static FigureDataset Build(IEnumerable<Figure> figures) => new FigureDatasetBuilder(Table).AddRange(figures).Build();

    private static string Year(int y) => y.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// As many years as a byte vector has lanes (from 1991), so the dataset's stride is one byte vector: every county
    /// reports 1991 (county i, from 0, reports i + 1); the first two counties of 140100 also report every later year
    /// (100 + k and 1000 + k in year 1991 + k).
    /// </summary>
    private static FigureDataset OneVectorOfYears(out int years)
    {
        years = Vector<byte>.Count;
        var figures = new List<Figure>();
        for (int i = 0; i < Counties.Length; i++)
        {
            figures.Add(Own(Counties[i], ReportingPeriod.CalendarYear(1991), Research, i + 1));
        }

        for (int k = 1; k < years; k++)
        {
            figures.Add(Own(Counties[0], ReportingPeriod.CalendarYear(1991 + k), Research, 100 + k));
            figures.Add(Own(Counties[1], ReportingPeriod.CalendarYear(1991 + k), Research, 1000 + k));
        }

        return Build(figures);
    }

    [Fact]
    public void A_stride_of_one_byte_vector_sums_every_period_of_each_run_in_registers()
    {
        var ds = OneVectorOfYears(out int years);
        ds.Stride.Should().Be(Vector<byte>.Count);

        var table = ds.RollUp(Participation.CountyLevel, PeriodSelection.EachYear, new AggregationOptions { Measures = [Research], Rates = [] });

        // 1991: 140100 holds counties 0..98 (1 + … + 99), 140200 counties 99..197 (100 + … + 198), 140300 counties 198..255 (199 + … + 256).
        table[new RegionCode(140100), "1991"][Research].Should().Be(new AggregateValue(Bounds.Exactly(4950), 99, 99));
        table[new RegionCode(140200), "1991"][Research].Should().Be(new AggregateValue(Bounds.Exactly(14751), 99, 99));
        table[new RegionCode(140300), "1991"][Research].Should().Be(new AggregateValue(Bounds.Exactly(13195), 58, 58));
        table[new RegionCode(140000), "1991"][Research].Should().Be(new AggregateValue(Bounds.Exactly(32896), 256, 256));
        for (int k = 1; k < years; k++)
        {
            // (100 + k) + (1000 + k), in every vector of periods of the row.
            table[new RegionCode(140100), Year(1991 + k)][Research].Sum.Should().Be(Bounds.Exactly(1100 + (2 * k)), Year(1991 + k));
            table[new RegionCode(140100), Year(1991 + k)][Research].Contributors.Should().Be(2);
            table[new RegionCode(140000), Year(1991 + k)][Research].Sum.Should().Be(Bounds.Exactly(1100 + (2 * k)));
            table[new RegionCode(140200), Year(1991 + k)][Research].HasValue.Should().BeFalse();
        }
    }

    [Fact]
    public void A_run_of_more_committees_than_a_byte_counts_each_of_them()
    {
        // The three prefectures' committees and all 256 counties in one group: one run of 259 committees (140100..140358),
        // 256 of them present in 1991 (a byte counter would wrap to 0).
        var ds = OneVectorOfYears(out _);
        var members = Counties.Concat([C(140100), C(140200), C(140300)]);

        var table = ds.Aggregate(Grouping.Of("丁省全部", members), PeriodSelection.EachYear, new AggregationOptions { Measures = [Research], Rates = [] });

        var value = table[GroupKey.Custom("丁省全部"), "1991"][Research];
        value.Contributors.Should().Be(256);
        value.Sum.Should().Be(Bounds.Exactly(256 * 257 / 2));
        table[GroupKey.Custom("丁省全部"), "1992"][Research].Should().Be(new AggregateValue(Bounds.Exactly(1102), 2, 259));
    }

    [Fact]
    public void The_fused_path_numbers_rate_columns_after_the_measures_and_leaves_an_absent_measure_without_unit()
    {
        var a = C(140101);
        var ds = Build([
            new Figure(a, Y2020, Measures.Proposals.Received, 10m, FigureUnit.Piece),
            new Figure(a, Y2020, Measures.Proposals.Filed, 8m, FigureUnit.Piece)]);

        var table = ds.Aggregate(Grouping.Of("丁县一", [a]), PeriodSelection.EachYear, new AggregationOptions
        {
            Measures = [Measures.Proposals.Received, Measures.Proposals.Concluded],
            Rates = [RateDefinition.Acceptance, RateDefinition.Reply, RateDefinition.Adoption],
        });

        table.RateColumns.Select(c => c.Index).Should().Equal(2, 3, 4);
        table.MeasureColumns.Select(c => c.Unit).Should().Equal("件", string.Empty);
        table[GroupKey.Custom("丁县一"), "2020"][Measures.Proposals.Concluded].HasValue.Should().BeFalse();
        table[0, 2].Rate!.Value.Rate.Should().Be(Rate.Of(8, 10));
    }

    [Fact]
    public void A_single_bucket_whose_pooled_numerator_exceeds_its_denominator_is_refused()
    {
        // No chain ties research visits to study sessions, so the builder keeps 3 over 2; one bucket, one group.
        var a = C(140101);
        var ds = Build([Own(a, Y2020, Research, 3), Own(a, Y2020, Study, 2)]);

        var act = () => ds.Aggregate(Grouping.Of("丁县一", [a]), PeriodSelection.EachYear, new AggregationOptions { Measures = [], Rates = [ResearchPerStudy] });

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Group 丁县一, period 2020, measure rate.research_per_study: the pooled numerator 3 exceeds the pooled denominator 2 (*");
    }

    [Fact]
    public void A_pooled_numerator_beyond_its_denominator_in_the_second_group_names_that_group()
    {
        // 140100 pools 1 over 1 in both years; 140200 1 over 1 in 2020 and 3 over 2 in 2021.
        var (a, b) = (C(140101), C(140201));
        var ds = Build([
            Own(a, Y2020, Research, 1), Own(a, Y2020, Study, 1), Own(a, Y2021, Research, 1), Own(a, Y2021, Study, 1),
            Own(b, Y2020, Research, 1), Own(b, Y2020, Study, 1), Own(b, Y2021, Research, 3), Own(b, Y2021, Study, 2)]);

        var act = () => ds.Aggregate(Grouping.ByPrefecture(), PeriodSelection.EachYear, new AggregationOptions { Measures = [], Rates = [ResearchPerStudy] });

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Group 140200 丁2市, period 2021, measure rate.research_per_study: the pooled numerator 3 exceeds the pooled denominator 2 (*");
    }

    [Fact]
    public void The_pooled_check_names_the_first_bucket_beyond_the_denominators_upper_end()
    {
        // 2019: 4 over 4 (equal, fine); 2020: 8 over 「约10」 (5..15: above the lower end, within the upper, fine);
        // 2021: 3 over 2, the one refused.
        var a = C(140101);
        var ds = Build([
            Own(a, Y2019, Research, 4), Own(a, Y2019, Study, 4),
            Own(a, Y2020, Research, 8), Own(a, Y2020, Study, 10, Qualifier.About),
            Own(a, Y2021, Research, 3), Own(a, Y2021, Study, 2)]);

        var act = () => ds.Aggregate(Grouping.Of("丁县一", [a]), PeriodSelection.EachYear, new AggregationOptions { Measures = [], Rates = [ResearchPerStudy] });

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Group 丁县一, period 2021, measure rate.research_per_study: the pooled numerator 3 exceeds the pooled denominator 2 (*");

        // Without 2021 the rate pools: 8 over 5..15 in 2020, 4 over 4 in 2019.
        var fine = Build([Own(a, Y2019, Research, 4), Own(a, Y2019, Study, 4), Own(a, Y2020, Research, 8), Own(a, Y2020, Study, 10, Qualifier.About)])
            .Aggregate(Grouping.Of("丁县一", [a]), PeriodSelection.EachYear, new AggregationOptions { Measures = [], Rates = [ResearchPerStudy] });
        fine[GroupKey.Custom("丁县一"), "2020"].Rate(ResearchPerStudy.Measure).Rate.Should().Be(Rate.FromBounds(Bounds.Exactly(8), Bounds.Between(5, 15)));
        fine[GroupKey.Custom("丁县一"), "2019"].Rate(ResearchPerStudy.Measure).Rate.Should().Be(Rate.Of(4, 4));
    }

    [Fact]
    public void Two_years_of_two_periods_each_sum_both_periods()
    {
        // Each year holds the calendar year and a session of that year (two buckets of two periods), reported by different committees.
        var (a, b) = (C(140101), C(140102));
        var s2020 = ReportingPeriod.ForSession(4, 3, 2020);
        var s2021 = ReportingPeriod.ForSession(4, 4, 2021);
        var ds = Build([Own(a, Y2020, Research, 3), Own(b, s2020, Research, 4), Own(a, Y2021, Research, 5), Own(b, s2021, Research, 6)]);

        var table = ds.Aggregate(Grouping.Of("丁县一二", [a, b]), PeriodSelection.EachYear, new AggregationOptions { Measures = [Research], Rates = [] });

        table[GroupKey.Custom("丁县一二"), "2020"][Research].Should().Be(new AggregateValue(Bounds.Exactly(7), 2, 2));
        table[GroupKey.Custom("丁县一二"), "2021"][Research].Should().Be(new AggregateValue(Bounds.Exactly(11), 2, 2));
    }

    [Fact]
    public void Committee_figures_and_region_totals_whose_lower_ends_overflow_together_are_refused()
    {
        // 140101's own 5×10¹⁸ and 140102's region total 5×10¹⁸: each column alone fits, their merged sum does not.
        var (a, b) = (C(140101), C(140102));
        var ds = Build([Own(a, Y2020, Research, 5_000_000_000_000_000_000m), Total(b, Y2020, Research, 5_000_000_000_000_000_000m)]);

        var act = () => ds.Aggregate(Grouping.Of("丁县一二", [a, b]), PeriodSelection.EachYear, new AggregationOptions { Measures = [Research], Rates = [], Scope = AggregationScope.CommitteeAndRegionTotal });

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Group 丁县一二, period 2020, measure activity.research: the sum (10000000000000000000) does not fit in a 64-bit count; the largest value in it is committee 140101's 5000000000000000000 for period 2020. Check that figure's value and unit.");
    }

    [Theory]
    [InlineData(7, "10500000000000000000")]
    [InlineData(10, "15000000000000000000")]
    public void Merged_columns_whose_widths_or_upper_ends_overflow_are_refused_though_their_lower_ends_fit(int cells, string upper)
    {
        // 「约10¹⁸」 (5×10¹⁷..1.5×10¹⁸, width 10¹⁸): a region total of the first county, own figures of the others.
        // Lower ends: cells × 5×10¹⁷ fit. Seven: widths 7×10¹⁸ fit, the upper end 1.05×10¹⁹ does not; ten: the widths 10¹⁹ do not.
        var counties = Counties[..cells];
        var figures = counties[1..].Select(c => Own(c, Y2020, Research, 1_000_000_000_000_000_000m, Qualifier.About))
            .Prepend(Total(counties[0], Y2020, Research, 1_000_000_000_000_000_000m, Qualifier.About));
        var ds = Build(figures);

        var act = () => ds.Aggregate(Grouping.Of("丁县若干", counties), PeriodSelection.EachYear, new AggregationOptions { Measures = [Research], Rates = [], Scope = AggregationScope.CommitteeAndRegionTotal });

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            $"Group 丁县若干, period 2020, measure activity.research: the sum ({upper}) does not fit in a 64-bit count; the largest value in it is committee 140101's 500000000000000000 for period 2020.*");

        // One county fewer fits: six give 3×10¹⁸..9×10¹⁸.
        var six = Build(Counties[..5].Select(c => Own(c, Y2020, Research, 1_000_000_000_000_000_000m, Qualifier.About)).Append(Total(Counties[5], Y2020, Research, 1_000_000_000_000_000_000m, Qualifier.About)))
            .Aggregate(Grouping.Of("丁县六", Counties[..6]), PeriodSelection.EachYear, new AggregationOptions { Measures = [Research], Rates = [], Scope = AggregationScope.CommitteeAndRegionTotal });
        six[GroupKey.Custom("丁县六"), "2020"][Research].Should().Be(new AggregateValue(Bounds.Between(3_000_000_000_000_000_000, 9_000_000_000_000_000_000), 6, 6));
    }

    [Fact]
    public void Region_totals_in_the_first_period_of_neighbouring_committees_are_checked_within_the_dataset_periods()
    {
        // A stride of exactly the dataset's periods: two sibling counties' region totals of 1991 (no conflict).
        var years = Vector<byte>.Count;
        var figures = new List<Figure> { Total(Counties[0], ReportingPeriod.CalendarYear(1991), Research, 4), Total(Counties[1], ReportingPeriod.CalendarYear(1991), Research, 5) };
        figures.AddRange(Enumerable.Range(1, years - 1).Select(k => Own(Counties[2], ReportingPeriod.CalendarYear(1991 + k), Research, k)));
        var ds = Build(figures);
        ds.Stride.Should().Be(years);

        var table = ds.RollUp(Participation.CountyLevel, PeriodSelection.EachYear, new AggregationOptions { Measures = [Research], Rates = [], Scope = AggregationScope.RegionTotal });

        table[new RegionCode(140100), "1991"][Research].Should().Be(new AggregateValue(Bounds.Exactly(9), 2, 99));
    }
}
