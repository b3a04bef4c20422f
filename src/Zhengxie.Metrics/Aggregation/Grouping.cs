using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// How committees are put into groups for an aggregation: along the region hierarchy
/// (<see cref="Hierarchy"/>; in one call <see cref="ByProvince"/>, <see cref="ByPrefecture(Participation)"/>,
/// <see cref="ByPrefecture(RegionCode, Participation)"/>, <see cref="ByLevel"/>), a region's subtree (<see cref="Within"/>), an explicit list
/// (<see cref="Of"/>), a predicate (<see cref="Where"/>) or a key function (<see cref="By"/>). Groups may
/// overlap (a county is in its prefecture, its province and the nation). Combine groupings with
/// <see cref="And"/>.
/// </summary>
/// <remarks>
/// A grouping is resolved against a region table once and the result is cached, so reusing one instance
/// for many queries costs nothing. Immutable and thread-safe.
/// </remarks>
public sealed class Grouping
{
    private readonly Func<RegionTable, List<(GroupKey Key, List<int> Members)>> define;
    private readonly object gate = new();
    private (RegionTable Table, GroupingPlan Plan)? cached;

    private Grouping(string description, Func<RegionTable, List<(GroupKey Key, List<int> Members)>> define)
    {
        Description = description;
        this.define = define;
    }

    /// <summary>Gets a text describing the grouping.</summary>
    public string Description { get; }

    /// <summary>
    /// Groups committees along the region hierarchy: a group per prefecture, per province and for the
    /// nation (as <paramref name="levels"/> asks), each holding the committees of the region's subtree that
    /// <paramref name="participation"/> selects. Groups are in code order, the nation last.
    /// </summary>
    /// <param name="participation">Which committees take part; county-level only by default.</param>
    /// <param name="levels">The levels to make groups for; all by default.</param>
    /// <returns>The grouping.</returns>
    public static Grouping Hierarchy(Participation participation = Participation.CountyLevel, RollupLevels levels = RollupLevels.All)
    {
        Preconditions.CheckArgument(Enum.IsDefined(participation), nameof(participation), "Unknown participation.");
        Preconditions.CheckArgument(levels != RollupLevels.None && (levels & ~RollupLevels.All) == 0, nameof(levels), "Choose at least one level.");
        return new Grouping(
            string.Create(CultureInfo.InvariantCulture, $"hierarchy ({participation}; {levels})"),
            table => DefineHierarchy(table, participation, levels));
    }

    /// <summary>
    /// A group per province (省级行政区), in region-code order, each holding the committees of the province that
    /// <paramref name="participation"/> selects (county-level only by default, as in <see cref="FigureDataset.RollUp"/>).
    /// </summary>
    /// <param name="participation">Which committees take part.</param>
    /// <returns>The grouping.</returns>
    public static Grouping ByProvince(Participation participation = Participation.CountyLevel)
    {
        Preconditions.CheckArgument(Enum.IsDefined(participation), nameof(participation), "Unknown participation.");
        return new Grouping(
            string.Create(CultureInfo.InvariantCulture, $"by province ({participation})"),
            table => DefineHierarchy(table, participation, RollupLevels.Province));
    }

    /// <summary>
    /// A group per prefecture-level region (地级行政区), in region-code order, each holding the committees of the
    /// prefecture that <paramref name="participation"/> selects: county-level only by default, as in
    /// <see cref="FigureDataset.RollUp"/>, so a prefecture whose every county reports is complete;
    /// <see cref="Participation.AllLevels"/> adds the prefecture's own committee to its group.
    /// </summary>
    /// <param name="participation">Which committees take part.</param>
    /// <returns>The grouping.</returns>
    public static Grouping ByPrefecture(Participation participation = Participation.CountyLevel)
    {
        Preconditions.CheckArgument(Enum.IsDefined(participation), nameof(participation), "Unknown participation.");
        return new Grouping(
            string.Create(CultureInfo.InvariantCulture, $"by prefecture ({participation})"),
            table => DefineHierarchy(table, participation, RollupLevels.Prefecture));
    }

