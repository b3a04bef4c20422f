using System;
using System.Diagnostics;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// The change of a sum between two period buckets: absolute (to − from) and relative ((to − from) / from).
/// Only exact sums give a change; a qualified sum (bounds) or a missing one gives none (the bounds are
/// in <see cref="FromValue"/> and <see cref="ToValue"/>). Immutable and thread-safe.
/// </summary>
[DebuggerDisplay("{From.Label,nq} → {To.Label,nq}: {Absolute}")]
public sealed class ValueChange : IEquatable<ValueChange>
{
    internal ValueChange(PeriodBucket from, PeriodBucket to, Bounds? fromValue, Bounds? toValue)
    {
        From = from;
        To = to;
        FromValue = fromValue;
        ToValue = toValue;
    }

    /// <summary>Gets the earlier bucket.</summary>
    public PeriodBucket From { get; }

    /// <summary>Gets the later bucket.</summary>
    public PeriodBucket To { get; }

    /// <summary>Gets the earlier sum, or <see langword="null"/> when missing.</summary>
    public Bounds? FromValue { get; }

    /// <summary>Gets the later sum, or <see langword="null"/> when missing.</summary>
    public Bounds? ToValue { get; }

    /// <summary>Gets to − from, or <see langword="null"/> unless both sums are exact. Checked for overflow.</summary>
    public long? Absolute => FromValue is { IsExact: true } a && ToValue is { IsExact: true } b ? checked(b.Lower - a.Lower) : null;

    /// <summary>Gets (to − from) / from, or <see langword="null"/> unless both sums are exact and from is not zero.</summary>
    public decimal? Relative => Absolute is { } d && FromValue!.Value.Lower != 0 ? (decimal)d / FromValue.Value.Lower : null;

    /// <summary>Returns whether two changes are between the same buckets and values (value equality).</summary>
    /// <param name="other">The other change.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(ValueChange? other) =>
        other is not null && From.Equals(other.From) && To.Equals(other.To) && FromValue == other.FromValue && ToValue == other.ToValue;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueChange);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(From.Label, To.Label, FromValue, ToValue);

    /// <summary>Formats as <c>2019 → 2020: 120 → 150 (+30, +25.0%)</c>, culture-invariant.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        From.Label + " → " + To.Label + ": " + (FromValue?.ToString() ?? "-") + " → " + (ToValue?.ToString() ?? "-")
        + (Absolute is { } a ? " (" + a.ToString("+0;-0;0", System.Globalization.CultureInfo.InvariantCulture)
            + (Relative is { } r ? ", " + (r * 100m).ToString("+0.0;-0.0;0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : string.Empty) + ")" : string.Empty);
}
