using System;
using System.Collections.Generic;
using System.Globalization;

namespace Zhengxie.Metrics.Extraction;

/// <summary>
/// The single pass over one report's folded text: finds each number, reads its unit and qualifier, leaves
/// out what is not a figure, and names the measure from the words of its clause. One instance per
/// extraction; not thread-safe (the <see cref="ReportExtractor"/> makes a new one per call).
/// </summary>
internal sealed class ReportScanner
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
                case '办' or '答':
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

    /// <summary>Handles one number; returns where scanning resumes.</summary>
    private int Process(NumberToken tok)
    {
        var t = T;
        int s = tok.Start;
        int j = tok.End;
        if (tok.End <= s)
        {
            return s + 1;
        }

        // Names in quotes (“4+X”, “十四五”), ordinals (第三, 一是), joined names (1+3+N).
        if (quoteOpen >= 0 && s - quoteOpen < 24)
        {
            return j;
        }

        char before = s > 0 ? t[s - 1] : '\0';
        char after = j < t.Length ? t[j] : '\0';
        if (before is '第' or '+' || after == '+' || before == '届' || after == '届')
        {
            return j;
        }

        if (tok.Chinese)
        {
            // 二次会议, 第五次全体会议: session ordinals.
            var rest = t[j..];
            if (rest.StartsWith("次会议", StringComparison.Ordinal) || rest.StartsWith("次全体会议", StringComparison.Ordinal) || rest.StartsWith("次全会", StringComparison.Ordinal) || rest.StartsWith("中全会", StringComparison.Ordinal))
            {
                return j;
            }

            if (tok.Malformed || (tok.End - s == 1 && t[s] == '一') || after is '是' or '要' or '、' or ')' or '）' or '来' || before is '(' or '（')
            {
                return j;
            }

            // 逾百, 逾千: a lone 百/千/万 is a number only after 逾/近/超.
            if (!tok.PercentInWords && NumberReader.ChineseUnit(t[s]) >= 2 && !(before is '逾' or '近' or '超'))
            {
                return j;
            }
        }
        else
        {
            // Dates, times, phone numbers, ranges, list numbers.
            if ((before is '-' or '/' or ':' or '—' or '–' or '~' or '.' && s >= 2 && NumberReader.IsAsciiDigit(t[s - 2]))
                || (after is '-' or '/' or ':' or '—' or '–' or '~' && j + 1 < t.Length && NumberReader.IsAsciiDigit(t[j + 1]))
                || after == '、' || (after == '.' && !tok.HasFraction))
            {
                return j;
            }
        }

        if (tok.Overflow)
        {
            var cut = Cut(s, j);
            AddFinding(string.Create(CultureInfo.InvariantCulture, $"The number «{cut.Text}» is too large to be a figure; it was left out."), cut.Start, cut.Length);
            return j;
        }

        int k = j;
        while (k < t.Length && t[k] == ' ')
        {
            k++;
        }

        // Dates, years, durations, ages, differences of rates.
        if (k < t.Length)
        {
            char u = t[k];
            if (u is '年' or '月' or '日' or '号' or '时' or '岁' or '天' or '倍' or '届' or '中' or '季' or '周' or '世' or '辑' or '号' or '版')
            {
                return k + 1;
            }

            if (u == '个' && k + 1 < t.Length && (t[k + 1] is '月' or '百' or '小' or '季' or '工'))
            {
                return k + 1;
            }

            if (u == '点' && !tok.Chinese)
            {
                return k + 1;
            }
        }

        bool percent = tok.PercentInWords;
        decimal value = tok.Value;
        var qualifier = Qualifier.Exact;
        string unit = string.Empty;
        var unitClass = UnitClass.None;
        int unitEnd = k;

        if (!percent && k < t.Length && t[k] == '%')
        {
            percent = true;
            unitEnd = k + 1;
        }
        else if (!percent && k < t.Length && t[k] == '成' && tok.Value is >= 1 and <= 10 && !tok.HasFraction && IsChengEnd(k + 1))
        {
            percent = true;
            value = tok.Value * 10;
            unitEnd = k + 1;
        }
        else if (percent)
        {
            unitEnd = k;
        }
        else
        {
            if (k < t.Length && t[k] is '余' or '多')
            {
                qualifier = Qualifier.MoreThan;
                k++;
            }
            else if (k < t.Length && t[k] is '几' or '来')
            {
                return k + 1; // 十几, 二十来: vague
            }

            foreach (var (text, cls) in Lexicon.Units)
            {
                if (t[k..].StartsWith(text, StringComparison.Ordinal))
                {
                    unit = text;
                    unitClass = cls;
                    unitEnd = k + text.Length;
                    break;
                }
            }

            if (unit.Length == 0)
            {
                if (!tok.Chinese)
                {
                    AddUnclassified(value, string.Empty, s, j);
                }

                return Math.Max(j, s + 1);
            }

            // 2400多个困难户: the counted noun that is itself a unit.
            if (unit == "个")
            {
                int look = TailEnd(unitEnd);
                for (int m = unitEnd; m < look && m < unitEnd + 6; m++)
                {
                    if (t[m] == '户' && (m + 1 >= t.Length || t[m + 1] != '籍'))
                    {
                        unit = "户";
                        break;
                    }
                }
            }

            // Enumerations in small Chinese numerals (三项职能, 两个维护, 四位一体) are not counts.
            if (tok.Chinese && value < 10 && qualifier == Qualifier.Exact && unitClass is UnitClass.Item or UnitClass.Person)
            {
                return unitEnd;
            }
        }

        // Qualifier words after (以上, 左右) and before (超过, 逾, 不少于, 至少, 近, 将近, 接近, 约).
        if (unitEnd + 1 < t.Length && t[unitEnd] == '以' && t[unitEnd + 1] == '上')
        {
            if (!percent)
            {
                qualifier = Qualifier.MoreThan;
            }

            unitEnd += 2;
        }
        else if (unitEnd + 1 < t.Length && t[unitEnd] == '左' && t[unitEnd + 1] == '右')
        {
            if (!percent)
            {
                qualifier = Qualifier.About;
            }

            unitEnd += 2;
        }

        int prefixStart = s;
        var head = t[..s];
        if (head.EndsWith("不少于", StringComparison.Ordinal) || head.EndsWith("不低于", StringComparison.Ordinal))
        {
            qualifier = Qualifier.AtLeast;
            prefixStart = s - 3;
        }
        else if (head.EndsWith("至少", StringComparison.Ordinal))
        {
            qualifier = Qualifier.AtLeast;
            prefixStart = s - 2;
        }
        else if (head.EndsWith("超过", StringComparison.Ordinal) || head.EndsWith("将近", StringComparison.Ordinal) || head.EndsWith("接近", StringComparison.Ordinal) || head.EndsWith("大约", StringComparison.Ordinal))
        {
            qualifier = t[s - 2] switch { '超' => Qualifier.MoreThan, '大' => Qualifier.About, _ => Qualifier.Nearly };
            prefixStart = s - 2;
        }
        else if (before is '逾' or '超')
        {
            qualifier = Qualifier.MoreThan;
            prefixStart = s - 1;
        }
        else if (before == '近')
        {
            qualifier = Qualifier.Nearly;
            prefixStart = s - 1;
        }
        else if (before == '约' || (before == '为' && s >= 2 && t[s - 2] == '约'))
        {
            qualifier = Qualifier.About;
            prefixStart = before == '约' ? s - 1 : s - 2;
        }

        // Per-member norms and plans (每位委员…不少于1件) are not figures.
        if (SentenceHasNorm(s))
        {
            prevTokenEnd = unitEnd;
            return unitEnd;
        }

        if (percent)
        {
            HandlePercent(tok, s, prefixStart, unitEnd, value);
        }
        else
        {
            HandleCount(tok, s, prefixStart, unitEnd, value, unit, unitClass, qualifier);
        }

        prevTokenEnd = unitEnd;
        return unitEnd;
    }

    private bool IsChengEnd(int k)
    {
        var t = T;
        if (k >= t.Length)
        {
            return true;
        }

        char c = t[k];
        return c < 0x80 || IsStrongBoundary(c) || c is '以' or '左' or '的' or '多' or '余' or '、' or '。';
    }

    /// <summary>Where the sentence of a number at <paramref name="s"/> starts, at most 200 characters back (text without full stops stays linear).</summary>
    private int SentenceFrom(int s) => Math.Min(s, Math.Max(sentenceStart, s - 200));

    private bool SentenceHasNorm(int s)
    {
        var t = T;
        for (int m = SentenceFrom(s); m + 1 < s; m++)
        {
            if (t[m] == '每' && t[m + 1] is '位' or '名' or '个' or '年' or '月' or '季' or '周' or '人' or '次' or '家' or '户')
            {
                return true;
            }
        }

        return false;
    }

    private bool SentenceContains(string word, int end)
    {
        int from = SentenceFrom(end);
        return end > from && T[from..end].IndexOf(word, StringComparison.Ordinal) >= 0;
    }

    private bool OpinionContext(int end) =>
        SentenceContains("社情民意", end) || SentenceContains("信息", end) || SentenceContains("民意", end);

    private FigureScope ScopeAt(int s, int clauseStart)
    {
        var t = T;
        var clause = t[clauseStart..s];
        if (clause.IndexOf("其中", StringComparison.Ordinal) >= 0)
        {
            return FigureScope.Committee;
        }

        var sentence = t[SentenceFrom(s)..s];
        return sentence.IndexOf("各级政协", StringComparison.Ordinal) >= 0
            || sentence.IndexOf("市县政协", StringComparison.Ordinal) >= 0
            || sentence.IndexOf("市县两级政协", StringComparison.Ordinal) >= 0
            || sentence.IndexOf("县乡两级", StringComparison.Ordinal) >= 0
            || sentence.IndexOf("政协系统", StringComparison.Ordinal) >= 0
            ? FigureScope.RegionTotal
            : FigureScope.Committee;
    }

    private struct Hit
    {
        public MeasureWord Word;
        public int Start;
    }

    private bool Condition(MeasureWord w, int end) => w.Condition switch
    {
        WordCondition.OpinionInfo => OpinionContext(end),
        WordCondition.Proposals => SentenceContains("提案", end),
        _ => true,
    };

    /// <summary>Finds the best measure word in [from, to): highest priority, then nearest to <paramref name="to"/> (or to <paramref name="from"/> when <paramref name="nearStart"/>).</summary>
    private Hit Best(Dictionary<char, MeasureWord[]> index, int from, int to, UnitClass unitClass, int contextEnd, bool nearStart)
    {
        var t = T;
        Hit best = default;
        for (int p = from; p < to; p++)
        {
            if (!index.TryGetValue(t[p], out var words))
            {
                continue;
            }

            foreach (var w in words)
            {
                if (p + w.Text.Length > to || (w.Units & unitClass) == 0 || !t.Slice(p, w.Text.Length).SequenceEqual(w.Text) || !Condition(w, contextEnd))
                {
                    continue;
                }

                if (best.Word is null || w.Priority > best.Word.Priority || (w.Priority == best.Word.Priority && !nearStart))
                {
                    best = new Hit { Word = w, Start = p };
                }

                break;
            }
        }

        return best;
    }

    private void HandlePercent(NumberToken tok, int s, int prefixStart, int end, decimal value)
    {
        var t = T;
        int clauseStart = ClauseStart(prefixStart, stopAtEnumeration: false, MaxRateHead);
        var scope = ScopeAt(s, clauseStart);

        // Rate words: one, or a list sharing one value (办复率、满意率均为100%).
        var rates = new RateHits();
        for (int p = clauseStart; p < prefixStart; p++)
        {
            if (!Lexicon.RateIndex.TryGetValue(t[p], out var words))
            {
                continue;
            }

            foreach (var w in words)
            {
                if (p + w.Text.Length <= prefixStart && t.Slice(p, w.Text.Length).SequenceEqual(w.Text))
                {
                    rates.Add(w, p);
                    p += w.Text.Length - 1;
                    break;
                }
            }
        }

        if (rates.Count > 0)
        {
            var between = t[rates.LastEnd..prefixStart];
            bool shared = rates.Count > 1 && (between.IndexOf('均') >= 0 || between.IndexOf('都') >= 0);
            int first = shared ? rates.FirstStart : rates.LastStart;
            if (first - clauseStart is > 0 and <= 4)
            {
                first = clauseStart;
            }
            for (int r = shared ? 0 : rates.Count - 1; r < rates.Count; r++)
            {
                var measure = rates[r].Measure;
                if (measure == RateAdoptionIncludingPlanned && rates[r].Text == "采用率" && OpinionContext(s))
                {
                    measure = RateOpinionAdoption;
                }

                Emit(measure, value, "%", Qualifier.PercentReported, scope, null, null, first, end, breakdown: false);
            }

            return;
        }

        // A share beside a count (A类42件，占15.2%).
        var clause = t[clauseStart..prefixStart];
        if (clause.IndexOf('占') >= 0 && last.Measure.Id.Length > 0)
        {
            if (last.Breakdown)
            {
                Emit(new Measure("share." + last.Parent.Id), value, "%", Qualifier.PercentReported, last.Scope, last.Topic, null, last.QuoteStart, end, breakdown: true);
            }
            else
            {
                var measure = ShareRates.TryGetValue(last.Measure, out var rate) ? rate : new Measure("share." + last.Measure.Id);
                Emit(measure, value, "%", Qualifier.PercentReported, last.Scope, null, null, last.QuoteStart, end, breakdown: false);
            }

            return;
        }

        // Counts stated as a share: 已解决或列入计划解决的超过八成; 满意和基本满意的达九成以上.
        var a = Best(Lexicon.CountIndex, clauseStart, prefixStart, UnitClass.Piece, s, nearStart: false);
        if (a.Word is not null)
        {
            bool hasA = false, hasB = false;
            for (int p = clauseStart; p < prefixStart; p++)
            {
                var h = Best(Lexicon.CountIndex, p, Math.Min(prefixStart, p + 6), UnitClass.Piece, s, nearStart: true);
                if (h.Word is not null && h.Start == p)
                {
                    hasA |= h.Word.Measure.Id == "proposals.outcome_a";
                    hasB |= h.Word.Measure.Id == "proposals.outcome_b";
                }
            }

            Measure? m = hasA && hasB ? RateAdoptionIncludingPlanned
                : hasA ? RateAdoption
                : a.Word.Measure.Id.Contains("satisf", StringComparison.Ordinal) ? RateSatisfaction
                : ShareRates.TryGetValue(a.Word.Measure, out var r2) ? r2 : null;
            if (m is { } measure)
            {
                Emit(measure, value, "%", Qualifier.PercentReported, scope, null, null, a.Start, end, breakdown: false);
                return;
            }
        }

        AddUnclassified(value, "%", s, end);
    }

    private void HandleCount(NumberToken tok, int s, int prefixStart, int end, decimal value, string unit, UnitClass unitClass, Qualifier qualifier)
    {
        var t = T;
        int clauseStart = ClauseStart(prefixStart, stopAtEnumeration: true, MaxHead);
        var scope = ScopeAt(s, clauseStart);
        int tailEnd = TailEnd(end);

        // Subject breakdowns: 经济建设方面63件; 涉及教育类提案12件; 反映经济发展方面的98条.
        if (unitClass is UnitClass.Piece or UnitClass.Article && TryBreakdown(clauseStart, prefixStart, out string? topic))
        {
            var parent = last.Measure.Id.Length > 0 && !last.Breakdown ? last.Measure : last.Breakdown ? last.Parent : default;
            if (parent.IsDefault || parent.IsRate)
            {
                var h = Best(Lexicon.CountIndex, Math.Min(SentenceFrom(s), clauseStart), clauseStart, unitClass, s, nearStart: false);
                parent = h.Word?.Measure ?? (unitClass == UnitClass.Piece ? Received : new Measure("opinion_info.submitted"));
            }

            Emit(parent, value, unit, qualifier, scope, topic, null, clauseStart, end, breakdown: true);
            last = new LastCount { Measure = parent, Parent = parent, Breakdown = true, Topic = topic, QuoteStart = clauseStart, Scope = scope };
            return;
        }

        var hit = Best(Lexicon.CountIndex, clauseStart, prefixStart, unitClass, s, nearStart: false);
        int quoteStart = hit.Word is null ? prefixStart : Math.Min(hit.Start, prefixStart);
        if (hit.Word is not null && quoteStart - clauseStart is > 0 and <= 4)
        {
            quoteStart = clauseStart;
        }
        int quoteEnd = end;
        bool fromTail = false;
        if (hit.Word is null || hit.Word.Priority <= 30)
        {
            var tailHit = Best(Lexicon.CountIndex, end, tailEnd, unitClass, tailEnd, nearStart: true);
            if (tailHit.Word is not null && (hit.Word is null || tailHit.Word.Priority > hit.Word.Priority))
            {
                hit = tailHit;
                quoteStart = prefixStart;
                quoteEnd = tailHit.Start + tailHit.Word.Text.Length;
                fromTail = true;
                prevTailEnd = quoteEnd;
            }
        }

        // 立案的523件提案已全部办复: the count, and a figure qualified 'all'.
        int allEnd = AllMarker(end, tailEnd, out var allMeasure, out bool onTime);
        if (allEnd > 0 && unitClass == UnitClass.Piece)
        {
            if (hit.Word is not null && !fromTail && hit.Word.Measure != allMeasure)
            {
                Emit(hit.Word.Measure, value, unit, qualifier, scope, null, null, quoteStart, end, breakdown: false);
            }

            Emit(allMeasure, value, unit, Qualifier.All, scope, null, null, prefixStart, allEnd, breakdown: false);
            if (onTime)
            {
                Emit(RepliedOnTime, value, unit, Qualifier.All, scope, null, null, prefixStart, allEnd, breakdown: false);
            }

            last = new LastCount { Measure = allMeasure, QuoteStart = prefixStart, Scope = scope };
            return;
        }

        Measure measure;
        string? label = null;
        bool partOfLast = last.Measure.Id.Length > 0 && !last.Breakdown && string.Equals(last.Unit, unit, StringComparison.Ordinal) && T[clauseStart..prefixStart].IndexOf("其中", StringComparison.Ordinal) >= 0;
        if (hit.Word is not null && !(partOfLast && hit.Word.Priority <= 12))
        {
            measure = hit.Word.Measure;
            if (measure == Received && SentenceContains("党派", s) && !SentenceContains("委员", s) && !SentenceContains("集体", s))
            {
                measure = ByParties;
            }
            else if (measure == OpinionInstructions && SentenceContains("专报", s))
            {
                measure = SpecialInstructions;
            }

            if (hit.Word.Priority <= 12)
            {
                label = Label(clauseStart, prefixStart);
            }
        }
        else if (partOfLast)
        {
            measure = last.Measure;
        }
        else if (unitClass == UnitClass.Characters)
        {
            measure = new Measure("output.cultural_history_characters");
        }
        else
        {
            AddUnclassified(value, unit, clauseStart, Math.Max(end, tailEnd));
            return;
        }

        Emit(measure, value, unit, qualifier, scope, null, label, quoteStart, quoteEnd, breakdown: false);
        last = new LastCount { Measure = measure, QuoteStart = quoteStart, Scope = scope, Unit = unit };
    }

    private string? Label(int from, int to)
    {
        var t = T;
        var span = t[from..to].Trim();
        int lead = t[from..to].Length - t[from..to].TrimStart().Length;
        return span.Length == 0 ? null : Cut(from + lead, from + lead + span.Length).Text;
    }

    /// <summary>Finds 全部/均 … 办复/答复/办结 after a count; returns the end of the verb, or 0.</summary>
    private int AllMarker(int from, int to, out Measure measure, out bool onTime)
    {
        var t = T;
        measure = default;
        onTime = false;
        var tail = t[from..to];
        int all = tail.IndexOf("全部", StringComparison.Ordinal);
        if (all < 0)
        {
            all = tail.IndexOf('均');
        }

        if (all < 0)
        {
            return 0;
        }

        for (int p = from + all; p + 1 < to; p++)
        {
            if ((t[p] == '办' && t[p + 1] is '复' or '结') || (t[p] == '答' && t[p + 1] == '复'))
            {
                if (p + 2 < t.Length && t[p + 2] == '率')
                {
                    return 0;
                }

                measure = t[p + 1] == '结' ? Concluded : Replied;
                var words = t[from..p];
                onTime = measure == Replied && (words.IndexOf("按时", StringComparison.Ordinal) >= 0 || words.IndexOf("按期", StringComparison.Ordinal) >= 0 || words.IndexOf("时限", StringComparison.Ordinal) >= 0 || words.IndexOf("期限", StringComparison.Ordinal) >= 0);
                return p + 2;
            }
        }

        return 0;
    }

    /// <summary>全部办复 without a count: a figure qualified 'all' with no value.</summary>
    private void CheckAllWithoutCount(int i)
    {
        var t = T;
        if (i + 1 >= t.Length || !((t[i] == '办' && t[i + 1] is '复' or '结') || (t[i] == '答' && t[i + 1] == '复')) || (i + 2 < t.Length && t[i + 2] == '率'))
        {
            return;
        }

        int clauseStart = ClauseStart(i, stopAtEnumeration: true, MaxHead);
        if (prevTokenEnd >= clauseStart && prevTokenEnd > 0)
        {
            return;
        }

        var clause = t[clauseStart..i];
        int marker = clause.IndexOf("全部", StringComparison.Ordinal);
        if (marker < 0)
        {
            marker = clause.IndexOf('均');
        }

        if (marker < 0)
        {
            marker = clause.IndexOf("所有", StringComparison.Ordinal);
        }

        if (marker < 0)
        {
            return;
        }

        var measure = t[i + 1] == '结' ? Concluded : Replied;
        bool onTime = measure == Replied && (clause.IndexOf("按时", StringComparison.Ordinal) >= 0 || clause.IndexOf("按期", StringComparison.Ordinal) >= 0 || clause.IndexOf("时限", StringComparison.Ordinal) >= 0 || clause.IndexOf("期限", StringComparison.Ordinal) >= 0);
        int quoteStart = clause.IndexOf("提案", StringComparison.Ordinal) is int tp && tp >= 0 && tp < marker ? clauseStart + tp : clauseStart + marker;
        int start = Math.Max(clauseStart, Math.Min(quoteStart, clauseStart + marker));
        for (int p = clauseStart + marker - 1; p >= clauseStart && p >= clauseStart + marker - 6; p--)
        {
            if (t[p] is '承' or '所' or '已' or '立')
            {
                start = p;
            }
        }

        var scope = ScopeAt(i, clauseStart);
        Emit(measure, null, "件", Qualifier.All, scope, null, null, start, i + 2, breakdown: false);
        if (onTime)
        {
            Emit(RepliedOnTime, null, "件", Qualifier.All, scope, null, null, start, i + 2, breakdown: false);
        }
    }

    private bool TryBreakdown(int clauseStart, int s, out string? topic)
    {
        var t = T;
        topic = null;
        var head = t[clauseStart..s].Trim();
        int headStart = clauseStart + (t[clauseStart..s].Length - t[clauseStart..s].TrimStart().Length);
        int endWord;
        if (head.EndsWith("方面的", StringComparison.Ordinal))
        {
            endWord = head.Length - 3;
        }
        else if (head.EndsWith("方面", StringComparison.Ordinal))
        {
            endWord = head.Length - 2;
        }
        else if (head.EndsWith("类提案", StringComparison.Ordinal))
        {
            endWord = head.Length - 3;
        }
        else if (head.EndsWith("类", StringComparison.Ordinal) || head.EndsWith("类的", StringComparison.Ordinal))
        {
            endWord = head.EndsWith("类的", StringComparison.Ordinal) ? head.Length - 2 : head.Length - 1;
        }
        else
        {
            return false;
        }

        int b = 0;
        foreach (string lead in new[] { "其中", "涉及", "反映", "关于", "属于", "有关" })
        {
            if (head[b..endWord].StartsWith(lead, StringComparison.Ordinal))
            {
                b += lead.Length;
            }
        }

        var words = head[b..endWord];
        if (words.Length is < 2 or > 10 || words[0] is '各' || words.ContainsAny(NotTopicChars) || words.IndexOf("等", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        topic = new string(words);
        _ = headStart;
        return true;
    }

    private void Emit(Measure measure, decimal? value, string unit, Qualifier qualifier, FigureScope scope, string? topic, string? label, int start, int end, bool breakdown)
    {
        // The same measure again with another value (乌当's 29条, 30余条, 50余条 of suggestions): a part, on its occasion.
        if (!breakdown && topic is null && measure.Family is not ("proposals" or "rate"))
        {
            totals ??= [];
            if (totals.TryGetValue((measure, scope), out var known) && known != value && seen is not null && !seen.Contains((measure, value, unit, scope, null)))
            {
                topic = Occasion(start);
            }
            else
            {
                totals.TryAdd((measure, scope), value);
            }
        }

        seen ??= [];
        if (!seen.Add((measure, value, unit, scope, topic)))
        {
            return;
        }

        var cut = Cut(start, end);
        var figure = new ExtractedFigure(measure, value, new FigureUnit(unit), qualifier, scope, topic, label, cut.Text, cut.Start, cut.Length);
        if (breakdown)
        {
            (breakdowns ??= []).Add(figure);
        }
        else
        {
            (figures ??= []).Add(figure);
        }
    }

    /// <summary>The occasion of a part: the first clause of its sentence (at most 16 characters), or its own clause.</summary>
    private string Occasion(int start)
    {
        var t = T;
        int from = SentenceFrom(start);
        int end = from;
        while (end < start && end - from < 16 && !IsStrongBoundary(t[end]) && t[end] != '\n')
        {
            end++;
        }

        if (end == from)
        {
            end = Math.Min(length, start + 8);
        }

        var words = t[from..end].Trim();
        return words.Length == 0 ? "?" : new string(words);
    }

    private void AddUnclassified(decimal value, string unit, int start, int end)
    {
        int clauseStart = ClauseStart(start, stopAtEnumeration: true, MaxHead);
        var cut = Cut(clauseStart, end);
        (unclassified ??= []).Add(new UnclassifiedNumber(value, unit, cut.Text, cut.Start, cut.Length));
    }

    private void AddFinding(string message, int start, int length) =>
        (findings ??= []).Add(new ExtractionFinding(message, start, length));

    private struct LastCount
    {
        public Measure Measure;
        public Measure Parent;
        public bool Breakdown;
        public string? Topic;
        public int QuoteStart;
        public FigureScope Scope;
        public string? Unit;
    }

    /// <summary>Up to a few rate words found in a clause, without allocating.</summary>
    private struct RateHits
    {
        private MeasureWord? w0, w1, w2, w3, w4;
        private int s0, s1, s2, s3, s4;

        public int Count { get; private set; }

        public readonly int FirstStart => s0;

        public readonly int LastStart => Count switch { 1 => s0, 2 => s1, 3 => s2, 4 => s3, _ => s4 };

        public readonly int LastEnd => LastStart + this[Count - 1].Text.Length;

        public readonly MeasureWord this[int i] => i switch { 0 => w0!, 1 => w1!, 2 => w2!, 3 => w3!, _ => w4! };

        public void Add(MeasureWord w, int start)
        {
            switch (Count)
            {
                case 0: w0 = w; s0 = start; break;
                case 1: w1 = w; s1 = start; break;
                case 2: w2 = w; s2 = start; break;
                case 3: w3 = w; s3 = start; break;
                case 4: w4 = w; s4 = start; break;
                default: w4 = w; s4 = start; return;
            }

            Count++;
        }
    }
}
