using System;
using System.Globalization;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.TestHelpers;

namespace Zhengxie.Metrics.Tests.Rates;

public class RateInferenceTest
{
    [Fact]
    public void Lishui_78_5_percent_of_354_implies_278()
    {
        // 277/354 = 78.248%, 278/354 = 78.531%, 279/354 = 78.813%.
        foreach (var rounding in new[] { PercentRounding.HalfUp, PercentRounding.Truncate, PercentRounding.HalfUpOrTruncate })
        {
            var inference = RateInference.InferNumerator(78.5m, 354, rounding);
            inference.Kind.Should().Be(InferenceOutcome.Unique);
            inference.Numerator.Should().Be(278);
            inference.Candidates.Should().Be(Bounds.Exactly(278));
            inference.Denominator.Should().Be(354);
            inference.TryGetNumerator(out long n).Should().BeTrue();
            n.Should().Be(278);
            inference.ToRate().Should().Be(Rate.Of(278, 354));
            inference.ToString().Should().Be("unique 278/354");
        }
    }

    [Fact]
    public void Wudang_100_percent_of_176_implies_176()
    {
        var inference = RateInference.InferNumerator(100m, 176);
        inference.Kind.Should().Be(InferenceOutcome.Unique);
        inference.Numerator.Should().Be(176);

        // Half-up 100% only needs n/176 ≥ 99.5%, which 175/176 = 99.43% misses.
        RateInference.InferNumerator(100m, 176, PercentRounding.HalfUp).Numerator.Should().Be(176);

        // With 300 proposals, 299/300 = 99.67% rounds half-up to 100%: not unique.
        var large = RateInference.InferNumerator(100m, 300, PercentRounding.HalfUp);
        large.Kind.Should().Be(InferenceOutcome.Several);
        large.Candidates.Should().Be(Bounds.Between(299, 300));
        large.Numerator.Should().BeNull();
        large.TryGetNumerator(out _).Should().BeFalse();
        large.ToRate().Should().Be(Rate.FromBounds(Bounds.Between(299, 300), Bounds.Exactly(300)));
    }

    [Fact]
    public void Truncated_81_7_percent_of_274_implies_224()
    {
        // 223/274 = 81.387%, 224/274 = 81.752%, 225/274 = 82.117%.
        RateInference.InferNumerator(81.7m, 274, PercentRounding.Truncate).Numerator.Should().Be(224);

        // Half-up, 224/274 prints 81.8 and nothing prints 81.7: no numerator fits.
        var halfUp = RateInference.InferNumerator(81.7m, 274, PercentRounding.HalfUp);
        halfUp.Kind.Should().Be(InferenceOutcome.None);
        halfUp.Numerator.Should().BeNull();
        halfUp.ToString().Should().Be("none /274");
        var toRate = () => halfUp.ToRate();
        toRate.Should().Throw<InvalidOperationException>();

        RateInference.InferNumerator(81.7m, 274).Numerator.Should().Be(224);
    }

    [Fact]
    public void Fifty_percent_of_three_fits_nothing()
    {
        // 1/3 = 33.3%, 2/3 = 66.7%.
        RateInference.InferNumerator(50m, 3).Kind.Should().Be(InferenceOutcome.None);
        RateInference.InferNumerator(50m, 3, PercentRounding.HalfUp).Kind.Should().Be(InferenceOutcome.None);
    }

    [Fact]
    public void Thirty_three_percent_of_1000_fits_several()
    {
        // Half-up: 32.5% ≤ n/10 % < 33.5% ⇒ 325..334; truncated: 33% ≤ … < 34% ⇒ 330..339.
        var halfUp = RateInference.InferNumerator(33m, 1000, PercentRounding.HalfUp);
        halfUp.Kind.Should().Be(InferenceOutcome.Several);
        halfUp.Candidates.Should().Be(Bounds.Between(325, 334));
        halfUp.ToString().Should().Be("several 325..334/1000");
        RateInference.InferNumerator(33m, 1000, PercentRounding.Truncate).Candidates.Should().Be(Bounds.Between(330, 339));
        RateInference.InferNumerator(33m, 1000).Candidates.Should().Be(Bounds.Between(325, 339));
    }

