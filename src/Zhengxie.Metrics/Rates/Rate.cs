using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// A rate as the reports use it: a numerator over a denominator (立案率 = filed / received), kept as
/// the two counts (or their <see cref="Bounds"/>, when a count was qualified), never as a bare percentage.
/// </summary>
/// <remarks>
/// <para><b>Value.</b> <see cref="Value"/> is the fraction numerator / denominator as a <see cref="decimal"/>
/// in 0..1; it exists only when both counts are exact and the denominator is not zero. A zero denominator
/// gives no value (never 0 and never NaN). When a count is qualified the rate has only bounds:
/// <see cref="LowerBound"/> and <see cref="UpperBound"/>, which contain every fraction n/d the two
/// intervals allow with n ≤ d and d &gt; 0. A rate whose denominator can only be zero has neither value
/// nor bounds.</para>
/// <para><b>Formatting</b> is culture-invariant and exact: <see cref="FormatPercent(int, PercentRounding)"/>
/// rounds half-up or truncates the exact fraction with integer arithmetic (never through
/// <see cref="double"/>), and <see cref="ToString(string, IFormatProvider)"/> offers <c>G</c>, <c>P</c>,
/// <c>T</c> and <c>F</c>. A rate with no value prints <c>n/a</c>; a bounded rate prints <c>lo%..hi%</c>.</para>
/// <para><b>Equality</b> compares numerator and denominator, not the fraction: 1/2 and 2/4 are not equal
/// (they are different facts about different committees). <b>Ordering</b> compares the exact fraction
/// first (by cross-multiplication, never rounded; for a bounded rate its lowest fraction, then its
/// highest; an exact rate's lowest and highest are its value), then the denominator, then the numerator
/// (intervals by lower end, then upper end, bounded before unbounded), so 1/2 &lt; 2/4 &lt; 3/4 and
/// <c>CompareTo</c> returns 0 exactly when <see cref="Equals(Rate)"/> is true. Rates with neither value
/// nor bounds (a zero denominator, <c>default(Rate)</c>) sort before all others.</para>
/// <para><b>Pooling.</b> <see cref="Pool(Rate, Rate)"/> (and <c>+</c>) adds numerators and denominators,
/// checked for overflow: the pooled rate of several committees, never an average of their percentages.</para>
/// <para><b>Range.</b> Counts are 0 to <see cref="long.MaxValue"/>, and the numerator never exceeds the
/// denominator (for bounds: the numerator's lowest value never exceeds the denominator's highest).</para>
/// <para><c>default(Rate)</c> is 0/0 (<see cref="None"/>): a rate with no value. This type is immutable and thread-safe.</para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
[Rendering.TypeFormatterSource(typeof(Rendering.NotebookFormatterSource))]
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public readonly struct Rate : IEquatable<Rate>, IComparable<Rate>, IComparable, IFormattable
#if NET8_0_OR_GREATER
    , IAdditionOperators<Rate, Rate, Rate>, IEqualityOperators<Rate, Rate, bool>, IComparisonOperators<Rate, Rate, bool>,
      IAdditiveIdentity<Rate, Rate>
