using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Utility;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// Builds a <see cref="FigureDataset"/>: add figures in any order and in any number of calls, then
/// <see cref="Build"/> validates them all at once. The result does not depend on the order of the figures
/// or on how they were split into calls.
/// </summary>
/// <remarks>
/// <para>Validation: a committee not in the region table (or not at its region's level) is
/// <see cref="ValidationRule.UnknownRegion"/>; the same committee, period, measure, scope and topic twice
/// with different values is <see cref="ValidationRule.ConflictingDuplicate"/> (the same figure twice is
/// kept once); figures of one measure in units that do not add up (件 and 次) are
/// <see cref="ValidationRule.UnitMismatch"/>; a negative count is <see cref="ValidationRule.NegativeCount"/>.
/// With <see cref="ValidationMode.Throw"/> the first problem (by committee, period, measure) is thrown in
/// a <see cref="ValidationException"/> carrying all of them; with
/// <see cref="ValidationMode.CollectFindings"/> the offending figures are left out and the findings are in
/// <see cref="FigureDataset.Findings"/>.</para>
/// <para>A builder is not thread-safe; the dataset it builds is.</para>
/// </remarks>
public sealed class FigureDatasetBuilder
{
    private readonly Dictionary<FigureKey, Figure> figures = [];
    private readonly Dictionary<FigureKey, List<Figure>> conflicts = [];

    /// <summary>Creates a builder.</summary>
    /// <param name="regions">The region table committees must be in; <see cref="RegionTable.Default"/> when omitted.</param>
    /// <param name="mode">Whether bad input throws (the default) or becomes findings.</param>
    public FigureDatasetBuilder(RegionTable? regions = null, ValidationMode mode = ValidationMode.Throw)
    {
        Preconditions.CheckArgument(Enum.IsDefined(mode), nameof(mode), "Unknown validation mode.");
        Regions = regions ?? RegionTable.Default;
        Mode = mode;
    }

    /// <summary>Gets the region table.</summary>
    public RegionTable Regions { get; }

    /// <summary>Gets the validation mode.</summary>
    public ValidationMode Mode { get; }

    /// <summary>Gets the number of distinct figures added so far.</summary>
    public int Count => figures.Count;

    /// <summary>Adds a figure.</summary>
    /// <param name="figure">The figure.</param>
    /// <returns>This builder.</returns>
    public FigureDatasetBuilder Add(Figure figure)
    {
        Preconditions.CheckNotNull(figure);
        var key = new FigureKey(figure.Committee, figure.Period, figure.Measure, figure.Scope, figure.Topic);
        if (!figures.TryAdd(key, figure) && !figures[key].Equals(figure))
        {
            if (!conflicts.TryGetValue(key, out var list))
            {
                conflicts[key] = list = [figures[key]];
            }

            if (!list.Contains(figure))
            {
                list.Add(figure);
            }
        }

        return this;
    }

    /// <summary>Adds figures.</summary>
    /// <param name="figures">The figures.</param>
    /// <returns>This builder.</returns>
    public FigureDatasetBuilder AddRange(IEnumerable<Figure> figures)
    {
        Preconditions.CheckNotNull(figures);
        foreach (var f in figures)
        {
            Add(f);
        }

        return this;
    }

