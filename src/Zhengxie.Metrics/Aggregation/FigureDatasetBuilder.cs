using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
/// <see cref="ValidationRule.UnitMismatch"/> (units that count the same thing, <see cref="UnitEquivalence.Default"/>,
/// add up); a figure whose value is malformed (negative, no whole count such as 「37余件」 or 1.5次, a rate
/// outside 0..100 %) is left out whatever its scope or topic. The proposal and social-conditions figures of each
/// committee, period and scope (region totals included) go through the same analysis as
/// <see cref="ProposalStatistics"/> and <see cref="FigureValidator"/>: a report whose own figures disagree (filed 20 of
/// 10 received, 20 adopted of 10 submitted) is a source inconsistency, the figures stay as published in
/// <see cref="FigureDataset.GetFigures"/> but the part of the broken relation gives no count, so no pooled rate
/// has a numerator above its denominator. With <see cref="ValidationMode.Throw"/> the first error (by committee,
/// period, measure) is thrown in a <see cref="ValidationException"/> carrying all findings (source inconsistencies
/// too when <see cref="Strict"/>); with <see cref="ValidationMode.CollectFindings"/> the offending figures are left
/// out and the findings are in <see cref="FigureDataset.Findings"/>.</para>
/// <para>A builder is not thread-safe; the dataset it builds is.</para>
/// </remarks>
public sealed class FigureDatasetBuilder
{
    // Mechanics (issue 8): figures are stored once, in order of arrival, in `items`; a topic-less figure's
    // identity is packed in one long (committee's code and level, the builder's period and measure
    // numbers, scope), so adding costs one hash of a long; measures and periods are numbered per builder
    // through identity-first look-ups, so no measure string is hashed per figure. Topic figures keep
    // the general key. The validation rules in Build are unchanged.
    private const int PeriodBits = 23;
    private const int MeasureBits = 18;

    private readonly List<Figure> items = [];
    private readonly List<int> itemPeriod = [];
    private readonly List<int> itemMeasure = [];
    private readonly Dictionary<long, int> packedSlots = [];
    private readonly Dictionary<FigureKey, int> topicSlots = [];
    private readonly Dictionary<FigureKey, List<Figure>> conflicts = [];
    private readonly HashSet<int> conflicted = [];
    private readonly MeasureNumbers measureNumbers = new();
    private readonly Dictionary<ReportingPeriod, int> periodNumbers = [];
    private readonly List<ReportingPeriod> periodList = [];
    private ReportingPeriod lastPeriod;
    private int lastPeriodNumber = -1;

    /// <summary>Creates a builder.</summary>
    /// <param name="regions">The region table committees must be in; <see cref="RegionTable.Default"/> when omitted.</param>
    /// <param name="mode">Whether bad input throws (the default) or becomes findings.</param>
    /// <param name="strict">Whether source inconsistencies (a report's own figures disagreeing) are errors too; by default they are findings and the figures are kept as published.</param>
    public FigureDatasetBuilder(RegionTable? regions = null, ValidationMode mode = ValidationMode.Throw, bool strict = false)
    {
        Preconditions.CheckArgument(mode is ValidationMode.Throw or ValidationMode.CollectFindings, nameof(mode), "Unknown validation mode.");
        Regions = regions ?? RegionTable.Default;
        Mode = mode;
        Strict = strict;
    }

    /// <summary>Gets a value indicating whether source inconsistencies are errors.</summary>
    public bool Strict { get; }

    /// <summary>Gets the region table.</summary>
    public RegionTable Regions { get; }

    /// <summary>Gets the validation mode.</summary>
    public ValidationMode Mode { get; }

    /// <summary>Gets the number of distinct figures added so far.</summary>
    public int Count => items.Count;

