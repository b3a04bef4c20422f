using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Zhengxie.Metrics.Validation;

/// <summary>
/// Turns the total figures of one committee, period and scope into counts and stated rates:
/// resolves 「全部」 to its denominator, implies numerators from stated rates, narrows bounds through the
/// chain received ≥ filed ≥ replied ≥ …, and reports every contradiction as a finding. A count or
/// stated rate involved in a contradiction is left out (missing) and the analysis runs again without
/// it, so nothing is computed from contradictory facts and nothing is dropped silently.
/// </summary>
internal static class ProposalFigureAnalysis
{
    /// <summary>What a figure qualified 'all' (「全部办复」) is equal to.</summary>
    internal static readonly IReadOnlyDictionary<Measure, Measure> AllDenominators = new Dictionary<Measure, Measure>
    {
        [Measures.Proposals.Filed] = Measures.Proposals.Received,
        [Measures.Proposals.Cases] = Measures.Proposals.Filed,
        [Measures.Proposals.Replied] = Measures.Proposals.Filed,
        [Measures.Proposals.RepliedOnTime] = Measures.Proposals.Filed,
        [Measures.Proposals.Concluded] = Measures.Proposals.Filed,
        [Measures.Proposals.Satisfied] = Measures.Proposals.Feedback,
        [Measures.Proposals.BasicallySatisfied] = Measures.Proposals.Feedback,
    };

    /// <summary>The chain: the parts (summed) never exceed the whole. Checked in this order.</summary>
    private static readonly Constraint[] Chain =
    [
        new([Measures.Proposals.Filed], Measures.Proposals.Received, ValidationRule.FiledExceedsReceived),
        new([Measures.Proposals.Filed, Measures.Proposals.NotFiled], Measures.Proposals.Received, ValidationRule.CountExceedsBound),
        new([Measures.Proposals.Merged], Measures.Proposals.Received, ValidationRule.CountExceedsBound),
        new([Measures.Proposals.Cases], Measures.Proposals.Filed, ValidationRule.CountExceedsBound),
        new([Measures.Proposals.Replied], Measures.Proposals.Filed, ValidationRule.RepliedExceedsFiled),
        new([Measures.Proposals.RepliedOnTime], Measures.Proposals.Replied, ValidationRule.CountExceedsBound),
        new([Measures.Proposals.RepliedOnTime], Measures.Proposals.Filed, ValidationRule.CountExceedsBound),
        new([Measures.Proposals.Concluded], Measures.Proposals.Filed, ValidationRule.CountExceedsBound),
        new([Measures.Proposals.OutcomeA, Measures.Proposals.OutcomeB, Measures.Proposals.OutcomeC], Measures.Proposals.Replied, ValidationRule.OutcomesExceedReplied),
        new([Measures.Proposals.OutcomeA, Measures.Proposals.OutcomeB, Measures.Proposals.OutcomeC], Measures.Proposals.Filed, ValidationRule.CountExceedsBound),
        new([Measures.Proposals.Satisfied, Measures.Proposals.BasicallySatisfied, Measures.Proposals.Dissatisfied], Measures.Proposals.Feedback, ValidationRule.CountExceedsBound),
        new([Measures.Proposals.Key], Measures.Proposals.Filed, ValidationRule.CountExceedsBound),
        new([new Measure("proposals.key_led_by_leaders")], Measures.Proposals.Key, ValidationRule.CountExceedsBound),
        new([Measures.OpinionInfo.AdoptedByPrefecture], Measures.OpinionInfo.Submitted, ValidationRule.CountExceedsBound),
        new([Measures.OpinionInfo.AdoptedByProvince], Measures.OpinionInfo.Submitted, ValidationRule.CountExceedsBound),
        new([Measures.OpinionInfo.AdoptedNationally], Measures.OpinionInfo.Submitted, ValidationRule.CountExceedsBound),
    ];

    /// <summary>The distinct measures of <see cref="Chain"/>, numbered for <see cref="ExactChainHolds"/>.</summary>
    internal static readonly Measure[] ChainMeasures = Chain.SelectMany(c => c.Parts.Append(c.Whole)).Distinct().ToArray();

