using System;
using System.Globalization;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.TestHelpers;

namespace Zhengxie.Metrics.Tests.Figures;

public class BoundsTest
{
    [Fact]
    public void Factories_build_closed_and_open_intervals()
    {
        var exact = Bounds.Exactly(75);
        exact.Lower.Should().Be(75);
        exact.Upper.Should().Be(75);
        exact.IsExact.Should().BeTrue();
        exact.HasUpperBound.Should().BeTrue();
        exact.Width.Should().Be(0);

        var range = Bounds.Between(101, 199);
        range.IsExact.Should().BeFalse();
        range.Width.Should().Be(98);

        var open = Bounds.AtLeast(100);
        open.Lower.Should().Be(100);
        open.Upper.Should().BeNull();
        open.HasUpperBound.Should().BeFalse();
        open.IsExact.Should().BeFalse();
        open.Width.Should().BeNull();

        default(Bounds).Should().Be(Bounds.Zero);
        Bounds.Zero.Should().Be(Bounds.Exactly(0));
    }

    [Fact]
    public void Between_rejects_reversed_ends()
    {
        var act = () => Bounds.Between(5, 4);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("upper");
    }

    [Fact]
    public void Width_overflow_is_checked()
    {
        var act = () => Bounds.Between(long.MinValue, long.MaxValue).Width;
        act.Should().Throw<OverflowException>();
    }

    [Fact]
    public void Contains_values_and_intervals()
    {
        var range = Bounds.Between(101, 199);
        range.Contains(100).Should().BeFalse();
        range.Contains(101).Should().BeTrue();
        range.Contains(199).Should().BeTrue();
        range.Contains(200).Should().BeFalse();
        range.Contains(Bounds.Between(120, 130)).Should().BeTrue();
        range.Contains(Bounds.Between(120, 230)).Should().BeFalse();
        range.Contains(Bounds.AtLeast(120)).Should().BeFalse();
        Bounds.AtLeast(100).Contains(long.MaxValue).Should().BeTrue();
        Bounds.AtLeast(100).Contains(Bounds.AtLeast(150)).Should().BeTrue();
        Bounds.AtLeast(100).Contains(Bounds.AtLeast(50)).Should().BeFalse();
    }

    [Fact]
    public void Addition_is_interval_addition()
    {
        (Bounds.Between(101, 199) + Bounds.Exactly(75)).Should().Be(Bounds.Between(176, 274));
        Bounds.Plus(Bounds.Between(31, 39), Bounds.Between(51, 59)).Should().Be(Bounds.Between(82, 98));
        Bounds.Between(1, 2).Add(Bounds.AtLeast(100)).Should().Be(Bounds.AtLeast(101));
        Bounds.Sum(new[] { Bounds.Exactly(29), Bounds.Between(31, 39), Bounds.Exactly(12), Bounds.Between(51, 59) })
            .Should().Be(Bounds.Between(123, 139));
        Bounds.Sum(Array.Empty<Bounds>()).Should().Be(Bounds.Zero);
        var nullSum = () => Bounds.Sum(null!);
        nullSum.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Addition_overflow_is_checked()
    {
        var upper = () => Bounds.Between(0, long.MaxValue) + Bounds.Exactly(1);
        upper.Should().Throw<OverflowException>();
        var lower = () => Bounds.AtLeast(long.MaxValue) + Bounds.AtLeast(1);
        lower.Should().Throw<OverflowException>();
    }

    [Fact]
    public void Intersection_narrows_or_reports_contradiction()
    {
        Bounds.Between(321, 329).TryIntersect(Bounds.Between(301, 399), out var both).Should().BeTrue();
        both.Should().Be(Bounds.Between(321, 329));
        Bounds.AtLeast(100).TryIntersect(Bounds.Between(50, 150), out var capped).Should().BeTrue();
        capped.Should().Be(Bounds.Between(100, 150));
        Bounds.AtLeast(100).TryIntersect(Bounds.AtLeast(120), out var open).Should().BeTrue();
        open.Should().Be(Bounds.AtLeast(120));
        Bounds.Between(1, 5).TryIntersect(Bounds.Between(6, 9), out _).Should().BeFalse();
    }

    [Fact]
    public void CapAt_lowers_the_upper_end()
    {
        Bounds.AtLeast(100).CapAt(178).Should().Be(Bounds.Between(100, 178));
        Bounds.Between(101, 199).CapAt(150).Should().Be(Bounds.Between(101, 150));
        Bounds.Between(101, 199).CapAt(300).Should().Be(Bounds.Between(101, 199));
        var act = () => Bounds.Between(101, 199).CapAt(100);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Formats_invariantly()
    {
        Bounds.Exactly(176).ToString().Should().Be("176");
        Bounds.Between(101, 199).ToString().Should().Be("101..199");
        Bounds.AtLeast(100).ToString().Should().Be("100..");
        Bounds.Between(3_200_001, 3_299_999).ToString("N0", null).Should().Be("3,200,001..3,299,999");
        Bounds.Between(3_200_001, 3_299_999).ToString("N0", CultureInfo.GetCultureInfo("de-DE")).Should().Be("3.200.001..3.299.999");
    }

    [Fact]
    public void Equality_contract()
    {
        EqualityContract.AssertEqual(Bounds.Between(1, 5), Bounds.Between(1, 5));
        EqualityContract.AssertEqual(Bounds.AtLeast(3), Bounds.AtLeast(3));
        EqualityContract.AssertUnequal(Bounds.Between(1, 5), Bounds.Between(1, 6));
        EqualityContract.AssertUnequal(Bounds.Between(5, long.MaxValue), Bounds.AtLeast(5));
        EqualityContract.AssertUnequal(Bounds.Exactly(5), Bounds.AtLeast(5));
    }
}
