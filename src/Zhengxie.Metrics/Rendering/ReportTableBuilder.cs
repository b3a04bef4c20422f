using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.SampleData;

namespace Zhengxie.Metrics.Rendering;

/// <summary>Turns results into <see cref="ReportTable"/>s: headers from the measure catalog, cell texts under the options.</summary>
internal static class ReportTableBuilder
{
    /// <summary>The counts a proposal statistics table shows by default, in order.</summary>
    internal static readonly IReadOnlyList<Measure> DefaultStatisticsMeasures =
    [
        Measures.Proposals.Received,
        Measures.Proposals.Filed,
        Measures.Proposals.Replied,
        Measures.Proposals.OutcomeA,
        Measures.Proposals.OutcomeB,
    ];

    internal const string StatedMark = " (stated)";
    internal const string ImpliedMark = " (implied)";
    internal const string AllMark = " (全部)";
    internal const string InvalidText = "invalid";
    internal const string InconsistentMark = " (!)";

    internal static ReportTable FromIndicatorTable(IndicatorTable table, TableRenderOptions options)
    {
        var catalog = options.Catalog ?? MeasureCatalog.Default;
        var measureColumns = options.Measures is null
            ? table.MeasureColumns.ToList()
            : options.Measures.Select(m => table.TryGetColumn(m, out var c) ? c : null).OfType<MeasureColumn>().ToList();
        var rateColumns = options.Rates is null
            ? table.RateColumns.ToList()
            : options.Rates.Select(r => table.TryGetRateColumn(r, out var c) ? c : null).OfType<RateColumn>().ToList();

        bool allRegions = table.Groups.All(g => g.Kind != GroupKind.Custom);
        bool withCodes = table.Groups.Any(g => g.Code is not null);
        var columns = new List<ReportColumn> { new("group", Header(options, allRegions ? "地区" : "分组", "group"), ReportColumnKind.Text) };
        if (withCodes)
        {
            columns.Add(new ReportColumn("code", Header(options, "代码", "code"), ReportColumnKind.Text));
        }

        columns.Add(new ReportColumn("period", Header(options, "时期", "period"), ReportColumnKind.Text));
        columns.Add(new ReportColumn("committees", Header(options, "政协数", "committees"), ReportColumnKind.Text, "committees reporting, of the group's committees"));
        int firstValue = columns.Count;
        foreach (var m in measureColumns)
        {
            columns.Add(new ReportColumn(m.Measure.Id, MeasureHeader(options, catalog, m.Measure, m.Unit), ReportColumnKind.Count));
        }

        foreach (var r in rateColumns)
        {
            columns.Add(new ReportColumn(r.Definition.Measure.Id, RateHeader(options, catalog, r.Definition), ReportColumnKind.Rate, r.Definition.Formula));
        }

        var rows = new List<List<ReportCell>>();
        for (int i = 0; i < table.RowCount; i++)
        {
            var row = table.GetRow(i);
            var cells = new List<ReportCell> { ReportCell.OfText(row.Group.Name) };
            if (withCodes)
            {
                cells.Add(ReportCell.OfText(row.Group.Code?.ToString() ?? string.Empty));
            }

            cells.Add(ReportCell.OfText(row.Period.Label));
            int reporting = 0;
            foreach (var m in measureColumns)
            {
                reporting = Math.Max(reporting, table.GetValue(i, m).Contributors);
            }

            foreach (var r in rateColumns)
            {
                reporting = Math.Max(reporting, table.GetRate(i, r).Contributors);
            }

            cells.Add(ReportCell.OfText(CoverageText(reporting, row.GroupSize)));
            bool any = false;
            foreach (var m in measureColumns)
            {
                var value = table.GetValue(i, m);
                any |= value.HasValue;
                cells.Add(value.Sum is { } sum
                    ? new ReportCell(sum.ToString() + Coverage(options, value.Contributors, value.GroupSize)) { Count = sum, Contributors = value.Contributors, GroupSize = value.GroupSize }
                    : ReportCell.Missing);
            }

            foreach (var r in rateColumns)
            {
                var pooled = table.GetRate(i, r);
                any |= pooled.HasValue;
                cells.Add(pooled.Rate is { } rate
                    ? new ReportCell(FormatPooledRate(rate, options) + Coverage(options, pooled.Contributors, pooled.GroupSize)) { Rate = rate, Contributors = pooled.Contributors, GroupSize = pooled.GroupSize }
                    : ReportCell.Missing);
            }

            if (any || !options.OmitEmptyRows)
            {
                rows.Add(cells);
            }
        }

        var notes = new List<string>
        {
            "Counts are summed and rates pooled (numerators and denominators summed) over the committees that report them; a sum of qualified figures shows its bounds (101..199); - = no committee reports it.",
        };
        if (options.ShowCoverage)
        {
            notes.Add("n=9/10: 9 of the group's 10 committees contributed (no mark: all did); the committees column counts the committees that report the most-reported column.");
        }

        return Finish(options, options.Caption ?? Header(options, "指标汇总", "Indicators by group"), columns, rows, firstValue, notes);
    }