    /// <summary>
    /// A group per prefecture-level region within <paramref name="within"/> (a province such as <c>330000</c>),
    /// in region-code order: the prefectures of one province in one call.
    /// </summary>
    /// <param name="within">The region whose prefectures make the groups.</param>
    /// <param name="participation">Which committees take part; county-level only by default.</param>
    /// <returns>The grouping.</returns>
    public static Grouping ByPrefecture(RegionCode within, Participation participation = Participation.CountyLevel)
    {
        Preconditions.CheckArgument(!within.IsDefault, nameof(within), "A region is needed.");
        Preconditions.CheckArgument(Enum.IsDefined(participation), nameof(participation), "Unknown participation.");
        return new Grouping(
            string.Create(CultureInfo.InvariantCulture, $"by prefecture within {within} ({participation})"),
            table =>
            {
                var root = table.TryGet(within, out var r) ? r : throw new ArgumentException($"Region {within} is not in the region table.", nameof(within));
                return DefineHierarchy(table, participation, RollupLevels.Prefecture)
                    .FindAll(g => g.Key.Code is { } code && IsInSubtree(table, table[code], root.Code));
            });
    }

    /// <summary>
    /// Three groups by the committees' level, provincial (<c>省级 province</c>), prefecture (<c>地级 prefecture</c>)
    /// and county-level (<c>县级 county</c>), each limited to the committees within <paramref name="within"/> when
    /// regions are given (so a file of one province is compared with that province's committees, not the
    /// country's).
    /// </summary>
    /// <param name="within">The regions whose committees take part (their subtrees); none: the whole table.</param>
    /// <returns>The grouping.</returns>
    public static Grouping ByLevel(params RegionCode[] within)
    {
        Preconditions.CheckNotNull(within);
        var roots = within.ToArray();
        Preconditions.CheckArgument(Array.TrueForAll(roots, c => !c.IsDefault), nameof(within), "A region code is the default value.");
        string where = roots.Length == 0 ? string.Empty : " within " + string.Join(", ", roots);
        return new Grouping("by level" + where, table =>
        {
            foreach (var root in roots)
            {
                _ = table.TryGet(root, out _) ? 0 : throw new ArgumentException($"Region {root} is not in the region table.", nameof(within));
            }

            var groups = new List<(GroupKey Key, List<int> Members)>
            {
                (GroupKey.Custom("省级 province"), []),
                (GroupKey.Custom("地级 prefecture"), []),
                (GroupKey.Custom("县级 county"), []),
            };
            var regions = table.Regions;
            for (int i = 0; i < regions.Count; i++)
            {
                var region = regions[i];
                if (roots.Length == 0 || Array.Exists(roots, root => IsInSubtree(table, region, root)))
                {
                    int g = region.Level switch
                    {
                        AdministrativeLevel.Province => 0,
                        AdministrativeLevel.Prefecture => 1,
                        _ => 2,
                    };
                    groups[g].Members.Add(i);
                }
            }

            return groups;
        });
    }

    /// <summary>One group: the committees of <paramref name="region"/>'s subtree (itself included) that <paramref name="participation"/> selects.</summary>
    /// <param name="region">The region, such as <c>330000</c>.</param>
    /// <param name="participation">Which committees take part.</param>
    /// <returns>The grouping.</returns>
    public static Grouping Within(RegionCode region, Participation participation = Participation.CountyLevel)
    {
        Preconditions.CheckArgument(!region.IsDefault, nameof(region), "A region is needed.");
        Preconditions.CheckArgument(Enum.IsDefined(participation), nameof(participation), "Unknown participation.");
        return new Grouping(
            string.Create(CultureInfo.InvariantCulture, $"within {region} ({participation})"),
            table =>
            {
                var root = table.TryGet(region, out var r) ? r : throw new ArgumentException($"Region {region} is not in the region table.", nameof(region));
                var members = new List<int>();
                var regions = table.Regions;
                for (int i = 0; i < regions.Count; i++)
                {
                    if (Takes(participation, table, regions[i]) && IsInSubtree(table, regions[i], root.Code))
                    {
                        members.Add(i);
                    }
                }

                return [(GroupKey.ForRegion(root), members)];
            });
    }

    /// <summary>One custom group of the given committees (a list of pilot counties).</summary>
    /// <param name="name">The group's name.</param>
    /// <param name="committees">The committees; each must be in the region table at its region's level.</param>
    /// <returns>The grouping.</returns>
    public static Grouping Of(string name, IEnumerable<Committee> committees)
    {
        Preconditions.CheckNotNullOrWhiteSpace(name);
        Preconditions.CheckNotNull(committees);
        var list = committees.Distinct().ToList();
        var key = GroupKey.Custom(name);
        return new Grouping("list " + name, table =>
        {
            var index = CommitteeIndex.For(table);
            var members = new List<int>(list.Count);
            foreach (var c in list)
            {
                members.Add(index.TryGetIndex(c, out int i) ? i : throw new ArgumentException($"Committee {c} is not in the region table (at its region's level).", nameof(committees)));
            }

            members.Sort();
            return [(key, members)];
        });
    }

