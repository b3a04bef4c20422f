using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Aggregation;

/// <content>Build: validation of the rows and placement of their counts into the dataset's columns.</content>
public sealed partial class FigureDatasetBuilder
{
    /// <summary>The accepted rows from which <see cref="Build"/> places the proposal family's cells on a thread of its own, beside the other counts'.</summary>
    private const int ParallelBuildRows = 1 << 16;

    /// <summary>Validates the figures and builds the dataset.</summary>
    /// <returns>The dataset.</returns>
    /// <exception cref="ValidationException">In <see cref="ValidationMode.Throw"/>, the figures break a rule.</exception>
    public FigureDataset Build()
    {
        var index = committeeIndex;
        var duplicates = FindDuplicates();
        var snapshot = Snapshot();
        var findings = new List<ValidationFinding>();
        int rowCount = rows.Count;
        var accepted = new int[rowCount];
        int acceptedCount = 0;
        foreach (var (key, conflict) in duplicates.Conflicts)
        {
            string stated = string.Join(", ", conflict.Select(f => f.FormatAsReported() + QualifierNote(f)).Order(StringComparer.Ordinal));
            findings.Add(new ValidationFinding(
                ValidationRule.ConflictingDuplicate,
                $"{Describe(key)} is stated {conflict.Count} times with different values ({stated}); none is used.",
                key.Committee,
                key.Period,
                key.Measure));
        }

        var committeeNumbers = rows.CommitteeNumbers;
        bool anyDropped = duplicates.Any;
        for (int i = 0; i < rowCount; i++)
        {
            if (anyDropped && duplicates.IsDropped(i))
            {
                continue;
            }

            int c = committeeNumbers[i];
            if (c >= index.Count)
            {
                findings.Add(UnknownRegion(snapshot.KeyOf(i)));
                continue;
            }

            // 「37余件」, 1.5次, a negative count, a rate of 130 %: malformed, never used, whatever its scope or topic.
            // An exact whole count, or a stated rate within 0..100 %, needs no further check.
            if (!rows.IsPlainWhole(i, out _)
                && rows.ValueAt(i) is { } value
                && !(rows.UnitAt(i).IsPercent && value is >= 0m and <= 100m)
                && FigureChecks.CheckValue(snapshot.FigureAt(i), out _) is { } bad)
            {
                findings.Add(bad);
                continue;
            }

            accepted[acceptedCount] = i;
            acceptedCount++;
        }

        // The periods of the accepted figures, sorted; the builder's period numbers map onto them.
        var rowPeriods = rows.Periods;
        var used = new bool[periodList.Count];
        for (int a = 0; a < acceptedCount; a++)
        {
            used[rowPeriods[accepted[a]]] = true;
        }

        var periods = periodList.Where((_, k) => used[k]).Order().ToArray();
        var periodOf = new int[periodList.Count];
        for (int p = 0; p < periods.Length; p++)
        {
            periodOf[periodNumbers[periods[p]]] = p;
        }

        int stride = Math.Max(1, (periods.Length + Vector<byte>.Count - 1) / Vector<byte>.Count) * Vector<byte>.Count;

        // Count cells: committee-scope, topic-less figures of a count; proposal figures are resolved per committee and period
        // (ProposalCountCells). The two touch different measures' columns, so on a large build they are placed on two threads.
        using var cells = new CellColumns(measureNumbers.Count, index.Count, stride, rows);
        var placement = new Placement(accepted, acceptedCount, periodOf, periods.Length, index.Count, snapshot);
        if (acceptedCount >= ParallelBuildRows && Environment.ProcessorCount > 1)
        {
            var proposalFindings = new List<ValidationFinding>();
            var proposals = Task.Run(() => PlaceProposalCells(cells, placement, proposalFindings));
            bool countsPlaced = false;
            try
            {
                PlaceCountCells(cells, placement, findings);
                countsPlaced = true;
            }
            finally
            {
                if (!countsPlaced)
                {
                    // The counts' own exception is the one thrown; the proposals' thread must stop writing before the columns go back to the pool.
                    // Its own exception, if it had one, is observed here, so it does not surface later as an unobserved task exception.
                    ((IAsyncResult)proposals).AsyncWaitHandle.WaitOne();
                    _ = proposals.Exception;
                }
            }

            // Cells implied by stated rates may add a measure (a column): placed here, after both threads, in group order.
            foreach (var (scope, c, p, figure, measure, bounds) in proposals.GetAwaiter().GetResult())
            {
                cells.Add(scope, measureNumbers.NumberOf(measure), c, p, bounds, figure);
            }

            findings.AddRange(proposalFindings);
        }
        else
        {
            PlaceCountCells(cells, placement, findings);
            foreach (var (scope, c, p, figure, measure, bounds) in PlaceProposalCells(cells, placement, findings))
            {
                cells.Add(scope, measureNumbers.NumberOf(measure), c, p, bounds, figure);
            }
        }

        var committeeColumns = cells.Finish(FigureScope.Committee, m => measureNumbers[m], snapshot, findings);
        var regionTotalColumns = cells.Finish(FigureScope.RegionTotal, m => measureNumbers[m], snapshot, findings);
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

        return new FigureDataset(Regions, index, periods, stride, committeeColumns, regionTotalColumns, KeptFigures(snapshot, acceptedCount == rowCount ? accepted : accepted[..acceptedCount], acceptedCount), findings);
    }

