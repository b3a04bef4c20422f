using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Validation;

/// <summary>
/// Checks a set of figures (of any committees and periods) against the rules of docs/domain.md's "what bad
/// input is". Each finding names the committee, the period, the measure and the values involved.
/// </summary>
/// <remarks>
/// <para>The rules:</para>
/// <list type="bullet">
/// <item>Per figure: a negative count (<see cref="ValidationRule.NegativeCount"/>), a value that is no
/// whole count (<see cref="ValidationRule.InvalidValue"/>), a stated rate outside 0..100 %
/// (<see cref="ValidationRule.RateOutOfRange"/>).</item>
/// <item>Per committee, period, measure, scope and topic: figures with different values
/// (<see cref="ValidationRule.ConflictingDuplicate"/>), or in units that do not add up
/// (<see cref="ValidationRule.UnitMismatch"/>, which wins when both apply). Identical figures (same value,
/// unit and qualifier; the source does not count) are allowed and collapse into one: a report often
/// states one figure twice, and loaders may read it twice.</item>
/// <item>Per committee, period and measure: figures in units that do not add up across topics and
/// scopes (<see cref="ValidationRule.UnitMismatch"/>). Different committees may print one measure in
/// different units (篇 and 篇次); adding those is refused where figures are added, not here.</item>
/// <item>Per committee, period and scope, over the figures without a topic: the proposal chain of
/// <see cref="ProposalStatistics"/> (filed &gt; received, replied &gt; filed, outcome_a + outcome_b +
/// outcome_c &gt; replied, other counts above their bound), stated rates that contradict the counts, and
/// 「全部」 with no denominator.</item>
/// <item>Breakdowns (<see cref="ValidationRule.BreakdownExceedsTotal"/>): the direct child measures of
/// a stated total (<c>activity.consultation.counterpart</c>, … under <c>activity.consultation</c>), without
/// a topic, in the same scope and in a unit that adds up with the total's, whose lower bounds add up to
/// more than the total's upper bound (永嘉: 12 + 12 + 29 + 22 against 75 is fine); and a topic figure whose
/// lower bound exceeds the upper bound of the total of its measure (topic figures are parts, but not
/// necessarily disjoint ones, so they are not summed). Children in other units (嵊州's reading participants
/// in 人次 under 75 reading events) are attributes, not parts, and are not compared.</item>
/// <item>With a region table: a committee whose code the table does not hold
/// (<see cref="ValidationRule.UnknownRegion"/>), or whose level differs from the table's level for the
/// code, so that it would sit under the wrong parent (<see cref="ValidationRule.RegionUnderWrongParent"/>).</item>
/// </list>
/// <para>A region_total figure summed with its own parts is a problem of aggregation and is reported there.</para>
/// <para>Each finding has a <see cref="ValidationFinding.Severity"/>: malformed input (a negative count, a value that
/// is no whole count, a rate outside 0..100 %, an unknown region or level, one figure twice with different values)
/// is an <see cref="FindingSeverity.Error"/>; figures of one report that disagree with each other (the chain, a
/// breakdown above its total, a stated rate that fits no formula variant, 「全部」 with a count other than its
/// denominator or with nothing to refer to, one measure in units that do not add up) are a
/// <see cref="FindingSeverity.SourceInconsistency"/>, unless the caller asks for strict validation. Units that count
/// the same thing (<see cref="UnitEquivalence.Default"/>: 家 and 个, 名 and 人, 次 and 场次 for activities) add up.</para>
/// </remarks>
public static partial class FigureValidator
{
    /// <summary>Returns every problem found in the figures, ordered by committee, period and measure as found.</summary>
    /// <param name="figures">The figures.</param>
    /// <param name="regions">The region table to check committees against, or <see langword="null"/> to skip those checks.</param>
    /// <param name="strict">Whether source inconsistencies (the report's own figures disagreeing) are errors; by default they are
    /// findings of severity <see cref="FindingSeverity.SourceInconsistency"/>.</param>
    /// <returns>The findings (errors and source inconsistencies); empty when the figures are valid and consistent.</returns>
    public static IReadOnlyList<ValidationFinding> Validate(IEnumerable<Figure> figures, RegionTable? regions = null, bool strict = false) =>
        Validate(figures, regions, strict, generalOnly: false);

    /// <summary><see cref="Validate(IEnumerable{Figure}, RegionTable?, bool)"/>; with <paramref name="generalOnly"/>, every committee-period through the general checks (for tests: the fast path must find the same).</summary>
    internal static IReadOnlyList<ValidationFinding> Validate(IEnumerable<Figure> figures, RegionTable? regions, bool strict, bool generalOnly)
    {
        Preconditions.CheckNotNull(figures);
        var list = figures.ToArray();
        Preconditions.CheckArgument(Array.IndexOf(list, null) < 0, nameof(figures), "A figure is null.");
        var findings = new List<ValidationFinding>();
        var pass = new Pass(list, regions, findings, generalOnly);
        pass.Run();
        return Finish(findings, strict);
    }

