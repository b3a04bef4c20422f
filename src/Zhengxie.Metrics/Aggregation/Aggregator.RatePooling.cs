using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Zhengxie.Metrics.Aggregation;

// Rate pooling on the general path: numerators and denominators over the committees that report every count of a rate.
internal static partial class Aggregator
{
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
}
