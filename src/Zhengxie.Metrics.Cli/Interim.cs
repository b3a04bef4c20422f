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
    private const string SeedResource = "Zhengxie.Metrics.Cli.Data.seed-reports.csv";

    /// <summary>INTERIM → <c>SampleData.SeedReports.AllFigures</c>: the 77 figures of the five seed reports.</summary>
    internal static IReadOnlyList<Figure> SeedFigures()
    {
        using var stream = typeof(Interim).Assembly.GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException("The embedded seed reports are missing from the tool.");
        return FigureCsvReader.Read(stream).GetFiguresOrThrow();
    }

    /// <summary>
    /// INTERIM → <c>ProposalStatistics.FromFiguresByCommittee(figures, ValidationMode.CollectFindings, out findings)</c>:
    /// proposal counts per committee and period from committee-scope figures without topic.
    /// </summary>
    internal static IReadOnlyList<ProposalStatistics> StatisticsByCommittee(IEnumerable<Figure> figures, out IReadOnlyList<ValidationFinding> findings)
    {
        var found = new List<ValidationFinding>();
        var result = new List<ProposalStatistics>();
        var groups = figures
            .Where(f => f.Scope == FigureScope.Committee && f.Topic is null && (f.Measure.Family == "proposals" || f.Measure.IsRate))
            .GroupBy(f => (f.Committee, f.Period))
            .OrderBy(g => g.Key.Committee)
            .ThenBy(g => g.Key.Period);
        foreach (var group in groups)
        {
            var (committee, period) = group.Key;
            var counts = new Dictionary<Measure, Bounds>();
            var all = new List<Figure>();
            var stated = new List<Figure>();
            foreach (var byMeasure in group.GroupBy(f => f.Measure))
            {
                var distinct = byMeasure.Distinct().ToList();
                if (distinct.Count > 1)
                {
                    found.Add(new ValidationFinding(ValidationRule.ConflictingDuplicate, $"{distinct.Count} different figures ({string.Join(", ", distinct.Select(f => f.FormatAsReported()))}); none is used.", committee, period, byMeasure.Key));
                    continue;
                }

                var figure = distinct[0];
                switch (figure.Qualifier)
                {
                    case Qualifier.All: all.Add(figure); break;
                    case Qualifier.PercentReported: stated.Add(figure); break;
                    default:
                        try
                        {
                            counts[figure.Measure] = figure.Bounds!.Value;
                        }
                        catch (ZhengxieMetricsException e)
                        {
                            found.Add(new ValidationFinding(ValidationRule.NegativeCount, e.Message, committee, period, figure.Measure));
                        }

                        break;
                }
            }

            ResolveAll(committee, period, counts, all, found);
            ImplyFromStatedRates(committee, period, counts, stated, found);
            CheckChain(committee, period, counts, found);
            result.Add(ProposalStatistics.FromCounts(committee, period, counts));
        }

        findings = found.AsReadOnly();
        return result.AsReadOnly();
    }

    /// <summary>The count a figure qualified 'all' equals.</summary>
    private static Measure? DenominatorOfAll(Measure measure) => measure.Id switch
    {
        "proposals.filed" => Measures.Proposals.Received,
        "proposals.replied" or "proposals.replied_on_time" or "proposals.concluded" => Measures.Proposals.Filed,
        "proposals.satisfied" => Measures.Proposals.Feedback,
        _ => null,
    };

    private static void ResolveAll(Committee committee, ReportingPeriod period, Dictionary<Measure, Bounds> counts, List<Figure> all, List<ValidationFinding> found)
    {
        var pending = new List<Figure>(all);
        bool progress = true;
        while (pending.Count > 0 && progress)
        {
            progress = false;
            foreach (var figure in pending.ToList())
            {
                if (DenominatorOfAll(figure.Measure) is { } den && counts.TryGetValue(den, out var value))
                {
                    counts[figure.Measure] = value;
                    pending.Remove(figure);
                    progress = true;
                }
            }
        }

        foreach (var figure in pending)
        {
            string what = DenominatorOfAll(figure.Measure) is { } den ? $"{den} is not reported" : "its denominator is not known";
            found.Add(new ValidationFinding(ValidationRule.MissingDenominator, $"「全部」 cannot be resolved: {what}.", committee, period, figure.Measure));
        }
    }

    private static void ImplyFromStatedRates(Committee committee, ReportingPeriod period, Dictionary<Measure, Bounds> counts, List<Figure> stated, List<ValidationFinding> found)
    {
        foreach (var figure in stated)
        {
            var definition = RateDefinition.Standard.FirstOrDefault(d => d.Measure == figure.Measure);
            if (definition is null || !counts.TryGetValue(definition.Denominator, out var den) || !den.IsExact)
            {
                continue; // shown as stated
            }

            var fitting = FittingNumerators(figure.Value!.Value, den.Lower);
            if (definition.Numerator.Count == 1 && !counts.ContainsKey(definition.Numerator[0]))
            {
                if (fitting.Count == 1)
                {
                    counts[definition.Numerator[0]] = Bounds.Exactly(fitting[0]);
                }

                continue;
            }

            if (definition.Numerator.All(counts.ContainsKey))
            {
                var num = Bounds.Sum(definition.Numerator.Select(m => counts[m]));
                if (num.IsExact && !fitting.Contains(num.Lower))
                {
                    found.Add(new ValidationFinding(ValidationRule.RateContradictsCounts, string.Create(CultureInfo.InvariantCulture, $"the stated {figure.FormatAsReported()} does not fit the counts {num.Lower}/{den.Lower}."), committee, period, figure.Measure));
                }
            }
        }
    }

    /// <summary>Every integer n in 0..den whose n/den, rounded half up or truncated to the printed digits, is the printed percentage.</summary>
    private static List<long> FittingNumerators(decimal printed, long den)
    {
        var result = new List<long>();
        if (den <= 0)
        {
            return result;
        }

        int decimals = (decimal.GetBits(printed)[3] >> 16) & 0xFF;
        long guess = (long)Math.Round(printed * den / 100m);
        for (long n = Math.Max(0, guess - 2); n <= Math.Min(den, guess + 2); n++)
        {
            decimal percent = n * 100m / den;
            if (Math.Round(percent, decimals, MidpointRounding.AwayFromZero) == printed || Math.Round(percent, decimals, MidpointRounding.ToZero) == printed)
            {
                result.Add(n);
            }
        }

        return result;
    }

    private static void CheckChain(Committee committee, ReportingPeriod period, Dictionary<Measure, Bounds> counts, List<ValidationFinding> found)
    {
        void Check(ValidationRule rule, Measure[] parts, Measure bound)
        {
            if (!counts.TryGetValue(bound, out var limit) || !limit.HasUpperBound || !parts.Any(counts.ContainsKey))
            {
                return;
            }

            var sum = Bounds.Sum(parts.Where(counts.ContainsKey).Select(m => counts[m]));
            if (sum.Lower > limit.Upper!.Value)
            {
                string left = string.Join(" + ", parts.Where(counts.ContainsKey).Select(m => m.Id));
                found.Add(new ValidationFinding(rule, string.Create(CultureInfo.InvariantCulture, $"{left} = {sum} exceeds {bound} = {limit}."), committee, period, parts[0]));
            }
        }

        Check(ValidationRule.FiledExceedsReceived, [Measures.Proposals.Filed], Measures.Proposals.Received);
        Check(ValidationRule.RepliedExceedsFiled, [Measures.Proposals.Replied], Measures.Proposals.Filed);
        Check(ValidationRule.CountExceedsBound, [Measures.Proposals.RepliedOnTime], Measures.Proposals.Replied);
        Check(ValidationRule.CountExceedsBound, [Measures.Proposals.Concluded], Measures.Proposals.Filed);
        Check(ValidationRule.OutcomesExceedReplied, [Measures.Proposals.OutcomeA, Measures.Proposals.OutcomeB, Measures.Proposals.OutcomeC], Measures.Proposals.Replied);
        Check(ValidationRule.CountExceedsBound, [Measures.Proposals.Satisfied, Measures.Proposals.BasicallySatisfied, Measures.Proposals.Dissatisfied], Measures.Proposals.Feedback);
    }

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

    /// <summary>INTERIM → <c>RegionTable.FindByName</c>: regions whose name or code matches, best first (exact, prefix, contains).</summary>
    internal static IReadOnlyList<Region> FindRegionsByName(RegionTable regions, string query)
    {
        query = query.Trim();
        if (RegionCode.TryParse(query, out var code))
        {
            return regions.TryGet(code, out var region) ? [region] : [];
        }

        return regions.Regions
            .Select(r => (Region: r, Rank: r.Name == query ? 0 : r.Name.StartsWith(query, StringComparison.Ordinal) ? 1 : r.Name.Contains(query, StringComparison.Ordinal) ? 2 : 3))
            .Where(x => x.Rank < 3)
            .OrderBy(x => x.Rank)
            .ThenBy(x => x.Region.Level)
            .ThenBy(x => x.Region.Code)
            .Select(x => x.Region)
            .ToList()
            .AsReadOnly();
    }
}
