using System.Globalization;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// Overflow narrowed to the periods asked for (Aggregator.Overflow): a sum that overflows only in a period not selected
/// must not break the roll-up of the selected ones, which is taken again over a copy of the dataset holding only them
/// (values, presence and qualified widths moved to the new period positions, qualified cells of other periods left
/// out); an overflow that remains in the selected periods names group, period, measure and committee, also when it
/// arises from a committee's figures merged with region totals. Sums are worked out by hand.
/// </summary>
public class OverflowNarrowingTest
{
    private const decimal Huge = 5_000_000_000_000_000_000m;

    private static readonly RegionTable Table = RegionTable.FromRegions(
    [
        new Region(new RegionCode(150000), "戊省", AdministrativeLevel.Province, null),
        new Region(new RegionCode(150100), "戊一市", AdministrativeLevel.Prefecture, new RegionCode(150000)),
        new Region(new RegionCode(150101), "戊一县", AdministrativeLevel.County, new RegionCode(150100)),
        new Region(new RegionCode(150102), "戊二县", AdministrativeLevel.County, new RegionCode(150100)),
        new Region(new RegionCode(150200), "戊二市", AdministrativeLevel.Prefecture, new RegionCode(150000)),
        new Region(new RegionCode(150201), "戊三县", AdministrativeLevel.County, new RegionCode(150200)),
    ]);

    private static readonly Measure Research = new("activity.research");
    private static readonly Committee A = Committee.Parse("150101");
    private static readonly Committee B = Committee.Parse("150102");
    private static readonly Committee C = Committee.Parse("150201");
    private static readonly AggregationOptions OnlyResearch = new() { Measures = [Research], Rates = [] };

    private static ReportingPeriod Y(int year) => ReportingPeriod.CalendarYear(year);

    private static Figure Own(Committee c, int year, decimal v, Qualifier q = Qualifier.Exact) => new(c, Y(year), Research, v, FigureUnit.Times, q);

    private static Figure Total(Committee c, int year, decimal v) => new(c, Y(year), Research, v, FigureUnit.Times, Qualifier.Exact, FigureScope.RegionTotal);

    private static FigureDataset Build(params Figure[] figures) => new FigureDatasetBuilder(Table).AddRange(figures).Build();

    [Fact]
    public void An_overflow_in_a_year_not_selected_leaves_the_selected_years_with_their_values_and_widths()
    {
        // 2022 (not selected) overflows in 戊一市; 2019 (not selected) holds a qualified figure of 戊一县. Selected:
        // 2020 = 3 + 「约10」 (5..15) + 4 and 2021 = 6 + 「约20」 (15..25).
        var ds = Build(
            Own(A, 2019, 10, Qualifier.About),
            Own(A, 2020, 3), Own(B, 2020, 10, Qualifier.About), Own(C, 2020, 4),
            Own(A, 2021, 6), Own(B, 2021, 20, Qualifier.About),
            Own(A, 2022, Huge), Own(B, 2022, Huge));

        ds.Invoking(d => d.RollUp(Participation.CountyLevel, PeriodSelection.EachYear, OnlyResearch)).Should().Throw<ZhengxieMetricsException>();
        var table = ds.RollUp(Participation.CountyLevel, PeriodSelection.Years(2020, 2021), OnlyResearch);

        table[new RegionCode(150100), "2020"][Research].Should().Be(new AggregateValue(Bounds.Between(8, 18), 2, 2));
        table[new RegionCode(150100), "2021"][Research].Should().Be(new AggregateValue(Bounds.Between(21, 31), 2, 2));
        table[new RegionCode(150200), "2020"][Research].Should().Be(new AggregateValue(Bounds.Exactly(4), 1, 1));
        table[new RegionCode(150200), "2021"][Research].HasValue.Should().BeFalse();
        table[new RegionCode(150000), "2020"][Research].Should().Be(new AggregateValue(Bounds.Between(12, 22), 3, 3));
        table[new RegionCode(150000), "2021"][Research].Should().Be(new AggregateValue(Bounds.Between(21, 31), 2, 3));
    }

    [Fact]
    public void Narrowed_to_more_periods_than_one_byte_vector_every_selected_year_keeps_its_sum()
    {
        // Thirty-four years; the last (2023) overflows and is left out, the 33 selected need a stride of two byte vectors.
        var figures = Enumerable.Range(1990, 33).SelectMany(y => new[] { Own(A, y, 1), Own(B, y, y - 1980) })
            .Append(Own(A, 2023, Huge)).Append(Own(B, 2023, Huge)).ToArray();
        var ds = Build(figures);

        var table = ds.Aggregate(Grouping.Of("戊一二县", [A, B]), PeriodSelection.Years(1990, 2022), OnlyResearch);

        for (int y = 1990; y <= 2022; y++)
        {
            string year = y.ToString(CultureInfo.InvariantCulture);
            table[GroupKey.Custom("戊一二县"), year][Research].Should().Be(new AggregateValue(Bounds.Exactly(1 + (y - 1980)), 2, 2), year);
        }
    }

