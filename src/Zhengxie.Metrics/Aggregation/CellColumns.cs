using System;
using System.Buffers;
using System.Collections.Generic;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// The count cells of one <see cref="FigureDatasetBuilder.Build"/>, written straight into each measure's column of each scope (no list of
/// cells per measure): values, presence, the widths of qualified cells, the largest value, and per cell the row it came
/// from (or an implied figure) so that a measure whose cells turn out to be in different units can be checked afterwards.
/// </summary>
/// <remarks>
/// The column's unit is the unit of its first cell (by committee, then period) over both scopes, as before: while every
/// cell of a measure has the same unit symbol, that is all; when two symbols meet (rare), <see cref="Finish"/> takes
/// the first cell's unit and drops (with a <see cref="ValidationRule.UnitMismatch"/> finding) every cell whose unit does
/// not count the same thing.
/// </remarks>
internal sealed class CellColumns : IDisposable
{
    private readonly int committees;
    private readonly int stride;
    private readonly FigureRows rows;
    private readonly List<Figure> implied = [];
    private Column?[] committeeScope;
    private Column?[] regionTotalScope;
    private string?[] symbols;
    private bool[] mixed;

    internal CellColumns(int measures, int committees, int stride, FigureRows rows)
    {
        this.committees = committees;
        this.stride = stride;
        this.rows = rows;
        committeeScope = new Column?[measures];
        regionTotalScope = new Column?[measures];
        symbols = new string?[measures];
        mixed = new bool[measures];
    }

    /// <summary>Places the cell of row <paramref name="row"/>.</summary>
    internal void Add(FigureScope scope, int measure, int committee, int period, Bounds bounds, int row) =>
        Put(scope, measure, committee, period, bounds, rows.UnitAt(row), row);

    /// <summary>Places a cell the analysis made (a stated figure, or one that records where an implied count came from).</summary>
    internal void Add(FigureScope scope, int measure, int committee, int period, Bounds bounds, Figure figure)
    {
        implied.Add(figure);
        Put(scope, measure, committee, period, bounds, figure.Unit, ~(implied.Count - 1));
    }

    /// <summary>Places an exact count of row <paramref name="row"/> (the usual case).</summary>
    internal void AddExact(FigureScope scope, int measure, int committee, int period, long value, int row)
    {
        var column = ColumnOf(scope, measure, rows.UnitAt(row));
        int i = (committee * stride) + period;
        column.Values[i] = value;
        column.Present[i] = 1;
        column.Rows[i] = row;
        column.Max = Math.Max(column.Max, value);
        column.Count++;
        if (i < column.First)
        {
            column.First = i;
        }
    }

    /// <summary>Makes the dataset's columns of one scope, checking units where a measure's cells came in several.</summary>
    internal Dictionary<Measure, CountColumn> Finish(FigureScope scope, Func<int, Measure> measureOf, FigureRows.Snapshot snapshot, List<ValidationFinding> findings)
    {
        var own = scope == FigureScope.Committee ? committeeScope : regionTotalScope;
        var other = scope == FigureScope.Committee ? regionTotalScope : committeeScope;
        var result = new Dictionary<Measure, CountColumn>();
        for (int m = 0; m < own.Length; m++)
        {
            if (own[m] is not { } column)
            {
                continue;
            }

            var measure = measureOf(m);

            // The column's unit is that of the first cell (by committee, then period) over both scopes: order-independent.
            var (firstColumn, first) = other[m] is { } o && o.First < column.First ? (o, o.First) : (column, column.First);
            var unit = UnitOf(firstColumn.Rows[first]);
            if (mixed[m])
            {
                DropOtherUnits(column, measure, unit, FigureAt(firstColumn.Rows[first], snapshot), snapshot, findings);
            }

            var qualified = column.Qualified.ToArray();
            Array.Sort(qualified, QualifiedCell.ByCell);
            result[measure] = new CountColumn(measure, unit.BaseSymbol, column.Values, column.Present, qualified, column.Max, column.Count);
        }

        return result;
    }

    /// <summary>Returns the pooled row arrays.</summary>
    public void Dispose()
    {
        foreach (var columns in (Column?[][])[committeeScope, regionTotalScope])
        {
            foreach (var column in columns)
            {
                if (column is not null)
                {
                    ArrayPool<int>.Shared.Return(column.Rows);
                }
            }
        }
    }

