using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// The figures a <see cref="FigureDatasetBuilder"/> holds, one row each, stored by column: committee,
/// the builder's period and measure numbers, value, unit, qualifier, scope, topic, source, and the
/// <see cref="Figure"/> the row came from when it was added as an object (<see langword="null"/> for rows
/// added from columns, which get a <see cref="Figure"/> only when one is asked for: a finding's text, the
/// full analysis of a committee-period, <see cref="FigureDataset.Figures"/>).
/// </summary>
/// <remarks>Rows are only appended, never changed: a <see cref="Snapshot"/> taken at <c>Build</c> stays valid while the builder goes on adding.</remarks>
internal sealed class FigureRows
{
    private Committee[] committees = [];
    private int[] periods = [];
    private int[] measures = [];
    private decimal?[] values = [];
    private FigureUnit[] units = [];
    private Qualifier[] qualifiers = [];
    private FigureScope[] scopes = [];
    private string?[] topics = [];
    private FigureSource?[] sources = [];
    private Figure?[] figures = [];
    private long[] wholes = [];

    internal int Count { get; private set; }

    /// <summary>Gets whether every row was added as a <see cref="Figure"/>.</summary>
    internal bool AllObjects { get; private set; } = true;

    internal Committee[] Committees => committees;

    internal int[] Periods => periods;

    internal int[] Measures => measures;

    internal decimal?[] Values => values;

    internal FigureUnit[] Units => units;

    internal Qualifier[] Qualifiers => qualifiers;

    internal FigureScope[] Scopes => scopes;

    internal string?[] Topics => topics;

    internal Figure?[] Objects => figures;

    internal void EnsureCapacity(int capacity)
    {
        if (capacity > committees.Length)
        {
            Grow(capacity);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Add(Committee committee, int period, int measure, decimal? value, FigureUnit unit, Qualifier qualifier, FigureScope scope, string? topic, FigureSource? source, Figure? figure)
    {
        int i = Count;
        if (i == committees.Length)
        {
            Grow(i + 1);
        }

        committees[i] = committee;
        periods[i] = period;
        measures[i] = measure;
        values[i] = value;
        units[i] = unit;
        qualifiers[i] = qualifier;
        scopes[i] = scope;
        topics[i] = topic;
        sources[i] = source;
        figures[i] = figure;
        wholes[i] = qualifier == Qualifier.Exact && value is { } v && unit.Scale == 1 ? WholeOrMinusOne(v) : -1;
        if (figure is null)
        {
            AllObjects = false;
        }

        Count = i + 1;
        return i;
    }

    /// <summary>Whether row <paramref name="i"/> holds the same figure (every field but the source, as <see cref="Figure.Equals(Figure?)"/>).</summary>
    internal bool SameFigure(int i, Committee committee, int period, int measure, decimal? value, FigureUnit unit, Qualifier qualifier, FigureScope scope, string? topic) =>
        committees[i] == committee && periods[i] == period && measures[i] == measure && values[i] == value && units[i] == unit
        && qualifiers[i] == qualifier && scopes[i] == scope && string.Equals(topics[i], topic, StringComparison.Ordinal);

    /// <summary>Whether row <paramref name="i"/> is an exact whole count in a unit of scale 1 that fits in a long (its bounds need no check).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsPlainWhole(int i, out long whole)
    {
        whole = wholes[i];
        return whole >= 0;
    }

    internal Snapshot Freeze(ReportingPeriod[] periodList, Measure[] measureList) =>
        new(committees, periods, measures, values, units, qualifiers, scopes, topics, sources, figures, periodList, measureList);

    private void Grow(int min)
    {
        int size = Math.Max(min, Math.Max(16, committees.Length * 2));
        Array.Resize(ref committees, size);
        Array.Resize(ref periods, size);
        Array.Resize(ref measures, size);
        Array.Resize(ref values, size);
        Array.Resize(ref units, size);
        Array.Resize(ref qualifiers, size);
        Array.Resize(ref scopes, size);
        Array.Resize(ref topics, size);
        Array.Resize(ref sources, size);
        Array.Resize(ref figures, size);
        Array.Resize(ref wholes, size);
    }

    /// <summary>The value as a long when it is a non-negative whole number that fits one, else −1; from the decimal's bits when its scale is 0 (the usual case).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long WholeOrMinusOne(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[3] == 0 && bits[2] == 0 && bits[1] >= 0)
        {
            // Scale 0, positive, high 32 bits zero, middle word below 2^31: lo | mid << 32 fits a long.
            return ((long)bits[1] << 32) | (uint)bits[0];
        }

        return value >= 0 && value <= long.MaxValue && decimal.IsInteger(value) ? (long)value : -1;
    }

    /// <summary>The rows' columns as they are now, with the builder's periods and measures by number: enough to make any row's <see cref="Figure"/>.</summary>
    internal readonly struct Snapshot(
        Committee[] committees,
        int[] periods,
        int[] measures,
        decimal?[] values,
        FigureUnit[] units,
        Qualifier[] qualifiers,
        FigureScope[] scopes,
        string?[] topics,
        FigureSource?[] sources,
        Figure?[] figures,
        ReportingPeriod[] periodList,
        Measure[] measureList)
    {
        internal ReportingPeriod PeriodOf(int i) => periodList[periods[i]];

        internal Measure MeasureOf(int i) => measureList[measures[i]];

        /// <summary>Returns row <paramref name="i"/> as a <see cref="Figure"/>: the object it was added as, or a new one made from its columns.</summary>
        internal Figure FigureAt(int i) =>
            figures[i] ?? new Figure(committees[i], periodList[periods[i]], measureList[measures[i]], values[i], units[i], qualifiers[i], scopes[i], topics[i], sources[i]);

        internal FigureKey KeyOf(int i) => new(committees[i], periodList[periods[i]], measureList[measures[i]], scopes[i], topics[i]);

        /// <summary>Returns the figures of the given rows, in that order.</summary>
        internal List<Figure> FiguresAt(IReadOnlyList<int> rows)
        {
            var list = new List<Figure>(rows.Count);
            for (int k = 0; k < rows.Count; k++)
            {
                list.Add(FigureAt(rows[k]));
            }

            return list;
        }
    }
}
