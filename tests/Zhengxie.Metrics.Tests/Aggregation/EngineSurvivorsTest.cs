using System;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// The general (checked) path of the roll-up engine where Stryker run 5 left survivors in completed sessions: the checked
/// sums of qualified widths and of a bucket's periods (a span's lower, width and upper ends), the numerator sum of a rate
/// pooled from the leaves, the pooled-numerator check of a rate whose counts no chain ties together, and the column
/// indices of the rates. Values near 2⁶³ are 「约1000000000000000000」 (about 10¹⁸: 5×10¹⁷..1.5×10¹⁸, a width of 10¹⁸), so a
/// few of them overflow a width or an upper end while their lower ends still fit.
/// </summary>
public class EngineSurvivorsTest
{
    private const decimal AboutE18 = 1_000_000_000_000_000_000m;
    private static readonly Measure Research = new("activity.research");
    private static readonly Measure Inspection = new("activity.inspection");
    private static readonly Measure Study = new("activity.study");
    private static readonly ReportingPeriod Y2020 = ReportingPeriod.CalendarYear(2020);
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);

    // Five counties of 温州 (one leaf of a county-level roll-up) and five of 杭州 (another leaf): 浙江 holds both.
    private static readonly Committee[] Wenzhou = [.. new[] { 330302, 330303, 330304, 330305, 330324 }.Select(c => RegionTable.Default.GetCommittee(new RegionCode(c)))];
    private static readonly Committee[] Hangzhou = [.. new[] { 330102, 330105, 330106, 330108, 330109 }.Select(c => RegionTable.Default.GetCommittee(new RegionCode(c)))];

    private static readonly RateDefinition ResearchPerStudy = new(new Measure("rate.research_per_study"), [Research], Study, "调研学习比", "research visits per study session");
    private static readonly RateDefinition ResearchAndInspectionPerStudy = new(new Measure("rate.research_and_inspection_per_study"), [Research, Inspection], Study, "调研视察学习比", "research visits and inspections per study session");

    private static AggregationOptions Only(params Measure[] measures) => new() { Measures = measures, Rates = [] };

    /// <summary>「约10¹⁸」 for each committee in each period given, and an exact 1 for the first committee in 2021 (so a span of both years is a bucket of two periods).</summary>
    private static FigureDataset AboutE18For(Committee[] committees, params ReportingPeriod[] periods)
    {
        var builder = new FigureDatasetBuilder();
        foreach (var p in periods)
        {
            foreach (var c in committees)
            {
                builder.Add(new Figure(c, p, Research, AboutE18, FigureUnit.Times, Qualifier.About));
            }
        }

        if (!periods.Contains(Y2021))
        {
            builder.Add(new Figure(committees[0], Y2021, Research, 1m, FigureUnit.Times));
        }

        return builder.Build();
    }

    [Fact]
    public void A_span_whose_periods_sum_beyond_64_bits_names_group_span_and_measure()
    {
        // Each year alone fits (5×10¹⁸); the two years together do not (the bucket's checked lower sum).
        var ds = new FigureDatasetBuilder()
            .Add(new Figure(Wenzhou[4], Y2020, Research, 5_000_000_000_000_000_000m, FigureUnit.Times))
            .Add(new Figure(Wenzhou[4], Y2021, Research, 5_000_000_000_000_000_000m, FigureUnit.Times))
            .Build();

        ds.Aggregate(Grouping.Of("永嘉", [Wenzhou[4]]), PeriodSelection.EachYear, Only(Research))[GroupKey.Custom("永嘉"), "2021"][Research].Sum
            .Should().Be(Bounds.Exactly(5_000_000_000_000_000_000));
        var act = () => ds.Aggregate(Grouping.Of("永嘉", [Wenzhou[4]]), PeriodSelection.Total(2020, 2021), Only(Research));

        var e = act.Should().Throw<ZhengxieMetricsException>().Which;
        e.InnerException.Should().BeOfType<OverflowException>();
        e.Message.Should().Be("Group 永嘉, period 2020-2021, measure activity.research: the sum (10000000000000000000) does not fit in a 64-bit count; the largest value in it is committee 330324's 5000000000000000000 for period 2020. Check that figure's value and unit.");
    }

    [Fact]
    public void A_span_whose_widths_sum_beyond_64_bits_is_refused_though_its_lower_end_fits()
    {
        // Per year: lower 2.5×10¹⁸, width 5×10¹⁸. Over both years: lower 5×10¹⁸ fits, the width 10¹⁹ does not.
        var ds = AboutE18For(Wenzhou, Y2020, Y2021);

        var year = ds.Aggregate(Grouping.Of("温州五地", Wenzhou), PeriodSelection.EachYear, Only(Research))[GroupKey.Custom("温州五地"), "2020"][Research];
        year.Sum.Should().Be(Bounds.Between(2_500_000_000_000_000_000, 7_500_000_000_000_000_000));
        var act = () => ds.Aggregate(Grouping.Of("温州五地", Wenzhou), PeriodSelection.Total(2020, 2021), Only(Research));

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Group 温州五地, period 2020-2021, measure activity.research: the sum (15000000000000000000) does not fit in a 64-bit count;*");
    }

    [Fact]
    public void A_span_whose_upper_end_is_beyond_64_bits_is_refused_though_its_lower_end_and_width_fit()
    {
        // Four committees a year: lower 2×10¹⁸ and width 4×10¹⁸ a year; over both years lower 4×10¹⁸ and width 8×10¹⁸ fit, the upper end 1.2×10¹⁹ does not.
        var four = Wenzhou[..4];
        var ds = AboutE18For(four, Y2020, Y2021);
        var act = () => ds.Aggregate(Grouping.Of("温州四地", four), PeriodSelection.Total(2020, 2021), Only(Research));

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Group 温州四地, period 2020-2021, measure activity.research: the sum (12000000000000000000) does not fit in a 64-bit count;*");

        // Three a year fit: 1.5×10¹⁸..4.5×10¹⁸ each year, 3×10¹⁸..9×10¹⁸ over both.
        var three = AboutE18For(Wenzhou[..3], Y2020, Y2021).Aggregate(Grouping.Of("温州三地", Wenzhou[..3]), PeriodSelection.Total(2020, 2021), Only(Research));
        var value = three[GroupKey.Custom("温州三地"), "2020-2021"][Research];
        value.Sum.Should().Be(Bounds.Between(3_000_000_000_000_000_000, 9_000_000_000_000_000_000));
        value.Contributors.Should().Be(3);
    }

    [Fact]
    public void Widths_that_overflow_only_where_two_prefectures_meet_are_refused_in_their_province()
    {
        // 温州's five and 杭州's five are two leaves; each prefecture's width (5×10¹⁸) fits, 浙江's (10¹⁹) does not,
        // though its lower end (5×10¹⁸) does. A span of two years sends the roll-up down the checked path.
        var ds = AboutE18For([.. Wenzhou, .. Hangzhou], Y2020);

        var act = () => ds.RollUp(Participation.CountyLevel, PeriodSelection.Total(2020, 2021), Only(Research));

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Group 330000 浙江省, period 2020-2021, measure activity.research: the sum (15000000000000000001) does not fit in a 64-bit count;*");
        var prefectures = AboutE18For(Wenzhou, Y2020).RollUp(Participation.CountyLevel, PeriodSelection.Total(2020, 2021), Only(Research));
        prefectures[new RegionCode(330300), "2020-2021"][Research].Sum.Should().Be(Bounds.Between(2_500_000_000_000_000_001, 7_500_000_000_000_000_001));
    }

    [Fact]
    public void A_rate_numerator_whose_parts_sum_beyond_64_bits_names_the_rate_and_its_parts()
    {
        // Each part fits, their sum (10¹⁹) does not: the rate is pooled from the leaves (the parts are not among the measures asked for).
        var ds = new FigureDatasetBuilder()
            .Add(new Figure(Wenzhou[4], Y2020, Research, 5_000_000_000_000_000_000m, FigureUnit.Times))
            .Add(new Figure(Wenzhou[4], Y2020, Inspection, 5_000_000_000_000_000_000m, FigureUnit.Times))
            .Add(new Figure(Wenzhou[4], Y2020, Study, 1m, FigureUnit.Times))
            .Build();

        var act = () => ds.Aggregate(Grouping.Of("永嘉", [Wenzhou[4]]), PeriodSelection.EachYear, new AggregationOptions { Measures = [], Rates = [ResearchAndInspectionPerStudy] });

        var e = act.Should().Throw<ZhengxieMetricsException>().Which;
        e.InnerException.Should().BeOfType<OverflowException>();
        e.Message.Should().StartWith(
            "Group 永嘉, period 2020, measure rate.research_and_inspection_per_study (numerator activity.research + activity.inspection): the sum (10000000000000000000) does not fit in a 64-bit count;");
    }

    [Theory]
    [InlineData("each year", 3, 0)]
    [InlineData("each year", 3, 2)]
    [InlineData("total", 3, 0)]
    [InlineData("total", 3, 2)]
    public void A_rate_whose_pooled_numerator_exceeds_its_denominator_is_refused_on_every_path(string selection, long research, long study)
    {
        // No chain ties research visits to study sessions, so the builder keeps them; the pooling refuses the rate
        // (a denominator of 0 included). "each year" takes the fused path, "total" (a span) the checked one.
        // Without measures and with the rate's own: pooled from the leaves or by the fused pass. With a column that could
        // overflow (inspections, each year alone fits): off the fused pass, the rate pooled from the measure rows.
        var (ds, periods, label, variants) = RatePathCase(selection, new Figure(Wenzhou[4], Y2020, Research, research, FigureUnit.Times), new Figure(Wenzhou[4], Y2020, Study, study, FigureUnit.Times));
        foreach (var measures in variants)
        {
            var act = () => ds.Aggregate(Grouping.Of("永嘉", [Wenzhou[4]]), periods, new AggregationOptions { Measures = measures, Rates = [ResearchPerStudy] });

            act.Should().Throw<ZhengxieMetricsException>().WithMessage(
                $"Group 永嘉, period {label}, measure rate.research_per_study: the pooled numerator {research} exceeds the pooled denominator {study} (*");
        }
    }

    [Theory]
    [InlineData("each year")]
    [InlineData("total")]
    public void A_rate_over_an_open_denominator_is_pooled_not_refused_on_every_path(string selection)
    {
        // 「至少3次」 study sessions: the denominator has no upper end, so 5 research visits over it cannot be said to exceed it.
        var (ds, periods, label, variants) = RatePathCase(selection, new Figure(Wenzhou[4], Y2020, Research, 5m, FigureUnit.Times), new Figure(Wenzhou[4], Y2020, Study, 3m, FigureUnit.Times, Qualifier.AtLeast));
        foreach (var measures in variants)
        {
            var table = ds.Aggregate(Grouping.Of("永嘉", [Wenzhou[4]]), periods, new AggregationOptions { Measures = measures, Rates = [ResearchPerStudy] });

            var pooled = table[GroupKey.Custom("永嘉"), label].Rate(ResearchPerStudy.Measure);
            pooled.Contributors.Should().Be(1);
            pooled.Rate.Should().Be(Rate.FromBounds(Bounds.Exactly(5), Bounds.AtLeast(3)));
        }
    }

    /// <summary>
    /// 永嘉's research visits and study sessions of 2020 (the two figures given), one study session in 2021, and 洞头's
    /// inspections at 5×10¹⁸ a year (each year fits, the span does not); the period selection, its label and the measure
    /// lists that take each path of the engine for <paramref name="selection"/> ("each year" or "total").
    /// </summary>
    private static (FigureDataset Dataset, PeriodSelection Periods, string Label, Measure[][] Variants) RatePathCase(string selection, Figure research, Figure study)
    {
        var ds = new FigureDatasetBuilder()
            .Add(research)
            .Add(study)
            .Add(new Figure(Wenzhou[4], Y2021, Study, 1m, FigureUnit.Times))
            .Add(new Figure(Wenzhou[3], Y2020, Inspection, 5_000_000_000_000_000_000m, FigureUnit.Times))
            .Add(new Figure(Wenzhou[3], Y2021, Inspection, 5_000_000_000_000_000_000m, FigureUnit.Times))
            .Build();
        return selection == "total"
            ? (ds, PeriodSelection.Total(2020, 2021), "2020-2021", [[], [Research, Study]])
            : (ds, PeriodSelection.EachYear, "2020", [[], [Research, Study], [Research, Study, Inspection]]);
    }

    [Fact]
    public void A_rate_whose_numerator_fits_its_denominator_is_pooled_on_the_checked_path()
    {
        var ds = new FigureDatasetBuilder()
            .Add(new Figure(Wenzhou[4], Y2020, Research, 3m, FigureUnit.Times))
            .Add(new Figure(Wenzhou[4], Y2020, Study, 3m, FigureUnit.Times))
            .Add(new Figure(Wenzhou[4], Y2021, Study, 1m, FigureUnit.Times))
            .Add(new Figure(Wenzhou[3], Y2021, Research, 0m, FigureUnit.Times))
            .Add(new Figure(Wenzhou[3], Y2021, Study, 0m, FigureUnit.Times))
            .Build();

        var table = ds.Aggregate(Grouping.Of("温州两地", [Wenzhou[3], Wenzhou[4]]), PeriodSelection.Total(2020, 2021), new AggregationOptions { Measures = [], Rates = [ResearchPerStudy] });

        var pooled = table[GroupKey.Custom("温州两地"), "2020-2021"].Rate(ResearchPerStudy.Measure);
        pooled.Rate.Should().Be(Rate.Of(3, 3));
        pooled.Contributors.Should().Be(2);
    }

    [Fact]
    public void A_year_of_two_periods_after_another_year_counts_each_leafs_committees()
    {
        // 2021 holds the calendar year and 四届四次会议 of 2021, reported by different committees: under EachYear it is a
        // bucket of two periods after the bucket of 2020, so its contributors are counted per leaf and bucket (温州 and 杭州 are two leaves).
        var session = ReportingPeriod.ForSession(4, 4, 2021);
        var ds = new FigureDatasetBuilder()
            .Add(new Figure(Wenzhou[4], Y2020, Research, 1m, FigureUnit.Times))
            .Add(new Figure(Wenzhou[4], Y2021, Research, 2m, FigureUnit.Times))
            .Add(new Figure(Wenzhou[0], session, Research, 3m, FigureUnit.Times))
            .Add(new Figure(Hangzhou[0], Y2021, Research, 4m, FigureUnit.Times))
            .Add(new Figure(Hangzhou[1], session, Research, 5m, FigureUnit.Times))
            .Add(new Figure(Hangzhou[2], session, Research, 6m, FigureUnit.Times))
            .Build();

        var table = ds.RollUp(Participation.CountyLevel, PeriodSelection.EachYear, Only(Research));

        (Bounds Sum, int Contributors) At(int region, string year)
        {
            var v = table[new RegionCode(region), year][Research];
            return (v.Sum.GetValueOrDefault(), v.Contributors);
        }

        At(330300, "2020").Should().Be((Bounds.Exactly(1), 1));
        At(330100, "2020").Contributors.Should().Be(0);
        At(330300, "2021").Should().Be((Bounds.Exactly(5), 2));
        At(330100, "2021").Should().Be((Bounds.Exactly(15), 3));
        At(330000, "2021").Should().Be((Bounds.Exactly(20), 5));
        At(330000, "2020").Should().Be((Bounds.Exactly(1), 1));
    }

    [Fact]
    public void A_rate_pooled_on_the_checked_path_counts_its_committees_in_every_vector_of_periods()
    {
        // Forty years, more than one vector of periods: 永嘉 reports received and filed every year, 鹿城 received only (taken
        // out of the pooled rate), 龙湾 a session of 1980 beside the calendar years (a bucket of two periods: the checked path).
        var builder = new FigureDatasetBuilder();
        for (int y = 1980; y < 2020; y++)
        {
            var p = ReportingPeriod.CalendarYear(y);
            builder.Add(new Figure(Wenzhou[4], p, Measures.Proposals.Received, 20 + (y - 1980), FigureUnit.Piece));
            builder.Add(new Figure(Wenzhou[4], p, Measures.Proposals.Filed, 10 + (y - 1980), FigureUnit.Piece));
            builder.Add(new Figure(Wenzhou[0], p, Measures.Proposals.Received, 7m, FigureUnit.Piece));
        }

        var session = ReportingPeriod.ForSession(5, 1, 1980);
        builder.Add(new Figure(Wenzhou[1], session, Measures.Proposals.Received, 3m, FigureUnit.Piece));
        builder.Add(new Figure(Wenzhou[1], session, Measures.Proposals.Filed, 2m, FigureUnit.Piece));
        var three = new[] { Wenzhou[0], Wenzhou[1], Wenzhou[4] };

        var table = builder.Build().Aggregate(Grouping.Of("温州三地", three), PeriodSelection.Years(1980, 2019), new AggregationOptions { Measures = [], Rates = [RateDefinition.Acceptance] });

        for (int y = 1980; y < 2020; y++)
        {
            var pooled = table[GroupKey.Custom("温州三地"), y.ToString(System.Globalization.CultureInfo.InvariantCulture)].Rate(Measures.Rates.Acceptance);
            int i = y - 1980;
            pooled.Rate.Should().Be(y == 1980 ? Rate.Of(10 + 2, 20 + 3) : Rate.Of(10 + i, 20 + i), y.ToString(System.Globalization.CultureInfo.InvariantCulture));
            pooled.Contributors.Should().Be(y == 1980 ? 2 : 1);
        }
    }

    [Fact]
    public void The_columns_of_the_checked_path_are_numbered_measures_first_then_rates()
    {
        var ds = new FigureDatasetBuilder()
            .Add(new Figure(Wenzhou[4], Y2020, Measures.Proposals.Received, 10m, FigureUnit.Piece))
            .Add(new Figure(Wenzhou[4], Y2020, Measures.Proposals.Filed, 8m, FigureUnit.Piece))
            .Add(new Figure(Wenzhou[4], Y2021, Measures.Proposals.Replied, 7m, FigureUnit.Piece))
            .Build();

        var table = ds.Aggregate(Grouping.Of("永嘉", [Wenzhou[4]]), PeriodSelection.Total(2020, 2021), new AggregationOptions
        {
            Measures = [Measures.Proposals.Received, Measures.Proposals.Filed],
            Rates = [RateDefinition.Acceptance, RateDefinition.Reply, RateDefinition.Adoption],
        });

        table.Columns.Select(c => c.Index).Should().Equal(0, 1, 2, 3, 4);
        table.RateColumns.Select(c => c.Index).Should().Equal(2, 3, 4);
        table.RateColumns.Select(c => c.Definition.Measure).Should().Equal(Measures.Rates.Acceptance, Measures.Rates.Reply, Measures.Rates.Adoption);
        table[0, 3].Rate.Should().Be(table.GetRate(0, table.RateColumns[1]));
        table[0, 2].Rate!.Value.Rate.Should().Be(Rate.Of(8, 10));
    }
}
