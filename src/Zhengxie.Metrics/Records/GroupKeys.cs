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
    private readonly List<ReportingPeriod> periods = [];
    private readonly List<int[]> groupByCommittee = [];
    private readonly List<(int Committee, int Period)> groups = [];
    private readonly List<int> periodFirstDay = [];
    private Committee lastCommittee;
    private int lastCommitteeIndex = -1;
    private ReportingPeriod lastPeriod;
    private int lastPeriodIndex = -1;

    /// <summary>Gets the number of committee-periods.</summary>
    internal int Count => groups.Count;

    /// <summary>Returns the number of a committee-period, adding it when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int GroupOf(Committee committee, ReportingPeriod period)
    {
        int c = committee == lastCommittee && lastCommitteeIndex >= 0 ? lastCommitteeIndex : CommitteeIndex(committee);
        int p = period == lastPeriod && lastPeriodIndex >= 0 ? lastPeriodIndex : PeriodIndex(period);
        var row = groupByCommittee[c];
        if (p >= row.Length)
        {
            Array.Resize(ref row, Math.Max(periods.Count, 4));
            groupByCommittee[c] = row;
        }

        int g = row[p] - 1;
        if (g < 0)
        {
            g = groups.Count;
            groups.Add((c, p));
            row[p] = g + 1;
        }

        return g;
    }

    /// <summary>Returns the day number of 1 January of the year before the committee-period's year: no record of it is submitted earlier.</summary>
    internal int PeriodFirstDay(int group) => periodFirstDay[groups[group].Period];

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

        var committeeRank = Ranks(committees);
        var periodRank = Ranks(periods);
        var sortKeys = new long[order.Length];
        for (int g = 0; g < order.Length; g++)
        {
            sortKeys[g] = ((long)committeeRank[groups[g].Committee] << 32) | (uint)periodRank[groups[g].Period];
        }

        Array.Sort(sortKeys, order);
        return order;
    }

    private static int[] Ranks<T>(List<T> values)
        where T : IComparable<T>
    {
        var order = new int[values.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var copy = values.ToArray();
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
            groupByCommittee.Add(new int[Math.Max(periods.Count, 4)]);
            slot = committees.Count;
        }

        lastCommittee = committee;
        lastCommitteeIndex = slot - 1;
        return slot - 1;
    }

    private int PeriodIndex(ReportingPeriod period)
    {
        ref int head = ref periodByYear[period.Year - ReportingPeriod.MinYear];
        int p = head - 1;
        while (p >= 0 && periods[p] != period)
        {
            p = nextPeriodOfYear[p] - 1;
        }

        if (p < 0)
        {
            p = periods.Count;
            periods.Add(period);
            nextPeriodOfYear.Add(head);
            periodFirstDay.Add(RecordDays.Of(period.Year - 1, 1, 1));
            head = p + 1;
        }

        lastPeriod = period;
        lastPeriodIndex = p;
        return p;
    }
}
