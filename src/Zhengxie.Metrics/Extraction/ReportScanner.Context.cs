using System;
using System.Collections.Generic;
using System.Globalization;

namespace Zhengxie.Metrics.Extraction;

/// <summary>The scanner's reading of a number's sentence and clause: scope, conditions, and the best measure word.</summary>
internal sealed partial class ReportScanner
{
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
}
