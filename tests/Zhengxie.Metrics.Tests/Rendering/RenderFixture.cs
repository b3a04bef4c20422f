using System.Collections.Generic;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Rendering;

namespace Zhengxie.Metrics.Tests.Rendering;

/// <summary>
/// A small hand-made dataset with known sums: three county committees of 丽水 in 2023.
/// 莲都 received 120, filed 100, replied 98; 青田 received 「100余」 (101..199), filed 90, replied 90;
/// 缙云 filed 50, replied 45 (no received). So, over the group of 3: received 221..319 from 2
/// committees, filed 240 from 3, replied 233 from 3; reply rate 233/240 = 97.0833…%; acceptance
/// (莲都 and 青田) 190 over 221..319, so between 190/319 = 59.56…% and 190/221 = 85.97…%.
/// </summary>
internal static class RenderFixture
{
    internal static readonly RegionCode LishuiCode = RegionCode.Parse("331100");
    internal static readonly Committee Liandu = new(RegionCode.Parse("331102"));
    internal static readonly Committee Qingtian = new(RegionCode.Parse("331121"));
    internal static readonly Committee Jinyun = new(RegionCode.Parse("331122"));
    internal static readonly ReportingPeriod Year = ReportingPeriod.CalendarYear(2023);

    internal static readonly RegionTable Regions = RegionsNaming((Liandu, "莲都区"), (Qingtian, "青田县"), (Jinyun, "缙云县"));

    /// <summary>A region table of 浙江省 and 丽水市 with the given county committees under 丽水 by the given names.</summary>
    internal static RegionTable RegionsNaming(params (Committee Committee, string Name)[] counties)
    {
        var regions = new List<Region>
        {
            new(RegionCode.Parse("330000"), "浙江省", AdministrativeLevel.Province, null),
            new(LishuiCode, "丽水市", AdministrativeLevel.Prefecture, RegionCode.Parse("330000")),
        };
        foreach (var (committee, name) in counties)
        {
            regions.Add(new Region(committee.Region, name, AdministrativeLevel.County, LishuiCode));
        }

        return RegionTable.FromRegions(regions);
    }

    internal static readonly IReadOnlyList<Measure> CountMeasures = [Measures.Proposals.Received, Measures.Proposals.Filed, Measures.Proposals.Replied];

    internal static IReadOnlyList<Figure> Figures() =>
    [
        Count(Liandu, "proposals.received", 120),
        Count(Liandu, "proposals.filed", 100),
        Count(Liandu, "proposals.replied", 98),
        Count(Qingtian, "proposals.received", 100, Qualifier.MoreThan),
        Count(Qingtian, "proposals.filed", 90),
        Count(Qingtian, "proposals.replied", 90),
        Count(Jinyun, "proposals.filed", 50),
        Count(Jinyun, "proposals.replied", 45),
    ];

    /// <summary>
    /// Figures for a statistics table with every marker: 莲都 received 120 and states 立案率 83.3% (so
    /// filed = 100 is implied: 99/120 = 82.5%, 101/120 = 84.2%); 青田 「100余」 received, 90 filed;
    /// 缙云 50 filed, 「全部办复」, 满意率 100% stated without counts.
    /// </summary>
    internal static IReadOnlyList<Figure> MarkerFigures() =>
    [
        Count(Liandu, "proposals.received", 120),
        new(Liandu, Year, Measures.Rates.Acceptance, 83.3m, FigureUnit.Percent, Qualifier.PercentReported),
        Count(Qingtian, "proposals.received", 100, Qualifier.MoreThan),
        Count(Qingtian, "proposals.filed", 90),
        Count(Jinyun, "proposals.filed", 50),
        new(Jinyun, Year, Measures.Proposals.Replied, null, FigureUnit.Piece, Qualifier.All),
        new(Jinyun, Year, Measures.Rates.Satisfaction, 100m, FigureUnit.Percent, Qualifier.PercentReported),
    ];

    internal static FigureDataset Dataset() =>
        FigureDataset.CreateBuilder(Regions).AddRange(Figures()).Build();

    internal static IndicatorTable Table() =>
        Dataset().Aggregate(
            Grouping.Within(LishuiCode),
            options: new AggregationOptions { Measures = CountMeasures, Rates = [RateDefinition.Acceptance, RateDefinition.Reply] });

    internal static TableRenderOptions Options(string? caption = "丽水 2023") => TableRenderOptions.Default with { Caption = caption, Regions = Regions };

    private static Figure Count(Committee committee, string measure, decimal value, Qualifier qualifier = Qualifier.Exact) =>
        new(committee, Year, new Measure(measure), value, FigureUnit.Piece, qualifier);
}
