using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Zhengxie.Metrics.Validation;

/// <summary>
/// Turns the total figures of one committee, period and scope into counts and stated rates: resolves
/// 「全部」 to its denominator (checking a stated count against it), finds for each stated rate or share the
/// formula variant that makes it consistent with the counts (<see cref="ProposalStatistics.RateVariants"/>), implies numerators
/// from stated rates, narrows bounds through the chain received ≥ filed ≥ replied ≥ …, and reports every
/// problem as a finding.
/// </summary>
/// <remarks>
/// Malformed figures (a negative count, a value that stands for no whole count, a rate outside 0..100 %, the same
/// measure twice with different values) are errors and left out. Figures that disagree with each other (a source
/// inconsistency) are kept as published: the relation they break is reported naming both sides and is not used
/// to narrow or imply anything, and a stated rate that fits no variant implies nothing.
/// </remarks>
internal static partial class ProposalFigureAnalysis
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

    private static readonly System.Buffers.SearchValues<char> BaseWordEnd = System.Buffers.SearchValues.Create("0123456789百");
    private static readonly Measure Received = Measures.Proposals.Received;
    private static readonly Measure Filed = Measures.Proposals.Filed;
    private static readonly Measure Cases = Measures.Proposals.Cases;
    private static readonly Measure Replied = Measures.Proposals.Replied;
    private static readonly Measure Feedback = Measures.Proposals.Feedback;
    private static readonly Measure A = Measures.Proposals.OutcomeA;
    private static readonly Measure B = Measures.Proposals.OutcomeB;
    private static readonly Measure Satisfied = Measures.Proposals.Satisfied;
    private static readonly Measure BasicallySatisfied = Measures.Proposals.BasicallySatisfied;
    private static readonly Measure SatisfiedOrBasically = new("proposals.satisfied_or_basically");
    private static readonly Measure Submitted = Measures.OpinionInfo.Submitted;
    private static readonly Measure AdoptionIncludingPlannedNew = new("rate.adoption_including_planned");
    private static readonly Measure AdoptionIncludingPlannedOld = new("rate.resolution_adoption");
    private static readonly Measure OpinionInfoAdoption = Measures.Rates.OpinionInfoAdoption;

    /// <summary>The chain: the parts (summed) never exceed the whole. Checked in this order.</summary>
    private static readonly Constraint[] Chain =
    [
        new([Filed], Received, ValidationRule.FiledExceedsReceived),
        new([Filed, Measures.Proposals.NotFiled], Received, ValidationRule.CountExceedsBound),
        new([Measures.Proposals.Merged], Received, ValidationRule.CountExceedsBound),
        new([Cases], Filed, ValidationRule.CountExceedsBound),
        new([Replied], Filed, ValidationRule.RepliedExceedsFiled),
        new([Measures.Proposals.RepliedOnTime], Replied, ValidationRule.CountExceedsBound),
        new([Measures.Proposals.RepliedOnTime], Filed, ValidationRule.CountExceedsBound),
        new([Measures.Proposals.Concluded], Filed, ValidationRule.CountExceedsBound),
        new([A, B, Measures.Proposals.OutcomeC], Replied, ValidationRule.OutcomesExceedReplied),
        new([A, B, Measures.Proposals.OutcomeC], Filed, ValidationRule.CountExceedsBound),
        new([Satisfied, BasicallySatisfied, Measures.Proposals.Dissatisfied], Feedback, ValidationRule.CountExceedsBound),
        new([Measures.Proposals.Key], Filed, ValidationRule.CountExceedsBound),
        new([new Measure("proposals.key_led_by_leaders")], Measures.Proposals.Key, ValidationRule.CountExceedsBound),
        new([Measures.OpinionInfo.AdoptedByPrefecture], Submitted, ValidationRule.CountExceedsBound),
        new([Measures.OpinionInfo.AdoptedByProvince], Submitted, ValidationRule.CountExceedsBound),
        new([Measures.OpinionInfo.AdoptedNationally], Submitted, ValidationRule.CountExceedsBound),
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

    /// <summary>Whether two rate identifiers name the same rate (<c>rate.resolution_adoption</c> is an alias of <c>rate.adoption_including_planned</c>).</summary>
    internal static bool SameRate(Measure a, Measure b) => a == b || (IsAdoptionIncludingPlanned(a) && IsAdoptionIncludingPlanned(b));

    /// <summary>Analyses the total figures (no topic, one scope) of one committee and period.</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="figures">Its figures; those of other families than counts and rates are ignored.</param>
    /// <param name="findings">Receives every problem.</param>
    /// <returns>The analysis.</returns>
    internal static Analysis Analyse(Committee committee, ReportingPeriod period, IEnumerable<Figure> figures, List<ValidationFinding> findings)
    {
        if (TryExactCounts(figures) is { } exactCounts)
        {
            return new Analysis(exactCounts, [], [], [], []);
        }

        var raw = new Dictionary<Measure, Bounds>();
        var all = new List<Measure>();
        var stated = new Dictionary<Measure, Figure>();

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
            if (measure.IsRate)
            {
                stated[measure] = list[0];
                continue;
            }

            var valued = list.FirstOrDefault(f => f.Qualifier != Qualifier.All);
            var allFigure = list.FirstOrDefault(f => f.Qualifier == Qualifier.All);
            if (!IsCountMeasure(measure))
            {
                if (allFigure?.Value is null && valued is null)
                {
                    findings.Add(FigureChecks.Finding(ValidationRule.MissingDenominator, committee, period, measure, "the figure is qualified 'all' (全部) without a count, and this measure has no denominator it could refer to."));
                }

                continue;
            }

            if (valued is not null)
            {
                raw[measure] = valued.Bounds!.Value;
            }

            if (allFigure is null)
            {
                continue;
            }

            if (allFigure.Bounds is { } count)
            {
                // 「145件提案全部办复」: the stated count, which must also agree with any other figure of the measure.
                if (raw.TryGetValue(measure, out var other) && !other.TryIntersect(count, out _))
                {
                    findings.Add(FigureChecks.Finding(ValidationRule.AllContradictsDenominator, committee, period, measure, string.Create(CultureInfo.InvariantCulture, $"the figure is stated as {valued!.FormatAsReported()} and as {allFigure.FormatAsReported()}.")));
                }
                else
                {
                    raw[measure] = raw.TryGetValue(measure, out var o) && o.TryIntersect(count, out var both) ? both : count;
                }
            }

            if (AllDenominators.ContainsKey(measure))
            {
                all.Add(measure);
            }
            else if (allFigure.Value is null)
            {
                findings.Add(FigureChecks.Finding(ValidationRule.MissingDenominator, committee, period, measure, "the figure is qualified 'all' (全部) without a count, but this measure has no denominator it could refer to."));
            }
        }

        // First the counts alone, to find the formula variant of each stated rate; then everything together.
        var scratch = new State(committee, period, new List<ValidationFinding>());
        var counts0 = new Dictionary<Measure, Bounds>(raw);
        scratch.Propagate(counts0, all, []);
        var variants = ChooseVariants(committee, period, stated, counts0, findings, out var inconsistentRates);

        var state = new State(committee, period, findings);
        var counts = new Dictionary<Measure, Bounds>(raw);
        var active = variants.Where(kv => !inconsistentRates.Contains(kv.Key)).Select(kv => (stated[kv.Key], kv.Value)).ToList();
        state.Propagate(counts, all, active);
        inconsistentRates.UnionWith(state.InconsistentRates);

        foreach (var m in all.Where(m => !counts.ContainsKey(m) || !counts.ContainsKey(AllDenominators[m])))
        {
            var den = AllDenominators[m];
            if (!counts.ContainsKey(m))
            {
                findings.Add(FigureChecks.Finding(ValidationRule.MissingDenominator, committee, period, m, $"the figure is qualified 'all' (全部), but the denominator it refers to ({den}) is not stated."));
            }
        }

        var involved = new HashSet<Measure>(state.Involved);
        involved.UnionWith(inconsistentRates);
        return new Analysis(
            counts,
            stated,
            variants.Where(kv => !inconsistentRates.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value),
            state.Contradicted,
            involved);
    }

    /// <summary>The result of <see cref="Analyse"/>.</summary>
    /// <param name="Counts">Every count, as published and as derived (counts on both sides of a broken relation included).</param>
    /// <param name="StatedRates">The stated rates and shares, as published, by measure.</param>
    /// <param name="RateVariants">The formula each stated rate fits (absent for one that fits no variant).</param>
    /// <param name="Contradicted">The parts of broken relations (filed of filed &gt; received): left out where counts are pooled.</param>
    /// <param name="Involved">Every count and stated rate named in a source inconsistency.</param>
    internal sealed record Analysis(
        Dictionary<Measure, Bounds> Counts,
        Dictionary<Measure, Figure> StatedRates,
        Dictionary<Measure, RateDefinition> RateVariants,
        HashSet<Measure> Contradicted,
        HashSet<Measure> Involved);

    private sealed record Constraint(Measure[] Parts, Measure Whole, ValidationRule Rule);
}
