using System;
using System.IO;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Rendering;

namespace Zhengxie.Metrics.Tests.Rendering;

/// <summary>
/// The three renderings of one small hand-made table, whole and character for character (widths worked out by hand:
/// 名称 is four columns, 丽水市 six), and of the same table without caption, rows or notes.
/// </summary>
public class TableRendererOutputTest
{
    private static readonly ReportColumn[] Columns =
    [
        new("name", "名称", ReportColumnKind.Text),
        new("n", "数量", ReportColumnKind.Count, "n desc"),
        new("r", "比率", ReportColumnKind.Rate),
    ];

    private static readonly ReportCell[][] Rows =
    [
        [ReportCell.OfText("丽水市"), new ReportCell("12") { Count = Bounds.Exactly(12) }, ReportCell.OfText("97.1%")],
        [ReportCell.OfText("a|b"), new ReportCell("101..199") { Count = Bounds.Between(101, 199) }, ReportCell.Missing],
    ];

    private static readonly string[] Notes = ["x = a|b", "back\\slash", "two\nlines\rx"];

    private static ReportTable Full => new("表 1", Columns, Rows, Notes);

    private static ReportTable Bare => new(null, Columns, []);

    private const string HtmlBody =
        "<thead><tr><th scope=\"col\">名称</th><th scope=\"col\" style=\"text-align:right\" title=\"n desc\">数量</th><th scope=\"col\" style=\"text-align:right\">比率</th></tr></thead>\n"
        + "<tbody>\n";

    private const string HtmlRows =
        "<tr><th scope=\"row\">丽水市</th><td style=\"text-align:right;white-space:nowrap\">12</td><td style=\"text-align:right;white-space:nowrap\">97.1%</td></tr>\n"
        + "<tr><th scope=\"row\">a|b</th><td style=\"text-align:right;white-space:nowrap\" title=\"101..199\">101..199</td><td style=\"text-align:right;white-space:nowrap\">-</td></tr>\n";

    [Fact]
    public void Text_pads_by_display_width_and_writes_caption_rule_rows_and_notes_unescaped()
    {
        TableRenderer.ToText(Full).Should().Be(
            "表 1\n"
            + "\n"
            + "名称        数量   比率\n"
            + "------  --------  -----\n"
            + "丽水市        12  97.1%\n"
            + "a|b     101..199      -\n"
            + "\n"
            + "x = a|b\n"
            + "back\\slash\n"
            + "two\nlines\rx\n");
    }

    [Fact]
    public void Text_without_caption_rows_or_notes_is_the_header_and_rule_only()
    {
        TableRenderer.ToText(Bare).Should().Be("名称  数量  比率\n----  ----  ----\n");
    }

    [Fact]
    public void Markdown_escapes_pipes_backslashes_and_line_breaks_in_cells_and_notes()
    {
        TableRenderer.ToMarkdown(Full).Should().Be(
            "## 表 1\n"
            + "\n"
            + "| 名称 | 数量 | 比率 |\n"
            + "|---|---:|---:|\n"
            + "| 丽水市 | 12 | 97.1% |\n"
            + "| a\\|b | 101..199 | - |\n"
            + "\n"
            + "- x = a\\|b\n"
            + "- back\\\\slash\n"
            + "- two lines x\n");
        TableRenderer.ToMarkdown(Bare).Should().Be("| 名称 | 数量 | 比率 |\n|---|---:|---:|\n");
    }

    [Fact]
    public void Html_is_the_table_with_a_footer_of_notes()
    {
        TableRenderer.ToHtml(Full).Should().Be(
            "<table class=\"zhengxie-metrics\">\n"
            + "<caption>表 1</caption>\n"
            + HtmlBody
            + HtmlRows
            + "</tbody>\n"
            + "<tfoot><tr><td colspan=\"3\" style=\"text-align:left\">x = a|b<br>back\\slash<br>two\nlines\rx</td></tr></tfoot>\n"
            + "</table>\n");
        TableRenderer.ToHtml(Bare).Should().Be("<table class=\"zhengxie-metrics\">\n" + HtmlBody + "</tbody>\n</table>\n");
    }

    [Fact]
    public void A_standalone_html_document_wraps_the_table_and_is_titled_by_the_caption()
    {
        const string Style = "<style>table.zhengxie-metrics{border-collapse:collapse;font-family:sans-serif}table.zhengxie-metrics th,table.zhengxie-metrics td{border:1px solid #ccc;padding:2px 6px}</style></head>\n";
        TableRenderer.ToHtml(Bare, standalone: true).Should().Be(
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>Zhengxie.Metrics</title>\n" + Style + "<body>\n"
            + "<table class=\"zhengxie-metrics\">\n" + HtmlBody + "</tbody>\n</table>\n"
            + "</body>\n</html>\n");
        TableRenderer.ToHtml(Full, standalone: true).Should().StartWith(
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>表 1</title>\n" + Style + "<body>\n<table class=\"zhengxie-metrics\">\n<caption>表 1</caption>\n")
            .And.EndWith("</table>\n</body>\n</html>\n");
    }

    [Fact]
    public void Writers_refuse_a_null_table_or_writer_by_name()
    {
        using var writer = new StringWriter();
        Action[] nullTable = [() => TableRenderer.WriteText(null!, writer), () => TableRenderer.WriteMarkdown(null!, writer), () => TableRenderer.WriteHtml(null!, writer)];
        Action[] nullWriter = [() => TableRenderer.WriteText(Full, null!), () => TableRenderer.WriteMarkdown(Full, null!), () => TableRenderer.WriteHtml(Full, null!)];
        foreach (var act in nullTable)
        {
            act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("table");
        }

        foreach (var act in nullWriter)
        {
            act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("writer");
        }

        writer.ToString().Should().BeEmpty();
    }
}
