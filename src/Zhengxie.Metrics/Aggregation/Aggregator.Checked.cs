using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Zhengxie.Metrics.Aggregation;

// The general (checked) path: per-leaf accumulators, then each group's row over its bucket's periods.
internal static partial class Aggregator
{
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
}
