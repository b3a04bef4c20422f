using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// The proposal statistics of every committee and period of a <see cref="ProposalRecordSet"/>, one row each,
/// sorted by committee, then period. Holds the counts in one array (15 counts per row); each row's
/// <see cref="ProposalStatistics"/> is made when asked for. Immutable and thread-safe.
/// </summary>
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed partial class RecordStatisticsTable : IReadOnlyList<ProposalStatistics>, IEquatable<RecordStatisticsTable>
{
    private readonly Committee[] committees;
    private readonly ReportingPeriod[] periods;
    private readonly Dictionary<(Committee, ReportingPeriod), int> rows;
    private readonly long[] counts;

    internal RecordStatisticsTable(Committee[] committees, ReportingPeriod[] periods, Dictionary<(Committee, ReportingPeriod), int> rows, long[] counts)
    {
        this.committees = committees;
        this.periods = periods;
        this.rows = rows;
        this.counts = counts;
    }

    /// <summary>Gets the number of rows (committee-periods).</summary>
    public int Count => committees.Length;

    /// <summary>Gets the measures each row counts, in column order.</summary>
    public static IReadOnlyList<Measure> CountMeasures { get; } = Array.AsReadOnly(RecordCodes.SlotMeasures);

    /// <summary>Gets the statistics of a row.</summary>
    /// <param name="index">The row, from 0.</param>
    /// <returns>The statistics.</returns>
    public ProposalStatistics this[int index]
    {
        get
        {
            Preconditions.CheckArgumentRange(index >= 0 && index < Count, index, "No such row.");
            var list = new List<KeyValuePair<Measure, Bounds>>(RecordCodes.MeasureCount);
            for (int m = 0; m < RecordCodes.MeasureCount; m++)
            {
                list.Add(new(RecordCodes.SlotMeasures[m], Bounds.Exactly(counts[(index * RecordCodes.MeasureCount) + m])));
            }

            return ProposalStatistics.FromCounts(committees[index], periods[index], list);
        }
    }

    /// <summary>Gets the committee of every row, in row order, without copying.</summary>
    public ReadOnlySpan<Committee> Committees => committees;

    /// <summary>Gets the period of every row, in row order, without copying.</summary>
    public ReadOnlySpan<ReportingPeriod> Periods => periods;

    /// <summary>Gets every count, row-major without copying: row <c>r</c>'s count of <see cref="CountMeasures"/>[<c>m</c>] is at <c>r × CountMeasures.Count + m</c>.</summary>
    public ReadOnlySpan<long> AllCounts => counts;

    /// <summary>Returns one row's counts, in the order of <see cref="CountMeasures"/>, without copying or allocating.</summary>
    /// <param name="row">The row, 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such row.</exception>
    public ReadOnlySpan<long> GetCounts(int row)
    {
        Preconditions.CheckArgumentRange(row >= 0 && row < Count, row, "No such row.");
        return counts.AsSpan(row * RecordCodes.MeasureCount, RecordCodes.MeasureCount);
    }

    /// <summary>Copies one measure's count of every row, in row order, into a span the caller owns; allocates nothing.</summary>
    /// <param name="measure">One of <see cref="CountMeasures"/>.</param>
    /// <param name="destination">Receives the counts; at least <see cref="Count"/> long.</param>
    /// <exception cref="ArgumentException">The table does not count the measure, or the span is too short.</exception>
    public void CopyColumn(Measure measure, Span<long> destination)
    {
        int m = Array.IndexOf(RecordCodes.SlotMeasures, measure);
        Preconditions.CheckArgument(m >= 0, nameof(measure), $"The table does not count {measure}.");
        Preconditions.CheckArgument(destination.Length >= Count, nameof(destination), $"The span holds {destination.Length} entries; the table has {Count} rows.");
        var source = counts.AsSpan();
        for (int row = 0, i = m; row < committees.Length; row++, i += RecordCodes.MeasureCount)
        {
            destination[row] = source[i];
        }
    }

    /// <summary>Gets a row's committee.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The committee.</returns>
    public Committee GetCommittee(int row)
    {
        Preconditions.CheckArgumentRange(row >= 0 && row < Count, row, "No such row.");
        return committees[row];
    }

    /// <summary>Gets a row's period.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The period.</returns>
    public ReportingPeriod GetPeriod(int row)
    {
        Preconditions.CheckArgumentRange(row >= 0 && row < Count, row, "No such row.");
        return periods[row];
    }

    /// <summary>Gets one count of a row without building its statistics.</summary>
    /// <param name="row">The row.</param>
    /// <param name="measure">One of <see cref="CountMeasures"/>.</param>
    /// <returns>The count.</returns>
    /// <exception cref="KeyNotFoundException">The measure is not one the table counts.</exception>
    public long GetCount(int row, Measure measure)
    {
        Preconditions.CheckArgumentRange(row >= 0 && row < Count, row, "No such row.");
        return counts[(row * RecordCodes.MeasureCount) + Slot(measure)];
    }

    /// <summary>Finds the statistics of a committee and period.</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="statistics">The statistics, when the table has that row.</param>
    /// <returns>Whether it has.</returns>
    public bool TryGet(Committee committee, ReportingPeriod period, [NotNullWhen(true)] out ProposalStatistics? statistics)
    {
        statistics = rows.TryGetValue((committee, period), out int row) ? this[row] : null;
        return statistics is not null;
    }

    /// <inheritdoc />
    public IEnumerator<ProposalStatistics> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Compares the data: the same committee-periods in the same order, with the same counts. A table read back from its JSON equals the table written.</summary>
    /// <param name="other">The other table.</param>
    /// <returns>Whether both hold the same rows and counts.</returns>
    public bool Equals(RecordStatisticsTable? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (committees.AsSpan().SequenceEqual(other.committees) && periods.AsSpan().SequenceEqual(other.periods) && counts.AsSpan().SequenceEqual(other.counts)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RecordStatisticsTable);

    /// <summary>Returns a hash of the number of rows and the first row (cheap; consistent with <see cref="Equals(RecordStatisticsTable)"/>).</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() =>
        Count == 0 ? 0 : HashCode.Combine(Count, committees[0], periods[0], counts[0], counts[^1]);

    /// <summary>Formats as <c>RecordStatisticsTable: 12 committee-periods</c>, culture-invariant.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"RecordStatisticsTable: {Count} committee-periods");
}
