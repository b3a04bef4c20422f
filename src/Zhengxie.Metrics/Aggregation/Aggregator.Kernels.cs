using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Zhengxie.Metrics.Aggregation;

// The vector kernels: unchecked SIMD sums of value rows, presence counts and masked rate rows.
internal static partial class Aggregator
{
    /// <summary>Adds rows <paramref name="start"/>.. of a column (stride <paramref name="s"/>) into <paramref name="dest"/>; the caller has ruled out overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddRows(long[] column, int start, int length, int s, Span<long> dest)
    {
        int vl = s / VL;
        var values = MemoryMarshal.Cast<long, Vector<long>>(column.AsSpan(start * s, length * s));
        var sums = MemoryMarshal.Cast<long, Vector<long>>(dest);
        int end = length * vl;
        int k = 0;
        for (; k + 8 <= vl; k += 8)
        {
            // Eight accumulators in registers: one sequential pass over the run's rows (256 bytes each with AVX2).
            Vector<long> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
            for (int i = k; i < end; i += vl)
            {
                var row = values.Slice(i, 8);
                a0 += row[0];
                a1 += row[1];
                a2 += row[2];
                a3 += row[3];
                a4 += row[4];
                a5 += row[5];
                a6 += row[6];
                a7 += row[7];
            }

            var o = sums.Slice(k, 8);
            o[0] += a0;
            o[1] += a1;
            o[2] += a2;
            o[3] += a3;
            o[4] += a4;
            o[5] += a5;
            o[6] += a6;
            o[7] += a7;
        }

        for (; k < vl; k++)
        {
            Vector<long> a = default;
            for (int i = k; i < end; i += vl)
            {
                a += values[i];
            }

            sums[k] += a;
        }
    }

    /// <summary>Counts the present cells of rows <paramref name="start"/>.. per period into <paramref name="dest"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddPresence(byte[] present, int start, int length, int s, Span<int> dest)
    {
        int vb = s / VB;
        var rows = MemoryMarshal.Cast<byte, Vector<byte>>(present.AsSpan(start * s, length * s));
        for (int k = 0; k < vb; k++)
        {
            for (int chunk = 0; chunk < length; chunk += 255)
            {
                int end = Math.Min(length, chunk + 255);
                Vector<byte> acc = default;
                for (int c = chunk; c < end; c++)
                {
                    acc += rows[(c * vb) + k];
                }

                Flush(acc, dest.Slice(k * VB, VB));
            }
        }
    }

