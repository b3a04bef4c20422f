using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Zhengxie.Metrics.Records;

// The layout of the valid rows into the columns, sorted by committee-period: a stable counting sort done by the
// scan's chunks in parallel. Each chunk's valid records per committee-period were counted by the scan (less those marked
// afterwards for their identifiers); from those counts every chunk
// knows where its records of each committee-period go (after the earlier chunks' records of the same one), and how
// many places of each block of places (16,384 by default, `BlockBits`) it fills. Each chunk then copies its rows, in input order, into its part
// of each block (a few thousand sequential write streams), and the columns are written block by block, the blocks
// shared out among the threads (each block's places stay in the cache). No two threads write the same place.
public sealed partial class ProposalRecordSet
{
    /// <summary>Gets or sets the log2 of the places per block of the layout (small in tests, so that small inputs span many blocks).</summary>
    internal static int BlockBits { get; set; } = 14;

    /// <summary>Lays out the valid rows (those whose <paramref name="groupOf"/> is not negative) into columns sorted by committee-period.</summary>
    /// <param name="rows">The rows of the scan, in input order.</param>
    /// <param name="groupOf">Each record's committee-period, in the build's numbering (negative for a bad record).</param>
    /// <param name="chunks">The scan's chunks (their co-handling units, unit numbering and input ranges).</param>
    /// <param name="valid">Each chunk's valid records and co-handling units per committee-period (counted by the scan; used up here).</param>
    /// <param name="keys">The committee-periods.</param>
    /// <param name="units">The number of handling units (in the build's numbering).</param>
    /// <param name="startIsHandover">Whether each record's clock starts at its handover (then the start column is the handover column, not a copy of it).</param>
    /// <param name="order">Receives the committee-periods that have valid records, sorted.</param>
    /// <param name="groupStart">Receives the first place of each of those (and the count of valid records at the end).</param>
    /// <returns>The columns.</returns>
    private static Columns Lay(Row[] rows, int[] groupOf, ScanBuffers[] chunks, ValidCounts[] valid, GroupKeys keys, int units, bool startIsHandover, out int[] order, out int[] groupStart)
    {
        int chunkCount = chunks.Length;
        int groups = keys.Count;

        // Each chunk's valid records and co-handling units per committee-period (a chunk's total fits in an int).
        var next = new int[chunkCount][];
        var nextCo = new int[chunkCount][];
        for (int k = 0; k < chunkCount; k++)
        {
            (next[k], nextCo[k]) = (valid[k].Count, valid[k].Co);
        }

        // Sort the committee-periods; a committee-period whose records were all bad is left out: its counts are
        // unknown, not zero.
        var total = new int[groups];
        var totalCo = new int[groups];
        for (int k = 0; k < chunkCount; k++)
        {
            for (int g = 0; g < groups; g++)
            {
                total[g] += next[k][g];
                totalCo[g] = checked(totalCo[g] + nextCo[k][g]);
            }
        }

        order = Array.FindAll(keys.SortedOrder(), g => total[g] > 0);
        int groupCount = order.Length;
        groupStart = new int[groupCount + 1];
        var coStart = new int[groupCount + 1];
        for (int j = 0; j < groupCount; j++)
        {
            int g = order[j];
            groupStart[j + 1] = groupStart[j] + total[g];
            coStart[j + 1] = checked(coStart[j] + totalCo[g]);
        }

        int validCount = groupStart[groupCount];
        int blockBits = BlockBits;
        int blockCount = (validCount >> blockBits) + 1;

        // The counts become each chunk's next place (and next co-handling place) per committee-period, and each
        // chunk's share of each block is counted.
        var blockNext = new int[chunkCount][];
        for (int k = 0; k < chunkCount; k++)
        {
            blockNext[k] = new int[blockCount];
        }

        for (int j = 0; j < groupCount; j++)
        {
            int g = order[j];
            int place = groupStart[j], coPlace = coStart[j];
            for (int k = 0; k < chunkCount; k++)
            {
                int count = next[k][g], coCount = nextCo[k][g];
                next[k][g] = place;
                nextCo[k][g] = coPlace;
                for (int p = place, end = place + count; p < end;)
                {
                    int b = p >> blockBits;
                    int stop = Math.Min(end, (b + 1) << blockBits);
                    blockNext[k][b] += stop - p;
                    p = stop;
                }

                place += count;
                coPlace += coCount;
            }
        }

        // Each chunk's share of a block starts after the earlier chunks' shares.
        for (int b = 0; b < blockCount; b++)
        {
            int place = b << blockBits;
            for (int k = 0; k < chunkCount; k++)
            {
                int count = blockNext[k][b];
                blockNext[k][b] = place;
                place += count;
            }
        }

        var coBase = new int[chunkCount + 1];
        for (int k = 0; k < chunkCount; k++)
        {
            coBase[k + 1] = coBase[k] + chunks[k].CoUnits.Count;
        }

        int firstDay = int.MaxValue, lastDay = int.MinValue, mostCoUnits = 0;
        foreach (var chunk in chunks)
        {
            firstDay = Math.Min(firstDay, chunk.FirstDay);
            lastDay = Math.Max(lastDay, chunk.LastDay);
            mostCoUnits = Math.Max(mostCoUnits, chunk.MostCoUnits);
        }

        var columns = new Columns(validCount, coStart, startIsHandover, firstDay, lastDay, units, mostCoUnits);
        var sorted = ArrayPool<Row>.Shared.Rent(Math.Max(1, validCount));
        var coUnits = ArrayPool<int>.Shared.Rent(Math.Max(1, coBase[chunkCount]));
        try
        {
            ForEachChunk(chunkCount, k => PlaceChunk(rows, groupOf, chunks[k], coBase[k], next[k], nextCo[k], blockNext[k], blockBits, sorted, coUnits));
            int blocks = (validCount + (1 << blockBits) - 1) >> blockBits;
            ForEachChunk(chunkCount, k =>
            {
                int from = (int)Math.Min(validCount, ((long)blocks * k / chunkCount) << blockBits);
                int to = (int)Math.Min(validCount, ((long)blocks * (k + 1) / chunkCount) << blockBits);
                columns.Fill(sorted, from, to, coUnits);
            });
        }
        finally
        {
            ArrayPool<Row>.Shared.Return(sorted);
            ArrayPool<int>.Shared.Return(coUnits);
        }

        return columns;
    }

