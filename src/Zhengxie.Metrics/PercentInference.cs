using System;

namespace Zhengxie.Metrics;

/// <summary>
/// Which whole numerators a printed percentage allows over an exact denominator: every n in 0..den
/// such that n / den × 100, rounded half-up or truncated to the printed decimals (the scale of the
/// <see cref="decimal"/>: 78.5 has one, 100 has none), is the printed percentage. Exact decimal
/// arithmetic, no floating point. (丽水: 78.5 % of 354 allows 278 only; 100 % of 176 allows 176 only;
/// 100 % of 200 allows 199 and 200, since 99.5 % rounds half-up to 100 %.)
/// </summary>
/// <remarks>The lead will switch callers to <c>RateInference</c> once it is merged; keep this the one entry point.</remarks>
internal static class PercentInference
{
    /// <summary>Returns the range of numerators the printed percentage allows over <paramref name="denominator"/>.</summary>
    /// <param name="percent">The printed percentage (0..100), with its printed decimals as the decimal's scale.</param>
    /// <param name="denominator">The exact denominator, 0 or more.</param>
    /// <returns>The candidates: none, one (the implied numerator) or several.</returns>
    internal static Candidates Infer(decimal percent, long denominator)
    {
        if (denominator < 0 || percent < 0m || percent > 100m)
        {
            return Candidates.None;
        }

        if (denominator == 0)
        {
            // 0/0 has no value: no printed percentage describes it.
            return Candidates.None;
        }

        int decimals = (decimal.GetBits(percent)[3] >> 16) & 0xFF;
        decimal half = 0.5m;
        for (int i = 0; i < decimals; i++)
        {
            half /= 10m;
        }

        // Half-up: p − h ≤ x < p + h; truncation: p ≤ x < p + 2h; together p − h ≤ x < p + 2h, x = 100 n / den.
        decimal low = (percent - half) * denominator / 100m;
        decimal high = (percent + half + half) * denominator / 100m;
        long first = (long)Math.Max(0m, Math.Ceiling(low));
        long beyond = (long)Math.Ceiling(high); // n < high ⇔ n ≤ ceil(high) − 1
        long last = Math.Min(denominator, beyond - 1);
        return first > last ? Candidates.None : new Candidates(first, last);
    }

    /// <summary>The numerators a printed percentage allows: <see cref="First"/>..<see cref="Last"/>, or none.</summary>
    internal readonly struct Candidates
    {
        internal Candidates(long first, long last)
        {
            First = first;
            Last = last;
            Any = true;
        }

        internal static Candidates None => default;

        internal bool Any { get; }

        internal long First { get; }

        internal long Last { get; }

        internal bool IsUnique => Any && First == Last;

        internal Bounds ToBounds() => Any ? Bounds.Between(First, Last) : throw new InvalidOperationException("No candidates.");
    }
}
