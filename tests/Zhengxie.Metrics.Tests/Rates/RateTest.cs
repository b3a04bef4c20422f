using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;
using System.Reflection;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.TestHelpers;

namespace Zhengxie.Metrics.Tests.Rates;

public class RateTest
{
    [Fact]
    public void Of_keeps_the_counts_and_gives_the_exact_fraction()
    {
        var rate = Rate.Of(176, 178);
        rate.Numerator.Should().Be(Bounds.Exactly(176));
        rate.Denominator.Should().Be(Bounds.Exactly(178));
        rate.IsExact.Should().BeTrue();
        rate.HasValue.Should().BeTrue();
        rate.Value.Should().Be(176m / 178m);
        rate.Percent.Should().Be(17600m / 178m);
        rate.LowerBound.Should().Be(176m / 178m);
        rate.UpperBound.Should().Be(176m / 178m);
        Rate.Of(1, 8).Percent.Should().Be(12.5m);
        Rate.Of(0, 5).Value.Should().Be(0m);
        Rate.Of(5, 5).Value.Should().Be(1m);
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(1, -5)]
    [InlineData(6, 5)]
    [InlineData(1, 0)]
    public void Of_rejects_bad_counts(long numerator, long denominator)
    {
        var act = () => Rate.Of(numerator, denominator);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Zero_denominator_has_no_value_never_zero_or_NaN()
    {
        var rate = Rate.Of(0, 0);
        rate.HasValue.Should().BeFalse();
        rate.Value.Should().BeNull();
        rate.Percent.Should().BeNull();
        rate.LowerBound.Should().BeNull();
        rate.UpperBound.Should().BeNull();
        rate.ToString("P1", null).Should().Be("n/a");
        rate.ToString().Should().Be("n/a (0/0)");
        rate.FormatPercent().Should().Be("n/a");
    }

    [Fact]
    public void Default_is_zero_over_zero_and_None()
    {
        Rate rate = default;
        rate.Should().Be(Rate.None);
        rate.Should().Be(Rate.Of(0, 0));
        rate.Numerator.Should().Be(Bounds.Zero);
        rate.Denominator.Should().Be(Bounds.Zero);
        rate.IsExact.Should().BeTrue();
        rate.HasValue.Should().BeFalse();
        rate.ToString().Should().Be("n/a (0/0)");
        (rate + Rate.Of(3, 4)).Should().Be(Rate.Of(3, 4));
    }

    [Theory]
    [InlineData(176, 178, null, "98.9% (176/178)")]
    [InlineData(176, 178, "G", "98.9% (176/178)")]
    [InlineData(176, 178, "g", "98.9% (176/178)")]
    [InlineData(176, 178, "G2", "98.88% (176/178)")]
    [InlineData(176, 178, "G0", "99% (176/178)")]
    [InlineData(176, 178, "P0", "99%")]
    [InlineData(176, 178, "P1", "98.9%")]
    [InlineData(176, 178, "p3", "98.876%")]
    [InlineData(176, 178, "T1", "98.8%")]
    [InlineData(176, 178, "T0", "98%")]
    [InlineData(176, 178, "F", "176/178")]
    [InlineData(224, 274, "P1", "81.8%")]
    [InlineData(224, 274, "T1", "81.7%")]
    [InlineData(224, 274, "P2", "81.75%")]
    [InlineData(278, 354, "P1", "78.5%")]
    [InlineData(1, 8, "P0", "13%")]
    [InlineData(1, 8, "T0", "12%")]
    [InlineData(3, 8, "P0", "38%")]
    [InlineData(1, 16, "P1", "6.3%")]
    [InlineData(1, 16, "T1", "6.2%")]
    [InlineData(1, 16, "P2", "6.25%")]
    [InlineData(176, 176, null, "100.0% (176/176)")]
    [InlineData(176, 176, "P0", "100%")]
    [InlineData(0, 7, "P2", "0.00%")]
    [InlineData(1, 3, "P10", "33.3333333333%")]
    [InlineData(2, 3, "P10", "66.6666666667%")]
    [InlineData(2, 3, "T10", "66.6666666666%")]
    [InlineData(1, 200_000, "P2", "0.00%")]
    [InlineData(1, 200_000, "P3", "0.001%")]
    [InlineData(1, 200_000, "T3", "0.000%")]
    public void Formats_invariantly_with_exact_rounding(long numerator, long denominator, string? format, string expected)
    {
        Rate.Of(numerator, denominator).ToString(format, null).Should().Be(expected);
    }

    [Fact]
    public void Formats_huge_counts_exactly()
    {
        // (M − 1)/M × 100 = 100 − 100/M: just below 100, so truncation never reaches 100.
        var rate = Rate.Of(long.MaxValue - 1, long.MaxValue);
        rate.ToString("T10", null).Should().Be("99.9999999999%");
        rate.ToString("P10", null).Should().Be("100.0000000000%");
        Rate.Of(1, long.MaxValue).ToString("P10", null).Should().Be("0.0000000000%");
        Rate.Of(long.MaxValue, long.MaxValue).ToString("P10", null).Should().Be("100.0000000000%");
    }

    [Fact]
    public void FormatPercent_takes_decimals_and_convention()
    {
        var rate = Rate.Of(224, 274);
        rate.FormatPercent().Should().Be("81.8%");
        rate.FormatPercent(1, PercentRounding.Truncate).Should().Be("81.7%");
        rate.FormatPercent(0).Should().Be("82%");
        rate.FormatPercent(4).Should().Be("81.7518%");
    }

    [Theory]
    [InlineData(-1, PercentRounding.HalfUp)]
    [InlineData(11, PercentRounding.HalfUp)]
    [InlineData(1, PercentRounding.HalfUpOrTruncate)]
    [InlineData(1, (PercentRounding)7)]
    public void FormatPercent_rejects_bad_arguments(int decimals, PercentRounding rounding)
    {
        var act = () => Rate.Of(1, 2).FormatPercent(decimals, rounding);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("X")]
    [InlineData("F2")]
    [InlineData("G11")]
    [InlineData("P-1")]
    [InlineData("Gx")]
    [InlineData("N1")]
    [InlineData("P 1")]
    public void Unknown_formats_throw_FormatException(string format)
    {
        var act = () => Rate.Of(1, 2).ToString(format, null);
        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void Bounded_rate_prints_its_range_rounded_outward()
    {
        // 101/354 = 28.531…%, 199/354 = 56.214…%.
        var rate = Rate.FromBounds(Bounds.Between(101, 199), Bounds.Exactly(354));
        rate.IsExact.Should().BeFalse();
        rate.HasValue.Should().BeFalse();
        rate.Value.Should().BeNull();
        rate.LowerBound.Should().Be(101m / 354m);
        rate.UpperBound.Should().Be(199m / 354m);
        rate.ToString().Should().Be("28.5%..56.3% (101..199/354)");
        rate.ToString("P0", null).Should().Be("28%..57%");
        rate.ToString("T1", null).Should().Be("28.5%..56.3%");
        rate.ToString("F", null).Should().Be("101..199/354");
    }

    [Fact]
    public void Bounds_of_a_rate_respect_numerator_not_above_denominator()
    {
        // Overlapping intervals: n = d is possible, so the rate can reach 100%.
        var overlapping = Rate.FromBounds(Bounds.Between(3, 10), Bounds.Between(5, 8));
        overlapping.LowerBound.Should().Be(3m / 8m);
        overlapping.UpperBound.Should().Be(1m);
        overlapping.FormatPercent().Should().Be("37.5%..100.0%");

        var disjoint = Rate.FromBounds(Bounds.Between(3, 4), Bounds.Between(5, 8));
        disjoint.LowerBound.Should().Be(3m / 8m);
        disjoint.UpperBound.Should().Be(4m / 5m);

        // A numerator that can only be 0 gives 0 whatever the denominator (0/0 excluded).
        var zero = Rate.FromBounds(Bounds.Exactly(0), Bounds.Between(0, 5));
        zero.LowerBound.Should().Be(0m);
        zero.UpperBound.Should().Be(0m);
        zero.FormatPercent().Should().Be("0.0%..0.0%");

        // Denominator possibly 0: n/d with d ≥ 1, so 1..2 over 0..5 reaches 1/1.
        var maybeZero = Rate.FromBounds(Bounds.Between(1, 2), Bounds.Between(0, 5));
        maybeZero.LowerBound.Should().Be(0.2m);
        maybeZero.UpperBound.Should().Be(1m);

        // Unbounded denominator: the rate can be as small as we like.
        var open = Rate.FromBounds(Bounds.Exactly(5), Bounds.AtLeast(10));
        open.LowerBound.Should().Be(0m);
        open.UpperBound.Should().Be(0.5m);
        open.FormatPercent().Should().Be("0.0%..50.0%");

        // Unbounded numerator: can meet the denominator.
        var openTop = Rate.FromBounds(Bounds.AtLeast(100), Bounds.Between(150, 200));
        openTop.LowerBound.Should().Be(0.5m);
        openTop.UpperBound.Should().Be(1m);
        openTop.ToString("F", null).Should().Be("100../150..200");

        // A denominator that can only be 0: no bounds.
        var none = Rate.FromBounds(Bounds.Exactly(0), Bounds.Exactly(0));
        none.LowerBound.Should().BeNull();
        none.FormatPercent().Should().Be("n/a");
    }

    [Fact]
    public void FromBounds_rejects_impossible_counts()
    {
        var negativeDenominator = () => Rate.FromBounds(Bounds.Exactly(0), Bounds.Between(-1, 5));
        negativeDenominator.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("denominator");
        var negativeNumerator = () => Rate.FromBounds(Bounds.Between(-1, 2), Bounds.Exactly(5));
        negativeNumerator.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("numerator");
        var above = () => Rate.FromBounds(Bounds.Between(6, 9), Bounds.Between(2, 5));
        above.Should().Throw<ArgumentOutOfRangeException>();
        var fine = () => Rate.FromBounds(Bounds.AtLeast(5), Bounds.AtLeast(2));
        fine.Should().NotThrow();
    }

    [Fact]
    public void Equality_compares_numerator_and_denominator_not_the_fraction()
    {
        EqualityContract.AssertEqual(Rate.Of(1, 2), Rate.Of(1, 2));
        EqualityContract.AssertEqual(Rate.None, Rate.Of(0, 0));
        EqualityContract.AssertUnequal(Rate.Of(1, 2), Rate.Of(2, 4));
        EqualityContract.AssertEqual(
            Rate.FromBounds(Bounds.Between(101, 199), Bounds.Exactly(354)),
            Rate.FromBounds(Bounds.Between(101, 199), Bounds.Exactly(354)));
        EqualityContract.AssertUnequal(
            Rate.FromBounds(Bounds.Exactly(5), Bounds.Between(5, long.MaxValue)),
            Rate.FromBounds(Bounds.Exactly(5), Bounds.AtLeast(5)));
        EqualityContract.AssertNonGenericComparison(Rate.Of(1, 2));
    }

    [Fact]
    public void Ordering_is_by_exact_fraction_then_denominator_then_numerator()
    {
        EqualityContract.AssertLess(Rate.Of(1, 3), Rate.Of(1, 2));
        EqualityContract.AssertLess(Rate.Of(1, 2), Rate.Of(2, 4));
        EqualityContract.AssertLess(Rate.Of(2, 4), Rate.Of(3, 4));
        EqualityContract.AssertLess(Rate.Of(0, 1), Rate.Of(0, 2));
        EqualityContract.AssertLess(Rate.None, Rate.Of(0, 1));
        EqualityContract.AssertLess(Rate.None, Rate.FromBounds(Bounds.Exactly(0), Bounds.Between(0, 1)));

        // Fractions that agree to 28 decimal digits but differ: exact comparison still tells them apart.
        const long big = 999_999_999_999_999_989;
        EqualityContract.AssertLess(Rate.Of(big - 1, big), Rate.Of(big, big + 1));

        // A bounded rate sorts by its lowest fraction, then its highest.
        var exactHalf = Rate.Of(1, 2);
        var fromQuarter = Rate.FromBounds(Bounds.Between(1, 2), Bounds.Exactly(4));
        var fromHalf = Rate.FromBounds(Bounds.Between(2, 3), Bounds.Exactly(4));
        EqualityContract.AssertLess(fromQuarter, exactHalf);
        EqualityContract.AssertLess(exactHalf, fromHalf);

        // Same bounds of the fraction, different counts: denominator decides, bounded before unbounded.
        EqualityContract.AssertLess(
            Rate.FromBounds(Bounds.Exactly(0), Bounds.Between(5, long.MaxValue)),
            Rate.FromBounds(Bounds.Exactly(0), Bounds.AtLeast(5)));
    }

    [Fact]
    public void Pool_adds_numerators_and_denominators()
    {
        (Rate.Of(176, 178) + Rate.Of(278, 354)).Should().Be(Rate.Of(454, 532));
        Rate.Pool(Rate.Of(176, 178), Rate.Of(278, 354)).Should().Be(Rate.Of(454, 532));
        Rate.Of(176, 178).Add(Rate.Of(278, 354)).Should().Be(Rate.Of(454, 532));
        Rate.Pool(new[] { Rate.Of(1, 2), Rate.Of(0, 0), Rate.Of(3, 10) }).Should().Be(Rate.Of(4, 12));
        Rate.Pool(Array.Empty<Rate>()).Should().Be(Rate.None);
        (Rate.Of(10, 20) + Rate.FromBounds(Bounds.Between(101, 199), Bounds.Exactly(354)))
            .Should().Be(Rate.FromBounds(Bounds.Between(111, 209), Bounds.Exactly(374)));
        var nullSequence = () => Rate.Pool(null!);
        nullSequence.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Pool_overflow_is_checked()
    {
        var huge = Rate.Of(long.MaxValue, long.MaxValue);
        var add = () => huge + Rate.Of(1, 1);
        add.Should().Throw<OverflowException>();
        var denominatorOnly = () => Rate.Of(0, long.MaxValue) + Rate.Of(0, 1);
        denominatorOnly.Should().Throw<OverflowException>();
        var sequence = () => Rate.Pool(new[] { huge, Rate.Of(0, 1) });
        sequence.Should().Throw<OverflowException>();
    }

    [Fact]
    public void Generic_math_sees_pooling_and_its_identity()
    {
        SumAll(new[] { Rate.Of(176, 178), Rate.Of(278, 354), Rate.Of(221, 221) }).Should().Be(Rate.Of(675, 753));
        Max(Rate.Of(1, 2), Rate.Of(2, 3)).Should().Be(Rate.Of(2, 3));
        Same(Rate.Of(1, 2), Rate.Of(2, 4)).Should().BeFalse();
    }

    [Fact]
    public void Debugger_shows_percentage_and_fraction()
    {
        var attribute = typeof(Rate).GetCustomAttribute<DebuggerDisplayAttribute>();
        attribute.Should().NotBeNull();
        attribute!.Value.Should().Be("{ToString(),nq}");
        Rate.Of(176, 178).ToString().Should().Be("98.9% (176/178)");
    }

    [Fact]
    public void Is_a_readonly_struct()
    {
        typeof(Rate).IsValueType.Should().BeTrue();
        typeof(Rate).GetCustomAttributes().Should().Contain(a => a.GetType().Name == "IsReadOnlyAttribute");
    }

    private static T SumAll<T>(IEnumerable<T> values)
        where T : IAdditionOperators<T, T, T>, IAdditiveIdentity<T, T>
    {
        T total = T.AdditiveIdentity;
        foreach (var v in values)
        {
            total += v;
        }

        return total;
    }

    private static T Max<T>(T a, T b)
        where T : IComparisonOperators<T, T, bool> => a > b ? a : b;

    private static bool Same<T>(T a, T b)
        where T : IEqualityOperators<T, T, bool> => a == b;
}
