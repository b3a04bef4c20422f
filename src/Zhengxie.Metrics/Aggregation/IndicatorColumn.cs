using System.Diagnostics;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>What an <see cref="IndicatorColumn"/> holds.</summary>
public enum IndicatorColumnKind
{
    /// <summary>A count measure summed over the group (<see cref="AggregateValue"/> cells).</summary>
    Measure = 0,

    /// <summary>A rate pooled over the group (<see cref="PooledRate"/> cells).</summary>
    Rate = 1,
}

/// <summary>
/// A column of an <see cref="IndicatorTable"/>: a count measure (<see cref="MeasureColumn"/>) or a pooled
/// rate (<see cref="RateColumn"/>). Immutable and thread-safe.
/// </summary>
[DebuggerDisplay("{Name,nq}")]
public abstract class IndicatorColumn
{
    private protected IndicatorColumn(int index, string name)
    {
        Index = index;
        Name = name;
    }

    /// <summary>Gets the column's position in <see cref="IndicatorTable.Columns"/>.</summary>
    public int Index { get; }

    /// <summary>Gets the column's name: the measure's or rate's identifier (<c>proposals.filed</c>, <c>rate.reply</c>).</summary>
    public string Name { get; }

    /// <summary>Gets what the column holds.</summary>
    public abstract IndicatorColumnKind Kind { get; }

    /// <summary>Returns the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}

/// <summary>A column of sums of one count measure.</summary>
public sealed class MeasureColumn : IndicatorColumn
{
    internal MeasureColumn(int index, int slot, Measure measure, string unit)
        : base(index, measure.Id)
    {
        Slot = slot;
        Measure = measure;
        Unit = unit;
    }

    /// <summary>Gets the measure summed.</summary>
    public Measure Measure { get; }

    /// <summary>Gets the base unit of the sums (<c>件</c>, <c>次</c>, <c>元</c> for figures printed in 万元); empty when no figure has the measure.</summary>
    public string Unit { get; }

    /// <inheritdoc />
    public override IndicatorColumnKind Kind => IndicatorColumnKind.Measure;

    /// <summary>Gets the position among the table's measure columns.</summary>
    internal int Slot { get; }
}

/// <summary>A column of one rate pooled over the group.</summary>
public sealed class RateColumn : IndicatorColumn
{
    internal RateColumn(int index, int slot, RateDefinition definition)
        : base(index, definition.Measure.Id)
    {
        Slot = slot;
        Definition = definition;
    }

    /// <summary>Gets the rate's definition.</summary>
    public RateDefinition Definition { get; }

    /// <summary>Gets the formula as text: <c>proposals.replied / proposals.filed</c>.</summary>
    public string Formula => Definition.Formula;

    /// <inheritdoc />
    public override IndicatorColumnKind Kind => IndicatorColumnKind.Rate;

    /// <summary>Gets the position among the table's rate columns.</summary>
    internal int Slot { get; }
}
