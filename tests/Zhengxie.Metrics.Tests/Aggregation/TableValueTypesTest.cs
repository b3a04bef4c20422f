using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// The small value types of the tables, which run 13's filter reached only from classes outside it: <see cref="IndicatorCell"/>,
/// <see cref="IndicatorRow"/>, <see cref="IndicatorObservation"/>, <see cref="RankedCommittee"/> and
/// <see cref="RateDistribution"/> (its statistics, ranks, cuts and equality). Values worked out by hand below.
/// </summary>
public class TableValueTypesTest
{
    private static readonly Measure Filed = Measures.Proposals.Filed;
    private static readonly GroupKey Jia = GroupKey.Custom("甲组");
    private static readonly PeriodBucket B2021 = PeriodBucket.Of(ReportingPeriod.CalendarYear(2021));
    private static readonly PeriodBucket B2022 = PeriodBucket.Of(ReportingPeriod.CalendarYear(2022));
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);

    /// <summary>
    /// Group 甲组 of 3 committees; 2021: filed 10 from 2 committees, reply rate 8/10 from 2; 2022: filed at least 12 from
    /// 3, no reply rate.
    /// </summary>
    private static IndicatorTable Table(GroupKey? group = null, PeriodBucket? second = null) =>
        IndicatorTableRestore.Restore(
            [(Filed, "件")],
            [RateDefinition.Reply],
            [B2021, second ?? B2022],
            [group ?? Jia],
            [3],
            [
                (new() { ["proposals.filed"] = new AggregateValue(Bounds.Exactly(10), 2, 3) }, new() { ["rate.reply"] = new PooledRate(Rate.Of(8, 10), 2, 3) }),
                (new() { ["proposals.filed"] = new AggregateValue(Bounds.AtLeast(12), 3, 3) }, new() { ["rate.reply"] = new PooledRate(Rate.None, 0, 3) }),
            ],
            null);

    [Fact]
    public void A_measure_cell_has_a_sum_and_no_rate_a_rate_cell_the_reverse()
    {
        var table = Table();
        var sum = table[0, 0];
        sum.Column.Should().BeSameAs(table.MeasureColumns[0]);
        sum.Value.Should().Be(new AggregateValue(Bounds.Exactly(10), 2, 3));
        sum.Rate.Should().BeNull();
        (sum.Contributors, sum.GroupSize).Should().Be((2, 3));
        sum.ToString().Should().Be("10 (2/3)");

        var rate = table[0, 1];
        rate.Column.Should().BeSameAs(table.RateColumns[0]);
        rate.Value.Should().BeNull();
        rate.Rate.Should().Be(new PooledRate(Rate.Of(8, 10), 2, 3));
        (rate.Contributors, rate.GroupSize).Should().Be((2, 3));
        rate.ToString().Should().Be("80.0% (8/10) (2/3)");

        var none = table[1, 1];
        none.Rate!.Value.Rate.Should().BeNull();
        (none.Contributors, none.GroupSize).Should().Be((0, 3));
        none.ToString().Should().Be("n/a (0/3)");
        table[1, 0].ToString().Should().Be("12.. (3/3)");

        var empty = default(IndicatorCell);
        empty.Value.Should().BeNull();
        empty.Rate.Should().BeNull();
        (empty.Contributors, empty.GroupSize).Should().Be((0, 0));
        empty.ToString().Should().Be("n/a (0/0)");
    }

    [Fact]
    public void Cells_are_equal_with_the_same_column_and_content()
    {
        var table = Table();
        (table[0, 0] == table[0, 0]).Should().BeTrue();
        (table[0, 0] != table[0, 0]).Should().BeFalse();
        table[0, 0].Equals((object)table[0, 0]).Should().BeTrue();
        table[0, 0].GetHashCode().Should().Be(table[0, 0].GetHashCode());
        table[0, 1].Equals(table[0, 1]).Should().BeTrue();

        (table[0, 0] == table[1, 0]).Should().BeFalse();
        (table[0, 0] != table[1, 0]).Should().BeTrue();
        (table[0, 1] == table[1, 1]).Should().BeFalse();
        table[0, 0].Equals((object)"10 (2/3)").Should().BeFalse();

        // The same content in the column of another table (equal, but another column object): not the same cell.
        (table[0, 0] == Table()[0, 0]).Should().BeFalse();
    }

    [Fact]
    public void A_row_gives_its_values_and_prints_its_group_and_period()
    {
        var table = Table();
        var row = table.GetRow(1);
        (row.Index, row.Group, row.Period, row.GroupSize).Should().Be((1, Jia, B2022, 3));
        row[Filed].Should().Be(new AggregateValue(Bounds.AtLeast(12), 3, 3));
        row.Rate(new Measure("rate.reply")).Should().Be(new PooledRate(Rate.None, 0, 3));
        row.Rate(RateDefinition.Reply).Contributors.Should().Be(0);
        table.GetRow(0).Rate(RateDefinition.Reply).Should().Be(new PooledRate(Rate.Of(8, 10), 2, 3));
        row.Observations().Select(o => o.Measure).Should().Equal(Filed, new Measure("rate.reply"));
        row.ToString().Should().Be("甲组 @ 2022");

        var act = () => row.Rate((RateDefinition)null!);
        act.Should().Throw<ArgumentNullException>();
        var none = default(IndicatorRow);
        var read = () => none[Filed];
        read.Should().Throw<InvalidOperationException>().WithMessage("default(IndicatorRow) belongs to no table.");
    }

    [Fact]
    public void Rows_are_equal_by_index_group_and_period()
    {
        var table = Table();
        (table.GetRow(1) == table.Rows[1]).Should().BeTrue();
        (table.GetRow(1) != table.Rows[1]).Should().BeFalse();
        table.GetRow(1).Equals((object)table.Rows[1]).Should().BeTrue();
        table.GetRow(1).GetHashCode().Should().Be(table.Rows[1].GetHashCode());
        (table.GetRow(1) == Table().GetRow(1)).Should().BeTrue();

        (table.GetRow(1) == table.GetRow(0)).Should().BeFalse();
        (table.GetRow(1) != table.GetRow(0)).Should().BeTrue();
        (table.GetRow(1) == Table(group: GroupKey.Custom("乙组")).GetRow(1)).Should().BeFalse();
        (table.GetRow(1) == Table(second: PeriodBucket.Of(ReportingPeriod.CalendarYear(2023))).GetRow(1)).Should().BeFalse();

        // Index only: 甲组 @ 2022 is row 0 of a table whose first bucket is 2022.
        var shifted = IndicatorTableRestore.Restore([(Filed, "件")], [], [B2022], [Jia], [3], [(new() { ["proposals.filed"] = new AggregateValue(Bounds.Exactly(1), 1, 3) }, new())], null);
        shifted.Rows[0].Should().Match<IndicatorRow>(r => r.Group == Jia && r.Period == B2022);
        shifted.Rows[0].Should().NotBe(table.GetRow(1));
        table.GetRow(1).Equals((object)"甲组 @ 2022").Should().BeFalse();
    }

    [Fact]
    public void Observations_carry_the_value_to_plot_and_the_coverage_in_words()
    {
        var observations = Table().Observations().ToList();
        observations.Should().HaveCount(4);

        var filed = observations[0];
        filed.Should().Be(new IndicatorObservation(Jia, B2021, Filed, Bounds.Exactly(10), null, 2, 3));
        filed.IsRate.Should().BeFalse();
        filed.Value.Should().Be(10m);
        filed.Coverage.Should().Be("2 of 3 committees");
        filed.ToString().Should().Be("甲组 2021 proposals.filed = 10 (2 of 3 committees)");

        var rate = observations[1];
        rate.IsRate.Should().BeTrue();
        rate.Value.Should().Be(0.8m);
        rate.ToString().Should().Be("甲组 2021 rate.reply = 80.0% (8/10) (2 of 3 committees)");

        var bounded = observations[2];
        bounded.Value.Should().BeNull();
        bounded.Sum.Should().Be(Bounds.AtLeast(12));
        bounded.ToString().Should().Be("甲组 2022 proposals.filed = 12.. (3 of 3 committees)");

        var none = observations[3];
        none.Value.Should().BeNull();
        none.ToString().Should().Be("甲组 2022 rate.reply = - (0 of 3 committees)");

        new IndicatorObservation(Jia, B2021, Filed, Bounds.Exactly(0), null, 1, 1).Should().Match<IndicatorObservation>(o => o.Value == 0m && o.Coverage == "1 of 1 committee");
        new IndicatorObservation(Jia, B2021, Filed, null, null, 0, 0).Coverage.Should().Be("0 of 0 committees");
        new IndicatorObservation(Jia, B2021, Filed, null, null, 0, 2).ToString().Should().Be("甲组 2021 proposals.filed = - (0 of 2 committees)");
    }

    [Fact]
    public void A_ranked_committee_is_named_from_its_region_or_its_code_and_equality_ignores_the_name()
    {
        var yongjia = Committee.Parse("330324");
        var plain = new RankedCommittee(2, yongjia, Rate.Of(3, 4));
        plain.Code.Should().Be(new RegionCode(330324));
        plain.Name.Should().Be("330324");
        var named = plain with { Name = "永嘉县" };
        named.Name.Should().Be("永嘉县");
        named.Should().Be(plain);
        named.GetHashCode().Should().Be(plain.GetHashCode());

        plain.Should().NotBe(new RankedCommittee(3, yongjia, Rate.Of(3, 4)));
        plain.Should().NotBe(new RankedCommittee(2, Committee.Parse("330302"), Rate.Of(3, 4)));
        plain.Should().NotBe(new RankedCommittee(2, yongjia, Rate.Of(1, 4)));
    }

    [Fact]
    public void A_distribution_gives_the_unweighted_statistics_of_its_committees()
    {
        // 0.9, 0.75, 0.5, 0.5 (2/4), 0.25: mean 2.9 / 5 = 0.58; ascending 0.25, 0.5, 0.5, 0.75, 0.9.
        var d = Distribution();
        d.Count.Should().Be(5);
        d.Mean.Should().Be(0.58m);
        d.Median.Should().Be(0.5m);
        d.Quantile(0m).Should().Be(0.25m);
        d.Quantile(0.1m).Should().Be(0.35m); // h = 0.4: 0.25 + 0.4 × 0.25
        d.Quantile(0.25m).Should().Be(0.5m);
        d.Quantile(0.9m).Should().Be(0.84m); // h = 3.6: 0.75 + 0.6 × 0.15
        d.Quantile(1m).Should().Be(0.9m);
        d.Max!.Value.Committee.Should().Be(C(330302));
        d.Min!.Value.Committee.Should().Be(C(330305));
        d.Entries.Select(e => e.Committee).Should().Equal(C(330302), C(330324), C(330303), C(330304), C(330305));
        d.Excluded.Select(e => e.Committee).Should().Equal(C(330326), C(330327));
        d.ToString().Should().Be("rate.reply 温州 2021: 5 of 7 committees, mean 58.0%, median 50.0%");

        var act = () => d.Quantile(-0.01m);
        act.Should().Throw<ArgumentOutOfRangeException>();
        act = () => d.Quantile(1.01m);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Ranks_tie_equal_fractions_and_the_cuts_keep_a_tie_whole()
    {
        var d = Distribution();
        d.Ranks.Select(r => (r.Rank, r.Committee)).Should().Equal((1, C(330302)), (2, C(330324)), (3, C(330303)), (3, C(330304)), (5, C(330305)));
        d.Ranks[0].Name.Should().Be(RegionTable.Default[new RegionCode(330302)].Name);
        d.Ranks[4].Name.Should().Be("330305"); // not in the region table given

        d.Top(0).Should().BeEmpty();
        d.Top(2).Select(r => r.Committee).Should().Equal(C(330302), C(330324));
        d.Top(3).Select(r => r.Committee).Should().Equal(C(330302), C(330324), C(330303), C(330304));
        d.Bottom(0).Should().BeEmpty();
        d.Bottom(1).Select(r => r.Committee).Should().Equal(C(330305));
        d.Bottom(2).Select(r => r.Committee).Should().Equal(C(330305), C(330304), C(330303));
        d.Bottom(5).Select(r => r.Committee).Should().Equal(C(330305), C(330304), C(330303), C(330324), C(330302));
        d.Bottom(9).Should().HaveCount(5);
        var top = () => d.Top(-1);
        top.Should().Throw<ArgumentOutOfRangeException>();
        var bottom = () => d.Bottom(-1);
        bottom.Should().Throw<ArgumentOutOfRangeException>();

        // The lowest shared by two: the first by code, not the last entry.
        var tied = new RateDistribution(Wenzhou, Y2021, RateDefinition.Reply, 3, [new(C(330304), Rate.Of(2, 4)), new(C(330302), Rate.Of(9, 10)), new(C(330303), Rate.Of(1, 2))], []);
        tied.Min!.Value.Committee.Should().Be(C(330303));
        tied.Entries[^1].Committee.Should().Be(C(330304));
    }

    [Fact]
    public void An_empty_distribution_has_no_statistics()
    {
        var d = new RateDistribution(Wenzhou, Y2021, RateDefinition.Reply, 7, [], [new(C(330326), Rate.FromBounds(Bounds.AtLeast(1), Bounds.Exactly(4)))]);
        (d.Count, d.Mean, d.Median, d.Quantile(0.3m), d.Min, d.Max).Should().Be((0, (decimal?)null, (decimal?)null, (decimal?)null, (CommitteeRate?)null, (CommitteeRate?)null));
        d.Ranks.Should().BeEmpty();
        d.Bottom(1).Should().BeEmpty();
        d.ToString().Should().Be("rate.reply 温州 2021: 0 of 7 committees, mean n/a, median n/a");
    }

    [Fact]
    public void Distributions_are_equal_by_their_data()
    {
        var d = Distribution();
        var same = Distribution();
        d.Equals(same).Should().BeTrue();
        d.Equals((object)same).Should().BeTrue();
        d.GetHashCode().Should().Be(same.GetHashCode());
        RateDistribution? noDistribution = null;
        object text = "rate.reply";
        d.Equals(noDistribution).Should().BeFalse();
        d.Equals(text).Should().BeFalse();

        var entries = Entries();
        var excluded = Excluded();
        d.Should().NotBe(new RateDistribution(GroupKey.Custom("丽水"), Y2021, RateDefinition.Reply, 7, entries, excluded));
        d.Should().NotBe(new RateDistribution(Wenzhou, ReportingPeriod.CalendarYear(2022), RateDefinition.Reply, 7, entries, excluded));
        d.Should().NotBe(new RateDistribution(Wenzhou, Y2021, RateDefinition.Conclusion, 7, entries, excluded));
        d.Should().NotBe(new RateDistribution(Wenzhou, Y2021, RateDefinition.Reply, 8, entries, excluded));
        d.Should().NotBe(new RateDistribution(Wenzhou, Y2021, RateDefinition.Reply, 7, entries.Skip(1).ToList(), excluded));
        d.Should().NotBe(new RateDistribution(Wenzhou, Y2021, RateDefinition.Reply, 7, entries, excluded.Skip(1).ToList()));
    }

    private static readonly GroupKey Wenzhou = GroupKey.Custom("温州");

    private static Committee C(int code) => new(new RegionCode(code));

    private static List<CommitteeRate> Entries() =>
    [
        new(C(330303), Rate.Of(1, 2)),
        new(C(330305), Rate.Of(1, 4)),
        new(C(330302), Rate.Of(9, 10)),
        new(C(330304), Rate.Of(2, 4)),
        new(C(330324), Rate.Of(3, 4)),
    ];

    private static List<CommitteeRate> Excluded() =>
    [
        new(C(330327), Rate.FromBounds(Bounds.Between(1, 2), Bounds.Exactly(4))),
        new(C(330326), Rate.FromBounds(Bounds.AtLeast(1), Bounds.Exactly(4))),
    ];

    /// <summary>Five committees of 温州 (group size 7) and two excluded; the region table lacks 洞头 (330305).</summary>
    private static RateDistribution Distribution() =>
        new(Wenzhou, Y2021, RateDefinition.Reply, 7, Entries(), Excluded(), RegionTable.FromRegions(RegionTable.Default.Regions.Where(r => r.Code != new RegionCode(330305))));
}
