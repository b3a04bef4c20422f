using System.Diagnostics;

namespace Zhengxie.Metrics.Aggregation;

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
