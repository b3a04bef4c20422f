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

/// <summary>One cell of an <see cref="IndicatorTable"/>: a sum (measure column) or a pooled rate (rate column).</summary>
/// <remarks>Equality compares the column and the content. Immutable and thread-safe.</remarks>
public readonly struct IndicatorCell : IEquatable<IndicatorCell>
{
    internal IndicatorCell(IndicatorColumn column, AggregateValue value, PooledRate rate)
    {
        Column = column;
        ValueOrDefault = value;
        RateOrDefault = rate;
    }

    /// <summary>Gets the cell's column.</summary>
    public IndicatorColumn Column { get; }

    /// <summary>Gets the sum, for a measure column; else <see langword="null"/>.</summary>
    public AggregateValue? Value => Column?.Kind == IndicatorColumnKind.Measure ? ValueOrDefault : null;

    /// <summary>Gets the pooled rate, for a rate column; else <see langword="null"/>.</summary>
    public PooledRate? Rate => Column?.Kind == IndicatorColumnKind.Rate ? RateOrDefault : null;

    /// <summary>Gets the number of committees that contributed.</summary>
    public int Contributors => Column?.Kind == IndicatorColumnKind.Rate ? RateOrDefault.Contributors : ValueOrDefault.Contributors;

    /// <summary>Gets the number of committees in the group.</summary>
    public int GroupSize => Column?.Kind == IndicatorColumnKind.Rate ? RateOrDefault.GroupSize : ValueOrDefault.GroupSize;

    private AggregateValue ValueOrDefault { get; }

    private PooledRate RateOrDefault { get; }

    /// <inheritdoc />
    public bool Equals(IndicatorCell other) => ReferenceEquals(Column, other.Column) && ValueOrDefault == other.ValueOrDefault && RateOrDefault == other.RateOrDefault;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IndicatorCell other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Column, ValueOrDefault, RateOrDefault);

    /// <summary>Formats the sum or the pooled rate with its coverage.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Column?.Kind == IndicatorColumnKind.Rate ? RateOrDefault.ToString() : ValueOrDefault.ToString();

    /// <summary>Compares two cells for equality.</summary>
    /// <param name="left">The first cell.</param>
    /// <param name="right">The second cell.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(IndicatorCell left, IndicatorCell right) => left.Equals(right);

    /// <summary>Compares two cells for inequality.</summary>
    /// <param name="left">The first cell.</param>
    /// <param name="right">The second cell.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(IndicatorCell left, IndicatorCell right) => !left.Equals(right);
}
