using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// A rate as the reports use it: a numerator over a denominator (立案率 = filed / received), kept as
/// the two counts (or their <see cref="Bounds"/>, when a count was qualified), never as a bare percentage.
/// </summary>
/// <remarks>
/// <para><b>Value.</b> <see cref="Value"/> is the exact fraction numerator / denominator as a
/// <see cref="decimal"/> in 0..1; it exists only when both counts are exact and the denominator is not
/// zero. A zero denominator gives no value (never 0 and never NaN). When a count is qualified the rate
/// has only bounds: <see cref="LowerBound"/> and <see cref="UpperBound"/>, which contain every fraction
/// the two intervals allow (with the numerator never above the denominator).</para>
/// <para><b>Equality</b> compares numerator and denominator, not the fraction: 1/2 and 2/4 are not equal
/// (they are different facts about different committees). <b>Ordering</b> compares the fraction first
/// (exactly, without rounding; for bounded rates the lower bound, then the upper), then the
/// denominator, then the numerator, so it is consistent with equality; a rate with no value sorts
/// before every rate with one.</para>
/// <para><b>Pooling.</b> <see cref="Pool(Rate, Rate)"/> (and <c>+</c>) adds numerators and denominators: the
/// pooled rate of several committees, never an average of their percentages.</para>
/// <para><c>default(Rate)</c> is 0/0: a rate with no value. This type is immutable and thread-safe.</para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct Rate : IEquatable<Rate>, IComparable<Rate>, IComparable, IFormattable
#if NET8_0_OR_GREATER
    , IAdditionOperators<Rate, Rate, Rate>, IEqualityOperators<Rate, Rate, bool>, IComparisonOperators<Rate, Rate, bool>
#endif
{
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
    /// Equal to <see cref="Value"/> for an exact rate.
    /// </summary>
    public decimal? LowerBound
    {
        get
        {
            if (denominator.Upper == 0)
            {
                return null;
            }

            if (!denominator.HasUpperBound)
            {
                return 0m;
            }

            return Math.Min(1m, (decimal)numerator.Lower / denominator.Upper!.Value);
        }
    }

    /// <summary>
    /// Gets the largest fraction the counts allow (never above 1, since a numerator never exceeds its
    /// denominator), or <see langword="null"/> when the denominator can be zero only. Equal to
    /// <see cref="Value"/> for an exact rate.
    /// </summary>
    public decimal? UpperBound
    {
        get
        {
            if (denominator.Upper == 0)
            {
                return null;
            }

            if (!numerator.HasUpperBound || denominator.Lower == 0)
            {
                return 1m;
            }

            return Math.Min(1m, (decimal)numerator.Upper!.Value / denominator.Lower);
        }
    }

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
    /// <param name="decimals">Digits after the decimal point, 0 to 10.</param>
    /// <param name="rounding">Half-up rounding or truncation; <see cref="PercentRounding.HalfUpOrTruncate"/> is not allowed here.</param>
    /// <returns>The percentage, <c>n/a</c> when there is no value, or <c>lo%..hi%</c> for a bounded rate.</returns>
    public string FormatPercent(int decimals = 1, PercentRounding rounding = PercentRounding.HalfUp)
    {
        Preconditions.CheckArgumentRange(decimals is >= 0 and <= 10, decimals, "Decimals must be from 0 to 10.");
        Preconditions.CheckArgumentRange(rounding != PercentRounding.HalfUpOrTruncate, rounding, "Formatting needs one rounding convention.");
        if (HasValue)
        {
            return FormatFraction(Value!.Value, decimals, rounding) + "%";
        }

        if (LowerBound is { } lo && UpperBound is { } hi)
        {
            return FormatFraction(lo, decimals, rounding) + "%.." + FormatFraction(hi, decimals, rounding) + "%";
        }

        return "n/a";
    }

    private static string FormatFraction(decimal fraction, int decimals, PercentRounding rounding)
    {
        decimal percent = fraction * 100m;
        decimal shown = rounding == PercentRounding.Truncate
            ? Math.Round(percent, decimals, MidpointRounding.ToZero)
            : Math.Round(percent, decimals, MidpointRounding.AwayFromZero);
        return shown.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>Formats the fraction's counts: <c>176/178</c>, or <c>101..199/354</c> for bounds.</summary>
    /// <returns>The fraction.</returns>
    public string FormatFraction() => numerator.ToString() + "/" + denominator.ToString();

    /// <summary>Formats as <c>98.9% (176/178)</c>: the percentage to one decimal and the fraction.</summary>
    /// <returns>The text, invariant.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

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

        char kind = char.ToUpperInvariant(format[0]);
        int decimals = 1;
        if (format.Length > 1 && !int.TryParse(format.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out decimals))
        {
            throw new FormatException($"Rate format '{format}' is not supported: use G, Gn, Pn, Tn or F.");
        }

        return kind switch
        {
            'G' => FormatPercent(decimals) + " (" + FormatFraction() + ")",
            'P' => FormatPercent(decimals),
            'T' => FormatPercent(decimals, PercentRounding.Truncate),
            'F' when format.Length == 1 => FormatFraction(),
            _ => throw new FormatException($"Rate format '{format}' is not supported: use G, Gn, Pn, Tn or F."),
        };
    }

    /// <inheritdoc />
    public bool Equals(Rate other) => numerator == other.numerator && denominator == other.denominator;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Rate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(numerator, denominator);

    /// <summary>Compares by fraction, then denominator, then numerator (see the type's remarks).</summary>
    /// <param name="other">The rate to compare with.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(Rate other)
    {
        bool hasBounds = LowerBound.HasValue;
        bool otherHasBounds = other.LowerBound.HasValue;
        if (hasBounds != otherHasBounds)
        {
            return hasBounds ? 1 : -1;
        }

        if (hasBounds)
        {
            int c;
            if (HasValue && other.HasValue)
            {
                // Exact comparison by cross-multiplication: no rounding of long fractions.
                c = ((Int128)numerator.Lower * other.denominator.Lower).CompareTo((Int128)other.numerator.Lower * denominator.Lower);
            }
            else
            {
                c = LowerBound!.Value.CompareTo(other.LowerBound!.Value);
                if (c == 0)
                {
                    c = UpperBound!.Value.CompareTo(other.UpperBound!.Value);
                }
            }

            if (c != 0)
            {
                return c;
            }
        }

        int d = CompareBounds(denominator, other.denominator);
        return d != 0 ? d : CompareBounds(numerator, other.numerator);
    }

    private static int CompareBounds(Bounds a, Bounds b)
    {
        int c = a.Lower.CompareTo(b.Lower);
        return c != 0 ? c : (a.Upper ?? long.MaxValue).CompareTo(b.Upper ?? long.MaxValue) is var u && u != 0 ? u : a.HasUpperBound.CompareTo(b.HasUpperBound);
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
