using System;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Rates;

/// <summary>
/// Tests written against the mutants Stryker left alive in Rates/ (docs/quality.md): each bad argument is
/// rejected with a message that says what is wrong; printed rates with long mantissas; decimals 0; the
/// order of rates with bounds.
/// </summary>
public class RateSurvivorsTest
{
    [Fact]
    public void A_bad_rate_says_which_part_is_wrong()
    {
        Action negativeDenominator = () => Rate.Of(0, -5);
        negativeDenominator.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*denominator must not be negative*");
        Action negativeNumerator = () => Rate.Of(-1, 5);
        negativeNumerator.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*numerator must not be negative*");
        Action above = () => Rate.Of(6, 5);
        above.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*must not exceed its denominator*");

        Action boundsDenominator = () => Rate.FromBounds(Bounds.Exactly(0), Bounds.Exactly(-1));
        boundsDenominator.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*denominator must not be negative*");
        Action boundsNumerator = () => Rate.FromBounds(Bounds.Exactly(-1), Bounds.Exactly(5));
        boundsNumerator.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*numerator must not be negative*");
        Action boundsAbove = () => Rate.FromBounds(Bounds.Exactly(6), Bounds.Between(4, 5));
        boundsAbove.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*must not exceed its denominator*");
    }

    [Fact]
    public void Bad_formatting_arguments_say_what_is_allowed()
    {
        var rate = Rate.Of(1, 2);
        Action decimals = () => rate.FormatPercent(11);
        decimals.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*from 0 to 10*");
        Action rounding = () => rate.FormatPercent(1, PercentRounding.HalfUpOrTruncate);
        rounding.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*HalfUp or Truncate*");
        Action format = () => rate.ToString("X", null);
        format.Should().Throw<FormatException>().WithMessage("Rate format 'X' is not supported*");
        Action compare = () => ((IComparable)rate).CompareTo("1/2");
        compare.Should().Throw<ArgumentException>().WithMessage("*not a Rate*");
    }

    [Fact]
    public void Bad_inference_arguments_say_what_is_wrong()
    {
        Action above = () => RateInference.InferNumerator(100.1m, 10);
        above.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*from 0 to 100*");
        Action denominator = () => RateInference.InferNumerator(50m, -1);
        denominator.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*denominator must not be negative*");
        Action rounding = () => RateInference.InferNumerator(50m, 10, (PercentRounding)9);
        rounding.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*rounding*");
        Action decimals = () => RateInference.InferNumerator(50m, 10, decimals: 29);
        decimals.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*from 0 to 28*");
        Action digits = () => RateInference.InferNumerator(50.55m, 10, decimals: 1);
        digits.Should().Throw<ArgumentException>().WithMessage("*more digits after the point*");

        Action qualifiedAbove = () => RateInference.InferNumerator(100.1m, Qualifier.AtLeast, 10);
        qualifiedAbove.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*from 0 to 100*");
        Action qualifiedDenominator = () => RateInference.InferNumerator(50m, Qualifier.AtLeast, -1);
        qualifiedDenominator.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*denominator must not be negative*");
        Action exact = () => RateInference.InferNumerator(50m, Qualifier.Exact, 10);
        exact.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*percent_reported, at_least, more_than, nearly or about*");

        var none = RateInference.InferNumerator(50m, 3);
        Action toRate = () => none.ToRate();
        toRate.Should().Throw<InvalidOperationException>().WithMessage("No numerator fits*");
    }

    [Fact]
    public void Several_candidates_give_no_numerator()
    {
        // 33% of 1000, half-up or truncated: 32.5% ≤ p < 34%, so 325..339: several.
        var several = RateInference.InferNumerator(33m, 1000);
        several.Kind.Should().Be(InferenceOutcome.Several);
        several.TryGetNumerator(out long n).Should().BeFalse();
        n.Should().Be(0);
    }

    [Fact]
    public void Decimals_zero_reads_a_whole_printed_percentage()
    {
        // 78% printed as a whole number: half-up [77.5%, 78.5%) or truncated [78%, 79%): 274.35 ≤ n < 279.66 of 354.
        RateInference.InferNumerator(78m, 354, decimals: 0).Candidates.Should().Be(Bounds.Between(275, 279));
        RateInference.InferNumerator(78.0m, 354, decimals: 0).Candidates.Should().Be(Bounds.Between(275, 279));
    }

    [Theory]
    [InlineData("33.33333333333")] // mantissa 3,333,333,333,333: above 2^32
    [InlineData("33.333333333333333333")] // mantissa above 2^64
    public void A_printed_rate_with_a_long_mantissa_is_read_exactly(string printed)
    {
        // 1/3 = 33.333…%: rounded or truncated to these digits it prints as given; 0/3 and 2/3 do not.
        var inference = RateInference.InferNumerator(decimal.Parse(printed, System.Globalization.CultureInfo.InvariantCulture), 3);
        inference.Kind.Should().Be(InferenceOutcome.Unique);
        inference.Numerator.Should().Be(1);
    }

    [Fact]
    public void Rates_with_bounds_order_by_lowest_then_highest_value_then_by_their_counts()
    {
        // 1..2 of 4 is 25%..50%; 2 of 8 is 25%: same lowest value, higher top: above.
        var wide = Rate.FromBounds(Bounds.Between(1, 2), Bounds.Exactly(4));
        var quarter = Rate.Of(2, 8);
        wide.CompareTo(quarter).Should().BePositive();
        quarter.CompareTo(wide).Should().BeNegative();

        // 3..5 of 4 and 3..4 of 4 are both 75%..100%: the wider numerator sorts after; distinct rates never compare equal.
        var wider = Rate.FromBounds(Bounds.Between(3, 5), Bounds.Exactly(4));
        var narrower = Rate.FromBounds(Bounds.Between(3, 4), Bounds.Exactly(4));
        wider.CompareTo(narrower).Should().BePositive();
        narrower.CompareTo(wider).Should().BeNegative();
        wider.CompareTo(wider).Should().Be(0);
    }
}
