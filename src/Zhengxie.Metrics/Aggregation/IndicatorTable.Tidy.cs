using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Aggregation;

// Look-ups by key (Get throws KeyNotFoundException, TryGet returns a bool) and the long-format view.
public sealed partial class IndicatorTable
{
    /// <summary>Gets the row of a group and a period bucket.</summary>
    /// <param name="group">The group.</param>
    /// <param name="period">The bucket's label, such as <c>2020</c> or <c>2018-2020</c>.</param>
    /// <returns>The row.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such row.</exception>
    public IndicatorRow this[GroupKey group, string period] =>
        TryGetRow(group, period, out var row) ? row : throw new KeyNotFoundException($"The table has no row for group {group} and period {period}.");

    /// <summary>Gets the row of a group and a single period.</summary>
    /// <param name="group">The group.</param>
    /// <param name="period">The period.</param>
    /// <returns>The row.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such row.</exception>
    public IndicatorRow this[GroupKey group, ReportingPeriod period] => this[group, period.ToString()];

    /// <summary>Gets the row of a region's group and a period bucket.</summary>
    /// <param name="region">The region's code, such as <c>330000</c>.</param>
    /// <param name="period">The bucket's label.</param>
    /// <returns>The row.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such row.</exception>
    public IndicatorRow this[RegionCode region, string period] =>
        TryGetRow(region, period, out var row) ? row : throw new KeyNotFoundException($"The table has no row for region {region} and period {period}.");

    /// <summary>Tries to find the row of a group and a period bucket.</summary>
    /// <param name="group">The group.</param>
    /// <param name="period">The bucket's label.</param>
    /// <param name="row">The row, when found.</param>
    /// <returns>Whether the table has the row.</returns>
    public bool TryGetRow(GroupKey group, string period, out IndicatorRow row) => TryRow(RowIndex(group, period), out row);

    /// <summary>Tries to find the row of a group and a single period.</summary>
    /// <param name="group">The group.</param>
    /// <param name="period">The period.</param>
    /// <param name="row">The row, when found.</param>
    /// <returns>Whether the table has the row.</returns>
    public bool TryGetRow(GroupKey group, ReportingPeriod period, out IndicatorRow row) => TryRow(RowIndex(group, period.ToString()), out row);

    /// <summary>Tries to find the row of a region's group and a period bucket.</summary>
    /// <param name="region">The region's code.</param>
    /// <param name="period">The bucket's label.</param>
    /// <param name="row">The row, when found.</param>
    /// <returns>Whether the table has the row.</returns>
    public bool TryGetRow(RegionCode region, string period, out IndicatorRow row) => TryRow(RowIndex(region, period), out row);

    /// <summary>Gets the column of a count measure.</summary>
    /// <param name="measure">The measure.</param>
    /// <returns>The column.</returns>
    /// <exception cref="KeyNotFoundException">The table has no column for the measure.</exception>
    public MeasureColumn GetColumn(Measure measure) =>
        FindColumn(measure) ?? throw new KeyNotFoundException($"The table has no column for {measure}.");

    /// <summary>Gets the column of a rate.</summary>
    /// <param name="rate">The rate's identifier, such as <c>rate.reply</c>.</param>
    /// <returns>The column.</returns>
    /// <exception cref="KeyNotFoundException">The table has no column for the rate.</exception>
    public RateColumn GetRateColumn(Measure rate) =>
        FindRateColumn(rate) ?? throw new KeyNotFoundException($"The table has no column for {rate}.");

    /// <summary>Gets the column of a rate, found by the rate's identifier (the column's <see cref="RateColumn.Definition"/> has the formula the table pooled).</summary>
    /// <param name="rate">The rate, such as <see cref="RateDefinition.Reply"/>.</param>
    /// <returns>The column.</returns>
    /// <exception cref="KeyNotFoundException">The table has no column for the rate.</exception>
    public RateColumn GetRateColumn(RateDefinition rate)
    {
        Preconditions.CheckNotNull(rate);
        return GetRateColumn(rate.Measure);
    }

    /// <summary>Tries to find the column of a count measure.</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="column">The column, when found.</param>
    /// <returns>Whether the table has a column for the measure.</returns>
    public bool TryGetColumn(Measure measure, [NotNullWhen(true)] out MeasureColumn? column)
    {
        column = FindColumn(measure);
        return column is not null;
    }

    /// <summary>Tries to find the column of a rate.</summary>
    /// <param name="rate">The rate's identifier, such as <c>rate.reply</c>.</param>
    /// <param name="column">The column, when found.</param>
    /// <returns>Whether the table has a column for the rate.</returns>
    public bool TryGetRateColumn(Measure rate, [NotNullWhen(true)] out RateColumn? column)
    {
        column = FindRateColumn(rate);
        return column is not null;
    }

    /// <summary>Tries to find the column of a rate, by the rate's identifier.</summary>
    /// <param name="rate">The rate, such as <see cref="RateDefinition.Reply"/>.</param>
    /// <param name="column">The column, when found.</param>
    /// <returns>Whether the table has a column for the rate.</returns>
    public bool TryGetRateColumn(RateDefinition rate, [NotNullWhen(true)] out RateColumn? column)
    {
        Preconditions.CheckNotNull(rate);
        return TryGetRateColumn(rate.Measure, out column);
    }

    /// <summary>
    /// Returns every value of the table in long ("tidy") format: per row (group-major), one observation per
    /// measure column, then one per rate column, each with its coverage. Ready for LINQ and charts:
    /// <c>table.Observations().Where(o => o.Measure == Measures.Proposals.Filed)</c>.
    /// </summary>
    /// <returns>The observations, computed as they are enumerated.</returns>
    public IEnumerable<IndicatorObservation> Observations()
    {
        for (int row = 0; row < RowCount; row++)
        {
            foreach (var o in Observations(row))
            {
                yield return o;
            }
        }
    }

    /// <summary>Returns the observations of one row (see <see cref="Observations()"/>).</summary>
    /// <param name="row">The row index.</param>
    /// <returns>The observations.</returns>
    internal IEnumerable<IndicatorObservation> Observations(int row)
    {
        var r = GetRow(row);
        foreach (var m in measureColumns)
        {
            var v = GetValue(row, m);
            yield return new IndicatorObservation(r.Group, r.Period, m.Measure, v.Sum, null, v.Contributors, v.GroupSize);
        }

        foreach (var c in rateColumns)
        {
            var p = GetRate(row, c);
            yield return new IndicatorObservation(r.Group, r.Period, c.Definition.Measure, null, p.Rate, p.Contributors, p.GroupSize);
        }
    }

    private bool TryRow(int index, out IndicatorRow row)
    {
        row = index >= 0 ? GetRow(index) : default;
        return index >= 0;
    }

    /// <summary>Formats as <c>IndicatorTable: 11 groups × 7 periods (77 rows); 5 measures, 2 rates</c>, culture-invariant.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"IndicatorTable: {groups.Length} groups × {buckets.Length} periods ({RowCount} rows); {measureColumns.Length} measures, {rateColumns.Length} rates");
}
