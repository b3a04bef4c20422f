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

/// <summary>One row of an <see cref="IndicatorTable"/>: a group of committees and a period bucket.</summary>
/// <remarks>Equality compares the index, group and period. Immutable and thread-safe.</remarks>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct IndicatorRow : IEquatable<IndicatorRow>
{
    internal IndicatorRow(int index, GroupKey group, PeriodBucket period, int groupSize)
    {
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
