// ============================================================================================
// INTERIM SHIM — to be replaced by the lead when the core lands the real implementations.
// Everything else in the CLI calls only the functions of this file for:
//   SeedFigures()            → SampleData.SeedReports.AllFigures
//   StatisticsByCommittee()  → ProposalStatistics.FromFiguresByCommittee(figures, ValidationMode.CollectFindings, out findings)
//   Aggregate()              → the aggregation engine (Zhengxie.Metrics.Aggregation, IndicatorTable)
//   FindRegionsByName()      → RegionTable.FindByName
// The implementations below are deliberately simple: exact counts, 'all' resolved to its
// denominator, a stated rate's numerator implied when exactly one integer fits, chain checks, and
// grouping by the region table's ancestors with pooled (summed) counts.
// ============================================================================================
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Cli;

/// <summary>How <see cref="Interim.Aggregate"/> groups committees.</summary>
internal enum GroupBy
{
    /// <summary>One row per committee and period.</summary>
    Committee = 0,

    /// <summary>The prefecture and every committee under it.</summary>
    Prefecture = 1,

    /// <summary>The province and every committee under it.</summary>
    Province = 2,

    /// <summary>Committees of one administrative level.</summary>
    Level = 3,
}

/// <summary>One aggregated row: a group of committees in one period, with summed counts and pooled rates.</summary>
/// <param name="Key">A stable key (region code or level word).</param>
/// <param name="Label">The group's name.</param>
/// <param name="Period">The period.</param>
/// <param name="Committees">How many committees of the group have figures in the period.</param>
/// <param name="Counts">Each count's sum over the committees that report it, with that coverage.</param>
/// <param name="Rates">Each rate pooled over the committees for which it can be computed, with that coverage.</param>
internal sealed record GroupRow(
    string Key,
    string Label,
    ReportingPeriod Period,
    int Committees,
    IReadOnlyDictionary<Measure, (Bounds Sum, int Coverage)> Counts,
    IReadOnlyDictionary<Measure, (Rate Pooled, int Coverage)> Rates);

/// <summary>INTERIM: stand-ins for core functions that other helpers are writing (see the file header).</summary>
internal static class Interim
{
    /// <summary>The 77 figures of the five seed reports, built into the core.</summary>
    internal static IReadOnlyList<Figure> SeedFigures() => SampleData.SeedReports.AllFigures;

    /// <summary>Proposal counts and rates per committee and period, with every finding collected.</summary>
    internal static IReadOnlyList<ProposalStatistics> StatisticsByCommittee(IEnumerable<Figure> figures, out IReadOnlyList<ValidationFinding> findings) =>
        ProposalStatistics.FromFiguresByCommittee(figures, ValidationMode.CollectFindings, out findings);

    /// <summary>
    /// INTERIM → the aggregation engine: groups committee statistics by the region table's ancestor
    /// (prefecture or province) or by level, summing counts and pooling rates over the committees that
    /// report them. A prefecture group holds the prefecture's own committee and its county committees.
    /// </summary>
    internal static IReadOnlyList<GroupRow> Aggregate(IEnumerable<ProposalStatistics> statistics, GroupBy groupBy, IReadOnlyList<RateDefinition> rates, RegionTable regions)
    {
        var rows = new List<GroupRow>();
        foreach (var group in statistics.GroupBy(s => (Group: GroupOf(s.Committee, groupBy, regions), s.Period)).OrderBy(g => g.Key.Group.Key, StringComparer.Ordinal).ThenBy(g => g.Key.Period))
        {
            var members = group.ToList();
            var counts = new Dictionary<Measure, (Bounds, int)>();
            foreach (var measure in members.SelectMany(s => s.Counts.Keys).Distinct())
            {
                var reporting = members.Where(s => s.Counts.ContainsKey(measure)).Select(s => s.Counts[measure]).ToList();
                counts[measure] = (Bounds.Sum(reporting), reporting.Count);
            }

            var pooled = new Dictionary<Measure, (Rate, int)>();
            foreach (var definition in rates)
            {
                var each = new List<Rate>();
                foreach (var s in members)
                {
                    try
                    {
                        if (s.GetRate(definition) is { } r)
                        {
                            each.Add(r);
                        }
                    }
                    catch (ZhengxieMetricsException)
                    {
                        // numerator above denominator: reported as a finding, not pooled
                    }
                }

                if (each.Count > 0)
                {
                    pooled[definition.Measure] = (Rate.Pool(each), each.Count);
                }
            }

            rows.Add(new GroupRow(group.Key.Group.Key, group.Key.Group.Label, group.Key.Period, members.Count, counts, pooled));
        }

        return rows.AsReadOnly();
    }

    private static (string Key, string Label) GroupOf(Committee committee, GroupBy groupBy, RegionTable regions)
    {
        if (groupBy == GroupBy.Level)
        {
            return committee.Level switch
            {
                AdministrativeLevel.Province => ("1-province", "省级 province"),
                AdministrativeLevel.Prefecture => ("2-prefecture", "地级 prefecture"),
                _ => ("3-county", "县级 county"),
            };
        }

        var wanted = groupBy == GroupBy.Province ? AdministrativeLevel.Province : AdministrativeLevel.Prefecture;
        if (!regions.TryGet(committee.Region, out var region))
        {
            return ("~" + committee.Region, committee.Region + " (not in the region table)");
        }

        while (region.Level > wanted && region.ParentCode is { } parent)
        {
            region = regions[parent];
        }

        // A county directly under a province (省直辖县级行政单位) forms its own group when grouping by prefecture.
        return (region.Code.ToString(), region.Name);
    }

    /// <summary>Regions by code, or by name through <see cref="RegionTable.FindByName(string)"/>.</summary>
    internal static IReadOnlyList<Region> FindRegionsByName(RegionTable regions, string query)
    {
        query = query.Trim();
        if (RegionCode.TryParse(query, out var code))
        {
            return regions.TryGet(code, out var region) ? [region] : [];
        }

        return regions.FindByName(query);
    }
}
