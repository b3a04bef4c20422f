using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Zhengxie.Metrics.Records;

// The parts of the build that read the records (the scan) and lay out the columns.
public sealed partial class ProposalRecordSet
{
    /// <summary>Records per chunk of the scan below which the scan stays on one thread.</summary>
    internal static int MinimumChunk { get; set; } = 1 << 16;

    private static int ChunkCount(int n) => Math.Clamp(n / MinimumChunk, 1, Environment.ProcessorCount);

    /// <summary>Scans the records of one chunk; an exception (a record a <see cref="ProposalRecord"/> would refuse) stops the chunk and is kept for the caller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScanChunk<TSource>(TSource source, ScanBuffers chunk, RecordDeadlines deadlines, Row[] rows, int[] groupOf, uint[] idHashes)
        where TSource : struct, IRecordSource
    {
        try
        {
            int bad = 0;
            int firstDay = int.MaxValue, lastDay = int.MinValue, mostCoUnits = 0;
            for (int i = chunk.Start; i < chunk.End; i++)
            {
                ref Row row = ref rows[i];
                if (Scan(ref source, i, deadlines, chunk, ref row, out groupOf[i], out idHashes[i]))
                {
                    // The range of the days the columns will hold (a missing date is not a day).
                    firstDay = Math.Min(firstDay, Math.Min(Math.Min(row.Filed, row.Handover), Math.Min(Math.Min(row.Start, row.Replied), row.Deadline)));
                    lastDay = Math.Max(lastDay, Math.Max(Math.Max(Day(row.Filed), Day(row.Handover)), Math.Max(Math.Max(Day(row.Start), Day(row.Replied)), Day(row.Deadline))));
                    mostCoUnits = Math.Max(mostCoUnits, row.CoCount);
                }
                else
                {
                    bad++;
                }
            }

            chunk.Bad = bad;
            chunk.FirstDay = firstDay;
            chunk.LastDay = lastDay;
            chunk.MostCoUnits = mostCoUnits;

            // The merge targets' hashes, in a loop of their own: each target is another record's identifier somewhere
            // in the heap (a cache miss), and in a short loop the processor has several of those misses in flight.
            // The scan kept each target's string, so the naming record's object is not read again. A record merged
            // into itself (its own check left out of the scan) is marked here, where its target's characters are in
            // the cache: a hash equal to its identifier's, then the strings compared.
            var targets = chunk.Targets.Span;
            var targetIds = chunk.TargetIds.Span;
            for (int t = 0; t < targets.Length; t++)
            {
                int r = targets[t];
                string mergedInto = targetIds[t];
                uint hash = RecordIdIndex.Hash(mergedInto);
                chunk.TargetHashes.Add(hash);
                if (hash == idHashes[r] && groupOf[r] >= 0 && RecordValidator.IsMergedIntoItself(ref source, r, mergedInto))
                {
                    int g = groupOf[r];
                    chunk.Keys.Uncount(g, rows[r].CoCount);
                    groupOf[r] = ~g;
                    chunk.Bad++;
                }
            }
        }
#pragma warning disable CA1031 // Any exception of a chunk is rethrown, as it was thrown, by the thread that started the build.
        catch (Exception e)
#pragma warning restore CA1031
        {
            chunk.Error = ExceptionDispatchInfo.Capture(e);
        }
    }

    /// <summary>Returns a day number, or <see cref="int.MinValue"/> for a missing date (so that it is never the latest day).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Day(int day) => day == Never ? int.MinValue : day;

