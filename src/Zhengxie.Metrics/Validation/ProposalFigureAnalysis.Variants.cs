using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Zhengxie.Metrics.Validation;

/// <content>The formula variants of stated rates and shares: the candidates, how each fits the counts, and the choice.</content>
internal static partial class ProposalFigureAnalysis
{
    /// <summary>The formula variants a stated rate or share may follow, the default (docs/domain.md's formula, or the base the sentence names) first.</summary>
    internal static IReadOnlyList<RateDefinition> Candidates(Figure figure, IReadOnlyDictionary<Measure, Bounds>? counts = null)
    {
        var m = figure.Measure;
        var list = new List<(Measure[] Numerator, Measure Denominator)>();
        if (m.ShareOf is { } part)
        {
            var named = NamedBase(figure.Source?.Quote);
            var bases = SharesBases(part).Where(b => b != part).ToList();
            if (named is { } n && n != part)
            {
                // The sentence names the base (「占提案总数的4%」): that base only.
                bases = [n];
            }

            list.AddRange(bases.Select(b => (new[] { part }, b)));
        }
        else if (m == Measures.Rates.Acceptance)
        {
            list.Add(([Filed], Received));
        }
        else if (m == Measures.Rates.Reply || m == Measures.Rates.OnTimeReply || m == Measures.Rates.Conclusion)
        {
            var num = RateDefinition.Standard.First(d => d.Measure == m).Numerator[0];
            list.Add(([num], Filed));
            list.Add(([num], Cases));
        }
        else if (m == Measures.Rates.Adoption || IsAdoptionIncludingPlanned(m))
        {
            Measure[] narrow = [A];
            Measure[] wide = [A, B];
            var (first, second) = m == Measures.Rates.Adoption ? (narrow, wide) : (wide, narrow);
            foreach (var den in new[] { Filed, Cases, Replied, Received })
            {
                list.Add((first, den));
                list.Add((second, den));
            }
        }
        else if (m == Measures.Rates.Satisfaction)
        {
            foreach (var den in new[] { Feedback, Filed, Cases, Replied })
            {
                list.Add(([Satisfied, BasicallySatisfied], den));
                list.Add(([SatisfiedOrBasically], den));
                list.Add(([Satisfied], den));
            }
        }
        else if (m.Id.StartsWith(OpinionInfoAdoption.Id + ".", StringComparison.Ordinal))
        {
            // rate.opinion_info_adoption.province = opinion_info.adopted.province / opinion_info.submitted.
            list.Add(([new Measure("opinion_info.adopted" + m.Id[OpinionInfoAdoption.Id.Length..])], Submitted));
        }
        else if (m == OpinionInfoAdoption)
        {
            var levels = new List<Measure> { Measures.OpinionInfo.AdoptedByPrefecture, Measures.OpinionInfo.AdoptedByProvince, Measures.OpinionInfo.AdoptedNationally };
            if (counts is not null)
            {
                levels.AddRange(counts.Keys.Where(k => k.Id.StartsWith("opinion_info.adopted", StringComparison.Ordinal) && !levels.Contains(k)).Order());
            }

            list.AddRange(levels.Select(l => (new[] { l }, Submitted)));
        }

        return list.Select(x => new RateDefinition(m, x.Numerator, x.Denominator)).ToList();
    }

    private static bool IsAdoptionIncludingPlanned(Measure m) => m == AdoptionIncludingPlannedNew || m == AdoptionIncludingPlannedOld;

    /// <summary>The totals a share of <paramref name="part"/> may be taken over, most likely first.</summary>
    private static Measure[] SharesBases(Measure part)
    {
        if (part.Family == "opinion_info")
        {
            return [Submitted];
        }

        string id = part.Id;
        if (id.StartsWith("proposals.outcome_", StringComparison.Ordinal))
        {
            return [Filed, Cases, Replied, Received];
        }

        if (part == Satisfied || part == BasicallySatisfied || part == SatisfiedOrBasically || part == Measures.Proposals.Dissatisfied || id == "proposals.very_satisfied")
        {
            return [Feedback, Filed, Cases, Replied];
        }

        if (part == Replied || part == Measures.Proposals.RepliedOnTime || part == Measures.Proposals.Concluded)
        {
            return [Filed, Cases];
        }

        if (part == Measures.Proposals.Key)
        {
            return [Filed, Cases, Received];
        }

        return [Received, Filed, Cases, Replied];
    }