    [Fact]
    public void Decimals_default_to_the_printed_scale()
    {
        // 78.50 is printed to two decimals: 78.495% ≤ n/354 < 78.505%, which no n meets.
        RateInference.InferNumerator(78.50m, 354, PercentRounding.HalfUp).Kind.Should().Be(InferenceOutcome.None);

        // Told it was printed to one decimal, it is 78.5 again.
        RateInference.InferNumerator(78.50m, 354, PercentRounding.HalfUp, decimals: 1).Numerator.Should().Be(278);

        // 78.5 read as printed to three decimals (78.500): nothing.
        RateInference.InferNumerator(78.5m, 354, PercentRounding.HalfUp, decimals: 3).Kind.Should().Be(InferenceOutcome.None);

        // 0% of 1000, half-up to no decimals: n/10 < 0.5 ⇒ 0..4.
        RateInference.InferNumerator(0m, 1000, PercentRounding.HalfUp).Candidates.Should().Be(Bounds.Between(0, 4));
        RateInference.InferNumerator(0m, 1000, PercentRounding.Truncate).Candidates.Should().Be(Bounds.Between(0, 9));
    }

    [Fact]
    public void Zero_denominator_fits_nothing()
    {
        var inference = RateInference.InferNumerator(100m, 0);
        inference.Kind.Should().Be(InferenceOutcome.None);
        inference.Denominator.Should().Be(0);
        default(NumeratorInference).Kind.Should().Be(InferenceOutcome.None);
    }

    [Theory]
    [InlineData(-0.1, 10, null)]
    [InlineData(100.1, 10, null)]
    [InlineData(50, -1, null)]
    [InlineData(50, 10, -1)]
    [InlineData(50, 10, 29)]
    public void Bad_arguments_are_out_of_range(double percent, long denominator, int? decimals)
    {
        var act = () => RateInference.InferNumerator((decimal)percent, denominator, PercentRounding.HalfUp, decimals);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Undefined_rounding_and_too_many_printed_digits_are_rejected()
    {
        var rounding = () => RateInference.InferNumerator(50m, 10, (PercentRounding)9);
        rounding.Should().Throw<ArgumentOutOfRangeException>();
        var digits = () => RateInference.InferNumerator(78.55m, 354, PercentRounding.HalfUp, decimals: 1);
        digits.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("decimals");
    }

    [Fact]
    public void Huge_denominators_and_many_decimals_are_exact()
    {
        const long d = long.MaxValue;
        RateInference.InferNumerator(100m, d, PercentRounding.Truncate).Numerator.Should().Be(d);
        RateInference.InferNumerator(0m, d, PercentRounding.Truncate, decimals: 28).Candidates.Lower.Should().Be(0);

        // 50% exactly, to 28 decimals, of an even denominator: only d/2.
        RateInference.InferNumerator(50m, 1_000_000_000_000_000_000, PercentRounding.Truncate, decimals: 28)
            .Numerator.Should().Be(500_000_000_000_000_000);
    }

    [Fact]
    public void Agrees_with_brute_force_for_every_printed_value_of_small_denominators()
    {
        for (long d = 1; d <= 40; d++)
        {
            for (int k = 0; k <= 2; k++)
            {
                for (long n = 0; n <= d; n++)
                {
                    foreach (bool truncate in new[] { false, true })
                    {
                        string printed = ReferencePercent.Format(n, d, k, truncate);
                        decimal value = decimal.Parse(printed, CultureInfo.InvariantCulture);
                        Check(value, printed, d, k, PercentRounding.HalfUp, halfUp: true, truncate: false);
                        Check(value, printed, d, k, PercentRounding.Truncate, halfUp: false, truncate: true);
                        Check(value, printed, d, k, PercentRounding.HalfUpOrTruncate, halfUp: true, truncate: true);
                    }
                }
            }
        }

        static void Check(decimal value, string printed, long d, int k, PercentRounding rounding, bool halfUp, bool truncate)
        {
            var expected = ReferencePercent.Numerators(printed, d, k, halfUp, truncate);
            var actual = RateInference.InferNumerator(value, d, rounding);
            string because = $"{printed}% of {d} under {rounding}";
            if (expected.Count == 0)
            {
                actual.Kind.Should().Be(InferenceOutcome.None, because);
                return;
            }

            actual.Kind.Should().Be(expected.Count == 1 ? InferenceOutcome.Unique : InferenceOutcome.Several, because);
            actual.Candidates.Should().Be(Bounds.Between(expected[0], expected[^1]), because);
            (expected[^1] - expected[0] + 1).Should().Be(expected.Count, "the candidates are contiguous");
        }
    }
}
