using System;
using System.Runtime.CompilerServices;
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// Finds repeated identifiers and checks merge targets among millions of records without a dictionary of
/// strings: each identifier is hashed once, the (hash, record) pairs are scattered into partitions by the hash's
/// high bits, and each partition (a few thousand pairs) goes through a small open-addressing table that stays in
/// the cache. Equal hashes are confirmed by comparing the strings.
/// </summary>
internal static class RecordIdIndex
{
    private const int TargetPartitionSize = 8192;

    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    /// <summary>Counts the copies of each identifier and finds each merge target among the identifiers, from hashes made by the scan.</summary>
    /// <typeparam name="TSource">The record source.</typeparam>
    /// <param name="source">The records (read only where two hashes agree, to compare the strings).</param>
    /// <param name="idHashes">The <see cref="Hash(string)"/> of each record's identifier.</param>
    /// <param name="targets">The records that name a merge target, in input order.</param>
    /// <param name="targetIds">The identifier each of those records names as its merge target.</param>
    /// <param name="targetHashes">The hash of each of those targets.</param>
    /// <param name="targetFound">Receives, for each record of <paramref name="targets"/>, whether its target is among the identifiers (cleared by the caller; null when there are no targets).</param>
    /// <param name="copies">Receives, for a record whose identifier is repeated, the number of records with it (0 for a unique one); allocated only when some identifier is repeated.</param>
    /// <param name="threads">The number of threads that scatter the identifiers and resolve the partitions.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Resolve<TSource>(ref TSource source, uint[] idHashes, ReadOnlySpan<int> targets, ReadOnlySpan<string> targetIds, ReadOnlySpan<uint> targetHashes, bool[]? targetFound, out int[]? copies, int threads = 1)
        where TSource : struct, IRecordSource
    {
        int n = source.Count;
        copies = null;
        long total = (long)n + targets.Length;
        if (total == 0)
        {
            return;
        }

        threads = Math.Clamp(threads, 1, Math.Max(1, n));
        int bits = Math.Clamp(BitOperations.Log2((ulong)Math.Max(1, total / TargetPartitionSize)) + 1, 0, 16);
        int partitions = 1 << bits;
        var entries = ArrayPool<ulong>.Shared.Rent((int)total);
        var start = new int[partitions + 1];
        try
        {
            // Each thread's identifiers per partition (a range of the records each), then the targets.
            var next = new int[threads][];
            Run(threads, t =>
            {
                var count = new int[partitions];
                for (int i = From(n, t, threads), end = From(n, t + 1, threads); i < end; i++)
                {
                    count[Partition(idHashes[i], bits)]++;
                }

                next[t] = count;
            });

            var targetNext = new int[partitions];
            foreach (uint h in targetHashes)
            {
                targetNext[Partition(h, bits)]++;
            }

            // Partition p holds the identifiers of thread 0, 1, … then the targets.
            int largest = 0;
            for (int p = 0; p < partitions; p++)
            {
                int place = start[p];
                for (int t = 0; t < threads; t++)
                {
                    int count = next[t][p];
                    next[t][p] = place;
                    place += count;
                }

                int targetCount = targetNext[p];
                targetNext[p] = place;
                start[p + 1] = place + targetCount;
                largest = Math.Max(largest, start[p + 1] - start[p]);
            }

            // Scatter: identifiers first, then merge targets (ref = n + their number), so in each partition the identifiers come first.
            Run(threads, t =>
            {
                var place = next[t];
                for (int i = From(n, t, threads), end = From(n, t + 1, threads); i < end; i++)
                {
                    uint h = idHashes[i];
                    entries[place[Partition(h, bits)]++] = ((ulong)h << 32) | (uint)i;
                }
            });

            for (int t = 0; t < targets.Length; t++)
            {
                uint h = targetHashes[t];
                entries[targetNext[Partition(h, bits)]++] = ((ulong)h << 32) | (uint)(n + t);
            }

            // The partitions, shared out among the threads.
            var records = source;
            var targetArray = ArrayPool<int>.Shared.Rent(Math.Max(1, targets.Length));
            var targetIdArray = ArrayPool<string>.Shared.Rent(Math.Max(1, targets.Length));
            targets.CopyTo(targetArray);
            targetIds.CopyTo(targetIdArray);
            var repeats = new int[]?[1];
            try
            {
                Run(threads, t => ResolvePartitions(ref records, entries, start, From(partitions, t, threads), From(partitions, t + 1, threads), largest, targetArray, targetIdArray, targetFound, repeats));
            }
            finally
            {
                ArrayPool<int>.Shared.Return(targetArray);
                ArrayPool<string>.Shared.Return(targetIdArray, clearArray: true);
            }

            copies = repeats[0];
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(entries);
        }
    }