#endif
{
    private const int MaxDecimals = 10;
    private const string NoValueText = "n/a";

    private readonly Bounds numerator;
    private readonly Bounds denominator;

    private Rate(Bounds numerator, Bounds denominator)
    {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /// <summary>Gets the rate 0/0, which has no value.</summary>
    public static Rate None => default;

    /// <summary>Gets the numerator: exact, or the bounds of a qualified count.</summary>
    public Bounds Numerator => numerator;

    /// <summary>Gets the denominator: exact, or the bounds of a qualified count.</summary>
    public Bounds Denominator => denominator;

    /// <summary>Gets a value indicating whether numerator and denominator are both exact.</summary>
    public bool IsExact => numerator.IsExact && denominator.IsExact;

    /// <summary>Gets a value indicating whether the rate has an exact value (exact counts, denominator above zero).</summary>
    public bool HasValue => IsExact && denominator.Lower > 0;

    /// <summary>Gets the exact fraction in 0..1, or <see langword="null"/> when <see cref="HasValue"/> is false.</summary>
    public decimal? Value => HasValue ? (decimal)numerator.Lower / denominator.Lower : null;

    /// <summary>Gets the exact fraction as a percentage in 0..100, or <see langword="null"/> when there is no value.</summary>
    public decimal? Percent => HasValue ? (decimal)numerator.Lower * 100m / denominator.Lower : null;

    /// <summary>
    /// Gets the smallest fraction the counts allow, or <see langword="null"/> when the denominator can be zero only.
    /// Equal to <see cref="Value"/> for an exact rate. With an unbounded denominator it is 0 (the infimum).
    /// </summary>
    /// <remarks>The exact bound is a fraction of two counts; this property gives it to <see cref="decimal"/> precision.</remarks>
    public decimal? LowerBound => HasBounds ? ToDecimal(LowestFraction()) : null;

    /// <summary>
    /// Gets the largest fraction the counts allow (never above 1, since a numerator never exceeds its
    /// denominator), or <see langword="null"/> when the denominator can be zero only. Equal to
    /// <see cref="Value"/> for an exact rate.
    /// </summary>
    /// <remarks>The exact bound is a fraction of two counts; this property gives it to <see cref="decimal"/> precision.</remarks>
    public decimal? UpperBound => HasBounds ? ToDecimal(HighestFraction()) : null;

    /// <summary>Gets a value indicating whether some denominator the counts allow is above zero, so the rate has bounds.</summary>
    private bool HasBounds => denominator.Upper != 0;

#if NET8_0_OR_GREATER
    /// <summary>Gets <see cref="None"/> (0/0), the identity of pooling.</summary>
    static Rate IAdditiveIdentity<Rate, Rate>.AdditiveIdentity => None;

#endif
    /// <summary>The smallest fraction n/d with n and d in their intervals, n ≤ d and d &gt; 0; only when <see cref="HasBounds"/>.</summary>
    private (long Numerator, long Denominator) LowestFraction() =>
        denominator.HasUpperBound ? (numerator.Lower, denominator.Upper!.Value) : (0, 1);

    /// <summary>The largest fraction n/d with n and d in their intervals, n ≤ d and d &gt; 0; only when <see cref="HasBounds"/>.</summary>
    private (long Numerator, long Denominator) HighestFraction()
    {
        long smallestDenominator = Math.Max(denominator.Lower, 1);

        // 1 is reached when some count lies in both intervals (n = d); FromBounds ensures the numerator's lowest value is at most the denominator's highest.
        return !numerator.HasUpperBound || numerator.Upper!.Value >= smallestDenominator
            ? (1, 1)
            : (numerator.Upper!.Value, smallestDenominator);
    }

    private static decimal ToDecimal((long Numerator, long Denominator) fraction) => (decimal)fraction.Numerator / fraction.Denominator;

    private static int CompareFractions((long Numerator, long Denominator) a, (long Numerator, long Denominator) b) =>
        ((Int128)a.Numerator * b.Denominator).CompareTo((Int128)b.Numerator * a.Denominator);

    /// <summary>Creates the rate <paramref name="numerator"/> / <paramref name="denominator"/>.</summary>
    /// <param name="numerator">The count on top, from 0 to <paramref name="denominator"/>.</param>
    /// <param name="denominator">The count below, 0 or more; 0 gives a rate with no value.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or the numerator exceeds the denominator.</exception>
    public static Rate Of(long numerator, long denominator)
    {
        Preconditions.CheckArgumentRange(denominator >= 0, denominator, "A rate's denominator must not be negative.");
        Preconditions.CheckArgumentRange(numerator >= 0, numerator, "A rate's numerator must not be negative.");
        Preconditions.CheckArgumentRange(numerator <= denominator, numerator, "A rate's numerator must not exceed its denominator (the rate would be above 100%).");
        return new Rate(Bounds.Exactly(numerator), Bounds.Exactly(denominator));
    }

    /// <summary>Creates a rate from the bounds of its counts (for qualified figures such as 「300余件」).</summary>
    /// <param name="numerator">The numerator's bounds, all non-negative.</param>
    /// <param name="denominator">The denominator's bounds, all non-negative.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A lower bound is negative, or the numerator's smallest value exceeds the denominator's largest.</exception>
    public static Rate FromBounds(Bounds numerator, Bounds denominator)
    {
        Preconditions.CheckArgumentRange(denominator.Lower >= 0, denominator, "A rate's denominator must not be negative.");
        Preconditions.CheckArgumentRange(numerator.Lower >= 0, numerator, "A rate's numerator must not be negative.");
        Preconditions.CheckArgumentRange(
            !denominator.HasUpperBound || numerator.Lower <= denominator.Upper!.Value,
            numerator,
            "A rate's numerator must not exceed its denominator (the rate would be above 100%).");
        return new Rate(numerator, denominator);
    }

    /// <summary>Pools two rates: adds numerators and adds denominators. Checked for overflow.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The pooled rate.</returns>
    public static Rate Pool(Rate left, Rate right) => new(left.numerator + right.numerator, left.denominator + right.denominator);

    /// <summary>Pools a sequence of rates; the pool of none is 0/0.</summary>
    /// <param name="rates">The rates.</param>
    /// <returns>The pooled rate.</returns>
    public static Rate Pool(IEnumerable<Rate> rates)
    {
        Preconditions.CheckNotNull(rates);
        var total = None;
        foreach (var rate in rates)
        {
            total = Pool(total, rate);
        }

        return total;
    }

    /// <summary>Pools two rates (the operator form of <see cref="Pool(Rate, Rate)"/>).</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The pooled rate.</returns>
    public static Rate operator +(Rate left, Rate right) => Pool(left, right);

    /// <summary>Pools this rate with another (the named twin of <c>+</c>).</summary>
    /// <param name="other">The other rate.</param>
    /// <returns>The pooled rate.</returns>
    public Rate Add(Rate other) => Pool(this, other);

    /// <summary>Formats the percentage with <paramref name="decimals"/> digits after the point, invariantly (<c>98.9%</c>).</summary>
    /// <remarks>
    /// The rounding is exact (integer arithmetic on the counts, no floating point): 1/8 to no decimals is
    /// <c>13%</c> half-up and <c>12%</c> truncated; 224/274 to one decimal is <c>81.8%</c> half-up and
    /// <c>81.7%</c> truncated. The two ends of a bounded rate are rounded outward (the lower end down, the
    /// upper end up) whatever <paramref name="rounding"/> says, so the printed range contains every
    /// fraction the counts allow.
    /// </remarks>
    /// <param name="decimals">Digits after the decimal point, 0 to 10.</param>
    /// <param name="rounding">Half-up rounding or truncation; <see cref="PercentRounding.HalfUpOrTruncate"/> is not allowed here.</param>
    /// <returns>The percentage, <c>n/a</c> when the rate has neither value nor bounds, or <c>lo%..hi%</c> for a bounded rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0..10, or <paramref name="rounding"/> is not one convention.</exception>
    public string FormatPercent(int decimals = 1, PercentRounding rounding = PercentRounding.HalfUp)
    {
        Preconditions.CheckArgumentRange(decimals is >= 0 and <= MaxDecimals, decimals, "Decimals must be from 0 to 10.");
        Preconditions.CheckArgumentRange(rounding is PercentRounding.HalfUp or PercentRounding.Truncate, rounding, "Formatting needs one rounding convention: HalfUp or Truncate.");
        if (HasValue)
        {
            return FormatPercent((numerator.Lower, denominator.Lower), decimals, rounding == PercentRounding.Truncate ? Rounding.Down : Rounding.HalfUp) + "%";
        }

        if (HasBounds)
        {
            return FormatPercent(LowestFraction(), decimals, Rounding.Down) + "%.." + FormatPercent(HighestFraction(), decimals, Rounding.Up) + "%";
        }

        return NoValueText;
    }

    private enum Rounding
    {
        HalfUp,
        Down,
        Up,
    }

    /// <summary>Formats fraction × 100 with <paramref name="decimals"/> digits, exactly: the fraction is at most 1 and its terms fit in 64 bits, so the scaled numerator fits in 128.</summary>
    private static string FormatPercent((long Numerator, long Denominator) fraction, int decimals, Rounding rounding)
    {
        Int128 scale = Int128.One;
        for (int i = 0; i < decimals; i++)
        {
            scale *= 10;
        }

        Int128 scaled = (Int128)fraction.Numerator * 100 * scale;
        (Int128 quotient, Int128 remainder) = Int128.DivRem(scaled, fraction.Denominator);
        bool up = rounding switch
        {
            Rounding.HalfUp => remainder * 2 >= fraction.Denominator,
            Rounding.Up => remainder > 0,
            _ => false,
        };
        if (up)
        {
            quotient += 1;
        }

        string whole = (quotient / scale).ToString(CultureInfo.InvariantCulture);
        return decimals == 0
            ? whole
            : whole + "." + (quotient % scale).ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0');
    }

    /// <summary>Formats the fraction's counts: <c>176/178</c>, or <c>101..199/354</c> for bounds.</summary>
    /// <returns>The fraction.</returns>
    public string FormatFraction() => numerator.ToString() + "/" + denominator.ToString();

    /// <summary>Formats as <c>98.9% (176/178)</c>: the percentage to one decimal and the fraction.</summary>
    /// <returns>The text, invariant.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the rate invariantly with one of the formats of <see cref="ToString(string?, IFormatProvider?)"/>.</summary>
    /// <param name="format">The format (<c>G</c>, <c>G2</c>, <c>P1</c>, <c>T1</c>, <c>F</c>, ...).</param>
    /// <returns>The text.</returns>
    public string ToString(string? format) => ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats the rate invariantly. Formats: <c>G</c> or <c>null</c> (percentage to one decimal and the
    /// fraction, <c>98.9% (176/178)</c>), <c>G</c><i>n</i> (the same with <i>n</i> decimals), <c>P</c><i>n</i>
    /// (percentage only, <c>98.9%</c>), <c>T</c><i>n</i> (percentage truncated to <i>n</i> decimals),
    /// <c>F</c> (the fraction only, <c>176/178</c>).
    /// </summary>
    /// <param name="format">The format, as above.</param>
    /// <param name="formatProvider">Ignored: the output is always culture-invariant.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FormatException">The format is not one of the above.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (string.IsNullOrEmpty(format))
        {
            format = "G";
        }

        char kind = format[0];
        int decimals = 1;
        if (format.Length > 1
            && (kind is 'F' or 'f'
                || !int.TryParse(format.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out decimals)
                || decimals > MaxDecimals))
        {
            throw UnsupportedFormat(format);
        }

        return kind switch
        {
            'G' or 'g' => FormatPercent(decimals) + " (" + FormatFraction() + ")",
            'P' or 'p' => FormatPercent(decimals),
            'T' or 't' => FormatPercent(decimals, PercentRounding.Truncate),
            'F' or 'f' => FormatFraction(),
            _ => throw UnsupportedFormat(format),
        };
    }

    private static FormatException UnsupportedFormat(string format) =>
        new($"Rate format '{format}' is not supported: use G, Gn, Pn, Tn (n from 0 to 10) or F.");

    /// <inheritdoc />
    public bool Equals(Rate other) => numerator == other.numerator && denominator == other.denominator;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Rate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(numerator, denominator);

    /// <summary>Compares by exact fraction, then denominator, then numerator (see the type's remarks).</summary>
    /// <param name="other">The rate to compare with.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(Rate other)
    {
        if (HasBounds != other.HasBounds)
        {
            return HasBounds ? 1 : -1;
        }

        if (HasBounds)
        {
            int c = CompareFractions(LowestFraction(), other.LowestFraction());
            if (c == 0)
            {
                c = CompareFractions(HighestFraction(), other.HighestFraction());
            }

            if (c != 0)
            {
                return c;
            }
        }

        int d = CompareBounds(denominator, other.denominator);
        return d != 0 ? d : CompareBounds(numerator, other.numerator);
    }

    /// <summary>Orders intervals by lower end, then upper end, a bounded interval before an unbounded one with the same ends.</summary>
    private static int CompareBounds(Bounds a, Bounds b)
    {
        int c = a.Lower.CompareTo(b.Lower);
        if (c == 0)
        {
            c = (a.Upper ?? long.MaxValue).CompareTo(b.Upper ?? long.MaxValue);
        }

        return c != 0 ? c : b.HasUpperBound.CompareTo(a.HasUpperBound);
    }

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Rate other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a Rate.", nameof(obj)),
    };

    /// <summary>Compares numerator and denominator for equality.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns><see langword="true"/> when both counts are equal.</returns>
    public static bool operator ==(Rate left, Rate right) => left.Equals(right);

    /// <summary>Compares numerator and denominator for inequality.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns><see langword="true"/> when a count differs.</returns>
    public static bool operator !=(Rate left, Rate right) => !left.Equals(right);

    /// <summary>Orders rates (see the type's remarks).</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(Rate left, Rate right) => left.CompareTo(right) < 0;

    /// <summary>Orders rates (see the type's remarks).</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(Rate left, Rate right) => left.CompareTo(right) > 0;

    /// <summary>Orders rates (see the type's remarks).</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether <paramref name="left"/> does not sort after <paramref name="right"/>.</returns>
    public static bool operator <=(Rate left, Rate right) => left.CompareTo(right) <= 0;

    /// <summary>Orders rates (see the type's remarks).</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether <paramref name="left"/> does not sort before <paramref name="right"/>.</returns>
    public static bool operator >=(Rate left, Rate right) => left.CompareTo(right) >= 0;
}
