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

    /// <summary>The formula variants a stated rate or share may follow, the default (DOMAIN.md's formula, or the base the sentence names) first.</summary>
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
    /// For each stated rate, the formula that makes it consistent with the counts: DOMAIN.md's default when it fits,
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

    /// <summary>One run of the rules over one set of counts.</summary>
    private sealed class State(Committee committee, ReportingPeriod period, List<ValidationFinding> findings)
    {
        private readonly HashSet<object> broken = [];
        private readonly List<(HashSet<Measure> Parts, Measure Whole)> brokenLinks = [];

        internal HashSet<Measure> Contradicted { get; } = [];

        internal HashSet<Measure> Involved { get; } = [];

        internal HashSet<Measure> InconsistentRates { get; } = [];

        /// <summary>Applies the rules until nothing changes; each broken relation is reported once and then left alone.</summary>
        internal void Propagate(Dictionary<Measure, Bounds> counts, List<Measure> all, List<(Figure Figure, RateDefinition Definition)> rates)
        {
            for (int round = 0; round < 64; round++)
            {
                bool changed = false;

                // 「全部」: the count equals its denominator.
                foreach (var m in all)
                {
                    var den = AllDenominators[m];
                    if (broken.Contains(m))
                    {
                        continue;
                    }

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
                        Break(m, [], m, den, ValidationRule.AllContradictsDenominator, string.Create(CultureInfo.InvariantCulture, $"the figure is stated as 'all' (全部) at {m} = {part}, but the {den} it refers to = {whole}."));
                        continue;
                    }

                    changed |= Set(counts, m, both) | Set(counts, den, both);
                }

                // The chain: parts ≤ whole.
                foreach (var c in Chain)
                {
                    if (broken.Contains(c) || !counts.TryGetValue(c.Whole, out var whole))
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
                        if (brokenLinks.Exists(l => l.Whole == c.Whole && l.Parts.IsSubsetOf(present)))
                        {
                            // filed 120 > received 100 is broken already: filed + not_filed > received says it again.
                            broken.Add(c);
                            continue;
                        }

                        brokenLinks.Add((present.ToHashSet(), c.Whole));
                        string parts = string.Join(" + ", present.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m} = {counts[m]}")));
                        Break(c, present, present[0], c.Whole, c.Rule, string.Create(CultureInfo.InvariantCulture, $"{parts} exceeds {c.Whole} = {whole}."));
                        continue;
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

                // Stated rates: the numerator a printed percentage implies over an exact denominator, under the formula it fits.
                foreach (var (figure, def) in rates)
                {
                    var rate = figure.Measure;
                    if (InconsistentRates.Contains(rate) || !counts.TryGetValue(def.Denominator, out var den) || !den.IsExact)
                    {
                        continue;
                    }

                    var candidates = Infer(figure, den.Lower);
                    string shown = figure.FormatAsReported();
                    if (candidates.Kind == InferenceOutcome.None)
                    {
                        InconsistentRates.Add(rate);
                        Involved.Add(rate);
                        findings.Add(FigureChecks.Finding(ValidationRule.RateContradictsCounts, committee, period, rate, string.Create(CultureInfo.InvariantCulture, $"no whole numerator over {def.Denominator} = {den} gives the stated {shown} ({def.Formula}).")));
                        continue;
                    }

                    var range = candidates.Candidates;
                    var present = def.Numerator.Where(counts.ContainsKey).ToList();
                    if (present.Count == def.Numerator.Count)
                    {
                        var sum = SumOf(present.Select(m => counts[m]));
                        if (sum is not { } num || !num.TryIntersect(range, out var fit))
                        {
                            InconsistentRates.Add(rate);
                            Involved.Add(rate);
                            findings.Add(FigureChecks.Finding(ValidationRule.RateContradictsCounts, committee, period, rate, string.Create(CultureInfo.InvariantCulture, $"the stated {shown} needs a numerator of {range} over {def.Denominator} = {den} ({def.Formula}), but the counts give {(sum is { } given ? given.ToString() : "more than a 64-bit count")}.")));
                            continue;
                        }

                        if (def.Numerator.Count == 1 && !Contradicted.Contains(def.Numerator[0]))
                        {
                            changed |= Set(counts, def.Numerator[0], fit);
                        }
                    }
                    else if (def.Numerator.Count == 1 && (candidates.Kind == InferenceOutcome.Unique || figure.Qualifier != Qualifier.PercentReported))
                    {
                        // A printed rate implies its numerator where one whole number fits; a qualified rate (「99%以上」) bounds it.
                        counts[def.Numerator[0]] = range;
                        changed = true;
                    }
                }

                if (!changed)
                {
                    return;
                }
            }
        }

        private void Break(object relation, IEnumerable<Measure> parts, Measure named, Measure whole, ValidationRule rule, string message)
        {
            broken.Add(relation);
            Contradicted.UnionWith(parts);
            Involved.UnionWith(parts);
            Involved.Add(named);
            Involved.Add(whole);
            findings.Add(FigureChecks.Finding(rule, committee, period, named, message));
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
    }

    private sealed record Constraint(Measure[] Parts, Measure Whole, ValidationRule Rule);
}
