using System;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// <see cref="ValueChange"/> and <see cref="Growth"/> read from a county-level roll-up of 永嘉 (330324) within 温州
/// (330300) over 2020–2023: their texts, equality field by field and the compound annual rate's edge cases (run 13 left
/// them without coverage in its filter). Every expected value is worked out by hand from the figures below.
/// </summary>
public class ValueChangeAndGrowthTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly Measure Consultation = new("activity.consultation");
    private static readonly Measure Study = new("activity.study");
    private static readonly Measure Research = new("activity.research");
    private static readonly Measure Inspection = new("activity.inspection");
    private static readonly Measure Supervision = new("activity.supervision");
    private static readonly GroupKey Wenzhou = GroupKey.ForRegion(RegionTable.Default[new RegionCode(330300)]);

    /// <summary>
    /// consultation 40, 50, at least 60, 90; study 0, 7, 7, 5; research –, 3, 3, 3; inspection 41, 50; supervision 40, 51
    /// (2020, 2021, 2022, 2023).
    /// </summary>
    private static readonly IndicatorTable Table = MakeTable();

    private static IndicatorTable MakeTable()
    {
        var builder = new FigureDatasetBuilder();
        void Add(Measure m, int year, decimal value, Qualifier q = Qualifier.Exact) =>
            builder.Add(new Figure(Yongjia, ReportingPeriod.CalendarYear(year), m, value, FigureUnit.Times, q));
        Add(Consultation, 2020, 40);
        Add(Consultation, 2021, 50);
        Add(Consultation, 2022, 60, Qualifier.AtLeast);
        Add(Consultation, 2023, 90);
        Add(Study, 2020, 0);
        Add(Study, 2021, 7);
        Add(Study, 2022, 7);
        Add(Study, 2023, 5);
        Add(Research, 2021, 3);
        Add(Research, 2022, 3);
        Add(Research, 2023, 3);
        Add(Inspection, 2020, 41);
        Add(Inspection, 2021, 50);
        Add(Supervision, 2020, 40);
        Add(Supervision, 2021, 51);
        return builder.Build().RollUp(
            Participation.CountyLevel,
            options: new AggregationOptions { Measures = [Consultation, Study, Research, Inspection, Supervision], Rates = [] });
    }

    [Fact]
    public void Year_over_year_changes_print_both_values_the_difference_and_the_percentage_when_exact()
    {
        Table.GetYearOverYear(Wenzhou, Consultation).Select(c => c.ToString()).Should().Equal(
            "2020 → 2021: 40 → 50 (+10, +25.0%)",
            "2021 → 2022: 50 → 60..",
            "2022 → 2023: 60.. → 90");
        Table.GetYearOverYear(Wenzhou, Study).Select(c => c.ToString()).Should().Equal(
            "2020 → 2021: 0 → 7 (+7)",
            "2021 → 2022: 7 → 7 (0, 0.0%)",
            "2022 → 2023: 7 → 5 (-2, -28.6%)");
        Table.GetChange(Wenzhou, Research, "2020", "2021").ToString().Should().Be("2020 → 2021: - → 3");
    }

    [Fact]
    public void A_change_from_nothing_or_to_a_range_has_no_difference()
    {
        var fromNothing = Table.GetChange(Wenzhou, Research, "2020", "2021");
        fromNothing.FromValue.Should().BeNull();
        fromNothing.ToValue.Should().Be(Bounds.Exactly(3));
        fromNothing.Absolute.Should().BeNull();
        fromNothing.Relative.Should().BeNull();

        var toRange = Table.GetChange(Wenzhou, Consultation, "2021", "2022");
        toRange.Absolute.Should().BeNull();
        toRange.Relative.Should().BeNull();

        var fromZero = Table.GetChange(Wenzhou, Study, "2020", "2021");
        fromZero.Absolute.Should().Be(7);
        fromZero.Relative.Should().BeNull();
    }

    [Fact]
    public void Changes_are_equal_only_when_both_buckets_and_both_values_are()
    {
        var a = Table.GetChange(Wenzhou, Consultation, "2020", "2021");
        a.Equals(Table.GetYearOverYear(Wenzhou, Consultation)[0]).Should().BeTrue();
        a.Equals((object)Table.GetChange(Wenzhou, Consultation, "2020", "2021")).Should().BeTrue();
        a.GetHashCode().Should().Be(Table.GetChange(Wenzhou, Consultation, "2020", "2021").GetHashCode());

        // Only the earlier value differs (41 → 50), only the later one (40 → 51).
        a.Equals(Table.GetChange(Wenzhou, Inspection, "2020", "2021")).Should().BeFalse();
        a.Equals(Table.GetChange(Wenzhou, Supervision, "2020", "2021")).Should().BeFalse();

        // research is 3 in 2021, 2022 and 2023: only the earlier bucket differs, or only the later one.
        var research2123 = Table.GetChange(Wenzhou, Research, "2021", "2023");
        research2123.Equals(Table.GetChange(Wenzhou, Research, "2022", "2023")).Should().BeFalse();
        research2123.Equals(Table.GetChange(Wenzhou, Research, "2021", "2022")).Should().BeFalse();
        research2123.Equals(Table.GetChange(Wenzhou, Research, "2021", "2023")).Should().BeTrue();

        a.Equals(null).Should().BeFalse();
    }

    [Fact]
    public void Growth_gives_the_total_and_the_compound_annual_rate_over_the_years_between_the_buckets()
    {
        var growth = Table.GetGrowth(Wenzhou, Consultation, "2020", "2023");
        growth.Years.Should().Be(3);
        growth.Total.Should().Be(1.25m);
        growth.CompoundAnnualRate.Should().BeApproximately(Math.Pow(90.0 / 40.0, 1.0 / 3.0) - 1.0, 1e-12);
        growth.CompoundAnnualRate.Should().BeApproximately(0.3103706971, 1e-9);
        growth.ToString().Should().Be("2020 → 2023: 40 → 90 (+50, +125.0%) over 3 years");
        Table.GetGrowth(Wenzhou, Consultation, "2020", "2021").ToString().Should().Be("2020 → 2021: 40 → 50 (+10, +25.0%) over 1 year");
    }

    [Fact]
    public void There_is_no_compound_rate_over_no_years_from_zero_or_down_to_zero_or_without_a_total()
    {
        // Over no years the total is 0 but a rate per year has no meaning.
        var none = Table.GetGrowth(Wenzhou, Study, "2021", "2021");
        none.Years.Should().Be(0);
        none.Total.Should().Be(0m);
        none.CompoundAnnualRate.Should().BeNull();

        // From 0 there is no relative growth, so no rate.
        Table.GetGrowth(Wenzhou, Study, "2020", "2021").CompoundAnnualRate.Should().BeNull();

        // Into a range (at least 60) there is no exact total, so no rate.
        Table.GetGrowth(Wenzhou, Consultation, "2021", "2022").CompoundAnnualRate.Should().BeNull();

        // 7 → 5 over one year: −2/7 a year.
        Table.GetGrowth(Wenzhou, Study, "2022", "2023").CompoundAnnualRate.Should().BeApproximately((5.0 / 7.0) - 1.0, 1e-12);
    }

    [Fact]
    public void Growths_are_equal_only_with_the_same_change_and_years()
    {
        var g = Table.GetGrowth(Wenzhou, Consultation, "2020", "2023");
        g.Equals(Table.GetGrowth(Wenzhou, Consultation, "2020", "2023")).Should().BeTrue();
        g.Equals((object)Table.GetGrowth(Wenzhou, Consultation, "2020", "2023")).Should().BeTrue();
        g.GetHashCode().Should().Be(Table.GetGrowth(Wenzhou, Consultation, "2020", "2023").GetHashCode());
        g.Equals(Table.GetGrowth(Wenzhou, Consultation, "2020", "2021")).Should().BeFalse();

        // research 3 → 3 from 2021 to 2022 and from 2022 to 2023: the same years (one), different changes.
        var r = Table.GetGrowth(Wenzhou, Research, "2021", "2022");
        r.Years.Should().Be(1);
        r.Equals(Table.GetGrowth(Wenzhou, Research, "2022", "2023")).Should().BeFalse();
        g.Equals(null).Should().BeFalse();
    }
}
