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
        ("resolution_adoption", RateDefinition.AdoptionIncludingPlanned),
        ("satisfaction", RateDefinition.Satisfaction),
    ];

    private static readonly Grouping ByPrefecture = Grouping.Hierarchy(Participation.AllLevels, RollupLevels.Prefecture);
    private static readonly Grouping ByProvince = Grouping.Hierarchy(Participation.AllLevels, RollupLevels.Province);
    private static readonly Grouping ByLevel =
        Grouping.Where("省级 province", r => r.Level == AdministrativeLevel.Province)
            .And(Grouping.Where("地级 prefecture", r => r.Level == AdministrativeLevel.Prefecture))
            .And(Grouping.Where("县级 county", r => r.Level == AdministrativeLevel.County));

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
            GroupBy.Level => ByLevel,
            _ => ByPrefecture,
        };
        var table = dataset.Aggregate(grouping, PeriodSelection.EachPeriod, new AggregationOptions { Measures = CountColumns, Rates = render.Rates });
        return ReportTable.From(table, render);
    }
}
