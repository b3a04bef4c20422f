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
    private readonly Dictionary<RegionCode, int> byCode;

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

    internal bool TryGetIndex(Committee committee, out int index) =>
        byCode.TryGetValue(committee.Region, out index) && Committees[index].Level == committee.Level;

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
