using System;
using System.Numerics;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// Reads counts back out of printed percentages: a reported rate with a known denominator implies its
/// numerator where only one whole number fits the printed digits (丽水: 354 received at 78.5% ⇒ 278
/// filed; 乌当: 100% of 176 ⇒ 176 replied).
/// </summary>
public static class RateInference
{
    private const int MaxDecimals = 28;

    /// <summary>
    /// Finds the whole numerators n in 0..<paramref name="denominator"/> for which n / denominator × 100,
    /// rounded as <paramref name="rounding"/> says to <paramref name="decimals"/> digits, prints as
    /// <paramref name="printedPercent"/>. They always form one contiguous range.
    /// </summary>
    /// <remarks>
    /// <para>Half-up accepts n with printed − ½·10⁻ᵏ ≤ n/d·100 &lt; printed + ½·10⁻ᵏ; truncation accepts
    /// printed ≤ n/d·100 &lt; printed + 10⁻ᵏ; <see cref="PercentRounding.HalfUpOrTruncate"/> accepts either
    /// (the union of the two, which is contiguous). The arithmetic is exact (integers, no
    /// <see cref="double"/>).</para>
    /// <para>Examples: 78.5% of 354 ⇒ 278 (unique); 100% of 176 ⇒ 176; 81.7% of 274 ⇒ 224 under truncation
    /// (224/274 = 81.75…%) but none under half-up (which prints 81.8%); 50% of 3 ⇒ none; 33% of 1000 ⇒
    /// 325..334 half-up, 330..339 truncated.</para>
    /// <para>A zero denominator has no rate at all, so nothing fits: the outcome is <see cref="InferenceOutcome.None"/>.</para>
    /// </remarks>
    /// <param name="printedPercent">The percentage as printed, 0 to 100 (78.5 for 「78.5%」).</param>
    /// <param name="denominator">The known denominator, 0 or more.</param>
    /// <param name="rounding">How the report turned the fraction into the printed digits; unknown ⇒ <see cref="PercentRounding.HalfUpOrTruncate"/>.</param>
    /// <param name="decimals">
    /// Digits after the point the report printed, 0 to 28; by default the scale of <paramref name="printedPercent"/>
    /// as written (78.5m → 1, 100m → 0, 78.50m → 2).
    /// </param>
    /// <returns>The numerators that fit.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The percentage is outside 0..100, the denominator is negative, <paramref name="decimals"/> is outside
    /// 0..28, or <paramref name="rounding"/> is not defined.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="printedPercent"/> has non-zero digits beyond <paramref name="decimals"/>.</exception>
    public static NumeratorInference InferNumerator(
        decimal printedPercent,
        long denominator,
        PercentRounding rounding = PercentRounding.HalfUpOrTruncate,
        int? decimals = null)
    {
        Preconditions.CheckArgumentRange(printedPercent is >= 0m and <= 100m, printedPercent, "A printed percentage must be from 0 to 100.");
        Preconditions.CheckArgumentRange(denominator >= 0, denominator, "A rate's denominator must not be negative.");
        Preconditions.CheckArgumentRange(Enum.IsDefined(rounding), rounding, "Unknown rounding convention.");
        Preconditions.CheckArgumentRange(decimals is null or (>= 0 and <= MaxDecimals), decimals, "Decimals must be from 0 to 28.");
        int k = decimals ?? printedPercent.Scale;

        // printed = m / 10^s exactly; M = printed × 10^k must be a whole number.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(printedPercent, bits);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        int s = printedPercent.Scale;
        BigInteger m;
        if (k >= s)
        {
            m = mantissa * BigInteger.Pow(10, k - s);
        }
        else
        {
            m = BigInteger.DivRem(mantissa, BigInteger.Pow(10, s - k), out BigInteger rest);
            Preconditions.CheckArgument(rest.IsZero, nameof(decimals), "The printed percentage has more digits after the point than 'decimals' allows.");
        }

        if (denominator == 0)
        {
            return new NumeratorInference(1, 0, 0);
        }

        // With S = 200 × 10^k, n fits when  lo × d ≤ n × S < hi × d, in half-steps of the last printed digit:
        // half-up [2M − 1, 2M + 1), truncation [2M, 2M + 2), either [2M − 1, 2M + 2).
        BigInteger step = 200 * BigInteger.Pow(10, k);
        BigInteger twiceM = 2 * m;
        (BigInteger lo, BigInteger hi) = rounding switch
        {
            PercentRounding.HalfUp => (twiceM - 1, twiceM + 1),
            PercentRounding.Truncate => (twiceM, twiceM + 2),
            _ => (twiceM - 1, twiceM + 2),
        };

        BigInteger d = denominator;
        BigInteger lowest = BigInteger.Max(BigInteger.Zero, CeilingDivide(lo * d, step));
        BigInteger highest = BigInteger.Min(d, CeilingDivide(hi * d, step) - 1);
        return lowest > highest
            ? new NumeratorInference(1, 0, denominator)
            : new NumeratorInference((long)lowest, (long)highest, denominator);
    }

