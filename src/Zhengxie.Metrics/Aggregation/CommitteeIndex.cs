using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// The dense index of a region table's committees: committee <c>i</c> sits at <c>table.Regions[i]</c>
/// (sorted by code), at its region's level; with each committee's parent index. Cached per table.
/// </summary>
internal sealed class CommitteeIndex
{
    private static readonly ConditionalWeakTable<RegionTable, CommitteeIndex> Cache = new();
    private const int MinCode = 110000;
    private const int MaxCode = 999999;
    private readonly Dictionary<RegionCode, int> byCode;
    private int[]? byCodeValue;

    private CommitteeIndex(RegionTable table)
    {
        var regions = table.Regions;
        byCode = new Dictionary<RegionCode, int>(regions.Count);
        Committees = new Committee[regions.Count];
        for (int i = 0; i < regions.Count; i++)
        {
            byCode[regions[i].Code] = i;
            Committees[i] = regions[i].Committee;
        }

        ParentOf = new int[regions.Count];
        for (int i = 0; i < regions.Count; i++)
        {
            ParentOf[i] = regions[i].ParentCode is { } p ? byCode[p] : -1;
        }
    }

    internal Committee[] Committees { get; }

    /// <summary>Gets each committee's parent index, −1 for provinces.</summary>
    internal int[] ParentOf { get; }

    internal int Count => Committees.Length;

    internal static CommitteeIndex For(RegionTable table) => Cache.GetValue(table, t => new CommitteeIndex(t));

    internal int IndexOf(RegionCode code) => byCode[code];

    /// <summary>Returns the committee's index, or −1 when it is not in the table (or not at its region's level): an array look-up by code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int NumberOf(Committee committee)
    {
        var table = byCodeValue ?? MakeByCodeValue();
        uint k = (uint)(committee.Region.Value - MinCode);
        if (k < (uint)table.Length)
        {
            int i = table[k];
            if (i >= 0 && Committees[i].Level == committee.Level)
            {
                return i;
            }
        }

        return -1;
    }

    internal bool TryGetIndex(Committee committee, out int index) =>
        byCode.TryGetValue(committee.Region, out index) && Committees[index].Level == committee.Level;

    /// <summary>Every six-digit code's index (−1 when not in the table); made once per table on first use (3.5 MB).</summary>
    private int[] MakeByCodeValue()
    {
        var table = new int[MaxCode - MinCode + 1];
        Array.Fill(table, -1);
        for (int i = 0; i < Committees.Length; i++)
        {
            table[Committees[i].Region.Value - MinCode] = i;
        }

        byCodeValue = table;
        return table;
    }

    /// <summary>Returns whether committee <paramref name="descendant"/> is <paramref name="ancestor"/> or lies under it.</summary>
    internal bool IsSelfOrDescendant(int descendant, int ancestor)
    {
        for (int i = descendant; i >= 0; i = ParentOf[i])
        {
            if (i == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
