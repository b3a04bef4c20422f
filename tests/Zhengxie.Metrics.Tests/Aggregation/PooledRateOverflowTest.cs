using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>Issue 10 item 3: a pooled rate that overflows names the group, a committee, the period and the measure.</summary>
public class PooledRateOverflowTest
{
    private static readonly ReportingPeriod Y2020 = ReportingPeriod.CalendarYear(2020);

    [Fact]
    public void An_overflowing_pooled_rate_names_group_committee_period_and_measure()
    {
        var builder = new FigureDatasetBuilder();
        foreach (var code in new[] { "330324", "330302" })
        {
            var c = Committee.Parse(code);
            builder.Add(new Figure(c, Y2020, Measures.Proposals.Filed, 5_000_000_000_000_000_000m, FigureUnit.Piece));
            builder.Add(new Figure(c, Y2020, Measures.Proposals.Replied, 4_000_000_000_000_000_000m, FigureUnit.Piece));
        }

        var dataset = builder.Build();
        var act = () => dataset.Aggregate(Grouping.Of("温州两地", [Committee.Parse("330324"), Committee.Parse("330302")]), options: new AggregationOptions { Measures = [], Rates = [RateDefinition.Reply] });
        var error = act.Should().Throw<ZhengxieMetricsException>().Which;
        error.Message.Should().Contain("温州两地").And.Contain("2020").And.Contain("proposals.filed");
        error.Message.Should().Match(m => m.Contains("330324") || m.Contains("330302"));
    }
}
