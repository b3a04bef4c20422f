using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Regions;

// Look-ups by Chinese name, full or shortened.
public sealed partial class RegionTable
{
    /// <summary>
    /// Finds regions by Chinese name: the regions with exactly this name (<c>永嘉县</c>, <c>朝阳区</c>) if there are
    /// any, otherwise those whose name matches once common suffixes are ignored (<c>浙江</c> finds 浙江省,
    /// <c>永嘉</c> 永嘉县, <c>广西</c> 广西壮族自治区, <c>恩施</c> 恩施市 and 恩施土家族苗族自治州).
    /// </summary>
    /// <remarks>
    /// The suffixes are 特别行政区, 自治区, 自治州, 自治县, 自治旗, 地区, 林区, 特区, 新区, 省, 市, 县, 区, 旗, 盟 and 州, plus the
    /// peoples named before an autonomous suffix (壮族, 回族, 维吾尔, 土家族苗族 ...); the name given is shortened the
    /// same way, so <c>恩施州</c> also works. Nothing is removed that would leave fewer than two characters. Comparison
    /// is ordinal; surrounding white space is ignored.
    /// </remarks>
    /// <param name="name">The name.</param>
    /// <returns>Every match, sorted by code; empty when there is none. Names are not unique: <c>朝阳区</c> is in Beijing and in Changchun.</returns>
    /// <exception cref="ArgumentException">The name is empty or white space.</exception>
    public IReadOnlyList<Region> FindByName(string name)
    {
        Preconditions.CheckNotNullOrWhiteSpace(name);
        string key = name.Trim();
        var index = names.Value;
        if (index.ByName.TryGetValue(key, out var exact))
        {
            return exact;
        }

        return index.ByShortName.TryGetValue(RegionNames.Shorten(key), out var matches)
            ? matches
            : Array.Empty<Region>();
    }

    /// <summary>
    /// Finds regions by Chinese name among the descendants of a region (not the region itself), as
    /// <see cref="FindByName(string)"/> does: exact matches below <paramref name="within"/> first, otherwise matches
    /// ignoring suffixes (<c>永嘉</c> within <c>330000</c> finds <c>330324</c> 永嘉县).
    /// </summary>
    /// <param name="name">The name.</param>
    /// <param name="within">The code of the region to search under.</param>
    /// <returns>Every match below <paramref name="within"/>, sorted by code; empty when there is none.</returns>
    /// <exception cref="ArgumentException">The name is empty or white space.</exception>
    /// <exception cref="KeyNotFoundException">The table has no region <paramref name="within"/>.</exception>
    public IReadOnlyList<Region> FindByName(string name, RegionCode within)
    {
        Preconditions.CheckNotNullOrWhiteSpace(name);
        _ = Index(within);
        string key = name.Trim();
        var index = names.Value;
        if (index.ByName.TryGetValue(key, out var exact))
        {
            var below = Below(exact, within);
            if (below.Count > 0)
            {
                return below;
            }
        }

        return index.ByShortName.TryGetValue(RegionNames.Shorten(key), out var matches)
            ? Below(matches, within)
            : Array.Empty<Region>();
    }

    private IReadOnlyList<Region> Below(ReadOnlyCollection<Region> candidates, RegionCode within)
    {
        List<Region>? result = null;
        foreach (var region in candidates)
        {
            if (IsAncestorOf(within, region.Code))
            {
                (result ??= []).Add(region);
            }
        }

        return result is null ? Array.Empty<Region>() : result.AsReadOnly();
    }

    private sealed class NameIndex
    {
        internal NameIndex(Region[] regions)
        {
            ByName = Group(regions, r => r.Name);
            ByShortName = Group(regions, r => RegionNames.Shorten(r.Name));
        }

        internal Dictionary<string, ReadOnlyCollection<Region>> ByName { get; }

        internal Dictionary<string, ReadOnlyCollection<Region>> ByShortName { get; }

        // The regions are sorted by code, and grouping keeps their order.
        private static Dictionary<string, ReadOnlyCollection<Region>> Group(Region[] regions, Func<Region, string> key) =>
            regions.GroupBy(key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Array.AsReadOnly(g.ToArray()), StringComparer.Ordinal);
    }
}
