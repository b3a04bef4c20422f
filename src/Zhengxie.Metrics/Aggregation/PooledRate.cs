using System;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// A rate pooled over a group of committees: the sums of its numerator and denominator over the
/// committees that report both (never an average of their percentages), with how many did.
/// </summary>
/// <remarks>Equality compares every field. Immutable and thread-safe.</remarks>
[DebuggerDisplay("{ToString(),nq}")]
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public readonly struct PooledRate : IEquatable<PooledRate>
{
    private readonly Rate rate;

    internal PooledRate(Rate rate, int contributors, int groupSize)
    {
        this.rate = rate;
        Contributors = contributors;
        GroupSize = groupSize;
    }

    /// <summary>Gets the pooled rate, or <see langword="null"/> when no committee reports both counts.</summary>
    public Rate? Rate => Contributors > 0 ? rate : null;

    /// <summary>Gets a value indicating whether at least one committee reports both counts.</summary>
    public bool HasValue => Contributors > 0;

    /// <summary>Gets the number of committees that report the numerator's counts and the denominator.</summary>
    public int Contributors { get; }

    /// <summary>Gets the number of committees in the group.</summary>
    public int GroupSize { get; }

    /// <summary>Gets the share of the group's committees that contributed (0..1), or <see langword="null"/> for an empty group.</summary>
    public decimal? Coverage => GroupSize > 0 ? (decimal)Contributors / GroupSize : null;

    /// <inheritdoc />
    public bool Equals(PooledRate other) => Rate == other.Rate && Contributors == other.Contributors && GroupSize == other.GroupSize;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PooledRate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rate, Contributors, GroupSize);

    /// <summary>Formats as <c>98.9% (176/178) (2/15)</c>.</summary>
    /// <returns>The text, invariant.</returns>
    public override string ToString() =>
        (Rate?.ToString() ?? "n/a") + string.Create(CultureInfo.InvariantCulture, $" ({Contributors}/{GroupSize})");

    /// <summary>Compares two pooled rates for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PooledRate left, PooledRate right) => left.Equals(right);

    /// <summary>Compares two pooled rates for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PooledRate left, PooledRate right) => !left.Equals(right);
}
