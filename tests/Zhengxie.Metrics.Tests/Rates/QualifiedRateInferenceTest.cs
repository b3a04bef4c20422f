using System;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Rates;

/// <summary>
/// The numerator a qualified printed rate allows (docs/domain.md, "qualifiers and bounds"): at_least N% is
/// N% or more, more_than N% is above N%, nearly N% is below N% and above N% minus one unit of N's last
/// non-zero digit, about N% is within half that unit either side (inclusive). Expected values are worked out
/// by hand from those definitions: n / d × 100 must lie in the interval.
/// </summary>
public class QualifiedRateInferenceTest
{
    [Theory]
    // at_least 95% of 200: n ≥ 190.
    [InlineData(95, Qualifier.AtLeast, 200, 190, 200)]
    // more_than 95% of 200: n > 190.
    [InlineData(95, Qualifier.MoreThan, 200, 191, 200)]
    // nearly 95% of 200 (unit 1): 94% < p < 95%, so 188 < n < 190.
    [InlineData(95, Qualifier.Nearly, 200, 189, 189)]
    // nearly 90% of 100 (unit 10): 80% < p < 90%.
    [InlineData(90, Qualifier.Nearly, 100, 81, 89)]
    // about 95% of 200: 94.5% ≤ p ≤ 95.5%, so 189 ≤ n ≤ 191.
    [InlineData(95, Qualifier.About, 200, 189, 191)]
    // about 100% of 7 (unit 100): 50% ≤ p ≤ 150%, so 3.5 ≤ n, and n ≤ 7.
    [InlineData(100, Qualifier.About, 7, 4, 7)]
    // about 0% of 50 (unit 1): −0.5% ≤ p ≤ 0.5%, so n = 0 only (0.25 is not whole).
    [InlineData(0, Qualifier.About, 50, 0, 0)]
    // more_than 0% of 50: any n above 0.
    [InlineData(0, Qualifier.MoreThan, 50, 1, 50)]
    // at_least 100% of 7: all of them.
    [InlineData(100, Qualifier.AtLeast, 7, 7, 7)]
    // about 0.5% of 1000 (unit 0.1): 0.45% ≤ p ≤ 0.55%, so 4.5 ≤ n ≤ 5.5.
    [InlineData(0.5, Qualifier.About, 1000, 5, 5)]
    // more_than 99.5% of 1000 (unit 0.1): n > 995.
    [InlineData(99.5, Qualifier.MoreThan, 1000, 996, 1000)]
    public void A_qualified_rate_allows_exactly_the_numerators_its_interval_holds(double printed, Qualifier qualifier, long denominator, long lowest, long highest)
    {
        var inference = RateInference.InferNumerator((decimal)printed, qualifier, denominator);

        inference.Candidates.Should().Be(Bounds.Between(lowest, highest));
        inference.Denominator.Should().Be(denominator);
        inference.Kind.Should().Be(lowest == highest ? InferenceOutcome.Unique : InferenceOutcome.Several);
        inference.Numerator.Should().Be(lowest == highest ? lowest : null);
        inference.ToRate().Should().Be(Rate.FromBounds(Bounds.Between(lowest, highest), Bounds.Exactly(denominator)));
    }

    [Theory]
    // nearly 90% of 10 (unit 10): 80% < p < 90% means 8 < n < 9: no whole number.
    [InlineData(90, Qualifier.Nearly, 10)]
    // nearly 0% of 50: below 0%, nothing.
    [InlineData(0, Qualifier.Nearly, 50)]
    // more_than 100% of 50: above 100%, nothing.
    [InlineData(100, Qualifier.MoreThan, 50)]
    // nearly 0.5% of 1000 (unit 0.1): 0.4% < p < 0.5% means 4 < n < 5.
    [InlineData(0.5, Qualifier.Nearly, 1000)]
    // any rate of 0 proposals: no numerator.
    [InlineData(50, Qualifier.AtLeast, 0)]
    public void A_qualified_rate_no_whole_numerator_fits_gives_none(double printed, Qualifier qualifier, long denominator)
    {
        var inference = RateInference.InferNumerator((decimal)printed, qualifier, denominator);

        inference.Kind.Should().Be(InferenceOutcome.None);
        inference.Numerator.Should().BeNull();
        inference.TryGetNumerator(out long n).Should().BeFalse();
        n.Should().Be(0);
        inference.Denominator.Should().Be(denominator);
        var toRate = () => inference.ToRate();
        toRate.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Percent_reported_is_the_printed_rate_rounded_as_printed()
    {
        // 丽水: 78.5% of 354 received: 277/354 = 78.25%, 278/354 = 78.53%, 279/354 = 78.81%.
        RateInference.InferNumerator(78.5m, Qualifier.PercentReported, 354).Should().Be(RateInference.InferNumerator(78.5m, 354));
        RateInference.InferNumerator(78.5m, Qualifier.PercentReported, 354).Numerator.Should().Be(278);
    }

    [Theory]
    [InlineData(100.1, Qualifier.AtLeast, 10)]
    [InlineData(-0.1, Qualifier.AtLeast, 10)]
    [InlineData(50, Qualifier.AtLeast, -1)]
    [InlineData(50, Qualifier.Exact, 10)]
    [InlineData(50, Qualifier.All, 10)]
    public void Bad_arguments_are_rejected(double printed, Qualifier qualifier, long denominator)
    {
        var act = () => RateInference.InferNumerator((decimal)printed, qualifier, denominator);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Inferences_are_equal_when_kind_candidates_and_denominator_are()
    {
        var a = RateInference.InferNumerator(95m, Qualifier.AtLeast, 200);
        var b = RateInference.InferNumerator(95m, Qualifier.AtLeast, 200);
        var other = RateInference.InferNumerator(95m, Qualifier.MoreThan, 200);
        (a == b).Should().BeTrue();
        (a != b).Should().BeFalse();
        (a == other).Should().BeFalse();
        (a != other).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.Equals((object)"190..200").Should().BeFalse();
        a.GetHashCode().Should().Be(b.GetHashCode());

        // Same kind and candidates, other denominator: at least 100% of 7 is 7 of 7; about 87.5% of 8 (87.45%..87.55%) is 7 of 8.
        var sevenOfSeven = RateInference.InferNumerator(100m, Qualifier.AtLeast, 7);
        var sevenOfEight = RateInference.InferNumerator(87.5m, Qualifier.About, 8);
        sevenOfEight.Candidates.Should().Be(sevenOfSeven.Candidates);
        sevenOfEight.Kind.Should().Be(sevenOfSeven.Kind);
        sevenOfSeven.Should().NotBe(sevenOfEight);
        (sevenOfSeven == sevenOfEight).Should().BeFalse();
    }
}
