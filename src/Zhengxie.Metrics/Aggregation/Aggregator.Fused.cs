using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace Zhengxie.Metrics.Aggregation;

// The fused path: one blocked pass over the leaves' runs for every measure and rate, when no sum can overflow.
internal static partial class Aggregator
{
    /// <summary>
    /// The fused path, when every bucket is at most one period and no sum can overflow (every column
    /// <see cref="CountColumn.CanSumUnchecked"/>, every rate <see cref="RateIsSafe"/>): one pass over
    /// the leaves' runs of committees computes, per leaf and period, every measure's sum and count and
    /// every rate's pooled numerator, denominator and contributors (masked vector sums over the
    /// committees that report every count of the rate, read while the run's rows are still in cache);
    /// then each group's row is the vector sum of its leaves' blocks, written once. Qualified cells
    /// (sparse) add their widths to the groups holding them. Returns <see langword="false"/> when the
    /// general path must run instead.
    /// </summary>
    private static bool TryRunFused(Context ctx, Measure[] measures, RateDefinition[] rates, Func<Measure, CountColumn?> columnOf, MeasureColumn[] measureColumns, RateColumn[] rateColumns)
    {
        int m = measures.Length;
        int rc = rates.Length;
        var measureCols = new CountColumn?[m];
        for (int j = 0; j < m; j++)
        {
            measureCols[j] = columnOf(measures[j]);
            if (measureCols[j] is { CanSumUnchecked: false })
            {
                return false;
            }
        }

        var rateCols = new CountColumn[rc][];
        for (int k = 0; k < rc; k++)
        {
            var all = rates[k].Numerator.Append(rates[k].Denominator).Select(columnOf).ToArray();
            if (Array.TrueForAll(all, c => c is not null))
            {
                rateCols[k] = all!;
                if (!RateIsSafe(rateCols[k]))
                {
                    return false;
                }
            }
        }

        for (int j = 0; j < m; j++)
        {
            measureColumns[j] = new MeasureColumn(j, j, measures[j], measureCols[j]?.Unit ?? string.Empty);
        }

        for (int k = 0; k < rc; k++)
        {
            rateColumns[k] = new RateColumn(m + k, k, rates[k]);
        }

        // Two partitions of the columns, run on two threads when the work is large enough: the rates
        // with the measure columns they read (so a block's rows are re-read from that core's cache),
        // the other measures on the other side, balanced by weight. Every output element is written by
        // one thread in the same order as single-threaded, so the results are identical.
        var inA = new bool[m];
        var used = new HashSet<CountColumn>(rateCols.Where(c => c is not null).SelectMany(c => c!));
        double weightA = 0, weightB = 0;
        for (int j = 0; j < m; j++)
        {
            if (measureCols[j] is { } col)
            {
                inA[j] = !used.Contains(col);
                weightA += inA[j] ? 1 : 0;
                weightB += inA[j] ? 0 : 1;
            }
        }

        weightB += rateCols.Count(c => c is not null) * RateWeight;
        for (int j = m - 1; j >= 0 && Math.Abs(weightA - weightB) > 1; j--)
        {
            if (measureCols[j] is not null && inA[j] == (weightA > weightB))
            {
                weightA += inA[j] ? -1 : 1;
                weightB += inA[j] ? 1 : -1;
                inA[j] = !inA[j];
            }
        }

        var partA = Enumerable.Range(0, m).Where(j => measureCols[j] is not null && inA[j]).ToArray();
        var partB = Enumerable.Range(0, m).Where(j => measureCols[j] is not null && !inA[j]).ToArray();
        var ratesB = Enumerable.Range(0, rc).Where(k => rateCols[k] is not null).ToArray();
        long cells = (long)ctx.Dataset.Index.Count * ctx.Stride * (partA.Length + partB.Length + ratesB.Length);
        if (cells >= ParallelCells && partA.Length > 0 && Environment.ProcessorCount > 1)
        {
            Parallel.Invoke(
                () => RunPartition(ctx, measureCols, rateCols, partA, []),
                () => RunPartition(ctx, measureCols, rateCols, partB, ratesB));
        }
        else
        {
            RunPartition(ctx, measureCols, rateCols, partA.Concat(partB).Order().ToArray(), ratesB);
        }

        FinishFused(ctx, measureCols, rates, rateCols);
        return true;
    }