    private void Put(FigureScope scope, int measure, int committee, int period, Bounds bounds, FigureUnit unit, int rowRef)
    {
        var column = ColumnOf(scope, measure, unit);
        int i = (committee * stride) + period;
        column.Values[i] = bounds.Lower;
        column.Present[i] = 1;
        column.Rows[i] = rowRef;
        column.Max = Math.Max(column.Max, bounds.Upper ?? bounds.Lower);
        column.Count++;
        if (!bounds.IsExact)
        {
            column.Qualified.Add(new QualifiedCell(i, bounds.Width ?? -1));
        }

        if (i < column.First)
        {
            column.First = i;
        }
    }

    private Column ColumnOf(FigureScope scope, int measure, FigureUnit unit)
    {
        if (measure >= symbols.Length)
        {
            int size = Math.Max(measure + 1, symbols.Length * 2);
            Array.Resize(ref committeeScope, size);
            Array.Resize(ref regionTotalScope, size);
            Array.Resize(ref symbols, size);
            Array.Resize(ref mixed, size);
        }

        string symbol = unit.Symbol;
        string? seen = symbols[measure];
        if (!ReferenceEquals(symbol, seen))
        {
            if (seen is null)
            {
                symbols[measure] = symbol;
            }
            else if (!string.Equals(symbol, seen, StringComparison.Ordinal))
            {
                mixed[measure] = true;
            }
        }

        var columns = scope == FigureScope.Committee ? committeeScope : regionTotalScope;
        return columns[measure] ??= new Column(committees * stride);
    }

    private FigureUnit UnitOf(int rowRef) => rowRef >= 0 ? rows.UnitAt(rowRef) : implied[~rowRef].Unit;

    private Figure FigureAt(int rowRef, FigureRows.Snapshot snapshot) => rowRef >= 0 ? snapshot.FigureAt(rowRef) : implied[~rowRef];

    /// <summary>Drops every cell whose unit does not count what the first cell's unit counts, with a finding each; recomputes the largest value.</summary>
    private void DropOtherUnits(Column column, Measure measure, FigureUnit unit, Figure firstFigure, FigureRows.Snapshot snapshot, List<ValidationFinding> findings)
    {
        var widths = new Dictionary<int, long>();
        foreach (var q in column.Qualified)
        {
            widths[q.Cell] = q.Width;
        }

        long max = 0;
        for (int i = 0; i < column.Present.Length; i++)
        {
            if (column.Present[i] == 0)
            {
                continue;
            }

            var cellUnit = UnitOf(column.Rows[i]);
            if (!ReferenceEquals(cellUnit.Symbol, unit.Symbol) && !UnitEquivalence.Default.AreEquivalent(measure, cellUnit, unit))
            {
                var figure = FigureAt(column.Rows[i], snapshot);
                findings.Add(new ValidationFinding(
                    ValidationRule.UnitMismatch,
                    $"The figure {figure.FormatAsReported()} is in {cellUnit.BaseSymbol}, but {measure} is counted in {unit.BaseSymbol} (as {firstFigure.Committee} states it for {firstFigure.Period}); it is not used.",
                    figure.Committee,
                    figure.Period,
                    measure));
                column.Values[i] = 0;
                column.Present[i] = 0;
                column.Count--;
                widths.Remove(i);
                continue;
            }

            long width = widths.TryGetValue(i, out long w) && w >= 0 ? w : 0;
            max = Math.Max(max, column.Values[i] + width);
        }

        column.Max = max;
        column.Qualified.RemoveAll(q => !widths.ContainsKey(q.Cell));
    }

    /// <summary>One measure's column of one scope while cells are placed.</summary>
    private sealed class Column(int cells)
    {
        internal long[] Values { get; } = new long[cells];

        internal byte[] Present { get; } = new byte[cells];

        /// <summary>Gets each present cell's row (≥ 0) or implied figure (~index); pooled, read only where present.</summary>
        internal int[] Rows { get; } = ArrayPool<int>.Shared.Rent(cells);

        internal List<QualifiedCell> Qualified { get; } = [];

        internal long Max { get; set; }

        internal int Count { get; set; }

        /// <summary>Gets or sets the first present cell (by committee, then period).</summary>
        internal int First { get; set; } = int.MaxValue;
    }
}
