using System;
using System.Globalization;
using System.Linq;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.TestHelpers;

namespace Zhengxie.Metrics.Tests.Rates;

public class RatePropertyTest
{
    private static readonly Gen<long> Count = Gen.Long[0, 1_000_000];

    /// <summary>An interval lo..lo+w and one of its members.</summary>
    private static readonly Gen<(Bounds Bounds, long Member)> IntervalWithMember =
        Gen.Select(Count, Gen.Long[0, 10_000]).SelectMany((lo, w) => Gen.Long[lo, lo + w].Select(m => (Bounds.Between(lo, lo + w), m)));

    /// <summary>Exact rates, and bounded rates with small counts so that ties in the fraction are common.</summary>
    private static readonly Gen<Rate> AnyRate = Gen.OneOf(
        Gen.Long[0, 20].SelectMany(d => Gen.Long[0, d].Select(n => Rate.Of(n, d))),
        Gen.Select(Gen.Long[0, 10], Gen.Long[0, 5], Gen.Long[0, 10], Gen.Long[0, 5], Gen.Bool, Gen.Bool)
            .Where(t => t.Item1 <= t.Item3 + t.Item4)
            .Select(t => Rate.FromBounds(
                t.Item5 ? Bounds.AtLeast(t.Item1) : Bounds.Between(t.Item1, t.Item1 + t.Item2),
                t.Item6 ? Bounds.AtLeast(t.Item3) : Bounds.Between(t.Item3, t.Item3 + t.Item4))));

    [Fact]
    public void Interval_addition_contains_every_sum_of_members()
    {
        Gen.Select(IntervalWithMember, IntervalWithMember).Sample((a, b) =>
        {
            var sum = a.Bounds + b.Bounds;
            sum.Contains(a.Member + b.Member).Should().BeTrue();
            sum.Lower.Should().Be(a.Bounds.Lower + b.Bounds.Lower);
            sum.Upper.Should().Be(a.Bounds.Upper + b.Bounds.Upper);
        });
    }

    [Fact]
    public void Interval_addition_with_an_unbounded_part_is_unbounded_and_contains_every_sum()
    {
        Gen.Select(IntervalWithMember, Count, Gen.Long[0, 1_000_000_000]).Sample((a, lo, extra) =>
        {
            var sum = a.Bounds + Bounds.AtLeast(lo);
            sum.HasUpperBound.Should().BeFalse();
            sum.Contains(a.Member + lo + extra).Should().BeTrue();
        });
    }

    [Fact]
    public void Bounds_of_a_rate_contain_every_fraction_of_members()
    {
        Gen.Select(IntervalWithMember, IntervalWithMember).Sample((num, den) =>
        {
            if (num.Bounds.Lower > den.Bounds.Upper || num.Member > den.Member || den.Member == 0)
            {
                return;
            }

            var rate = Rate.FromBounds(num.Bounds, den.Bounds);
            decimal fraction = (decimal)num.Member / den.Member;
            rate.LowerBound.Should().NotBeNull();
            rate.LowerBound!.Value.Should().BeLessThanOrEqualTo(fraction);
            rate.UpperBound!.Value.Should().BeGreaterThanOrEqualTo(fraction);
        });
    }

    [Fact]
    public void Bounds_of_a_rate_are_the_tightest_by_brute_force()
    {
        // Small intervals: enumerate every n ≤ d, d > 0 and compare with the exact extremes.
        Gen.Select(Gen.Long[0, 12], Gen.Long[0, 6], Gen.Long[0, 12], Gen.Long[0, 6]).Sample((nLo, nW, dLo, dW) =>
        {
            if (nLo > dLo + dW)
            {
                return;
            }

            var rate = Rate.FromBounds(Bounds.Between(nLo, nLo + nW), Bounds.Between(dLo, dLo + dW));
            var fractions = (
                from n in Enumerable.Range((int)nLo, (int)nW + 1)
                from d in Enumerable.Range((int)dLo, (int)dW + 1)
                where d > 0 && n <= d
                select (decimal)n / d).ToList();
            if (fractions.Count == 0)
            {
                rate.LowerBound.Should().BeNull();
                rate.UpperBound.Should().BeNull();
                rate.FormatPercent().Should().Be("n/a");
                return;
            }

            rate.LowerBound.Should().Be(fractions.Min());
            rate.UpperBound.Should().Be(fractions.Max());
        });
    }

    [Fact]
    public void Value_lies_between_the_bounds()
    {
        Gen.Long[1, 1_000_000_000_000].SelectMany(d => Gen.Long[0, d].Select(n => Rate.Of(n, d))).Sample(rate =>
        {
            rate.Value.Should().NotBeNull();
            rate.LowerBound!.Value.Should().BeLessThanOrEqualTo(rate.Value!.Value);
            rate.UpperBound!.Value.Should().BeGreaterThanOrEqualTo(rate.Value!.Value);
        });
    }

