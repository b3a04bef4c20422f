using System;
using System.Globalization;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;

namespace Zhengxie.Metrics.Tests.Statistics;

public class PercentInferenceTest
{
    [Theory]
    [InlineData("78.5", 354, 278, 278)] // 丽水
    [InlineData("100", 176, 176, 176)] // 乌当
    [InlineData("100", 200, 199, 200)] // 199/200 = 99.5 % rounds half-up to 100 %
    [InlineData("81.7", 274, 224, 224)] // 224/274 = 81.75 % truncated
    [InlineData("0", 10, 0, 0)]
    [InlineData("50", 3, 0, -1)] // 1/3 = 33 %, 2/3 = 67 %: nothing fits
    public void Candidates(string percent, long denominator, long first, long last)
    {
        var c = PercentInference.Infer(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), denominator);
        if (last < first)
        {
            c.Any.Should().BeFalse();
            return;
        }

        c.Any.Should().BeTrue();
        (c.First, c.Last).Should().Be((first, last));
    }

    [Fact]
    public void The_true_numerator_is_always_a_candidate_and_candidates_print_the_percent()
    {
        Gen.Select(Gen.Long[1, 100_000], Gen.Int[0, 2], Gen.Bool).SelectMany(t => Gen.Long[0, t.Item1].Select(n => (n, t.Item1, t.Item2, t.Item3)))
            .Sample(t =>
            {
                var (n, den, decimals, truncate) = t;
                decimal exact = n * 100m / den;
                decimal printed = truncate ? Truncate(exact, decimals) : Math.Round(exact, decimals, MidpointRounding.AwayFromZero);
                printed = decimal.Parse(printed.ToString("F" + decimals, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture); // scale = printed decimals
                var c = PercentInference.Infer(printed, den);
                c.Any.Should().BeTrue();
                n.Should().BeInRange(c.First, c.Last);
                foreach (long k in new[] { c.First, c.Last })
                {
                    decimal x = k * 100m / den;
                    (Math.Round(x, decimals, MidpointRounding.AwayFromZero) == printed || Truncate(x, decimals) == printed).Should().BeTrue();
                }

                if (c.First > 0)
                {
                    decimal below = (c.First - 1) * 100m / den;
                    (Math.Round(below, decimals, MidpointRounding.AwayFromZero) == printed || Truncate(below, decimals) == printed).Should().BeFalse();
                }
            });
    }

    private static decimal Truncate(decimal value, int decimals)
    {
        decimal f = 1m;
        for (int i = 0; i < decimals; i++)
        {
            f *= 10m;
        }

        return decimal.Truncate(value * f) / f;
    }
}
