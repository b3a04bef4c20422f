using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// One row of a <see cref="RecordStatisticsTable"/>: a committee and period with its counts (<c>row[Measures.Proposals.Filed]</c>)
/// and rates (<c>row.Rate(RateDefinition.Reply)</c>). A cheap view: a struct that refers to its table and reads each
/// value on access, with no <see cref="ProposalStatistics"/> made unless <see cref="Statistics"/> is asked for.
/// </summary>
/// <remarks>Equality compares the table and the index. Immutable and thread-safe. <c>default(RecordStatisticsRow)</c> belongs to no table.</remarks>
[DebuggerDisplay("{ToString(),nq}")]
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public readonly struct RecordStatisticsRow : IEquatable<RecordStatisticsRow>
{
    private readonly RecordStatisticsTable? table;

    internal RecordStatisticsRow(RecordStatisticsTable table, int index)
    {
        this.table = table;
        Index = index;
    }

    /// <summary>Gets the row's position in the table.</summary>
    public int Index { get; }

    /// <summary>Gets the committee.</summary>
    /// <exception cref="InvalidOperationException">The row is <c>default(RecordStatisticsRow)</c>.</exception>
    public Committee Committee => Table.Committees[Index];

    /// <summary>Gets the committee's region name from <see cref="RegionTable.Default"/> (莲都区); the code as text when the table does not have it.</summary>
    /// <exception cref="InvalidOperationException">The row is <c>default(RecordStatisticsRow)</c>.</exception>
    public string CommitteeName
    {
        get
        {
            var committee = Committee;
            return RegionTable.Default.TryGet(committee.Region, out var region) ? region.Name : committee.Region.ToString();
        }
    }

    /// <summary>Gets the period.</summary>
    /// <exception cref="InvalidOperationException">The row is <c>default(RecordStatisticsRow)</c>.</exception>
    public ReportingPeriod Period => Table.Periods[Index];

    /// <summary>Gets the row's counts in the order of <see cref="RecordStatisticsTable.CountMeasures"/>, without copying.</summary>
    /// <exception cref="InvalidOperationException">The row is <c>default(RecordStatisticsRow)</c>.</exception>
    public ReadOnlySpan<long> Counts => Table.GetCounts(Index);

    /// <summary>Gets the row's statistics (made on each call).</summary>
    /// <exception cref="InvalidOperationException">The row is <c>default(RecordStatisticsRow)</c>.</exception>
    public ProposalStatistics Statistics => Table[Index];

    /// <summary>Gets a count of this row.</summary>
    /// <param name="measure">One of <see cref="RecordStatisticsTable.CountMeasures"/>, such as <c>proposals.filed</c>.</param>
    /// <returns>The count.</returns>
    /// <exception cref="KeyNotFoundException">The table does not count the measure.</exception>
    /// <exception cref="InvalidOperationException">The row is <c>default(RecordStatisticsRow)</c>.</exception>
    public long this[Measure measure] => Table.GetCount(Index, measure);

    /// <summary>Gets a rate of this row from its counts.</summary>
    /// <param name="rate">The rate, such as <see cref="RateDefinition.Reply"/>.</param>
    /// <returns>The rate (no value when the denominator is zero).</returns>
    /// <exception cref="KeyNotFoundException">The table does not count a measure of the rate's formula.</exception>
    /// <exception cref="InvalidOperationException">The row is <c>default(RecordStatisticsRow)</c>.</exception>
    public Rate Rate(RateDefinition rate) =>
        TryGetRate(rate, out var value) ? value : throw new KeyNotFoundException($"The table does not count every measure of {rate.Measure} = {rate.Formula}.");

    /// <summary>Tries to compute a rate of this row from its counts.</summary>
    /// <param name="rate">The rate, such as <see cref="RateDefinition.Reply"/>.</param>
    /// <param name="value">The rate, when the table counts every measure of its formula.</param>
    /// <returns>Whether the table counts every measure of the formula.</returns>
    /// <exception cref="InvalidOperationException">The row is <c>default(RecordStatisticsRow)</c>.</exception>
    public bool TryGetRate(RateDefinition rate, out Rate value)
    {
        Preconditions.CheckNotNull(rate);
        var counts = Counts;
        value = default;
        int d = RecordStatisticsTable.SlotOf(rate.Denominator);
        if (d < 0)
        {
            return false;
        }

        long numerator = 0;
        foreach (var m in rate.Numerator)
        {
            int slot = RecordStatisticsTable.SlotOf(m);
            if (slot < 0)
            {
                return false;
            }

            numerator = checked(numerator + counts[slot]);
        }

        value = Metrics.Rate.FromBounds(Bounds.Exactly(numerator), Bounds.Exactly(counts[d]));
        return true;
    }

    private RecordStatisticsTable Table => table ?? throw new InvalidOperationException("default(RecordStatisticsRow) belongs to no table.");

    /// <inheritdoc />
    public bool Equals(RecordStatisticsRow other) => ReferenceEquals(table, other.table) && Index == other.Index;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RecordStatisticsRow other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(table, Index);

    /// <summary>Formats as <c>331102 莲都区 @ 2023</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => table is null ? "(no row)" : Committee.ToString() + " " + CommitteeName + " @ " + Period.ToString();

    /// <summary>Compares two rows for equality.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RecordStatisticsRow left, RecordStatisticsRow right) => left.Equals(right);

    /// <summary>Compares two rows for inequality.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RecordStatisticsRow left, RecordStatisticsRow right) => !left.Equals(right);
}