    /// <summary>Runs an action for each chunk: on the calling thread for one chunk, in parallel for more.</summary>
    private static void ForEachChunk(int chunkCount, Action<int> action)
    {
        if (chunkCount == 1)
        {
            action(0);
        }
        else
        {
            Parallel.For(0, chunkCount, action);
        }
    }

    /// <summary>
    /// Places a chunk's valid rows: each row (in input order) gets its place, its co-handling units' place and its unit
    /// numbers in the build's numbering, and is copied into the chunk's share of the block that holds its place. The
    /// chunk's co-handling units are copied, in the build's numbering, to <paramref name="coUnits"/> from <paramref name="coBase"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PlaceChunk(Row[] rows, int[] groupOf, ScanBuffers chunk, int coBase, int[] nextPlace, int[] nextCoPlace, int[] blockNext, int blockBits, Row[] sorted, int[] coUnits)
    {
        var map = chunk.UnitMap;
        var units = chunk.CoUnits.Span;
        for (int j = 0; j < units.Length; j++)
        {
            coUnits[coBase + j] = map is null ? units[j] : map[units[j]];
        }

        for (int i = chunk.Start; i < chunk.End; i++)
        {
            int g = groupOf[i];
            if (g < 0)
            {
                continue;
            }

            // The row is completed in its new place (the scan's copy is not written back).
            int p = nextPlace[g]++;
            ref Row row = ref sorted[blockNext[p >> blockBits]++];
            row = rows[i];
            row.Place = p;
            row.CoPlace = nextCoPlace[g];
            nextCoPlace[g] += row.CoCount;
            row.CoOffset += coBase;
            if (map is not null && row.Lead >= 0)
            {
                row.Lead = map[row.Lead];
            }
        }
    }

