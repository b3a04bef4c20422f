using System;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// One count measure summed over a group of committees and a period bucket: the sum (exact, or the
/// bounds of qualified figures), how many committees contributed, and how many are in the group
/// (coverage, as DHIS2's reporting rates). A group where nobody reported has no sum: missing is not zero.
/// </summary>
/// <remarks>
/// In a bucket that spans several periods a committee contributes when it reports the measure in at
/// least one of them. Equality compares every field. <c>default</c> is an empty group without data.
/// Immutable and thread-safe.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public readonly struct AggregateValue : IEquatable<AggregateValue>
{
    private readonly Bounds sum;

    internal AggregateValue(Bounds sum, int contributors, int groupSize)
    {
        this.sum = sum;
        Contributors = contributors;
        GroupSize = groupSize;
    }

    /// <summary>Gets the sum over the contributing committees, or <see langword="null"/> when none contributed.</summary>
    public Bounds? Sum => Contributors > 0 ? sum : null;

    /// <summary>Gets a value indicating whether at least one committee contributed.</summary>
    public bool HasValue => Contributors > 0;

    /// <summary>Gets the number of committees that report the measure.</summary>
    public int Contributors { get; }

    /// <summary>Gets the number of committees in the group.</summary>
    public int GroupSize { get; }

    /// <summary>Gets the share of the group's committees that contributed (0..1), or <see langword="null"/> for an empty group.</summary>
    public decimal? Coverage => GroupSize > 0 ? (decimal)Contributors / GroupSize : null;

    /// <inheritdoc />
    public bool Equals(AggregateValue other) => Sum == other.Sum && Contributors == other.Contributors && GroupSize == other.GroupSize;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AggregateValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Sum, Contributors, GroupSize);

    /// <summary>Formats as <c>1234 (12/15)</c> or <c>n/a (0/15)</c>.</summary>
    /// <returns>The text, invariant.</returns>
    public override string ToString() =>
        (Sum?.ToString() ?? "n/a") + string.Create(CultureInfo.InvariantCulture, $" ({Contributors}/{GroupSize})");

    /// <summary>Compares two values for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AggregateValue left, AggregateValue right) => left.Equals(right);

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AggregateValue left, AggregateValue right) => !left.Equals(right);
}
