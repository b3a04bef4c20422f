using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics;

/// <summary>
/// The proposal counts of one committee and period (received, filed, merged, cases, replied, …, each
/// exact or as bounds), and every rate of docs/domain.md computed from them under the caller's
/// <see cref="RateOptions"/>. A count that is not known is missing, never zero.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para><b>From figures.</b> <see cref="FromFigures(IEnumerable{Figure}, ValidationMode, bool)"/> reads a
/// report's figures as docs/domain.md describes them:</para>
/// <list type="bullet">
/// <item>Counts are the committee-scope figures without a topic of the families <c>proposals.*</c> and
/// <c>opinion_info.*</c>, each as its <see cref="Figure.Bounds"/> in base units. Topic figures (parts,
/// not totals) and <see cref="FigureScope.RegionTotal"/> figures (not this committee's own work) are
/// not counts of the committee.</item>
/// <item>A figure qualified <see cref="Qualifier.All"/> (「全部办复」) equals the count it refers to:
/// replied, replied_on_time, concluded and cases → filed; filed → received; satisfied and basically_satisfied →
/// feedback. When the report also states the count (「145件提案全部办复」), the figure keeps it and it must agree
/// with that denominator (else <see cref="ValidationRule.AllContradictsDenominator"/>). With neither the count nor
/// its denominator known, the finding is <see cref="ValidationRule.MissingDenominator"/>.</item>
/// <item>A stated rate or share (<c>rate.*</c>, <c>share.*</c>; printed, or qualified 「99%以上」「近90%」「约60%」)
/// is checked against the counts under the formula variants a report may use (<see cref="RateVariants"/>: A or
/// A + B, over filed or cases after merging, over feedback or filed, the base of each share: the one its
/// sentence names after 占, else received, filed, cases or replied, tried in turn): docs/domain.md's formula when it
/// fits, else the variant that does (顺德: A类 362 「占53.4%」 fits 362 / 678 cases after merging, not 987 filed).
/// Under that formula it implies its numerator when its denominator is exact and exactly one whole numerator
/// gives the printed percentage rounded half-up or truncated (丽水: 78.5 % of 354 received ⇒ 278 filed); a
/// qualified rate bounds its numerator (99 %以上 of 200 ⇒ 198..200). A stated rate that fits no variant is
/// <see cref="ValidationRule.RateContradictsCounts"/>, kept in <see cref="StatedRates"/> and implying nothing.
/// A stated rate without the counts it needs (乌当's 满意率 100 %, with no feedback count) is kept in
/// <see cref="StatedRates"/> only.</item>
/// <item>Bounds narrow each other through the chain received ≥ filed + not_filed, received ≥ merged,
/// filed ≥ cases, filed ≥ replied ≥ replied_on_time, filed ≥ concluded, replied ≥ outcome_a + outcome_b +
/// outcome_c, feedback ≥ satisfied + basically_satisfied + dissatisfied, filed ≥ key, and
/// opinion_info.submitted ≥ each adopted count: a whole is at least the sum of its parts' lower bounds,
/// and a part at most the whole's upper bound less the other parts' lower bounds. Received 「300余」
/// (301..399) with filed exactly 320 becomes 320..399; filed 「近330」 (321..329) with received exactly 325 becomes 321..325.
/// Parts whose lower bounds add up to more than the whole's upper bound break a rule
/// (<see cref="ValidationRule.FiledExceedsReceived"/>, <see cref="ValidationRule.RepliedExceedsFiled"/>,
/// <see cref="ValidationRule.OutcomesExceedReplied"/>, else <see cref="ValidationRule.CountExceedsBound"/>).</item>
/// <item><b>Source inconsistencies and errors.</b> Figures of a report that disagree with each other are a
/// <see cref="FindingSeverity.SourceInconsistency"/>: kept as published (received 100, filed 90, replied 95 keeps
/// all three counts and the acceptance rate 90/100; the reply rate 95/90 is refused by <see cref="GetRate(RateDefinition)"/>),
/// listed in <see cref="Inconsistencies"/>, and the broken relation is used for nothing. Malformed figures (a
/// negative count, a value that stands for no whole count, a rate outside 0..100 %, one measure stated twice with
/// different values) are errors and left out. <see cref="ValidationMode.Throw"/> throws a <see cref="ValidationException"/>
/// on errors, and with <c>strict</c> also on source inconsistencies (which strict validation makes errors).</item>
/// </list>
/// </remarks>
[Rendering.TypeFormatterSource(typeof(Rendering.NotebookFormatterSource))]
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class ProposalStatistics : IEquatable<ProposalStatistics>
{
    private static readonly ReadOnlyDictionary<Measure, decimal> NoStatedRates = new Dictionary<Measure, decimal>().AsReadOnly();

    private static readonly ReadOnlyDictionary<Measure, RateDefinition> NoVariants = new Dictionary<Measure, RateDefinition>().AsReadOnly();
    private static readonly ReadOnlyCollection<ValidationFinding> NoFindings = Array.Empty<ValidationFinding>().AsReadOnly();

    private readonly ReadOnlyDictionary<Measure, Bounds> counts;
    private readonly ReadOnlyDictionary<Measure, decimal> statedRates;
    private readonly Dictionary<Measure, Qualifier>? statedQualifiers;
    private readonly ReadOnlyDictionary<Measure, RateDefinition> variants;
    private readonly HashSet<Measure>? involved;
    private readonly HashSet<Measure>? contradicted;

    private ProposalStatistics(Committee committee, ReportingPeriod period, Dictionary<Measure, Bounds> counts, Dictionary<Measure, decimal>? statedRates = null)
    {
        Committee = committee;
        Period = period;
        this.counts = counts.AsReadOnly();
        this.statedRates = statedRates is null || statedRates.Count == 0 ? NoStatedRates : statedRates.AsReadOnly();
        variants = NoVariants;
        Inconsistencies = NoFindings;
        FoundRateOptions = RateOptions.Default;
    }

    private ProposalStatistics(Committee committee, ReportingPeriod period, ProposalFigureAnalysis.Analysis analysis, List<ValidationFinding> inconsistencies)
        : this(committee, period, analysis.Counts, analysis.StatedRates.ToDictionary(kv => kv.Key, kv => kv.Value.Value!.Value))
    {
        statedQualifiers = analysis.StatedRates.Where(kv => kv.Value.Qualifier != Qualifier.PercentReported).ToDictionary(kv => kv.Key, kv => kv.Value.Qualifier);
        variants = analysis.RateVariants.Count == 0 ? NoVariants : analysis.RateVariants.AsReadOnly();
        involved = analysis.Involved;
        contradicted = analysis.Contradicted;
        Inconsistencies = inconsistencies.Count == 0 ? NoFindings : inconsistencies.AsReadOnly();
        FoundRateOptions = BuildOptions(analysis.RateVariants);
    }

    /// <summary>Gets the committee.</summary>
    public Committee Committee { get; }

    /// <summary>Gets the period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets every known count, by measure (in base units; exact or bounds).</summary>
    public IReadOnlyDictionary<Measure, Bounds> Counts => counts;

    /// <summary>Gets the rates and shares the report states directly, as printed percentages (乌当: <c>rate.satisfaction</c> = 100), by identifier, kept as published (also one that fits no formula variant).</summary>
    public IReadOnlyDictionary<Measure, decimal> StatedRates => statedRates;

    /// <summary>
    /// Gets, for each stated rate or share that is consistent with the counts, the formula it follows: docs/domain.md's
    /// where it fits, else the variant that does (顺德 2021: <c>rate.adoption</c> = outcome_a / cases, as 362 of
    /// 678 cases after merging print as 53.4 %; 东城 2015: (outcome_a + outcome_b) / received). A stated rate whose
    /// counts are not known has its default formula (the base its sentence names, or the likeliest, for a share);
    /// one that fits no variant is absent (and in <see cref="Inconsistencies"/>).
    /// </summary>
    public IReadOnlyDictionary<Measure, RateDefinition> RateVariants => variants;

    /// <summary>
    /// Gets the <see cref="RateOptions"/> the report's stated rates follow, built from <see cref="RateVariants"/>: cases
    /// after merging as the downstream base when the stated downstream rates fit over cases, the satisfaction base and
    /// counting they fit, and every other variant as an override. Pass it to <see cref="GetRate(Measure, RateOptions?)"/>
    /// or <see cref="GetRates(RateOptions?)"/> to compute the rates the way the report does; <see cref="RateOptions.Default"/>
    /// when nothing differs from docs/domain.md's formulas.
    /// </summary>
    public RateOptions FoundRateOptions { get; }

    /// <summary>Gets the source inconsistencies found among the figures (figures of the report that disagree with each other), each naming both figures and the rule; empty for statistics built from counts.</summary>
    public IReadOnlyList<ValidationFinding> Inconsistencies { get; }

    // The rate properties are conveniences over the one declaration of each rate (RateDefinition.Acceptance, …),
    // computed under the default formulas; GetRate/TryGetRate take any definition or options.

    /// <summary>Gets <see cref="RateDefinition.Acceptance"/> (立案率 = filed / received), or <see langword="null"/> when a count is missing.</summary>
    public Rate? AcceptanceRate => TryGetRate(RateDefinition.Acceptance.Measure, out var rate) ? rate : null;

    /// <summary>Gets <see cref="RateDefinition.Reply"/> (办复率 = replied / filed), or <see langword="null"/> when a count is missing.</summary>
    public Rate? ReplyRate => TryGetRate(RateDefinition.Reply.Measure, out var rate) ? rate : null;

    /// <summary>Gets <see cref="RateDefinition.OnTimeReply"/> (按时办复率 = replied_on_time / filed), or <see langword="null"/> when a count is missing.</summary>
    public Rate? OnTimeReplyRate => TryGetRate(RateDefinition.OnTimeReply.Measure, out var rate) ? rate : null;

    /// <summary>Gets <see cref="RateDefinition.Conclusion"/> (办结率 = concluded / filed), or <see langword="null"/> when a count is missing.</summary>
    public Rate? ConclusionRate => TryGetRate(RateDefinition.Conclusion.Measure, out var rate) ? rate : null;

    /// <summary>Gets <see cref="RateDefinition.Adoption"/> (解决采纳率 = outcome_a / filed), or <see langword="null"/> when a count is missing.</summary>
    public Rate? AdoptionRate => TryGetRate(RateDefinition.Adoption.Measure, out var rate) ? rate : null;

    /// <summary>Gets <see cref="RateDefinition.AdoptionIncludingPlanned"/> (采纳率 = (outcome_a + outcome_b) / filed), or <see langword="null"/> when a count is missing.</summary>
    public Rate? AdoptionIncludingPlannedRate => TryGetRate(RateDefinition.AdoptionIncludingPlanned.Measure, out var rate) ? rate : null;

    /// <summary>Gets <see cref="RateDefinition.Satisfaction"/> (满意率 = (satisfied + basically_satisfied) / feedback), or <see langword="null"/> when a count is missing (see <see cref="GetStatedRate"/> for a rate stated without counts).</summary>
    public Rate? SatisfactionRate => TryGetRate(RateDefinition.Satisfaction.Measure, out var rate) ? rate : null;

    /// <summary>Creates statistics from known counts; a measure absent from <paramref name="counts"/> is missing.</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="counts">The counts by measure (not rates); each measure at most once.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentException">A measure is a rate or appears twice, or a count is negative.</exception>
    public static ProposalStatistics FromCounts(Committee committee, ReportingPeriod period, IEnumerable<KeyValuePair<Measure, Bounds>> counts)
    {
        Preconditions.CheckNotNull(counts);
        Preconditions.CheckArgument(!committee.IsDefault, nameof(committee), "Statistics need a committee.");
        Preconditions.CheckArgument(!period.IsDefault, nameof(period), "Statistics need a period.");
        var map = new Dictionary<Measure, Bounds>();
        foreach (var (measure, value) in counts)
        {
            // Messages are built only on failure: this runs once per count of every committee-period.
            if (measure.IsDefault || measure.IsRate)
            {
                throw new ArgumentException($"'{measure}' is not a count measure.", nameof(counts));
            }

            if (value.Lower < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Committee {committee}, period {period}, measure {measure}: the count {value} is negative."), nameof(counts));
            }

            if (!map.TryAdd(measure, value))
            {
                throw new ArgumentException($"Committee {committee}, period {period}: measure {measure} appears twice.", nameof(counts));
            }
        }

        return new ProposalStatistics(committee, period, map);
    }

    /// <summary>
    /// Creates the statistics of one committee and period from a report's figures (see the remarks of
    /// <see cref="ProposalStatistics"/> for how figures become counts and stated rates).
    /// </summary>
    /// <param name="figures">The figures, all of one committee and period (any families; those that are not counts are ignored).</param>
    /// <param name="mode">Whether an error throws (the default) or is left out; to see the findings, use
    /// <see cref="FromFigures(IEnumerable{Figure}, out IReadOnlyList{ValidationFinding})"/>. Source inconsistencies are in
    /// <see cref="Inconsistencies"/> either way.</param>
    /// <param name="strict">Whether source inconsistencies are errors too (and so throw with <see cref="ValidationMode.Throw"/>).</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentException">There are no figures, or they belong to more than one committee or period.</exception>
    /// <exception cref="ValidationException">The figures break a rule that is an error and <paramref name="mode"/> is <see cref="ValidationMode.Throw"/>.</exception>
    public static ProposalStatistics FromFigures(IEnumerable<Figure> figures, ValidationMode mode = ValidationMode.Throw, bool strict = false)
    {
        Preconditions.CheckArgument(Enum.IsDefined(mode), nameof(mode), "Unknown validation mode.");
        var result = Build(figures, strict, out var findings);
        ThrowIfAny(mode, findings);
        return result;
    }

    /// <summary>Creates the statistics of one committee and period from a report's figures, collecting every problem instead of throwing.</summary>
    /// <param name="figures">The figures, all of one committee and period.</param>
    /// <param name="findings">Every problem found: errors (what each concerns is left out of the statistics) and source inconsistencies (kept as published).</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentException">There are no figures, or they belong to more than one committee or period.</exception>
    public static ProposalStatistics FromFigures(IEnumerable<Figure> figures, out IReadOnlyList<ValidationFinding> findings)
    {
        var result = Build(figures, false, out var list);
        findings = list.AsReadOnly();
        return result;
    }

    /// <summary>Creates the statistics of every committee and period among the figures (one per distinct pair, ordered by committee, then period), throwing on any error.</summary>
    /// <param name="figures">The figures, of any committees and periods.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ValidationException">The figures break a rule that is an error.</exception>
    public static IReadOnlyList<ProposalStatistics> FromFiguresByCommittee(IEnumerable<Figure> figures) =>
        FromFiguresByCommittee(figures, ValidationMode.Throw, out _);

    /// <summary>Creates the statistics of every committee and period among the figures (one per distinct pair, ordered by committee, then period).</summary>
    /// <param name="figures">The figures, of any committees and periods.</param>
    /// <param name="mode">Whether an error throws or is collected.</param>
    /// <param name="findings">Every problem found (errors and source inconsistencies; with <see cref="ValidationMode.Throw"/>, only source inconsistencies, as errors throw).</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ValidationException">The figures break a rule that is an error and <paramref name="mode"/> is <see cref="ValidationMode.Throw"/>.</exception>
    public static IReadOnlyList<ProposalStatistics> FromFiguresByCommittee(IEnumerable<Figure> figures, ValidationMode mode, out IReadOnlyList<ValidationFinding> findings) =>
        FromFiguresByCommittee(figures, mode, false, out findings);

    /// <summary>Creates the statistics of every committee and period among the figures (one per distinct pair, ordered by committee, then period).</summary>
    /// <param name="figures">The figures, of any committees and periods.</param>
    /// <param name="mode">Whether an error throws or is collected.</param>
    /// <param name="strict">Whether source inconsistencies are errors too.</param>
    /// <param name="findings">Every problem found (with <see cref="ValidationMode.Throw"/>, only what is not an error, as errors throw).</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ValidationException">The figures break a rule that is an error and <paramref name="mode"/> is <see cref="ValidationMode.Throw"/>.</exception>
    public static IReadOnlyList<ProposalStatistics> FromFiguresByCommittee(IEnumerable<Figure> figures, ValidationMode mode, bool strict, out IReadOnlyList<ValidationFinding> findings)
    {
        Preconditions.CheckNotNull(figures);
        Preconditions.CheckArgument(Enum.IsDefined(mode), nameof(mode), "Unknown validation mode.");
        var all = new List<ValidationFinding>();
        var result = new List<ProposalStatistics>();
        foreach (var group in figures.Select(f => f ?? throw new ArgumentException("A figure is null.", nameof(figures)))
                     .GroupBy(f => (f.Committee, f.Period))
                     .OrderBy(g => g.Key.Committee).ThenBy(g => g.Key.Period))
        {
            result.Add(Build(group, strict, out var list));
            all.AddRange(list);
        }

        ThrowIfAny(mode, all);
        findings = all.AsReadOnly();
        return result.AsReadOnly();
    }

    /// <summary>Gets a rate the report states directly, as its printed percentage.</summary>
    /// <param name="rate">The rate's identifier, such as <c>rate.satisfaction</c>.</param>
    /// <returns>The printed percentage (78.5 for 「立案率78.5%」).</returns>
    /// <exception cref="KeyNotFoundException">The report does not state the rate.</exception>
    public decimal GetStatedRate(Measure rate) =>
        TryGetStatedRate(rate, out decimal percent) ? percent : throw NotFound("states no rate", rate);

    /// <summary>Tries to find a rate the report states directly.</summary>
    /// <param name="rate">The rate's identifier, such as <c>rate.satisfaction</c>.</param>
    /// <param name="percent">The printed percentage (78.5 for 「立案率78.5%」), when stated.</param>
    /// <returns>Whether the report states the rate.</returns>
    public bool TryGetStatedRate(Measure rate, out decimal percent)
    {
        if (statedRates.TryGetValue(rate, out percent))
        {
            return true;
        }

        // rate.resolution_adoption and rate.adoption_including_planned are one rate.
        foreach (var (m, value) in statedRates)
        {
            if (ProposalFigureAnalysis.SameRate(m, rate))
            {
                percent = value;
                return true;
            }
        }

        percent = 0;
        return false;
    }

    /// <summary>Gets how a stated rate is qualified: <see cref="Qualifier.PercentReported"/> for a printed rate, <see cref="Qualifier.AtLeast"/> for 「99%以上」, ….</summary>
    /// <param name="rate">The rate's or share's identifier.</param>
    /// <returns>The qualifier.</returns>
    /// <exception cref="KeyNotFoundException">The report does not state the rate.</exception>
    public Qualifier GetStatedRateQualifier(Measure rate) =>
        TryGetStatedRateQualifier(rate, out var qualifier) ? qualifier : throw NotFound("states no rate", rate);

    /// <summary>Tries to find how a stated rate is qualified (see <see cref="GetStatedRateQualifier"/>).</summary>
    /// <param name="rate">The rate's or share's identifier.</param>
    /// <param name="qualifier">The qualifier, when the rate is stated.</param>
    /// <returns>Whether the report states the rate.</returns>
    public bool TryGetStatedRateQualifier(Measure rate, out Qualifier qualifier)
    {
        var key = statedRates.Keys.FirstOrDefault(m => ProposalFigureAnalysis.SameRate(m, rate));
        if (key.IsDefault)
        {
            qualifier = default;
            return false;
        }

        qualifier = statedQualifiers is not null && statedQualifiers.TryGetValue(key, out var q) ? q : Qualifier.PercentReported;
        return true;
    }

    /// <summary>Returns whether a count or stated rate is named in a source inconsistency (<see cref="Inconsistencies"/>): a report shows it marked.</summary>
    /// <param name="measure">A count's or rate's identifier.</param>
    /// <returns>Whether it is involved in a disagreement among the report's figures.</returns>
    public bool IsInconsistent(Measure measure) => involved is not null && (involved.Contains(measure) || involved.Any(m => ProposalFigureAnalysis.SameRate(m, measure)));

    /// <summary>The parts of broken relations (filed of filed &gt; received): counts kept as published, but left out where counts are pooled.</summary>
    internal bool IsContradictedPart(Measure measure) => contradicted is not null && contradicted.Contains(measure);

    /// <summary>Gets a count.</summary>
    /// <param name="measure">The count's measure, such as <c>proposals.filed</c>.</param>
    /// <returns>The count's bounds (exact when known exactly).</returns>
    /// <exception cref="KeyNotFoundException">The count is not known (the message names committee, period and measure).</exception>
    public Bounds GetCount(Measure measure) =>
        counts.TryGetValue(measure, out var v) ? v : throw NotFound("has no count of", measure);

    /// <summary>Tries to find a count.</summary>
    /// <param name="measure">The count's measure, such as <c>proposals.filed</c>.</param>
    /// <param name="count">The count's bounds, when known.</param>
    /// <returns>Whether the count is known.</returns>
    public bool TryGetCount(Measure measure, out Bounds count) => counts.TryGetValue(measure, out count);

    /// <summary>
    /// Computes a rate: the sum of its numerator counts over its denominator count; a rate with no value (0/0) when
    /// the denominator is zero.
    /// </summary>
    /// <param name="definition">The rate's formula, such as <see cref="RateDefinition.Reply"/>.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="KeyNotFoundException">A count the rate needs is missing (the message names it).</exception>
    /// <exception cref="ZhengxieMetricsException">The numerator exceeds the denominator (the message names committee, period and rate).</exception>
    public Rate GetRate(RateDefinition definition)
    {
        if (TryGetRate(definition, out var rate))
        {
            return rate;
        }

        var missing = counts.ContainsKey(definition.Denominator) ? definition.Numerator.First(m => !counts.ContainsKey(m)) : definition.Denominator;
        throw new KeyNotFoundException(string.Create(
            CultureInfo.InvariantCulture,
            $"Committee {Committee}, period {Period}: {definition.Measure} = {definition.Formula} needs {missing}, which is not known."));
    }

    /// <summary>Tries to compute a rate (see <see cref="GetRate(RateDefinition)"/>).</summary>
    /// <param name="definition">The rate's formula.</param>
    /// <param name="rate">The rate, when every count it needs is known.</param>
    /// <returns>Whether every count the rate needs is known.</returns>
    /// <exception cref="ZhengxieMetricsException">The numerator exceeds the denominator (the message names committee, period and rate).</exception>
    public bool TryGetRate(RateDefinition definition, out Rate rate)
    {
        Preconditions.CheckNotNull(definition);
        rate = default;
        if (!counts.TryGetValue(definition.Denominator, out var den))
        {
            return false;
        }

        var num = Bounds.Zero;
        foreach (var m in definition.Numerator)
        {
            if (!counts.TryGetValue(m, out var part))
            {
                return false;
            }

            num += part;
        }

        if (den.HasUpperBound && num.Lower > den.Upper!.Value)
        {
            throw new ZhengxieMetricsException(string.Create(
                CultureInfo.InvariantCulture,
                $"Committee {Committee}, period {Period}, measure {definition.Measure}: the numerator {definition.Formula.Split(" / ")[0]} = {num} exceeds the denominator {definition.Denominator} = {den}."));
        }

        // A bounded numerator may reach above a bounded denominator; the rate's bounds cap at 100 %.
        rate = Rate.FromBounds(num, den);
        return true;
    }

    /// <summary>Computes a standard rate under the given options (the defaults of docs/domain.md when omitted).</summary>
    /// <param name="rate">A standard rate's identifier, such as <c>rate.reply</c>.</param>
    /// <param name="options">The variant choices, or <see langword="null"/> for <see cref="RateOptions.Default"/>.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="KeyNotFoundException">A count the rate needs is missing.</exception>
    /// <exception cref="ArgumentException">The identifier is not a standard rate.</exception>
    public Rate GetRate(Measure rate, RateOptions? options = null) => GetRate((options ?? RateOptions.Default).Resolve(rate));

    /// <summary>Tries to compute a standard rate under the default formulas.</summary>
    /// <param name="rate">A standard rate's identifier, such as <c>rate.reply</c>.</param>
    /// <param name="value">The rate, when every count it needs is known.</param>
    /// <returns>Whether every count the rate needs is known.</returns>
    /// <exception cref="ArgumentException">The identifier is not a standard rate.</exception>
    public bool TryGetRate(Measure rate, out Rate value) => TryGetRate(RateOptions.Default.Resolve(rate), out value);

    /// <summary>Tries to compute a standard rate under the given options.</summary>
    /// <param name="rate">A standard rate's identifier, such as <c>rate.reply</c>.</param>
    /// <param name="options">The variant choices.</param>
    /// <param name="value">The rate, when every count it needs is known.</param>
    /// <returns>Whether every count the rate needs is known.</returns>
    /// <exception cref="ArgumentException">The identifier is not a standard rate.</exception>
    public bool TryGetRate(Measure rate, RateOptions options, out Rate value)
    {
        Preconditions.CheckNotNull(options);
        return TryGetRate(options.Resolve(rate), out value);
    }

    /// <summary>Computes every standard rate under the given options, with the formula used.</summary>
    /// <param name="options">The variant choices, or <see langword="null"/> for the defaults.</param>
    /// <returns>Each definition with its rate (<see langword="null"/> where a count is missing).</returns>
    public IReadOnlyList<KeyValuePair<RateDefinition, Rate?>> GetRates(RateOptions? options = null) =>
        (options ?? RateOptions.Default).Definitions.Select(d => new KeyValuePair<RateDefinition, Rate?>(d, TryGetRate(d, out var r) ? r : null)).ToList().AsReadOnly();

    private KeyNotFoundException NotFound(string what, Measure measure) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Committee {Committee}, period {Period} {what} {measure}."));

    private static ProposalStatistics Build(IEnumerable<Figure> figures, bool strict, out List<ValidationFinding> findings)
    {
        Preconditions.CheckNotNull(figures);
        var list = figures.ToList();
        Preconditions.CheckArgument(list.Count > 0, nameof(figures), "Statistics need at least one figure.");
        Preconditions.CheckArgument(!list.Contains(null!), nameof(figures), "A figure is null.");
        var committee = list[0].Committee;
        var period = list[0].Period;
        var other = list.Find(f => f.Committee != committee || f.Period != period);
        Preconditions.CheckArgument(
            other is null,
            nameof(figures),
            $"The figures belong to more than one committee and period ({committee} {period} and {other?.Committee} {other?.Period}); use FromFiguresByCommittee.");
        return Build(committee, period, list.Where(f => f.Scope == FigureScope.Committee && f.Topic is null), strict, out findings);
    }

    /// <summary>The statistics of one committee, period and scope from its total figures (no topic).</summary>
    internal static ProposalStatistics Build(Committee committee, ReportingPeriod period, IEnumerable<Figure> totals, bool strict, out List<ValidationFinding> findings)
    {
        findings = [];
        var analysis = ProposalFigureAnalysis.Analyse(committee, period, totals, findings);
        var inconsistencies = findings.Where(f => f.Severity == FindingSeverity.SourceInconsistency).ToList();
        if (strict)
        {
            findings = findings.Select(f => f.AsError()).ToList();
        }

        return new ProposalStatistics(committee, period, analysis, inconsistencies);
    }

    /// <summary>The options a report's stated rates follow (see <see cref="FoundRateOptions"/>).</summary>
    private static RateOptions BuildOptions(Dictionary<Measure, RateDefinition> variants)
    {
        var options = RateOptions.Default;
        if (variants.Count == 0)
        {
            return options;
        }

        Measure[] downstream = [Measures.Rates.Reply, Measures.Rates.OnTimeReply, Measures.Rates.Conclusion, Measures.Rates.Adoption, Measures.Rates.AdoptionIncludingPlanned, new Measure("rate.adoption_including_planned")];
        // A share whose count is a downstream rate's numerator (share.proposals.outcome_a: 顺德's 「A类…占53.4%」) says the same about the base.
        var bases = variants.Values
            .Where(d => downstream.Contains(d.Measure) || (d.Measure.IsShare && RateDefinition.Standard.Any(s => downstream.Contains(s.Measure) && s.Numerator.SequenceEqual(d.Numerator))))
            .Select(d => d.Denominator).Distinct().ToList();
        if (bases.Count > 0 && bases.TrueForAll(b => b == Measures.Proposals.Cases))
        {
            options = options with { DownstreamBase = DownstreamBase.Cases };
        }

        if (variants.TryGetValue(Measures.Rates.Satisfaction, out var satisfaction))
        {
            if (satisfaction.Numerator.SequenceEqual([Measures.Proposals.Satisfied]))
            {
                options = options with { SatisfactionCounting = SatisfactionCounting.SatisfiedOnly };
            }

            if (satisfaction.Denominator == Measures.Proposals.Filed || satisfaction.Denominator == Measures.Proposals.Cases)
            {
                options = options with { SatisfactionBase = SatisfactionBase.Filed };
            }
        }

        foreach (var variant in variants.Values.OrderBy(d => d.Measure))
        {
            var resolved = RateDefinition.Standard.FirstOrDefault(d => ProposalFigureAnalysis.SameRate(d.Measure, variant.Measure)) is { } standard
                ? options.Resolve(standard)
                : null;
            if (resolved is null || !resolved.Numerator.SequenceEqual(variant.Numerator) || resolved.Denominator != variant.Denominator)
            {
                options = options.WithDefinition(variant);
            }
        }

        return options;
    }

    /// <summary>
    /// Restores statistics written out earlier (by <c>Serialization.ZhengxieJson</c>): the counts as
    /// <see cref="FromCounts"/> checks them, and the stated rates (rate identifiers, each at most once).
    /// </summary>
    internal static ProposalStatistics Restore(
        Committee committee,
        ReportingPeriod period,
        IEnumerable<KeyValuePair<Measure, Bounds>> counts,
        IEnumerable<KeyValuePair<Measure, decimal>> statedRates)
    {
        var result = FromCounts(committee, period, counts);
        var rates = new Dictionary<Measure, decimal>();
        foreach (var (measure, value) in statedRates)
        {
            Preconditions.CheckArgument(measure.IsRate, nameof(statedRates), $"'{measure}' is not a rate identifier (rate.*).");
            Preconditions.CheckArgument(rates.TryAdd(measure, value), nameof(statedRates), $"Committee {committee}, period {period}: stated rate {measure} appears twice.");
        }

        return rates.Count == 0 ? result : new ProposalStatistics(committee, period, new Dictionary<Measure, Bounds>(result.counts), rates);
    }

    private static void ThrowIfAny(ValidationMode mode, List<ValidationFinding> findings)
    {
        if (mode == ValidationMode.Throw && findings.Exists(f => f.IsError))
        {
            throw new ValidationException(findings.Where(f => f.IsError).Concat(findings.Where(f => !f.IsError)));
        }
    }

    /// <summary>
    /// Returns whether two statistics are of the same committee and period with the same counts (each
    /// measure's bounds) and the same stated rates; value equality, so statistics equal themselves after a
    /// JSON round trip.
    /// </summary>
    /// <param name="other">The other statistics.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(ProposalStatistics? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Committee == other.Committee && Period == other.Period && SameEntries(counts, other.counts) && SameEntries(statedRates, other.statedRates)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ProposalStatistics);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Committee, Period, counts.Count, statedRates.Count);

    /// <summary>Formats as <c>520112 11.1+@2022: proposals.filed 176, proposals.received 178, rate.satisfaction 100% (stated)</c>, culture-invariant, measures in identifier order.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var parts = counts.OrderBy(p => p.Key).Select(p => p.Key.Id + " " + p.Value.ToString())
            .Concat(statedRates.OrderBy(p => p.Key).Select(p => p.Key.Id + " " + p.Value.ToString(CultureInfo.InvariantCulture) + "% (stated)"));
        return Committee.ToString() + " " + Period.ToString() + ": " + string.Join(", ", parts);
    }

    private static bool SameEntries<TValue>(IReadOnlyDictionary<Measure, TValue> a, IReadOnlyDictionary<Measure, TValue> b)
        where TValue : IEquatable<TValue>
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !value.Equals(other))
            {
                return false;
            }
        }

        return true;
    }
}