    /// <summary>
    /// Pools a rate over rows <paramref name="start"/>..: per period, sums its parts into
    /// <paramref name="num"/> and its denominator into <paramref name="den"/>, over the committees that
    /// report every count of the rate (the AND of the presence masks, widened to long lanes), and counts
    /// those committees into <paramref name="count"/>. The caller has ruled out overflow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddMaskedRows(CountColumn[] all, int start, int length, int s, Span<long> num, Span<long> den, Span<int> count)
    {
        int vb = s / VB;
        int vl = s / VL;
        int parts = all.Length - 1;
        var denValues = MemoryMarshal.Cast<long, Vector<long>>(all[^1].Values.AsSpan(start * s, length * s));
        var numOut = MemoryMarshal.Cast<long, Vector<long>>(num);
        var denOut = MemoryMarshal.Cast<long, Vector<long>>(den);
        for (int k = 0; k < vb; k++)
        {
            for (int chunk = 0; chunk < length; chunk += 255)
            {
                int end = Math.Min(length, chunk + 255);
                Vector<byte> acc = default;
                Vector<long> n0 = default, n1 = default, n2 = default, n3 = default, n4 = default, n5 = default, n6 = default, n7 = default;
                Vector<long> d0 = default, d1 = default, d2 = default, d3 = default, d4 = default, d5 = default, d6 = default, d7 = default;
                for (int c = chunk; c < end; c++)
                {
                    int v = ((start + c) * vb) + k;
                    var mask = MemoryMarshal.Cast<byte, Vector<byte>>(all[0].Present.AsSpan())[v];
                    for (int x = 1; x < all.Length; x++)
                    {
                        mask &= MemoryMarshal.Cast<byte, Vector<byte>>(all[x].Present.AsSpan())[v];
                    }

                    acc += mask;

                    // One byte per period (a long has 8 bytes, so VB bytes make 8 vectors of longs): 0 or −1 per lane.
                    Vector.Widen(Vector.AsVectorSByte(Vector<byte>.Zero - mask), out Vector<short> h0, out Vector<short> h1);
                    Vector.Widen(h0, out Vector<int> q0, out Vector<int> q1);
                    Vector.Widen(h1, out Vector<int> q2, out Vector<int> q3);
                    Vector.Widen(q0, out Vector<long> l0, out Vector<long> l1);
                    Vector.Widen(q1, out Vector<long> l2, out Vector<long> l3);
                    Vector.Widen(q2, out Vector<long> l4, out Vector<long> l5);
                    Vector.Widen(q3, out Vector<long> l6, out Vector<long> l7);
                    int row = (c * vl) + (k * 8);
                    var d = denValues.Slice(row, 8);
                    d0 += d[0] & l0;
                    d1 += d[1] & l1;
                    d2 += d[2] & l2;
                    d3 += d[3] & l3;
                    d4 += d[4] & l4;
                    d5 += d[5] & l5;
                    d6 += d[6] & l6;
                    d7 += d[7] & l7;
                    for (int x = 0; x < parts; x++)
                    {
                        var p = MemoryMarshal.Cast<long, Vector<long>>(all[x].Values.AsSpan(start * s, length * s)).Slice(row, 8);
                        n0 += p[0] & l0;
                        n1 += p[1] & l1;
                        n2 += p[2] & l2;
                        n3 += p[3] & l3;
                        n4 += p[4] & l4;
                        n5 += p[5] & l5;
                        n6 += p[6] & l6;
                        n7 += p[7] & l7;
                    }
                }

                Flush(acc, count.Slice(k * VB, VB));
                var no = numOut.Slice(k * 8, 8);
                no[0] += n0;
                no[1] += n1;
                no[2] += n2;
                no[3] += n3;
                no[4] += n4;
                no[5] += n5;
                no[6] += n6;
                no[7] += n7;
                var dout = denOut.Slice(k * 8, 8);
                dout[0] += d0;
                dout[1] += d1;
                dout[2] += d2;
                dout[3] += d3;
                dout[4] += d4;
                dout[5] += d5;
                dout[6] += d6;
                dout[7] += d7;
            }
        }
    }

    /// <summary>
    /// Adds a run's sums (or counts) per period to a group's row of buckets (bucket k takes its single
    /// period; a bucket without periods takes nothing).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddToRow<T>(Context ctx, ChunkedArray<T> target, int start, ReadOnlySpan<T> periods)
        where T : unmanaged, IAdditionOperators<T, T, T>
    {
        int b = ctx.Buckets.Length;
        if (ctx.Identity)
        {
            var span = target.TrySlice(start, b);
            if (span.Length == b)
            {
                AddInto(span, periods[..b]);
                return;
            }
        }

        var single = ctx.SinglePeriod;
        for (int k = 0; k < b; k++)
        {
            if (single[k] >= 0)
            {
                target[start + k] += periods[single[k]];
            }
        }
    }

    /// <summary>Adds <paramref name="source"/> into <paramref name="target"/> element by element, a vector at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddInto<T>(Span<T> target, ReadOnlySpan<T> source)
        where T : unmanaged, IAdditionOperators<T, T, T>
    {
        int i = 0;
        var t = MemoryMarshal.Cast<T, Vector<T>>(target);
        var u = MemoryMarshal.Cast<T, Vector<T>>(source);
        for (; i < t.Length; i++)
        {
            t[i] += u[i];
        }

        for (i *= Vector<T>.Count; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Flush(Vector<byte> acc, Span<int> dest)
    {
        Vector.Widen(acc, out Vector<ushort> lo, out Vector<ushort> hi);
        Vector.Widen(lo, out Vector<uint> a, out Vector<uint> b);
        Vector.Widen(hi, out Vector<uint> c, out Vector<uint> d);
        var v = MemoryMarshal.Cast<int, Vector<uint>>(dest);
        v[0] += a;
        v[1] += b;
        v[2] += c;
        v[3] += d;
    }

    /// <summary>Subtracts <paramref name="source"/> from <paramref name="target"/>; the rate is safe, so nothing can overflow.</summary>
    private static void SubtractInto(Span<long> target, ReadOnlySpan<long> source)
    {
        int i = 0;
        var t = MemoryMarshal.Cast<long, Vector<long>>(target);
        var u = MemoryMarshal.Cast<long, Vector<long>>(source);
        for (; i < t.Length; i++)
        {
            t[i] -= u[i];
        }

        for (i *= VL; i < target.Length; i++)
        {
            target[i] -= source[i];
        }
    }
}