    /// <summary>
    /// Reads record <paramref name="i"/> once: its committee-period, its identifier's hash, the merge target it names,
    /// its own checks (all but those against other records' identifiers) and, when they pass, its column values.
    /// </summary>
    /// <returns>Whether the record passes its own checks; <paramref name="group"/> is its committee-period, complemented (negative) when not.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Scan<TSource>(ref TSource source, int i, RecordDeadlines deadlines, ScanBuffers buffers, ref Row row, out int group, out uint idHash)
        where TSource : struct, IRecordSource
    {
        source.Read(i, out var f);
        ref var cell = ref buffers.Keys.CellOf(f.Committee, f.Period);
        int g = cell.Group - 1;
        idHash = RecordIdIndex.Hash(f.Id);
        if (f.MergedInto is { } target)
        {
            // Hashed after the chunk's scan (ScanChunk).
            buffers.Targets.Add(i);
            buffers.TargetIds.Add(target);
        }

        int submitted = f.Submitted, filed = f.Filed, handover = f.Handover, replied = f.Replied, extended = f.Extended;
        int start = deadlines.Start(submitted, handover);
        if (!RecordValidator.DatesAreReal(submitted, filed, handover, replied, extended, GroupKeys.FirstDayFor(f.Period))
            || !deadlines.TryDeadline(start, extended, out int deadline))
        {
            group = ~g;
            return false;
        }

        var decision = f.Decision;
        string? lead = f.Lead;
        int coCount = f.CoCount;
        var answer = f.Answer;
        var feedback = f.Feedback;
        if (!RecordValidator.IsConsistent(ref source, i, decision, f.MergedInto, submitted, filed, handover, replied, extended, start, lead, coCount, answer, feedback, selfMergeLater: true))
        {
            group = ~g;
            return false;
        }

        int state = decision switch
        {
            FilingDecision.Filed => RecordCodes.Case,
            FilingDecision.NotFiled => RecordCodes.StateNotFiled,
            FilingDecision.Merged => filed != Never ? RecordCodes.MergedAfterFiling : RecordCodes.MergedInstead,
            _ => RecordCodes.UnderReview,
        };
        bool isReplied = replied != Never;
        bool onTime = isReplied && deadline != Never && replied <= deadline;
        row.Code = RecordCodes.Encode(state, f.IsKey, isReplied, onTime, answer, feedback);
        row.Kind = (byte)f.Kind;
        row.Filed = state == RecordCodes.Case ? filed : Never;
        row.Handover = handover;
        row.Start = start;
        row.Replied = replied;
        row.Deadline = deadline;
        row.Lead = lead is null ? -1 : buffers.Units.IndexOf(lead);
        row.CoOffset = buffers.CoUnits.Count;
        row.CoCount = coCount;
        for (int u = 0; u < coCount; u++)
        {
            buffers.CoUnits.Add(buffers.Units.IndexOf(source.CoUnit(i, u)));
        }

        cell.Valid++;
        buffers.Keys.CountCoUnits(g, coCount);
        group = g;
        return true;
    }

    /// <summary>
    /// Marks (complements the committee-period of) each valid record whose identifier is repeated or whose merge
    /// target is missing, and takes it off its chunk's counts (<paramref name="valid"/>, by chunk of <paramref name="chunkSize"/> records).
    /// </summary>
    /// <returns>The number of records marked.</returns>
    private static int MarkIdentifierProblems(int[] groupOf, Row[] rows, int n, int[]? copies, ReadOnlySpan<int> targets, bool[]? targetFound, ValidCounts[] valid, int chunkSize)
    {
        int marked = 0;
        if (copies is not null)
        {
            for (int i = 0; i < n; i++)
            {
                if (copies[i] > 1 && groupOf[i] >= 0)
                {
                    Unmark(i);
                }
            }
        }

        foreach (int r in targets)
        {
            if (!targetFound![r] && groupOf[r] >= 0)
            {
                Unmark(r);
            }
        }

        return marked;

        void Unmark(int i)
        {
            int g = groupOf[i];
            var counts = valid[i / chunkSize];
            counts.Count[g]--;
            counts.Co[g] -= rows[i].CoCount;
            groupOf[i] = ~g;
            marked++;
        }
    }

    /// <summary>A chunk's valid records and their co-handling units per committee-period, in the build's numbering.</summary>
    private readonly record struct ValidCounts(int[] Count, int[] Co);

    /// <summary>The column values of a record that passed its own checks, in input order (what the sort places).</summary>
    private struct Row
    {
        internal int Filed;
        internal int Handover;
        internal int Start;
        internal int Replied;
        internal int Deadline;
        internal int Lead;
        internal int CoOffset;
        internal int CoCount;
        internal int Place;
        internal int CoPlace;
        internal byte Code;
        internal byte Kind;
    }

    /// <summary>
    /// A chunk of the scan and what it collects besides the rows: its committee-periods and units (numbered in the
    /// chunk until <see cref="Renumber"/>), merge targets and co-handling units (by unit number, in input order).
    /// </summary>
    private sealed class ScanBuffers : IDisposable
    {
        internal ScanBuffers(int initialCapacity, int start, int end)
        {
            Start = start;
            End = end;
            Targets = new PooledList<int>(initialCapacity);
            TargetHashes = new PooledList<uint>(initialCapacity);
            TargetIds = new PooledList<string>(initialCapacity);
            CoUnits = new PooledList<int>(initialCapacity);
        }