    internal static ReportTable FromStatistics(ProposalStatisticsTable statistics, TableRenderOptions options)
    {
        var catalog = options.Catalog ?? MeasureCatalog.Default;
        var regions = options.Regions ?? RegionTable.Default;
        var measures = options.Measures ?? DefaultStatisticsMeasures;
        var rates = options.Rates ?? RateDefinition.Standard;
        var columns = new List<ReportColumn>
        {
            new("committee", Header(options, "政协", "committee"), ReportColumnKind.Text),
            new("code", Header(options, "代码", "code"), ReportColumnKind.Text),
            new("period", Header(options, "时期", "period"), ReportColumnKind.Text),
        };
        columns.AddRange(measures.Select(m => new ReportColumn(m.Id, MeasureHeader(options, catalog, m, null), ReportColumnKind.Count)));
        columns.AddRange(rates.Select(r => new ReportColumn(r.Measure.Id, RateHeader(options, catalog, r), ReportColumnKind.Rate, r.Formula)));

        // Rates and shares a report states that no rate column shows (share.proposals.outcome_b, rate.meeting, …): with
        // OmitEmptyColumns (show what has a value), their own columns, so every stated rate is given back.
        var extra = statistics
            .Where(_ => options.OmitEmptyColumns)
            .SelectMany(s => s.StatedRates.Keys)
            .Distinct()
            .Where(m => !rates.Any(r => SameRate(r.Measure, m)))
            .Order()
            .ToList();
        columns.AddRange(extra.Select(m => new ReportColumn(m.Id, StatedHeader(options, catalog, m), ReportColumnKind.Rate, "as stated")));

        bool withFigures = statistics.Figures.Count > 0;
        var rows = new List<List<ReportCell>>();
        foreach (var s in statistics)
        {
            var own = statistics.GetOwnFigures(s.Committee, s.Period);
            var cells = new List<ReportCell>
            {
                ReportCell.OfText(CommitteeName(s.Committee, regions)),
                ReportCell.OfText(s.Committee.ToString()),
                ReportCell.OfText(s.Period.ToString()),
            };
            foreach (var m in measures)
            {
                var cell = CountCell(s.TryGetCount(m, out var count) ? count : null, withFigures, own.FirstOrDefault(f => f.Measure == m && !f.Unit.IsPercent));
                cells.Add(s.IsInconsistent(m) && !cell.IsMissing ? cell with { Text = cell.Text + InconsistentMark } : cell);
            }

            foreach (var r in rates)
            {
                cells.Add(RateCell(s, r, options, catalog));
            }

            foreach (var m in extra)
            {
                cells.Add(StatedCell(s, m, null, options, catalog));
            }

            rows.Add(cells);
        }

        var notes = new List<string>();
        if (withFigures)
        {
            notes.Add("(全部) = stated as 'all' (equal to its denominator); 100余 etc. = a qualified figure as reported (its bounds behind it); (implied) = a count not stated but implied (by a stated rate, 'all', or the chain received ≥ filed ≥ replied).");
        }

        if (statistics.Any(s => s.Inconsistencies.Count > 0))
        {
            notes.Add("(!) = the report's own figures disagree here (a source inconsistency: each figure is shown as published; see the findings); invalid = a rate whose numerator exceeds its denominator.");
        }

        if (statistics.Any(s => s.StatedRates.Count > 0))
        {
            notes.Add("A stated rate shows as printed (99%以上, 53.4%) with the counts behind it when they fit; [并案后立案] etc. = the base the report's rate is taken over, where it is not the column's formula.");
        }

        notes.Add("(stated) = a rate as the report states it, without the counts behind it; - = missing (never 0).");
        return Finish(options, options.Caption ?? Header(options, "提案统计", "Proposal statistics"), columns, rows, 3, notes);
    }

