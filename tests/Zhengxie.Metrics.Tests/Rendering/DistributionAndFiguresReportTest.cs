using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Rendering;
using Zhengxie.Metrics.SampleData;

namespace Zhengxie.Metrics.Tests.Rendering;

/// <summary>The tables of a rate's distribution, of a single rate, of figures and of a seed report: headers, notes and captions word for word.</summary>
public class DistributionAndFiguresReportTest
{
    private static readonly Committee Other = new(RegionCode.Parse("331123")); // 遂昌, not in the fixture's region table

    private static Figure Count(Committee committee, string measure, decimal value) =>
        new(committee, RenderFixture.Year, new Measure(measure), value, FigureUnit.Piece, Qualifier.Exact);

    /// <summary>Reply rates 10/10, 10/10 and 9/10: 100 %, 100 %, 90 %; unweighted mean 96.666…%, median 100 %.</summary>
    private static RateDistribution ThreeReplyRates() =>
        FigureDataset.CreateBuilder(RenderFixture.Regions)
            .AddRange(
            [
                Count(RenderFixture.Liandu, "proposals.filed", 10), Count(RenderFixture.Liandu, "proposals.replied", 10),
                Count(RenderFixture.Qingtian, "proposals.filed", 10), Count(RenderFixture.Qingtian, "proposals.replied", 10),
                Count(RenderFixture.Jinyun, "proposals.filed", 10), Count(RenderFixture.Jinyun, "proposals.replied", 9),
            ])
            .Build()
            .GetRateDistributions(RateDefinition.Reply, Grouping.Within(RenderFixture.LishuiCode), RenderFixture.Year)[0];

    [Fact]
    public void A_distribution_lists_ranks_and_notes_the_unweighted_mean_median_and_exclusions()
    {
        var distribution = RenderFixture.Dataset().GetRateDistributions(RateDefinition.Acceptance, Grouping.Within(RenderFixture.LishuiCode), RenderFixture.Year)[0];
        var report = ReportTable.From(distribution, RenderFixture.Options(caption: null));
        report.Caption.Should().Be("立案率 · 331100 丽水市 · 2023");
        report.Columns.Select(c => c.Header).Should().Equal("政协", "代码", "排名", "立案率");
        report.Rows.Single().Select(c => c.Text).Should().Equal("莲都区政协", "331102", "1", "83.3% (100/120)");
        report.Notes.Should().Equal(
            "立案率 = proposals.filed / proposals.received",
            "Unweighted over 1 of the group's 3 committees: mean 83.3%, median 83.3% (the group's own rate is the pooled rate of an indicator table).",
            "Excluded (bounds only, or no value): 青田县政协 45.2%..89.2% (90/101..199).");
        ReportTable.From(distribution, RenderFixture.Options(caption: null) with { HeaderLanguage = HeaderLanguage.English }).Columns.Select(c => c.Header)
            .Should().Equal("committee", "code", "rank", "acceptance rate");
    }

    [Theory]
    [InlineData(PercentRounding.HalfUp, "96.7%")]
    [InlineData(PercentRounding.Truncate, "96.6%")]
    public void The_mean_is_a_percentage_cut_as_the_options_say_and_nothing_is_excluded(PercentRounding rounding, string mean)
    {
        var report = ReportTable.From(ThreeReplyRates(), RenderFixture.Options() with { PercentRounding = rounding });
        report.Notes.Should().Equal(
            "办复率 = proposals.replied / proposals.filed",
            $"Unweighted over 3 of the group's 3 committees: mean {mean}, median 100.0% (the group's own rate is the pooled rate of an indicator table).");
        report.Rows.Select(r => r[3].Text).Should().Equal("100.0% (10/10)", "100.0% (10/10)", "90.0% (9/10)");
    }

    [Fact]
    public void A_distribution_without_a_ranked_committee_keeps_its_rate_column_and_has_no_mean()
    {
        // Only 青田 states both parts, and its received is 「100余」: bounds only, so excluded.
        var distribution = RenderFixture.Dataset().GetRateDistributions(RateDefinition.Acceptance, Grouping.Of("青田", [RenderFixture.Qingtian]), RenderFixture.Year)[0];
        var report = ReportTable.From(distribution, RenderFixture.Options());
        report.Rows.Should().BeEmpty();
        report.Columns.Select(c => c.Key).Should().Equal("committee", "code", "rank", "rate.acceptance");
        report.Notes[1].Should().Be("Unweighted over 0 of the group's 1 committees: mean n/a, median n/a (the group's own rate is the pooled rate of an indicator table).");
    }

    [Fact]
    public void A_distribution_takes_names_and_headers_from_the_callers_tables()
    {
        var regions = RenderFixture.RegionsNaming((RenderFixture.Liandu, "甲区"), (RenderFixture.Qingtian, "乙县"), (RenderFixture.Jinyun, "丙县"));
        var catalog = MeasureCatalog.Default.With(new MeasureDefinition(Measures.Rates.Reply, "答复率", "answer rate"));
        var report = ReportTable.From(ThreeReplyRates(), RenderFixture.Options(caption: null) with { Regions = regions, Catalog = catalog });
        report.Rows.Select(r => r[0].Text).Should().BeEquivalentTo(["甲区政协", "乙县政协", "丙县政协"]);
        report.Rows[2][0].Text.Should().Be("丙县政协");
        report.Columns[3].Header.Should().Be("答复率");
        report.Caption.Should().Be("答复率 · 331100 丽水市 · 2023");
    }

