using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Rendering;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Cli.Reporting;

/// <summary>Builds the table of <c>report</c> from figures: the core's proposal statistics per committee, or the aggregation engine per group.</summary>
internal static class IndicatorReport
{
    /// <summary>The counts shown, in order.</summary>
    internal static readonly IReadOnlyList<Measure> CountColumns =
    [
        Measures.Proposals.Received,
        Measures.Proposals.Filed,
        Measures.Proposals.Replied,
        Measures.Proposals.OutcomeA,
        Measures.Proposals.OutcomeB,
    ];

    /// <summary>The short names accepted by <c>--rates</c>.</summary>
    internal static readonly IReadOnlyList<(string Name, RateDefinition Definition)> RateNames =
    [
        ("acceptance", RateDefinition.Acceptance),
        ("reply", RateDefinition.Reply),
        ("on_time_reply", RateDefinition.OnTimeReply),
        ("conclusion", RateDefinition.Conclusion),
        ("adoption", RateDefinition.Adoption),
        ("adoption_including_planned", RateDefinition.AdoptionIncludingPlanned),
        ("satisfaction", RateDefinition.Satisfaction),
    ];

    // The library's groupings, so the CLI's groups and coverage are the library's (county-level committees by
    // default, as in FigureDataset.RollUp: a prefecture whose every county reports is complete).
    private static readonly Grouping ByPrefecture = Grouping.ByPrefecture();
    private static readonly Grouping ByProvince = Grouping.ByProvince();

    /// <summary>Builds the table; <paramref name="findings"/> receives the problems met in the figures.</summary>
    internal static ReportTable Build(IReadOnlyList<Figure> figures, ReportOptions options, TableRenderOptions render, string sourceName, RegionTable regions, out IReadOnlyList<ValidationFinding> findings)
    {
        var kept = options.Years is { } years ? figures.Where(f => years.Contains(f.Period.Year)).ToList() : figures.ToList();
        string caption = string.Create(CultureInfo.InvariantCulture, $"Proposal indicators: {sourceName}, by {options.GroupBy.ToString().ToLowerInvariant()}{(options.Years is { } y ? ", years " + y : string.Empty)}");
        render = render with
        {
            Caption = caption,
            Measures = CountColumns,
            Rates = options.Rates ?? RateNames.Select(r => r.Definition).ToList(),
            OmitEmptyColumns = options.Rates is null,
            Regions = regions,
        };

        if (options.GroupBy == GroupBy.Committee)
        {
            var statistics = ProposalStatisticsTable.FromFigures(kept, out findings);
            return ReportTable.From(statistics, render);
        }

        var dataset = FigureDataset.CreateBuilder(regions, ValidationMode.CollectFindings).AddRange(kept).Build();
        findings = dataset.Findings;
        var grouping = options.GroupBy switch
        {
            GroupBy.Province => ByProvince,
            GroupBy.Level => Grouping.ByLevel(ProvincesOf(kept, regions)),
            _ => ByPrefecture,
        };
        var table = dataset.Aggregate(grouping, PeriodSelection.EachPeriod, new AggregationOptions { Measures = CountColumns, Rates = render.Rates });
        return ReportTable.From(table, render);
    }

    /// <summary>The provinces of the input's committees, so that a file of one province is compared with that province's committees.</summary>
    private static RegionCode[] ProvincesOf(IEnumerable<Figure> figures, RegionTable regions) =>
        figures.Select(f => f.Committee.Region).Distinct().Where(regions.Contains).Select(c => regions.GetProvince(c).Code).Distinct().Order().ToArray();
}
