using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// Numbers the committee-periods of a build in the order first seen, through arrays rather than a dictionary
/// per record: a committee by pages of its region code and level, a period by its year (then a short chain of
/// the periods of that year), a committee-period by a row per committee indexed by period.
/// </summary>
internal sealed class GroupKeys
{
    private const int PageBits = 10;
    private const int Levels = 3;

    private readonly int[]?[] committeePages = new int[(999_999 >> PageBits) + 1][];
    private readonly List<Committee> committees = [];
    private readonly int[] periodByYear = new int[ReportingPeriod.MaxYear - ReportingPeriod.MinYear + 1];
    private readonly List<int> nextPeriodOfYear = [];
    private readonly List<int> periodFirstDay = [];
    private readonly List<(int Committee, int Period)> groups = [];
    private ReportingPeriod[] periods = new ReportingPeriod[4];
    private int periodCount;
    private int[][] groupByCommittee = new int[16][];

    /// <summary>Gets the number of committee-periods.</summary>
    internal int Count => groups.Count;

    /// <summary>Returns the number of a committee-period, adding it when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int GroupOf(Committee committee, ReportingPeriod period)
    {
        // The usual case inline: the committee's slot in its page, the period at the head of its year's chain, the
        // committee-period in the committee's row; anything new or further down a chain through the methods below.
        int value = committee.Region.Value;
        int c = (committeePages[value >> PageBits] is { } page ? page[((value & ((1 << PageBits) - 1)) * Levels) + (int)committee.Level - 1] : 0) - 1;
        if (c < 0)
        {
            c = CommitteeIndex(committee);
        }

        int p = periodByYear[period.Year - ReportingPeriod.MinYear] - 1;
        if (p < 0 || !periods[p].Equals(period))
        {
            p = PeriodIndex(period);
        }

        var row = groupByCommittee[c];
        int g = (uint)p < (uint)row.Length ? row[p] - 1 : -1;
        return g >= 0 ? g : AddGroup(c, p);
    }

    /// <summary>Returns the day number of 1 January of the year before the committee-period's year: no record of it is submitted earlier.</summary>
    internal int PeriodFirstDay(int group) => periodFirstDay[groups[group].Period];

    /// <summary>Returns a committee-period.</summary>
    internal (Committee Committee, ReportingPeriod Period) Key(int group) => (committees[groups[group].Committee], periods[groups[group].Period]);

    /// <summary>Numbers a committee-period not seen before.</summary>
    private int AddGroup(int c, int p)
    {
        var row = groupByCommittee[c];
        if (p >= row.Length)
        {
            Array.Resize(ref row, Math.Max(periodCount, 4));
            groupByCommittee[c] = row;
        }

        int g = groups.Count;
        groups.Add((c, p));
        row[p] = g + 1;
        return g;
    }

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

    private int CommitteeIndex(Committee committee)
    {
        int value = committee.Region.Value;
        var page = committeePages[value >> PageBits] ??= new int[(1 << PageBits) * Levels];
        ref int slot = ref page[((value & ((1 << PageBits) - 1)) * Levels) + (int)committee.Level - 1];
        if (slot == 0)
        {
            committees.Add(committee);
            if (committees.Count > groupByCommittee.Length)
            {
                Array.Resize(ref groupByCommittee, groupByCommittee.Length * 2);
            }

            groupByCommittee[committees.Count - 1] = new int[Math.Max(periodCount, 4)];
            slot = committees.Count;
        }

        return slot - 1;
    }

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
            periodFirstDay.Add(RecordDays.Of(period.Year - 1, 1, 1));
            head = p + 1;
        }

        return p;
    }
}