    /// <summary>The columns under construction.</summary>
    private sealed class Columns
    {
        internal Columns(int count, int[] groupCoStart, bool startIsHandover, int firstDay, int lastDay, int units, int mostCoUnits)
        {
            StartIsHandover = startIsHandover;
            Code = GC.AllocateUninitializedArray<byte>(count);
            Kind = GC.AllocateUninitializedArray<byte>(count);
            FiledDay = Days(count, firstDay, lastDay);
            HandoverDay = Days(count, firstDay, lastDay);
            StartDay = startIsHandover ? HandoverDay : Days(count, firstDay, lastDay);
            ReplyDay = Days(count, firstDay, lastDay);
            DeadlineDay = Days(count, firstDay, lastDay);
            LeadUnit = Units(count, units);
            CoCount = CompactColumn.Allocate(count, 0, mostCoUnits, -1);
            GroupCoStart = groupCoStart;
            CoUnit = Units(groupCoStart[^1], units);

            static CompactColumn Days(int count, int firstDay, int lastDay) => CompactColumn.Allocate(count, firstDay, lastDay, RecordDays.Never);

            static CompactColumn Units(int count, int units) => CompactColumn.Allocate(count, 0, units - 1, -1);
        }

        /// <summary>Gets a value indicating whether <see cref="StartDay"/> is <see cref="HandoverDay"/> (the clock starts at handover: the same day for every record).</summary>
        internal bool StartIsHandover { get; }

        internal byte[] Code { get; }

        internal byte[] Kind { get; }

        internal CompactColumn FiledDay { get; }

        internal CompactColumn HandoverDay { get; }

        internal CompactColumn StartDay { get; }

        internal CompactColumn ReplyDay { get; }

        internal CompactColumn DeadlineDay { get; }

        /// <summary>Gets each record's lead unit (−1 for none).</summary>
        internal CompactColumn LeadUnit { get; }

        /// <summary>Gets each record's number of co-handling units.</summary>
        internal CompactColumn CoCount { get; }

        /// <summary>Gets the place in <see cref="CoUnit"/> of each committee-period's first co-handling unit, in the committee-periods' order (and the total at the end).</summary>
        internal int[] GroupCoStart { get; }

        /// <summary>Gets the co-handling units, record after record.</summary>
        internal CompactColumn CoUnit { get; }

        /// <summary>Writes the columns from the rows placed by <see cref="PlaceChunk"/> at <paramref name="from"/>..<paramref name="to"/> (whole blocks): each row at its place, which lies in the same block.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal void Fill(Row[] sorted, int from, int to, int[] coUnits)
        {
            // The columns in locals: the JIT then loads each array once, not again after every store into another.
            byte[] code = Code, kind = Kind;
            CompactColumn filedDay = FiledDay, handoverDay = HandoverDay, startDay = StartDay, replyDay = ReplyDay, deadlineDay = DeadlineDay;
            CompactColumn leadUnit = LeadUnit, coCount = CoCount, coUnit = CoUnit;
            bool startIsHandover = StartIsHandover;
            for (int q = from; q < to; q++)
            {
                ref readonly Row row = ref sorted[q];
                int p = row.Place;
                code[p] = row.Code;
                kind[p] = row.Kind;
                filedDay.Set(p, row.Filed);
                handoverDay.Set(p, row.Handover);
                if (!startIsHandover)
                {
                    startDay.Set(p, row.Start);
                }

                replyDay.Set(p, row.Replied);
                deadlineDay.Set(p, row.Deadline);
                leadUnit.Set(p, row.Lead);
                coCount.Set(p, row.CoCount);
                for (int u = 0; u < row.CoCount; u++)
                {
                    coUnit.Set(row.CoPlace + u, coUnits[row.CoOffset + u]);
                }
            }
        }
    }
}
