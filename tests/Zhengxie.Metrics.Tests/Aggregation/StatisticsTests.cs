using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

public class StatisticsTests
{
    // Five counties of 温州 (330300) with reply rates 9/10, 4/5, 8/10, 7/10 and 1/2; one with bounds only.
    private static readonly (string Code, long Replied, long Filed)[] Counties =
    [
        ("330302", 9, 10), ("330303", 4, 5), ("330304", 8, 10), ("330305", 7, 10), ("330324", 1, 2),
    ];

    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.CalendarYear(2022);
    private static readonly ReportingPeriod Y2023 = ReportingPeriod.CalendarYear(2023);

    private static FigureDataset Dataset()
    {
        var builder = new FigureDatasetBuilder();
        foreach (var (code, replied, filed) in Counties)
        {
            builder.Add(new Figure(Committee.Parse(code), Y2022, Measures.Proposals.Replied, replied, FigureUnit.Piece));
            builder.Add(new Figure(Committee.Parse(code), Y2022, Measures.Proposals.Filed, filed, FigureUnit.Piece));
        }

        builder.Add(new Figure(Committee.Parse("330326"), Y2022, Measures.Proposals.Replied, 20, FigureUnit.Piece, Qualifier.MoreThan));
        builder.Add(new Figure(Committee.Parse("330326"), Y2022, Measures.Proposals.Filed, 40, FigureUnit.Piece));

        // Activity counts of 温州 counties over three years, and one county of 绍兴 (330600).
        builder.Add(new Figure(Committee.Parse("330302"), Y2021, new Measure("activity.consultation"), 100, FigureUnit.Times));
        builder.Add(new Figure(Committee.Parse("330302"), Y2022, new Measure("activity.consultation"), 110, FigureUnit.Times));
        builder.Add(new Figure(Committee.Parse("330302"), Y2023, new Measure("activity.consultation"), 121, FigureUnit.Times));
        builder.Add(new Figure(Committee.Parse("330683"), Y2022, new Measure("activity.consultation"), 90, FigureUnit.Times));
        return builder.Build();
    }

    [Fact]
    public void Distribution_statistics_and_ranking_with_ties()
    {
        var distributions = Dataset().GetRateDistributions(RateDefinition.Reply, Grouping.Within(new RegionCode(330300)), Y2022);
        var d = distributions.Single();
        d.Count.Should().Be(5);
        d.Excluded.Should().ContainSingle().Which.Committee.Should().Be(Committee.Parse("330326"));

        // Values 0.9, 0.8, 0.8, 0.7, 0.5: mean 3.7 / 5.
        d.Mean.Should().Be(0.74m);
        d.Median.Should().Be(0.8m);

        // Type 7: sorted 0.5, 0.7, 0.8, 0.8, 0.9; p = 0.1 → h = 0.4 → 0.5 + 0.4 × 0.2 = 0.58; p = 0.9 → h = 3.6 → 0.8 + 0.6 × 0.1 = 0.86.
        d.Quantile(0.1m).Should().Be(0.58m);
        d.Quantile(0.9m).Should().Be(0.86m);
        d.Quantile(0m).Should().Be(0.5m);
        d.Quantile(1m).Should().Be(0.9m);
        d.Max!.Value.Committee.Should().Be(Committee.Parse("330302"));
        d.Min!.Value.Committee.Should().Be(Committee.Parse("330324"));

        // 4/5 and 8/10 tie: ranks 1, 2, 2, 4, 5.
        d.Ranks.Select(r => r.Rank).Should().Equal(1, 2, 2, 4, 5);
        d.Ranks.Select(r => r.Committee.ToString()).Should().Equal("330302", "330303", "330304", "330305", "330324");
        d.Top(2).Select(r => r.Committee.ToString()).Should().Equal("330302", "330303", "330304");
        d.Bottom(2).Select(r => r.Committee.ToString()).Should().Equal("330324", "330305");
        d.Bottom(4).Select(r => r.Committee.ToString()).Should().Equal("330324", "330305", "330304", "330303");
    }

    [Fact]
    public void Year_over_year_growth_and_share_of_parent()
    {
        var consultation = new Measure("activity.consultation");
        var table = Dataset().RollUp(Participation.CountyLevel, options: new AggregationOptions { Measures = [consultation], Rates = [] });
        var wenzhou = GroupKey.ForRegion(RegionTable.Default[new RegionCode(330300)]);
        var zhejiang = GroupKey.ForRegion(RegionTable.Default[new RegionCode(330000)]);

        var changes = table.GetYearOverYear(wenzhou, consultation);
        changes.Select(c => c.Absolute).Should().Equal(10L, 11L);
        changes.Select(c => c.Relative).Should().Equal(0.1m, 0.1m);

        var growth = table.GetGrowth(wenzhou, consultation, "2021", "2023");
        growth.Years.Should().Be(2);
        growth.Total.Should().Be(0.21m);
        growth.CompoundAnnualRate.Should().BeApproximately(0.1, 1e-12);

        // 2022: 温州 110 of Zhejiang's 200.
        table.GetShareOfParent(wenzhou, consultation, "2022").Should().Be(Rate.Of(110, 200));
        table.GetShare(zhejiang, GroupKey.Nation, consultation, "2022").Should().Be(Rate.Of(200, 200));
    }

    [Fact]
    public void Table_read_api_exposes_rows_columns_and_formulas()
    {
        var table = Dataset().RollUp(Participation.CountyLevel, PeriodSelection.Each([Y2022]), new AggregationOptions { Rates = [RateDefinition.Reply] });
        table.RateColumns.Single().Formula.Should().Be("proposals.replied / proposals.filed");
        table.RateColumns.Single().Definition.Should().Be(RateDefinition.Reply);
        table.MeasureColumns.Select(c => c.Measure).Should().Contain(Measures.Proposals.Filed);
        table.Columns.Should().HaveCount(table.MeasureColumns.Count + 1);
        table.Rows.Should().HaveCount(table.RowCount);
        var row = table[new RegionCode(330300), "2022"];
        row.Group.Name.Should().Be("温州市");
        var cell = table[row.Index, table.RateColumns[0].Index];
        // 29/37 exact from five counties, and 330326's 「20余」/40 (21..29): pooled 50..58 / 77.
        cell.Rate!.Value.Rate.Should().Be(Rate.FromBounds(Bounds.Between(50, 58), Bounds.Exactly(77)));
        cell.Contributors.Should().Be(6);
    }
}
