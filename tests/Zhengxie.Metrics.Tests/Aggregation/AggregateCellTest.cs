using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>The two cells of a roll-up: a summed count and a pooled rate (value, coverage, text, equality).</summary>
public class AggregateCellTest
{
    [Fact]
    public void A_sum_with_contributors_has_its_value_coverage_and_text()
    {
        var value = AggregationReference.Make(Bounds.Between(120, 130), 3, 4);
        value.HasValue.Should().BeTrue();
        value.Sum.Should().Be(Bounds.Between(120, 130));
        value.Contributors.Should().Be(3);
        value.GroupSize.Should().Be(4);
        value.Coverage.Should().Be(0.75m);
        value.ToString().Should().Be(Bounds.Between(120, 130) + " (3/4)");
        AggregationReference.Make(Bounds.Exactly(1234), 12, 15).ToString().Should().Be("1234 (12/15)");
    }

    [Fact]
    public void A_sum_nobody_reported_has_no_value_and_an_empty_group_no_coverage()
    {
        var none = AggregationReference.Make(Bounds.Exactly(7), 0, 15);
        none.HasValue.Should().BeFalse();
        none.Sum.Should().BeNull();
        none.Coverage.Should().Be(0m);
        none.ToString().Should().Be("n/a (0/15)");
        AggregationReference.Make(Bounds.Zero, 0, 0).Coverage.Should().BeNull();
        default(AggregateValue).Coverage.Should().BeNull();
        AggregationReference.Make(Bounds.Exactly(1), 1, 1).Coverage.Should().Be(1m);
    }

    [Fact]
    public void Sums_are_equal_when_every_field_is()
    {
        var a = AggregationReference.Make(Bounds.Exactly(10), 2, 3);
        a.Should().Be(AggregationReference.Make(Bounds.Exactly(10), 2, 3));
        (a == AggregationReference.Make(Bounds.Exactly(10), 2, 3)).Should().BeTrue();
        (a != AggregationReference.Make(Bounds.Exactly(10), 2, 3)).Should().BeFalse();
        a.GetHashCode().Should().Be(AggregationReference.Make(Bounds.Exactly(10), 2, 3).GetHashCode());
        a.Equals((object)AggregationReference.Make(Bounds.Exactly(10), 2, 3)).Should().BeTrue();
        a.Equals((object)"10").Should().BeFalse();
        foreach (var other in new[] { AggregationReference.Make(Bounds.Exactly(11), 2, 3), AggregationReference.Make(Bounds.Exactly(10), 1, 3), AggregationReference.Make(Bounds.Exactly(10), 2, 4) })
        {
            (a == other).Should().BeFalse();
            (a != other).Should().BeTrue();
            a.Equals(other).Should().BeFalse();
        }

        // Without contributors the sum is not part of the value.
        AggregationReference.Make(Bounds.Exactly(5), 0, 3).Should().Be(AggregationReference.Make(Bounds.Exactly(9), 0, 3));
    }

    [Fact]
    public void A_pooled_rate_with_contributors_has_its_rate_coverage_and_text()
    {
        var rate = Rate.Of(176, 178);
        var pooled = AggregationReference.MakeRate(rate, 2, 15);
        pooled.HasValue.Should().BeTrue();
        pooled.Rate.Should().Be(rate);
        pooled.Contributors.Should().Be(2);
        pooled.GroupSize.Should().Be(15);
        pooled.Coverage.Should().Be(2m / 15);
        pooled.ToString().Should().Be(rate + " (2/15)");
    }

    [Fact]
    public void A_pooled_rate_without_contributors_has_no_rate()
    {
        var none = AggregationReference.MakeRate(Rate.Of(1, 2), 0, 4);
        none.HasValue.Should().BeFalse();
        none.Rate.Should().BeNull();
        none.Coverage.Should().Be(0m);
        none.ToString().Should().Be("n/a (0/4)");
        AggregationReference.MakeRate(Rate.None, 0, 0).Coverage.Should().BeNull();
        none.Should().Be(AggregationReference.MakeRate(Rate.Of(3, 4), 0, 4));
    }

    [Fact]
    public void Pooled_rates_are_equal_when_every_field_is()
    {
        var a = AggregationReference.MakeRate(Rate.Of(9, 10), 2, 3);
        var same = AggregationReference.MakeRate(Rate.Of(9, 10), 2, 3);
        (a == same).Should().BeTrue();
        (a != same).Should().BeFalse();
        a.Equals((object)same).Should().BeTrue();
        a.Equals((object)"90%").Should().BeFalse();
        a.GetHashCode().Should().Be(same.GetHashCode());
        foreach (var other in new[] { AggregationReference.MakeRate(Rate.Of(8, 10), 2, 3), AggregationReference.MakeRate(Rate.Of(9, 10), 1, 3), AggregationReference.MakeRate(Rate.Of(9, 10), 2, 4) })
        {
            (a == other).Should().BeFalse();
            (a != other).Should().BeTrue();
        }
    }
}