    /// <summary>
    /// Returns every problem found in figures given as columns, without a <see cref="Figure"/> per row: exactly the
    /// findings, in the same order, of <see cref="Validate(IEnumerable{Figure}, RegionTable?, bool)"/> on the
    /// <see cref="Figure"/>s the rows describe. A <see cref="Figure"/> is made only for the rows of a committee-period
    /// the general checks read (a measure stated twice, topics, qualified values, a broken chain) and for a finding's text.
    /// </summary>
    /// <param name="columns">The figures as columns (see <see cref="FigureColumns"/>; a blank topic is none).</param>
    /// <param name="regions">The region table to check committees against, or <see langword="null"/> to skip those checks.</param>
    /// <param name="strict">Whether source inconsistencies are errors.</param>
    /// <returns>The findings (errors and source inconsistencies); empty when the figures are valid and consistent.</returns>
    /// <exception cref="ArgumentException">The columns differ in length, or a row does not make a figure (the message names its row index, then says what the <see cref="Figure"/> constructor says).</exception>
    public static IReadOnlyList<ValidationFinding> Validate(FigureColumns columns, RegionTable? regions = null, bool strict = false)
    {
        CheckColumns(columns);
        var findings = new List<ValidationFinding>();
        var pass = new Pass(columns, regions, findings);
        pass.Run();
        return Finish(findings, strict);
    }

