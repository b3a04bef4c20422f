using System;
using System.Collections.Generic;
using System.Linq;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Benchmarks;

/// <summary>One figure as a plain record object, the way an application would hold it.</summary>
public sealed record FigureRecord(int Committee, int? Prefecture, int Province, AdministrativeLevel Level, int Year, string Measure, long Lower, long Upper, bool Unbounded);

/// <summary>A row of the LINQ roll-up: a group (region code, 0 for the nation), a year and a measure or rate.</summary>
public sealed record LinqRow(int Group, int Year, string Measure, long Lower, long Upper, bool Unbounded, long DenominatorLower, long DenominatorUpper, int Contributors);

/// <summary>The baseline: an idiomatic LINQ GroupBy/Sum over a list of records, producing the same numbers as the roll-up.</summary>
internal static class LinqRollup
{
    internal static List<FigureRecord> ToRecords(IEnumerable<Figure> figures, RegionTable table)
    {
        var records = new List<FigureRecord>();
        foreach (var f in figures)
        {
            var region = table[f.Committee.Region];
            var (prefecture, level) = Place(table, region);
            var bounds = f.Bounds!.Value;
            records.Add(new FigureRecord(region.Code.Value, prefecture, region.Code.ProvinceCode.Value, level, f.Period.Year, f.Measure.Id, bounds.Lower, bounds.Upper ?? 0, !bounds.HasUpperBound));
        }

        return records;
    }

    /// <summary>
    /// A committee's prefecture group and its level in a county-level roll-up, as the library counts them: a county under a
    /// prefecture is in that prefecture; a prefecture without counties (东莞, 中山, 儋州, 嘉峪关) is a county-level unit and its
    /// own prefecture group.
    /// </summary>
    internal static (int? Prefecture, AdministrativeLevel Level) Place(RegionTable table, Region region)
    {
        if (region.Level == AdministrativeLevel.Prefecture && table.IsLeafPrefecture(region.Code))
        {
            return (region.Code.Value, AdministrativeLevel.County);
        }

        var parent = region.ParentCode is { } pc ? table[pc] : null;
        return (parent?.Level == AdministrativeLevel.Prefecture ? parent.Code.Value : null, region.Level);
    }

    internal static List<LinqRow> Run(List<FigureRecord> records, IReadOnlyList<RateDefinition> rates)
    {
        var counties = records.Where(r => r.Level == AdministrativeLevel.County).ToList();
        var keys = new Func<FigureRecord, int?>[] { r => r.Prefecture, r => r.Province, r => 0 };
        var rows = keys
            .SelectMany(key => counties
                .Where(r => key(r) is not null)
                .GroupBy(r => (Group: key(r)!.Value, r.Year, r.Measure))
                .Select(g => new LinqRow(g.Key.Group, g.Key.Year, g.Key.Measure, g.Sum(x => x.Lower), g.Sum(x => x.Upper), g.Any(x => x.Unbounded), 0, 0, g.Count())))
            .ToList();

        var cells = counties
            .GroupBy(r => (r.Committee, r.Year))
            .Select(g => (First: g.First(), Values: g.ToDictionary(x => x.Measure)))
            .ToList();
        foreach (var rate in rates)
        {
            var pairs = cells
                .Where(c => c.Values.ContainsKey(rate.Denominator.Id) && rate.Numerator.All(m => c.Values.ContainsKey(m.Id)))
                .Select(c => (
                    c.First,
                    NumLower: rate.Numerator.Sum(m => c.Values[m.Id].Lower),
                    NumUpper: rate.Numerator.Sum(m => c.Values[m.Id].Upper),
                    DenLower: c.Values[rate.Denominator.Id].Lower,
                    DenUpper: c.Values[rate.Denominator.Id].Upper))
                .ToList();
            rows.AddRange(keys.SelectMany(key => pairs
                .Where(x => key(x.First) is not null)
                .GroupBy(x => (Group: key(x.First)!.Value, x.First.Year))
                .Select(g => new LinqRow(g.Key.Group, g.Key.Year, rate.Measure.Id, g.Sum(x => x.NumLower), g.Sum(x => x.NumUpper), false, g.Sum(x => x.DenLower), g.Sum(x => x.DenUpper), g.Count()))));
        }

        return rows;
    }
}
