using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// The fused path's element-by-element finish for a group whose row of buckets straddles two chunks of the result
/// (chunks of 8,192 cells): 127 groups (one per county) of 65 years make 8,255 cells per column, and the last group's
/// row runs from cell 8,190 to 8,254. Its upper bounds (a width, an open end, an exact value) and the check of its
/// pooled rate are computed cell by cell there; the values are worked out by hand.
/// </summary>
public class FusedRowsAcrossChunksTest
{
    private static readonly Measure Research = new("activity.research");
    private static readonly Measure Study = new("activity.study");
    private static readonly RateDefinition ResearchPerStudy = new(new Measure("rate.research_per_study"), [Research], Study, "调研学习比", "research visits per study session");

    /// <summary>Province 170000 with prefecture 170100 (99 counties) and 170200 (28 counties): 127 counties.</summary>
    private static readonly RegionTable Table = MakeTable();

    private static RegionTable MakeTable()
    {
        var regions = new List<Region> { new(new RegionCode(170000), "庚省", AdministrativeLevel.Province, null) };
        foreach (var (prefecture, counties) in new[] { (1, 99), (2, 28) })
        {
            var code = new RegionCode(170000 + (prefecture * 100));
            regions.Add(new Region(code, "庚" + prefecture.ToString(CultureInfo.InvariantCulture) + "市", AdministrativeLevel.Prefecture, new RegionCode(170000)));
            for (int c = 1; c <= counties; c++)
            {
                regions.Add(new Region(new RegionCode(170000 + (prefecture * 100) + c), "庚县" + c.ToString(CultureInfo.InvariantCulture), AdministrativeLevel.County, code));
            }
        }

        return RegionTable.FromRegions(regions);
    }

    private static Figure F(string committee, int year, Measure m, decimal v, Qualifier q = Qualifier.Exact) => new(Committee.Parse(committee), ReportingPeriod.CalendarYear(year), m, v, FigureUnit.Times, q);

    [Fact]
    public void The_last_group_whose_row_straddles_two_chunks_keeps_its_bounds_and_rates()
    {
        // 170101 reports 1 research visit every year 1950..2014 (so there are 65 periods); the last county, 170228:
        // 1950 「约10」 (5..15) over 20 study sessions, 1951 「至少5」 over 30, 1952 7 over 7, 2014 「约20」 (15..25) over 40.
        var figures = Enumerable.Range(1950, 65).Select(y => F("170101", y, Research, 1)).ToList();
        figures.AddRange([
            F("170228", 1950, Research, 10, Qualifier.About), F("170228", 1950, Study, 20),
            F("170228", 1951, Research, 5, Qualifier.AtLeast), F("170228", 1951, Study, 30),
            F("170228", 1952, Research, 7), F("170228", 1952, Study, 7),
            F("170228", 2014, Research, 20, Qualifier.About), F("170228", 2014, Study, 40)]);
        var ds = new FigureDatasetBuilder(Table).AddRange(figures).Build();
        var byCounty = Grouping.By(r => r.Level == AdministrativeLevel.County ? r.Code.ToString() : null);

        var table = ds.Aggregate(byCounty, PeriodSelection.Years(1950, 2014), new AggregationOptions { Measures = [Research], Rates = [ResearchPerStudy] });

        table.Groups.Should().HaveCount(127);
        table.Groups[^1].Should().Be(GroupKey.Custom("170228"));
        var last = GroupKey.Custom("170228");
        table[last, "1950"][Research].Should().Be(new AggregateValue(Bounds.Between(5, 15), 1, 1));
        table[last, "1951"][Research].Should().Be(new AggregateValue(Bounds.AtLeast(5), 1, 1));
        table[last, "1952"][Research].Should().Be(new AggregateValue(Bounds.Exactly(7), 1, 1));
        table[last, "1953"][Research].HasValue.Should().BeFalse();
        table[last, "2014"][Research].Should().Be(new AggregateValue(Bounds.Between(15, 25), 1, 1));
        table[last, "1950"].Rate(ResearchPerStudy.Measure).Rate.Should().Be(Rate.FromBounds(Bounds.Between(5, 15), Bounds.Exactly(20)));
        table[last, "1951"].Rate(ResearchPerStudy.Measure).Rate.Should().Be(Rate.FromBounds(Bounds.AtLeast(5), Bounds.Exactly(30)));
        table[last, "1952"].Rate(ResearchPerStudy.Measure).Rate.Should().Be(Rate.Of(7, 7));
        table[last, "2014"].Rate(ResearchPerStudy.Measure).Rate.Should().Be(Rate.FromBounds(Bounds.Between(15, 25), Bounds.Exactly(40)));
        table[GroupKey.Custom("170101"), "2014"][Research].Should().Be(new AggregateValue(Bounds.Exactly(1), 1, 1));
    }

    [Fact]
    public void The_last_group_whose_row_straddles_two_chunks_is_refused_where_its_pooled_numerator_exceeds()
    {
        // 170228: 3 over 3 in 1950 (equal, fine), 5 over 4 in 1990 (refused).
        var figures = Enumerable.Range(1950, 65).Select(y => F("170101", y, Research, 1)).ToList();
        figures.AddRange([F("170228", 1950, Research, 3), F("170228", 1950, Study, 3), F("170228", 1990, Research, 5), F("170228", 1990, Study, 4)]);
        var ds = new FigureDatasetBuilder(Table).AddRange(figures).Build();
        var byCounty = Grouping.By(r => r.Level == AdministrativeLevel.County ? r.Code.ToString() : null);

        var act = () => ds.Aggregate(byCounty, PeriodSelection.Years(1950, 2014), new AggregationOptions { Measures = [Research], Rates = [ResearchPerStudy] });

        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            "Group 170228, period 1990, measure rate.research_per_study: the pooled numerator 5 exceeds the pooled denominator 4 (*");
    }
}
