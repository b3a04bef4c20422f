using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Rendering;

namespace Zhengxie.Metrics.Tests.Rendering;

/// <summary>
/// The table of proposal statistics: notes word for word (each shown only when its mark can appear), the default
/// caption, stated rates that fit, do not fit, are qualified or are taken over another base, shares in their own
/// columns, the numbers behind each cell, and names from the caller's region table.
/// </summary>
public class StatisticsReportTest
{
    private const string FiguresNote = "(全部) = stated as 'all' (equal to its denominator); 100余 etc. = a qualified figure as reported (its bounds behind it); (implied) = a count not stated but implied (by a stated rate, 'all', or the chain received ≥ filed ≥ replied).";
    private const string InconsistentNote = "(!) = the report's own figures disagree here (a source inconsistency: each figure is shown as published; see the findings); invalid = a rate whose numerator exceeds its denominator.";
    private const string StatedRatesNote = "A stated rate shows as printed (99%以上, 53.4%) with the counts behind it when they fit; [并案后立案] etc. = the base the report's rate is taken over, where it is not the column's formula.";
    private const string LastNote = "(stated) = a rate as the report states it, without the counts behind it; - = missing (never 0).";
    private const string Acceptance = "立案率 = proposals.filed / proposals.received";
    private const string Reply = "办复率 = proposals.replied / proposals.filed";

    private static Figure Count(string measure, decimal value, Committee? committee = null) =>
        new(committee ?? RenderFixture.Liandu, RenderFixture.Year, new Measure(measure), value, FigureUnit.Piece, Qualifier.Exact);

    private static Figure Stated(string measure, decimal percent, Qualifier qualifier = Qualifier.PercentReported) =>
        new(RenderFixture.Liandu, RenderFixture.Year, new Measure(measure), percent, FigureUnit.Percent, qualifier);

    private static ReportTable Report(IEnumerable<Figure> figures, TableRenderOptions? options = null)
    {
        var table = ProposalStatisticsTable.FromFigures(figures, out _);
        return ReportTable.From(table, options ?? RenderFixture.Options(caption: null));
    }

    [Fact]
    public void Figures_with_stated_rates_have_the_figures_and_stated_rates_notes_but_no_inconsistency_note()
    {
        // 莲都 and 缙云 state a rate, 青田 none.
        var report = Report(RenderFixture.MarkerFigures());
        report.Notes.Should().Equal(Acceptance, Reply, "满意率 = (proposals.satisfied + proposals.basically_satisfied) / proposals.feedback", FiguresNote, StatedRatesNote, LastNote);
        report.Caption.Should().Be("提案统计");
    }

    [Fact]
    public void Statistics_from_counts_have_only_the_formulas_and_the_last_note()
    {
        var table = new ProposalStatisticsTable(ProposalStatistics.FromFiguresByCommittee(RenderFixture.Figures()));
        var report = ReportTable.From(table, RenderFixture.Options(caption: null) with { HeaderLanguage = HeaderLanguage.English });
        report.Notes.Should().Equal("acceptance rate = proposals.filed / proposals.received", "reply rate = proposals.replied / proposals.filed", LastNote);
        report.Caption.Should().Be("Proposal statistics");
        report.Columns.Take(3).Select(c => c.Header).Should().Equal("committee", "code", "period");

        // Without figures a count is the plain number, with its bounds behind it.
        report.Rows[0].Skip(3).Take(3).Select(c => (c.Text, c.Count)).Should().Equal(("120", Bounds.Exactly(120)), ("100", Bounds.Exactly(100)), ("98", Bounds.Exactly(98)));
        ReportTable.From(table, RenderFixture.Options(caption: null) with { HeaderLanguage = HeaderLanguage.Both }).Caption.Should().Be("提案统计 (Proposal statistics)");
    }

    [Fact]
    public void Counts_with_figures_keep_their_bounds_behind_the_marks()
    {
        var report = Report(RenderFixture.MarkerFigures());
        report.Rows[0][3].Should().Be(new ReportCell("120") { Count = Bounds.Exactly(120) });
        report.Rows[0][4].Should().Be(new ReportCell("100 (implied)") { Count = Bounds.Exactly(100) });
        report.Rows[2][5].Should().Be(new ReportCell("50 (全部)") { Count = Bounds.Exactly(50) });
    }

    [Fact]
    public void A_stated_rate_the_counts_disagree_with_is_shown_as_printed_and_marked_without_a_rate()
    {
        // 100 of 120 is 83.3 %, not the stated 50 %; 缙云's row has no disagreement.
        var report = Report([Count("proposals.received", 120), Count("proposals.filed", 100), Stated("rate.acceptance", 50m), Count("proposals.received", 10, RenderFixture.Jinyun)]);
        report.Columns.Select(c => c.Key).Should().Equal("committee", "code", "period", "proposals.received", "proposals.filed", "rate.acceptance");
        report.Rows[0].Skip(3).Select(c => c.Text).Should().Equal("120", "100", "50% (stated) (!)");
        report.Rows[0][5].Should().Be(new ReportCell("50% (stated) (!)") { StatedPercent = 50m });
        report.Rows[1].Skip(3).Select(c => c.Text).Should().Equal("10", string.Empty, string.Empty);
        report.Notes.Should().Equal(Acceptance, FiguresNote, InconsistentNote, StatedRatesNote, LastNote);
    }

