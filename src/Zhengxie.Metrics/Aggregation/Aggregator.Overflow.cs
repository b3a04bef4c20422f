using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Zhengxie.Metrics.Aggregation;

// Overflow: sums only over the periods asked for, and an overflow named by group, committee, period and measure.
internal static partial class Aggregator
{
    /// <summary>
    /// Aggregates. The kernels add whole period rows (every period of the dataset at once), checked where a
    /// column's values could overflow. When such a checked add overflows, the sums are taken again over a
    /// copy of the dataset narrowed to the periods the buckets ask for, so that a huge figure of a period
    /// not selected cannot break the roll-up of the selected ones. An overflow that remains is a
    /// <see cref="ZhengxieMetricsException"/> naming the group, the period, the measure and the committee
    /// with the largest value in it, never a bare <see cref="OverflowException"/>. The success path pays
    /// nothing for this.
    /// </summary>
    internal static IndicatorTable Run(FigureDataset ds, GroupingPlan plan, IReadOnlyList<PeriodBucket> bucketList, AggregationOptions options)
    {
        try
        {
            return RunCore(ds, plan, bucketList, options);
        }
        catch (OverflowException first)
        {
            var narrowed = NarrowToPeriods(ds, bucketList);
            if (narrowed is not null)
            {
                try
                {
                    return RunCore(narrowed, plan, bucketList, options);
                }
                catch (OverflowException again)
                {
                    throw DescribeOverflow(narrowed, plan, bucketList, options, again);
                }
            }

            throw DescribeOverflow(ds, plan, bucketList, options, first);
        }
    }

    /// <summary>A copy of the dataset's count columns holding only the periods the buckets use; <see langword="null"/> when they use every period.</summary>
    internal static FigureDataset? NarrowToPeriods(FigureDataset ds, IReadOnlyList<PeriodBucket> buckets)
    {
        var wanted = new HashSet<ReportingPeriod>(buckets.SelectMany(b => b.Periods));
        var keep = new List<int>();
        for (int p = 0; p < ds.Periods.Count; p++)
        {
            if (wanted.Contains(ds.Periods[p]))
            {
                keep.Add(p);
            }
        }

        if (keep.Count == ds.Periods.Count)
        {
            return null;
        }

        int vb = System.Numerics.Vector<byte>.Count;
        int stride = Math.Max(1, (keep.Count + vb - 1) / vb) * vb;
        var periods = keep.Select(p => ds.Periods[p]).ToArray();
        return new FigureDataset(
            ds.Regions,
            ds.Index,
            periods,
            stride,
            Narrow(ds.Columns, ds.Stride, stride, keep, ds.Index.Count),
            Narrow(ds.RegionTotalColumns, ds.Stride, stride, keep, ds.Index.Count),
            new KeptFigures([]),
            []);
    }

    private static Dictionary<Measure, CountColumn> Narrow(IReadOnlyDictionary<Measure, CountColumn> columns, int oldStride, int stride, List<int> keep, int committees)
    {
        var map = new int[oldStride];
        Array.Fill(map, -1);
        for (int k = 0; k < keep.Count; k++)
        {
            map[keep[k]] = k;
        }

        var result = new Dictionary<Measure, CountColumn>(columns.Count);
        foreach (var (measure, col) in columns)
        {
            var values = new long[committees * stride];
            var present = new byte[committees * stride];
            long max = 0;
            int count = 0;
            for (int c = 0; c < committees; c++)
            {
                for (int k = 0; k < keep.Count; k++)
                {
                    int from = (c * oldStride) + keep[k];
                    int to = (c * stride) + k;
                    values[to] = col.Values[from];
                    present[to] = col.Present[from];
                    max = Math.Max(max, values[to]);
                    count += present[to];
                }
            }

            var qualified = new List<QualifiedCell>();
            foreach (var q in col.Qualified)
            {
                int k = map[q.Cell % oldStride];
                if (k >= 0)
                {
                    qualified.Add(new QualifiedCell(((q.Cell / oldStride) * stride) + k, q.Width));
                }
            }

            result[measure] = new CountColumn(measure, col.Unit, values, present, [.. qualified], max, count);
        }

        return result;
    }

