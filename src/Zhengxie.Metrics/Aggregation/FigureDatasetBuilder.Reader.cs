using System;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Aggregation;

/// <content>
/// Ingestion for a reader that has already found the duplicates among its rows (the CSV reader, which reports them with
/// their lines): its rows are added as it reads them, with the same checks as <see cref="AddColumns(FigureColumns)"/>,
/// and dropped again when the read fails; rows such a reader added to an empty builder are not searched for duplicates a
/// second time in <see cref="Build"/>.
/// </content>
public sealed partial class FigureDatasetBuilder
{
    /// <summary>
    /// The number of leading rows a reader guaranteed distinct (no two with the same committee, period, measure, scope and
    /// topic), or -1. Only a reader's load into an empty builder sets it; any other row added after them makes it smaller
    /// than the row count, and then the duplicate search runs as always.
    /// </summary>
    private int distinctRows = -1;

    /// <summary>The builder's measure number + 1 of each of the loading reader's measure numbers (0: not met yet).</summary>
    private int[] readerMeasures = [];

    /// <summary>Gets the number of rows (distinct or not) added so far.</summary>
    internal int RowCount => rows.Count;

    /// <summary>
    /// Starts a load by a reader that adds only rows it has checked to be distinct among themselves
    /// (<see cref="AddDistinctRows"/>); returns the row count to give <see cref="DropRowsFrom"/> if the load fails.
    /// </summary>
    /// <param name="expectedRows">The rows the reader expects to add (room is made for them), or 0.</param>
    internal int BeginDistinctLoad(int expectedRows)
    {
        int start = rows.Count;
        distinctRows = start == 0 ? 0 : -1;
        Array.Clear(readerMeasures);
        if (expectedRows > 0)
        {
            Reserve(expectedRows);
        }

        return start;
    }

    /// <summary>Makes room for <paramref name="more"/> rows beyond those added so far.</summary>
    internal void ReserveRows(int more) => Reserve(more);

    /// <summary>
    /// Adds rows of a load begun with <see cref="BeginDistinctLoad"/>: none has the identity (committee, period, measure,
    /// scope, topic) of a row the load added before. Each row is checked as <see cref="AddColumns(FigureColumns)"/> checks
    /// it (a row that does not make a figure throws; the caller drops the load's rows).
    /// </summary>
    /// <param name="columns">The rows; every optional column given.</param>
    /// <param name="measureKeys">Each row's measure as the reader numbers its measures within the load (the same measure, the same number), or -1: saves a look-up per row.</param>
    internal void AddDistinctRows(FigureColumns columns, ReadOnlySpan<int> measureKeys)
    {
        int n = columns.Length;
        Preconditions.CheckArgument(
            columns.Periods.Length == n && columns.Measures.Length == n && columns.Values.Length == n && columns.Units.Length == n
            && columns.Qualifiers.Length == n && columns.Scopes.Length == n && columns.Topics.Length == n && columns.Sources.Length == n
            && measureKeys.Length == n,
            nameof(columns),
            "Every column has one element per row.");
        bool distinct = distinctRows >= 0 && distinctRows == rows.Count;
        var committees = columns.Committees;
        var periods = columns.Periods;
        var measures = columns.Measures;
        var values = columns.Values;
        var units = columns.Units;
        var qualifiers = columns.Qualifiers;
        var scopes = columns.Scopes;
        var topics = columns.Topics;
        var sources = columns.Sources;
        Reserve(n);
        for (int i = 0; i < n; i++)
        {
            var measure = measures[i];
            if (measure.IsDefault)
            {
                ThrowRow(i, committees[i], periods[i], measure, values[i], units[i], qualifiers[i], scopes[i]);
            }

            int key = measureKeys[i];
            int m = (uint)key < (uint)readerMeasures.Length ? readerMeasures[key] - 1 : -1;
            if (m < 0)
            {
                m = ReaderMeasure(measure, key);
            }

            if (!MakesFigure(committees[i], periods[i], measure, values[i], units[i], qualifiers[i], scopes[i], measureNumbers.IsRate(m)))
            {
                ThrowRow(i, committees[i], periods[i], measure, values[i], units[i], qualifiers[i], scopes[i]);
            }

            string? topic = string.IsNullOrWhiteSpace(topics[i]) ? null : topics[i];
            AddRow(committees[i], PeriodNumber(periods[i]), m, values[i], units[i], qualifiers[i], scopes[i], topic, sources[i], null);
        }

        distinctRows = distinct ? rows.Count : -1;
    }

    /// <summary>The builder's number of a measure, remembered for the reader's number <paramref name="key"/> (when it is one, below 65,536).</summary>
    private int ReaderMeasure(Measure measure, int key)
    {
        int m = measureNumbers.NumberOf(measure);
        if (key is >= 0 and < (1 << 16))
        {
            if (key >= readerMeasures.Length)
            {
                Array.Resize(ref readerMeasures, Math.Max(key + 1, readerMeasures.Length * 2));
            }

            readerMeasures[key] = m + 1;
        }

        return m;
    }

    /// <summary>Drops the rows from <paramref name="start"/> on (a load that failed), so the builder is as it was before the load.</summary>
    /// <param name="start">The row count <see cref="BeginDistinctLoad"/> returned.</param>
    internal void DropRowsFrom(int start)
    {
        rows.Truncate(start);
        duplicates = null;
        distinctRows = -1;
    }

    /// <summary>Returns row <paramref name="row"/> as a <see cref="Figure"/> (to report a later duplicate of it).</summary>
    /// <param name="row">The row's index among all rows added.</param>
    internal Figure FigureOfRow(int row)
    {
        var committees = committeeIndex.Committees;
        int c = rows.CommitteeNumbers[row];
        var committee = c < committees.Length ? committees[c] : unknownList[c - committees.Length];
        return new Figure(committee, periodList[rows.Periods[row]], measureNumbers[rows.Measures[row]], rows.ValueAt(row), rows.UnitAt(row), rows.QualifierAt(row), rows.ScopeAt(row), rows.TopicAt(row), rows.SourceAt(row));
    }

    /// <summary>Whether the duplicate search can be skipped: every row came from one reader's load into an empty builder.</summary>
    private bool RowsKnownDistinct => distinctRows > 0 && distinctRows == rows.Count;
}