    [Fact]
    public void An_overflow_that_remains_in_the_selected_year_names_group_period_measure_and_committee()
    {
        // Both years overflow; only 2020 is asked for, and it still does not fit (the narrowed sums are checked too).
        var ds = Build(Own(A, 2019, Huge), Own(B, 2019, Huge), Own(A, 2020, Huge), Own(B, 2020, 4_300_000_000_000_000_000m));

        var act = () => ds.Aggregate(Grouping.Of("戊一二县", [A, B]), PeriodSelection.Years(2020, 2020), OnlyResearch);

        var e = act.Should().Throw<ZhengxieMetricsException>().Which;
        e.InnerException.Should().BeOfType<System.OverflowException>();
        e.Message.Should().Be(
            "Group 戊一二县, period 2020, measure activity.research: the sum (9300000000000000000) does not fit in a 64-bit count; the largest value in it is committee 150101's 5000000000000000000 for period 2020. Check that figure's value and unit.");
    }

    [Fact]
    public void A_committee_figure_and_its_region_total_that_overflow_together_in_a_year_not_selected_do_not_break_the_selected_year()
    {
        // 2019 (not selected): 戊一县's own figure and its region total sum beyond 64 bits when the columns are merged.
        var options = OnlyResearch with { Scope = AggregationScope.CommitteeAndRegionTotal };
        var ds = Build(Own(A, 2019, Huge), Total(A, 2019, Huge), Own(A, 2020, 7), Total(C, 2020, 30));

        var table = ds.Aggregate(Grouping.Of("戊一三县", [A, C]), PeriodSelection.Years(2020, 2020), options);

        table[GroupKey.Custom("戊一三县"), "2020"][Research].Should().Be(new AggregateValue(Bounds.Exactly(37), 2, 2));

        // With 2019 selected (and 戊一县 outside the group, so its figure and region total are not refused as counted
        // twice) the merged cell itself is named.
        var act = () => ds.Aggregate(Grouping.Of("戊三县", [C]), PeriodSelection.Years(2019, 2020), options);
        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Committee 150101, period 2019, measure activity.research: its own figure (5000000000000000000) and its region total (5000000000000000000) sum to 10000000000000000000, which does not fit in a 64-bit count.*");
    }

    [Fact]
    public void An_overflow_in_the_selected_year_beside_a_merged_overflow_in_another_names_the_selected_year()
    {
        // 2019 (not selected) overflows where 戊一县's own figure and region total merge; 2020 overflows in the group's sum
        // of 戊一县's and 戊二县's own figures: the refusal names the group and 2020, not the year left out.
        var options = OnlyResearch with { Scope = AggregationScope.CommitteeAndRegionTotal };
        var ds = Build(Own(A, 2019, Huge), Total(A, 2019, Huge), Own(A, 2020, Huge), Own(B, 2020, Huge));

        var act = () => ds.Aggregate(Grouping.Of("戊一二县", [A, B]), PeriodSelection.Years(2020, 2020), options);

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Group 戊一二县, period 2020, measure activity.research: the sum (10000000000000000000) does not fit in a 64-bit count; the largest value in it is committee 150101's 5000000000000000000 for period 2020.*");
    }

    [Fact]
    public void An_overflow_of_a_committee_figure_and_a_region_total_of_another_committee_names_the_group()
    {
        // Merged scope: 戊一县's own 5×10¹⁸ and 戊三县's region total 5×10¹⁸ (each column alone fits).
        var ds = Build(Own(A, 2020, Huge), Total(C, 2020, Huge), Own(B, 2020, 1));

        var act = () => ds.Aggregate(Grouping.Of("戊一三县", [A, C]), PeriodSelection.EachYear, OnlyResearch with { Scope = AggregationScope.CommitteeAndRegionTotal });

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Group 戊一三县, period 2020, measure activity.research: the sum (10000000000000000000) does not fit in a 64-bit count; the largest value in it is committee 150101's 5000000000000000000 for period 2020.*");

        // Region totals only: 戊三县's 5×10¹⁸ beside 戊二县's region total 5×10¹⁸.
        var totals = Build(Total(B, 2020, Huge), Total(C, 2020, Huge));
        var onlyTotals = () => totals.Aggregate(Grouping.Of("戊二三县", [B, C]), PeriodSelection.EachYear, OnlyResearch with { Scope = AggregationScope.CommitteeAndRegionTotal });
        onlyTotals.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Group 戊二三县, period 2020, measure activity.research: the sum (10000000000000000000) does not fit in a 64-bit count; the largest value in it is committee 150102's 5000000000000000000 for period 2020.*");
    }
}
