using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Rendering;

namespace Zhengxie.Metrics.Tests.Rendering;

/// <summary>The refusals of <see cref="ReportTable"/>, <see cref="ReportColumn"/> and <see cref="ProposalStatisticsTable"/>, word for word, and column equality and text.</summary>
public class ReportTableContractTest
{
    private static readonly ReportColumn Name = new("name", "名称", ReportColumnKind.Text);
    private static readonly ReportColumn Count = new("n", "数量", ReportColumnKind.Count);

    [Fact]
    public void A_table_refuses_null_columns_or_rows_by_name()
    {
        ((Action)(() => _ = new ReportTable("t", null!, []))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("columns");
        ((Action)(() => _ = new ReportTable("t", [Name], null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("rows");
    }

    [Fact]
    public void A_table_needs_a_column_and_no_null_column()
    {
        ((Action)(() => _ = new ReportTable("t", [], []))).Should().Throw<ArgumentException>()
            .WithMessage("A table needs at least one column, and no column may be null.*").Which.ParamName.Should().Be("columns");
        ((Action)(() => _ = new ReportTable("t", [Name, null!], []))).Should().Throw<ArgumentException>()
            .WithMessage("A table needs at least one column, and no column may be null.*").Which.ParamName.Should().Be("columns");
    }

    [Fact]
    public void A_table_refuses_two_columns_with_one_key_a_null_row_and_a_null_note()
    {
        ((Action)(() => _ = new ReportTable("t", [Name, new ReportColumn("name", "别名", ReportColumnKind.Text)], []))).Should().Throw<ArgumentException>()
            .WithMessage("Two columns share a key.*").Which.ParamName.Should().Be("columns");
        ((Action)(() => _ = new ReportTable("t", [Name], [[ReportCell.OfText("a")], null!]))).Should().Throw<ArgumentException>()
            .WithMessage("A row is null.*").Which.ParamName.Should().Be("rows");
        ((Action)(() => _ = new ReportTable("t", [Name, Count], [[ReportCell.OfText("a"), ReportCell.Missing], [ReportCell.OfText("b")]]))).Should().Throw<ArgumentException>()
            .WithMessage("Row 1 has 1 cells for 2 columns, or a null cell.*").Which.ParamName.Should().Be("rows");
        ((Action)(() => _ = new ReportTable("t", [Name], [], ["ok", null!]))).Should().Throw<ArgumentException>()
            .WithMessage("A note is null.*").Which.ParamName.Should().Be("notes");
    }

    [Fact]
    public void A_column_refuses_a_blank_key_a_null_header_and_an_unknown_kind_by_name()
    {
        ((Action)(() => _ = new ReportColumn(" ", "名称", ReportColumnKind.Text))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("key");
        ((Action)(() => _ = new ReportColumn("k", null!, ReportColumnKind.Text))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("header");
        ((Action)(() => _ = new ReportColumn("k", "K", (ReportColumnKind)9))).Should().Throw<ArgumentException>()
            .WithMessage("Unknown column kind.*").Which.ParamName.Should().Be("kind");
        new ReportColumn("k", string.Empty, ReportColumnKind.Text).Header.Should().BeEmpty();
    }

    [Fact]
    public void Columns_are_equal_when_key_header_kind_and_description_are()
    {
        var column = new ReportColumn("rate.reply", "办复率", ReportColumnKind.Rate, "proposals.replied / proposals.filed");
        column.Equals(new ReportColumn("rate.reply", "办复率", ReportColumnKind.Rate, "proposals.replied / proposals.filed")).Should().BeTrue();
        column.Equals((object)new ReportColumn("rate.reply", "办复率", ReportColumnKind.Rate, "proposals.replied / proposals.filed")).Should().BeTrue();
        column.Equals(new ReportColumn("rate.reply", "办复率", ReportColumnKind.Count, "proposals.replied / proposals.filed")).Should().BeFalse();
        column.Equals(new ReportColumn("rate.replied", "办复率", ReportColumnKind.Rate, "proposals.replied / proposals.filed")).Should().BeFalse();
        column.Equals(new ReportColumn("rate.reply", "答复率", ReportColumnKind.Rate, "proposals.replied / proposals.filed")).Should().BeFalse();
        column.Equals(new ReportColumn("rate.reply", "办复率", ReportColumnKind.Rate)).Should().BeFalse();
        column.ToString().Should().Be("rate.reply (办复率)");
        column.IsNumeric.Should().BeTrue();
        Name.IsNumeric.Should().BeFalse();
        column.Equals((ReportColumn?)null).Should().BeFalse();
    }

    [Fact]
    public void A_statistics_table_refuses_null_statistics_a_null_row_and_a_committee_period_twice()
    {
        var stats = ProposalStatistics.FromFiguresByCommittee(RenderFixture.Figures());
        ((Action)(() => _ = new ProposalStatisticsTable(null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("statistics");
        ((Action)(() => _ = new ProposalStatisticsTable([stats[0], null!]))).Should().Throw<ArgumentException>()
            .WithMessage("A statistic is null.*").Which.ParamName.Should().Be("statistics");
        ((Action)(() => _ = new ProposalStatisticsTable([stats[0], stats[1], stats[0]]))).Should().Throw<ArgumentException>()
            .WithMessage("A committee and period appear twice.*").Which.ParamName.Should().Be("statistics");
    }

    [Fact]
    public void A_statistics_table_orders_rows_by_committee_then_period()
    {
        var y2022 = ReportingPeriod.CalendarYear(2022);
        Figure Filed(Committee c, ReportingPeriod p, decimal v) => new(c, p, Measures.Proposals.Filed, v, FigureUnit.Piece, Qualifier.Exact);
        var table = ProposalStatisticsTable.FromFigures(
        [
            Filed(RenderFixture.Qingtian, RenderFixture.Year, 4),
            Filed(RenderFixture.Liandu, RenderFixture.Year, 3),
            Filed(RenderFixture.Qingtian, y2022, 2),
            Filed(RenderFixture.Liandu, y2022, 1),
        ]);
        table.Select(s => (s.Committee, s.Period)).Should().Equal(
            (RenderFixture.Liandu, y2022), (RenderFixture.Liandu, RenderFixture.Year), (RenderFixture.Qingtian, y2022), (RenderFixture.Qingtian, RenderFixture.Year));
        ReportTable.From(table, RenderFixture.Options()).Rows.Select(r => r[3].Text).Should().Equal("1", "3", "2", "4");
    }

    [Fact]
    public void A_count_is_shown_from_the_committees_own_figure_not_from_a_topic_or_a_region_total()
    {
        // The committee's 120 received is printed as stated; 「30余」 on a topic and a region-wide 「300多」 are other figures of the same measure.
        var table = ProposalStatisticsTable.FromFigures(
        [
            new Figure(RenderFixture.Liandu, RenderFixture.Year, Measures.Proposals.Received, 30m, FigureUnit.Piece, Qualifier.MoreThan, FigureScope.Committee, "经济"),
            new Figure(RenderFixture.Liandu, RenderFixture.Year, Measures.Proposals.Received, 300m, FigureUnit.Piece, Qualifier.MoreThan, FigureScope.RegionTotal, null),
            new Figure(RenderFixture.Liandu, RenderFixture.Year, Measures.Proposals.Received, 120m, FigureUnit.Piece, Qualifier.Exact),
        ], out var findings);
        findings.Should().BeEmpty();
        var report = ReportTable.From(table, RenderFixture.Options() with { Measures = [Measures.Proposals.Received] });
        report.Rows.Single()[3].Text.Should().Be("120");
        report.Rows.Single()[3].Count.Should().Be(Bounds.Exactly(120));
    }

    [Fact]
    public void A_distribution_table_takes_the_options_given()
    {
        var distribution = RenderFixture.Dataset().GetRateDistributions(RateDefinition.Reply, Grouping.Within(RenderFixture.LishuiCode), RenderFixture.Year)[0];
        ReportTable.From(distribution, RenderFixture.Options("办复率分布") with { HeaderLanguage = HeaderLanguage.English }).Caption.Should().Be("办复率分布");
        ReportTable.From(distribution, RenderFixture.Options() with { HeaderLanguage = HeaderLanguage.English }).Columns[0].Header.Should().Be("committee");
    }
}
