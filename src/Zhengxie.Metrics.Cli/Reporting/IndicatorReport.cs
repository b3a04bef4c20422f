using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Zhengxie.Metrics.Cli.Rendering;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Cli.Reporting;

/// <summary>Builds the indicator table of <c>report</c> from figures.</summary>
internal static class IndicatorReport
{
    /// <summary>The counts shown, with their headers, in order.</summary>
    internal static readonly IReadOnlyList<(Measure Measure, string Header)> CountColumns =
    [
        (Measures.Proposals.Received, "收到"),
        (Measures.Proposals.Filed, "立案"),
        (Measures.Proposals.Replied, "办复"),
        (Measures.Proposals.OutcomeA, "A类(采纳)"),
        (Measures.Proposals.OutcomeB, "B类(计划)"),
    ];

    /// <summary>The short names accepted by <c>--rates</c>, with their headers.</summary>
    internal static readonly IReadOnlyList<(string Name, RateDefinition Definition, string Header)> RateNames =
    [
        ("acceptance", RateDefinition.Acceptance, "立案率"),
        ("reply", RateDefinition.Reply, "办复率"),
        ("on_time_reply", RateDefinition.OnTimeReply, "按时办复率"),
        ("conclusion", RateDefinition.Conclusion, "办结率"),
        ("adoption", RateDefinition.Adoption, "解决采纳率(A)"),
        ("resolution_adoption", RateDefinition.AdoptionIncludingPlanned, "采纳率(A+B)"),
        ("satisfaction", RateDefinition.Satisfaction, "满意率"),
    ];

    /// <summary>Builds the table; <paramref name="findings"/> receives the problems met in the figures.</summary>
    internal static ReportTable Build(IReadOnlyList<Figure> figures, ReportOptions options, string sourceName, RegionTable regions, out IReadOnlyList<ValidationFinding> findings)
    {
        var kept = options.Years is { } years ? figures.Where(f => years.Contains(f.Period.Year)).ToList() : figures.ToList();
        var statistics = Interim.StatisticsByCommittee(kept, out findings);
        var rateDefinitions = options.Rates ?? RateNames.Select(r => r.Definition).ToList();
        string title = string.Create(CultureInfo.InvariantCulture, $"Proposal indicators: {sourceName}, by {options.GroupBy.ToString().ToLowerInvariant()}{(options.Years is { } y ? ", years " + y : string.Empty)}");

        var columns = new List<ReportColumn>();
        var rows = new List<List<ReportCell>>();
        if (options.GroupBy == GroupBy.Committee)
        {
            columns.Add(new ReportColumn("committee", "政协", ColumnKind.Text));
            columns.Add(new ReportColumn("code", "代码", ColumnKind.Text));
            columns.Add(new ReportColumn("period", "时期", ColumnKind.Text));
            BuildCommitteeRows(kept, statistics, rateDefinitions, regions, rows);
        }
        else
        {
            columns.Add(new ReportColumn("group", options.GroupBy == GroupBy.Level ? "层级" : "地区", ColumnKind.Text));
            columns.Add(new ReportColumn("code", "代码", ColumnKind.Text));
            columns.Add(new ReportColumn("period", "时期", ColumnKind.Text));
            columns.Add(new ReportColumn("committees", "政协数", ColumnKind.Count));
            foreach (var group in Interim.Aggregate(statistics, options.GroupBy, rateDefinitions, regions))
            {
                var row = new List<ReportCell>
                {
                    ReportCell.OfText(group.Label),
                    ReportCell.OfText(group.Key.StartsWith('~') || options.GroupBy == GroupBy.Level ? string.Empty : group.Key),
                    ReportCell.OfText(group.Period.ToString()),
                    new(group.Committees.ToString(CultureInfo.InvariantCulture), Bounds.Exactly(group.Committees)),
                };
                foreach (var (measure, _) in CountColumns)
                {
                    row.Add(group.Counts.TryGetValue(measure, out var c)
                        ? new ReportCell(c.Sum.ToString() + (c.Coverage < group.Committees ? string.Create(CultureInfo.InvariantCulture, $" n={c.Coverage}") : string.Empty), c.Sum, Coverage: c.Coverage)
                        : ReportCell.Missing);
                }

                foreach (var definition in rateDefinitions)
                {
                    if (group.Rates.TryGetValue(definition.Measure, out var r))
                    {
                        string text = r.Pooled.ToString() + (r.Coverage < group.Committees ? string.Create(CultureInfo.InvariantCulture, $" n={r.Coverage}") : string.Empty);
                        row.Add(new ReportCell(text, Rate: r.Pooled, Coverage: r.Coverage));
                    }
                    else
                    {
                        row.Add(ReportCell.Missing);
                    }
                }

                rows.Add(row);
            }
        }

        foreach (var (measure, header) in CountColumns)
        {
            columns.Add(new ReportColumn(measure.Id, header, ColumnKind.Count));
        }

        int firstRate = columns.Count;
        foreach (var definition in rateDefinitions)
        {
            columns.Add(new ReportColumn(definition.Measure.Id, HeaderOf(definition), ColumnKind.Rate));
        }

        // Without --rates, drop the rate columns that are empty in every row.
        if (options.Rates is null)
        {
            for (int c = columns.Count - 1; c >= firstRate; c--)
            {
                if (rows.TrueForAll(r => r[c].IsMissing))
                {
                    columns.RemoveAt(c);
                    rows.ForEach(r => r.RemoveAt(c));
                }
            }
        }

        var notes = new List<string>();
        foreach (var column in columns.Where(c => c.Kind == ColumnKind.Rate))
        {
            var definition = rateDefinitions.First(d => d.Measure.Id == column.Key);
            notes.Add(column.Header + " = " + definition.Formula);
        }

        if (options.GroupBy == GroupBy.Committee)
        {
            notes.Add("全部 = stated as 'all' (equal to its denominator); 100余 etc. = a qualified figure as reported, with bounds; (implied) = the only whole number that fits a stated rate; (stated) = a rate as the report states it, without counts.");
        }
        else
        {
            notes.Add("Counts are summed and rates pooled (numerators and denominators summed) over the committees that report them; n=… says how many, when fewer than the group's committees. Interim grouping by the region table.");
        }

        return new ReportTable(title, columns.AsReadOnly(), rows.Select(r => (IReadOnlyList<ReportCell>)r.AsReadOnly()).ToList().AsReadOnly(), notes.AsReadOnly());
    }

