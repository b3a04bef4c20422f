using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// The columnar content of an <see cref="IndicatorTable"/>: per column, one entry per row (column-major);
/// an upper bound of −1 means unbounded. Stored in chunks below the large-object threshold, so a table
/// lives in the ordinary heap: no fresh pages to fault in, and no full collections triggered by each result.
/// </summary>
internal sealed class AggregationResult
{
    internal AggregationResult(int rows, int measureCount, int rateCount)
    {
        Rows = rows;
        MeasureLower = new ChunkedArray<long>(rows * measureCount);
        MeasureContributors = new ChunkedArray<int>(rows * measureCount);
        MeasureUpper = new ChunkedArray<long>?[measureCount];
        NumeratorLower = new ChunkedArray<long>(rows * rateCount);
        DenominatorLower = new ChunkedArray<long>(rows * rateCount);
        RateContributors = new ChunkedArray<int>(rows * rateCount);
        NumeratorUpper = new ChunkedArray<long>?[rateCount];
        DenominatorUpper = new ChunkedArray<long>?[rateCount];
    }

    internal int Rows { get; }

    internal ChunkedArray<long> MeasureLower { get; }

    /// <summary>Gets, per measure column, the upper bounds by row; <see langword="null"/> when every sum of the column is exact.</summary>
    internal ChunkedArray<long>?[] MeasureUpper { get; }

    internal ChunkedArray<int> MeasureContributors { get; }

    internal ChunkedArray<long> NumeratorLower { get; }

    /// <summary>Gets, per rate column, the numerators' upper bounds by row; <see langword="null"/> when exact.</summary>
    internal ChunkedArray<long>?[] NumeratorUpper { get; }

    internal ChunkedArray<long> DenominatorLower { get; }

    /// <summary>Gets, per rate column, the denominators' upper bounds by row; <see langword="null"/> when exact.</summary>
    internal ChunkedArray<long>?[] DenominatorUpper { get; }

    internal ChunkedArray<int> RateContributors { get; }

    internal static ChunkedArray<long> Ensure(ChunkedArray<long>?[] uppers, int slot, int rows) => uppers[slot] ??= new ChunkedArray<long>(rows);
}

/// <summary>An array stored in chunks of 8,192 elements (64 KB of longs, below the 85,000-byte large-object threshold).</summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ChunkedArray<T>
    where T : struct
{
    private const int Shift = 13;
    private const int Mask = (1 << Shift) - 1;
    private readonly T[][] chunks;

    internal ChunkedArray(int length)
    {
        Length = length;
        chunks = new T[(length + Mask) >> Shift][];
        for (int c = 0; c < chunks.Length; c++)
        {
            chunks[c] = new T[Math.Min(1 << Shift, length - (c << Shift))];
        }
    }

    internal int Length { get; }

    internal ref T this[int index] => ref chunks[index >> Shift][index & Mask];

    /// <summary>Copies elements <paramref name="start"/>.. into <paramref name="destination"/> (its whole length).</summary>
    internal void CopyTo(int start, Span<T> destination)
    {
        for (int done = 0; done < destination.Length;)
        {
            int i = start + done;
            int n = Math.Min(destination.Length - done, (1 << Shift) - (i & Mask));
            chunks[i >> Shift].AsSpan(i & Mask, n).CopyTo(destination.Slice(done, n));
            done += n;
        }
    }

    /// <summary>Copies <paramref name="source"/> into elements <paramref name="start"/>...</summary>
    internal void CopyFrom(ReadOnlySpan<T> source, int start)
    {
        for (int done = 0; done < source.Length;)
        {
            int i = start + done;
            int n = Math.Min(source.Length - done, (1 << Shift) - (i & Mask));
            source.Slice(done, n).CopyTo(chunks[i >> Shift].AsSpan(i & Mask, n));
            done += n;
        }
    }

    /// <summary>Returns elements <paramref name="start"/>.. as one span when they lie in one chunk; else an empty span.</summary>
    internal Span<T> TrySlice(int start, int length)
    {
        int offset = start & Mask;
        return offset + length <= (1 << Shift) && length > 0 ? chunks[start >> Shift].AsSpan(offset, length) : default;
    }
}
