using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Rendering;

namespace Zhengxie.Metrics.Tests.Rendering;

/// <summary>The table of an aggregation: its default caption, the notes word for word, custom groups, chosen columns, headers from a caller's catalogue, units and empty rates.</summary>
public class IndicatorTableReportTest
{
    private const string SummedNote = "Counts are summed and rates pooled (numerators and denominators summed) over the committees that report them; a sum of qualified figures shows its bounds (101..199); - = no committee reports it.";
    private const string CoverageNote = "n=9/10: 9 of the group's 10 committees contributed (no mark: all did); the committees column counts the committees that report the most-reported column.";

    [Fact]
    public void Notes_are_the_rate_formulas_then_the_legend_with_coverage()
    {
        var report = ReportTable.From(RenderFixture.Table(), RenderFixture.Options());
        report.Notes.Should().Equal(
            "立案率 = proposals.filed / proposals.received",
            "办复率 = proposals.replied / proposals.filed",
            SummedNote,
            CoverageNote);
    }

    [Fact]
    public void Without_coverage_the_coverage_note_is_left_out_and_without_notes_there_are_none()
    {
        ReportTable.From(RenderFixture.Table(), RenderFixture.Options() with { ShowCoverage = false, HeaderLanguage = HeaderLanguage.English }).Notes.Should().Equal(
            "acceptance rate = proposals.filed / proposals.received",
            "reply rate = proposals.replied / proposals.filed",
            SummedNote);
        ReportTable.From(RenderFixture.Table(), RenderFixture.Options() with { ShowNotes = false }).Notes.Should().BeEmpty();
    }

    [Theory]
    [InlineData(HeaderLanguage.Chinese, "指标汇总")]
    [InlineData(HeaderLanguage.English, "Indicators by group")]
    [InlineData(HeaderLanguage.Both, "指标汇总 (Indicators by group)")]
    public void The_default_caption_is_in_the_header_language(HeaderLanguage language, string caption)
    {
        ReportTable.From(RenderFixture.Table(), RenderFixture.Options(caption: null) with { HeaderLanguage = language }).Caption.Should().Be(caption);
    }

    [Fact]
    public void The_committees_column_says_what_it_counts()
    {
        var report = ReportTable.From(RenderFixture.Table(), RenderFixture.Options());
        report.Columns.Select(c => (c.Key, c.Kind, c.Description)).Should().Equal(
            ("group", ReportColumnKind.Text, (string?)null),
            ("code", ReportColumnKind.Text, null),
            ("period", ReportColumnKind.Text, null),
            ("committees", ReportColumnKind.Text, "committees reporting, of the group's committees"),
            ("proposals.received", ReportColumnKind.Count, null),
            ("proposals.filed", ReportColumnKind.Count, null),
            ("proposals.replied", ReportColumnKind.Count, null),
            ("rate.acceptance", ReportColumnKind.Rate, "proposals.filed / proposals.received"),
            ("rate.reply", ReportColumnKind.Rate, "proposals.replied / proposals.filed"));
    }

    [Fact]
    public void A_custom_group_is_headed_group_and_has_no_code_column()
    {
        var table = RenderFixture.Dataset().Aggregate(
            Grouping.Of("试点", [RenderFixture.Liandu, RenderFixture.Jinyun]),
            options: new AggregationOptions { Measures = [Measures.Proposals.Filed], Rates = [RateDefinition.Reply] });
        var report = ReportTable.From(table, RenderFixture.Options());
        report.Columns.Select(c => c.Header).Should().Equal("分组", "时期", "政协数", "立案", "办复率");
        report.Rows.Single().Select(c => c.Text).Should().Equal("试点", "2023", "2 of 2 committees", "150", "95.3% (143/150)");
        ReportTable.From(table, RenderFixture.Options() with { HeaderLanguage = HeaderLanguage.Both }).Columns[0].Header.Should().Be("分组 (group)");
    }

    [Fact]
    public void In_a_roll_up_the_nation_has_an_empty_code_beside_the_regions_codes()
    {
        var report = ReportTable.From(RenderFixture.Dataset().RollUp(), RenderFixture.Options() with { ShowFraction = false, ShowCoverage = false });
        report.Columns.Take(3).Select(c => c.Header).Should().Equal("地区", "代码", "时期");
        report.Rows.Select(r => r[1].Text).Should().BeEquivalentTo(["331100", "330000", string.Empty]);
        report.Rows.Should().OnlyContain(r => r[2].Text == "2023");
    }

