using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// The figures a <see cref="FigureDatasetBuilder"/> holds, one row each, stored by column: committee,
/// the builder's period and measure numbers, value, unit, qualifier, scope, topic, source, and the
/// <see cref="Figure"/> the row came from when it was added as an object (<see langword="null"/> for rows
/// added from columns, which get a <see cref="Figure"/> only when one is asked for: a finding's text, the
/// full analysis of a committee-period, <see cref="FigureDataset.Figures"/>).
/// </summary>
/// <remarks>Rows are narrow (27 bytes): the committee as its builder number, the value as a <see cref="long"/> when it is a
/// whole number of scale 0 (others, rare, in a side list), the unit as the number of its symbol (no reference per row, so
/// a collection has no large column of references to trace), qualifier and scope as bytes, topics, sources and objects
/// only once one is given. Rows are only appended, never changed (a failed load drops its own rows from the end): a <see cref="Snapshot"/> taken at <c>Build</c> stays valid while the builder goes on adding.</remarks>
internal sealed class FigureRows
{
    private const byte PlainFlag = 1;
    private int[] committeeNumbers = [];
    private int[] periods = [];
    private int[] measures = [];
    private long[] numbers = [];
    private int[] unitNumbers = [];
    private FigureUnit[] unitTable = new FigureUnit[4]; // by number, one per distinct symbol: entries only appended; a full table is replaced by a larger copy
    private int unitCount;
    private readonly Dictionary<string, int> unitNumberOf = new(StringComparer.Ordinal);
    private string? lastUnitSymbol;
    private int lastUnitNumber;
    private byte[] qualifiers = [];
    private byte[] scopes = [];
    private byte[] flags = [];
    private string?[]? topics;
    private FigureSource?[]? sources;
    private Figure?[]? figures; // only once a row comes with its Figure
    private readonly List<decimal?> otherValues = [];

    internal int Count { get; private set; }

    /// <summary>Gets whether every row was added as a <see cref="Figure"/>.</summary>
    internal bool AllObjects { get; private set; } = true;

    /// <summary>Gets each row's committee number: its index in the builder's region table, or a number above the table's for a committee not in it.</summary>
    internal int[] CommitteeNumbers => committeeNumbers;

    internal int[] Periods => periods;

    internal int[] Measures => measures;

    /// <summary>Gets row <paramref name="i"/>'s unit (the first instance added with its symbol).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal FigureUnit UnitAt(int i) => unitTable[unitNumbers[i]];

    /// <summary>Gets the topics, or <see langword="null"/> while no row has one.</summary>
    internal string?[]? Topics => topics;

    /// <summary>Gets the objects the rows came as (empty while no row came as one).</summary>
    internal Figure?[] Objects => figures ?? [];