    /// <summary>Validates the figures and builds the dataset.</summary>
    /// <returns>The dataset.</returns>
    /// <exception cref="ValidationException">In <see cref="ValidationMode.Throw"/>, the figures break a rule.</exception>
    public FigureDataset Build()
    {
        var index = CommitteeIndex.For(Regions);
        var findings = new List<ValidationFinding>();
        var accepted = new List<(int Committee, Figure Figure)>(figures.Count);
        foreach (var (key, conflict) in conflicts)
        {
            string values = string.Join(", ", conflict.Select(f => f.FormatAsReported() + QualifierNote(f)).Order(StringComparer.Ordinal));
            findings.Add(new ValidationFinding(
                ValidationRule.ConflictingDuplicate,
                $"{Describe(key)} is stated {conflict.Count} times with different values ({values}); none is used.",
                key.Committee,
                key.Period,
                key.Measure));
        }

        foreach (var (key, figure) in figures)
        {
            if (conflicts.ContainsKey(key))
            {
                continue;
            }

            if (!index.TryGetIndex(key.Committee, out int c))
            {
                findings.Add(new ValidationFinding(
                    ValidationRule.UnknownRegion,
                    Regions.TryGet(key.Committee.Region, out var region)
                        ? $"Committee {key.Committee} does not exist: region {region} is at level {region.Level}, not {key.Committee.Level}."
                        : $"Committee {key.Committee}: region {key.Committee.Region} is not in the region table.",
                    key.Committee,
                    key.Period,
                    key.Measure));
                continue;
            }

            accepted.Add((c, figure));
        }

        var periods = accepted.Select(a => a.Figure.Period).Distinct().Order().ToArray();
        var periodIndex = new Dictionary<ReportingPeriod, int>(periods.Length);
        for (int p = 0; p < periods.Length; p++)
        {
            periodIndex[periods[p]] = p;
        }

        int stride = Math.Max(1, (periods.Length + Vector<byte>.Count - 1) / Vector<byte>.Count) * Vector<byte>.Count;

        // Count cells: committee-scope, topic-less figures of a count; proposal figures are resolved per committee and period (ProposalCountCells).
        var committeeCells = new Dictionary<Measure, List<Cell>>();
        var regionTotalCells = new Dictionary<Measure, List<Cell>>();
        var proposalFigures = new Dictionary<(int Committee, int Period), List<Figure>>();
        foreach (var (c, f) in accepted)
        {
            int p = periodIndex[f.Period];
            if (f.Topic is not null)
            {
                continue;
            }

            if (f.Scope == FigureScope.Committee && IsProposalFamily(f.Measure))
            {
                var k = (c, p);
                if (!proposalFigures.TryGetValue(k, out var list))
                {
                    proposalFigures[k] = list = [];
                }

                list.Add(f);
                continue;
            }

            if (f.Qualifier is Qualifier.All or Qualifier.PercentReported || f.Measure.IsRate)
            {
                continue;
            }

            AddCell(f.Scope == FigureScope.Committee ? committeeCells : regionTotalCells, c, p, f, f.Measure, findings);
        }

        foreach (var ((c, p), list) in proposalFigures)
        {
            foreach (var (figure, measure, bounds) in ProposalCountCells(list, findings))
            {
                AddCell(committeeCells, c, p, figure, measure, bounds);
            }
        }

        var committeeColumns = BuildColumns(committeeCells, regionTotalCells, index.Count, stride, findings);
        var regionTotalColumns = BuildColumns(regionTotalCells, committeeCells, index.Count, stride, findings);
        findings.Sort(CompareFindings);
        if (Mode == ValidationMode.Throw && findings.Count > 0)
        {
            throw new ValidationException(findings);
        }

        var kept = accepted.Select(a => a.Figure).ToList();
        return new FigureDataset(Regions, index, periods, stride, committeeColumns, regionTotalColumns, kept, findings);
    }

    /// <summary>
    /// Turns one committee's proposal figures of one period (committee scope, no topic) into count
    /// cells through <see cref="ProposalStatistics.FromFigures(IEnumerable{Figure}, out IReadOnlyList{ValidationFinding})"/>,
    /// the same analysis as for a single committee: 「全部办复」 takes the value of its denominator, a stated
    /// rate implies its numerator where exactly one whole number fits (78.5 % of 354 ⇒ 278 filed), bounds
    /// narrow through the chain received ≥ filed ≥ replied, and every contradiction becomes a finding
    /// (the counts it involves are left out).
    /// </summary>
    /// <param name="figures">The committee's proposal-family and rate figures of one period.</param>
    /// <param name="findings">Where the analysis's findings go.</param>
    /// <returns>Each count cell: the figure it comes from (for implied counts, one that records where they were implied from), its measure and its bounds.</returns>
    internal static IEnumerable<(Figure Figure, Measure Measure, Bounds Bounds)> ProposalCountCells(IReadOnlyList<Figure> figures, List<ValidationFinding> findings)
    {
        var statistics = ProposalStatistics.FromFigures(figures, out var analysisFindings);

        // A 「全部」 figure whose denominator the committee does not state is no error: it stays in the
        // dataset (GetFigures) and gives no count, as missing is not zero. Every other finding counts.
        findings.AddRange(analysisFindings.Where(f => f.Rule != ValidationRule.MissingDenominator));
        var cells = new List<(Figure, Measure, Bounds)>(statistics.Counts.Count);
        foreach (var (measure, bounds) in statistics.Counts)
        {
            var stated = figures.FirstOrDefault(f => f.Measure == measure && !f.Measure.IsRate);
            if (stated is null)
            {
                // Implied by a stated rate: record the count as exact, in the unit the committee's proposals are counted in.
                var rate = figures.First(f => f.Measure.IsRate);
                var unit = figures.FirstOrDefault(f => !f.Measure.IsRate)?.Unit ?? FigureUnit.Piece;
                stated = new Figure(rate.Committee, rate.Period, measure, bounds.IsExact ? bounds.Lower : null, unit, bounds.IsExact ? Qualifier.Exact : Qualifier.All, source: rate.Source);
            }

            cells.Add((stated, measure, bounds));
        }

        return cells;
    }

