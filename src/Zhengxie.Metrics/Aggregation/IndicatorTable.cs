using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// The result of an aggregation: one row per group and period bucket (group-major: every bucket of the
/// first group, then the next group), one column per count measure (<see cref="AggregateValue"/>: the
/// sum with its coverage) and per rate (<see cref="PooledRate"/>: the pooled rate with its coverage).
/// </summary>
/// <remarks>
/// The table is stored as columnar arrays; rows and cells are computed on access. It also answers
/// trend questions (year-over-year change, growth over a span, share of a parent group). Immutable and
/// thread-safe.
/// </remarks>
[Rendering.TypeFormatterSource(typeof(Rendering.NotebookFormatterSource))]
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed partial class IndicatorTable
{
    private readonly GroupKey[] groups;
    private readonly int[] groupSizes;
    private readonly PeriodBucket[] buckets;
    private readonly MeasureColumn[] measureColumns;
    private readonly RateColumn[] rateColumns;
    private readonly IndicatorColumn[] columns;
    private readonly AggregationResult data;
    private readonly RegionTable? regions;
    private Dictionary<GroupKey, int>? groupIndex;

    internal IndicatorTable(GroupKey[] groups, int[] groupSizes, PeriodBucket[] buckets, MeasureColumn[] measureColumns, RateColumn[] rateColumns, AggregationResult data, RegionTable? regions)
    {
        this.groups = groups;
        this.groupSizes = groupSizes;
        this.buckets = buckets;
        this.measureColumns = measureColumns;
        this.rateColumns = rateColumns;
        this.data = data;
        this.regions = regions;
        columns = new IndicatorColumn[measureColumns.Length + rateColumns.Length];
        measureColumns.CopyTo(columns, 0);
        rateColumns.CopyTo(columns, measureColumns.Length);
        Rows = new RowList(this);
    }

    /// <summary>Gets the number of rows (groups × period buckets).</summary>
    public int RowCount => groups.Length * buckets.Length;

    /// <summary>Gets the rows, group-major.</summary>
    public IReadOnlyList<IndicatorRow> Rows { get; }

    /// <summary>Gets every column: the measure columns, then the rate columns.</summary>
    public IReadOnlyList<IndicatorColumn> Columns => columns;

    /// <summary>Gets the measure columns.</summary>
    public IReadOnlyList<MeasureColumn> MeasureColumns => measureColumns;

    /// <summary>Gets the rate columns.</summary>
    public IReadOnlyList<RateColumn> RateColumns => rateColumns;

    /// <summary>Gets the groups, in row order.</summary>
    public IReadOnlyList<GroupKey> Groups => groups;

    /// <summary>Gets the period buckets, in row order within each group.</summary>
    public IReadOnlyList<PeriodBucket> Periods => buckets;

    /// <summary>Gets the region table of a hierarchy roll-up (for <see cref="GetShareOfParent"/>), or <see langword="null"/>; for JSON.</summary>
    internal RegionTable? Regions => regions;

    /// <summary>Gets the number of committees in each group, in the order of <see cref="Groups"/>; for JSON.</summary>
    internal IReadOnlyList<int> GroupSizes => groupSizes;

    /// <summary>Gets a cell by row and column index.</summary>
    /// <param name="row">The row index.</param>
    /// <param name="column">The column index.</param>
    /// <returns>The cell.</returns>
    public IndicatorCell this[int row, int column]
    {
        get
        {
            Preconditions.CheckArgumentRange(column >= 0 && column < columns.Length, column, "No such column.");
            var col = columns[column];
            return col is MeasureColumn m ? new IndicatorCell(col, GetValue(row, m), default) : new IndicatorCell(col, default, GetRate(row, (RateColumn)col));
        }
    }

    /// <summary>Returns a row.</summary>
    /// <param name="row">The row index.</param>
    /// <returns>The row.</returns>
    public IndicatorRow GetRow(int row)
    {
        CheckRow(row);
        int g = row / buckets.Length;
        return new IndicatorRow(this, row, groups[g], buckets[row % buckets.Length], groupSizes[g]);
    }

    // The row index of a group and bucket, or −1: internal, the public look-ups are the indexers and TryGetRow.
    private int RowIndex(GroupKey group, string period)
    {
        Preconditions.CheckNotNull(period);
        var index = groupIndex ?? BuildGroupIndex();
        if (!index.TryGetValue(group, out int g))
        {
            return -1;
        }

        for (int b = 0; b < buckets.Length; b++)
        {
            if (string.Equals(buckets[b].Label, period, StringComparison.Ordinal))
            {
                return (g * buckets.Length) + b;
            }
        }

        return -1;
    }

    private int RowIndex(RegionCode region, string period)
    {
        var index = groupIndex ?? BuildGroupIndex();
        foreach (var key in index.Keys)
        {
            if (key.Kind == GroupKind.Region && key.Code == region)
            {
                return RowIndex(key, period);
            }
        }

        return -1;
    }

    private MeasureColumn? FindColumn(Measure measure) => Array.Find(measureColumns, c => c.Measure == measure);

    private RateColumn? FindRateColumn(Measure rate) => Array.Find(rateColumns, c => c.Definition.Measure == rate);

    /// <summary>
    /// Copies a measure column, one entry per row in row order (<see cref="GetRow"/>), into spans the caller
    /// owns: the lower bound of each sum (the sum itself when exact), the upper bound (−1 when unbounded; equal
    /// to the lower bound when exact), and the number of committees that contributed. Nothing is allocated;
    /// reading every cell this way costs a memory copy, less than computing them.
    /// </summary>
    /// <param name="column">A measure column of this table.</param>
    /// <param name="lower">Receives the lower bounds; at least <see cref="RowCount"/> long, or empty to skip.</param>
    /// <param name="upper">Receives the upper bounds; at least <see cref="RowCount"/> long, or empty to skip.</param>
    /// <param name="contributors">Receives the contributor counts; at least <see cref="RowCount"/> long, or empty to skip.</param>
    /// <exception cref="ArgumentException">The column is not of this table, or a span is non-empty and shorter than <see cref="RowCount"/>.</exception>
    public void CopyColumn(MeasureColumn column, Span<long> lower, Span<long> upper = default, Span<int> contributors = default)
    {
        Preconditions.CheckNotNull(column);
        Preconditions.CheckArgument(column.Slot < measureColumns.Length && ReferenceEquals(measureColumns[column.Slot], column), nameof(column), "The column is not of this table.");
        int rows = RowCount;
        CheckSpan(lower.Length, rows, nameof(lower));
        CheckSpan(upper.Length, rows, nameof(upper));
        CheckSpan(contributors.Length, rows, nameof(contributors));
        int start = column.Slot * rows;
        if (!lower.IsEmpty)
        {
            data.MeasureLower.CopyTo(start, lower[..rows]);
        }

        if (!upper.IsEmpty)
        {
            if (data.MeasureUpper[column.Slot] is { } u)
            {
                u.CopyTo(0, upper[..rows]);
            }
            else
            {
                data.MeasureLower.CopyTo(start, upper[..rows]);
            }
        }

        if (!contributors.IsEmpty)
        {
            data.MeasureContributors.CopyTo(start, contributors[..rows]);
        }
    }

    /// <summary>
    /// Copies a pooled rate column, one entry per row in row order, into spans the caller owns: the pooled
    /// numerator and denominator (lower bounds; with <paramref name="numeratorUpper"/> and
    /// <paramref name="denominatorUpper"/> their upper bounds, −1 when unbounded) and the number of
    /// committees pooled (0: no rate). Nothing is allocated.
    /// </summary>
    /// <param name="column">A rate column of this table.</param>
    /// <param name="numerator">Receives the numerators' lower bounds, or empty to skip.</param>
    /// <param name="denominator">Receives the denominators' lower bounds, or empty to skip.</param>
    /// <param name="contributors">Receives the number of committees pooled, or empty to skip.</param>
    /// <param name="numeratorUpper">Receives the numerators' upper bounds, or empty to skip.</param>
    /// <param name="denominatorUpper">Receives the denominators' upper bounds, or empty to skip.</param>
    /// <exception cref="ArgumentException">The column is not of this table, or a span is non-empty and shorter than <see cref="RowCount"/>.</exception>
    public void CopyColumn(
        RateColumn column,
        Span<long> numerator,
        Span<long> denominator,
        Span<int> contributors = default,
        Span<long> numeratorUpper = default,
        Span<long> denominatorUpper = default)
    {
        Preconditions.CheckNotNull(column);
        Preconditions.CheckArgument(column.Slot < rateColumns.Length && ReferenceEquals(rateColumns[column.Slot], column), nameof(column), "The column is not of this table.");
        int rows = RowCount;
        CheckSpan(numerator.Length, rows, nameof(numerator));
        CheckSpan(denominator.Length, rows, nameof(denominator));
        CheckSpan(contributors.Length, rows, nameof(contributors));
        CheckSpan(numeratorUpper.Length, rows, nameof(numeratorUpper));
        CheckSpan(denominatorUpper.Length, rows, nameof(denominatorUpper));
        int start = column.Slot * rows;
        if (!numerator.IsEmpty)
        {
            data.NumeratorLower.CopyTo(start, numerator[..rows]);
        }

        if (!denominator.IsEmpty)
        {
            data.DenominatorLower.CopyTo(start, denominator[..rows]);
        }

        if (!contributors.IsEmpty)
        {
            data.RateContributors.CopyTo(start, contributors[..rows]);
        }

        if (!numeratorUpper.IsEmpty)
        {
            CopyUpper(data.NumeratorUpper[column.Slot], data.NumeratorLower, start, numeratorUpper[..rows]);
        }

        if (!denominatorUpper.IsEmpty)
        {
            CopyUpper(data.DenominatorUpper[column.Slot], data.DenominatorLower, start, denominatorUpper[..rows]);
        }
    }

    private static void CopyUpper(ChunkedArray<long>? upper, ChunkedArray<long> lower, int start, Span<long> destination)
    {
        if (upper is not null)
        {
            upper.CopyTo(0, destination);
        }
        else
        {
            lower.CopyTo(start, destination);
        }
    }

    private static void CheckSpan(int length, int rows, string paramName) =>
        Preconditions.CheckArgument(length == 0 || length >= rows, paramName, $"The span holds {length} entries; the table has {rows} rows.");

    /// <summary>Returns the sum of a measure in a row.</summary>
    /// <param name="row">The row index.</param>
    /// <param name="column">The measure column.</param>
    /// <returns>The sum with its coverage.</returns>
    public AggregateValue GetValue(int row, MeasureColumn column)
    {
        CheckRow(row);
        Preconditions.CheckNotNull(column);
        Preconditions.CheckArgument(column.Slot < measureColumns.Length && ReferenceEquals(measureColumns[column.Slot], column), nameof(column), "The column is not of this table.");
        int i = (column.Slot * RowCount) + row;
        long lo = data.MeasureLower[i];
        long hi = data.MeasureUpper[column.Slot] is { } upper ? upper[row] : lo;
        var sum = hi < 0 ? Bounds.AtLeast(lo) : Bounds.Between(lo, hi);
        return new AggregateValue(sum, data.MeasureContributors[i], groupSizes[row / buckets.Length]);
    }

    /// <summary>Returns the sum of a measure in a row.</summary>
    /// <param name="row">The row index.</param>
    /// <param name="measure">The measure.</param>
    /// <returns>The sum with its coverage.</returns>
    /// <exception cref="KeyNotFoundException">The table has no column for the measure.</exception>
    public AggregateValue GetValue(int row, Measure measure) => GetValue(row, GetColumn(measure));

    /// <summary>Returns the pooled rate in a row.</summary>
    /// <param name="row">The row index.</param>
    /// <param name="column">The rate column.</param>
    /// <returns>The pooled rate with its coverage.</returns>
    public PooledRate GetRate(int row, RateColumn column)
    {
        CheckRow(row);
        Preconditions.CheckNotNull(column);
        Preconditions.CheckArgument(column.Slot < rateColumns.Length && ReferenceEquals(rateColumns[column.Slot], column), nameof(column), "The column is not of this table.");
        int i = (column.Slot * RowCount) + row;
        int n = data.RateContributors[i];
        if (n == 0)
        {
            return new PooledRate(Metrics.Rate.None, 0, groupSizes[row / buckets.Length]);
        }

        long numLower = data.NumeratorLower[i];
        long numUpper = data.NumeratorUpper[column.Slot] is { } nu ? nu[row] : numLower;
        long denLower = data.DenominatorLower[i];
        long denUpper = data.DenominatorUpper[column.Slot] is { } du ? du[row] : denLower;
        var num = numUpper < 0 ? Bounds.AtLeast(numLower) : Bounds.Between(numLower, numUpper);
        var den = denUpper < 0 ? Bounds.AtLeast(denLower) : Bounds.Between(denLower, denUpper);
        return new PooledRate(Metrics.Rate.FromBounds(num, den), n, groupSizes[row / buckets.Length]);
    }

    /// <summary>Returns the pooled rate in a row.</summary>
    /// <param name="row">The row index.</param>
    /// <param name="rate">The rate's identifier, such as <c>rate.reply</c>.</param>
    /// <returns>The pooled rate with its coverage.</returns>
    /// <exception cref="KeyNotFoundException">The table has no column for the rate.</exception>
    public PooledRate GetRate(int row, Measure rate) => GetRate(row, GetRateColumn(rate));

    /// <summary>Returns the pooled rate in a row; the column is found by the rate's identifier (its formula is the column's <see cref="RateColumn.Definition"/>).</summary>
    /// <param name="row">The row index.</param>
    /// <param name="rate">The rate, such as <see cref="RateDefinition.Reply"/> (the type <see cref="Rendering.TableRenderOptions.Rates"/> and <see cref="IndicatorRow.Rate(RateDefinition)"/> take).</param>
    /// <returns>The pooled rate with its coverage.</returns>
    /// <exception cref="KeyNotFoundException">The table has no column for the rate.</exception>
    public PooledRate GetRate(int row, RateDefinition rate) => GetRate(row, GetRateColumn(rate));

    /// <summary>
    /// Returns the change of a measure's sum for a group between two period buckets: absolute
    /// (to − from) and relative ((to − from) / from). Exact sums only; see <see cref="ValueChange"/>.
    /// </summary>
    /// <param name="group">The group.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="from">The earlier bucket's label.</param>
    /// <param name="to">The later bucket's label.</param>
    /// <returns>The change.</returns>
    /// <exception cref="KeyNotFoundException">The group, a bucket or the measure is not in the table.</exception>
    public ValueChange GetChange(GroupKey group, Measure measure, string from, string to)
    {
        int a = RequireRow(group, from);
        int b = RequireRow(group, to);
        return new ValueChange(buckets[a % buckets.Length], buckets[b % buckets.Length], GetValue(a, measure).Sum, GetValue(b, measure).Sum);
    }

    /// <summary>Returns the change of a measure's sum for a group from each bucket to the next (year over year when the buckets are years).</summary>
    /// <param name="group">The group.</param>
    /// <param name="measure">The measure.</param>
    /// <returns>One change per consecutive pair of buckets.</returns>
    /// <exception cref="KeyNotFoundException">The group or the measure is not in the table.</exception>
    public IReadOnlyList<ValueChange> GetYearOverYear(GroupKey group, Measure measure)
    {
        var column = GetColumn(measure);
        int g = RequireGroup(group);
        var result = new List<ValueChange>(Math.Max(0, buckets.Length - 1));
        for (int b = 1; b < buckets.Length; b++)
        {
            int r = (g * buckets.Length) + b;
            result.Add(new ValueChange(buckets[b - 1], buckets[b], GetValue(r - 1, column).Sum, GetValue(r, column).Sum));
        }

        return result.AsReadOnly();
    }

    /// <summary>Returns the growth of a measure's sum for a group over a span: total relative growth and the compound annual growth rate.</summary>
    /// <param name="group">The group.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="from">The first bucket's label.</param>
    /// <param name="to">The last bucket's label.</param>
    /// <returns>The growth.</returns>
    /// <exception cref="KeyNotFoundException">The group, a bucket or the measure is not in the table.</exception>
    public Growth GetGrowth(GroupKey group, Measure measure, string from, string to)
    {
        var change = GetChange(group, measure, from, to);
        return new Growth(change, change.To.FirstYear - change.From.FirstYear);
    }

    /// <summary>Returns the change of a pooled rate for a group between two buckets, in percentage points, or <see langword="null"/> unless both rates have exact values.</summary>
    /// <param name="group">The group.</param>
    /// <param name="rate">The rate's identifier.</param>
    /// <param name="from">The earlier bucket's label.</param>
    /// <param name="to">The later bucket's label.</param>
    /// <returns>The change in percentage points.</returns>
    public decimal? GetRateChange(GroupKey group, Measure rate, string from, string to)
    {
        var a = GetRate(RequireRow(group, from), rate).Rate;
        var b = GetRate(RequireRow(group, to), rate).Rate;
        return a?.Percent is { } x && b?.Percent is { } y ? y - x : null;
    }

    /// <summary>
    /// Returns a group's share of another group's sum of a measure in one bucket (the child's sum over
    /// the parent's), or <see langword="null"/> when either has no data.
    /// </summary>
    /// <param name="group">The part.</param>
    /// <param name="parent">The whole.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="period">The bucket's label.</param>
    /// <returns>The share as a rate (its bounds when sums are qualified).</returns>
    /// <exception cref="ZhengxieMetricsException">The part's sum exceeds the whole's: the groups are not nested.</exception>
    public Rate? GetShare(GroupKey group, GroupKey parent, Measure measure, string period)
    {
        var part = GetValue(RequireRow(group, period), measure).Sum;
        var whole = GetValue(RequireRow(parent, period), measure).Sum;
        if (part is not { } p || whole is not { } w)
        {
            return null;
        }

        if (w.HasUpperBound && p.Lower > w.Upper!.Value)
        {
            throw new ZhengxieMetricsException($"Group {group}, period {period}, measure {measure}: the sum {p} exceeds the sum {w} of {parent}; the groups are not nested.");
        }

        return Metrics.Rate.FromBounds(p, w);
    }

    /// <summary>
    /// Returns a region group's share of its parent region's group (a prefecture of its province, a
    /// province of the nation), both from this table; <see langword="null"/> when either has no data.
    /// </summary>
    /// <param name="group">A region group of a hierarchy roll-up.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="period">The bucket's label.</param>
    /// <returns>The share.</returns>
    /// <exception cref="ArgumentException">The group is not a region, or its parent group is not in the table.</exception>
    public Rate? GetShareOfParent(GroupKey group, Measure measure, string period)
    {
        Preconditions.CheckArgument(group.Kind == GroupKind.Region && regions is not null, nameof(group), "Only a region group of a hierarchy roll-up has a parent group.");
        GroupKey parent = GroupKey.Nation;
        var index = groupIndex ?? BuildGroupIndex();
        for (var code = group.Code!.Value; regions!.TryGetParent(code, out var r); code = r.Code)
        {
            if (index.ContainsKey(GroupKey.ForRegion(r)))
            {
                parent = GroupKey.ForRegion(r);
                break;
            }
        }

        Preconditions.CheckArgument(index.ContainsKey(parent), nameof(group), $"The parent group of {group} is not in the table.");
        return GetShare(group, parent, measure, period);
    }

    private int RequireGroup(GroupKey group) =>
        (groupIndex ?? BuildGroupIndex()).TryGetValue(group, out int g) ? g : throw new KeyNotFoundException($"Group {group} is not in the table.");

    private int RequireRow(GroupKey group, string period)
    {
        int row = RowIndex(group, period);
        return row >= 0 ? row : throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"The table has no row for group {group} and period {period}."));
    }

    private Dictionary<GroupKey, int> BuildGroupIndex()
    {
        var index = new Dictionary<GroupKey, int>(groups.Length);
        for (int g = 0; g < groups.Length; g++)
        {
            index.TryAdd(groups[g], g);
        }

        Interlocked.CompareExchange(ref groupIndex, index, null);
        return groupIndex;
    }

    private void CheckRow(int row) => Preconditions.CheckArgumentRange(row >= 0 && row < RowCount, row, "No such row.");

    private sealed class RowList(IndicatorTable table) : IReadOnlyList<IndicatorRow>
    {
        public int Count => table.RowCount;

        public IndicatorRow this[int index] => table.GetRow(index);

        public IEnumerator<IndicatorRow> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return table.GetRow(i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
