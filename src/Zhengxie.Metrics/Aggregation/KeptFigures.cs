using System.Collections.Generic;
using System.Threading;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// The figures a <see cref="FigureDataset"/> keeps, in order of arrival: the objects themselves, or rows of a
/// builder's columns that become <see cref="Figure"/> objects only when first asked for (so a dataset built from
/// columns creates no object per figure unless its figures are read). Thread-safe.
/// </summary>
internal sealed class KeptFigures
{
    private readonly FigureRows.Snapshot rows;
    private readonly int[]? accepted;
    private List<Figure>? figures;

    internal KeptFigures(List<Figure> figures)
    {
        this.figures = figures;
        Count = figures.Count;
    }

    internal KeptFigures(FigureRows.Snapshot rows, int[] accepted, int count)
    {
        this.rows = rows;
        this.accepted = accepted;
        Count = count;
    }

    internal int Count { get; }

    internal List<Figure> List
    {
        get
        {
            if (figures is null)
            {
                var list = new List<Figure>(Count);
                for (int a = 0; a < Count; a++)
                {
                    list.Add(rows.FigureAt(accepted![a]));
                }

                Interlocked.CompareExchange(ref figures, list, null);
            }

            return figures;
        }
    }
}
