using System;
using System.Globalization;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Rendering;

namespace Zhengxie.Metrics.Tests.Rendering;

public class TableRendererTest
{
    private const string DataRow = "| 丽水市 | 331100 | 2023 | 3 of 3 committees | 221..319 n=2/3 | 240 | 233 | 59.5%..86.0% (190/221..319) n=2/3 | 97.1% (233/240) |";

    private static string[] Lines(string text) => text.Split('\n');

    [Fact]
    public void Markdown_has_the_caption_chinese_headers_right_aligned_numbers_sums_rates_and_coverage()
    {
        string md = TableRenderer.ToMarkdown(RenderFixture.Table(), RenderFixture.Options());
        var lines = Lines(md);
        lines[0].Should().Be("## 丽水 2023");
        lines[2].Should().Be("| 地区 | 代码 | 时期 | 政协数 | 收到提案 | 立案 | 办复 | 立案率 | 办复率 |");
        lines[3].Should().Be("|---|---|---|---|---:|---:|---:|---:|---:|");
        lines[4].Should().Be(DataRow);
        lines.Should().Contain("- 立案率 = proposals.filed / proposals.received").And.Contain("- 办复率 = proposals.replied / proposals.filed");
    }

    [Theory]
    [InlineData(HeaderLanguage.English, "| group | code | period | committees | proposals received | proposals filed | proposals replied | acceptance rate | reply rate |")]
    [InlineData(HeaderLanguage.Both, "| 地区 (group) | 代码 (code) | 时期 (period) | 政协数 (committees) | 收到提案 (proposals received) | 立案 (proposals filed) | 办复 (proposals replied) | 立案率 (acceptance rate) | 办复率 (reply rate) |")]
    public void Headers_in_english_or_both(HeaderLanguage language, string header)
    {
        string md = TableRenderer.ToMarkdown(RenderFixture.Table(), RenderFixture.Options() with { HeaderLanguage = language });
        Lines(md)[2].Should().Be(header);
        Lines(md)[4].Should().Be(DataRow);
    }

    [Theory]
    [InlineData(0, PercentRounding.HalfUp, "97% (233/240)")]
    [InlineData(1, PercentRounding.HalfUp, "97.1% (233/240)")]
    [InlineData(2, PercentRounding.HalfUp, "97.08% (233/240)")]
    [InlineData(1, PercentRounding.Truncate, "97.0% (233/240)")]
    [InlineData(3, PercentRounding.Truncate, "97.083% (233/240)")]
    public void Decimals_and_rounding_of_rates(int decimals, PercentRounding rounding, string reply)
    {
        // 233/240 = 97.08333…%, computed by hand.
        var report = ReportTable.From(RenderFixture.Table(), RenderFixture.Options() with { Decimals = decimals, PercentRounding = rounding });
        int c = report.Columns.ToList().FindIndex(col => col.Key == "rate.reply");
        report.Rows[0][c].Text.Should().Be(reply);
        report.Rows[0][c].Rate.Should().Be(Rate.Of(233, 240));
    }