    [Fact]
    public void Pooled_rate_lies_between_its_parts()
    {
        var part = Gen.Long[1, 1_000_000].SelectMany(d => Gen.Long[0, d].Select(n => Rate.Of(n, d)));
        part.Array[1, 10].Sample(parts =>
        {
            var pooled = Rate.Pool(parts);
            pooled.Numerator.Should().Be(Bounds.Exactly(parts.Sum(p => p.Numerator.Lower)));
            pooled.Denominator.Should().Be(Bounds.Exactly(parts.Sum(p => p.Denominator.Lower)));
            pooled.Value!.Value.Should().BeInRange(parts.Min(p => p.Value!.Value), parts.Max(p => p.Value!.Value));
        });
    }

    [Fact]
    public void Formatting_matches_the_reference()
    {
        var counts = Gen.Long[1, long.MaxValue].SelectMany(d => Gen.Long[0, d].Select(n => (n, d)));
        Gen.Select(counts, Gen.Int[0, 10], Gen.Bool).Sample((c, k, truncate) =>
        {
            (long n, long d) = c;
            var rate = Rate.Of(n, d);
            string expected = ReferencePercent.Format(n, d, k, truncate) + "%";
            rate.FormatPercent(k, truncate ? PercentRounding.Truncate : PercentRounding.HalfUp).Should().Be(expected);
        });
    }

    [Fact]
    public void Inference_round_trips_a_formatted_rate()
    {
        var counts = Gen.Long[1, 1_000_000].SelectMany(d => Gen.Long[0, d].Select(n => (n, d)));
        Gen.Select(counts, Gen.Int[0, 4], Gen.Bool).Sample((c, k, truncate) =>
        {
            (long n, long d) = c;
            var rounding = truncate ? PercentRounding.Truncate : PercentRounding.HalfUp;
            string text = Rate.Of(n, d).FormatPercent(k, rounding);
            decimal printed = decimal.Parse(text.TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

            var inference = RateInference.InferNumerator(printed, d, rounding);
            inference.Kind.Should().NotBe(InferenceOutcome.None);
            inference.Candidates.Contains(n).Should().BeTrue();
            if (inference.Kind == InferenceOutcome.Unique)
            {
                inference.Numerator.Should().Be(n);
            }

            // The range is exactly the numerators that print the same: its ends do, their neighbours don't.
            long lo = inference.Candidates.Lower;
            long hi = inference.Candidates.Upper!.Value;
            ReferencePercent.Format(lo, d, k, truncate).Should().Be(text.TrimEnd('%'));
            ReferencePercent.Format(hi, d, k, truncate).Should().Be(text.TrimEnd('%'));
            if (lo > 0)
            {
                ReferencePercent.Format(lo - 1, d, k, truncate).Should().NotBe(text.TrimEnd('%'));
            }

            if (hi < d)
            {
                ReferencePercent.Format(hi + 1, d, k, truncate).Should().NotBe(text.TrimEnd('%'));
            }

            RateInference.InferNumerator(printed, d).Candidates.Contains(inference.Candidates).Should().BeTrue();
        });
    }

    [Fact]
    public void Ordering_is_consistent_with_equality()
    {
        Gen.Select(AnyRate, AnyRate).Sample((a, b) => EqualityContract.AssertConsistent(a, b));
    }

    [Fact]
    public void Ordering_is_transitive()
    {
        Gen.Select(AnyRate, AnyRate, AnyRate).Sample((a, b, c) =>
        {
            var sorted = new[] { a, b, c };
            Array.Sort(sorted);
            sorted[0].CompareTo(sorted[1]).Should().BeLessThanOrEqualTo(0);
            sorted[1].CompareTo(sorted[2]).Should().BeLessThanOrEqualTo(0);
            sorted[0].CompareTo(sorted[2]).Should().BeLessThanOrEqualTo(0, "{0} ≤ {1} ≤ {2}", sorted[0], sorted[1], sorted[2]);
        });
    }

    [Fact]
    public void Ordering_of_exact_rates_follows_the_exact_fraction()
    {
        var rate = Gen.Long[1, long.MaxValue].SelectMany(d => Gen.Long[0, d].Select(n => (n, d)));
        Gen.Select(rate, rate).Sample((x, y) =>
        {
            var cross = ((Int128)x.n * y.d).CompareTo((Int128)y.n * x.d);
            int c = Rate.Of(x.n, x.d).CompareTo(Rate.Of(y.n, y.d));
            if (cross != 0)
            {
                Math.Sign(c).Should().Be(Math.Sign(cross));
            }
            else
            {
                Math.Sign(c).Should().Be(x.d.CompareTo(y.d));
            }
        });
    }
}
