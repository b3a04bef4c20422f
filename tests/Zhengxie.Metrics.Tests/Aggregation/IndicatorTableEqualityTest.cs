using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// <see cref="IndicatorTable"/>'s value equality and hash (run 13: no test in its filter reached them). Small tables are
/// restored from their parts (<see cref="IndicatorTableRestore"/>, as JSON does): two groups × two years, measure columns
/// proposals.filed and proposals.replied (件), the reply rate. Each case changes exactly one datum, so each comparison
/// <see cref="IndicatorTable.Equals(IndicatorTable)"/> makes is the only one that can tell the tables apart.
/// </summary>
public class IndicatorTableEqualityTest
{
    private static readonly Measure Filed = Measures.Proposals.Filed;
    private static readonly Measure Replied = Measures.Proposals.Replied;

    /// <summary>Gets the names of the one-datum changes.</summary>
    public static TheoryData<string> Changes => new(ChangeList.Keys);

    private static Dictionary<string, Action<Parts>> ChangeList { get; } = new()
    {
        ["second group"] = p => p.Groups[1] = GroupKey.Custom("丙组"),
        ["first group"] = p => p.Groups[0] = GroupKey.Custom("丁组"),
        ["group size"] = p => p.Sizes[1] = 3,
        ["second bucket"] = p => p.Buckets[1] = PeriodBucket.Of(ReportingPeriod.CalendarYear(2023)),
        ["one bucket less"] = p => p.Buckets.RemoveAt(1),
        ["one group less"] = p => { p.Groups.RemoveAt(1); p.Sizes.RemoveAt(1); },
        ["region table"] = p => p.Regions = RegionTable.Default,
        ["one measure column more"] = p => p.Measures.Add((Measures.Proposals.Received, "件")),
        ["one rate column more"] = p => p.Rates.Add(RateDefinition.Acceptance),
        ["measure of a column"] = p => p.Measures[1] = (Measures.Proposals.RepliedOnTime, "件"),
        ["unit of a column"] = p => p.Measures[1] = (Replied, "条"),
        ["rate of a column"] = p => p.Rates[0] = RateDefinition.OnTimeReply,
        ["formula of a rate"] = p => p.Rates[0] = new RateDefinition(new Measure("rate.reply"), [Measures.Proposals.RepliedOnTime], Filed),
        ["exact sum"] = p => p.Value(0, 0, new AggregateValue(Bounds.Exactly(11), 2, 0)),
        ["sum in the last row and column"] = p => p.Value(3, 1, new AggregateValue(Bounds.Between(24, 25), 2, 0)),
        ["upper bound"] = p => p.Value(3, 1, new AggregateValue(Bounds.Between(23, 26), 2, 0)),
        ["no upper bound"] = p => p.Value(3, 1, new AggregateValue(Bounds.AtLeast(23), 2, 0)),
        ["contributors of a sum"] = p => p.Value(2, 1, new AggregateValue(Bounds.Exactly(22), 1, 0)),
        ["rate numerator"] = p => p.Rate(3, new PooledRate(Rate.Of(9, 13), 2, 0)),
        ["rate denominator"] = p => p.Rate(3, new PooledRate(Rate.Of(8, 14), 2, 0)),
        ["rate numerator bound"] = p => p.Rate(3, new PooledRate(Rate.FromBounds(Bounds.Between(8, 9), Bounds.Exactly(13)), 2, 0)),
        ["contributors of a rate"] = p => p.Rate(3, new PooledRate(Rate.Of(8, 13), 1, 0)),
        ["no rate"] = p => p.Rate(1, new PooledRate(Metrics.Rate.None, 0, 0)),
    };

    [Fact]
    public void A_table_restored_twice_from_the_same_parts_equals_the_first_and_hashes_alike()
    {
        var a = Parts.Base().Restore();
        var b = Parts.Base().Restore();
        a.Should().NotBeSameAs(b);
        a.Equals(b).Should().BeTrue();
        b.Equals(a).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
    }

