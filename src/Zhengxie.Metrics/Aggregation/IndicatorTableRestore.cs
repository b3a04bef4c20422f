using System.Collections.Generic;
using System.Linq;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>Rebuilds an <see cref="IndicatorTable"/> from its cells (as JSON gives them back): the column layout of <see cref="AggregationResult"/> stays in this folder.</summary>
internal static class IndicatorTableRestore
{
    /// <summary>Builds a table from its columns and, row by row (group-major, then bucket), its cells keyed by column identifier; the cells were checked by the caller.</summary>
    internal static IndicatorTable Restore(
        List<(Measure Measure, string Unit)> measures,
        List<RateDefinition> rates,
        List<PeriodBucket> buckets,
        List<GroupKey> groups,
        List<int> groupSizes,
        List<(Dictionary<string, AggregateValue> Values, Dictionary<string, PooledRate> Rates)> cells,
        RegionTable? regions)
    {
        int rowCount = cells.Count;
        var data = new AggregationResult(rowCount, measures.Count, rates.Count);

        // A column keeps upper bounds only when one of its cells is not exact; then it keeps them for every row.
        var measureBounded = measures.ConvertAll(m => cells.Exists(c => c.Values[m.Measure.Id].Sum is { IsExact: false }));
        var rateBounded = rates.ConvertAll(r => cells.Exists(c => c.Rates[r.Measure.Id].Rate is { IsExact: false }));
        for (int row = 0; row < rowCount; row++)
        {
            for (int j = 0; j < measures.Count; j++)
            {
                var v = cells[row].Values[measures[j].Measure.Id];
                var sum = v.Sum ?? Bounds.Exactly(0);
                data.MeasureLower[(j * rowCount) + row] = sum.Lower;
                data.MeasureContributors[(j * rowCount) + row] = v.Contributors;
                if (measureBounded[j])
                {
                    AggregationResult.Ensure(data.MeasureUpper, j, rowCount)[row] = sum.Upper ?? -1;
                }
            }

            for (int k = 0; k < rates.Count; k++)
            {
                var p = cells[row].Rates[rates[k].Measure.Id];
                int i = (k * rowCount) + row;
                data.RateContributors[i] = p.Contributors;
                if (p.Rate is { } rate)
                {
                    (data.NumeratorLower[i], data.DenominatorLower[i]) = (rate.Numerator.Lower, rate.Denominator.Lower);
                    if (rateBounded[k])
                    {
                        AggregationResult.Ensure(data.NumeratorUpper, k, rowCount)[row] = rate.Numerator.Upper ?? -1;
                        AggregationResult.Ensure(data.DenominatorUpper, k, rowCount)[row] = rate.Denominator.Upper ?? -1;
                    }
                }
            }
        }

        return new IndicatorTable(
            groups.ToArray(),
            groupSizes.ToArray(),
            [.. buckets],
            measures.Select((m, j) => new MeasureColumn(j, j, m.Measure, m.Unit)).ToArray(),
            rates.Select((r, k) => new RateColumn(measures.Count + k, k, r)).ToArray(),
            data,
            regions);
    }
}
