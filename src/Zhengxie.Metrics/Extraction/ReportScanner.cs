using System;
using System.Collections.Generic;
using System.Globalization;

namespace Zhengxie.Metrics.Extraction;

/// <summary>
/// The single pass over one report's folded text: finds each number, reads its unit and qualifier, leaves
/// out what is not a figure, and names the measure from the words of its clause. One instance per
/// extraction; not thread-safe (the <see cref="ReportExtractor"/> makes a new one per call).
/// </summary>
internal sealed partial class ReportScanner
{
    private const int MaxHead = 40;
    private const int MaxRateHead = 60;
    private const int MaxTail = 16;

    private static readonly Dictionary<Measure, Measure> ShareRates = new()
    {
        [new Measure("proposals.filed")] = new Measure("rate.acceptance"),
        [new Measure("proposals.replied")] = new Measure("rate.reply"),
        [new Measure("proposals.concluded")] = new Measure("rate.conclusion"),
        [new Measure("proposals.outcome_a")] = new Measure("rate.adoption"),
        [new Measure("proposals.satisfied_or_basically")] = new Measure("rate.satisfaction"),
    };

    private static readonly Measure Replied = new("proposals.replied");
    private static readonly Measure RepliedOnTime = new("proposals.replied_on_time");
    private static readonly Measure Concluded = new("proposals.concluded");
    private static readonly Measure Received = new("proposals.received");
    private static readonly Measure ByParties = new("proposals.by_parties");
    private static readonly Measure OpinionInstructions = new("opinion_info.leader_instructions");
    private static readonly Measure SpecialInstructions = new("special_reports.leader_instructions");
    private static readonly Measure RateAdoption = new("rate.adoption");
    private static readonly Measure RateAdoptionIncludingPlanned = new("rate.adoption_including_planned");
    private static readonly Measure RateOpinionAdoption = new("rate.opinion_info_adoption");
    private static readonly Measure RateSatisfaction = new("rate.satisfaction");

    private static readonly System.Buffers.SearchValues<char> NotTopicChars = System.Buffers.SearchValues.Create("0123456789ABCDabcd");

    private readonly string original;

    /// <summary>Gets the character of the original text at the place of normalised <paramref name="index"/>.</summary>
    /// <param name="index">An index of the normalised text.</param>
    /// <returns>The original character.</returns>
    public char Original(int index) => OriginalAt(index);
    private readonly char[] buffer;
    private readonly int length;

    private List<ExtractedFigure>? figures;
    private List<ExtractedFigure>? breakdowns;
    private List<UnclassifiedNumber>? unclassified;
    private List<ExtractionFinding>? findings;
    private HashSet<(Measure, decimal?, string, FigureScope, string?)>? seen;
    private Dictionary<(Measure, FigureScope), decimal?>? totals;

    private int sentenceStart;
    private int prevTokenEnd = -1;
    private int prevTailEnd = -1;
    private int quoteOpen = -1;
    private LastCount last;

    private readonly Text.NormalizedText? map;

    /// <summary>Creates a scanner over <paramref name="buffer"/>[..<paramref name="length"/>], the normalised text.</summary>
    /// <param name="original">The original text, quotes are cut from.</param>
    /// <param name="buffer">The normalised text.</param>
    /// <param name="length">Its length.</param>
    /// <param name="map">The offset map when normalisation moved offsets; <see langword="null"/> when it was one character for one.</param>
    public ReportScanner(string original, char[] buffer, int length, Text.NormalizedText? map)
    {
        this.original = original;
        this.buffer = buffer;
        this.length = length;
        this.map = map;
    }

    private char OriginalAt(int index) => map is null ? original[index] : original[map.ToOriginal(index)];

    private (int Start, int Length, string Text) Cut(int start, int end)
    {
        start = Math.Clamp(start, 0, length);
        end = Math.Clamp(end, start, length);
        int os = map is null ? start : map.ToOriginal(start);
        int oe = map is null ? end : Math.Max(os, map.ToOriginalEnd(end));
        return (os, oe - os, original.Substring(os, oe - os));
    }

    public List<ExtractedFigure>? Figures => figures;

    public List<ExtractedFigure>? Breakdowns => breakdowns;

    public List<UnclassifiedNumber>? Unclassified => unclassified;

    public List<ExtractionFinding>? Findings => findings;

    private ReadOnlySpan<char> T => buffer.AsSpan(0, length);

    public void Scan()
    {
        var t = T;
        int i = 0;
        while (i < t.Length)
        {
            char c = t[i];
            if (c < 0x80)
            {
                if (NumberReader.IsAsciiDigit(c))
                {
                    var tok = NumberReader.ReadArabic(t, this, i);
                    i = Process(tok);
                    continue;
                }

                if (c is '!' or '?' || (c == '\n' && IsHardBreak(i)))
                {
                    EndSentence(i + 1);
                }
                else if (c == '"')
                {
                    quoteOpen = quoteOpen >= 0 ? -1 : i;
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '。':
                    EndSentence(i + 1);
                    i++;
                    continue;
                case '“' or '「' or '『' or '《' or '‘':
                    quoteOpen = i;
                    i++;
                    continue;
                case '”' or '」' or '』' or '》' or '’':
                    quoteOpen = -1;
                    i++;
                    continue;
                case '办' or '答' or '回':
                    CheckAllWithoutCount(i);
                    i++;
                    continue;
                case '百' when i + 3 < t.Length && t[i + 1] == '分' && t[i + 2] == '之':
                {
                    int s = i + 3;
                    NumberToken tok = NumberReader.IsAsciiDigit(t[s]) ? NumberReader.ReadArabic(t, this, s) : NumberReader.ReadChinese(t, s);
                    if (tok.End == s)
                    {
                        i += 3;
                        continue;
                    }

                    tok.Start = i;
                    tok.PercentInWords = true;
                    i = Process(tok);
                    continue;
                }
            }

            if (NumberReader.IsChineseNumeralChar(c))
            {
                var tok = NumberReader.ReadChinese(t, i);
                if (tok.End > i)
                {
                    i = Process(tok);
                    continue;
                }
            }

            i++;
        }
    }

    private bool IsHardBreak(int i)
    {
        var t = T;
        int j = i + 1;
        while (j < t.Length && t[j] is ' ' or '\n')
        {
            j++;
        }

        return j >= t.Length || !(NumberReader.IsAsciiDigit(t[j]) || t[j] == '%');
    }

    private void EndSentence(int next)
    {
        sentenceStart = next;
        quoteOpen = -1;
        prevTailEnd = -1;
        last = default;
    }

    private static bool IsStrongBoundary(char c) => c is ',' or '。' or ';' or ':' or '!' or '?';

    private int ClauseStart(int from, bool stopAtEnumeration, int max)
    {
        var t = T;
        int limit = Math.Max(Math.Max(sentenceStart, from - max), 0);
        int j = from;
        while (j > limit)
        {
            char c = t[j - 1];
            if (IsStrongBoundary(c) || (c == '\n' && IsHardBreak(j - 1)) || (stopAtEnumeration && c == '、') || j - 1 < prevTokenEnd || j - 1 < prevTailEnd)
            {
                break;
            }

            j--;
        }

        return j;
    }

    private int TailEnd(int from)
    {
        var t = T;
        int limit = Math.Min(t.Length, from + MaxTail);
        int j = from;
        while (j < limit)
        {
            char c = t[j];
            if (IsStrongBoundary(c) || c == '\n' || NumberReader.IsAsciiDigit(c))
            {
                break;
            }

            j++;
        }

        return j;
    }
}
