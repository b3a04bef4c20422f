using System.Text;

namespace Zhengxie.Metrics.Tests.Extraction;

/// <summary>Formats integers as Chinese numerals (the test's own formatter, independent of the reader): 一百零八, 两千, 十二, 三万零五.</summary>
internal static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    public static string Format(long n, bool liang = false)
    {
        if (n == 0)
        {
            return "零";
        }

        var sb = new StringBuilder();
        long yi = n / 100_000_000, wan = n / 10_000 % 10_000, rest = n % 10_000;
        bool started = false, zero = false;
        foreach (var (part, unit) in new[] { (yi, "亿"), (wan, "万"), (rest, string.Empty) })
        {
            if (part == 0)
            {
                zero = started;
                continue;
            }

            if (started && (zero || part < 1000))
            {
                sb.Append('零');
            }

            sb.Append(Section(part, started, liang && !started)).Append(unit);
            started = true;
            zero = false;
        }

        return sb.ToString();
    }

    private static string Section(long n, bool inner, bool liang)
    {
        var sb = new StringBuilder();
        long[] values = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
        string[] units = ["千", "百", "十", string.Empty];
        bool started = false, pendingZero = false;
        for (int i = 0; i < 4; i++)
        {
            long d = values[i];
            if (d == 0)
            {
                pendingZero = started;
                continue;
            }

            if (pendingZero)
            {
                sb.Append('零');
                pendingZero = false;
            }

            bool tenAlone = i == 2 && d == 1 && !started && !inner;
            if (!tenAlone)
            {
                sb.Append(liang && d == 2 && !started && i < 2 ? '两' : Digits[(int)d]);
            }

            sb.Append(units[i]);
            started = true;
        }

        return sb.ToString();
    }
}
