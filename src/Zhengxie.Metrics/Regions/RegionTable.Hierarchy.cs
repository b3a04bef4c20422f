using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace Zhengxie.Metrics.Regions;

// Look-ups by code and the hierarchy of the table: parents, children, ancestors, descendants and committees.
public sealed partial class RegionTable
{
    /// <summary>Tries to find a region by code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="region">The region, when found.</param>
    /// <returns>Whether the table has the code.</returns>
    public bool TryGet(RegionCode code, [NotNullWhen(true)] out Region? region)
    {
        if (indexByCode.TryGetValue(code, out int i))
        {
            region = regions[i];
            return true;
        }

        region = null;
        return false;
    }

    /// <summary>Returns whether the table has the code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether it is there.</returns>
    public bool Contains(RegionCode code) => indexByCode.ContainsKey(code);

    /// <summary>Finds a region by code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The region.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public Region this[RegionCode code] => regions[Index(code)];

    /// <summary>Gets the parent of a region (see <see cref="TryGetParent"/> for a region that may be a province).</summary>
    /// <param name="code">The region's code.</param>
    /// <returns>The parent.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code, or the region is a province (which has no parent).</exception>
    public Region GetParent(RegionCode code) =>
        TryGetParent(code, out var parent) ? parent : throw new KeyNotFoundException($"Region {code} {regions[Index(code)].Name} has no parent: it is a province.");

    /// <summary>Tries to find the parent of a region.</summary>
    /// <param name="code">The region's code.</param>
    /// <param name="parent">The parent, unless the region is a province.</param>
    /// <returns>Whether the region has a parent (false for a province).</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public bool TryGetParent(RegionCode code, [NotNullWhen(true)] out Region? parent)
    {
        int p = parentIndex[Index(code)];
        parent = p < 0 ? null : regions[p];
        return parent is not null;
    }

    /// <summary>Returns the direct children of a region, sorted by code (empty for a county or a prefecture without counties).</summary>
    /// <param name="code">The region's code.</param>
    /// <returns>The children.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public IReadOnlyList<Region> GetChildren(RegionCode code) =>
        childrenByIndex[Index(code)] ?? (IReadOnlyList<Region>)Array.Empty<Region>();

    /// <summary>Returns the ancestors of a region, parent first, up to and including the province (empty for a province).</summary>
    /// <param name="code">The region's code.</param>
    /// <returns>The ancestors: for <c>330324</c> 永嘉县, <c>330300</c> 温州市 then <c>330000</c> 浙江省.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public IReadOnlyList<Region> GetAncestors(RegionCode code)
    {
        int i = Index(code);
        var result = new List<Region>(2);
        for (int p = parentIndex[i]; p >= 0; p = parentIndex[p])
        {
            result.Add(regions[p]);
        }

        return result.AsReadOnly();
    }

    /// <summary>Returns every region below a region, at all levels, sorted by code (empty for a county or a prefecture without counties).</summary>
    /// <param name="code">The region's code.</param>
    /// <returns>The descendants, not including the region itself.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public IReadOnlyList<Region> GetDescendants(RegionCode code)
    {
        int i = Index(code);
        return regions[i].Level switch
        {
            AdministrativeLevel.Province => new ReadOnlyCollection<Region>(new ArraySegment<Region>(regions, i + 1, descendantEnd[i] - i - 1)),
            _ => GetChildren(code),
        };
    }

    /// <summary>Returns the province a region lies in (the region itself for a province).</summary>
    /// <param name="code">The region's code.</param>
    /// <returns>The province.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public Region GetProvince(RegionCode code)
    {
        int i = Index(code);
        while (parentIndex[i] >= 0)
        {
            i = parentIndex[i];
        }

        return regions[i];
    }

