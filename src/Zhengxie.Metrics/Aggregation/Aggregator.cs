using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// The aggregation engine. When every bucket is at most one period and no sum can overflow (the usual
/// case), the fused path reads each column once, in blocks of consecutive committees: each leaf run's
/// per-period sums and counts (SIMD adds) and each rate's pooled numerator, denominator and contributors
/// (masked vector sums over the committees that report every count of the rate, re-read from cache) are
/// added straight into the rows of the groups holding the leaf; two threads take disjoint sets of
/// columns. Otherwise the general path: one pass per column into per-leaf, per-period accumulators, each
/// group's row the checked sum of its leaves over its bucket's periods, rates from the columns' leaf
/// sums minus the cells of committees that do not report every count of the rate.
/// </summary>
internal static class Aggregator
{

    private static readonly int VL = Vector<long>.Count;
    private static readonly int VB = Vector<byte>.Count;

    /// <summary>The committees per block of the fused pass (with 32 periods, 32 KB of each value column).</summary>
    private const int BlockRows = 256;

    /// <summary>The cells (committees × stride × columns) from which the fused pass runs on two threads.</summary>
    private const long ParallelCells = 1 << 20;

    /// <summary>The work of pooling one rate, relative to summing one measure column (for balancing the two threads).</summary>
    private const double RateWeight = 0.9;

    internal static IndicatorTable Run(FigureDataset ds, GroupingPlan plan, IReadOnlyList<PeriodBucket> bucketList, AggregationOptions options)
    {
        var buckets = bucketList.ToArray();
        var rates = (options.Rates ?? RateOptions.Default.Definitions).ToArray();
        var scope = options.Scope;
        var measures = (options.Measures ?? DefaultMeasures(ds, scope)).ToArray();
        var columnOf = ResolveColumns(ds, plan, buckets, measures, rates, scope);

        int g = plan.Keys.Length;
        int b = buckets.Length;
        int rows = g * b;
        int s = ds.Stride;
        int leaves = plan.LeafCount;
        var bucketPeriods = new int[b][];
        var periodIndex = new Dictionary<ReportingPeriod, int>();
        for (int p = 0; p < ds.Periods.Count; p++)
        {
            periodIndex[ds.Periods[p]] = p;
        }

        bool anyMulti = false;
        for (int k = 0; k < b; k++)
        {
            bucketPeriods[k] = buckets[k].Periods.Where(periodIndex.ContainsKey).Select(p => periodIndex[p]).ToArray();
            anyMulti |= bucketPeriods[k].Length > 1;
        }

        var result = new AggregationResult(rows, measures.Length, rates.Length);
        var measureColumns = new MeasureColumn[measures.Length];
        var rateColumns = new RateColumn[rates.Length];
        var ctx = new Context(ds, plan, buckets, bucketPeriods, anyMulti, result);
        if (!anyMulti && TryRunFused(ctx, measures, rates, columnOf, measureColumns, rateColumns))
        {
            return new IndicatorTable(plan.Keys, plan.GroupSizes, buckets, measureColumns, rateColumns, result, ds.Regions);
        }

        int[] leafCount = ArrayPool<int>.Shared.Rent(leaves * s);
        long[] leafWidth = ArrayPool<long>.Shared.Rent(leaves * s);
        byte[] leafUnbounded = ArrayPool<byte>.Shared.Rent(leaves * s);
        int[] leafDistinct = ArrayPool<int>.Shared.Rent(Math.Max(1, leaves * b));
        var rateMeasures = new HashSet<Measure>(rates.SelectMany(r => r.Numerator.Append(r.Denominator)));
        var kept = new Dictionary<Measure, long[]>();
        try
        {
            for (int j = 0; j < measures.Length; j++)
            {
                var col = columnOf(measures[j]);
                measureColumns[j] = new MeasureColumn(j, j, measures[j], col?.Unit ?? string.Empty);
                if (col is null)
                {
                    continue;
                }

                long[] leafSum = ArrayPool<long>.Shared.Rent(leaves * s);
                LeafSums(col, ctx, leafSum);
                LeafCounts(col.Present, ctx, leafCount);
                LeafWidths(col, ctx, null, leafWidth, leafUnbounded);
                if (anyMulti)
                {
                    LeafDistinct(ctx, [col.Present], col.Measure, leafDistinct);
                }

                EmitMeasure(ctx, j, leafSum, leafWidth, leafUnbounded, leafCount, leafDistinct, col.CanSumUnchecked, col.Qualified.Length == 0);
                if (rateMeasures.Contains(measures[j]) && !kept.ContainsKey(measures[j]))
                {
                    kept[measures[j]] = leafSum;
                }
                else
                {
                    ArrayPool<long>.Shared.Return(leafSum);
                }
            }

            for (int k = 0; k < rates.Length; k++)
            {
                rateColumns[k] = new RateColumn(measures.Length + k, k, rates[k]);
                var parts = rates[k].Numerator.Select(columnOf).ToArray();
                var den = columnOf(rates[k].Denominator);
                if (den is null || Array.Exists(parts, x => x is null))
                {
                    continue;
                }

                int[] slots = rates[k].Numerator.Append(rates[k].Denominator).Select(m => Array.IndexOf(measures, m)).ToArray();
                if (!anyMulti && Array.TrueForAll(slots, x => x >= 0) && RateIsSafe(parts.Append(den).ToArray()!))
                {
                    PoolRateFromMeasures(ctx, k, rates[k], parts!, den, slots);
                }
                else
                {
                    PoolRate(ctx, k, rates[k], parts!, den, kept, leafCount, leafDistinct);
                }
            }
        }
        finally
        {
            foreach (var a in kept.Values)
            {
                ArrayPool<long>.Shared.Return(a);
            }

            ArrayPool<int>.Shared.Return(leafCount);
            ArrayPool<long>.Shared.Return(leafWidth);
            ArrayPool<byte>.Shared.Return(leafUnbounded);
            ArrayPool<int>.Shared.Return(leafDistinct);
        }

        return new IndicatorTable(plan.Keys, plan.GroupSizes, buckets, measureColumns, rateColumns, result, ds.Regions);
    }

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

