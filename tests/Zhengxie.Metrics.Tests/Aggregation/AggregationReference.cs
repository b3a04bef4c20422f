using System;
using System.Collections.Generic;
using System.Linq;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>A plain reference implementation of the aggregates, written from DOMAIN.md with loops over the figures.</summary>
internal static class AggregationReference
{
    /// <summary>
    /// The committee-scope, topic-less count figures (the cells the library sums); a 「全部办结」 figure
    /// (concluded, qualified 'all') stands for the committee's filed count of the period when it states one,
    /// and for nothing when it does not.
    /// </summary>
    internal static List<Figure> Cells(IEnumerable<Figure> figures)
    {
        var counts = figures
            .Where(f => f.Scope == FigureScope.Committee && f.Topic is null && f.Qualifier is not (Qualifier.All or Qualifier.PercentReported) && !f.Measure.IsRate)
            .ToList();
        var all = figures.Where(f => f.Scope == FigureScope.Committee && f.Topic is null && f.Qualifier == Qualifier.All && f.Measure == Measures.Proposals.Concluded);
        foreach (var f in all)
        {
            var filed = counts.FirstOrDefault(c => c.Committee == f.Committee && c.Period == f.Period && c.Measure == Measures.Proposals.Filed);
            if (filed is not null)
            {
                counts.Add(new Figure(f.Committee, f.Period, f.Measure, filed.Value, filed.Unit, filed.Qualifier));
            }
        }

        return counts;
    }

    internal static AggregateValue Sum(List<Figure> cells, ISet<Committee> group, IReadOnlyCollection<ReportingPeriod> periods, Measure measure)
    {
        var parts = cells.Where(f => group.Contains(f.Committee) && periods.Contains(f.Period) && f.Measure == measure).ToList();
        var sum = Bounds.Zero;
        foreach (var f in parts)
        {
            sum += f.Bounds!.Value;
        }

        int contributors = parts.Select(f => f.Committee).Distinct().Count();
        return Make(sum, contributors, group.Count);
    }

    internal static PooledRate Pool(List<Figure> cells, ISet<Committee> group, IReadOnlyCollection<ReportingPeriod> periods, RateDefinition rate)
    {
        var total = Rate.None;
        var contributors = new HashSet<Committee>();
        foreach (var committee in group)
        {
            foreach (var period in periods)
            {
                Bounds? Get(Measure m) => cells.FirstOrDefault(f => f.Committee == committee && f.Period == period && f.Measure == m)?.Bounds;
                var den = Get(rate.Denominator);
                var parts = rate.Numerator.Select(Get).ToList();
                if (den is null || parts.Any(p => p is null))
                {
                    continue;
                }

                total += Rate.FromBounds(Bounds.Sum(parts.Select(p => p!.Value)), den.Value);
                contributors.Add(committee);
            }
        }

        return MakeRate(total, contributors.Count, group.Count);
    }

    /// <summary>The committees of a hierarchy group, by walking parents.</summary>
    internal static HashSet<Committee> Members(RegionTable table, GroupKey key, Participation participation)
    {
        bool Takes(Region r) => participation switch
        {
            // A prefecture with no regions below it (东莞, 中山, 儋州, 嘉峪关) is a county-level unit.
            Participation.CountyLevel => r.Level == AdministrativeLevel.County || (r.Level == AdministrativeLevel.Prefecture && table.GetChildren(r.Code).Count == 0),
            Participation.PrefectureLevel => r.Level == AdministrativeLevel.Prefecture,
            Participation.ProvinceLevel => r.Level == AdministrativeLevel.Province,
            _ => true,
        };

        bool Under(Region r)
        {
            if (key.Kind == GroupKind.Nation)
            {
                return true;
            }

            for (Region? x = r; x is not null; x = x.ParentCode is { } p ? table[p] : null)
            {
                if (x.Code == key.Code)
                {
                    return true;
                }
            }

            return false;
        }

        return table.Regions.Where(r => Takes(r) && Under(r)).Select(r => r.Committee).ToHashSet();
    }

    // The cells' constructors are internal; build them through a one-committee table would be circuitous,
    // so the reference compares field by field instead (see AssertEqual).
    internal static AggregateValue Make(Bounds sum, int contributors, int size) => new(sum, contributors, size);

    internal static PooledRate MakeRate(Rate rate, int contributors, int size) => new(rate, contributors, size);
}
