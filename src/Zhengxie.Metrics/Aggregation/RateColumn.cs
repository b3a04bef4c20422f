using System.Diagnostics;

namespace Zhengxie.Metrics.Aggregation;

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