    private static bool IsProposalFamily(Measure measure) =>
        measure.IsRate || string.Equals(measure.Family, "proposals", StringComparison.Ordinal);

    private static void AddCell(Dictionary<Measure, List<Cell>> cells, int c, int p, Figure f, Measure measure, List<ValidationFinding> findings)
    {
        if (f.Value is < 0)
        {
            findings.Add(new ValidationFinding(
                ValidationRule.NegativeCount,
                string.Create(CultureInfo.InvariantCulture, $"The count {f.FormatAsReported()} is negative; counts are never negative. It is not used."),
                f.Committee,
                f.Period,
                measure));
            return;
        }

        AddCell(cells, c, p, f, measure, f.Bounds!.Value);
    }

    private static void AddCell(Dictionary<Measure, List<Cell>> cells, int c, int p, Figure f, Measure measure, Bounds bounds)
    {
        if (!cells.TryGetValue(measure, out var list))
        {
            cells[measure] = list = [];
        }

        list.Add(new Cell(c, p, bounds, f));
    }

    private static Dictionary<Measure, CountColumn> BuildColumns(
        Dictionary<Measure, List<Cell>> cells,
        Dictionary<Measure, List<Cell>> otherScope,
        int committees,
        int stride,
        List<ValidationFinding> findings)
    {
        var columns = new Dictionary<Measure, CountColumn>(cells.Count);
        foreach (var (measure, list) in cells)
        {
            // The column's unit is that of the first cell (by committee, then period) over both scopes: order-independent.
            var first = list.MinBy(x => (x.Committee, x.Period))!;
            if (otherScope.TryGetValue(measure, out var other) && other.Count > 0)
            {
                var o = other.MinBy(x => (x.Committee, x.Period))!;
                if ((o.Committee, o.Period).CompareTo((first.Committee, first.Period)) < 0)
                {
                    first = o;
                }
            }

            var unit = first.Figure.Unit;
            var values = new long[committees * stride];
            var present = new byte[committees * stride];
            var qualified = new List<QualifiedCell>();
            long max = 0;
            int count = 0;
            foreach (var cell in list)
            {
                if (!cell.Figure.Unit.IsCompatibleWith(unit))
                {
                    findings.Add(new ValidationFinding(
                        ValidationRule.UnitMismatch,
                        $"The figure {cell.Figure.FormatAsReported()} is in {cell.Figure.Unit.BaseSymbol}, but {measure} is counted in {unit.BaseSymbol} (as {first.Figure.Committee} states it for {first.Figure.Period}); it is not used.",
                        cell.Figure.Committee,
                        cell.Figure.Period,
                        measure));
                    continue;
                }

                int i = (cell.Committee * stride) + cell.Period;
                values[i] = cell.Bounds.Lower;
                present[i] = 1;
                max = Math.Max(max, cell.Bounds.Upper ?? cell.Bounds.Lower);
                count++;
                if (!cell.Bounds.IsExact)
                {
                    qualified.Add(new QualifiedCell(i, cell.Bounds.Width ?? -1));
                }
            }

            var q = qualified.ToArray();
            Array.Sort(q, QualifiedCell.ByCell);
            columns[measure] = new CountColumn(measure, unit.BaseSymbol, values, present, q, max, count);
        }

        return columns;
    }

    private static int CompareFindings(ValidationFinding a, ValidationFinding b)
    {
        int c = Nullable.Compare(a.Committee, b.Committee);
        if (c == 0)
        {
            c = Nullable.Compare(a.Period, b.Period);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Measure?.Id, b.Measure?.Id);
        }

        if (c == 0)
        {
            c = a.Rule.CompareTo(b.Rule);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }

    private static string QualifierNote(Figure f) => f.Qualifier == Qualifier.Exact ? string.Empty : " (" + QualifierText.ToWord(f.Qualifier) + ")";

    private static string Describe(FigureKey key) =>
        $"Committee {key.Committee}, period {key.Period}, measure {key.Measure}"
        + (key.Scope == FigureScope.RegionTotal ? " (region_total)" : string.Empty)
        + (key.Topic is null ? string.Empty : " [" + key.Topic + "]");

    private sealed record Cell(int Committee, int Period, Bounds Bounds, Figure Figure);
}

/// <summary>The identity of a figure in a dataset: no two figures share it.</summary>
internal readonly record struct FigureKey(Committee Committee, ReportingPeriod Period, Measure Measure, FigureScope Scope, string? Topic);