    [Fact]
    public void Fraction_and_coverage_can_be_left_out()
    {
        var report = ReportTable.From(RenderFixture.Table(), RenderFixture.Options() with { ShowFraction = false, ShowCoverage = false });
        report.Rows[0].Select(c => c.Text).Should().Equal("丽水市", "331100", "2023", "3 of 3 committees", "221..319", "240", "233", "59.5%..86.0%", "97.1%");

        // The numbers behind the text are kept whatever is shown.
        var received = report.Rows[0][4];
        received.Count.Should().Be(Bounds.Between(221, 319));
        received.Contributors.Should().Be(2);
        received.GroupSize.Should().Be(3);
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        var tooMany = () => TableRenderOptions.Default with { Decimals = 11 };
        tooMany.Should().Throw<ArgumentOutOfRangeException>();
        var either = () => TableRenderOptions.Default with { PercentRounding = PercentRounding.HalfUpOrTruncate };
        either.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Html_is_a_real_table_with_caption_header_scopes_and_right_aligned_numbers()
    {
        string html = TableRenderer.ToHtml(RenderFixture.Table(), RenderFixture.Options());
        html.Should().StartWith("<table class=\"zhengxie-metrics\">");
        html.Should().Contain("<caption>丽水 2023</caption>");
        html.Should().Contain("<th scope=\"col\">地区</th>").And.Contain("<th scope=\"col\" style=\"text-align:right\" title=\"proposals.replied / proposals.filed\">办复率</th>");
        html.Should().Contain("<th scope=\"row\">丽水市</th>");
        html.Should().Contain("<td style=\"text-align:right;white-space:nowrap\">240</td>");
        html.Should().Contain("<td style=\"text-align:right;white-space:nowrap\">97.1% (233/240)</td>");
        html.Should().Contain("<td style=\"text-align:right;white-space:nowrap\" title=\"221..319\">221..319 n=2/3</td>");
        html.Should().Contain("<tfoot>").And.EndWith("</table>\n");
        html.Should().NotContain("<html");

        TableRenderer.ToHtml(ReportTable.From(RenderFixture.Table(), RenderFixture.Options()), standalone: true)
            .Should().StartWith("<!DOCTYPE html>").And.Contain("<meta charset=\"utf-8\">").And.Contain("<table class=\"zhengxie-metrics\">");
    }

    [Fact]
    public void Html_escapes_every_text()
    {
        var table = RenderFixture.Dataset().Aggregate(
            Grouping.Of("A&B <script>", [RenderFixture.Liandu]),
            options: new AggregationOptions { Measures = RenderFixture.CountMeasures, Rates = [RateDefinition.Reply] });
        string html = TableRenderer.ToHtml(table, RenderFixture.Options("\"Q\" <b>&</b>"));
        html.Should().Contain("<caption>&quot;Q&quot; &lt;b&gt;&amp;&lt;/b&gt;</caption>");
        html.Should().Contain("<th scope=\"row\">A&amp;B &lt;script&gt;</th>");
        html.Should().NotContain("<script>").And.NotContain("<b>");

        var report = new ReportTable("t", [new ReportColumn("k", "a|b", ReportColumnKind.Text)], [[ReportCell.OfText("x|y")]]);
        TableRenderer.ToMarkdown(report).Should().Contain("| a\\|b |").And.Contain("| x\\|y |");
    }

    [Fact]
    public void Text_is_aligned_by_display_width_with_chinese_characters_counting_twice()
    {
        var report = ReportTable.From(RenderFixture.Table(), RenderFixture.Options());
        string text = TableRenderer.ToText(report);
        report.ToString().Should().Be(text);
        var lines = Lines(text);
        lines[0].Should().Be("丽水 2023");
        lines[2].Should().StartWith("地区    代码    时期  政协数             ");
        lines[3].Should().StartWith("------  ------  ----  -----------------  ");
        lines[4].Should().StartWith("丽水市  331100  2023  3 of 3 committees  ");

        // The last column holds numbers (right-aligned), so header, rule and row end at the same display column.
        lines.Skip(2).Take(3).Select(DisplayWidth).Distinct().Should().ContainSingle();
        lines[4].Should().EndWith("97.1% (233/240)");
    }

    [Fact]
    public void A_missing_value_shows_a_dash_never_zero()
    {
        var report = ReportTable.From(
            RenderFixture.Dataset().Aggregate(Grouping.Of("缙云", [RenderFixture.Jinyun]), options: new AggregationOptions { Measures = RenderFixture.CountMeasures, Rates = [RateDefinition.Acceptance] }),
            RenderFixture.Options() with { OmitEmptyColumns = false });
        report.Rows[0].Select(c => c.Text).Should().Equal("缙云", "2023", "1 of 1 committee", string.Empty, "50", "45", string.Empty);
        report.Rows[0][3].IsMissing.Should().BeTrue();
        Lines(TableRenderer.ToMarkdown(report))[4].Should().Be("| 缙云 | 2023 | 1 of 1 committee | - | 50 | 45 | - |");

        var omitted = ReportTable.From(
            RenderFixture.Dataset().Aggregate(Grouping.Of("缙云", [RenderFixture.Jinyun]), options: new AggregationOptions { Measures = RenderFixture.CountMeasures, Rates = [RateDefinition.Acceptance] }),
            RenderFixture.Options());
        omitted.Columns.Select(c => c.Key).Should().Equal("group", "period", "committees", "proposals.filed", "proposals.replied");
    }

    [Fact]
    public void Rows_without_any_contributor_are_left_out_unless_asked()
    {
        // The roll-up has a row for 丽水市, one for 浙江省 and one for the nation; all hold the same three counties.
        var table = RenderFixture.Dataset().RollUp();
        ReportTable.From(table, RenderFixture.Options()).Rows.Should().HaveCount(3);

        var empty = RenderFixture.Dataset().Aggregate(Grouping.Of("none", [new Committee(RegionCode.Parse("331100"))]));
        ReportTable.From(empty, RenderFixture.Options()).Rows.Should().BeEmpty();
        ReportTable.From(empty, RenderFixture.Options() with { OmitEmptyRows = false }).Rows.Should().ContainSingle();
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("zh-CN")]
    [InlineData("ar-SA")]
    public void Output_is_the_same_in_every_culture(string name)
    {
        var previous = CultureInfo.CurrentCulture;
        string invariant;
        string local;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            invariant = TableRenderer.ToHtml(RenderFixture.Table(), RenderFixture.Options() with { Decimals = 2 }) + TableRenderer.ToText(RenderFixture.Table());
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            local = TableRenderer.ToHtml(RenderFixture.Table(), RenderFixture.Options() with { Decimals = 2 }) + TableRenderer.ToText(RenderFixture.Table());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        local.Should().Be(invariant);
        local.Should().Contain("97.08% (233/240)");
    }

    [Fact]
    public void A_table_refuses_rows_of_the_wrong_length()
    {
        var act = () => new ReportTable("t", [new ReportColumn("a", "A", ReportColumnKind.Text), new ReportColumn("b", "B", ReportColumnKind.Count)], [[ReportCell.OfText("x")]]);
        act.Should().Throw<ArgumentException>();
        var twice = () => new ReportTable("t", [new ReportColumn("a", "A", ReportColumnKind.Text), new ReportColumn("a", "B", ReportColumnKind.Count)], []);
        twice.Should().Throw<ArgumentException>();
    }

    /// <summary>Terminal width, computed here independently: CJK ideographs and full-width forms take two columns.</summary>
    private static int DisplayWidth(string line) =>
        line.Sum(ch => ch is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFF60') ? 2 : 1);
}
