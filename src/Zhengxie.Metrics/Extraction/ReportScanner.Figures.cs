using System;
using System.Collections.Generic;
using System.Globalization;

namespace Zhengxie.Metrics.Extraction;

/// <summary>The scanner's handling of a rate and of a count: which measure, which quote, which figure.</summary>
internal sealed partial class ReportScanner
{
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