    /// <summary>Returns whether one region lies (at any depth) below another; a region is not its own ancestor.</summary>
    /// <param name="ancestor">The code of the supposed ancestor.</param>
    /// <param name="descendant">The code of the supposed descendant.</param>
    /// <returns>Whether both are in the table and <paramref name="ancestor"/> is above <paramref name="descendant"/>.</returns>
    public bool IsAncestorOf(RegionCode ancestor, RegionCode descendant)
    {
        if (!indexByCode.TryGetValue(ancestor, out int a) || !indexByCode.TryGetValue(descendant, out int d))
        {
            return false;
        }

        for (int p = parentIndex[d]; p >= 0; p = parentIndex[p])
        {
            if (p == a)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether one region is the direct parent of another.</summary>
    /// <param name="parent">The code of the supposed parent.</param>
    /// <param name="child">The code of the supposed child.</param>
    /// <returns>Whether both are in the table and <paramref name="parent"/> is <paramref name="child"/>'s real parent.</returns>
    public bool IsParentOf(RegionCode parent, RegionCode child) => CheckParent(child, parent) == ParentCheckResult.Correct;

    /// <summary>
    /// Checks a claimed parent, as when a report files a county under a prefecture: <c>330324</c> 永嘉县 under
    /// <c>330300</c> is <see cref="ParentCheckResult.Correct"/>, under <c>330000</c> <see cref="ParentCheckResult.Ancestor"/>,
    /// under <c>330600</c> <see cref="ParentCheckResult.WrongParent"/>.
    /// </summary>
    /// <param name="child">The region's code.</param>
    /// <param name="claimedParent">The code given as its parent.</param>
    /// <returns>What was found; <see cref="ParentCheckResult.UnknownRegion"/> takes precedence over <see cref="ParentCheckResult.UnknownParent"/>.</returns>
    public ParentCheckResult CheckParent(RegionCode child, RegionCode claimedParent)
    {
        if (!indexByCode.TryGetValue(child, out int c))
        {
            return ParentCheckResult.UnknownRegion;
        }

        if (!indexByCode.TryGetValue(claimedParent, out int p))
        {
            return ParentCheckResult.UnknownParent;
        }

        return parentIndex[c] == p ? ParentCheckResult.Correct
            : IsAncestorOf(claimedParent, child) ? ParentCheckResult.Ancestor
            : ParentCheckResult.WrongParent;
    }

    /// <summary>
    /// Returns whether a region is one of the four municipalities directly under the central government
    /// (直辖市: <c>110000</c> 北京, <c>120000</c> 天津, <c>310000</c> 上海, <c>500000</c> 重庆), whose districts and
    /// counties have the municipality itself as parent.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether the code is in the table and is a municipality; <see langword="false"/> for codes not in the table.</returns>
    public bool IsMunicipality(RegionCode code) =>
        Array.IndexOf(MunicipalityCodes, code) >= 0 && indexByCode.ContainsKey(code);

    /// <summary>
    /// Returns whether a region is a county-level unit directly under a province or autonomous region
    /// (省/自治区直辖县级行政单位: <c>419001</c> 济源市, <c>429004</c> 仙桃市, <c>469001</c> 五指山市, <c>659001</c> 石河子市 ...).
    /// The districts and counties of a municipality (<see cref="IsMunicipality"/>) also have a province-level parent
    /// but are not counted here.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether the code is a county whose parent is a province that is not a municipality; <see langword="false"/> for codes not in the table.</returns>
    public bool IsDirectlyUnderProvince(RegionCode code)
    {
        if (!indexByCode.TryGetValue(code, out int i) || regions[i].Level != AdministrativeLevel.County)
        {
            return false;
        }

        int p = parentIndex[i];
        return regions[p].Level == AdministrativeLevel.Province && !IsMunicipality(regions[p].Code);
    }

    /// <summary>
    /// Returns whether a region is a prefecture without county-level units (不设区的地级市: <c>441900</c> 东莞市,
    /// <c>442000</c> 中山市, <c>460400</c> 儋州市, <c>620200</c> 嘉峪关市); aggregate by county treats these as leaves.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether the code is a prefecture with no children; <see langword="false"/> for codes not in the table.</returns>
    public bool IsLeafPrefecture(RegionCode code) =>
        indexByCode.TryGetValue(code, out int i) && regions[i].Level == AdministrativeLevel.Prefecture && childrenByIndex[i] is null;

    /// <summary>Returns the committee that sits at a region, at the region's real level.</summary>
    /// <param name="code">The region's code.</param>
    /// <returns>The committee, such as <c>330324</c> at county level.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public Committee GetCommittee(RegionCode code) => regions[Index(code)].Committee;

    /// <summary>Tries to return the committee that sits at a region, at the region's real level.</summary>
    /// <param name="code">The region's code.</param>
    /// <param name="committee">The committee, when the code is in the table; otherwise <c>default</c>.</param>
    /// <returns>Whether the table has the code.</returns>
    public bool TryGetCommittee(RegionCode code, out Committee committee)
    {
        if (indexByCode.TryGetValue(code, out int i))
        {
            committee = regions[i].Committee;
            return true;
        }

        committee = default;
        return false;
    }

    /// <summary>Returns the dense index of a code in <see cref="Regions"/> (sorted by code), or -1 when the table does not have it.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The index.</returns>
    internal int IndexOf(RegionCode code) => indexByCode.TryGetValue(code, out int i) ? i : -1;

    /// <summary>Returns the index of the parent of the region at <paramref name="index"/>, or -1 for a province.</summary>
    /// <param name="index">An index into <see cref="Regions"/>.</param>
    /// <returns>The parent's index.</returns>
    internal int ParentIndexOf(int index) => parentIndex[index];

    private int Index(RegionCode code) =>
        indexByCode.TryGetValue(code, out int i) ? i : throw new KeyNotFoundException($"Region {code} is not in the region table.");
}