    /// <summary>
    /// The fused pass over some measure columns and rates. Blocks of consecutive runs, about
    /// <see cref="BlockRows"/> committees each: within a block each column is read as one sequential
    /// stretch (which the hardware prefetcher follows), and the rates then re-read their columns'
    /// stretches from cache. Each run's sums are added straight into the rows of the groups holding its
    /// leaf (the table starts zeroed), so there is no per-leaf scratch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunPartition(Context ctx, CountColumn?[] measureCols, CountColumn[]?[] rateCols, int[] measureItems, int[] rateItems)
    {
        var r = ctx.Result;
        var plan = ctx.Plan;
        var leafGroups = plan.LeafGroups;
        int s = ctx.Stride;
        int rows = ctx.Rows;
        int b = ctx.Buckets.Length;
        bool small = s <= 512;
        Span<long> sum = small ? stackalloc long[s] : new long[s];
        Span<long> sum2 = small ? stackalloc long[s] : new long[s];
        Span<int> count = small ? stackalloc int[s] : new int[s];
        var runs = plan.Runs;
        for (int first = 0; first < runs.Length;)
        {
            int last = first;
            int rowsInBlock = 0;
            while (last < runs.Length && (rowsInBlock < BlockRows || last == first))
            {
                rowsInBlock += runs[last++].Length;
            }

            foreach (int j in measureItems)
            {
                SumColumnBlock(ctx, measureCols[j]!, first, last, j * rows, sum, count);
            }

            foreach (int k in rateItems)
            {
                var all = rateCols[k]!;
                int column = k * rows;
                for (int i = first; i < last; i++)
                {
                    var run = runs[i];
                    sum.Clear();
                    sum2.Clear();
                    count.Clear();
                    AddMaskedRows(all, run.Start, run.Length, s, sum, sum2, count);
                    foreach (int g in leafGroups[run.Leaf])
                    {
                        AddToRow(ctx, r.NumeratorLower, column + (g * b), sum);
                        AddToRow(ctx, r.DenominatorLower, column + (g * b), sum2);
                        AddToRow(ctx, r.RateContributors, column + (g * b), count);
                    }
                }
            }

            first = last;
        }
    }

    /// <summary>Sums one measure column over the runs <paramref name="first"/>..<paramref name="last"/> and adds each run's sums and counts to the rows of its leaf's groups.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SumColumnBlock(Context ctx, CountColumn col, int first, int last, int column, Span<long> sum, Span<int> count)
    {
        var r = ctx.Result;
        var runs = ctx.Plan.Runs;
        var leafGroups = ctx.Plan.LeafGroups;
        int s = ctx.Stride;
        int b = ctx.Buckets.Length;
        var values = MemoryMarshal.Cast<long, Vector<long>>(col.Values.AsSpan());
        var present = MemoryMarshal.Cast<byte, Vector<byte>>(col.Present.AsSpan());
        var sums = MemoryMarshal.Cast<long, Vector<long>>(sum);
        for (int i = first; i < last; i++)
        {
            var run = runs[i];
            if (s == VB && run.Length <= 255)
            {
                // One byte vector and eight long vectors per committee (32 periods with AVX2): the whole
                // run in registers, then stored once.
                Vector<long> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
                Vector<byte> acc = default;
                var rowsOfRun = values.Slice(run.Start * 8, run.Length * 8);
                var masksOfRun = present.Slice(run.Start, run.Length);
                for (int c = 0; c < masksOfRun.Length; c++)
                {
                    var row = rowsOfRun.Slice(c * 8, 8);
                    a0 += row[0];
                    a1 += row[1];
                    a2 += row[2];
                    a3 += row[3];
                    a4 += row[4];
                    a5 += row[5];
                    a6 += row[6];
                    a7 += row[7];
                    acc += masksOfRun[c];
                }

                sums[0] = a0;
                sums[1] = a1;
                sums[2] = a2;
                sums[3] = a3;
                sums[4] = a4;
                sums[5] = a5;
                sums[6] = a6;
                sums[7] = a7;
                count.Clear();
                Flush(acc, count);
            }
            else
            {
                sum.Clear();
                count.Clear();
                AddRows(col.Values, run.Start, run.Length, s, sum);
                AddPresence(col.Present, run.Start, run.Length, s, count);
            }

            foreach (int g in leafGroups[run.Leaf])
            {
                AddToRow(ctx, r.MeasureLower, column + (g * b), sum);
                AddToRow(ctx, r.MeasureContributors, column + (g * b), count);
            }
        }
    }

