using System;
using System.Collections.Generic;
using System.Globalization;

namespace Zhengxie.Metrics.Records;

// Tidy views: rows as struct views with their counts, look-ups by committee and period (Get throws KeyNotFoundException,
// TryGet returns a bool) and the long-format observations.
public sealed partial class RecordStatisticsTable
{
    /// <summary>Gets the rows as views with their counts, in row order (committee, then period).</summary>
    public IReadOnlyList<RecordStatisticsRow> Rows => new RowList(this);

    /// <summary>Gets the row of a committee and period.</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <returns>The row.</returns>
    /// <exception cref="KeyNotFoundException">The table has no row for the committee and period.</exception>
    public RecordStatisticsRow this[Committee committee, ReportingPeriod period] =>
        TryGetRow(committee, period, out var row)
            ? row
            : throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"The table has no row for committee {committee} and period {period}."));

    /// <summary>Gets a row by index.</summary>
    /// <param name="row">The row, 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such row.</exception>
    public RecordStatisticsRow GetRow(int row)
    {
        Utility.Preconditions.CheckArgumentRange(row >= 0 && row < Count, row, "No such row.");
        return new RecordStatisticsRow(this, row);
    }

    /// <summary>Tries to find the row of a committee and period.</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="row">The row, when found.</param>
    /// <returns>Whether the table has the row.</returns>
    public bool TryGetRow(Committee committee, ReportingPeriod period, out RecordStatisticsRow row)
    {
        bool found = rows.TryGetValue((committee, period), out int index);
        row = found ? new RecordStatisticsRow(this, index) : default;
        return found;
    }

    /// <summary>
    /// Returns every count of the table in long ("tidy") format: per row (committee, then period), one observation per
    /// measure of <see cref="CountMeasures"/>, then one per standard rate (<see cref="RateDefinition.Standard"/>) whose
    /// counts the table has. Ready for LINQ and charts: <c>table.Observations().Where(o => o.Measure == Measures.Rates.Reply)</c>.
    /// </summary>
    /// <returns>The observations, computed as they are enumerated.</returns>
    public IEnumerable<RecordObservation> Observations()
    {
        for (int r = 0; r < Count; r++)
        {
            var row = new RecordStatisticsRow(this, r);
            string name = row.CommitteeName;
            for (int m = 0; m < RecordCodes.MeasureCount; m++)
            {
                yield return new RecordObservation(row.Committee, name, row.Period, RecordCodes.SlotMeasures[m], counts[(r * RecordCodes.MeasureCount) + m], null);
            }

            foreach (var d in RateDefinition.Standard)
            {
                if (row.TryGetRate(d, out var rate))
                {
                    yield return new RecordObservation(row.Committee, name, row.Period, d.Measure, null, rate);
                }
            }
        }
    }

    /// <summary>The slot of a measure the table counts, or −1.</summary>
    internal static int SlotOf(Measure measure) => Array.IndexOf(RecordCodes.SlotMeasures, measure);

    private static int Slot(Measure measure)
    {
        int m = SlotOf(measure);
        return m >= 0 ? m : throw new KeyNotFoundException($"The table does not count {measure}; it counts {string.Join(", ", RecordCodes.SlotMeasures)}.");
    }

    private sealed class RowList(RecordStatisticsTable table) : IReadOnlyList<RecordStatisticsRow>
    {
        public int Count => table.Count;

        public RecordStatisticsRow this[int index] => table.GetRow(index);

        public IEnumerator<RecordStatisticsRow> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return new RecordStatisticsRow(table, i);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