    internal void EnsureCapacity(int capacity)
    {
        if (capacity > committeeNumbers.Length)
        {
            Grow(capacity);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Add(int committeeNumber, int period, int measure, decimal? value, FigureUnit unit, Qualifier qualifier, FigureScope scope, string? topic, FigureSource? source, Figure? figure)
    {
        int i = Count;
        if (i == committeeNumbers.Length)
        {
            Grow(i + 1);
        }

        committeeNumbers[i] = committeeNumber;
        periods[i] = period;
        measures[i] = measure;
        unitNumbers[i] = UnitNumber(unit);
        qualifiers[i] = (byte)qualifier;
        scopes[i] = (byte)scope;
        if (figure is not null)
        {
            (figures ??= new Figure?[committeeNumbers.Length])[i] = figure;
        }

        long number = value is { } v ? ScaleZeroOrMinusOne(v) : -1;
        bool plain;
        if (number >= 0)
        {
            numbers[i] = number;
            plain = true;
        }
        else
        {
            numbers[i] = ~(long)otherValues.Count;
            otherValues.Add(value);
            plain = value is { } w && w >= 0 && w <= long.MaxValue && decimal.IsInteger(w);
        }

        flags[i] = plain && qualifier == Qualifier.Exact && unit.Scale == 1 ? PlainFlag : (byte)0;
        if (topic is not null || topics is not null)
        {
            (topics ??= new string?[committeeNumbers.Length])[i] = topic;
        }

        if (source is not null || sources is not null)
        {
            (sources ??= new FigureSource?[committeeNumbers.Length])[i] = source;
        }

        if (figure is null)
        {
            AllObjects = false;
        }

        Count = i + 1;
        return i;
    }

    /// <summary>Gets row <paramref name="i"/>'s value as given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal decimal? ValueAt(int i)
    {
        long n = numbers[i];
        return n >= 0 ? n : otherValues[(int)~n];
    }

    /// <summary>Whether row <paramref name="i"/> has a value (every figure but 「全部」 without a count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool HasValue(int i) => numbers[i] >= 0 || otherValues[(int)~numbers[i]] is not null;

    internal Qualifier QualifierAt(int i) => (Qualifier)qualifiers[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal FigureScope ScopeAt(int i) => (FigureScope)scopes[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal string? TopicAt(int i) => topics?[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal FigureSource? SourceAt(int i) => sources?[i];

    /// <summary>Whether rows <paramref name="i"/> and <paramref name="j"/> hold the same figure (every field but the source, as <see cref="Figure.Equals(Figure?)"/>).</summary>
    internal bool SameFigure(int i, int j) =>
        committeeNumbers[i] == committeeNumbers[j] && periods[i] == periods[j] && measures[i] == measures[j] && ValueAt(i) == ValueAt(j)
        && unitNumbers[i] == unitNumbers[j] && qualifiers[i] == qualifiers[j] && scopes[i] == scopes[j] && string.Equals(TopicAt(i), TopicAt(j), StringComparison.Ordinal);

    /// <summary>Drops the rows from <paramref name="count"/> on (a load that failed half-way); rows before stay as they were.</summary>
    internal void Truncate(int count)
    {
        if (count >= Count)
        {
            return;
        }

        int firstOther = otherValues.Count;
        for (int i = count; i < Count; i++)
        {
            if (numbers[i] < 0)
            {
                firstOther = Math.Min(firstOther, (int)~numbers[i]);
            }
        }

        otherValues.RemoveRange(firstOther, otherValues.Count - firstOther);

        // Release the references the dropped rows held; value-type columns are overwritten by later rows.
        if (figures is not null)
        {
            Array.Clear(figures, count, Count - count);
        }

        if (topics is not null)
        {
            Array.Clear(topics, count, Count - count);
        }

        if (sources is not null)
        {
            Array.Clear(sources, count, Count - count);
        }

        Count = count;
        AllObjects = true;
        for (int i = 0; i < count && AllObjects; i++)
        {
            AllObjects = figures?[i] is not null;
        }
    }

    /// <summary>Whether row <paramref name="i"/> is an exact whole count in a unit of scale 1 that fits in a long (its bounds need no check).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsPlainWhole(int i, out long whole)
    {
        if (flags[i] == 0)
        {
            whole = -1;
            return false;
        }

        long n = numbers[i];
        whole = n >= 0 ? n : (long)otherValues[(int)~n]!.Value;
        return true;
    }

    /// <summary>The number of a unit's symbol: the same number for every unit with that symbol (units are equal by symbol), a new one for a symbol not seen before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int UnitNumber(FigureUnit unit)
    {
        string symbol = unit.Symbol;
        if (ReferenceEquals(symbol, lastUnitSymbol))
        {
            return lastUnitNumber;
        }

        ref int number = ref CollectionsMarshal.GetValueRefOrAddDefault(unitNumberOf, symbol, out bool known);
        if (!known)
        {
            if (unitCount == unitTable.Length)
            {
                // A new array, not a resized one in place: a snapshot keeps reading the array it took.
                var grown = new FigureUnit[unitCount * 2];
                unitTable.AsSpan(0, unitCount).CopyTo(grown);
                unitTable = grown;
            }

            number = unitCount;
            unitTable[unitCount++] = unit;
        }

        lastUnitSymbol = symbol;
        lastUnitNumber = number;
        return number;
    }

    internal Snapshot Freeze(Committee[] committeeList, ReportingPeriod[] periodList, Measure[] measureList) =>
        new(this, committeeList, periodList, measureList);

    private void Grow(int min)
    {
        int size = Math.Max(min, Math.Max(16, committeeNumbers.Length * 2));
        Array.Resize(ref committeeNumbers, size);
        Array.Resize(ref periods, size);
        Array.Resize(ref measures, size);
        Array.Resize(ref numbers, size);
        Array.Resize(ref unitNumbers, size);
        Array.Resize(ref qualifiers, size);
        Array.Resize(ref scopes, size);
        Array.Resize(ref flags, size);
        if (figures is not null)
        {
            Array.Resize(ref figures, size);
        }

        if (topics is not null)
        {
            Array.Resize(ref topics, size);
        }

        if (sources is not null)
        {
            Array.Resize(ref sources, size);
        }
    }

    /// <summary>The value as a long when its decimal is a non-negative whole number of scale 0 below 2^63 (so <c>(decimal)n</c> gives back the same bits), else −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long ScaleZeroOrMinusOne(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        return bits[3] == 0 && bits[2] == 0 && bits[1] >= 0 ? ((long)bits[1] << 32) | (uint)bits[0] : -1;
    }

    /// <summary>
    /// The rows as they are now, with the builder's committees, periods and measures by number: enough to make any row's
    /// <see cref="Figure"/>. Rows are only appended and the arrays of a snapshot are never written below its count, so it
    /// stays valid while the builder goes on adding.
    /// </summary>
    internal readonly struct Snapshot
    {
        private readonly int[] committeeNumbers;
        private readonly int[] periods;
        private readonly int[] measures;
        private readonly long[] numbers;
        private readonly int[] unitNumbers;
        private readonly FigureUnit[] unitTable;
        private readonly byte[] qualifiers;
        private readonly byte[] scopes;
        private readonly string?[]? topics;
        private readonly FigureSource?[]? sources;
        private readonly Figure?[]? figures;
        private readonly List<decimal?> otherValues;
        private readonly Committee[] committeeList;
        private readonly ReportingPeriod[] periodList;
        private readonly Measure[] measureList;

        internal Snapshot(FigureRows rows, Committee[] committeeList, ReportingPeriod[] periodList, Measure[] measureList)
        {
            committeeNumbers = rows.committeeNumbers;
            periods = rows.periods;
            measures = rows.measures;
            numbers = rows.numbers;
            unitNumbers = rows.unitNumbers;
            unitTable = rows.unitTable;
            qualifiers = rows.qualifiers;
            scopes = rows.scopes;
            topics = rows.topics;
            sources = rows.sources;
            figures = rows.figures;
            otherValues = rows.otherValues;
            this.committeeList = committeeList;
            this.periodList = periodList;
            this.measureList = measureList;
        }

        internal Committee CommitteeOf(int i) => committeeList[committeeNumbers[i]];

        internal ReportingPeriod PeriodOf(int i) => periodList[periods[i]];

        internal Measure MeasureOf(int i) => measureList[measures[i]];

        /// <summary>Returns row <paramref name="i"/> as a <see cref="Figure"/>: the object it was added as, or a new one made from its columns.</summary>
        internal Figure FigureAt(int i)
        {
            if (figures?[i] is { } figure)
            {
                return figure;
            }

            long n = numbers[i];
            decimal? value = n >= 0 ? n : otherValues[(int)~n];
            return new Figure(CommitteeOf(i), PeriodOf(i), MeasureOf(i), value, unitTable[unitNumbers[i]], (Qualifier)qualifiers[i], (FigureScope)scopes[i], topics?[i], sources?[i]);
        }

        internal FigureKey KeyOf(int i) => new(CommitteeOf(i), PeriodOf(i), MeasureOf(i), (FigureScope)scopes[i], topics?[i]);

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