    [Theory]
    [InlineData(HeaderLanguage.Chinese, "比率", "分子", "分母")]
    [InlineData(HeaderLanguage.English, "rate", "numerator", "denominator")]
    public void A_single_rate_is_a_row_of_rate_numerator_and_denominator(HeaderLanguage language, string rate, string numerator, string denominator)
    {
        var report = ReportTableBuilder.FromRate(Rate.Of(233, 240), RenderFixture.Options() with { HeaderLanguage = language });
        report.Columns.Select(c => c.Header).Should().Equal(rate, numerator, denominator);
        report.Rows.Single().Select(c => c.Text).Should().Equal("97.1%", "233", "240");
        report.Notes.Should().BeEmpty();
        report.Caption.Should().Be("丽水 2023");
    }

    private static Figure[] Figures() =>
    [
        new(RenderFixture.Liandu, RenderFixture.Year, Measures.Proposals.Received, 120m, FigureUnit.Piece, Qualifier.Exact, FigureScope.Committee, null, new FigureSource("doc", "收到提案120件", null)),
        new(RenderFixture.Qingtian, RenderFixture.Year, Measures.Proposals.Received, 100m, FigureUnit.Piece, Qualifier.MoreThan),
        new(RenderFixture.Liandu, RenderFixture.Year, Measures.Rates.Acceptance, 83.3m, FigureUnit.Percent, Qualifier.PercentReported),
        new(RenderFixture.Liandu, RenderFixture.Year, new Measure("output.suggestions"), 30m, new FigureUnit("条"), Qualifier.MoreThan, FigureScope.RegionTotal, "视察", null),
        new(RenderFixture.Liandu, RenderFixture.Year, Measures.Proposals.Replied, null, FigureUnit.Piece, Qualifier.All),
        new(Other, RenderFixture.Year, Measures.Proposals.Filed, 7m, FigureUnit.Piece, Qualifier.Exact),
    ];

    [Fact]
    public void Figures_show_committee_measure_as_reported_bounds_scope_with_topic_and_quote()
    {
        var report = ReportTableBuilder.FromFigures(Figures(), "原文", withCommittee: true, RenderFixture.Options());
        report.Caption.Should().Be("原文");
        report.Columns.Select(c => c.Header).Should().Equal("政协", "代码", "时期", "指标", "原文", "范围", "口径", "引文");
        report.Rows.Select(r => string.Join("|", r.Select(c => c.Text))).Should().Equal(
            "莲都区政协|331102|2023|收到提案|120件|120|committee|收到提案120件",
            "青田县政协|331121|2023|收到提案|100余件|101..199|committee|",
            "莲都区政协|331102|2023|立案率|83.3%||committee|",
            "莲都区政协|331102|2023|意见建议|30余条|31..39|region_total [视察]|",
            "莲都区政协|331102|2023|办复|全部||committee|",
            "331123|331123|2023|立案|7件|7|committee|");
        report.Notes.Should().BeEmpty();

        // The numbers behind: bounds of a count, the printed percentage of a stated rate, nothing for 「全部」 without its denominator.
        report.Rows[1][4].Should().Be(new ReportCell("100余件") { Count = Bounds.Between(101, 199) });
        report.Rows[1][5].Should().Be(new ReportCell("101..199") { Count = Bounds.Between(101, 199) });
        report.Rows[2][4].Should().Be(new ReportCell("83.3%") { StatedPercent = 83.3m });
        report.Rows[4][4].Should().Be(new ReportCell("全部"));
    }

    [Fact]
    public void Figures_in_english_take_english_headers_and_labels()
    {
        var report = ReportTableBuilder.FromFigures(Figures().Take(1), null, withCommittee: true, RenderFixture.Options() with { HeaderLanguage = HeaderLanguage.English });
        report.Caption.Should().BeNull();
        report.Columns.Select(c => c.Header).Should().Equal("committee", "code", "period", "measure", "as reported", "bounds", "scope", "quote");
        report.Rows.Single().Select(c => c.Text).Should().Equal("莲都区政协", "331102", "2023", "proposals received", "120件", "120", "committee", "收到提案120件");
    }

    [Fact]
    public void A_figure_in_a_notebook_shows_its_committee()
    {
        var table = NotebookFormatter.ToReportTable(Figures()[0])!;
        table.Columns.Select(c => c.Key).Should().Equal("committee", "code", "period", "measure", "reported", "bounds", "scope", "quote");
        table.Caption.Should().BeNull();
    }

    [Fact]
    public void A_seed_report_is_captioned_by_committee_period_and_identifier_and_lists_its_figures_without_committee()
    {
        var lishui = SeedReports.Get("lishui-2020");
        var report = ReportTableBuilder.FromSeedReport(lishui, TableRenderOptions.Default);
        report.Caption.Should().Be("丽水市政协 · 4.4@2020 · lishui-2020");
        report.Columns.Select(c => c.Key).Should().Equal("measure", "reported", "bounds", "scope", "quote");
        report.Rows.Should().HaveCount(10);
        report.Rows[6].Select(c => c.Text).Should().Equal("收到提案", "354件", "354", "committee", "市政协四届四次会议共收到提案354件");
        report.Rows[7].Select(c => c.Text).Should().Equal("立案率", "78.5%", string.Empty, "committee", "立案率78.5%");
        ReportTableBuilder.FromSeedReport(lishui, TableRenderOptions.Default with { Caption = "丽水" }).Caption.Should().Be("丽水");
    }
}