    /// <summary>Resolves partitions <paramref name="first"/>..<paramref name="end"/> (each through a small open-addressing table); <c>repeats[0]</c> is made (once, shared) when an identifier is repeated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ResolvePartitions<TSource>(ref TSource source, ulong[] entries, int[] start, int first, int end, int largest, int[] targets, string[] targetIds, bool[]? targetFound, int[]?[] repeats)
        where TSource : struct, IRecordSource
    {
        int n = source.Count;
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, largest * 2));

        // One array of slots (record + 1, copies, hash side by side): a probe reads one cache line, not three.
        var slots = ArrayPool<Slot>.Shared.Rent(capacity);
        var entrySlot = ArrayPool<int>.Shared.Rent(Math.Max(1, largest));
        try
        {
            for (int p = first; p < end; p++)
            {
                var part = entries.AsSpan(start[p], start[p + 1] - start[p]);
                int mask = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, part.Length * 2)) - 1;
                slots.AsSpan(0, mask + 1).Clear();
                bool repeated = false;
                int j = 0;
                for (; j < part.Length; j++)
                {
                    ulong e = part[j];
                    int r = (int)(uint)e;
                    if (r >= n)
                    {
                        break;
                    }

                    uint h = (uint)(e >> 32);
                    int s = (int)h & mask;
                    while (true)
                    {
                        ref Slot slot = ref slots[s];
                        if (slot.Record == 0)
                        {
                            slot = new Slot(r + 1, 1, h);
                            break;
                        }

                        // The strings are read only when the hashes agree (a repeat, or one collision in 2^32).
                        if (slot.Hash == h && string.Equals(source.Id(slot.Record - 1), source.Id(r), StringComparison.Ordinal))
                        {
                            slot.Count++;
                            repeated = true;
                            break;
                        }

                        s = (s + 1) & mask;
                    }

                    entrySlot[j] = s;
                }

                if (repeated)
                {
                    var copies = Volatile.Read(ref repeats[0]);
                    if (copies is null)
                    {
                        Interlocked.CompareExchange(ref repeats[0], new int[n], null);
                        copies = repeats[0]!;
                    }

                    for (int q = 0; q < j; q++)
                    {
                        int count = slots[entrySlot[q]].Count;
                        if (count > 1)
                        {
                            copies[(int)(uint)part[q]] = count;
                        }
                    }
                }

                for (; j < part.Length; j++)
                {
                    ulong e = part[j];
                    int t = (int)(uint)e - n;
                    uint h = (uint)(e >> 32);
                    int s = (int)h & mask;
                    while (slots[s].Record is int other && other != 0)
                    {
                        if (slots[s].Hash == h && string.Equals(source.Id(other - 1), targetIds[t], StringComparison.Ordinal))
                        {
                            targetFound![targets[t]] = true;
                            break;
                        }

                        s = (s + 1) & mask;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<Slot>.Shared.Return(slots);
            ArrayPool<int>.Shared.Return(entrySlot);
        }
    }

    /// <summary>Returns the first of part <paramref name="t"/> of <paramref name="threads"/> equal parts of 0..<paramref name="count"/>.</summary>
    private static int From(int count, int t, int threads) => (int)((long)count * t / threads);

    /// <summary>Runs an action for each thread: on the calling thread for one, in parallel for more.</summary>
    private static void Run(int threads, Action<int> action)
    {
        if (threads == 1)
        {
            action(0);
        }
        else
        {
            Parallel.For(0, threads, action);
        }
    }

    /// <summary>A fast, seeded 32-bit hash of a string's UTF-16 code units (not for anything but this index).</summary>
    /// <remarks>
    /// Whole 8-byte words in two independent lanes; the last 1–3 characters as one word that overlaps the words before
    /// it (or, for a string of fewer than four characters, packed into one word), so no character is read one by one.
    /// The length is mixed in first, so strings that share their words but differ in length hash apart.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Hash(string text)
    {
        var chars = text.AsSpan();
        ulong a = Seed ^ ((ulong)chars.Length * 0x9E3779B97F4A7C15UL);
        ulong b = ~Seed;
        var words = MemoryMarshal.Cast<char, ulong>(chars);
        int w = 0;
        for (; w + 1 < words.Length; w += 2)
        {
            a = (a ^ words[w]) * 0xFF51AFD7ED558CCDUL;
            b = (b ^ words[w + 1]) * 0xC4CEB9FE1A85EC53UL;
            a ^= a >> 32;
            b ^= b >> 29;
        }

        if (w < words.Length)
        {
            a = (a ^ words[w]) * 0xFF51AFD7ED558CCDUL;
            a ^= a >> 32;
        }

        int rest = chars.Length & 3;
        if (rest != 0)
        {
            ulong tail = words.Length > 0
                ? MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(chars[^4..]))
                : chars[0] | ((ulong)(rest > 1 ? chars[1] : 0) << 16) | ((ulong)(rest > 2 ? chars[2] : 0) << 32);
            b = (b ^ tail) * 0xFF51AFD7ED558CCDUL;
            b ^= b >> 32;
        }

        ulong h = a ^ (b * 0x9E3779B97F4A7C15UL);
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        return (uint)h;
    }

    private static int Partition(uint hash, int bits) => bits == 0 ? 0 : (int)(hash >> (32 - bits));

    /// <summary>A slot of a partition's table: the record whose identifier it holds (+ 1; 0 when free), how many records have that identifier, and its hash.</summary>
    private struct Slot(int record, int count, uint hash)
    {
        internal int Record = record;
        internal int Count = count;
        internal uint Hash = hash;
    }
}