        /// <summary>Gets the first record of the chunk.</summary>
        internal int Start { get; }

        /// <summary>Gets the record after the chunk.</summary>
        internal int End { get; }

        /// <summary>Gets the committee-periods of the chunk.</summary>
        internal GroupKeys Keys { get; } = new();

        /// <summary>Gets the unit names of the chunk.</summary>
        internal UnitNames Units { get; } = new();

        /// <summary>Gets the records that name a merge target, in input order.</summary>
        internal PooledList<int> Targets { get; }

        /// <summary>Gets the targets those records name.</summary>
        internal PooledList<string> TargetIds { get; }

        /// <summary>Gets the hashes of those targets.</summary>
        internal PooledList<uint> TargetHashes { get; }

        /// <summary>Gets the co-handling units of the valid records, by number, in input order.</summary>
        internal PooledList<int> CoUnits { get; }

        /// <summary>Gets or sets the number of records that failed their own checks.</summary>
        internal int Bad { get; set; }

        /// <summary>Gets or sets the earliest day of the chunk's valid rows (<see cref="int.MaxValue"/> if none).</summary>
        internal int FirstDay { get; set; }

        /// <summary>Gets or sets the latest day of the chunk's valid rows (<see cref="int.MinValue"/> if none).</summary>
        internal int LastDay { get; set; }

        /// <summary>Gets or sets the most co-handling units of one of the chunk's valid rows.</summary>
        internal int MostCoUnits { get; set; }

        /// <summary>Gets or sets the exception that stopped the chunk.</summary>
        internal ExceptionDispatchInfo? Error { get; set; }

        /// <summary>Gets the number, in the build's numbering, of each unit of the chunk (null: the chunk's numbering is the build's).</summary>
        internal int[]? UnitMap { get; private set; }

        /// <summary>Gets the number, in the build's numbering, of each committee-period of the chunk (null: the chunk's numbering is the build's).</summary>
        internal int[]? GroupMap { get; private set; }

        /// <summary>Returns the chunk's counts of valid records and co-handling units per committee-period, in the build's numbering.</summary>
        internal ValidCounts Counts(int groups)
        {
            var count = new int[groups];
            var co = new int[groups];
            for (int g = 0; g < Keys.Count; g++)
            {
                int to = GroupMap is null ? g : GroupMap[g];
                (count[to], co[to]) = Keys.ValidCounts(g);
            }

            return new ValidCounts(count, co);
        }

        /// <summary>Renumbers the chunk's committee-periods (in <paramref name="groupOf"/>) and units by the build's.</summary>
        internal void Renumber(GroupKeys keys, UnitNames units, int[] groupOf)
        {
            var map = new int[Keys.Count];
            for (int g = 0; g < map.Length; g++)
            {
                var (committee, period) = Keys.Key(g);
                map[g] = keys.GroupOf(committee, period);
            }

            for (int i = Start; i < End; i++)
            {
                int g = groupOf[i];
                groupOf[i] = g >= 0 ? map[g] : ~map[~g];
            }

            GroupMap = map;
            UnitMap = new int[Units.Count];
            for (int u = 0; u < UnitMap.Length; u++)
            {
                UnitMap[u] = units.IndexOf(Units[u]);
            }
        }

        public void Dispose()
        {
            Targets.Dispose();
            TargetHashes.Dispose();
            TargetIds.Dispose();
            CoUnits.Dispose();
        }
    }

    /// <summary>A list on an array rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
    private sealed class PooledList<T> : IDisposable
    {
        private T[] items;

        internal PooledList(int capacity) => items = ArrayPool<T>.Shared.Rent(Math.Max(16, capacity));

        internal int Count { get; private set; }

        internal ReadOnlySpan<T> Span => items.AsSpan(0, Count);

        /// <summary>Gets the array under the list (its first <see cref="Count"/> items).</summary>
        internal T[] Items => items;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal void Add(T item)
        {
            if (Count == items.Length)
            {
                Grow();
            }

            // Through a reference to the slot, not an array store: for a reference type the store would first read the
            // item's type (to check it against the array's), a cache miss on a merge target somewhere in the heap.
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(items), Count++) = item;
        }

        public void Dispose()
        {
            ArrayPool<T>.Shared.Return(items, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            items = [];
            Count = 0;
        }

        private void Grow()
        {
            var larger = ArrayPool<T>.Shared.Rent(checked(items.Length * 2));
            items.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<T>.Shared.Return(items, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            items = larger;
        }
    }
}
