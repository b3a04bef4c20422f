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
/// One row of an <see cref="IndicatorTable"/>: a group of committees and a period bucket, with its values
/// (<c>row[Measures.Proposals.Filed]</c>, <c>row.Rate(RateDefinition.Reply)</c>). A cheap view: a struct that
/// refers to its table and computes each value on access.
/// </summary>
/// <remarks>Equality compares the index, group and period. Immutable and thread-safe. <c>default(IndicatorRow)</c> belongs to no table and has no values.</remarks>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct IndicatorRow : IEquatable<IndicatorRow>
{
    private readonly IndicatorTable? table;

    internal IndicatorRow(IndicatorTable table, int index, GroupKey group, PeriodBucket period, int groupSize)
    {
        this.table = table;
        Index = index;
        Group = group;
        Period = period;
        GroupSize = groupSize;
    }

    /// <summary>Gets the row's position in the table.</summary>
    public int Index { get; }

    /// <summary>Gets the group of committees.</summary>
    public GroupKey Group { get; }

    /// <summary>Gets the periods the row covers.</summary>
    public PeriodBucket Period { get; }

    /// <summary>Gets the number of committees in the group.</summary>
    public int GroupSize { get; }

    /// <summary>Gets the sum of a count measure in this row, with its coverage.</summary>
    /// <param name="measure">The measure, such as <c>proposals.filed</c>.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="KeyNotFoundException">The table has no column for the measure.</exception>
    /// <exception cref="InvalidOperationException">The row is <c>default(IndicatorRow)</c>.</exception>
    public AggregateValue this[Measure measure] => Table.GetValue(Index, Table.GetColumn(measure));

    /// <summary>Gets the pooled rate of this row, with its coverage.</summary>
    /// <param name="rate">The rate's identifier, such as <c>rate.reply</c>.</param>
    /// <returns>The pooled rate.</returns>
    /// <exception cref="KeyNotFoundException">The table has no column for the rate.</exception>
    /// <exception cref="InvalidOperationException">The row is <c>default(IndicatorRow)</c>.</exception>
    public PooledRate Rate(Measure rate) => Table.GetRate(Index, Table.GetRateColumn(rate));

    /// <summary>Gets the pooled rate of this row, with its coverage.</summary>
    /// <param name="rate">The rate, such as <see cref="RateDefinition.Reply"/>.</param>
    /// <returns>The pooled rate.</returns>
    /// <exception cref="KeyNotFoundException">The table has no column for the rate.</exception>
    /// <exception cref="InvalidOperationException">The row is <c>default(IndicatorRow)</c>.</exception>
    public PooledRate Rate(RateDefinition rate)
    {
        Preconditions.CheckNotNull(rate);
        return Rate(rate.Measure);
    }

    /// <summary>Gets every value of this row in long format: one observation per column.</summary>
    /// <returns>The observations, measure columns first.</returns>
    public IEnumerable<IndicatorObservation> Observations() => Table.Observations(Index);

    private IndicatorTable Table => table ?? throw new InvalidOperationException("default(IndicatorRow) belongs to no table.");

    /// <inheritdoc />
    public bool Equals(IndicatorRow other) => Index == other.Index && Group == other.Group && Equals(Period, other.Period);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IndicatorRow other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Index, Group);

    /// <summary>Formats as <c>330000 浙江省 @ 2020</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Group.ToString() + " @ " + Period?.Label;

    /// <summary>Compares two rows for equality.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(IndicatorRow left, IndicatorRow right) => left.Equals(right);

    /// <summary>Compares two rows for inequality.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(IndicatorRow left, IndicatorRow right) => !left.Equals(right);
}
