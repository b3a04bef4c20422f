using System.Diagnostics;

namespace Zhengxie.Metrics.Aggregation;

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