    [Fact]
    public void Chosen_measures_and_rates_are_the_only_value_columns_in_their_order()
    {
        var report = ReportTable.From(
            RenderFixture.Table(),
            RenderFixture.Options() with { Measures = [Measures.Proposals.Replied, Measures.Proposals.Filed], Rates = [RateDefinition.Reply] });
        report.Columns.Select(c => c.Key).Should().Equal("group", "code", "period", "committees", "proposals.replied", "proposals.filed", "rate.reply");
        report.Rows[0].Skip(3).Select(c => c.Text).Should().Equal("3 of 3 committees", "233", "240", "97.1% (233/240)");
        report.Notes[0].Should().Be("办复率 = proposals.replied / proposals.filed");
    }

    [Fact]
    public void Headers_come_from_the_callers_catalogue_and_a_rate_it_does_not_know_from_its_definition()
    {
        var catalog = MeasureCatalog.Default
            .With(new MeasureDefinition(Measures.Proposals.Filed, "立案数", "cases filed", null, FigureUnit.Piece))
            .With(new MeasureDefinition(Measures.Rates.Reply, "答复率", "answer rate"));
        var own = new RateDefinition(new Measure("rate.replied_per_received"), [Measures.Proposals.Replied], Measures.Proposals.Received, "收到办复比", "replies per proposal received");
        var table = RenderFixture.Dataset().Aggregate(
            Grouping.Within(RenderFixture.LishuiCode),
            options: new AggregationOptions { Measures = [Measures.Proposals.Filed], Rates = [RateDefinition.Reply, own] });

        var report = ReportTable.From(table, RenderFixture.Options() with { Catalog = catalog });
        report.Columns.Skip(4).Select(c => c.Header).Should().Equal("立案数", "答复率", "收到办复比");
        ReportTable.From(table, RenderFixture.Options() with { Catalog = catalog, HeaderLanguage = HeaderLanguage.English })
            .Columns.Skip(4).Select(c => c.Header).Should().Equal("cases filed", "answer rate", "replies per proposal received");
        report.Notes.Take(2).Should().Equal("答复率 = proposals.replied / proposals.filed", "收到办复比 = proposals.replied / proposals.received");
    }

    [Fact]
    public void A_column_in_another_unit_than_the_catalogues_names_its_unit()
    {
        // 委员捐款捐物 is stated in 万元 by default; sums are in 元, so the header says so. 12万元 + 3万元 = 150000 元.
        var donations = new Measure("members.donations");
        var dataset = FigureDataset.CreateBuilder(RenderFixture.Regions)
            .Add(new Figure(RenderFixture.Liandu, RenderFixture.Year, donations, 12m, new FigureUnit("万元"), Qualifier.Exact))
            .Add(new Figure(RenderFixture.Qingtian, RenderFixture.Year, donations, 3m, new FigureUnit("万元"), Qualifier.Exact))
            .Add(new Figure(RenderFixture.Liandu, RenderFixture.Year, Measures.Proposals.Filed, 100m, FigureUnit.Piece, Qualifier.Exact))
            .Build();
        var table = dataset.Aggregate(
            Grouping.Within(RenderFixture.LishuiCode),
            options: new AggregationOptions { Measures = [donations, Measures.Proposals.Filed, Measures.Proposals.Concluded], Rates = [] });

        var report = ReportTable.From(table, RenderFixture.Options() with { OmitEmptyColumns = false, ShowCoverage = false });
        report.Columns.Skip(4).Select(c => c.Header).Should().Equal("委员捐款捐物 [元]", "立案", "办结");
        report.Rows[0].Skip(4).Select(c => c.Text).Should().Equal("150000", "100", string.Empty);
        ReportTable.From(table, RenderFixture.Options() with { HeaderLanguage = HeaderLanguage.English }).Columns[4].Header.Should().Be("members' donations [元]");
    }

    [Fact]
    public void A_pooled_rate_over_a_denominator_of_zero_shows_no_value()
    {
        var dataset = FigureDataset.CreateBuilder(RenderFixture.Regions)
            .Add(new Figure(RenderFixture.Liandu, RenderFixture.Year, Measures.Proposals.Filed, 0m, FigureUnit.Piece, Qualifier.Exact))
            .Add(new Figure(RenderFixture.Liandu, RenderFixture.Year, Measures.Proposals.Replied, 0m, FigureUnit.Piece, Qualifier.Exact))
            .Build();
        var table = dataset.Aggregate(Grouping.Of("莲都", [RenderFixture.Liandu]), options: new AggregationOptions { Measures = [Measures.Proposals.Filed], Rates = [RateDefinition.Reply] });
        var report = ReportTable.From(table, RenderFixture.Options());
        report.Rows.Single().Select(c => c.Text).Should().Equal("莲都", "2023", "1 of 1 committee", "0", "n/a");
        report.Rows[0][4].Rate.Should().Be(Rate.Of(0, 0));
    }
}