    /// <summary>Checks that the columns have one element per row and that every row makes a <see cref="Figure"/>.</summary>
    private static void CheckColumns(FigureColumns columns)
    {
        int n = columns.Length;
        ReadOnlySpan<(string Name, int Length, bool Optional)> lengths =
        [
            ("periods", columns.Periods.Length, false),
            ("measures", columns.Measures.Length, false),
            ("values", columns.Values.Length, false),
            ("units", columns.Units.Length, false),
            ("qualifiers", columns.Qualifiers.Length, true),
            ("scopes", columns.Scopes.Length, true),
            ("topics", columns.Topics.Length, true),
            ("sources", columns.Sources.Length, true),
        ];
        foreach (var (name, length, optional) in lengths)
        {
            if (length != n && !(optional && length == 0))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The column {name} has {length} elements; the committees column has {n}. Every column has one element per figure."),
                    nameof(columns));
            }
        }

        var qualifiers = columns.Qualifiers;
        var scopes = columns.Scopes;
        for (int i = 0; i < n; i++)
        {
            var qualifier = qualifiers.IsEmpty ? Qualifier.Exact : qualifiers[i];
            var scope = scopes.IsEmpty ? FigureScope.Committee : scopes[i];
            var measure = columns.Measures[i];
            var unit = columns.Units[i];
            decimal? value = columns.Values[i];
            bool makes = !columns.Committees[i].IsDefault && !columns.Periods[i].IsDefault && !measure.IsDefault && !string.IsNullOrEmpty(unit.Symbol)
                && qualifier is >= Qualifier.Exact and <= Qualifier.PercentReported && scope is FigureScope.Committee or FigureScope.RegionTotal
                && (value is not null || qualifier == Qualifier.All)
                && (measure.IsRate
                    ? unit.IsPercent && qualifier is Qualifier.PercentReported or Qualifier.AtLeast or Qualifier.MoreThan or Qualifier.Nearly or Qualifier.About
                    : !unit.IsPercent && qualifier != Qualifier.PercentReported);
            if (makes)
            {
                continue;
            }

            try
            {
                _ = new Figure(columns.Committees[i], columns.Periods[i], measure, value, unit, qualifier, scope);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Row {i} does not make a figure: {e.Message}"), nameof(columns), e);
            }
        }
    }

    /// <summary>Merges the pass's findings as <see cref="Validate(IEnumerable{Figure}, RegionTable?, bool)"/> documents.</summary>
    private static ReadOnlyCollection<ValidationFinding> Finish(List<ValidationFinding> findings, bool strict)
    {
        // One unit mismatch per committee, period and measure, however many topics show it.
        var mismatches = new HashSet<(Committee?, ReportingPeriod?, Measure?)>();
        return findings
            .Distinct()
            .Where(f => f.Rule != ValidationRule.UnitMismatch || mismatches.Add((f.Committee, f.Period, f.Measure)))
            .Select(f => strict ? f.AsError() : f)
            .ToList()
            .AsReadOnly();
    }

    /// <summary>Throws when the figures break a rule that is an error (with <paramref name="strict"/>, also on a source inconsistency).</summary>
    /// <param name="figures">The figures.</param>
    /// <param name="regions">The region table to check committees against, or <see langword="null"/> to skip those checks.</param>
    /// <param name="strict">Whether source inconsistencies are errors.</param>
    /// <exception cref="ValidationException">A rule is broken; the message is the first error, and <see cref="ValidationException.Findings"/> holds every finding, errors first.</exception>
    public static void ThrowIfInvalid(IEnumerable<Figure> figures, RegionTable? regions = null, bool strict = false)
    {
        var findings = Validate(figures, regions, strict);
        if (findings.Any(f => f.IsError))
        {
            throw new ValidationException(findings.Where(f => f.IsError).Concat(findings.Where(f => !f.IsError)));
        }
    }

    /// <summary>The checks of figures with the same committee, period, measure, scope and topic, and of one measure's units.</summary>
    private static void CheckDuplicatesAndUnits(Committee committee, ReportingPeriod period, List<Figure> figs, List<ValidationFinding> findings)
    {
        foreach (var sameKey in figs.GroupBy(f => (f.Measure, f.Scope, f.Topic)))
        {
            if (FigureChecks.CheckDuplicates(sameKey.ToList()) is { } finding)
            {
                findings.Add(finding);
            }
        }

        foreach (var sameMeasure in figs.GroupBy(f => f.Measure))
        {
            var units = sameMeasure.Select(f => f.Unit).Distinct().ToList();
            if (units.Exists(u => !UnitEquivalence.Default.AreEquivalent(sameMeasure.Key, u, units[0])))
            {
                findings.Add(FigureChecks.Finding(
                    ValidationRule.UnitMismatch,
                    committee,
                    period,
                    sameMeasure.Key,
                    "the measure is stated in units that do not add up (" + string.Join(", ", sameMeasure.Select(f => f.FormatAsReported())) + ")."));
            }
        }
    }

    private static void CheckRegion(Committee committee, ReportingPeriod period, RegionTable regions, List<ValidationFinding> findings)
    {
        if (!regions.TryGet(committee.Region, out var region))
        {
            findings.Add(new ValidationFinding(
                ValidationRule.UnknownRegion,
                string.Create(CultureInfo.InvariantCulture, $"the region code {committee.Region} is not in the region table."),
                committee,
                period));
            return;
        }

        if (region.Level != committee.Level)
        {
            string parent = region.ParentCode is { } p ? p.ToString() : "none";
            findings.Add(new ValidationFinding(
                ValidationRule.RegionUnderWrongParent,
                string.Create(CultureInfo.InvariantCulture, $"the committee {committee} is at level {committee.Level}, but the region table has {region} at level {region.Level} under parent {parent}."),
                committee,
                period));
        }
    }

    private static void CheckBreakdowns(List<Figure> figures, List<ValidationFinding> findings)
    {
        var totals = figures
            .Where(f => f.Topic is null && !f.Measure.IsRate && f.Value is not null)
            .GroupBy(f => f.Measure)
            .Where(g => g.Distinct().Count() == 1)
            .Select(g => g.First())
            .ToList();
        var valid = new Dictionary<Measure, (Figure Figure, Bounds Bounds)>();
        foreach (var f in totals)
        {
            if (FigureChecks.CheckValue(f, out var b) is null && b is { } bounds)
            {
                valid[f.Measure] = (f, bounds);
            }
        }

        // Each measure's parent once (Measure.Parent makes a new string each time), not once per pair.
        var parents = new Dictionary<Measure, Measure?>(valid.Count);
        foreach (var m in valid.Keys)
        {
            parents[m] = m.Parent;
        }

        foreach (var (measure, (total, totalBounds)) in valid.OrderBy(kv => kv.Key))
        {
            if (!totalBounds.HasUpperBound)
            {
                continue;
            }

            long upper = totalBounds.Upper!.Value;
            var children = valid.Values
                .Where(c => parents[c.Figure.Measure] == measure && UnitEquivalence.Default.AreEquivalent(measure, c.Figure.Unit, total.Unit))
                .OrderBy(c => c.Figure.Measure)
                .ToList();
            if (children.Count > 0)
            {
                // Summed in 128 bits: parts near 2^63 (9223372036854775807) add up beyond a long without overflowing here.
                Int128 sumLower = 0;
                foreach (var c in children)
                {
                    sumLower += c.Bounds.Lower;
                }

                if (sumLower > upper)
                {
                    string parts = string.Join(" + ", children.Select(c => c.Figure.Measure.Id + " = " + c.Figure.FormatAsReported()));
                    findings.Add(FigureChecks.Finding(
                        ValidationRule.BreakdownExceedsTotal,
                        total,
                        string.Create(CultureInfo.InvariantCulture, $"the parts {parts} add up to at least {sumLower}, more than the total {total.FormatAsReported()} ({totalBounds}).")));
                }
            }

            foreach (var part in figures.Where(f => f.Topic is not null && f.Measure == measure && UnitEquivalence.Default.AreEquivalent(measure, f.Unit, total.Unit)))
            {
                if (FigureChecks.CheckValue(part, out var b) is null && b is { } partBounds && partBounds.Lower > upper)
                {
                    findings.Add(FigureChecks.Finding(
                        ValidationRule.BreakdownExceedsTotal,
                        total,
                        string.Create(CultureInfo.InvariantCulture, $"the part on topic '{part.Topic}' ({part.FormatAsReported()}) exceeds the total {total.FormatAsReported()} ({totalBounds}).")));
                }
            }
        }
    }
}