    /// <summary>Adds rows <paramref name="start"/>.. of a column (stride <paramref name="s"/>) into <paramref name="dest"/>; the caller has ruled out overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddRows(long[] column, int start, int length, int s, Span<long> dest)
    {
        int vl = s / VL;
        var values = MemoryMarshal.Cast<long, Vector<long>>(column.AsSpan(start * s, length * s));
        var sums = MemoryMarshal.Cast<long, Vector<long>>(dest);
        int end = length * vl;
        int k = 0;
        for (; k + 8 <= vl; k += 8)
        {
            // Eight accumulators in registers: one sequential pass over the run's rows (256 bytes each with AVX2).
            Vector<long> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
            for (int i = k; i < end; i += vl)
            {
                var row = values.Slice(i, 8);
                a0 += row[0];
                a1 += row[1];
                a2 += row[2];
                a3 += row[3];
                a4 += row[4];
                a5 += row[5];
                a6 += row[6];
                a7 += row[7];
            }

            var o = sums.Slice(k, 8);
            o[0] += a0;
            o[1] += a1;
            o[2] += a2;
            o[3] += a3;
            o[4] += a4;
            o[5] += a5;
            o[6] += a6;
            o[7] += a7;
        }

        for (; k < vl; k++)
        {
            Vector<long> a = default;
            for (int i = k; i < end; i += vl)
            {
                a += values[i];
            }

            sums[k] += a;
        }
    }

    /// <summary>Counts the present cells of rows <paramref name="start"/>.. per period into <paramref name="dest"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddPresence(byte[] present, int start, int length, int s, Span<int> dest)
    {
        int vb = s / VB;
        var rows = MemoryMarshal.Cast<byte, Vector<byte>>(present.AsSpan(start * s, length * s));
        for (int k = 0; k < vb; k++)
        {
            for (int chunk = 0; chunk < length; chunk += 255)
            {
                int end = Math.Min(length, chunk + 255);
                Vector<byte> acc = default;
                for (int c = chunk; c < end; c++)
                {
                    acc += rows[(c * vb) + k];
                }

                Flush(acc, dest.Slice(k * VB, VB));
            }
        }
    }

