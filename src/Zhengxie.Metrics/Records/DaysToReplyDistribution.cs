using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// The distribution of days from clock start (handover, under the default policy) to reply over a set of
/// replied cases: count, minimum, maximum, median and percentiles.
/// </summary>
/// <remarks>
/// Percentiles interpolate linearly between order statistics (Hyndman and Fan's type 7, as Excel's
/// <c>PERCENTILE.INC</c> and NumPy's default): for sorted values x₀ ≤ … ≤ xₙ₋₁ and p in 0..100,
/// h = (n − 1)·p/100 and P(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). So the median is the middle value, or the
/// mean of the two middle values, and P90 of 1..10 days is 9.1. Every statistic is <see langword="null"/>
/// when there are no values. Immutable and thread-safe.
/// </remarks>
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class DaysToReplyDistribution : IEquatable<DaysToReplyDistribution>
{
    private readonly int[] sorted;

    internal DaysToReplyDistribution(int[] days)
    {
        Array.Sort(days);
        sorted = days;
    }

    /// <summary>Gets the number of replied cases.</summary>
    public int Count => sorted.Length;

    /// <summary>Gets the days to reply, in ascending order.</summary>
    public IReadOnlyList<int> Days => Array.AsReadOnly(sorted);

    /// <summary>Gets the fewest days to reply, or <see langword="null"/>.</summary>
    public int? Minimum => sorted.Length == 0 ? null : sorted[0];

    /// <summary>Gets the most days to reply, or <see langword="null"/>.</summary>
    public int? Maximum => sorted.Length == 0 ? null : sorted[^1];

    /// <summary>Gets the median (P50), or <see langword="null"/>.</summary>
    public decimal? Median => Percentile(50);

    /// <summary>Gets the 90th percentile (P90), or <see langword="null"/>.</summary>
    public decimal? Percentile90 => Percentile(90);

    /// <summary>Returns a percentile (linear interpolation, see the type's remarks).</summary>
    /// <param name="percent">The percentile, 0 to 100.</param>
    /// <returns>The value in days, or <see langword="null"/> when there are no values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside 0..100.</exception>
    public decimal? Percentile(decimal percent)
    {
        Preconditions.CheckArgumentRange(percent is >= 0 and <= 100, percent, "The percentile must be from 0 to 100.");
        if (sorted.Length == 0)
        {
            return null;
        }

        decimal h = (sorted.Length - 1) * percent / 100m;
        int lo = (int)decimal.Floor(h);
        decimal fraction = h - lo;
        return lo + 1 < sorted.Length ? sorted[lo] + (fraction * (sorted[lo + 1] - sorted[lo])) : sorted[lo];
    }

    /// <summary>Compares the days (the statistics follow from them).</summary>
    /// <param name="other">The other distribution.</param>
    /// <returns>Whether both hold the same days.</returns>
    public bool Equals(DaysToReplyDistribution? other) => other is not null && sorted.AsSpan().SequenceEqual(other.sorted);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DaysToReplyDistribution);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(sorted.Length, Minimum, Maximum);

    /// <summary>Formats as <c>n=10, median 45, P90 80.1</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => sorted.Length == 0
        ? "n=0"
        : string.Create(CultureInfo.InvariantCulture, $"n={Count}, median {Median}, P90 {Percentile90}");
}