    /// <summary>The rows a build placed: the accepted rows (in order of arrival), the dataset's period of each builder period number, and its sizes.</summary>
    private readonly record struct Placement(int[] Accepted, int Count, int[] PeriodOf, int PeriodCount, int Committees, FigureRows.Snapshot Snapshot);

    /// <summary>Places the cells of the counts outside the proposal family (each row its own cell), or their findings.</summary>
    private void PlaceCountCells(CellColumns cells, Placement placement, List<ValidationFinding> findings)
    {
        var rowPeriods = rows.Periods;
        var rowMeasures = rows.Measures;
        var committeeNumbers = rows.CommitteeNumbers;
        var accepted = placement.Accepted;
        for (int a = 0; a < placement.Count; a++)
        {
            int i = accepted[a];
            int m = rowMeasures[i];

            // Rates are of the proposal family (IsProposalFamily), so every row here is a count.
            if (rows.TopicAt(i) is not null || measureNumbers.IsProposalFamily(m) || !rows.HasValue(i))
            {
                continue;
            }

            AddCell(cells, rows.ScopeAt(i), m, committeeNumbers[i], placement.PeriodOf[rowPeriods[i]], i, placement.Snapshot, findings);
        }
    }

    /// <summary>
    /// Places the cells of the proposal family: the rows grouped by committee, period and scope with a counting sort (key =
    /// (c × periods + p) × 2 + scope, stable, so each group keeps the order of arrival); a group of exact whole counts that
    /// meet the chain places its rows as they are, any other goes through the analysis, whose cells are returned (in group
    /// order) for the caller to place: a count implied by a stated rate may be of a measure no figure has.
    /// </summary>
    private List<(FigureScope Scope, int Committee, int Period, Figure Figure, Measure Measure, Bounds Bounds)> PlaceProposalCells(CellColumns cells, Placement placement, List<ValidationFinding> findings)
    {
        var accepted = placement.Accepted;
        int periodCount = placement.PeriodCount;
        int keyCount = checked(placement.Committees * Math.Max(1, periodCount) * 2);
        var groupStart = new int[keyCount + 1];
        int proposalCount = 0;
        for (int a = 0; a < placement.Count; a++)
        {
            int key = ProposalKey(accepted[a], placement);
            if (key >= 0)
            {
                groupStart[key + 1]++;
                proposalCount++;
            }
        }

        for (int k = 0; k < keyCount; k++)
        {
            groupStart[k + 1] += groupStart[k];
        }

        var grouped = new int[proposalCount];
        var next = (int[])groupStart.Clone();
        for (int a = 0; a < placement.Count; a++)
        {
            int i = accepted[a];
            int key = ProposalKey(i, placement);
            if (key >= 0)
            {
                grouped[next[key]++] = i;
            }
        }

        Span<long> exact = stackalloc long[ProposalFigureAnalysis.ChainMeasures.Length];
        int measureCount = measureNumbers.Count;
        var chainIndex = new int[measureCount];
        for (int m = 0; m < measureCount; m++)
        {
            chainIndex[m] = Array.IndexOf(ProposalFigureAnalysis.ChainMeasures, measureNumbers[m]);
        }

        var rowMeasures = rows.Measures;
        var analysed = new List<(FigureScope, int, int, Figure, Measure, Bounds)>();
        for (int key = 0; key < keyCount; key++)
        {
            int from = groupStart[key];
            int to = groupStart[key + 1];
            if (from == to)
            {
                continue;
            }

            var list = new ArraySegment<int>(grouped, from, to - from);
            int c = key / 2 / periodCount;
            int p = key / 2 % periodCount;
            var scope = key % 2 == 0 ? FigureScope.Committee : FigureScope.RegionTotal;

            // The usual case, exact whole counts that meet the chain, needs no analysis: each is its own cell.
            if (TryExactCounts(list, chainIndex, exact))
            {
                foreach (int i in list)
                {
                    rows.IsPlainWhole(i, out long whole);
                    cells.AddExact(scope, rowMeasures[i], c, p, whole, i);
                }

                continue;
            }

            foreach (var (figure, measure, bounds) in ProposalCountCells(placement.Snapshot.FiguresAt(list), findings, Strict))
            {
                analysed.Add((scope, c, p, figure, measure, bounds));
            }
        }

        return analysed;
    }