    internal static string HeaderOf(RateDefinition definition) =>
        RateNames.FirstOrDefault(r => r.Definition.Measure == definition.Measure).Header ?? definition.Measure.Id;

    internal static string CommitteeName(Committee committee, RegionTable regions) =>
        regions.TryGet(committee.Region, out var region) ? region.Name + "政协" : committee.ToString();

    private static void BuildCommitteeRows(List<Figure> figures, IReadOnlyList<ProposalStatistics> statistics, IReadOnlyList<RateDefinition> rates, RegionTable regions, List<List<ReportCell>> rows)
    {
        var byKey = statistics.ToDictionary(s => (s.Committee, s.Period));
        var keys = figures.Select(f => (f.Committee, f.Period)).Distinct().OrderBy(k => k.Committee).ThenBy(k => k.Period);
        foreach (var key in keys)
        {
            var own = figures.Where(f => f.Committee == key.Committee && f.Period == key.Period && f.Scope == FigureScope.Committee && f.Topic is null).ToList();
            byKey.TryGetValue(key, out var stats);
            var row = new List<ReportCell>
            {
                ReportCell.OfText(CommitteeName(key.Committee, regions)),
                ReportCell.OfText(key.Committee.ToString()),
                ReportCell.OfText(key.Period.ToString()),
            };
            foreach (var (measure, _) in CountColumns)
            {
                row.Add(CountCell(measure, stats?.GetCount(measure), own.FirstOrDefault(f => f.Measure == measure)));
            }

            foreach (var definition in rates)
            {
                row.Add(RateCell(definition, stats, own.FirstOrDefault(f => f.Measure == definition.Measure && f.Qualifier == Qualifier.PercentReported)));
            }

            rows.Add(row);
        }
    }

    private static ReportCell CountCell(Measure measure, Bounds? count, Figure? figure)
    {
        _ = measure;
        if (count is not { } value)
        {
            return ReportCell.Missing;
        }

        if (figure is null)
        {
            return new ReportCell(value + " (implied)", value);
        }

        return figure.Qualifier switch
        {
            Qualifier.Exact when figure.Unit.Scale == 1 => new ReportCell(value.ToString(), value),
            Qualifier.All => new ReportCell(value + " (全部)", value),
            _ => new ReportCell(figure.FormatAsReported(includeUnit: figure.Unit.Scale != 1), value),
        };
    }

    private static ReportCell RateCell(RateDefinition definition, ProposalStatistics? stats, Figure? stated)
    {
        Rate? rate = null;
        if (stats is not null)
        {
            try
            {
                rate = stats.GetRate(definition);
            }
            catch (ZhengxieMetricsException)
            {
                return ReportCell.OfText("invalid");
            }
        }

        if (rate is { } r)
        {
            return new ReportCell(r.ToString(), Rate: r);
        }

        return stated is null
            ? ReportCell.Missing
            : new ReportCell(stated.FormatAsReported() + " (stated)", StatedPercent: stated.Value);
    }
}