    /// <summary>Adds a figure.</summary>
    /// <param name="figure">The figure.</param>
    /// <returns>This builder.</returns>
    public FigureDatasetBuilder Add(Figure figure)
    {
        Preconditions.CheckNotNull(figure);
        int measure = measureNumbers.NumberOf(figure.Measure);
        int period = PeriodNumber(figure.Period);
        ref int slot = ref Unsafe.NullRef<int>();
        bool exists;
        if (figure.Topic is null && period < (1 << PeriodBits) && measure < (1 << MeasureBits))
        {
            long packed = ((long)figure.Committee.GetHashCode() << (PeriodBits + MeasureBits + 1))
                | ((long)period << (MeasureBits + 1))
                | ((long)measure << 1)
                | (long)figure.Scope;
            slot = ref CollectionsMarshal.GetValueRefOrAddDefault(packedSlots, packed, out exists);
        }
        else
        {
            slot = ref CollectionsMarshal.GetValueRefOrAddDefault(topicSlots, KeyOf(figure), out exists);
        }

        if (!exists)
        {
            slot = items.Count;
            items.Add(figure);
            itemPeriod.Add(period);
            itemMeasure.Add(measure);
            return this;
        }

        int first = slot;
        var earlier = items[first];
        if (!earlier.Equals(figure))
        {
            var key = KeyOf(figure);
            if (!conflicts.TryGetValue(key, out var list))
            {
                conflicts[key] = list = [earlier];
                conflicted.Add(first);
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
        if (figures.TryGetNonEnumeratedCount(out int n))
        {
            items.EnsureCapacity(items.Count + n);
            itemPeriod.EnsureCapacity(items.Count + n);
            itemMeasure.EnsureCapacity(items.Count + n);
            packedSlots.EnsureCapacity(items.Count + n);
        }

        if (figures is List<Figure> list)
        {
            foreach (var f in CollectionsMarshal.AsSpan(list))
            {
                Add(f);
            }

            return this;
        }

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
        var accepted = new List<(int Committee, Figure Figure)>(items.Count);
        var acceptedItem = new List<int>(items.Count);
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

        Committee lastCommittee = default;
        int lastIndex = -1;
        for (int i = 0; i < items.Count; i++)
        {
            if (conflicted.Count > 0 && conflicted.Contains(i))
            {
                continue;
            }

            var figure = items[i];
            var committee = figure.Committee;
            int c;
            if (lastIndex >= 0 && committee == lastCommittee)
            {
                c = lastIndex;
            }
            else if (index.TryGetIndex(committee, out c))
            {
                lastCommittee = committee;
                lastIndex = c;
            }
            else
            {
                var key = KeyOf(figure);
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

            if (FigureChecks.CheckValue(figure, out _) is { } bad)
            {
                // 「37余件」, 1.5次, a negative count, a rate of 130 %: malformed, never used, whatever its scope or topic.
                findings.Add(bad);
                continue;
            }

            accepted.Add((c, figure));
            acceptedItem.Add(i);
        }

        // The periods of the accepted figures, sorted; the builder's period numbers map onto them.
        var used = new bool[periodList.Count];
        foreach (int i in acceptedItem)
        {
            used[itemPeriod[i]] = true;
        }

        var periods = periodList.Where((_, k) => used[k]).Order().ToArray();
        var periodOf = new int[periodList.Count];
        for (int p = 0; p < periods.Length; p++)
        {
            periodOf[periodNumbers[periods[p]]] = p;
        }

        int stride = Math.Max(1, (periods.Length + Vector<byte>.Count - 1) / Vector<byte>.Count) * Vector<byte>.Count;

        // Count cells: committee-scope, topic-less figures of a count; proposal figures are resolved per committee and period (ProposalCountCells).
        int measureCount = measureNumbers.Count;
        var committeeCellsById = new List<Cell>?[measureCount];
        var regionTotalCellsById = new List<Cell>?[measureCount];
        var proposalFigures = new Dictionary<(int Committee, int Period, FigureScope Scope), List<Figure>>();
        for (int a = 0; a < accepted.Count; a++)
        {
            var (c, f) = accepted[a];
            int item = acceptedItem[a];
            int p = periodOf[itemPeriod[item]];
            if (f.Topic is not null)
            {
                continue;
            }

            int m = itemMeasure[item];
            if (measureNumbers.IsProposalFamily(m))
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(proposalFigures, (c, p, f.Scope), out _);
                list ??= new List<Figure>(16);
                list.Add(f);
                continue;
            }

            if (f.Value is null || measureNumbers.IsRate(m))
            {
                continue;
            }

            AddCell(f.Scope == FigureScope.Committee ? committeeCellsById : regionTotalCellsById, m, c, p, f, f.Measure, findings);
        }

        Span<long> exact = stackalloc long[ProposalFigureAnalysis.ChainMeasures.Length];
        var chainIndex = new int[measureCount];
        for (int m = 0; m < measureCount; m++)
        {
            chainIndex[m] = Array.IndexOf(ProposalFigureAnalysis.ChainMeasures, measureNumbers[m]);
        }

        foreach (var ((c, p, scope), list) in proposalFigures)
        {
            var cells = scope == FigureScope.Committee ? committeeCellsById : regionTotalCellsById;
            // The usual case, exact whole counts that meet the chain, needs no analysis: each is its own cell.
            if (TryExactCounts(list, chainIndex, exact))
            {
                foreach (var f in list)
                {
                    AddCell(cells, measureNumbers.NumberOf(f.Measure), c, p, f, f.Measure, Bounds.Exactly((long)f.Value!.Value));
                }

                continue;
            }

            foreach (var (figure, measure, bounds) in ProposalCountCells(list, findings, Strict))
            {
                // A count implied by a stated rate (25 % of 40 submitted ⇒ 10 adopted) may be of a measure no figure has.
                int n = measureNumbers.NumberOf(measure);
                if (n >= committeeCellsById.Length)
                {
                    Array.Resize(ref committeeCellsById, measureNumbers.Count);
                    Array.Resize(ref regionTotalCellsById, measureNumbers.Count);
                    cells = scope == FigureScope.Committee ? committeeCellsById : regionTotalCellsById;
                }

                AddCell(cells, n, c, p, figure, measure, bounds);
            }
        }

        var committeeCells = ByMeasure(committeeCellsById);
        var regionTotalCells = ByMeasure(regionTotalCellsById);
        var committeeColumns = BuildColumns(committeeCells, regionTotalCells, index.Count, stride, findings);
        var regionTotalColumns = BuildColumns(regionTotalCells, committeeCells, index.Count, stride, findings);
        if (Strict)
        {
            for (int i = 0; i < findings.Count; i++)
            {
                findings[i] = findings[i].AsError();
            }
        }

        findings.Sort(CompareFindings);
        if (Mode == ValidationMode.Throw && findings.Exists(f => f.IsError))
        {
            throw new ValidationException(findings.Where(f => f.IsError).Concat(findings.Where(f => !f.IsError)));
        }

        var kept = new List<Figure>(accepted.Count);
        foreach (var (_, f) in accepted)
        {
            kept.Add(f);
        }

        return new FigureDataset(Regions, index, periods, stride, committeeColumns, regionTotalColumns, kept, findings);
    }

    /// <summary>
    /// Turns one committee's proposal and social-conditions figures of one period and scope (no topic) into count
    /// cells through the same analysis as <see cref="ProposalStatistics.FromFigures(IEnumerable{Figure}, out IReadOnlyList{ValidationFinding})"/>
    /// (so the validator, the statistics and the dataset apply the same rules): 「全部办复」 takes the value of its
    /// denominator, a stated rate implies its numerator where exactly one whole number fits (78.5 % of 354 ⇒ 278 filed)
    /// under the formula variant it fits, bounds narrow through the chain received ≥ filed ≥ replied and submitted ≥
    /// adopted (「300余条」 submitted with 350 adopted is 350..399), and every problem becomes a finding. A source
    /// inconsistency keeps the figures as published, but the part of a broken relation (filed 20 of 10 received) gives
    /// no cell, so nothing pooled ever has a numerator above its denominator.
    /// </summary>
    /// <param name="figures">The committee's proposal-family, social-conditions and rate figures of one period and one scope.</param>
    /// <param name="findings">Where the analysis's findings go.</param>
    /// <param name="strict">Whether source inconsistencies are errors.</param>
    /// <returns>Each count cell: the figure it comes from (for implied counts, one that records where they were implied from), its measure and its bounds.</returns>
    internal static IEnumerable<(Figure Figure, Measure Measure, Bounds Bounds)> ProposalCountCells(IReadOnlyList<Figure> figures, List<ValidationFinding> findings, bool strict = false)
    {
        var statistics = ProposalStatistics.Build(figures[0].Committee, figures[0].Period, figures, strict, out var analysisFindings);

        // A 「全部」 figure whose denominator the committee does not state is no error: it stays in the
        // dataset (GetFigures) and gives no count, as missing is not zero. Every other finding counts.
        findings.AddRange(analysisFindings.Where(f => f.Rule != ValidationRule.MissingDenominator));
        var cells = new List<(Figure, Measure, Bounds)>(statistics.Counts.Count);
        foreach (var (measure, bounds) in statistics.Counts)
        {
            if (statistics.IsContradictedPart(measure))
            {
                continue;
            }

            var stated = figures.FirstOrDefault(f => f.Measure == measure && !f.Measure.IsRate && f.Value is not null);
            if (stated is null)
            {
                // Implied by a stated rate or 「全部」: record the count as exact, in the unit the committee's counts of that family are in.
                var rate = figures.FirstOrDefault(f => f.Measure.IsRate) ?? figures[0];
                var unit = figures.FirstOrDefault(f => !f.Measure.IsRate && f.Measure.Family == measure.Family)?.Unit ?? FigureUnit.Piece;
                stated = new Figure(rate.Committee, rate.Period, measure, bounds.IsExact ? bounds.Lower : null, unit, bounds.IsExact ? Qualifier.Exact : Qualifier.All, rate.Scope, source: rate.Source);
            }

            cells.Add((stated, measure, bounds));
        }

        return cells;
    }

    /// <summary>Whether one committee-period's proposal figures are all exact whole counts (no 「全部」, no rate, no scaled unit) that meet the chain.</summary>
    private bool TryExactCounts(List<Figure> figures, int[] chainIndex, Span<long> exact)
    {
        exact.Fill(-1);
        foreach (var f in figures)
        {
            int m = measureNumbers.NumberOf(f.Measure);
            if (f.Qualifier != Qualifier.Exact || measureNumbers.IsRate(m) || f.Value is not { } v
                || v < 0 || v > long.MaxValue || !decimal.IsInteger(v) || f.Unit.Scale != 1)
            {
                return false;
            }

            if (chainIndex[m] >= 0)
            {
                exact[chainIndex[m]] = (long)v;
            }
        }

        return ProposalFigureAnalysis.ExactChainHolds(exact);
    }

    private static bool IsProposalFamily(Measure measure) =>
        measure.IsRate || ProposalFigureAnalysis.IsCountMeasure(measure);

    private static void AddCell(List<Cell>?[] cells, int m, int c, int p, Figure f, Measure measure, List<ValidationFinding> findings)
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

        // A value no whole count fits (「近1次」, 1.5次) or bounds beyond 64 bits: a finding naming the figure, never a raw exception.
        if (IsPlainWhole(f))
        {
            AddCell(cells, m, c, p, f, measure, BoundsOf(f));
        }
        else if (FigureChecks.CheckValue(f, out var bounds) is { } problem)
        {
            findings.Add(problem);
        }
        else
        {
            AddCell(cells, m, c, p, f, measure, bounds!.Value);
        }
    }

    private static void AddCell(List<Cell>?[] cells, int m, int c, int p, Figure f, Measure measure, Bounds bounds)
    {
        (cells[m] ??= []).Add(new Cell(c, p, bounds, f));
    }

    /// <summary>The figure's bounds: an exact whole value in a unit of scale 1 directly, anything else through <see cref="Figure.Bounds"/>.</summary>
    private static Bounds BoundsOf(Figure f)
    {
        if (IsPlainWhole(f))
        {
            return Bounds.Exactly((long)f.Value!.Value);
        }

        return f.Bounds!.Value;
    }

    /// <summary>Whether the figure is an exact whole value in a unit of scale 1 that fits in a long (its bounds need no check).</summary>
    private static bool IsPlainWhole(Figure f) =>
        f.Qualifier == Qualifier.Exact && f.Value is { } v && v >= 0 && v <= long.MaxValue && decimal.IsInteger(v) && f.Unit.Scale == 1;

    private Dictionary<Measure, List<Cell>> ByMeasure(List<Cell>?[] cellsById)
    {
        var result = new Dictionary<Measure, List<Cell>>();
        for (int m = 0; m < cellsById.Length; m++)
        {
            if (cellsById[m] is { } list)
            {
                result[measureNumbers[m]] = list;
            }
        }

        return result;
    }

    private int PeriodNumber(ReportingPeriod period)
    {
        if (lastPeriodNumber >= 0 && period == lastPeriod)
        {
            return lastPeriodNumber;
        }

        ref int number = ref CollectionsMarshal.GetValueRefOrAddDefault(periodNumbers, period, out bool exists);
        if (!exists)
        {
            number = periodList.Count;
            periodList.Add(period);
        }

        lastPeriod = period;
        lastPeriodNumber = number;
        return number;
    }

    private static FigureKey KeyOf(Figure f) => new(f.Committee, f.Period, f.Measure, f.Scope, f.Topic);

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
                if (!UnitEquivalence.Default.AreEquivalent(measure, cell.Figure.Unit, unit))
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

    private readonly record struct Cell(int Committee, int Period, Bounds Bounds, Figure Figure);

    /// <summary>Numbers a builder's measures: by the identifier's reference first (figures usually share it), then by value.</summary>
    private sealed class MeasureNumbers
    {
        private readonly Dictionary<string, int> byReference = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Measure, int> byValue = [];
        private readonly List<Measure> measures = [];
        private readonly List<bool> proposalFamily = [];
        private readonly List<bool> rate = [];

        internal int Count => measures.Count;

        internal Measure this[int number] => measures[number];

        internal bool IsProposalFamily(int number) => proposalFamily[number];

        internal bool IsRate(int number) => rate[number];

        internal int NumberOf(Measure measure)
        {
            string id = measure.Id;
            if (byReference.TryGetValue(id, out int number))
            {
                return number;
            }

            ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(byValue, measure, out bool exists);
            if (!exists)
            {
                slot = measures.Count;
                measures.Add(measure);
                proposalFamily.Add(FigureDatasetBuilder.IsProposalFamily(measure));
                rate.Add(measure.IsRate);
            }

            number = slot;
            if (byReference.Count < 4096)
            {
                byReference[id] = number;
            }

            return number;
        }
    }
}

/// <summary>The identity of a figure in a dataset: no two figures share it.</summary>
internal readonly record struct FigureKey(Committee Committee, ReportingPeriod Period, Measure Measure, FigureScope Scope, string? Topic);
