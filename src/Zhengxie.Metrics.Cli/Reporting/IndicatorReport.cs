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
        render = Render(options, render, sourceName, regions);
        if (options.GroupBy == GroupBy.Committee)
        {
            var statistics = ProposalStatisticsTable.FromFigures(kept, out findings);
            return ReportTable.From(statistics, render);
        }

        var dataset = FigureDataset.CreateBuilder(regions, ValidationMode.CollectFindings).AddRange(kept).Build();
        var provinces = options.GroupBy == GroupBy.Level ? ProvincesOf(kept.Select(f => f.Committee), regions) : [];
        return Aggregate(dataset, options, render, provinces, out findings);
    }

    /// <summary>
    /// Builds the table from figures given as columns (a file read by <c>FigureCsvReader.ReadColumns</c>): the same table
    /// and findings as <see cref="Build(IReadOnlyList{Figure}, ReportOptions, TableRenderOptions, string, RegionTable, out IReadOnlyList{ValidationFinding})"/>
    /// of the figures the rows describe. By group, the rows go to the dataset builder as columns (no <see cref="Figure"/> per row);
    /// by committee, the table has a row per committee-period and the core's statistics take figures.
    /// </summary>
    internal static ReportTable Build(FigureColumns columns, ReportOptions options, TableRenderOptions render, string sourceName, RegionTable regions, out IReadOnlyList<ValidationFinding> findings)
    {
        render = Render(options, render, sourceName, regions);
        if (options.GroupBy == GroupBy.Committee)
        {
            // The figures of the years asked for, made straight from the columns (no filtered copy of them).
            var statistics = ProposalStatisticsTable.FromFigures(FiguresOf(columns, options.Years), out findings);
            return ReportTable.From(statistics, render);
        }

        var kept = options.Years is { } years ? Within(columns, years) : columns;

        var dataset = FigureDataset.CreateBuilder(regions, ValidationMode.CollectFindings).AddColumns(kept).Build();
        var provinces = options.GroupBy == GroupBy.Level ? ProvincesOf(kept.Committees.ToArray(), regions) : [];
        return Aggregate(dataset, options, render, provinces, out findings);
    }

    /// <summary>The rows of the columns whose period falls in the years, copied (all of them: the columns themselves).</summary>
    private static FigureColumns Within(FigureColumns columns, YearRange years)
    {
        int n = columns.Length;
        int count = 0;
        foreach (var period in columns.Periods)
        {
            count += years.Contains(period.Year) ? 1 : 0;
        }

        if (count == n)
        {
            return columns;
        }

        var committees = new Committee[count];
        var periods = new ReportingPeriod[count];
        var measures = new Measure[count];
        var values = new decimal?[count];
        var units = new FigureUnit[count];
        var qualifiers = columns.Qualifiers.IsEmpty ? [] : new Qualifier[count];
        var scopes = columns.Scopes.IsEmpty ? [] : new FigureScope[count];
        var topics = columns.Topics.IsEmpty ? [] : new string?[count];
        var sources = columns.Sources.IsEmpty ? [] : new FigureSource?[count];
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            if (!years.Contains(columns.Periods[i].Year))
            {
                continue;
            }

            committees[k] = columns.Committees[i];
            periods[k] = columns.Periods[i];
            measures[k] = columns.Measures[i];
            values[k] = columns.Values[i];
            units[k] = columns.Units[i];
            if (qualifiers.Length > 0)
            {
                qualifiers[k] = columns.Qualifiers[i];
            }

            if (scopes.Length > 0)
            {
                scopes[k] = columns.Scopes[i];
            }

            if (topics.Length > 0)
            {
                topics[k] = columns.Topics[i];
            }

            if (sources.Length > 0)
            {
                sources[k] = columns.Sources[i];
            }

            k++;
        }

        return new FigureColumns(committees, periods, measures, values, units) { Qualifiers = qualifiers, Scopes = scopes, Topics = topics, Sources = sources };
    }

    /// <summary>The figures the rows describe, of the given years only.</summary>
    private static List<Figure> FiguresOf(FigureColumns columns, YearRange? years)
    {
        var figures = new List<Figure>(years is null ? columns.Length : 0);
        for (int i = 0; i < columns.Length; i++)
        {
            if (years is { } range && !range.Contains(columns.Periods[i].Year))
            {
                continue;
            }

            figures.Add(columns.ToFigure(i));
        }

        return figures;
    }

    private static TableRenderOptions Render(ReportOptions options, TableRenderOptions render, string sourceName, RegionTable regions)
    {
        string caption = string.Create(CultureInfo.InvariantCulture, $"Proposal indicators: {sourceName}, by {options.GroupBy.ToString().ToLowerInvariant()}{(options.Years is { } y ? ", years " + y : string.Empty)}");
        return render with
        {
            Caption = caption,
            Measures = CountColumns,
            Rates = options.Rates ?? RateNames.Select(r => r.Definition).ToList(),
            OmitEmptyColumns = options.Rates is null,
            Regions = regions,
        };
    }

    private static ReportTable Aggregate(FigureDataset dataset, ReportOptions options, TableRenderOptions render, RegionCode[] provinces, out IReadOnlyList<ValidationFinding> findings)
    {
        findings = dataset.Findings;
        var grouping = options.GroupBy switch
        {
            GroupBy.Province => ByProvince,
            GroupBy.Level => Grouping.ByLevel(provinces),
            _ => ByPrefecture,
        };
        var table = dataset.Aggregate(grouping, PeriodSelection.EachPeriod, new AggregationOptions { Measures = CountColumns, Rates = render.Rates });
        return ReportTable.From(table, render);
    }

    /// <summary>The provinces of the input's committees, so that a file of one province is compared with that province's committees.</summary>
    private static RegionCode[] ProvincesOf(IEnumerable<Committee> committees, RegionTable regions) =>
        committees.Select(c => c.Region).Distinct().Where(regions.Contains).Select(c => regions.GetProvince(c).Code).Distinct().Order().ToArray();
}
