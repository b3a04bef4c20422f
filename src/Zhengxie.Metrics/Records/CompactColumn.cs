using System;
using System.Runtime.CompilerServices;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// A column of whole numbers from a known range, or a value that stands for "missing": held as 16-bit offsets from the
/// range's first number when the range holds at most 65,535 numbers, and as the numbers themselves otherwise. A set's
/// day columns (days from its first day; <see cref="RecordDays.Never"/> missing: any real set spans far fewer than 179
/// years), its unit numbers (−1 missing) and its co-handling counts are held so: half the memory of full numbers, and half
/// the fresh pages a build touches to write them.
/// </summary>
internal readonly struct CompactColumn
{
    /// <summary>The 16-bit offset that stands for the missing value.</summary>
    private const ushort MissingOffset = ushort.MaxValue;

    private readonly ushort[]? offsets;
    private readonly int[]? values;
    private readonly int first;
    private readonly int missing;

    private CompactColumn(ushort[]? offsets, int[]? values, int first, int missing)
    {
        this.offsets = offsets;
        this.values = values;
        this.first = first;
        this.missing = missing;
    }

    /// <summary>Gets a value indicating whether the column holds 16-bit offsets.</summary>
    internal bool IsNarrow => offsets is not null;

    /// <summary>Gets the number at a place (the missing value where it was written).</summary>
    /// <param name="i">The place.</param>
    internal int this[int i]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (offsets is null)
            {
                return values![i];
            }

            int offset = offsets[i];
            return offset == MissingOffset ? missing : first + offset;
        }
    }

    /// <summary>Returns whether the numbers <paramref name="first"/>..<paramref name="last"/> fit 16-bit offsets (each below the one that stands for the missing value).</summary>
    internal static bool Fits(int first, int last) => (long)last - first < MissingOffset;

    /// <summary>
    /// Allocates an uninitialized column of <paramref name="count"/> places for the numbers <paramref name="first"/>..<paramref name="last"/>
    /// and <paramref name="missing"/> (outside that range; an empty range may start at the missing value): narrow when
    /// they fit, full width otherwise.
    /// </summary>
    internal static CompactColumn Allocate(int count, int first, int last, int missing) =>
        Fits(first, last)
            ? new CompactColumn(GC.AllocateUninitializedArray<ushort>(count), null, first, missing)
            : new CompactColumn(null, GC.AllocateUninitializedArray<int>(count), first, missing);

    /// <summary>Writes a number (within the range the column was allocated for, or the missing value) at a place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Set(int i, int value)
    {
        if (offsets is not null)
        {
            offsets[i] = value == missing ? MissingOffset : (ushort)(value - first);
        }
        else
        {
            values![i] = value;
        }
    }
}