    [Fact]
    public void A_stated_rate_that_the_counts_give_is_computed_to_the_options_digits()
    {
        // 100/120 = 83.333…%: printed 83.3, so the counts fit and the cell is the computed rate.
        var report = Report(RenderFixture.MarkerFigures(), RenderFixture.Options() with { Decimals = 2 });
        report.Rows[0][6].Should().Be(new ReportCell("83.33% (100/120)") { Rate = Rate.Of(100, 120), StatedPercent = 83.3m });
    }

    [Fact]
    public void A_truncated_stated_rate_is_shown_as_printed_with_its_counts()
    {
        // 224/274 = 81.75…%, which rounds to 81.8: the report's 81.7 is truncated, so it is shown as printed.
        var report = Report([Count("proposals.received", 274), Count("proposals.filed", 224), Stated("rate.acceptance", 81.7m)], RenderFixture.Options() with { Decimals = 2 });
        report.Rows[0][5].Should().Be(new ReportCell("81.7% (224/274)") { Rate = Rate.Of(224, 274), StatedPercent = 81.7m });
        Report([Count("proposals.received", 274), Count("proposals.filed", 224), Stated("rate.acceptance", 81.7m)], RenderFixture.Options() with { ShowFraction = false })
            .Rows[0][5].Text.Should().Be("81.7%");
    }

    [Fact]
    public void A_stated_rate_over_another_base_names_the_base()
    {
        // 顺德: 362 solved of 678 cases after merging is 53.4 %; the column's formula is over the 987 filed.
        Figure[] figures = [Count("proposals.filed", 987), Count("proposals.cases", 678), Count("proposals.outcome_a", 362), Stated("rate.adoption", 53.4m)];
        var cell = Report(figures).Rows[0][5];
        cell.Should().Be(new ReportCell("53.4% (362/678 [并案后立案])") { Rate = Rate.Of(362, 678), StatedPercent = 53.4m });
        Report(figures, RenderFixture.Options() with { HeaderLanguage = HeaderLanguage.English }).Rows[0][5].Text.Should().Be("53.4% (362/678 [cases after merging])");
        Report(figures, RenderFixture.Options() with { ShowFraction = false }).Rows[0][5].Text.Should().Be("53.4% [并案后立案]");
    }

    [Fact]
    public void Qualified_stated_rates_keep_their_words()
    {
        var report = Report([Stated("rate.reply", 99m, Qualifier.AtLeast), Stated("rate.acceptance", 95m, Qualifier.MoreThan), Stated("rate.satisfaction", 100m, Qualifier.Nearly), Stated("rate.adoption", 60m, Qualifier.About)]);
        report.Columns.Skip(3).Select(c => c.Key).Should().Equal("rate.acceptance", "rate.reply", "rate.adoption", "rate.satisfaction");
        report.Rows[0].Skip(3).Select(c => (c.Text, c.StatedPercent)).Should().Equal(
            ("超过95% (stated)", 95m), ("99%以上 (stated)", 99m), ("约60% (stated)", 60m), ("近100% (stated)", 100m));
    }

    [Fact]
    public void Stated_shares_get_their_own_columns_in_identifier_order()
    {
        Figure[] figures = [Count("proposals.filed", 100), Stated("share.proposals.outcome_b", 30m), Stated("share.proposals.outcome_a", 40m), Count("proposals.filed", 50, RenderFixture.Jinyun)];
        var report = Report(figures);
        report.Columns.Skip(8).Select(c => (c.Key, c.Header, c.Description)).Should().Equal(
            ("share.proposals.outcome_a", "A类（已解决或采纳）占比", "as stated"),
            ("share.proposals.outcome_b", "B类（正在解决或列入计划解决）占比", "as stated"));
        report.Rows[0].Skip(8).Select(c => c.Text).Should().Equal("40.0% (40/100)", "30.0% (30/100)");
        report.Rows[1].Skip(8).Should().OnlyContain(c => c.IsMissing);
        report.Notes.Should().Contain("A类（已解决或采纳）占比 = as stated").And.Contain("B类（正在解决或列入计划解决）占比 = as stated");
        Report(figures, RenderFixture.Options() with { HeaderLanguage = HeaderLanguage.English }).Columns.Skip(8).Select(c => c.Header)
            .Should().Equal("share of solved or adopted (A)", "share of being solved or planned (B)");

        // Keeping empty columns shows the chosen columns only.
        Report(figures, RenderFixture.Options() with { OmitEmptyColumns = false }).Columns.Select(c => c.Key).Should().NotContain(k => k.StartsWith("share.", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Chosen_counts_headers_from_the_callers_catalogue_and_names_from_the_callers_regions()
    {
        var regions = RenderFixture.RegionsNaming((RenderFixture.Liandu, "甲区"));
        var catalog = MeasureCatalog.Default.With(new MeasureDefinition(Measures.Proposals.Filed, "立案数", "cases filed", null, FigureUnit.Piece));
        var report = Report(
            [Count("proposals.filed", 100), Count("proposals.replied", 98), Count("proposals.filed", 90, RenderFixture.Qingtian)],
            RenderFixture.Options() with { Regions = regions, Catalog = catalog, Measures = [Measures.Proposals.Filed] });
        report.Columns.Select(c => c.Header).Should().Equal("政协", "代码", "时期", "立案数", "办复率");
        report.Rows.Select(r => r[0].Text).Should().Equal("甲区政协", "331121");
        report.Rows.Select(r => r[3].Text).Should().Equal("100", "90");
    }
}
