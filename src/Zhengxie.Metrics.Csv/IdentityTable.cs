using System;
using System.Buffers;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// The figures read so far by identity (a packed <see langword="long"/>: committee and period above bit 21, the measure's
/// number in bits 1 to 21, the scope in bit 0): each key to the slot of the first figure that had it. Open addressing
/// over power-of-two arrays, at most half full. A key's place is its committee-period-scope's place (one multiplication,
/// Fibonacci hashing) plus its measure's number, so the measures of one committee and period, which a file lists
/// together, sit side by side: one look-up in a few cache lines per committee and period instead of one cache miss per
/// row (a <c>Dictionary&lt;long, int&gt;</c> costs two).
/// </summary>
internal sealed class IdentityTable
{
    private long[] keys = [];
    private int[] slots = []; // slot + 1; 0 = free
    private int count;
    private int shift;

    /// <summary>Initializes a table with room for <paramref name="capacity"/> keys.</summary>
    internal IdentityTable(int capacity = 8) => Allocate(capacity);

    /// <summary>Makes room for <paramref name="capacity"/> keys in all, so they are added without growing.</summary>
    internal void EnsureCapacity(int capacity)
    {
        if ((long)capacity * 2 > keys.Length)
        {
            Rehash(capacity);
        }
    }

    /// <summary>The slot remembered for <paramref name="key"/>, or -1 after remembering <paramref name="slot"/> for it.</summary>
    internal int GetOrAdd(long key, int slot)
    {
        if ((count + 1) * 2 > keys.Length)
        {
            Rehash(count + 1);
        }

        int mask = keys.Length - 1;
        int i = Index(key);
        while (true)
        {
            int s = slots[i];
            if (s == 0)
            {
                break;
            }

            if (keys[i] == key)
            {
                return s - 1;
            }

            i = (i + Step) & mask;
        }

        keys[i] = key;
        slots[i] = slot + 1;
        count++;
        return -1;
    }

    /// <summary>Forgets every key and releases the arrays: back to the shared pools for a later table when <paramref name="reuse"/>, else left to the garbage collector.</summary>
    /// <param name="reuse">Whether a large table's arrays go back to the pools (a read into a builder: the next read of a large file takes them); a caller who is told the reader's memory is released (a handler) gets them freed instead.</param>
    internal void Release(bool reuse)
    {
        count = 0;
        if (reuse)
        {
            Return(keys, slots);
        }

        Allocate(8);
    }

    /// <summary>The size (in places) from which the arrays come from the shared pools: a 1 M-row file's 24 MB, allocated anew by each read, made a full collection of most reads.</summary>
    private const int PooledPlaces = 1 << 16;

    private const long MeasureBits = 0x1FFFFF << 1;

    /// <summary>
    /// The probe step after a taken place: odd (so every place is visited) and not 1, because the measures of one
    /// committee-period fill a run of places and stepping by one would pile other keys onto the runs (on the 1 M-row file,
    /// 12 probes a key on average, up to 720; with this step under half a probe, at most 29).
    /// </summary>
    private const int Step = 97;

    private int Index(long key) =>
        ((int)((ulong)((key & ~MeasureBits) * unchecked((long)0x9E3779B97F4A7C15)) >> shift) + (int)((key & MeasureBits) >> 1)) & (keys.Length - 1);

    private void Allocate(int capacity)
    {
        int bits = Math.Max(3, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Max(1, (capacity * 2L) - 1)));
        int places = 1 << bits;
        shift = 64 - bits;
        if (places < PooledPlaces)
        {
            keys = GC.AllocateUninitializedArray<long>(places); // read only where a slot is taken
            slots = new int[places];
            return;
        }

        // A pool's array of a power of two is exactly that long; keys are read only where a slot is taken, slots start free.
        keys = ArrayPool<long>.Shared.Rent(places);
        slots = ArrayPool<int>.Shared.Rent(places);
        Array.Clear(slots);
    }

    private void Rehash(int capacity)
    {
        var oldKeys = keys;
        var oldSlots = slots;
        Allocate(Math.Max(capacity, count * 2));
        int mask = keys.Length - 1;
        for (int j = 0; j < oldKeys.Length; j++)
        {
            if (oldSlots[j] == 0)
            {
                continue;
            }

            int i = Index(oldKeys[j]);
            while (slots[i] != 0)
            {
                i = (i + Step) & mask;
            }

            keys[i] = oldKeys[j];
            slots[i] = oldSlots[j];
        }

        Return(oldKeys, oldSlots);
    }

    private static void Return(long[] keys, int[] slots)
    {
        if (keys.Length >= PooledPlaces)
        {
            ArrayPool<long>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(slots);
        }
    }
}
