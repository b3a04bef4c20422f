using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// Numbers the committee-periods of a build in the order first seen, and counts each one's valid records and
/// their co-handling units, through small arrays rather than a dictionary per record: a committee through an
/// open-addressing table of its region code and level (a few tens of KB, so it stays in the cache), a period by
/// its year (then a short chain of the periods of that year), and the committee-period's cell (its number and its
/// count of valid records, side by side: one cache line per record) in a flat table of committees × periods.
/// </summary>
internal sealed class GroupKeys
{
    private readonly List<Committee> committees = [];
    private readonly int[] periodByYear = new int[ReportingPeriod.MaxYear - ReportingPeriod.MinYear + 1];
    private readonly List<int> nextPeriodOfYear = [];
    private readonly List<(int Committee, int Period)> groups = [];

    // Committee slots, two ints each: its key + 1 (0: empty; key = region code × 4 + level) and its number.
    private int[] committeeSlots = new int[2 * 256];
    private int committeeBits = 8;
    private ReportingPeriod[] periods = new ReportingPeriod[4];
    private int periodCount;

    // Cell of committee c and period p at c × stride + p.
    private Cell[] cells = new Cell[16 * 4];
    private int stride = 4;
    private int[] co = new int[64];

    /// <summary>Gets the number of committee-periods.</summary>
    internal int Count => groups.Count;

    /// <summary>Returns the number of a committee-period, adding it when new.</summary>
    internal int GroupOf(Committee committee, ReportingPeriod period) => CellOf(committee, period).Group - 1;

    /// <summary>Returns the cell of a committee-period (its number + 1 and its count of valid records), adding it when new.</summary>
    /// <remarks>The reference is good until the next call (a new committee or period may move the cells).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref Cell CellOf(Committee committee, ReportingPeriod period)
    {
        // The usual case inline: the committee's slot (mostly the first probed), the period at the head of its year's
        // chain, the cell; anything new or further down a chain through the methods below.
        int key = (committee.Region.Value << 2) | (int)committee.Level;
        var slots = committeeSlots;
        int s = (int)(((uint)key * 0x9E3779B1U) >> (32 - committeeBits)) << 1;
        int c = (uint)(s + 1) < (uint)slots.Length && slots[s] == key + 1 ? slots[s + 1] : CommitteeIndex(committee, key);
        int p = periodByYear[period.Year - ReportingPeriod.MinYear] - 1;
        if (p < 0 || !periods[p].Equals(period))
        {
            p = PeriodIndex(period);
        }

        ref Cell cell = ref cells[(c * stride) + p];
        if (cell.Group == 0)
        {
            AddGroup(ref cell, c, p);
        }

        return ref cell;
    }

    /// <summary>Counts a valid record's co-handling units under its committee-period.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void CountCoUnits(int group, int count)
    {
        if (count != 0)
        {
            co[group] += count;
        }
    }

    /// <summary>Takes a record found invalid after it was counted (and its co-handling units) off its committee-period's counts.</summary>
    internal void Uncount(int group, int coCount)
    {
        var (c, p) = groups[group];
        cells[(c * stride) + p].Valid--;
        co[group] -= coCount;
    }

    /// <summary>Returns a committee-period's counts of valid records and of their co-handling units.</summary>
    internal (int Valid, int CoUnits) ValidCounts(int group)
    {
        var (c, p) = groups[group];
        return (cells[(c * stride) + p].Valid, co[group]);
    }

    /// <summary>Returns the day number of 1 January of the year before the committee-period's year: no record of it is submitted earlier.</summary>
    internal int PeriodFirstDay(int group) => FirstDayFor(periods[groups[group].Period]);

    /// <summary>Returns the day number of 1 January of the year before a period's year: no record of it is submitted earlier.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int FirstDayFor(ReportingPeriod period) => RecordDays.Of(period.Year - 1, 1, 1);

    /// <summary>Returns a committee-period.</summary>
    internal (Committee Committee, ReportingPeriod Period) Key(int group) => (committees[groups[group].Committee], periods[groups[group].Period]);

