using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>Rows with their values, look-ups by key, the long format, groupings in one call, and results that print and compare.</summary>
public class TidyResultsTest
{
    private static readonly ReportingPeriod Y2023 = ReportingPeriod.CalendarYear(2023);

    // Three counties of 丽水 (331100) and one of 温州 (330300), counts chosen by hand.
    private static FigureDataset Dataset()
    {
        var builder = FigureDataset.CreateBuilder();
        void Add(int code, long received, long filed)
        {
            var c = new Committee(new RegionCode(code));
            builder.Add(new Figure(c, Y2023, Measures.Proposals.Received, received, FigureUnit.Piece));
            builder.Add(new Figure(c, Y2023, Measures.Proposals.Filed, filed, FigureUnit.Piece));
        }

        Add(331102, 100, 90);
        Add(331121, 50, 40);
        Add(331122, 30, 30);
        Add(330324, 200, 180);
        return builder.Build();
    }

    [Fact]
    public void Rows_carry_their_values_and_are_found_by_key()
    {
        var table = Dataset().Aggregate(Grouping.ByPrefecture(new RegionCode(330000)), PeriodSelection.EachPeriod);
        var lishui = GroupKey.ForRegion(RegionTable.Default[new RegionCode(331100)]);
        var row = table[lishui, Y2023];
        row.Group.Should().Be(lishui);
        row.Period.Label.Should().Be("2023");
        row[Measures.Proposals.Received].Sum.Should().Be(Bounds.Exactly(180));
        row[Measures.Proposals.Filed].Contributors.Should().Be(3);
        row.Rate(RateDefinition.Acceptance).Rate.Should().Be(Rate.Of(160, 180));
        row.Rate(Measures.Rates.Acceptance).Should().Be(row.Rate(RateDefinition.Acceptance));
        table[new RegionCode(331100), "2023"].Should().Be(row);

        table.TryGetRow(lishui, "2019", out _).Should().BeFalse();
        FluentActions.Invoking(() => table[lishui, "2019"]).Should().Throw<KeyNotFoundException>();
        FluentActions.Invoking(() => row[Measures.Proposals.Replied]).Should().Throw<KeyNotFoundException>();
        FluentActions.Invoking(() => default(IndicatorRow)[Measures.Proposals.Filed]).Should().Throw<System.InvalidOperationException>();
    }

    [Fact]
    public void Prefectures_within_a_province_come_in_code_order_and_count_county_committees()
    {
        var table = Dataset().Aggregate(Grouping.ByPrefecture(new RegionCode(330000)), PeriodSelection.EachPeriod);
        table.Groups.Select(g => g.Code!.Value.ToString()).Should().Equal("330100", "330200", "330300", "330400", "330500", "330600", "330700", "330800", "330900", "331000", "331100");
        int lishuiCounties = RegionTable.Default.GetChildren(new RegionCode(331100)).Count;
        table[new RegionCode(331100), "2023"].GroupSize.Should().Be(lishuiCounties, "the prefecture's own committee is not in its group by default, as in RollUp");
        var rollUp = Dataset().RollUp();
        rollUp[new RegionCode(331100), "2023"].GroupSize.Should().Be(lishuiCounties);
        Grouping.By(r => r.Code.ToString().StartsWith("3311", System.StringComparison.Ordinal) ? "丽水" : r.Code.ToString().StartsWith("3303", System.StringComparison.Ordinal) ? "温州" : null)
            .ToString().Should().NotBeEmpty();
        var byKey = Dataset().Aggregate(Grouping.By(r => r.Code.ToString().StartsWith("3311", System.StringComparison.Ordinal) ? "丽水" : r.Code.ToString().StartsWith("3303", System.StringComparison.Ordinal) ? "温州" : null), PeriodSelection.EachPeriod);
        byKey.Groups.Select(g => g.Name).Should().Equal("温州", "丽水");
    }

    [Fact]
    public void Observations_are_the_table_in_long_format()
    {
        var table = Dataset().Aggregate(Grouping.ByPrefecture(new RegionCode(330000)), PeriodSelection.EachPeriod);
        var observations = table.Observations().ToList();
        observations.Should().HaveCount(table.RowCount * table.Columns.Count);
        var filed = observations.Where(o => o.Measure == Measures.Proposals.Filed && o.Contributors > 0).ToDictionary(o => o.Group.Name, o => o.Value);
        filed.Should().Equal(new Dictionary<string, decimal?> { ["温州市"] = 180, ["丽水市"] = 160 });
        var rate = observations.Single(o => o.Group.Name == "丽水市" && o.Measure == Measures.Rates.Acceptance);
        rate.IsRate.Should().BeTrue();
        rate.Value.Should().Be(160m / 180m);
        rate.Coverage.Should().Be("3 of " + RegionTable.Default.GetChildren(new RegionCode(331100)).Count.ToString(CultureInfo.InvariantCulture) + " committees");
        observations.Single(o => o.Group.Name == "杭州市" && o.Measure == Measures.Proposals.Filed).Value.Should().BeNull();
    }

    [Fact]
    public void Results_print_something_useful_and_compare_by_value()
    {
        var statistics = ProposalStatistics.FromFigures(SeedReports.Get("wudang-2022").Figures);
        var back = ZhengxieJson.Deserialize<ProposalStatistics>(ZhengxieJson.Serialize(statistics));
        back.Should().Be(statistics, "statistics compare by value, so they equal themselves after a JSON round trip");
        back.GetHashCode().Should().Be(statistics.GetHashCode());
        statistics.ToString().Should().StartWith("520112 11.1+@2022: ").And.Contain("proposals.received 178");

        var table = Dataset().RollUp();
        table.ToString().Should().StartWith("IndicatorTable: ").And.Contain("rows");
        Dataset().ToString().Should().Be("FigureDataset: 1 periods, 2 count measures, 0 region-total measures, 0 findings");
        RegionTable.Default.ToString().Should().StartWith("RegionTable: ");
        HandlingPolicy.Default.ToString().Should().Be("reply within P3M from handover, extendable to P6M");
        new HandlingPolicy().Should().Be(HandlingPolicy.Default);
        var change = Dataset().Aggregate(Grouping.ByProvince(), PeriodSelection.EachPeriod).GetYearOverYear(table.Groups[0], Measures.Proposals.Filed);
        change.Should().BeEmpty("one year has no change");
    }
}
