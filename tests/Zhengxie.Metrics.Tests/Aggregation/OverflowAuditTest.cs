using System;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// Issue 10 overflow audit: the committee-level rates of <see cref="RateDistribution"/>, the merge of committee
/// and region-total columns, and <see cref="ValueChange"/>/<see cref="Growth"/>. An overflow is an exception
/// naming committee, period and measure, never a bare <see cref="OverflowException"/>.
/// </summary>
public class OverflowAuditTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly Committee Lucheng = Committee.Parse("330302");
    private static readonly ReportingPeriod Y2020 = ReportingPeriod.CalendarYear(2020);
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);

    [Fact]
    public void A_committee_rate_whose_numerator_parts_overflow_names_committee_period_and_measure()
    {
        // (A + B) / filed: 2^62 + 2^62 = 2^63 does not fit in a long.
        const decimal half = 4_611_686_018_427_387_904m;
        var sum = new Measure("activity.sum_test");
        var rate = new RateDefinition(new Measure("rate.sum_test"), [Measures.Proposals.OutcomeA, Measures.Proposals.OutcomeB], sum);
        var dataset = new FigureDatasetBuilder()
            .Add(new Figure(Yongjia, Y2020, sum, 9_223_372_036_854_775_807m, FigureUnit.Piece))
            .Add(new Figure(Yongjia, Y2020, Measures.Proposals.OutcomeA, half, FigureUnit.Piece))
            .Add(new Figure(Yongjia, Y2020, Measures.Proposals.OutcomeB, half, FigureUnit.Piece))
            .Build();

        var act = () => dataset.GetRateDistributions(rate, Grouping.Of("永嘉", [Yongjia]), Y2020);
        var e = act.Should().Throw<ZhengxieMetricsException>().Which;
        e.Message.Should().Contain("330324").And.Contain("2020").And.Contain("rate.sum_test").And.Contain("proposals.outcome_a");
        e.InnerException.Should().BeOfType<OverflowException>();
    }

    [Fact]
    public void Merging_a_committee_figure_with_its_region_total_that_overflows_names_committee_period_and_measure()
    {
        const decimal big = 6_000_000_000_000_000_000m;
        var funds = new Measure("activity.consultation");
        var dataset = new FigureDatasetBuilder()
            .Add(new Figure(Yongjia, Y2020, funds, big, FigureUnit.Times))
            .Add(new Figure(Yongjia, Y2020, funds, big, FigureUnit.Times, scope: FigureScope.RegionTotal))
            .Add(new Figure(Lucheng, Y2020, funds, 1, FigureUnit.Times))
            .Build();

        var act = () => dataset.Aggregate(Grouping.Of("鹿城", [Lucheng]), options: new AggregationOptions { Measures = [funds], Rates = [], Scope = AggregationScope.CommitteeAndRegionTotal });
        var e = act.Should().Throw<ZhengxieMetricsException>().Which;
        e.Message.Should().Contain("330324").And.Contain("2020").And.Contain("activity.consultation");
    }

    [Fact]
    public void Change_and_growth_at_the_extremes_of_a_count_are_exact()
    {
        // Sums are counts (0..2^63-1), so to − from always fits in a long; the extremes give exact values.
        var consultation = new Measure("activity.consultation");
        var dataset = new FigureDatasetBuilder()
            .Add(new Figure(Yongjia, Y2020, consultation, 9_223_372_036_854_775_807m, FigureUnit.Times))
            .Add(new Figure(Yongjia, Y2021, consultation, 1m, FigureUnit.Times))
            .Add(new Figure(Yongjia, ReportingPeriod.CalendarYear(2022), consultation, 9_223_372_036_854_775_807m, FigureUnit.Times))
            .Build();
        var table = dataset.RollUp(Participation.CountyLevel, options: new AggregationOptions { Measures = [consultation], Rates = [] });
        var wenzhou = RegionTable.Default[new RegionCode(330300)];
        var group = GroupKey.ForRegion(wenzhou);

        var changes = table.GetYearOverYear(group, consultation);
        changes.Select(c => c.Absolute).Should().Equal(1L - long.MaxValue, long.MaxValue - 1L);
        changes[0].Relative.Should().Be((1m - 9_223_372_036_854_775_807m) / 9_223_372_036_854_775_807m);
        changes[1].Relative.Should().Be(9_223_372_036_854_775_806m);

        var down = table.GetGrowth(group, consultation, "2020", "2021");
        down.Years.Should().Be(1);
        down.CompoundAnnualRate.Should().BeApproximately((1.0 / 9.223372036854775807e18) - 1.0, 1e-15);
        var flat = table.GetGrowth(group, consultation, "2020", "2022");
        flat.Total.Should().Be(0m);
        flat.CompoundAnnualRate.Should().Be(0.0);
    }
}
