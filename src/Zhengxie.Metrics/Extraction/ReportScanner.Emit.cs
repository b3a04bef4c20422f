using System;
using System.Collections.Generic;
using System.Globalization;

namespace Zhengxie.Metrics.Extraction;

/// <summary>The scanner's results: labels, 「全部」 markers, breakdowns, and the figures, numbers and findings it emits.</summary>
internal sealed partial class ReportScanner
{
    private string? Label(int from, int to)
    {
        var t = T;
        var span = t[from..to].Trim();
        int lead = t[from..to].Length - t[from..to].TrimStart().Length;
        return span.Length == 0 ? null : Cut(from + lead, from + lead + span.Length).Text;
    }

    /// <summary>
    /// Whether the two characters at <paramref name="p"/> are 办复, 答复 or 办结, or 回复 in a sentence that names
    /// proposals (提案 or 立案 before it: 「均已书面回复」 is the handling units' written reply; elsewhere 回复 answers
    /// letters or messages, not proposals).
    /// </summary>
    private bool IsReplyOrConclusionVerb(int p)
    {
        var t = T;
        if (p + 1 >= t.Length)
        {
            return false;
        }

        return (t[p] == '办' && t[p + 1] is '复' or '结')
            || (t[p] == '答' && t[p + 1] == '复')
            || (t[p] == '回' && t[p + 1] == '复' && (SentenceContains("提案", p) || SentenceContains("立案", p)));
    }

    /// <summary>Finds 全部/均 … 办复/答复/办结 (or 回复 about proposals) after a count; returns the end of the verb, or 0.</summary>
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
            if (IsReplyOrConclusionVerb(p))
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
        if (!IsReplyOrConclusionVerb(i) || (i + 2 < t.Length && t[i + 2] == '率'))
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
}