    /// <summary>One custom group of the committees whose region satisfies a predicate.</summary>
    /// <param name="name">The group's name.</param>
    /// <param name="predicate">Whether a committee's region belongs to the group (the region's <see cref="Region.Level"/> is the committee's).</param>
    /// <returns>The grouping.</returns>
    public static Grouping Where(string name, Func<Region, bool> predicate)
    {
        Preconditions.CheckNotNullOrWhiteSpace(name);
        Preconditions.CheckNotNull(predicate);
        var key = GroupKey.Custom(name);
        return new Grouping("where " + name, table =>
        {
            var members = new List<int>();
            var regions = table.Regions;
            for (int i = 0; i < regions.Count; i++)
            {
                if (predicate(regions[i]))
                {
                    members.Add(i);
                }
            }

            return [(key, members)];
        });
    }

    /// <summary>
    /// Custom groups by a key function: each committee goes into the group its key names (<see langword="null"/>
    /// or white space: none). Groups are in region-code order: by the code of their first committee.
    /// </summary>
    /// <param name="key">The group's name for a committee's region, such as an economic zone.</param>
    /// <returns>The grouping.</returns>
    public static Grouping By(Func<Region, string?> key)
    {
        Preconditions.CheckNotNull(key);
        return new Grouping("by key", table =>
        {
            // The regions are sorted by code, so the groups come in the order of their first committee.
            var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var order = new List<string>();
            var regions = table.Regions;
            for (int i = 0; i < regions.Count; i++)
            {
                string? k = key(regions[i]);
                if (string.IsNullOrWhiteSpace(k))
                {
                    continue;
                }

                if (!groups.TryGetValue(k, out var list))
                {
                    groups[k] = list = [];
                    order.Add(k);
                }

                list.Add(i);
            }

            return order.Select(k => (GroupKey.Custom(k), groups[k])).ToList();
        });
    }

    /// <summary>Returns a grouping with this grouping's groups followed by <paramref name="other"/>'s.</summary>
    /// <param name="other">The other grouping.</param>
    /// <returns>The combined grouping.</returns>
    public Grouping And(Grouping other)
    {
        Preconditions.CheckNotNull(other);
        return new Grouping(Description + " and " + other.Description, table =>
        {
            var groups = define(table);
            groups.AddRange(other.define(table));
            return groups;
        });
    }

    /// <summary>Returns the description.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Description;

    internal GroupingPlan Plan(RegionTable table)
    {
        var c = cached;
        if (c is { } hit && ReferenceEquals(hit.Table, table))
        {
            return hit.Plan;
        }

        lock (gate)
        {
            if (cached is { } again && ReferenceEquals(again.Table, table))
            {
                return again.Plan;
            }

            var plan = GroupingPlan.Create(table.Count, define(table));
            cached = (table, plan);
            return plan;
        }
    }

    /// <summary>
    /// Whether a region's committee takes part. A prefecture without counties (东莞, 中山, 儋州, 嘉峪关:
    /// <see cref="RegionTable.IsLeafPrefecture(RegionCode)"/>) is the county-level unit of its own area, so it
    /// takes part in a county-level roll-up as well as in a prefecture-level one.
    /// </summary>
    private static bool Takes(Participation participation, RegionTable table, Region region) => participation switch
    {
        Participation.CountyLevel => region.Level == AdministrativeLevel.County || table.IsLeafPrefecture(region.Code),
        Participation.PrefectureLevel => region.Level == AdministrativeLevel.Prefecture,
        Participation.ProvinceLevel => region.Level == AdministrativeLevel.Province,
        _ => true,
    };

    private static bool IsInSubtree(RegionTable table, Region region, RegionCode root)
    {
        Region? r = region;
        while (r is not null)
        {
            if (r.Code == root)
            {
                return true;
            }

            r = r.ParentCode is { } p ? table[p] : null;
        }

        return false;
    }