    /// <summary>
    /// Pools a rate over rows <paramref name="start"/>..: per period, sums its parts into
    /// <paramref name="num"/> and its denominator into <paramref name="den"/>, over the committees that
    /// report every count of the rate (the AND of the presence masks, widened to long lanes), and counts
    /// those committees into <paramref name="count"/>. The caller has ruled out overflow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddMaskedRows(CountColumn[] all, int start, int length, int s, Span<long> num, Span<long> den, Span<int> count)
    {
        int vb = s / VB;
        int vl = s / VL;
        int parts = all.Length - 1;
        var denValues = MemoryMarshal.Cast<long, Vector<long>>(all[^1].Values.AsSpan(start * s, length * s));
        var numOut = MemoryMarshal.Cast<long, Vector<long>>(num);
        var denOut = MemoryMarshal.Cast<long, Vector<long>>(den);
        for (int k = 0; k < vb; k++)
        {
            for (int chunk = 0; chunk < length; chunk += 255)
            {
                int end = Math.Min(length, chunk + 255);
                Vector<byte> acc = default;
                Vector<long> n0 = default, n1 = default, n2 = default, n3 = default, n4 = default, n5 = default, n6 = default, n7 = default;
                Vector<long> d0 = default, d1 = default, d2 = default, d3 = default, d4 = default, d5 = default, d6 = default, d7 = default;
                for (int c = chunk; c < end; c++)
                {
                    int v = ((start + c) * vb) + k;
                    var mask = MemoryMarshal.Cast<byte, Vector<byte>>(all[0].Present.AsSpan())[v];
                    for (int x = 1; x < all.Length; x++)
                    {
                        mask &= MemoryMarshal.Cast<byte, Vector<byte>>(all[x].Present.AsSpan())[v];
                    }

                    acc += mask;

                    // One byte per period (a long has 8 bytes, so VB bytes make 8 vectors of longs): 0 or −1 per lane.
                    Vector.Widen(Vector.AsVectorSByte(Vector<byte>.Zero - mask), out Vector<short> h0, out Vector<short> h1);
                    Vector.Widen(h0, out Vector<int> q0, out Vector<int> q1);
                    Vector.Widen(h1, out Vector<int> q2, out Vector<int> q3);
                    Vector.Widen(q0, out Vector<long> l0, out Vector<long> l1);
                    Vector.Widen(q1, out Vector<long> l2, out Vector<long> l3);
                    Vector.Widen(q2, out Vector<long> l4, out Vector<long> l5);
                    Vector.Widen(q3, out Vector<long> l6, out Vector<long> l7);
                    int row = (c * vl) + (k * 8);
                    var d = denValues.Slice(row, 8);
                    d0 += d[0] & l0;
                    d1 += d[1] & l1;
                    d2 += d[2] & l2;
                    d3 += d[3] & l3;
                    d4 += d[4] & l4;
                    d5 += d[5] & l5;
                    d6 += d[6] & l6;
                    d7 += d[7] & l7;
                    for (int x = 0; x < parts; x++)
                    {
                        var p = MemoryMarshal.Cast<long, Vector<long>>(all[x].Values.AsSpan(start * s, length * s)).Slice(row, 8);
                        n0 += p[0] & l0;
                        n1 += p[1] & l1;
                        n2 += p[2] & l2;
                        n3 += p[3] & l3;
                        n4 += p[4] & l4;
                        n5 += p[5] & l5;
                        n6 += p[6] & l6;
                        n7 += p[7] & l7;
                    }
                }

                Flush(acc, count.Slice(k * VB, VB));
                var no = numOut.Slice(k * 8, 8);
                no[0] += n0;
                no[1] += n1;
                no[2] += n2;
                no[3] += n3;
                no[4] += n4;
                no[5] += n5;
                no[6] += n6;
                no[7] += n7;
                var dout = denOut.Slice(k * 8, 8);
                dout[0] += d0;
                dout[1] += d1;
                dout[2] += d2;
                dout[3] += d3;
                dout[4] += d4;
                dout[5] += d5;
                dout[6] += d6;
                dout[7] += d7;
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

    /// <summary>
    /// Adds a run's sums (or counts) per period to a group's row of buckets (bucket k takes its single
    /// period; a bucket without periods takes nothing).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddToRow<T>(Context ctx, ChunkedArray<T> target, int start, ReadOnlySpan<T> periods)
        where T : unmanaged, IAdditionOperators<T, T, T>
    {
        int b = ctx.Buckets.Length;
        if (ctx.Identity)
        {
            var span = target.TrySlice(start, b);
            if (span.Length == b)
            {
                AddInto(span, periods[..b]);
                return;
            }
        }

        var single = ctx.SinglePeriod;
        for (int k = 0; k < b; k++)
        {
            if (single[k] >= 0)
            {
                target[start + k] += periods[single[k]];
            }
        }
    }

    /// <summary>Adds <paramref name="source"/> into <paramref name="target"/> element by element, a vector at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddInto<T>(Span<T> target, ReadOnlySpan<T> source)
        where T : unmanaged, IAdditionOperators<T, T, T>
    {
        int i = 0;
        var t = MemoryMarshal.Cast<T, Vector<T>>(target);
        var u = MemoryMarshal.Cast<T, Vector<T>>(source);
        for (; i < t.Length; i++)
        {
            t[i] += u[i];
        }

        for (i *= Vector<T>.Count; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }

    private static IEnumerable<Measure> DefaultMeasures(FigureDataset ds, AggregationScope scope) => scope switch
    {
        AggregationScope.Committee => ds.CountMeasures,
        AggregationScope.RegionTotal => ds.RegionTotalMeasures,
        _ => ds.CountMeasures.Union(ds.RegionTotalMeasures).Order(),
    };

    private static Func<Measure, CountColumn?> ResolveColumns(FigureDataset ds, GroupingPlan plan, PeriodBucket[] buckets, Measure[] measures, RateDefinition[] rates, AggregationScope scope)
    {
        if (scope == AggregationScope.Committee)
        {
            return m => ds.Columns.TryGetValue(m, out var c) ? c : null;
        }

        var used = measures.Concat(rates.SelectMany(r => r.Numerator.Append(r.Denominator))).Distinct().ToList();
        var requested = new HashSet<ReportingPeriod>(buckets.SelectMany(x => x.Periods));
        foreach (var m in used)
        {
            CheckRegionTotals(ds, plan, requested, m, scope == AggregationScope.CommitteeAndRegionTotal);
        }

        if (scope == AggregationScope.RegionTotal)
        {
            return m => ds.RegionTotalColumns.TryGetValue(m, out var c) ? c : null;
        }

        var merged = new Dictionary<Measure, CountColumn?>();
        foreach (var m in used)
        {
            ds.Columns.TryGetValue(m, out var a);
            ds.RegionTotalColumns.TryGetValue(m, out var r);
            merged[m] = a is null ? r : r is null ? a : CountColumn.Merge(a, r);
        }

        return m => merged.TryGetValue(m, out var c) ? c : null;
    }

    /// <summary>Rejects a group that would hold a region total together with a figure it already contains.</summary>
    private static void CheckRegionTotals(FigureDataset ds, GroupingPlan plan, HashSet<ReportingPeriod> requested, Measure measure, bool withCommitteeScope)
    {
        if (!ds.RegionTotalColumns.TryGetValue(measure, out var totals))
        {
            return;
        }

        ds.Columns.TryGetValue(measure, out var own);
        int s = ds.Stride;
        var index = ds.Index;
        for (int x = 0; x < index.Count; x++)
        {
            int leafX = plan.LeafOf[x];
            if (leafX < 0)
            {
                continue;
            }

            for (int p = 0; p < ds.Periods.Count; p++)
            {
                if (totals.Present[(x * s) + p] == 0 || !requested.Contains(ds.Periods[p]))
                {
                    continue;
                }

                for (int y = 0; y < index.Count; y++)
                {
                    int leafY = plan.LeafOf[y];
                    if (leafY < 0 || !index.IsSelfOrDescendant(y, x))
                    {
                        continue;
                    }

                    bool part = (withCommitteeScope && own is not null && own.Present[(y * s) + p] != 0) || (y != x && totals.Present[(y * s) + p] != 0);
                    if (!part)
                    {
                        continue;
                    }

                    int shared = plan.LeafGroups[leafX].Intersect(plan.LeafGroups[leafY]).DefaultIfEmpty(-1).First();
                    if (shared < 0)
                    {
                        continue;
                    }

                    var cx = index.Committees[x];
                    var cy = index.Committees[y];
                    string what = y == x ? $"its own committee-scope figure ({own!.Get(y, p, s)})"
                        : totals.Present[(y * s) + p] != 0 ? $"the region_total figure of {cy} ({totals.Get(y, p, s)}), a region under it"
                        : $"the committee-scope figure of {cy} ({own!.Get(y, p, s)}), a committee under it";
                    string message = string.Create(
                        CultureInfo.InvariantCulture,
                        $"The region_total figure of {cx} ({totals.Get(x, p, s)}) already contains the work of {cx} and every committee under it, and group {plan.Keys[shared]} would add {what}: the same work would be counted twice. Aggregate committee-scope figures and region totals separately (AggregationScope.Committee or AggregationScope.RegionTotal), or choose groups that do not hold both.");
                    throw new ValidationException([new ValidationFinding(ValidationRule.RegionTotalWithParts, message, cx, ds.Periods[p], measure)]);
                }
            }
        }
    }

    /// <summary>Sums each leaf's rows of values into <paramref name="leafSum"/> (leaf × stride).</summary>
    private static void LeafSums(CountColumn col, Context ctx, long[] leafSum)
    {
        int s = ctx.Stride;
        Array.Clear(leafSum, 0, ctx.Plan.LeafCount * s);
        if (!col.CanSumUnchecked)
        {
            foreach (var run in ctx.Plan.Runs)
            {
                int o = run.Leaf * s;
                for (int c = run.Start; c < run.Start + run.Length; c++)
                {
                    for (int p = 0; p < s; p++)
                    {
                        leafSum[o + p] = checked(leafSum[o + p] + col.Values[(c * s) + p]);
                    }
                }
            }

            return;
        }

        foreach (var run in ctx.Plan.Runs)
        {
            AddRows(col.Values, run.Start, run.Length, s, leafSum.AsSpan(run.Leaf * s, s));
        }
    }

    /// <summary>Counts each leaf's present cells per period into <paramref name="leafCount"/> (leaf × stride).</summary>
    private static void LeafCounts(byte[] present, Context ctx, int[] leafCount)
    {
        int s = ctx.Stride;
        Array.Clear(leafCount, 0, ctx.Plan.LeafCount * s);
        int vb = s / VB;
        var rows = MemoryMarshal.Cast<byte, Vector<byte>>(present.AsSpan());
        foreach (var run in ctx.Plan.Runs)
        {
            for (int k = 0; k < vb; k++)
            {
                var dest = leafCount.AsSpan((run.Leaf * s) + (k * VB), VB);
                for (int chunk = run.Start; chunk < run.Start + run.Length; chunk += 255)
                {
                    int end = Math.Min(run.Start + run.Length, chunk + 255);
                    Vector<byte> acc = default;
                    for (int c = chunk; c < end; c++)
                    {
                        acc += rows[(c * vb) + k];
                    }

                    Flush(acc, dest);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Flush(Vector<byte> acc, Span<int> dest)
    {
        Vector.Widen(acc, out Vector<ushort> lo, out Vector<ushort> hi);
        Vector.Widen(lo, out Vector<uint> a, out Vector<uint> b);
        Vector.Widen(hi, out Vector<uint> c, out Vector<uint> d);
        var v = MemoryMarshal.Cast<int, Vector<uint>>(dest);
        v[0] += a;
        v[1] += b;
        v[2] += c;
        v[3] += d;
    }

    /// <summary>Adds the widths of qualified cells per leaf and period (only cells in <paramref name="mask"/>, when given).</summary>
    private static void LeafWidths(CountColumn col, Context ctx, byte[][]? mask, long[] leafWidth, byte[] leafUnbounded)
    {
        int s = ctx.Stride;
        if (mask is null)
        {
            Array.Clear(leafWidth, 0, ctx.Plan.LeafCount * s);
            Array.Clear(leafUnbounded, 0, ctx.Plan.LeafCount * s);
        }

        foreach (var q in col.Qualified)
        {
            int c = q.Cell / s;
            int leaf = ctx.Plan.LeafOf[c];
            if (leaf < 0 || (mask is not null && !AllPresent(mask, q.Cell)))
            {
                continue;
            }

            int i = (leaf * s) + (q.Cell % s);
            if (q.Width < 0)
            {
                leafUnbounded[i] = 1;
            }
            else
            {
                leafWidth[i] = checked(leafWidth[i] + q.Width);
            }
        }
    }

    private static bool AllPresent(byte[][] masks, int cell)
    {
        foreach (var m in masks)
        {
            if (m[cell] == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>For buckets of several periods: counts per leaf the committees present (in all masks) in at least one of the bucket's periods.</summary>
    private static void LeafDistinct(Context ctx, byte[][] masks, Measure measure, int[] leafDistinct)
    {
        int s = ctx.Stride;
        int b = ctx.Buckets.Length;
        Array.Clear(leafDistinct, 0, ctx.Plan.LeafCount * b);
        foreach (var run in ctx.Plan.Runs)
        {
            for (int c = run.Start; c < run.Start + run.Length; c++)
            {
                for (int k = 0; k < b; k++)
                {
                    int n = 0;
                    int first = -1;
                    foreach (int p in ctx.BucketPeriods[k])
                    {
                        if (AllPresent(masks, (c * s) + p))
                        {
                            n++;
                            if (first < 0)
                            {
                                first = p;
                            }
                            else if (!ctx.Buckets[k].SumsAcrossPeriods)
                            {
                                throw new ZhengxieMetricsException(string.Create(
                                    CultureInfo.InvariantCulture,
                                    $"Committee {ctx.Dataset.Index.Committees[c]}, period {ctx.Buckets[k].Label}, measure {measure}: the committee reports it for both {ctx.Dataset.Periods[first]} and {ctx.Dataset.Periods[p]}, which fall in the same year; a yearly aggregate would count it twice. Select the periods one by one (PeriodSelection.EachPeriod) instead."));
                            }
                        }
                    }

                    if (n > 0)
                    {
                        leafDistinct[(run.Leaf * b) + k]++;
                    }
                }
            }
        }
    }

    private static void EmitMeasure(Context ctx, int slot, long[] leafSum, long[] leafWidth, byte[] leafUnbounded, int[] leafCount, int[] leafDistinct, bool safe, bool exact)
    {
        var r = ctx.Result;
        Emit(ctx, slot, safe, leafSum, exact ? null : leafWidth, leafUnbounded, leafCount, leafDistinct, r.MeasureLower, exact ? null : AggregationResult.Ensure(r.MeasureUpper, slot, ctx.Rows), r.MeasureContributors);
    }

    /// <summary>
    /// Writes each group's row for each bucket: sums the group's leaves per period (SIMD adds when
    /// <paramref name="safe"/>, that is when no sum of the column can overflow; else checked scalar adds),
    /// then takes the bucket's period (or sums its periods, checked).
    /// </summary>
    private static void Emit(Context ctx, int slot, bool safe, long[] leafLower, long[]? leafWidth, byte[] leafUnbounded, int[]? leafCount, int[] leafDistinct, ChunkedArray<long> outLower, ChunkedArray<long>? outUpper, ChunkedArray<int>? outCount)
    {
        int rows = ctx.Rows;
        int b = ctx.Buckets.Length;
        int s = ctx.Stride;
        bool small = s <= 512;
        Span<long> gLower = small ? stackalloc long[s] : new long[s];
        Span<long> gWidth = small ? stackalloc long[s] : new long[s];
        Span<byte> gUnbounded = small ? stackalloc byte[s] : new byte[s];
        Span<int> gCount = small ? stackalloc int[s] : new int[s];
        var lo = MemoryMarshal.Cast<long, Vector<long>>(gLower);
        var un = MemoryMarshal.Cast<byte, Vector<byte>>(gUnbounded);
        var co = MemoryMarshal.Cast<int, Vector<int>>(gCount);
        var single = ctx.SinglePeriod;
        for (int g = 0; g < ctx.Plan.Keys.Length; g++)
        {
            var leaves = ctx.Plan.GroupLeaves[g];
            gLower.Clear();
            gWidth.Clear();
            gUnbounded.Clear();
            gCount.Clear();
            foreach (int leaf in leaves)
            {
                int o = leaf * s;
                if (safe)
                {
                    var srcLower = MemoryMarshal.Cast<long, Vector<long>>(leafLower.AsSpan(o, s));
                    for (int v = 0; v < lo.Length; v++)
                    {
                        lo[v] += srcLower[v];
                    }
                }
                else
                {
                    for (int p = 0; p < s; p++)
                    {
                        gLower[p] = checked(gLower[p] + leafLower[o + p]);
                    }
                }

                if (leafWidth is not null)
                {
                    // Widths and flags of qualified cells (skipped for columns of exact counts).
                    for (int p = 0; p < s; p++)
                    {
                        gWidth[p] = checked(gWidth[p] + leafWidth[o + p]);
                    }

                    var srcUnbounded = MemoryMarshal.Cast<byte, Vector<byte>>(leafUnbounded.AsSpan(o, s));
                    for (int v = 0; v < un.Length; v++)
                    {
                        un[v] |= srcUnbounded[v];
                    }
                }

                if (leafCount is not null)
                {
                    var srcCount = MemoryMarshal.Cast<int, Vector<int>>(leafCount.AsSpan(o, s));
                    for (int v = 0; v < co.Length; v++)
                    {
                        co[v] += srcCount[v];
                    }
                }
            }

            int first = (slot * rows) + (g * b);
            var spanLower = ctx.Identity ? outLower.TrySlice(first, b) : default;
            var spanUpper = ctx.Identity && outUpper is not null ? outUpper.TrySlice(g * b, b) : default;
            if (spanLower.Length == b && b > 0 && (outUpper is null || spanUpper.Length == b))
            {
                // Each bucket is the period of the same index: copy the group's sums as whole vectors.
                gLower[..b].CopyTo(spanLower);
                if (outUpper is not null)
                {
                    for (int k = 0; k < b; k++)
                    {
                        spanUpper[k] = gUnbounded[k] != 0 ? -1 : checked(gLower[k] + gWidth[k]);
                    }
                }

                if (outCount is not null)
                {
                    gCount[..b].CopyTo(outCount.TrySlice(first, b));
                }

                continue;
            }

            for (int k = 0; k < b; k++)
            {
                long lower = 0, width = 0;
                bool unbounded = false;
                int count = 0;
                int p = single[k];
                if (p >= 0)
                {
                    lower = gLower[p];
                    width = gWidth[p];
                    unbounded = gUnbounded[p] != 0;
                    count = gCount[p];
                }
                else if (ctx.BucketPeriods[k].Length > 1)
                {
                    foreach (int q in ctx.BucketPeriods[k])
                    {
                        lower = checked(lower + gLower[q]);
                        width = checked(width + gWidth[q]);
                        unbounded |= gUnbounded[q] != 0;
                    }

                    foreach (int leaf in leaves)
                    {
                        count += leafDistinct[(leaf * b) + k];
                    }
                }

                outLower[first + k] = lower;
                if (outUpper is not null)
                {
                    outUpper[(g * b) + k] = unbounded ? -1 : checked(lower + width);
                }
                if (outCount is not null)
                {
                    outCount[first + k] = count;
                }
            }
        }
    }

    /// <summary>Whether no sum of a rate's counts can overflow: the sum over every count of every cell fits in a long.</summary>
    private static bool RateIsSafe(CountColumn[] all)
    {
        Int128 bound = 0;
        foreach (var c in all)
        {
            if (!c.CanSumUnchecked)
            {
                return false;
            }

            bound += (Int128)c.MaxValue * c.CellCount;
        }

        return bound <= long.MaxValue;
    }

    /// <summary>
    /// Pools a rate from the table's own measure rows, when every count of the rate is a measure column
    /// and every bucket is one period: the pooled numerator starts as the sum of its parts' group sums,
    /// the denominator and contributors as the denominator's; then the cells of committees that do not
    /// report every count of the rate (few) are subtracted from each group holding them, and the widths
    /// of qualified cells inside the rate are added. No second pass over the leaves.
    /// </summary>
    private static void PoolRateFromMeasures(Context ctx, int slot, RateDefinition rate, CountColumn[] parts, CountColumn den, int[] slots)
    {
        var r = ctx.Result;
        int rows = ctx.Rows;
        int b = ctx.Buckets.Length;
        int s = ctx.Stride;
        int denSlot = slots[^1];
        long[] numWidth = ArrayPool<long>.Shared.Rent(rows);
        long[] denWidth = ArrayPool<long>.Shared.Rent(rows);
        byte[] numUnbounded = ArrayPool<byte>.Shared.Rent(rows);
        byte[] denUnbounded = ArrayPool<byte>.Shared.Rent(rows);
        long[] numLower = ArrayPool<long>.Shared.Rent(rows);
        long[] denLower = ArrayPool<long>.Shared.Rent(rows);
        int[] count = ArrayPool<int>.Shared.Rent(rows);
        try
        {
            Array.Clear(numWidth, 0, rows);
            Array.Clear(denWidth, 0, rows);
            Array.Clear(numUnbounded, 0, rows);
            Array.Clear(denUnbounded, 0, rows);
            int baseOut = slot * rows;
            long[] scratch = ArrayPool<long>.Shared.Rent(rows);
            try
            {
                // The rate is safe (RateIsSafe), so these whole-vector adds cannot overflow.
                r.MeasureLower.CopyTo(slots[0] * rows, numLower.AsSpan(0, rows));
                for (int x = 1; x < parts.Length; x++)
                {
                    r.MeasureLower.CopyTo(slots[x] * rows, scratch.AsSpan(0, rows));
                    AddInto(numLower.AsSpan(0, rows), scratch.AsSpan(0, rows));
                }
            }
            finally
            {
                ArrayPool<long>.Shared.Return(scratch);
            }

            r.MeasureLower.CopyTo(denSlot * rows, denLower.AsSpan(0, rows));
            r.MeasureContributors.CopyTo(denSlot * rows, count.AsSpan(0, rows));

            int[] bucketOf = ctx.BucketOfPeriod;
            var all = parts.Append(den).ToArray();
            var leafGroups = ctx.Plan.LeafGroups;
            int vb = s / VB;
            int n = ctx.Plan.LeafCount * s;

            // Corrections per leaf and period first (one update per excluded cell), then applied to each
            // group holding the leaf.
            long[] numCorrection = ArrayPool<long>.Shared.Rent(n);
            long[] denCorrection = ArrayPool<long>.Shared.Rent(n);
            int[] countCorrection = ArrayPool<int>.Shared.Rent(n);
            try
            {
                Array.Clear(numCorrection, 0, n);
                Array.Clear(denCorrection, 0, n);
                Array.Clear(countCorrection, 0, n);
                foreach (var run in ctx.Plan.Runs)
                {
                    int o = run.Leaf * s;
                    for (int c = run.Start; c < run.Start + run.Length; c++)
                    {
                        for (int kb = 0; kb < vb; kb++)
                        {
                            int v = (c * vb) + kb;
                            var m = MemoryMarshal.Cast<byte, Vector<byte>>(all[0].Present.AsSpan())[v];
                            for (int x = 1; x < all.Length; x++)
                            {
                                m &= MemoryMarshal.Cast<byte, Vector<byte>>(all[x].Present.AsSpan())[v];
                            }

                            for (int x = 0; x < all.Length; x++)
                            {
                                var extra = Vector.AndNot(MemoryMarshal.Cast<byte, Vector<byte>>(all[x].Present.AsSpan())[v], m);
                                if (extra == Vector<byte>.Zero)
                                {
                                    continue;
                                }

                                bool isDen = x == all.Length - 1;
                                var target = isDen ? denCorrection : numCorrection;
                                var values = all[x].Values;
                                var words = Vector.AsVectorUInt64(extra);
                                for (int w = 0; w < Vector<ulong>.Count; w++)
                                {
                                    for (ulong bits = words[w]; bits != 0; bits &= bits - 1)
                                    {
                                        int p = (kb * VB) + (w * 8) + (BitOperations.TrailingZeroCount(bits) / 8);
                                        target[o + p] = checked(target[o + p] + values[(c * s) + p]);
                                        if (isDen)
                                        {
                                            countCorrection[o + p]++;
                                        }
                                    }
                                }
                            }
                        }
                    }
                }

                for (int leaf = 0; leaf < ctx.Plan.LeafCount; leaf++)
                {
                    int o = leaf * s;
                    foreach (int g in leafGroups[leaf])
                    {
                        if (ctx.Identity)
                        {
                            // Bucket k is period k: subtract whole rows.
                            SubtractInto(numLower.AsSpan(g * b, b), numCorrection.AsSpan(o, b));
                            SubtractInto(denLower.AsSpan(g * b, b), denCorrection.AsSpan(o, b));
                            var cnt = count.AsSpan(g * b, b);
                            var cc = countCorrection.AsSpan(o, b);
                            for (int k = 0; k < b; k++)
                            {
                                cnt[k] -= cc[k];
                            }

                            continue;
                        }

                        for (int p = 0; p < s; p++)
                        {
                            int k = bucketOf[p];
                            if (k >= 0)
                            {
                                int i = (g * b) + k;
                                numLower[i] = checked(numLower[i] - numCorrection[o + p]);
                                denLower[i] = checked(denLower[i] - denCorrection[o + p]);
                                count[i] -= countCorrection[o + p];
                            }
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<long>.Shared.Return(numCorrection);
                ArrayPool<long>.Shared.Return(denCorrection);
                ArrayPool<int>.Shared.Return(countCorrection);
            }

            for (int x = 0; x < all.Length; x++)
            {
                bool isDen = x == all.Length - 1;
                var width = isDen ? denWidth : numWidth;
                var unbounded = isDen ? denUnbounded : numUnbounded;
                foreach (var q in all[x].Qualified)
                {
                    int leaf = ctx.Plan.LeafOf[q.Cell / s];
                    int k = bucketOf[q.Cell % s];
                    if (leaf < 0 || k < 0 || !AllPresent(all, q.Cell))
                    {
                        continue;
                    }

                    foreach (int g in leafGroups[leaf])
                    {
                        int row = (g * b) + k;
                        if (q.Width < 0)
                        {
                            unbounded[row] = 1;
                        }
                        else
                        {
                            width[row] = checked(width[row] + q.Width);
                        }
                    }
                }
            }

            r.NumeratorLower.CopyFrom(numLower.AsSpan(0, rows), baseOut);
            r.DenominatorLower.CopyFrom(denLower.AsSpan(0, rows), baseOut);
            r.RateContributors.CopyFrom(count.AsSpan(0, rows), baseOut);
            bool anyQualified = Array.Exists(all, c => c.Qualified.Length > 0);
            var numUpper = anyQualified ? AggregationResult.Ensure(r.NumeratorUpper, slot, rows) : null;
            var denUpper = anyQualified ? AggregationResult.Ensure(r.DenominatorUpper, slot, rows) : null;

            for (int row = 0; row < rows; row++)
            {
                long dhi = denLower[row];
                if (anyQualified)
                {
                    numUpper![row] = numUnbounded[row] != 0 ? -1 : checked(numLower[row] + numWidth[row]);
                    dhi = denUnbounded[row] != 0 ? -1 : checked(denLower[row] + denWidth[row]);
                    denUpper![row] = dhi;
                }

                if (count[row] > 0 && dhi >= 0 && numLower[row] > dhi)
                {
                    throw new ZhengxieMetricsException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Group {ctx.Plan.Keys[row / b]}, period {ctx.Buckets[row % b].Label}, measure {rate.Measure}: the pooled numerator {numLower[row]} exceeds the pooled denominator {dhi} ({rate.Formula}); some committee's counts break the chain (for example filed > received)."));
                }
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(numWidth);
            ArrayPool<long>.Shared.Return(denWidth);
            ArrayPool<byte>.Shared.Return(numUnbounded);
            ArrayPool<byte>.Shared.Return(denUnbounded);
            ArrayPool<long>.Shared.Return(numLower);
            ArrayPool<long>.Shared.Return(denLower);
            ArrayPool<int>.Shared.Return(count);
        }
    }

    /// <summary>Subtracts <paramref name="source"/> from <paramref name="target"/>; the rate is safe, so nothing can overflow.</summary>
    private static void SubtractInto(Span<long> target, ReadOnlySpan<long> source)
    {
        int i = 0;
        var t = MemoryMarshal.Cast<long, Vector<long>>(target);
        var u = MemoryMarshal.Cast<long, Vector<long>>(source);
        for (; i < t.Length; i++)
        {
            t[i] -= u[i];
        }

        for (i *= VL; i < target.Length; i++)
        {
            target[i] -= source[i];
        }
    }

    private static bool AllPresent(CountColumn[] columns, int cell)
    {
        foreach (var c in columns)
        {
            if (c.Present[cell] == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void PoolRate(Context ctx, int slot, RateDefinition rate, CountColumn[] parts, CountColumn den, Dictionary<Measure, long[]> kept, int[] rateCount, int[] leafDistinct)
    {
        int s = ctx.Stride;
        int n = ctx.Plan.LeafCount * s;
        var all = parts.Append(den).ToArray();
        var masks = all.Select(c => c.Present).ToArray();
        var sums = new long[all.Length][];
        var rented = new List<long[]>();
        long[] numWidth = ArrayPool<long>.Shared.Rent(n);
        long[] denWidth = ArrayPool<long>.Shared.Rent(n);
        byte[] numUnbounded = ArrayPool<byte>.Shared.Rent(n);
        byte[] denUnbounded = ArrayPool<byte>.Shared.Rent(n);
        long[] numSum = ArrayPool<long>.Shared.Rent(n);
        try
        {
            for (int x = 0; x < all.Length; x++)
            {
                if (!kept.TryGetValue(all[x].Measure, out var sum))
                {
                    sum = ArrayPool<long>.Shared.Rent(n);
                    rented.Add(sum);
                    LeafSums(all[x], ctx, sum);
                }

                // Copy: the corrections below must not change the kept sums, which other rates reuse.
                var own = ArrayPool<long>.Shared.Rent(n);
                rented.Add(own);
                Array.Copy(sum, own, n);
                sums[x] = own;
            }

            Array.Clear(rateCount, 0, n);
            Correct(ctx, all, sums, rateCount);
            Array.Clear(numSum, 0, n);
            for (int x = 0; x < parts.Length; x++)
            {
                for (int i = 0; i < n; i++)
                {
                    numSum[i] = checked(numSum[i] + sums[x][i]);
                }
            }

            Array.Clear(numWidth, 0, n);
            Array.Clear(numUnbounded, 0, n);
            Array.Clear(denWidth, 0, n);
            Array.Clear(denUnbounded, 0, n);
            foreach (var part in parts)
            {
                LeafWidths(part, ctx, masks, numWidth, numUnbounded);
            }

            LeafWidths(den, ctx, masks, denWidth, denUnbounded);
            if (ctx.AnyMulti)
            {
                LeafDistinct(ctx, masks, rate.Measure, leafDistinct);
            }

            EmitRate(ctx, slot, rate, RateIsSafe(all), numSum, numWidth, numUnbounded, sums[^1], denWidth, denUnbounded, rateCount, leafDistinct);
        }
        finally
        {
            foreach (var a in rented)
            {
                ArrayPool<long>.Shared.Return(a);
            }

            ArrayPool<long>.Shared.Return(numWidth);
            ArrayPool<long>.Shared.Return(denWidth);
            ArrayPool<byte>.Shared.Return(numUnbounded);
            ArrayPool<byte>.Shared.Return(denUnbounded);
            ArrayPool<long>.Shared.Return(numSum);
        }
    }

    /// <summary>
    /// Counts per leaf and period the committees that report every count of a rate, and subtracts from
    /// each count's leaf sums the cells of committees that do not report them all.
    /// </summary>
    private static void Correct(Context ctx, CountColumn[] all, long[][] sums, int[] rateCount)
    {
        int s = ctx.Stride;
        int vb = s / VB;
        foreach (var run in ctx.Plan.Runs)
        {
            int o = run.Leaf * s;
            for (int k = 0; k < vb; k++)
            {
                var dest = rateCount.AsSpan(o + (k * VB), VB);
                for (int chunk = run.Start; chunk < run.Start + run.Length; chunk += 255)
                {
                    int end = Math.Min(run.Start + run.Length, chunk + 255);
                    Vector<byte> acc = default;
                    for (int c = chunk; c < end; c++)
                    {
                        int v = (c * vb) + k;
                        var m = MemoryMarshal.Cast<byte, Vector<byte>>(all[0].Present.AsSpan())[v];
                        for (int x = 1; x < all.Length; x++)
                        {
                            m &= MemoryMarshal.Cast<byte, Vector<byte>>(all[x].Present.AsSpan())[v];
                        }

                        acc += m;
                        for (int x = 0; x < all.Length; x++)
                        {
                            var extra = Vector.AndNot(MemoryMarshal.Cast<byte, Vector<byte>>(all[x].Present.AsSpan())[v], m);
                            if (extra == Vector<byte>.Zero)
                            {
                                continue;
                            }

                            var words = Vector.AsVectorUInt64(extra);
                            for (int w = 0; w < Vector<ulong>.Count; w++)
                            {
                                // Each byte is 0 or 1, so each set bit is one lane.
                                for (ulong bits = words[w]; bits != 0; bits &= bits - 1)
                                {
                                    int p = (k * VB) + (w * 8) + (BitOperations.TrailingZeroCount(bits) / 8);
                                    sums[x][o + p] = checked(sums[x][o + p] - all[x].Values[(c * s) + p]);
                                }
                            }
                        }
                    }

                    Flush(acc, dest);
                }
            }
        }
    }

    private static void EmitRate(Context ctx, int slot, RateDefinition rate, bool safe, long[] numSum, long[] numWidth, byte[] numUnbounded, long[] denSum, long[] denWidth, byte[] denUnbounded, int[] rateCount, int[] leafDistinct)
    {
        var r = ctx.Result;
        int rowCount = ctx.Rows;
        var numUpper = AggregationResult.Ensure(r.NumeratorUpper, slot, rowCount);
        var denUpper = AggregationResult.Ensure(r.DenominatorUpper, slot, rowCount);
        Emit(ctx, slot, safe, numSum, numWidth, numUnbounded, rateCount, leafDistinct, r.NumeratorLower, numUpper, r.RateContributors);
        Emit(ctx, slot, safe, denSum, denWidth, denUnbounded, null, leafDistinct, r.DenominatorLower, denUpper, null);
        int rows = ctx.Rows;
        int b = ctx.Buckets.Length;
        for (int row = 0; row < rows; row++)
        {
            int i = (slot * rows) + row;
            long dhi = denUpper[row];
            if (r.RateContributors[i] > 0 && dhi >= 0 && r.NumeratorLower[i] > dhi)
            {
                throw new ZhengxieMetricsException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Group {ctx.Plan.Keys[row / b]}, period {ctx.Buckets[row % b].Label}, measure {rate.Measure}: the pooled numerator {r.NumeratorLower[i]} exceeds the pooled denominator {dhi} ({rate.Formula}); some committee's counts break the chain (for example filed > received)."));
            }
        }
    }

    private static bool IsIdentity(int[][] bucketPeriods)
    {
        for (int k = 0; k < bucketPeriods.Length; k++)
        {
            if (bucketPeriods[k].Length != 1 || bucketPeriods[k][0] != k)
            {
                return false;
            }
        }

        return true;
    }

    private static int[] BucketOf(int[][] bucketPeriods, int stride)
    {
        var map = new int[stride];
        Array.Fill(map, -1);
        for (int k = 0; k < bucketPeriods.Length; k++)
        {
            if (bucketPeriods[k].Length == 1)
            {
                map[bucketPeriods[k][0]] = k;
            }
        }

        return map;
    }

    private sealed class Context(FigureDataset dataset, GroupingPlan plan, PeriodBucket[] buckets, int[][] bucketPeriods, bool anyMulti, AggregationResult result)
    {
        internal FigureDataset Dataset { get; } = dataset;

        internal GroupingPlan Plan { get; } = plan;

        internal PeriodBucket[] Buckets { get; } = buckets;

        internal int[][] BucketPeriods { get; } = bucketPeriods;

        internal bool AnyMulti { get; } = anyMulti;

        internal AggregationResult Result { get; } = result;

        internal int Stride => Dataset.Stride;

        /// <summary>Gets a value indicating whether bucket k is exactly period k, for every bucket.</summary>
        internal bool Identity { get; } = IsIdentity(bucketPeriods);

        /// <summary>Gets each period's bucket when that bucket is the period alone, else −1.</summary>
        internal int[] BucketOfPeriod { get; } = BucketOf(bucketPeriods, dataset.Stride);

        /// <summary>Gets each bucket's only period, or −1 when it has none or several.</summary>
        internal int[] SinglePeriod { get; } = Array.ConvertAll(bucketPeriods, p => p.Length == 1 ? p[0] : -1);

        internal int Rows => Plan.Keys.Length * Buckets.Length;
    }
}