    /// <summary>The base a share's sentence names after 占 (「占提案总数的4%」 → received), or null when it leaves it open.</summary>
    internal static Measure? NamedBase(string? quote)
    {
        if (string.IsNullOrEmpty(quote))
        {
            return null;
        }

        int at = quote.IndexOf('占', StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        string after = quote[(at + 1)..];
        int digit = after.AsSpan().IndexOfAny(BaseWordEnd);
        string words = digit < 0 ? after : after[..digit];
        if (words.Contains("立案", StringComparison.Ordinal))
        {
            return Filed;
        }

        if (words.Contains("交办", StringComparison.Ordinal) || words.Contains("并案", StringComparison.Ordinal))
        {
            return Cases;
        }

        if (words.Contains("办复", StringComparison.Ordinal) || words.Contains("答复", StringComparison.Ordinal))
        {
            return Replied;
        }

        if (words.Contains("总数", StringComparison.Ordinal) || words.Contains("收到", StringComparison.Ordinal) || words.Contains("提交", StringComparison.Ordinal) || words.Contains("全部提案", StringComparison.Ordinal))
        {
            return Received;
        }

        return null;
    }

    /// <summary>How a stated rate relates to the counts under one formula.</summary>
    private enum Fit
    {
        /// <summary>The denominator is not known exactly: nothing can be said.</summary>
        Unknown = 0,

        /// <summary>The denominator is known and some numerator gives the printed percentage, but the numerator is not known.</summary>
        Open = 1,

        /// <summary>The counts give the printed percentage.</summary>
        Fits = 2,

        /// <summary>The counts cannot give the printed percentage.</summary>
        Contradicts = 3,
    }

    private static Fit Evaluate(Figure rate, RateDefinition def, Dictionary<Measure, Bounds> counts)
    {
        if (!counts.TryGetValue(def.Denominator, out var den) || !den.IsExact)
        {
            return Fit.Unknown;
        }

        var candidates = Infer(rate, den.Lower);
        if (candidates.Kind == InferenceOutcome.None)
        {
            return Fit.Contradicts;
        }

        if (!def.Numerator.All(counts.ContainsKey))
        {
            return Fit.Open;
        }

        return SumOf(def.Numerator.Select(m => counts[m])) is { } num && num.TryIntersect(candidates.Candidates, out _) ? Fit.Fits : Fit.Contradicts;
    }

    /// <summary>The sum of counts in 128 bits: null when its lower bound is beyond a 64-bit count; an upper bound beyond it is dropped.</summary>
    private static Bounds? SumOf(IEnumerable<Bounds> parts)
    {
        Int128 lower = 0;
        Int128 upper = 0;
        bool bounded = true;
        foreach (var b in parts)
        {
            lower += b.Lower;
            if (b.Upper is { } u)
            {
                upper += u;
            }
            else
            {
                bounded = false;
            }
        }

        if (lower > long.MaxValue)
        {
            return null;
        }

        return bounded && upper <= long.MaxValue ? Bounds.Between((long)lower, (long)upper) : Bounds.AtLeast((long)lower);
    }

    internal static NumeratorInference Infer(Figure rate, long denominator) =>
        RateInference.InferNumerator(rate.Value!.Value, rate.Qualifier, denominator);

    /// <summary>
    /// For each stated rate, the formula that makes it consistent with the counts: docs/domain.md's default when it fits,
    /// else the first variant that fits (preferring the report's own base: cases after merging when other rates fit
    /// over cases), else the default (or a variant) whose denominator admits the printed percentage; a rate that
    /// fits no variant where some could be checked is a source inconsistency.
    /// </summary>
    private static Dictionary<Measure, RateDefinition> ChooseVariants(
        Committee committee,
        ReportingPeriod period,
        Dictionary<Measure, Figure> stated,
        Dictionary<Measure, Bounds> counts,
        List<ValidationFinding> findings,
        out HashSet<Measure> inconsistent)
    {
        inconsistent = [];
        var evaluated = stated.Values
            .Select(f => (Figure: f, Options: Candidates(f, counts).Select(d => (Definition: d, Fit: Evaluate(f, d, counts))).ToList()))
            .Where(x => x.Options.Count > 0)
            .ToList();

        // The report's own base for downstream rates, from the rates whose counts are all known.
        var checkedBases = evaluated
            .Select(x => x.Options.FirstOrDefault(o => o.Fit == Fit.Fits).Definition)
            .Where(d => d is not null && (d.Denominator == Filed || d.Denominator == Cases))
            .Select(d => d!.Denominator)
            .ToList();
        Measure? preferred = checkedBases.Count > 0 && checkedBases.TrueForAll(b => b == Cases) ? Cases : null;

        var chosen = new Dictionary<Measure, RateDefinition>();
        foreach (var (figure, options) in evaluated.OrderBy(x => x.Figure.Measure))
        {
            var measure = figure.Measure;
            bool isShare = measure.IsShare;
            var first = options[0];
            RateDefinition? pick = null;
            if (first.Fit == Fit.Fits)
            {
                pick = first.Definition;
            }

            pick ??= Prefer(options.Where(o => o.Fit == Fit.Fits).Select(o => o.Definition), preferred);
            if (pick is null && (isShare || first.Fit is Fit.Contradicts || preferred is not null))
            {
                pick = Prefer(options.Where(o => o.Fit == Fit.Open).Select(o => o.Definition), preferred);
            }

            if (pick is null && first.Fit == Fit.Open)
            {
                pick = first.Definition;
            }

            if (pick is null && (first.Fit == Fit.Contradicts || options.TrueForAll(o => o.Fit == Fit.Contradicts)))
            {
                inconsistent.Add(measure);
                var tried = options.Where(o => o.Fit == Fit.Contradicts).Select(o => Describe(o.Definition, counts));
                findings.Add(FigureChecks.Finding(
                    ValidationRule.RateContradictsCounts,
                    committee,
                    period,
                    measure,
                    string.Create(CultureInfo.InvariantCulture, $"the stated {figure.FormatAsReported()} fits no formula variant: {string.Join("; ", tried)}.")));
                continue;
            }

            // Unknown everywhere: the stated rate is kept as it is, under its default formula.
            chosen[measure] = pick ?? first.Definition;
        }

        return chosen;
    }

    private static RateDefinition? Prefer(IEnumerable<RateDefinition> definitions, Measure? preferred)
    {
        var list = definitions.ToList();
        return (preferred is { } p ? list.Find(d => d.Denominator == p) : null) ?? list.FirstOrDefault();
    }

    private static string Describe(RateDefinition definition, Dictionary<Measure, Bounds> counts)
    {
        string num = string.Join(" + ", definition.Numerator.Select(m => counts.TryGetValue(m, out var b) ? string.Create(CultureInfo.InvariantCulture, $"{m} = {b}") : m.Id));
        return string.Create(CultureInfo.InvariantCulture, $"{num} over {definition.Denominator} = {counts[definition.Denominator]}");
    }
}
