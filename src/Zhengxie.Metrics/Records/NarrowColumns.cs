using System;
using System.Runtime.CompilerServices;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// A column of day numbers (<see cref="RecordDays"/>; <see cref="RecordDays.Never"/> for a missing date), held as
/// 16-bit offsets from the set's earliest day when every day of the set lies within 65,535 days of it (179 years: any
/// real set), and as day numbers otherwise. Half the memory of a set's day columns, and half the fresh pages a build
/// touches to write them.
/// </summary>
internal readonly struct DayColumn
{
    /// <summary>The offset that stands for <see cref="RecordDays.Never"/>.</summary>
    private const ushort NeverOffset = ushort.MaxValue;

    private readonly ushort[]? offsets;
    private readonly int[]? days;
    private readonly int origin;

    private DayColumn(ushort[]? offsets, int[]? days, int origin)
    {
        this.offsets = offsets;
        this.days = days;
        this.origin = origin;
    }

    /// <summary>Gets a value indicating whether the column holds 16-bit offsets.</summary>
    internal bool IsNarrow => offsets is not null;

    /// <summary>Gets the day number at a place (<see cref="RecordDays.Never"/> for a missing date).</summary>
    /// <param name="i">The place.</param>
    internal int this[int i]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (offsets is null)
            {
                return days![i];
            }

            int offset = offsets[i];
            return offset == NeverOffset ? RecordDays.Never : origin + offset;
        }
    }

    /// <summary>Returns whether days from <paramref name="first"/> to <paramref name="last"/> fit a narrow column (every offset below the one that stands for a missing date).</summary>
    internal static bool Fits(int first, int last) => (long)last - first < NeverOffset;

    /// <summary>Allocates an uninitialized column of <paramref name="count"/> places: narrow from <paramref name="first"/> when the days up to <paramref name="last"/> fit, wide otherwise.</summary>
    internal static DayColumn Allocate(int count, int first, int last) =>
        Fits(first, last)
            ? new DayColumn(GC.AllocateUninitializedArray<ushort>(count), null, first)
            : new DayColumn(null, GC.AllocateUninitializedArray<int>(count), 0);

    /// <summary>Writes a day number (within the range the column was allocated for, or <see cref="RecordDays.Never"/>) at a place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Set(int i, int day)
    {
        if (offsets is not null)
        {
            offsets[i] = day == RecordDays.Never ? NeverOffset : (ushort)(day - origin);
        }
        else
        {
            days![i] = day;
        }
    }
}

/// <summary>
/// A column of handling-unit numbers (−1 for none), held as 16-bit numbers when the set names at most 65,535 units
/// (any real set) and as 32-bit numbers otherwise.
/// </summary>
internal readonly struct UnitColumn
{
    /// <summary>The 16-bit number that stands for no unit.</summary>
    private const ushort NoUnit = ushort.MaxValue;

    private readonly ushort[]? narrow;
    private readonly int[]? wide;

    private UnitColumn(ushort[]? narrow, int[]? wide)
    {
        this.narrow = narrow;
        this.wide = wide;
    }

    /// <summary>Gets a value indicating whether the column holds 16-bit numbers.</summary>
    internal bool IsNarrow => narrow is not null;

    /// <summary>Gets the unit number at a place (−1 for none).</summary>
    /// <param name="i">The place.</param>
    internal int this[int i]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (narrow is null)
            {
                return wide![i];
            }

            int unit = narrow[i];
            return unit == NoUnit ? -1 : unit;
        }
    }

    /// <summary>Returns whether <paramref name="units"/> units (numbered from 0, so the last is one below the number that stands for none) fit a narrow column.</summary>
    internal static bool Fits(int units) => units <= NoUnit;

    /// <summary>Allocates an uninitialized column of <paramref name="count"/> places for <paramref name="units"/> units: narrow when they fit, wide otherwise.</summary>
    internal static UnitColumn Allocate(int count, int units) =>
        Fits(units)
            ? new UnitColumn(GC.AllocateUninitializedArray<ushort>(count), null)
            : new UnitColumn(null, GC.AllocateUninitializedArray<int>(count));

    /// <summary>Writes a unit number (below the count the column was allocated for, or −1) at a place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Set(int i, int unit)
    {
        if (narrow is not null)
        {
            narrow[i] = (ushort)unit;
        }
        else
        {
            wide![i] = unit;
        }
    }
}