    /// <summary>
    /// Finds the first group, bucket and measure (or rate numerator) whose sum does not fit in 64 bits,
    /// summing exactly in 128 bits, and describes it; falls back to naming what was asked when none is found.
    /// </summary>
    private static ZhengxieMetricsException DescribeOverflow(FigureDataset ds, GroupingPlan plan, IReadOnlyList<PeriodBucket> buckets, AggregationOptions options, OverflowException inner)
    {
        var rates = (options.Rates ?? RateOptions.Default.Definitions).ToArray();
        var measures = (options.Measures ?? DefaultMeasures(ds, options.Scope)).ToList();
        if (options.Scope == AggregationScope.CommitteeAndRegionTotal
            && DescribeMergeOverflow(ds, measures.Concat(rates.SelectMany(r => r.Numerator.Append(r.Denominator))).Distinct(), inner) is { } merge)
        {
            return merge;
        }

        var sums = new List<(string What, CountColumn[] Parts)>();
        foreach (var m in measures.Concat(rates.Select(r => r.Denominator)).Distinct())
        {
            if (Column(ds, m, options.Scope) is { } col)
            {
                sums.Add((m.ToString(), [col]));
            }
        }

        foreach (var r in rates)
        {
            var parts = r.Numerator.Select(m => Column(ds, m, options.Scope)).ToArray();
            if (parts.Length > 1 && Array.TrueForAll(parts, x => x is not null))
            {
                sums.Add(($"{r.Measure} (numerator {string.Join(" + ", r.Numerator)})", parts.Select(x => x!).ToArray()));
            }
        }

        var periodIndex = new Dictionary<ReportingPeriod, int>();
        for (int p = 0; p < ds.Periods.Count; p++)
        {
            periodIndex[ds.Periods[p]] = p;
        }

        int s = ds.Stride;
        foreach (var (what, parts) in sums)
        {
            for (int g = 0; g < plan.Keys.Length; g++)
            {
                var leaves = new HashSet<int>(plan.GroupLeaves[g]);
                foreach (var bucket in buckets)
                {
                    Int128 lower = 0, upper = 0;
                    long largest = -1;
                    int largestCommittee = -1;
                    ReportingPeriod largestPeriod = default;
                    foreach (var run in plan.Runs)
                    {
                        if (!leaves.Contains(run.Leaf))
                        {
                            continue;
                        }

                        for (int c = run.Start; c < run.Start + run.Length; c++)
                        {
                            foreach (var period in bucket.Periods)
                            {
                                if (!periodIndex.TryGetValue(period, out int p))
                                {
                                    continue;
                                }

                                foreach (var col in parts)
                                {
                                    if (col.Get(c, p, s) is not { } bounds)
                                    {
                                        continue;
                                    }

                                    lower += bounds.Lower;
                                    upper += bounds.Upper ?? bounds.Lower;
                                    if (bounds.Lower > largest)
                                    {
                                        (largest, largestCommittee, largestPeriod) = (bounds.Lower, c, period);
                                    }
                                }
                            }
                        }
                    }

                    if (lower > long.MaxValue || upper > long.MaxValue)
                    {
                        var committee = ds.Index.Committees[largestCommittee];
                        return new ZhengxieMetricsException(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"Group {plan.Keys[g]}, period {bucket.Label}, measure {what}: the sum ({(lower > long.MaxValue ? lower : upper)}) does not fit in a 64-bit count; the largest value in it is committee {committee}'s {largest} for period {largestPeriod}. Check that figure's value and unit."),
                            inner);
                    }
                }
            }
        }

        return new ZhengxieMetricsException(
            string.Create(CultureInfo.InvariantCulture, $"A sum of the aggregation ({string.Join(", ", measures)}; rates {string.Join(", ", rates.Select(r => r.Measure))}; periods {string.Join(", ", buckets.Select(b => b.Label))}) does not fit in a 64-bit count."),
            inner);
    }

    /// <summary>
    /// Finds a cell where a committee's own figure and its region-total figure (summed into one column by
    /// <see cref="CountColumn.Merge"/> under <see cref="AggregationScope.CommitteeAndRegionTotal"/>) do not
    /// fit in 64 bits together, summing in 128 bits, and names its committee, period and measure.
    /// </summary>
    private static ZhengxieMetricsException? DescribeMergeOverflow(FigureDataset ds, IEnumerable<Measure> measures, OverflowException inner)
    {
        foreach (var m in measures)
        {
            if (!ds.Columns.TryGetValue(m, out var own) || !ds.RegionTotalColumns.TryGetValue(m, out var total))
            {
                continue;
            }

            for (int c = 0; c < ds.Index.Count; c++)
            {
                for (int p = 0; p < ds.Periods.Count; p++)
                {
                    if (own.Get(c, p, ds.Stride) is not { } a || total.Get(c, p, ds.Stride) is not { } b)
                    {
                        continue;
                    }

                    Int128 lower = (Int128)a.Lower + b.Lower;
                    Int128 upper = a.HasUpperBound && b.HasUpperBound ? (Int128)a.Upper!.Value + b.Upper!.Value : 0;
                    if (lower > long.MaxValue || upper > long.MaxValue)
                    {
                        return new ZhengxieMetricsException(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"Committee {ds.Index.Committees[c]}, period {ds.Periods[p]}, measure {m}: its own figure ({a}) and its region total ({b}) sum to {(lower > long.MaxValue ? lower : upper)}, which does not fit in a 64-bit count. Check those figures' values and units."),
                            inner);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The column a roll-up sums for a measure under a scope: the committees' own figures, the region totals, or both merged.</summary>
    private static CountColumn? Column(FigureDataset ds, Measure m, AggregationScope scope)
    {
        ds.Columns.TryGetValue(m, out var own);
        ds.RegionTotalColumns.TryGetValue(m, out var total);
        return scope switch
        {
            AggregationScope.Committee => own,
            AggregationScope.RegionTotal => total,
            _ => own is null ? total : total is null ? own : CountColumn.Merge(own, total),
        };
    }
}