    /// <summary>Each constraint of <see cref="Chain"/> as indices into <see cref="ChainMeasures"/>: the whole first, then the parts.</summary>
    private static readonly int[][] ChainIndices = Chain
        .Select(c => c.Parts.Prepend(c.Whole).Select(m => Array.IndexOf(ChainMeasures, m)).ToArray())
        .ToArray();

    /// <summary>
    /// Whether exact counts meet every constraint of the chain (the parts present never sum above their
    /// whole). When they do and there are no other qualifiers, 「全部」 or stated rates, <see cref="Analyse"/>
    /// finds nothing and returns the counts unchanged, which lets the dataset builder skip it.
    /// </summary>
    /// <param name="exact">The exact count of each of <see cref="ChainMeasures"/>, or −1 where it is not stated.</param>
    /// <returns>Whether no constraint is broken.</returns>
    internal static bool ExactChainHolds(ReadOnlySpan<long> exact)
    {
        foreach (var c in ChainIndices)
        {
            long whole = exact[c[0]];
            if (whole < 0)
            {
                continue;
            }

            long sum = 0;
            for (int k = 1; k < c.Length; k++)
            {
                long part = exact[c[k]];
                if (part > 0)
                {
                    sum += part;
                    if (sum > whole || sum < 0)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The usual case without the general analysis: when every figure the analysis reads is an exact whole
    /// count in a unit of scale 1, each measure stated once, no 「全部」 and no stated rate, and the counts meet
    /// the chain, the analysis finds nothing and its result is these counts (in measure order). Otherwise
    /// <see langword="null"/>: the general analysis decides.
    /// </summary>
    private static Dictionary<Measure, Bounds>? TryExactCounts(IEnumerable<Figure> figures)
    {
        var counts = new List<(Measure Measure, long Value)>();
        Span<long> exact = stackalloc long[ChainMeasures.Length];
        exact.Fill(-1);
        foreach (var f in figures)
        {
            bool count = IsCountMeasure(f.Measure);
            if (!count && !f.Measure.IsRate && f.Qualifier != Qualifier.All)
            {
                continue; // not read by the analysis
            }

            if (!count || f.Qualifier != Qualifier.Exact || f.Value is not { } v || v < 0 || v > long.MaxValue || !decimal.IsInteger(v) || f.Unit.Scale != 1)
            {
                return null;
            }

            foreach (var (m, _) in counts)
            {
                if (m == f.Measure)
                {
                    return null;
                }
            }

            counts.Add((f.Measure, (long)v));
            int k = Array.IndexOf(ChainMeasures, f.Measure);
            if (k >= 0)
            {
                exact[k] = (long)v;
            }
        }

        if (!ExactChainHolds(exact))
        {
            return null;
        }

        counts.Sort((a, b) => a.Measure.CompareTo(b.Measure));
        var result = new Dictionary<Measure, Bounds>(counts.Count);
        foreach (var (m, v) in counts)
        {
            result[m] = Bounds.Exactly(v);
        }

        return result;
    }

    /// <summary>Whether a measure's figures become counts of <see cref="ProposalStatistics"/>: <c>proposals.*</c> and <c>opinion_info.*</c>.</summary>
    internal static bool IsCountMeasure(Measure measure) => IsFamily(measure.Id, "proposals") || IsFamily(measure.Id, "opinion_info");

    private static bool IsFamily(string id, string family) =>
        id.StartsWith(family, StringComparison.Ordinal) && (id.Length == family.Length || id[family.Length] == '.');

    /// <summary>Analyses the total figures (no topic, one scope) of one committee and period.</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="figures">Its figures; those of other families than counts and rates are ignored.</param>
    /// <param name="findings">Receives every problem.</param>
    /// <returns>The counts and the stated rates that survived.</returns>
    internal static (Dictionary<Measure, Bounds> Counts, Dictionary<Measure, decimal> StatedRates) Analyse(
        Committee committee, ReportingPeriod period, IEnumerable<Figure> figures, List<ValidationFinding> findings)
    {
        if (TryExactCounts(figures) is { } exactCounts)
        {
            return (exactCounts, new Dictionary<Measure, decimal>());
        }

        var raw = new Dictionary<Measure, Bounds>();
        var all = new List<Measure>();
        var stated = new Dictionary<Measure, decimal>();
        var excluded = new HashSet<Measure>();

        foreach (var group in figures.Where(f => IsCountMeasure(f.Measure) || f.Measure.IsRate || f.Qualifier == Qualifier.All).GroupBy(f => f.Measure).OrderBy(g => g.Key))
        {
            var list = group.ToList();
            bool bad = false;
            foreach (var figure in list)
            {
                if (FigureChecks.CheckValue(figure, out _) is { } finding)
                {
                    findings.Add(finding);
                    bad = true;
                }
            }

            if (FigureChecks.CheckDuplicates(list) is { } duplicate)
            {
                findings.Add(duplicate);
                bad = true;
            }

            if (bad)
            {
                continue;
            }

            var measure = group.Key;
            if (!IsCountMeasure(measure) && !measure.IsRate)
            {
                findings.Add(FigureChecks.Finding(ValidationRule.MissingDenominator, committee, period, measure, "the figure is qualified 'all' (全部), but this measure has no denominator it could refer to."));
                continue;
            }

            var valued = list.FirstOrDefault(f => f.Qualifier != Qualifier.All);
            if (measure.IsRate)
            {
                stated[measure] = valued!.Value!.Value;
                continue;
            }

            if (valued is not null)
            {
                raw[measure] = valued.Bounds!.Value;
            }

            if (list.Exists(f => f.Qualifier == Qualifier.All))
            {
                if (AllDenominators.ContainsKey(measure))
                {
                    all.Add(measure);
                }
                else
                {
                    findings.Add(FigureChecks.Finding(ValidationRule.MissingDenominator, committee, period, measure, "the figure is qualified 'all' (全部), but this measure has no denominator it could refer to."));
                    raw.Remove(measure);
                }
            }
        }

        while (true)
        {
            var counts = raw.Where(kv => !excluded.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            var rates = stated.Where(kv => !excluded.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            var problem = Propagate(committee, period, counts, all.Where(m => !excluded.Contains(m)).ToList(), rates, out var culprits);
            if (problem is null)
            {
                foreach (var m in all.Where(m => !excluded.Contains(m) && !counts.ContainsKey(m)))
                {
                    var den = AllDenominators[m];
                    findings.Add(FigureChecks.Finding(ValidationRule.MissingDenominator, committee, period, m, $"the figure is qualified 'all' (全部), but the denominator it refers to ({den}) is not stated."));
                }

                return (counts, rates);
            }

            findings.Add(problem);
            excluded.UnionWith(culprits);
        }
    }

    /// <summary>Applies the rules until nothing changes; returns the first contradiction (and the measures involved), or null.</summary>
    private static ValidationFinding? Propagate(
        Committee committee,
        ReportingPeriod period,
        Dictionary<Measure, Bounds> counts,
        List<Measure> all,
        Dictionary<Measure, decimal> rates,
        out Measure[] culprits)
    {
        culprits = [];
        for (int round = 0; round < 64; round++)
        {
            bool changed = false;

            // 「全部」: the count equals its denominator.
            foreach (var m in all)
            {
                var den = AllDenominators[m];
                if (!counts.TryGetValue(den, out var whole))
                {
                    if (counts.TryGetValue(m, out var stated))
                    {
                        // 「121件提案已全部办复」 stated as replied 121: the denominator is the same count.
                        counts[den] = stated;
                        changed = true;
                    }

                    continue;
                }

                if (!counts.TryGetValue(m, out var part))
                {
                    counts[m] = whole;
                    changed = true;
                    continue;
                }

                if (!part.TryIntersect(whole, out var both))
                {
                    culprits = [m, den];
                    return FigureChecks.Finding(ValidationRule.ConflictingDuplicate, committee, period, m, string.Create(CultureInfo.InvariantCulture, $"the figure is stated as {part} and as 'all' of {den} = {whole}."));
                }

                changed |= Set(counts, m, both) | Set(counts, den, both);
            }

            // The chain: parts ≤ whole.
            foreach (var c in Chain)
            {
                if (!counts.TryGetValue(c.Whole, out var whole))
                {
                    continue;
                }

                var present = c.Parts.Where(counts.ContainsKey).ToList();
                if (present.Count == 0)
                {
                    continue;
                }

                // Summed in 128 bits: parts near 2^63 are a finding (they exceed any 64-bit whole), not an OverflowException.
                Int128 exactSum = present.Aggregate(Int128.Zero, (s, m) => s + counts[m].Lower);
                if (exactSum > long.MaxValue || (whole.HasUpperBound && exactSum > whole.Upper!.Value))
                {
                    culprits = [.. present, c.Whole];
                    string parts = string.Join(" + ", present.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m} = {counts[m]}")));
                    return FigureChecks.Finding(c.Rule, committee, period, present[0], string.Create(CultureInfo.InvariantCulture, $"{parts} exceeds {c.Whole} = {whole}."));
                }

                long lowerSum = (long)exactSum;

                if (lowerSum > whole.Lower)
                {
                    changed |= Set(counts, c.Whole, whole.HasUpperBound ? Bounds.Between(lowerSum, whole.Upper!.Value) : Bounds.AtLeast(lowerSum));
                    whole = counts[c.Whole];
                }

                if (whole.HasUpperBound)
                {
                    foreach (var m in present)
                    {
                        long cap = whole.Upper!.Value - (lowerSum - counts[m].Lower);
                        var b = counts[m];
                        if (!b.HasUpperBound || b.Upper!.Value > cap)
                        {
                            changed |= Set(counts, m, b.CapAt(cap));
                        }
                    }
                }
            }

            // Stated rates: the numerator a printed percentage implies over an exact denominator.
            foreach (var (rate, percent) in rates)
            {
                var def = RateDefinition.Standard.FirstOrDefault(d => d.Measure == rate);
                if (def is null || !counts.TryGetValue(def.Denominator, out var den) || !den.IsExact)
                {
                    continue;
                }

                // Out-of-range percentages are reported by their own rule before this point.
                var candidates = percent is >= 0m and <= 100m
                    ? RateInference.InferNumerator(percent, den.Lower, PercentRounding.HalfUpOrTruncate)
                    : default;
                string shown = percent.ToString(CultureInfo.InvariantCulture) + "%";
                if (candidates.Kind == InferenceOutcome.None)
                {
                    culprits = [rate];
                    return FigureChecks.Finding(ValidationRule.RateContradictsCounts, committee, period, rate, string.Create(CultureInfo.InvariantCulture, $"no whole numerator over {def.Denominator} = {den} gives the stated {shown} ({def.Formula})."));
                }

                var range = candidates.Candidates;
                var present = def.Numerator.Where(counts.ContainsKey).ToList();
                if (present.Count == def.Numerator.Count)
                {
                    Int128 numLower = present.Aggregate(Int128.Zero, (s, m) => s + counts[m].Lower);
                    if (numLower > long.MaxValue)
                    {
                        culprits = [rate];
                        return FigureChecks.Finding(ValidationRule.RateContradictsCounts, committee, period, rate, string.Create(CultureInfo.InvariantCulture, $"the stated {shown} needs a numerator of {range} over {def.Denominator} = {den} ({def.Formula}), but the counts give at least {numLower}, beyond a 64-bit count."));
                    }

                    var num = Bounds.Sum(present.Select(m => counts[m].HasUpperBound && (Int128)counts[m].Upper!.Value * present.Count > long.MaxValue ? Bounds.AtLeast(counts[m].Lower) : counts[m]));
                    if (!num.TryIntersect(range, out var fit))
                    {
                        culprits = [rate];
                        return FigureChecks.Finding(ValidationRule.RateContradictsCounts, committee, period, rate, string.Create(CultureInfo.InvariantCulture, $"the stated {shown} needs a numerator of {range} over {def.Denominator} = {den} ({def.Formula}), but the counts give {num}."));
                    }

                    if (def.Numerator.Count == 1)
                    {
                        changed |= Set(counts, def.Numerator[0], fit);
                    }
                }
                else if (def.Numerator.Count == 1 && candidates.Kind == InferenceOutcome.Unique)
                {
                    counts[def.Numerator[0]] = range;
                    changed = true;
                }
            }

            if (!changed)
            {
                return null;
            }
        }

        throw new InvalidOperationException("The bounds did not settle.");
    }

    private static bool Set(Dictionary<Measure, Bounds> counts, Measure measure, Bounds value)
    {
        if (counts.TryGetValue(measure, out var old) && old == value)
        {
            return false;
        }

        counts[measure] = value;
        return true;
    }

    private sealed record Constraint(Measure[] Parts, Measure Whole, ValidationRule Rule);
}