    internal static ReportTable FromDistribution(RateDistribution distribution, TableRenderOptions options)
    {
        var catalog = options.Catalog ?? MeasureCatalog.Default;
        var regions = options.Regions ?? RegionTable.Default;
        var measure = distribution.Definition.Measure;
        var columns = new List<ReportColumn>
        {
            new("committee", Header(options, "政协", "committee"), ReportColumnKind.Text),
            new("code", Header(options, "代码", "code"), ReportColumnKind.Text),
            new("rank", Header(options, "排名", "rank"), ReportColumnKind.Number),
            new(measure.Id, RateHeader(options, catalog, distribution.Definition), ReportColumnKind.Rate, distribution.Definition.Formula),
        };
        var rows = distribution.Ranks.Select(r => new List<ReportCell>
        {
            ReportCell.OfText(CommitteeName(r.Committee, regions)),
            ReportCell.OfText(r.Committee.ToString()),
            new(r.Rank.ToString(CultureInfo.InvariantCulture)) { Number = r.Rank },
            new(FormatRate(r.Rate, options)) { Rate = r.Rate },
        }).ToList();

        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Unweighted over {distribution.Count} of the group's {distribution.GroupSize} committees: mean {FormatFraction(distribution.Mean, options)}, median {FormatFraction(distribution.Median, options)} (the group's own rate is the pooled rate of an indicator table)."),
        };
        if (distribution.Excluded.Count > 0)
        {
            notes.Add("Excluded (bounds only, or no value): " + string.Join(", ", distribution.Excluded.Select(e => CommitteeName(e.Committee, regions) + " " + FormatRate(e.Rate, options))) + ".");
        }

        string caption = options.Caption ?? string.Create(
            CultureInfo.InvariantCulture,
            $"{RateHeader(options, catalog, distribution.Definition)} · {distribution.Group} · {distribution.Period}");
        return Finish(options, caption, columns, rows, 3, notes, omitColumns: false);
    }

    internal static ReportTable FromRate(Rate rate, TableRenderOptions options)
    {
        var columns = new List<ReportColumn>
        {
            new("rate", Header(options, "比率", "rate"), ReportColumnKind.Rate),
            new("numerator", Header(options, "分子", "numerator"), ReportColumnKind.Count),
            new("denominator", Header(options, "分母", "denominator"), ReportColumnKind.Count),
        };
        var row = new List<ReportCell>
        {
            new(rate.FormatPercent(options.Decimals, options.PercentRounding)) { Rate = rate },
            new(rate.Numerator.ToString()) { Count = rate.Numerator },
            new(rate.Denominator.ToString()) { Count = rate.Denominator },
        };
        return Finish(options with { ShowNotes = false }, options.Caption, columns, [row], 0, [], omitColumns: false);
    }

    internal static ReportTable FromFigures(IEnumerable<Figure> figures, string? caption, bool withCommittee, TableRenderOptions options)
    {
        var catalog = options.Catalog ?? MeasureCatalog.Default;
        var regions = options.Regions ?? RegionTable.Default;
        var columns = new List<ReportColumn>();
        if (withCommittee)
        {
            columns.Add(new ReportColumn("committee", Header(options, "政协", "committee"), ReportColumnKind.Text));
            columns.Add(new ReportColumn("code", Header(options, "代码", "code"), ReportColumnKind.Text));
            columns.Add(new ReportColumn("period", Header(options, "时期", "period"), ReportColumnKind.Text));
        }

        columns.Add(new ReportColumn("measure", Header(options, "指标", "measure"), ReportColumnKind.Text));
        columns.Add(new ReportColumn("reported", Header(options, "原文", "as reported"), ReportColumnKind.Count));
        columns.Add(new ReportColumn("bounds", Header(options, "范围", "bounds"), ReportColumnKind.Count));
        columns.Add(new ReportColumn("scope", Header(options, "口径", "scope"), ReportColumnKind.Text));
        columns.Add(new ReportColumn("quote", Header(options, "引文", "quote"), ReportColumnKind.Text));

        var rows = new List<List<ReportCell>>();
        foreach (var f in figures)
        {
            var cells = new List<ReportCell>();
            if (withCommittee)
            {
                cells.Add(ReportCell.OfText(CommitteeName(f.Committee, regions)));
                cells.Add(ReportCell.OfText(f.Committee.ToString()));
                cells.Add(ReportCell.OfText(f.Period.ToString()));
            }

            Bounds? bounds = TryBounds(f);
            cells.Add(ReportCell.OfText(catalog.GetLabel(f.Measure, options.HeaderLanguage == HeaderLanguage.English ? LabelLanguage.English : LabelLanguage.Chinese)));
            cells.Add(new ReportCell(f.FormatAsReported()) { Count = bounds, StatedPercent = f.Qualifier == Qualifier.PercentReported ? f.Value : null });
            cells.Add(bounds is { } b ? new ReportCell(b.ToString()) { Count = b } : ReportCell.Missing);
            cells.Add(ReportCell.OfText(QualifierText.ToWord(f.Scope) + (f.Topic is null ? string.Empty : " [" + f.Topic + "]")));
            cells.Add(ReportCell.OfText(f.Source?.Quote ?? string.Empty));
            rows.Add(cells);
        }

        return Finish(options with { ShowNotes = false }, caption, columns, rows, columns.Count, [], omitColumns: false);
    }

    internal static ReportTable FromSeedReport(SeedReport report, TableRenderOptions options) =>
        FromFigures(report.Figures, options.Caption ?? report.CommitteeName + " · " + report.Period + " · " + report.Id, withCommittee: false, options);

    internal static string CommitteeName(Committee committee, RegionTable regions) =>
        regions.TryGet(committee.Region, out var region) && region.Level == committee.Level ? region.Name + "政协" : committee.ToString();

    internal static string FormatRate(Rate rate, TableRenderOptions options) =>
        rate.FormatPercent(options.Decimals, options.PercentRounding) + (options.ShowFraction ? " (" + rate.FormatFraction() + ")" : string.Empty);

    internal static string Header(TableRenderOptions options, string chinese, string english) => options.HeaderLanguage switch
    {
        HeaderLanguage.English => english,
        HeaderLanguage.Both => chinese + " (" + english + ")",
        _ => chinese,
    };

    private static string MeasureHeader(TableRenderOptions options, MeasureCatalog catalog, Measure measure, string? unit)
    {
        string header = Header(options, catalog.GetLabel(measure, LabelLanguage.Chinese), catalog.GetLabel(measure, LabelLanguage.English));
        bool unusual = !string.IsNullOrEmpty(unit)
            && !(catalog.TryGet(measure, out var d) && d.DefaultUnit is { } u && string.Equals(u.Symbol, unit, StringComparison.Ordinal));
        return unusual ? header + " [" + unit + "]" : header;
    }

    /// <summary>A rate column's header: the catalogue's labels when it knows the rate (a caller's catalogue may rename it), else the definition's own.</summary>
    private static string RateHeader(TableRenderOptions options, MeasureCatalog catalog, RateDefinition rate) =>
        catalog.Contains(rate.Measure)
            ? MeasureHeader(options, catalog, rate.Measure, null)
            : Header(options, rate.GetLabel(LabelLanguage.Chinese), rate.GetLabel(LabelLanguage.English));

    /// <summary>Coverage as a reader says it: <c>87 of 90 committees</c> (<c>1 of 1 committee</c>).</summary>
    internal static string CoverageText(int contributors, int groupSize) =>
        string.Create(CultureInfo.InvariantCulture, $"{contributors} of {groupSize} {(groupSize == 1 ? "committee" : "committees")}");

    // A pooled rate whose denominator sums to zero has no value: its fraction (0/0) would read as counts of proposals.
    private static string FormatPooledRate(Rate rate, TableRenderOptions options) =>
        rate.HasValue || rate.LowerBound is not null ? FormatRate(rate, options) : "n/a";

    private static string Coverage(TableRenderOptions options, int contributors, int groupSize) =>
        options.ShowCoverage && contributors < groupSize ? string.Create(CultureInfo.InvariantCulture, $" n={contributors}/{groupSize}") : string.Empty;

    private static string FormatFraction(decimal? fraction, TableRenderOptions options)
    {
        if (fraction is not { } f)
        {
            return "n/a";
        }

        decimal percent = f * 100m;
        decimal cut = options.PercentRounding == PercentRounding.Truncate
            ? Math.Round(percent, options.Decimals, MidpointRounding.ToZero)
            : Math.Round(percent, options.Decimals, MidpointRounding.AwayFromZero);
        return cut.ToString("F" + options.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";
    }

    private static Bounds? TryBounds(Figure figure)
    {
        try
        {
            return figure.Bounds;
        }
        catch (Exception e) when (e is ZhengxieMetricsException or OverflowException)
        {
            return null;
        }
    }

    private static ReportCell CountCell(Bounds? count, bool withFigures, Figure? figure)
    {
        if (count is not { } value)
        {
            return ReportCell.Missing;
        }

        if (!withFigures)
        {
            return new ReportCell(value.ToString()) { Count = value };
        }

        if (figure is null)
        {
            return new ReportCell(value + ImpliedMark) { Count = value };
        }

        return figure.Qualifier switch
        {
            Qualifier.Exact when figure.Unit.Scale == 1 => new ReportCell(value.ToString()) { Count = value },
            Qualifier.All => new ReportCell(value + AllMark) { Count = value },
            _ => new ReportCell(figure.FormatAsReported(includeUnit: figure.Unit.Scale != 1)) { Count = value },
        };
    }

    private static ReportCell RateCell(ProposalStatistics statistics, RateDefinition definition, TableRenderOptions options, MeasureCatalog catalog)
    {
        if (statistics.TryGetStatedRate(definition.Measure, out _))
        {
            return StatedCell(statistics, definition.Measure, definition, options, catalog);
        }

        Rate r;
        try
        {
            if (!statistics.TryGetRate(definition, out r))
            {
                return ReportCell.Missing;
            }
        }
        catch (ZhengxieMetricsException)
        {
            return ReportCell.OfText(InvalidText);
        }

        return new ReportCell(FormatRate(r, options)) { Rate = r };
    }

    /// <summary>
    /// A rate the report states: as computed when the counts, rounded half-up to the printed digits, give the printed
    /// value under the column's formula (乌当's 100.0% (176/176)); else (a truncated 81.7 % of 224/274, a variant, a qualified rate) as printed, with the fraction of the formula variant it fits (顺德: 53.4% (362/678
    /// [并案后立案])), or marked (stated) without counts, (!) when it fits no variant.
    /// </summary>
    private static ReportCell StatedCell(ProposalStatistics statistics, Measure measure, RateDefinition? column, TableRenderOptions options, MeasureCatalog catalog)
    {
        if (!statistics.TryGetStatedRate(measure, out decimal stated))
        {
            // A column of a rate other rows state: this row does not.
            return ReportCell.Missing;
        }

        var qualifier = statistics.GetStatedRateQualifier(measure);
        var variant = statistics.RateVariants.FirstOrDefault(kv => SameRate(kv.Key, measure)).Value;
        var definition = variant ?? column;
        Rate? rate = null;
        if (definition is not null)
        {
            try
            {
                rate = statistics.TryGetRate(definition, out var computed) ? computed : null;
            }
            catch (ZhengxieMetricsException)
            {
                rate = null;
            }
        }

        bool inconsistent = statistics.IsInconsistent(measure);
        bool sameFormula = column is null || definition is null || (definition.Denominator == column.Denominator && definition.Numerator.SequenceEqual(column.Numerator));
        if (rate is { } r && r.IsExact && r.HasValue && sameFormula && !inconsistent && qualifier == Qualifier.PercentReported
            && decimal.TryParse(r.FormatPercent(stated.Scale, PercentRounding.HalfUp).TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var shown)
            && shown == stated)
        {
            return new ReportCell(FormatRate(r, options)) { Rate = r, StatedPercent = stated };
        }

        string text = FormatStated(stated, qualifier);
        if (rate is { } known && !inconsistent)
        {
            string basis = sameFormula ? string.Empty : " [" + catalog.GetLabel(definition!.Denominator, options.HeaderLanguage == HeaderLanguage.English ? LabelLanguage.English : LabelLanguage.Chinese) + "]";
            text += options.ShowFraction ? " (" + known.FormatFraction() + basis + ")" : basis;
        }
        else
        {
            text += StatedMark;
        }

        if (inconsistent)
        {
            text += InconsistentMark;
        }

        return new ReportCell(text) { Rate = inconsistent ? null : rate, StatedPercent = stated };
    }

    private static string FormatStated(decimal percent, Qualifier qualifier)
    {
        string number = percent.ToString(CultureInfo.InvariantCulture);
        return qualifier switch
        {
            Qualifier.AtLeast => number + "%以上",
            Qualifier.MoreThan => "超过" + number + "%",
            Qualifier.Nearly => "近" + number + "%",
            Qualifier.About => "约" + number + "%",
            _ => number + "%",
        };
    }

    private static bool SameRate(Measure a, Measure b) => Validation.ProposalFigureAnalysis.SameRate(a, b);

    private static string StatedHeader(TableRenderOptions options, MeasureCatalog catalog, Measure measure)
    {
        if (catalog.Contains(measure) || measure.ShareOf is not { } part)
        {
            return MeasureHeader(options, catalog, measure, null);
        }

        return Header(options, catalog.GetLabel(part, LabelLanguage.Chinese) + "占比", "share of " + catalog.GetLabel(part, LabelLanguage.English));
    }

    /// <summary>Drops empty value columns (as asked), adds the formulas of the rate columns to the notes, and builds the table.</summary>
    private static ReportTable Finish(TableRenderOptions options, string? caption, List<ReportColumn> columns, List<List<ReportCell>> rows, int firstValueColumn, List<string> notes, bool omitColumns = true)
    {
        if (omitColumns && options.OmitEmptyColumns)
        {
            for (int c = columns.Count - 1; c >= firstValueColumn; c--)
            {
                if (rows.TrueForAll(r => r[c].IsMissing))
                {
                    columns.RemoveAt(c);
                    rows.ForEach(r => r.RemoveAt(c));
                }
            }
        }

        var allNotes = new List<string>();
        if (options.ShowNotes)
        {
            allNotes.AddRange(columns.Where(c => c.Kind == ReportColumnKind.Rate && c.Description is not null).Select(c => c.Header + " = " + c.Description));
            allNotes.AddRange(notes);
        }

        return new ReportTable(caption, columns, rows, allNotes);
    }
}
