using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
#if NET8_0_OR_GREATER
using System.Numerics;
#endif
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// A closed interval of whole quantities in a figure's base unit (件, 次, 元, 字, ...): the values a
/// reported figure can stand for. 「100余场次」 is 101..199; 「近330万元」 is 3,200,001..3,299,999 元;
/// 「100场以上」 is 100 or more, with no upper bound; an exact 「75次」 is 75..75.
/// </summary>
/// <remarks>
/// <para>Addition is interval addition, checked for overflow: the sum of 101..199 and 75 is 176..274.
/// An unbounded upper end stays unbounded.</para>
/// <para>Equality compares both ends: 100..<see cref="long.MaxValue"/> (bounded) and 100.. (unbounded)
/// are different intervals. <c>default(Bounds)</c> is exactly zero (0..0). The ends may be any 64-bit
/// values; counts built from figures are never negative.</para>
/// <para>This type is an immutable value type and is thread-safe.</para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public readonly struct Bounds : IEquatable<Bounds>, IFormattable
#if NET8_0_OR_GREATER
    , IAdditionOperators<Bounds, Bounds, Bounds>, IAdditiveIdentity<Bounds, Bounds>, IEqualityOperators<Bounds, Bounds, bool>
#endif
{
    private readonly long lower;
    private readonly long upper;
    private readonly bool unbounded;

    private Bounds(long lower, long upper, bool unbounded)
    {
        this.lower = lower;
        this.upper = unbounded ? long.MaxValue : upper;
        this.unbounded = unbounded;
    }

    /// <summary>Gets exactly zero, the identity of addition.</summary>
    public static Bounds Zero => default;

    /// <summary>Gets the smallest value the interval contains.</summary>
    public long Lower => lower;

    /// <summary>Gets the largest value the interval contains, or <see langword="null"/> when it has no upper bound.</summary>
    public long? Upper => unbounded ? null : upper;

    /// <summary>Gets a value indicating whether the interval has an upper bound.</summary>
    public bool HasUpperBound => !unbounded;

    /// <summary>Gets a value indicating whether the interval holds a single value.</summary>
    public bool IsExact => !unbounded && lower == upper;

    /// <summary>Gets the width of the interval (upper minus lower), or <see langword="null"/> when unbounded.</summary>
    /// <exception cref="OverflowException">The width does not fit in a 64-bit integer (only for intervals reaching below zero).</exception>
    public long? Width => unbounded ? null : checked(upper - lower);

#if NET8_0_OR_GREATER
    /// <summary>Gets <see cref="Zero"/>, the identity of addition.</summary>
    static Bounds IAdditiveIdentity<Bounds, Bounds>.AdditiveIdentity => Zero;

#endif
    /// <summary>Creates the interval holding only <paramref name="value"/>.</summary>
    /// <param name="value">The exact value.</param>
    /// <returns>The interval <paramref name="value"/>..<paramref name="value"/>.</returns>
    public static Bounds Exactly(long value) => new(value, value, false);

    /// <summary>Creates the closed interval <paramref name="lower"/>..<paramref name="upper"/>.</summary>
    /// <param name="lower">The smallest value.</param>
    /// <param name="upper">The largest value; not less than <paramref name="lower"/>.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="upper"/> is less than <paramref name="lower"/>.</exception>
    public static Bounds Between(long lower, long upper)
    {
        Preconditions.CheckArgumentRange(upper >= lower, upper, "The upper bound must not be less than the lower bound.");
        return new Bounds(lower, upper, false);
    }

    /// <summary>Creates the interval of every value from <paramref name="lower"/> up, with no upper bound.</summary>
    /// <param name="lower">The smallest value.</param>
    /// <returns>The interval.</returns>
    public static Bounds AtLeast(long lower) => new(lower, long.MaxValue, true);

    /// <summary>Returns whether <paramref name="value"/> lies in the interval.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> when lower ≤ value ≤ upper.</returns>
    public bool Contains(long value) => value >= lower && (unbounded || value <= upper);

    /// <summary>Returns whether every value of <paramref name="other"/> lies in this interval.</summary>
    /// <param name="other">The interval to test.</param>
    /// <returns><see langword="true"/> when <paramref name="other"/> is a sub-interval of this one.</returns>
    public bool Contains(Bounds other) => other.lower >= lower && (unbounded || (!other.unbounded && other.upper <= upper));

    /// <summary>Adds two intervals: the result holds every sum of a value of each. Checked for overflow.</summary>
    /// <param name="other">The interval to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">A bound of the sum does not fit in a 64-bit integer.</exception>
    public Bounds Add(Bounds other)
    {
        long lo = checked(lower + other.lower);
        if (unbounded || other.unbounded)
        {
            return new Bounds(lo, long.MaxValue, true);
        }

        return new Bounds(lo, checked(upper + other.upper), false);
    }

    /// <summary>Adds two intervals (the named twin of <see cref="Add(Bounds)"/>).</summary>
    /// <param name="left">The first interval.</param>
    /// <param name="right">The second interval.</param>
    /// <returns>The sum.</returns>
    public static Bounds Plus(Bounds left, Bounds right) => left.Add(right);

    /// <summary>Adds two intervals.</summary>
    /// <param name="left">The first interval.</param>
    /// <param name="right">The second interval.</param>
    /// <returns>The sum.</returns>
    public static Bounds operator +(Bounds left, Bounds right) => left.Add(right);

    /// <summary>Sums a sequence of intervals; the sum of none is <see cref="Zero"/>.</summary>
    /// <param name="values">The intervals.</param>
    /// <returns>Their sum.</returns>
    public static Bounds Sum(IEnumerable<Bounds> values)
    {
        Preconditions.CheckNotNull(values);
        var total = Zero;
        foreach (var value in values)
        {
            total += value;
        }

        return total;
    }

    /// <summary>
    /// Intersects two intervals, as when two facts about the same count narrow each other
    /// (filed ≤ received: 「近330」 received and 「300余」 filed).
    /// </summary>
    /// <param name="other">The other interval.</param>
    /// <param name="result">The common part, when there is one.</param>
    /// <returns><see langword="false"/> when the intervals do not overlap: the facts contradict each other.</returns>
    public bool TryIntersect(Bounds other, out Bounds result)
    {
        long lo = Math.Max(lower, other.lower);
        bool unb = unbounded && other.unbounded;
        long hi = unb ? long.MaxValue : Math.Min(unbounded ? long.MaxValue : upper, other.unbounded ? long.MaxValue : other.upper);
        if (lo > hi)
        {
            result = default;
            return false;
        }

        result = new Bounds(lo, hi, unb);
        return true;
    }

    /// <summary>Returns this interval with its upper bound lowered to at most <paramref name="max"/> (never below its lower bound).</summary>
    /// <param name="max">The largest value the quantity can take.</param>
    /// <returns>The narrowed interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is below the lower bound.</exception>
    public Bounds CapAt(long max)
    {
        Preconditions.CheckArgumentRange(max >= lower, max, "The cap is below the interval's lower bound.");
        return unbounded || max < upper ? new Bounds(lower, max, false) : this;
    }

    /// <inheritdoc />
    public bool Equals(Bounds other) => lower == other.lower && upper == other.upper && unbounded == other.unbounded;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Bounds other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(lower, upper, unbounded);

    /// <summary>Compares two intervals for equality of both ends.</summary>
    /// <param name="left">The first interval.</param>
    /// <param name="right">The second interval.</param>
    /// <returns><see langword="true"/> when both ends are equal.</returns>
    public static bool operator ==(Bounds left, Bounds right) => left.Equals(right);

    /// <summary>Compares two intervals for inequality.</summary>
    /// <param name="left">The first interval.</param>
    /// <param name="right">The second interval.</param>
    /// <returns><see langword="true"/> when an end differs.</returns>
    public static bool operator !=(Bounds left, Bounds right) => !left.Equals(right);

    /// <summary>Formats the interval invariantly: <c>176</c>, <c>101..199</c> or <c>100..</c> (no upper bound).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the interval; <paramref name="format"/> applies to each end (for example <c>N0</c>).</summary>
    /// <param name="format">A standard or custom numeric format for the ends, or <see langword="null"/>.</param>
    /// <param name="formatProvider">The culture, or <see langword="null"/> for the invariant culture.</param>
    /// <returns>The text.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        formatProvider ??= CultureInfo.InvariantCulture;
        string lo = lower.ToString(format, formatProvider);
        if (IsExact)
        {
            return lo;
        }

        return unbounded ? lo + ".." : lo + ".." + upper.ToString(format, formatProvider);
    }
}
