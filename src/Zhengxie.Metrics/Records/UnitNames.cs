using System;
using System.Runtime.CompilerServices;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// Numbers the handling units of a build (a few hundred names, looked up millions of times): an open-addressing
/// table on <see cref="RecordIdIndex.Hash(string)"/> that stays in the cache, in front of it a small cache by
/// string instance (records from one system share the instances of their unit names), so that a name seen before
/// is numbered without reading its characters.
/// </summary>
internal sealed class UnitNames
{
    private const int CacheBits = 10;

    private readonly string?[] cachedName = new string?[1 << CacheBits];
    private readonly int[] cachedIndex = new int[1 << CacheBits];
    private string[] names = new string[16];
    private int[] slots = new int[64];
    private uint[] slotHash = new uint[64];
    private int count;

    /// <summary>Returns the number of a unit, adding it when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int IndexOf(string name)
    {
        // The cache's slot comes from the instance's address at this moment: a collection that moves the string
        // only makes the look-up miss (the slot is checked by reference, never trusted from the address alone).
        int c = CacheSlot(name);
        return ReferenceEquals(cachedName[c], name) ? cachedIndex[c] : Find(name, c);
    }

    /// <summary>Gets the number of units.</summary>
    internal int Count => count;

    /// <summary>Gets the name of a unit.</summary>
    internal string this[int index] => names[index];

    /// <summary>Returns the names, by number.</summary>
    internal string[] ToArray() => names.AsSpan(0, count).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CacheSlot(string name) =>
        (int)(((ulong)Unsafe.As<string, nint>(ref name) * 0x9E3779B97F4A7C15UL) >> (64 - CacheBits));

    /// <summary>Numbers a name through the table (comparing characters), and remembers the instance in cache slot <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Find(string name, int c)
    {
        int index = Number(name);
        cachedName[c] = name;
        cachedIndex[c] = index;
        return index;
    }

    private int Number(string name)
    {
        uint h = RecordIdIndex.Hash(name);
        int mask = slots.Length - 1;
        int s = (int)h & mask;
        while (true)
        {
            int index = slots[s] - 1;
            if (index < 0)
            {
                break;
            }

            if (slotHash[s] == h && string.Equals(names[index], name, StringComparison.Ordinal))
            {
                return index;
            }

            s = (s + 1) & mask;
        }

        if (count == names.Length)
        {
            Array.Resize(ref names, count * 2);
        }

        names[count] = name;
        slots[s] = count + 1;
        slotHash[s] = h;
        count++;
        if (count * 2 > slots.Length)
        {
            Grow();
        }

        return count - 1;
    }

    private void Grow()
    {
        int size = slots.Length * 2;
        slots = new int[size];
        slotHash = new uint[size];
        for (int i = 0; i < count; i++)
        {
            uint h = RecordIdIndex.Hash(names[i]);
            int s = (int)h & (size - 1);
            while (slots[s] != 0)
            {
                s = (s + 1) & (size - 1);
            }

            slots[s] = i + 1;
            slotHash[s] = h;
        }
    }
}
