using System;
using System.Collections.Generic;
using System.Globalization;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Extraction;

/// <summary>
/// Reads a report's committee and period from its text: 「政协永嘉县委员会」「乌当区政协」 → the region's
/// committee through <see cref="RegionTable.FindByName(string)"/>; 「2020年」 → the report year; 「十一届一次会议以来」
/// → <see cref="ReportingPeriod.SinceSession"/>, 「四届四次会议」 → <see cref="ReportingPeriod.ForSession"/>.
/// </summary>
internal static class ContextReader
{
    /// <summary>Finds the committee the text names first; ambiguous names become findings.</summary>
    public static Committee? FindCommittee(ReadOnlySpan<char> t, RegionTable regions, ref List<ExtractionFinding>? findings)
    {
        Dictionary<string, (int Count, Region? Region, int At)>? names = null;
        int from = 0;
        while (from < t.Length)
        {
            int at = t[from..].IndexOf("政协", StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            at += from;
            from = at + 2;

            // 永嘉县政协, 贵阳市乌当区政协: the name before.
            TryName(t, at, before: true, regions, ref names);

            // 政协永嘉县委员会, 政协第十一届株洲市委员会: the name after.
            int p = at + 2;
            if (p < t.Length && t[p] == '第')
            {
                while (p < t.Length && p < at + 8 && t[p] != '届')
                {
                    p++;
                }

                p++;
            }

            int end = t[p..Math.Min(t.Length, p + 16)].IndexOf("委员会", StringComparison.Ordinal);
            if (end > 1)
            {
                TryName(t[p..(p + end)], t[p..(p + end)].Length, before: true, regions, ref names, offset: p);
            }
        }

        if (names is null)
        {
            return null;
        }

        (int Count, Region? Region, int At) best = default;
        foreach (var (name, entry) in names)
        {
            if (entry.Region is null)
            {
                (findings ??= []).Add(new ExtractionFinding($"The committee name «{name}» matches several regions; give the committee in the ExtractionContext.", entry.At, name.Length));
                continue;
            }

            // The first committee the text names is the reporter (a county report names its prefecture later, 被市政协采用).
            if (best.Region is null || entry.At < best.At)
            {
                best = entry;
            }
        }

        return best.Region?.Committee;
    }

    private static void TryName(ReadOnlySpan<char> t, int end, bool before, RegionTable regions, ref Dictionary<string, (int, Region?, int)>? names, int offset = 0)
    {
        _ = before;

        // Walk back over CJK letters to at most 10 characters; try every suffix that ends in 省/市/县/区/….
        int start = end;
        while (start > 0 && end - start < 10 && IsNameChar(t[start - 1]))
        {
            start--;
        }

        if (end - start < 2)
        {
            return;
        }

        // 永嘉县, 丽水市, or 嵊州, 绍兴 (a short name without its suffix); not 全市, 我县, 市县, 各级.
        for (int s = start; s <= end - 2; s++)
        {
            var candidate = t[s..end];
            if (candidate[0] is '全' or '各' or '本' or '该' or '我' or '其' or '市' or '县' or '区' or '省' || candidate.IndexOf("各级", StringComparison.Ordinal) >= 0)
            {
                continue;
            }

            string name = new(candidate);
            names ??= new Dictionary<string, (int, Region?, int)>(StringComparer.Ordinal);
            if (names.TryGetValue(name, out var known))
            {
                names[name] = (known.Item1 + 1, known.Item2, known.Item3);
                return;
            }

            IReadOnlyList<Region> found;
            try
            {
                found = regions.FindByName(name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (found.Count == 0)
            {
                continue;
            }

            // Prefer the level the suffix names; several of one level is ambiguous.
            Region? region = found.Count == 1 ? found[0] : null;
            names[name] = (1, region, offset + s);
            return;
        }
    }

    private static bool IsNameChar(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' && c is not ('年' or '的' or '和' or '与' or '及' or '在' or '由' or '向' or '对' or '是' or '了' or '届' or '第' or '会' or '次' or '、');

    /// <summary>Finds the report's period: the session form when the text counts proposals from a session, else the report year.</summary>
    public static ReportingPeriod? FindPeriod(ReadOnlySpan<char> t)
    {
        int year = FindYear(t);
        if (year == 0)
        {
            return null;
        }

        // X届Y次会议 (以来), near the proposal counts.
        int from = 0;
        while (from < t.Length)
        {
            int at = t[from..].IndexOf('届');
            if (at < 0)
            {
                break;
            }

            at += from;
            from = at + 1;
            var term = ReadSmall(t, at, backwards: true);
            var session = ReadSmall(t, at + 1, backwards: false);
            if (term.Value is < 1 or > 99 || session.Value is < 1 or > 99)
            {
                continue;
            }

            int after = session.End;
            if (after >= t.Length || t[after] != '次')
            {
                continue;
            }

            var rest = t[(after + 1)..Math.Min(t.Length, after + 12)];
            if (!rest.StartsWith("会议", StringComparison.Ordinal) && !rest.StartsWith("全体会议", StringComparison.Ordinal))
            {
                continue;
            }

            int sentenceEnd = t[after..].IndexOfAny('。', '!', '?');
            var sentence = t[after..(sentenceEnd < 0 ? t.Length : after + sentenceEnd)];
            if (sentence.IndexOf("提案", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            bool since = rest.IndexOf("以来", StringComparison.Ordinal) >= 0;
            return since ? ReportingPeriod.SinceSession(term.Value, session.Value, year) : ReportingPeriod.ForSession(term.Value, session.Value, year);
        }

        return ReportingPeriod.CalendarYear(year);
    }

    private static int FindYear(ReadOnlySpan<char> t)
    {
        // The first 4-digit year before 年 that is followed by the report's words within the same line,
        // or else the first year at all.
        int first = 0;
        for (int i = 0; i + 4 < t.Length; i++)
        {
            if (t[i + 4] != '年' || (i > 0 && NumberReader.IsAsciiDigit(t[i - 1])))
            {
                continue;
            }

            if (!int.TryParse(t.Slice(i, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y) || y is < 1950 or > 2100)
            {
                continue;
            }

            int lineEnd = t[i..].IndexOfAny('\n', '。');
            var line = t[i..(lineEnd < 0 ? t.Length : i + lineEnd)];
            if (line.IndexOf("工作", StringComparison.Ordinal) >= 0 || line.IndexOf("政协", StringComparison.Ordinal) >= 0 || line.IndexOf("履职", StringComparison.Ordinal) >= 0)
            {
                return y;
            }

            if (first == 0)
            {
                first = y;
            }
        }

        return first;
    }

    private static (int Value, int End) ReadSmall(ReadOnlySpan<char> t, int at, bool backwards)
    {
        if (backwards)
        {
            int s = at;
            while (s > 0 && at - s < 4 && (NumberReader.ChineseDigit(t[s - 1]) >= 0 || t[s - 1] == '十' || NumberReader.IsAsciiDigit(t[s - 1])))
            {
                s--;
            }

            return s == at ? (0, at) : (Parse(t[s..at]), at);
        }

        int e = at;
        while (e < t.Length && e - at < 4 && (NumberReader.ChineseDigit(t[e]) >= 0 || t[e] == '十' || NumberReader.IsAsciiDigit(t[e])))
        {
            e++;
        }

        return e == at ? (0, at) : (Parse(t[at..e]), e);
    }

    private static int Parse(ReadOnlySpan<char> s)
    {
        if (NumberReader.IsAsciiDigit(s[0]))
        {
            return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : 0;
        }

        var tok = NumberReader.ReadChinese(s, 0);
        return tok.End == s.Length && !tok.Malformed && !tok.Overflow ? (int)tok.Value : 0;
    }
}