    /// <summary>Returns the committee-periods sorted by committee, then period.</summary>
    internal int[] SortedOrder()
    {
        var order = new int[groups.Count];
        for (int g = 0; g < order.Length; g++)
        {
            order[g] = g;
        }

        var committeeRank = Ranks(committees.ToArray());
        var periodRank = Ranks(periods.AsSpan(0, periodCount).ToArray());
        var sortKeys = new long[order.Length];
        for (int g = 0; g < order.Length; g++)
        {
            sortKeys[g] = ((long)committeeRank[groups[g].Committee] << 32) | (uint)periodRank[groups[g].Period];
        }

        Array.Sort(sortKeys, order);
        return order;
    }

    private static int[] Ranks<T>(T[] copy)
        where T : IComparable<T>
    {
        var order = new int[copy.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(copy, order);
        var rank = new int[order.Length];
        for (int r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        return rank;
    }

    /// <summary>Numbers a committee-period not seen before (its cell is empty).</summary>
    private void AddGroup(ref Cell cell, int c, int p)
    {
        int g = groups.Count;
        groups.Add((c, p));
        cell.Group = g + 1;
        if (g == co.Length)
        {
            Array.Resize(ref co, g * 2);
        }
    }

    /// <summary>Returns the number of a committee, adding it when new (and growing the table when it is half full).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int CommitteeIndex(Committee committee, int key)
    {
        int mask = (1 << committeeBits) - 1;
        int s = (int)(((uint)key * 0x9E3779B1U) >> (32 - committeeBits));
        while (committeeSlots[2 * s] != 0)
        {
            if (committeeSlots[2 * s] == key + 1)
            {
                return committeeSlots[(2 * s) + 1];
            }

            s = (s + 1) & mask;
        }

        int c = committees.Count;
        committees.Add(committee);
        committeeSlots[2 * s] = key + 1;
        committeeSlots[(2 * s) + 1] = c;
        if ((c + 1) * 2 > 1 << committeeBits)
        {
            GrowCommittees();
        }

        if ((c + 1) * stride > cells.Length)
        {
            Array.Resize(ref cells, cells.Length * 2);
        }

        return c;
    }

    private void GrowCommittees()
    {
        committeeBits++;
        var old = committeeSlots;
        committeeSlots = new int[2 << committeeBits];
        int mask = (1 << committeeBits) - 1;
        for (int o = 0; o < old.Length; o += 2)
        {
            int stored = old[o];
            if (stored == 0)
            {
                continue;
            }

            int s = (int)(((uint)(stored - 1) * 0x9E3779B1U) >> (32 - committeeBits));
            while (committeeSlots[2 * s] != 0)
            {
                s = (s + 1) & mask;
            }

            committeeSlots[2 * s] = stored;
            committeeSlots[(2 * s) + 1] = old[o + 1];
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int PeriodIndex(ReportingPeriod period)
    {
        ref int head = ref periodByYear[period.Year - ReportingPeriod.MinYear];
        int p = head - 1;
        while (p >= 0 && !periods[p].Equals(period))
        {
            p = nextPeriodOfYear[p] - 1;
        }

        if (p < 0)
        {
            p = periodCount;
            if (p == periods.Length)
            {
                Array.Resize(ref periods, p * 2);
            }

            periods[p] = period;
            periodCount++;
            nextPeriodOfYear.Add(head);
            head = p + 1;
            if (periodCount > stride)
            {
                // A quarter more room, not twice: the scan reads a cell at random for every record, and at 10 periods a
                // stride of 10 instead of 16 is 240 KB of cells for 3,000 committees instead of 384 KB, about half the
                // cache misses on them (docs/performance.md, "Fourteenth and fifteenth sessions").
                Restride(Math.Max(stride + 1, stride * 5 / 4));
            }
        }

        return p;
    }

    /// <summary>Lays the cells out again with room for <paramref name="newStride"/> periods per committee.</summary>
    private void Restride(int newStride)
    {
        var moved = new Cell[Math.Max(16, committees.Count) * newStride];
        for (int c = 0; c < committees.Count; c++)
        {
            cells.AsSpan(c * stride, stride).CopyTo(moved.AsSpan(c * newStride));
        }

        cells = moved;
        stride = newStride;
    }

    /// <summary>A committee-period's number + 1 (0 while unused) and its count of valid records.</summary>
    internal struct Cell
    {
        /// <summary>The committee-period's number + 1.</summary>
        internal int Group;

        /// <summary>The records of the committee-period that passed their own checks.</summary>
        internal int Valid;
    }
}
