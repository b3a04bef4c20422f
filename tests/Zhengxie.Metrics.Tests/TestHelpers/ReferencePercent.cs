using System.Collections.Generic;
using System.Globalization;
using System.Numerics;

namespace Zhengxie.Metrics.Tests.TestHelpers;

/// <summary>
/// A plain reference for printed percentages, independent of the library: n/d × 100 to k decimals with
/// BigInteger arithmetic, half-up or truncated, and a brute-force search for numerators that print a
/// given percentage.
/// </summary>
internal static class ReferencePercent
{
    public static string Format(long numerator, long denominator, int decimals, bool truncate)
    {
        BigInteger scale = BigInteger.Pow(10, decimals);
        BigInteger scaled = new BigInteger(numerator) * 100 * scale;
        BigInteger q = truncate
            ? scaled / denominator
            : ((2 * scaled) + denominator) / (2 * new BigInteger(denominator)); // floor(x + 1/2): half-up for x ≥ 0
        string whole = (q / scale).ToString(CultureInfo.InvariantCulture);
        return decimals == 0 ? whole : whole + "." + (q % scale).ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0');
    }

    /// <summary>Every n in 0..d whose percentage prints as <paramref name="printed"/> (text without %), under the given conventions.</summary>
    public static List<long> Numerators(string printed, long denominator, int decimals, bool halfUp, bool truncate)
    {
        var found = new List<long>();
        for (long n = 0; n <= denominator; n++)
        {
            if ((halfUp && Format(n, denominator, decimals, truncate: false) == printed)
                || (truncate && Format(n, denominator, decimals, truncate: true) == printed))
            {
                found.Add(n);
            }
        }

        return found;
    }
}
