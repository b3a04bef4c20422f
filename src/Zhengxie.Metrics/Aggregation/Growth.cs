using System;
using System.Diagnostics;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// Growth of a sum over a span of years: the total relative growth and the compound annual growth rate
/// ((to / from)^(1 / years) − 1). Exact, non-zero sums only. Immutable and thread-safe.
/// </summary>
public sealed class Growth : IEquatable<Growth>
{
    internal Growth(ValueChange change, int years)
    {
        Change = change;
        Years = years;
    }

    /// <summary>Gets the change between the first and last bucket.</summary>
    public ValueChange Change { get; }

    /// <summary>Gets the number of years between the first and the last bucket.</summary>
    public int Years { get; }

    /// <summary>Gets the total relative growth ((to − from) / from), or <see langword="null"/>.</summary>
    public decimal? Total => Change.Relative;

    /// <summary>Gets the compound annual growth rate, or <see langword="null"/> when there is no exact total growth, the span is not positive, or the later sum is zero.</summary>
    public double? CompoundAnnualRate =>
        Total is not null && Years > 0 && Change.ToValue!.Value.Lower > 0
            ? Math.Pow((double)Change.ToValue.Value.Lower / Change.FromValue!.Value.Lower, 1.0 / Years) - 1.0
            : null;

    /// <summary>Returns whether two growths have the same change over the same years (value equality).</summary>
    /// <param name="other">The other growth.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Growth? other) => other is not null && Years == other.Years && Change.Equals(other.Change);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Growth);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Change, Years);

    /// <summary>Formats as <c>2018 → 2020: 100 → 121 (+21, +21.0%) over 2 years</c>, culture-invariant.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Change.ToString() + " over " + Years.ToString(System.Globalization.CultureInfo.InvariantCulture) + (Years == 1 ? " year" : " years");
}