    /// <summary>
    /// Completes the fused path: upper bounds from the sparse widths of qualified cells (per group and
    /// period; a measure or rate whose counts have none keeps exact sums), and the check that no pooled
    /// numerator exceeds its denominator.
    /// </summary>
    private static void FinishFused(Context ctx, CountColumn?[] measureCols, RateDefinition[] rates, CountColumn[]?[] rateCols)
    {
        var r = ctx.Result;
        var plan = ctx.Plan;
        int g = plan.Keys.Length;
        int b = ctx.Buckets.Length;
        int rows = ctx.Rows;
        int s = ctx.Stride;
        long[] width = ArrayPool<long>.Shared.Rent(Math.Max(1, g * s));
        byte[] unbounded = ArrayPool<byte>.Shared.Rent(Math.Max(1, g * s));
        try
        {
            for (int j = 0; j < measureCols.Length; j++)
            {
                if (measureCols[j] is { } col && col.Qualified.Length > 0)
                {
                    Array.Clear(width, 0, g * s);
                    Array.Clear(unbounded, 0, g * s);
                    GroupWidths(ctx, col, null, width, unbounded);
                    WriteUpper(ctx, r.MeasureLower, j * rows, width, unbounded, AggregationResult.Ensure(r.MeasureUpper, j, rows));
                }
            }

            for (int k = 0; k < rateCols.Length; k++)
            {
                if (rateCols[k] is not { } all)
                {
                    continue;
                }

                ChunkedArray<long>? denUpper = null;
                if (Array.Exists(all, c => c.Qualified.Length > 0))
                {
                    Array.Clear(width, 0, g * s);
                    Array.Clear(unbounded, 0, g * s);
                    for (int x = 0; x < all.Length - 1; x++)
                    {
                        GroupWidths(ctx, all[x], all, width, unbounded);
                    }

                    WriteUpper(ctx, r.NumeratorLower, k * rows, width, unbounded, AggregationResult.Ensure(r.NumeratorUpper, k, rows));
                    Array.Clear(width, 0, g * s);
                    Array.Clear(unbounded, 0, g * s);
                    GroupWidths(ctx, all[^1], all, width, unbounded);
                    denUpper = AggregationResult.Ensure(r.DenominatorUpper, k, rows);
                    WriteUpper(ctx, r.DenominatorLower, k * rows, width, unbounded, denUpper);
                }

                CheckPooled(ctx, rates[k], r.NumeratorLower, r.DenominatorLower, denUpper, r.RateContributors, k * rows);
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(width);
            ArrayPool<byte>.Shared.Return(unbounded);
        }
    }

    /// <summary>Adds the widths of a column's qualified cells (only cells present in every mask column, when given) to each group holding the cell, per period.</summary>
    private static void GroupWidths(Context ctx, CountColumn col, CountColumn[]? mask, long[] width, byte[] unbounded)
    {
        int s = ctx.Stride;
        foreach (var q in col.Qualified)
        {
            int leaf = ctx.Plan.LeafOf[q.Cell / s];
            if (leaf < 0 || (mask is not null && !AllPresent(mask, q.Cell)))
            {
                continue;
            }

            int p = q.Cell % s;
            foreach (int group in ctx.Plan.LeafGroups[leaf])
            {
                int i = (group * s) + p;
                if (q.Width < 0)
                {
                    unbounded[i] = 1;
                }
                else
                {
                    width[i] = checked(width[i] + q.Width);
                }
            }
        }
    }

    /// <summary>Writes the upper bounds of a column: lower + width (checked), or −1 when unbounded; a bucket without periods keeps its lower bound.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteUpper(Context ctx, ChunkedArray<long> lower, int column, long[] width, byte[] unbounded, ChunkedArray<long> upper)
    {
        int s = ctx.Stride;
        int b = ctx.Buckets.Length;
        var single = ctx.SinglePeriod;
        for (int g = 0; g < ctx.Plan.Keys.Length; g++)
        {
            int at = g * b;
            var lo = lower.TrySlice(column + at, b);
            var up = upper.TrySlice(at, b);
            if (lo.Length == b && up.Length == b)
            {
                var w = width.AsSpan(g * s, s);
                var u = unbounded.AsSpan(g * s, s);
                for (int k = 0; k < lo.Length; k++)
                {
                    int p = single[k];
                    up[k] = p < 0 ? lo[k] : u[p] != 0 ? -1 : checked(lo[k] + w[p]);
                }

                continue;
            }

            for (int k = 0; k < b; k++)
            {
                int p = single[k];
                long l = lower[column + at + k];
                upper[at + k] = p < 0 ? l : unbounded[(g * s) + p] != 0 ? -1 : checked(l + width[(g * s) + p]);
            }
        }
    }

    /// <summary>Throws when a pooled numerator exceeds its denominator's upper bound in a row with contributors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckPooled(Context ctx, RateDefinition rate, ChunkedArray<long> numLower, ChunkedArray<long> denLower, ChunkedArray<long>? denUpper, ChunkedArray<int> contributors, int column)
    {
        int b = ctx.Buckets.Length;
        for (int g = 0; g < ctx.Plan.Keys.Length; g++)
        {
            int at = g * b;
            var num = numLower.TrySlice(column + at, b);
            var den = denUpper is null ? denLower.TrySlice(column + at, b) : denUpper.TrySlice(at, b);
            if (num.Length == b && den.Length == b)
            {
                bool ok = true;
                for (int k = 0; k < num.Length; k++)
                {
                    ok &= num[k] <= den[k] || den[k] < 0;
                }

                if (ok)
                {
                    continue;
                }
            }

            for (int k = 0; k < b; k++)
            {
                int i = column + at + k;
                long dhi = denUpper is null ? denLower[i] : denUpper[at + k];
                long nlo = numLower[i];
                if (nlo > dhi && dhi >= 0 && contributors[i] > 0)
                {
                    throw new ZhengxieMetricsException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Group {ctx.Plan.Keys[g]}, period {ctx.Buckets[k].Label}, measure {rate.Measure}: the pooled numerator {nlo} exceeds the pooled denominator {dhi} ({rate.Formula}); some committee's counts break the chain (for example filed > received)."));
                }
            }
        }
    }
}