    /// <summary>
    /// Finds the whole numerators n in 0..<paramref name="denominator"/> for which n / denominator × 100 agrees
    /// with a percentage as a report qualifies it: <see cref="Qualifier.PercentReported"/> as in
    /// <see cref="InferNumerator(decimal, long, PercentRounding, int?)"/> (rounded half-up or truncated);
    /// <see cref="Qualifier.AtLeast"/> (「99%以上」) at least the percentage; <see cref="Qualifier.MoreThan"/> (「超过90%」)
    /// above it (on a percentage, 以上 and 超过 set a floor, and 100 % is the only ceiling);
    /// <see cref="Qualifier.Nearly"/> (「近90%」) below it and above it less one unit of its last non-zero digit (80 %);
    /// <see cref="Qualifier.About"/> (「约60%」) within half that unit either side (55 %..65 %).
    /// </summary>
    /// <param name="printedPercent">The percentage as printed, 0 to 100.</param>
    /// <param name="qualifier">How the report qualifies it.</param>
    /// <param name="denominator">The known denominator, 0 or more.</param>
    /// <returns>The numerators that fit (a contiguous range; <see cref="InferenceOutcome.None"/> when none does).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The percentage is outside 0..100, the denominator is negative, or the qualifier is not one a percentage can have (exact, all).</exception>
    public static NumeratorInference InferNumerator(decimal printedPercent, Qualifier qualifier, long denominator)
    {
        Preconditions.CheckArgumentRange(printedPercent is >= 0m and <= 100m, printedPercent, "A printed percentage must be from 0 to 100.");
        Preconditions.CheckArgumentRange(denominator >= 0, denominator, "A rate's denominator must not be negative.");
        Preconditions.CheckArgumentRange(
            qualifier is Qualifier.PercentReported or Qualifier.AtLeast or Qualifier.MoreThan or Qualifier.Nearly or Qualifier.About,
            qualifier,
            "A percentage is qualified percent_reported, at_least, more_than, nearly or about.");
        if (qualifier == Qualifier.PercentReported)
        {
            return InferNumerator(printedPercent, denominator);
        }

        if (denominator == 0)
        {
            return new NumeratorInference(1, 0, 0);
        }

        decimal unit = printedPercent == 0m ? 1m : FigureBounds.LastDigitUnit(printedPercent);
        (decimal lo, bool loOpen, decimal hi, bool hiOpen) = qualifier switch
        {
            Qualifier.AtLeast => (printedPercent, false, 100m, false),
            Qualifier.MoreThan => (printedPercent, true, 100m, false),
            Qualifier.Nearly => (printedPercent - unit, true, printedPercent, true),
            _ => (printedPercent - (unit / 2), false, printedPercent + (unit / 2), false),
        };

        // n / d × 100 within [lo, hi] (ends open as the qualifier says), in exact integer arithmetic.
        BigInteger d = denominator;
        (BigInteger loNum, BigInteger loDen) = Fraction(lo);
        (BigInteger hiNum, BigInteger hiDen) = Fraction(hi);

        // n ≥ lo·d/100: n·100·loDen ≥ loNum·d.
        BigInteger lowest = CeilingDivide(loNum * d, 100 * loDen);
        if (loOpen && lowest * 100 * loDen == loNum * d)
        {
            lowest += 1;
        }

        // n ≤ hi·d/100.
        BigInteger highest = FloorDivide(hiNum * d, 100 * hiDen);
        if (hiOpen && highest * 100 * hiDen == hiNum * d)
        {
            highest -= 1;
        }

        lowest = BigInteger.Max(lowest, BigInteger.Zero);
        highest = BigInteger.Min(highest, d);
        return lowest > highest
            ? new NumeratorInference(1, 0, denominator)
            : new NumeratorInference((long)lowest, (long)highest, denominator);
    }

    /// <summary>A decimal as an exact fraction m / 10^s (m may be negative).</summary>
    private static (BigInteger Numerator, BigInteger Denominator) Fraction(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        if (value < 0)
        {
            mantissa = -mantissa;
        }

        return (mantissa, BigInteger.Pow(10, value.Scale));
    }

    /// <summary>⌊a / b⌋ for b &gt; 0 and any sign of a.</summary>
    private static BigInteger FloorDivide(BigInteger a, BigInteger b)
    {
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        return r < 0 ? q - 1 : q;
    }

    /// <summary>⌈a / b⌉ for b &gt; 0 and any sign of a.</summary>
    private static BigInteger CeilingDivide(BigInteger a, BigInteger b)
    {
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        return r > 0 ? q + 1 : q;
    }
}