    /// <summary>The group key of an accepted row of the proposal family without a topic, or -1 for any other row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ProposalKey(int i, Placement placement)
    {
        if (rows.TopicAt(i) is not null || !measureNumbers.IsProposalFamily(rows.Measures[i]))
        {
            return -1;
        }

        int p = placement.PeriodOf[rows.Periods[i]];
        return (((rows.CommitteeNumbers[i] * placement.PeriodCount) + p) * 2) + (rows.ScopeAt(i) == FigureScope.Committee ? 0 : 1);
    }

    /// <summary>The figures the dataset keeps: the objects themselves when every row came as one, else made from the rows when first asked for.</summary>
    private KeptFigures KeptFigures(FigureRows.Snapshot snapshot, int[] accepted, int count)
    {
        if (rows.AllObjects)
        {
            var objects = rows.Objects;
            var kept = new List<Figure>(count);
            for (int a = 0; a < count; a++)
            {
                kept.Add(objects[accepted[a]]!);
            }

            return new KeptFigures(kept);
        }

        return new KeptFigures(snapshot, accepted, count);
    }

    private ValidationFinding UnknownRegion(FigureKey key) =>
        new(
            ValidationRule.UnknownRegion,
            Regions.TryGet(key.Committee.Region, out var region)
                ? $"Committee {key.Committee} does not exist: region {region} is at level {region.Level}, not {key.Committee.Level}."
                : $"Committee {key.Committee}: region {key.Committee.Region} is not in the region table.",
            key.Committee,
            key.Period,
            key.Measure);

    /// <summary>Whether one committee-period's proposal figures are all exact whole counts (no 「全部」, no rate, no scaled unit) that meet the chain.</summary>
    private bool TryExactCounts(ArraySegment<int> list, int[] chainIndex, Span<long> exact)
    {
        exact.Fill(-1);
        var rowMeasures = rows.Measures;
        foreach (int i in list)
        {
            int m = rowMeasures[i];
            if (measureNumbers.IsRate(m) || !rows.IsPlainWhole(i, out long v))
            {
                return false;
            }

            if (chainIndex[m] >= 0)
            {
                exact[chainIndex[m]] = v;
            }
        }

        return ProposalFigureAnalysis.ExactChainHolds(exact);
    }

    /// <summary>Adds the cell of a row of a count that is not of the proposal family, or its finding.</summary>
    private void AddCell(CellColumns cells, FigureScope scope, int m, int c, int p, int i, FigureRows.Snapshot snapshot, List<ValidationFinding> findings)
    {
        // A value no whole count fits (「近1次」, 1.5次) or bounds beyond 64 bits: a finding naming the figure, never a raw exception.
        if (rows.IsPlainWhole(i, out long whole))
        {
            cells.AddExact(scope, m, c, p, whole, i);
            return;
        }

        var f = snapshot.FigureAt(i);
        if (f.Value is < 0)
        {
            findings.Add(new ValidationFinding(
                ValidationRule.NegativeCount,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The count {f.FormatAsReported()} is negative; counts are never negative. It is not used."),
                f.Committee,
                f.Period,
                f.Measure));
        }
        else if (FigureChecks.CheckValue(f, out var bounds) is { } problem)
        {
            findings.Add(problem);
        }
        else
        {
            cells.Add(scope, m, c, p, bounds!.Value, i);
        }
    }
}