    private static List<(GroupKey Key, List<int> Members)> DefineHierarchy(RegionTable table, Participation participation, RollupLevels levels)
    {
        var regions = table.Regions;
        var index = CommitteeIndex.For(table);
        var groupOf = new Dictionary<RegionCode, int>();
        var groups = new List<(GroupKey Key, List<int> Members)>();
        foreach (var r in regions)
        {
            bool wanted = (r.Level == AdministrativeLevel.Province && (levels & RollupLevels.Province) != 0)
                || (r.Level == AdministrativeLevel.Prefecture && (levels & RollupLevels.Prefecture) != 0);
            if (wanted)
            {
                groupOf[r.Code] = groups.Count;
                groups.Add((GroupKey.ForRegion(r), []));
            }
        }

        int nation = -1;
        if ((levels & RollupLevels.Nation) != 0)
        {
            nation = groups.Count;
            groups.Add((GroupKey.Nation, []));
        }

        for (int i = 0; i < regions.Count; i++)
        {
            if (!Takes(participation, table, regions[i]))
            {
                continue;
            }

            Region? r = regions[i];
            while (r is not null)
            {
                if (groupOf.TryGetValue(r.Code, out int g))
                {
                    groups[g].Members.Add(i);
                }

                r = r.ParentCode is { } p ? regions[index.IndexOf(p)] : null;
            }

            if (nation >= 0)
            {
                groups[nation].Members.Add(i);
            }
        }

        return groups;
    }
}

/// <summary>
/// A grouping resolved against a region table: the groups, and the finest partition of the committees
/// they imply (leaves: committees in exactly the same groups), with the leaves' runs of consecutive
/// committee indices, so sums are taken over contiguous memory once per leaf and added up per group.
/// </summary>
internal sealed class GroupingPlan
{
    private GroupingPlan(GroupKey[] keys, int[] groupSizes, int[] leafOf, int leafCount, int[][] groupLeaves, int[][] leafGroups, int[] leafSizes, LeafRun[] runs)
    {
        LeafGroups = leafGroups;
        Keys = keys;
        GroupSizes = groupSizes;
        LeafOf = leafOf;
        LeafCount = leafCount;
        GroupLeaves = groupLeaves;
        LeafSizes = leafSizes;
        Runs = runs;
    }

    internal GroupKey[] Keys { get; }

    internal int[] GroupSizes { get; }

    /// <summary>Gets the leaf of each committee index, or −1 when the committee is in no group.</summary>
    internal int[] LeafOf { get; }

    internal int LeafCount { get; }

    internal int[][] GroupLeaves { get; }

    internal int[] LeafSizes { get; }

    /// <summary>Gets the groups each leaf belongs to.</summary>
    internal int[][] LeafGroups { get; }

    internal LeafRun[] Runs { get; }

    internal static GroupingPlan Create(int committeeCount, List<(GroupKey Key, List<int> Members)> groups)
    {
        var membership = new List<int>[committeeCount];
        var sizes = new int[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            var seen = new HashSet<int>();
            foreach (int c in groups[g].Members)
            {
                if (!seen.Add(c))
                {
                    continue;
                }

                (membership[c] ??= []).Add(g);
                sizes[g]++;
            }
        }

        var leafOf = new int[committeeCount];
        var leafIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var leafGroups = new List<List<int>>();
        var leafSizes = new List<int>();
        var key = new StringBuilder();
        for (int c = 0; c < committeeCount; c++)
        {
            var m = membership[c];
            if (m is null)
            {
                leafOf[c] = -1;
                continue;
            }

            key.Clear();
            foreach (int g in m)
            {
                key.Append(g).Append(',');
            }

            string k = key.ToString();
            if (!leafIds.TryGetValue(k, out int leaf))
            {
                leaf = leafGroups.Count;
                leafIds[k] = leaf;
                leafGroups.Add(m);
                leafSizes.Add(0);
            }

            leafOf[c] = leaf;
            leafSizes[leaf]++;
        }

        var groupLeaves = new List<int>[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            groupLeaves[g] = [];
        }

        for (int leaf = 0; leaf < leafGroups.Count; leaf++)
        {
            foreach (int g in leafGroups[leaf])
            {
                groupLeaves[g].Add(leaf);
            }
        }

        var runs = new List<LeafRun>();
        for (int c = 0; c < committeeCount;)
        {
            int leaf = leafOf[c];
            int start = c;
            while (c < committeeCount && leafOf[c] == leaf)
            {
                c++;
            }

            if (leaf >= 0)
            {
                runs.Add(new LeafRun(start, c - start, leaf));
            }
        }

        return new GroupingPlan(
            groups.Select(g => g.Key).ToArray(),
            sizes,
            leafOf,
            leafGroups.Count,
            groupLeaves.Select(l => l.ToArray()).ToArray(),
            leafGroups.Select(l => l.ToArray()).ToArray(),
            leafSizes.ToArray(),
            runs.ToArray());
    }
}

/// <summary>A run of consecutive committee indices that all belong to one leaf.</summary>
internal readonly record struct LeafRun(int Start, int Length, int Leaf);
