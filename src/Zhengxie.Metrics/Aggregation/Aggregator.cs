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
internal static partial class Aggregator
{
    private static readonly int VL = Vector<long>.Count;
    private static readonly int VB = Vector<byte>.Count;

    /// <summary>The committees per block of the fused pass (with 32 periods, 32 KB of each value column).</summary>
    private const int BlockRows = 256;

    /// <summary>The cells (committees × stride × columns) from which the fused pass runs on two threads.</summary>
    private const long ParallelCells = 1 << 20;

    /// <summary>The work of pooling one rate, relative to summing one measure column (for balancing the two threads).</summary>
    private const double RateWeight = 0.9;

    /// <summary>The roll-up itself; <see cref="Run"/> (Aggregator.Overflow.cs) wraps it with the handling of overflow.</summary>
    private static IndicatorTable RunCore(FigureDataset ds, GroupingPlan plan, IReadOnlyList<PeriodBucket> bucketList, AggregationOptions options)
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
            merged[m] = Column(ds, m, AggregationScope.CommitteeAndRegionTotal);
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