    [Fact]
    public void A_table_equals_itself_and_not_null_nor_another_type()
    {
        var a = Parts.Base().Restore();
        a.Equals(a).Should().BeTrue();
        a.Equals((object)a).Should().BeTrue();
        IndicatorTable? noTable = null;
        object? nothing = null;
        a.Equals(noTable).Should().BeFalse();
        a.Equals(nothing).Should().BeFalse();
        a.Equals((object)"IndicatorTable").Should().BeFalse();
        a.Equals((object)a.Groups[0]).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Tables_that_differ_in_one_datum_are_not_equal(string change)
    {
        var a = Parts.Base().Restore();
        var parts = Parts.Base();
        ChangeList[change](parts);
        var b = parts.Restore();
        a.Equals(b).Should().BeFalse();
        b.Equals(a).Should().BeFalse();
        a.Equals((object)b).Should().BeFalse();
        b.Equals((object)a).Should().BeFalse();
    }

    [Fact]
    public void Empty_tables_are_equal_and_hash_without_a_first_group_or_bucket()
    {
        static IndicatorTable Empty() => new Parts { Sizes = [], Groups = [], Buckets = [] }.Restore();
        var a = Empty();
        a.RowCount.Should().Be(0);
        a.Equals(Empty()).Should().BeTrue();
        a.GetHashCode().Should().Be(Empty().GetHashCode());

        // No bucket but a group (0 rows), and no group but a bucket: neither index is read.
        var noBucket = new Parts { Buckets = [] }.Restore();
        var noGroup = new Parts { Groups = [], Sizes = [] }.Restore();
        noBucket.GetHashCode().Should().Be(new Parts { Buckets = [] }.Restore().GetHashCode());
        noGroup.GetHashCode().Should().Be(new Parts { Groups = [], Sizes = [] }.Restore().GetHashCode());
        noBucket.Equals(noGroup).Should().BeFalse();
    }

    [Fact]
    public void The_hash_follows_the_first_group_the_first_bucket_and_the_shape()
    {
        // Not a promise of the API (a hash may collide), but with these inputs HashCode.Combine differs unless the
        // hash ignores the part changed: each line fails if GetHashCode stops reading that part.
        int hash = Parts.Base().Restore().GetHashCode();
        Hash(ChangeList["first group"]).Should().NotBe(hash);
        Hash(p => p.Buckets[0] = PeriodBucket.Of(ReportingPeriod.CalendarYear(2020))).Should().NotBe(hash);
        Hash(ChangeList["one measure column more"]).Should().NotBe(hash);
        Hash(ChangeList["one rate column more"]).Should().NotBe(hash);
        Hash(ChangeList["one bucket less"]).Should().NotBe(hash);
        Hash(ChangeList["one group less"]).Should().NotBe(hash);

        // Cheap: a cell or the second group does not enter it.
        Hash(ChangeList["exact sum"]).Should().Be(hash);
        Hash(ChangeList["second group"]).Should().Be(hash);

        static int Hash(Action<Parts> change)
        {
            var parts = Parts.Base();
            change(parts);
            return parts.Restore().GetHashCode();
        }
    }

    /// <summary>
    /// A table's parts: by default groups 甲组 (3 committees) and 乙组 (2), years 2021 and 2022; in row r (0..3) filed
    /// 10 + r and replied 20 + r from 2 committees, except replied 23..25 in row 3; the reply rate (5 + r) / (10 + r)
    /// pooled over 2 committees.
    /// </summary>
    private sealed class Parts
    {
        private readonly Dictionary<(int Row, int Column), AggregateValue> values = [];
        private readonly Dictionary<int, PooledRate> rates = [];

        public List<(Measure Measure, string Unit)> Measures { get; init; } = [(Filed, "件"), (Replied, "件")];

        public List<RateDefinition> Rates { get; init; } = [RateDefinition.Reply];

        public List<PeriodBucket> Buckets { get; init; } = [PeriodBucket.Of(ReportingPeriod.CalendarYear(2021)), PeriodBucket.Of(ReportingPeriod.CalendarYear(2022))];

        public List<GroupKey> Groups { get; init; } = [GroupKey.Custom("甲组"), GroupKey.Custom("乙组")];

        public List<int> Sizes { get; init; } = [3, 2];

        public RegionTable? Regions { get; set; }

        public static Parts Base() => new();

        public void Value(int row, int column, AggregateValue value) => values[(row, column)] = value;

        public void Rate(int row, PooledRate rate) => rates[row] = rate;

        public IndicatorTable Restore()
        {
            int rows = Groups.Count * Buckets.Count;
            var cells = new List<(Dictionary<string, AggregateValue> Values, Dictionary<string, PooledRate> Rates)>();
            for (int r = 0; r < rows; r++)
            {
                var v = new Dictionary<string, AggregateValue>();
                for (int j = 0; j < Measures.Count; j++)
                {
                    var sum = j == 1 && r == 3 ? Bounds.Between(23, 25) : Bounds.Exactly((10 * (j + 1)) + r);
                    v[Measures[j].Measure.Id] = values.TryGetValue((r, j), out var given) ? given : new AggregateValue(sum, 2, 0);
                }

                var p = new Dictionary<string, PooledRate>();
                for (int k = 0; k < Rates.Count; k++)
                {
                    p[Rates[k].Measure.Id] = k == 0 && rates.TryGetValue(r, out var given) ? given : new PooledRate(Metrics.Rate.Of(5 + r, 10 + r), 2, 0);
                }

                cells.Add((v, p));
            }

            return IndicatorTableRestore.Restore([.. Measures], [.. Rates], [.. Buckets], [.. Groups], [.. Sizes], cells, Regions);
        }
    }
}
