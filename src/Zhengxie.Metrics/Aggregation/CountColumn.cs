using System;
using System.Collections.Generic;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// One count measure of a dataset in dense form. Values are committee-major: the cell of committee
/// <c>c</c> and period <c>p</c> is at <c>c × Stride + p</c> (the period axis padded to a whole number of
/// SIMD vectors, padding cells zero and absent). A missing cell holds 0 and is absent in
/// <see cref="Present"/> (1 = present, 0 = missing). A qualified cell holds its lower bound; its width
/// (upper − lower, or −1 when unbounded) is in <see cref="Qualified"/>, sorted by cell.
/// </summary>
internal sealed class CountColumn
{
    internal CountColumn(Measure measure, string unit, long[] values, byte[] present, QualifiedCell[] qualified, long maxValue, int cellCount)
    {
        Measure = measure;
        Unit = unit;
        Values = values;
        Present = present;
        Qualified = qualified;
        MaxValue = maxValue;
        CellCount = cellCount;

        // Every sum of this column has at most cellCount terms, each at most maxValue: when that product
        // fits in a long, no partial sum can overflow and the vectorised unchecked adds are exact.
        CanSumUnchecked = cellCount == 0 || maxValue <= long.MaxValue / cellCount;
    }

    internal Measure Measure { get; }

    internal string Unit { get; }

    internal long[] Values { get; }

    internal byte[] Present { get; }

    internal QualifiedCell[] Qualified { get; }

    internal long MaxValue { get; }

    internal int CellCount { get; }

    internal bool CanSumUnchecked { get; }

    /// <summary>Returns the bounds of a present cell, or <see langword="null"/> when it is missing.</summary>
    internal Bounds? Get(int committee, int period, int stride)
    {
        int cell = (committee * stride) + period;
        if (Present[cell] == 0)
        {
            return null;
        }

        long lo = Values[cell];
        int q = Array.BinarySearch(Qualified, new QualifiedCell(cell, 0), QualifiedCell.ByCell);
        if (q < 0)
        {
            return Bounds.Exactly(lo);
        }

        long w = Qualified[q].Width;
        return w < 0 ? Bounds.AtLeast(lo) : Bounds.Between(lo, checked(lo + w));
    }

    /// <summary>Merges two columns cell by cell (a cell present in both is summed).</summary>
    internal static CountColumn Merge(CountColumn a, CountColumn b)
    {
        var values = new long[a.Values.Length];
        var present = new byte[a.Present.Length];
        long max = 0;
        int count = 0;
        var widths = new Dictionary<int, long>();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = checked(a.Values[i] + b.Values[i]);
            present[i] = (byte)(a.Present[i] | b.Present[i]);
            max = Math.Max(max, values[i]);
            count += present[i];
        }

        foreach (var q in a.Qualified)
        {
            widths[q.Cell] = q.Width;
        }

        foreach (var q in b.Qualified)
        {
            widths[q.Cell] = widths.TryGetValue(q.Cell, out long w) ? (w < 0 || q.Width < 0 ? -1 : checked(w + q.Width)) : q.Width;
        }

        var qualified = new QualifiedCell[widths.Count];
        int k = 0;
        foreach (var (cell, width) in widths)
        {
            qualified[k++] = new QualifiedCell(cell, width);
        }

        Array.Sort(qualified, QualifiedCell.ByCell);
        return new CountColumn(a.Measure, a.Unit.Length > 0 ? a.Unit : b.Unit, values, present, qualified, max, count);
    }
}

/// <summary>A qualified cell: its index and width (upper − lower, −1 when unbounded).</summary>
internal readonly record struct QualifiedCell(int Cell, long Width)
{
    internal static IComparer<QualifiedCell> ByCell { get; } = Comparer<QualifiedCell>.Create((x, y) => x.Cell.CompareTo(y.Cell));
}
