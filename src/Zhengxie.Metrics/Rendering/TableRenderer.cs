using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Rendering;

/// <summary>
/// Renders result tables for people: aligned plain text (East Asian wide characters count twice),
/// GitHub-flavoured Markdown, and HTML (a real <c>&lt;table&gt;</c> with a caption, header scopes and
/// right-aligned numbers). A missing value shows <c>-</c>. The text of every cell is decided when the
/// <see cref="ReportTable"/> is built (see <see cref="TableRenderOptions"/>), so all formats agree; every
/// number is culture-invariant.
/// </summary>
/// <remarks>CSV is in the Zhengxie.Metrics.Csv package (<c>IndicatorTableCsvWriter</c>). Thread-safe.</remarks>
public static class TableRenderer
{
    private const string MissingMark = "-";
    private const string ColumnGap = "  ";

    /// <summary>Renders a table as aligned plain text: the caption, the header, a rule, the rows, then the notes.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The text, lines ending in <c>\n</c>.</returns>
    public static string ToText(ReportTable table) => Render(table, WriteText);

    /// <summary>Renders an indicator table as aligned plain text.</summary>
    /// <param name="table">The table.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The text.</returns>
    public static string ToText(IndicatorTable table, TableRenderOptions? options = null) => ToText(ReportTable.From(table, options));

    /// <summary>Renders proposal statistics as aligned plain text.</summary>
    /// <param name="statistics">The statistics.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The text.</returns>
    public static string ToText(ProposalStatisticsTable statistics, TableRenderOptions? options = null) => ToText(ReportTable.From(statistics, options));

    /// <summary>Renders a table as a GitHub-flavoured Markdown table, the caption as a <c>##</c> heading above it and the notes as a list below.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The Markdown, lines ending in <c>\n</c>.</returns>
    public static string ToMarkdown(ReportTable table) => Render(table, WriteMarkdown);

    /// <summary>Renders an indicator table as Markdown.</summary>
    /// <param name="table">The table.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The Markdown.</returns>
    public static string ToMarkdown(IndicatorTable table, TableRenderOptions? options = null) => ToMarkdown(ReportTable.From(table, options));

    /// <summary>Renders proposal statistics as Markdown.</summary>
    /// <param name="statistics">The statistics.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The Markdown.</returns>
    public static string ToMarkdown(ProposalStatisticsTable statistics, TableRenderOptions? options = null) => ToMarkdown(ReportTable.From(statistics, options));

    /// <summary>
    /// Renders a table as an HTML <c>&lt;table&gt;</c> element: the caption in <c>&lt;caption&gt;</c>, headers
    /// in <c>&lt;th scope="col"&gt;</c>, the first cell of each row in <c>&lt;th scope="row"&gt;</c>, numeric
    /// cells right-aligned, the notes in <c>&lt;tfoot&gt;</c>. All text is HTML-encoded.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="standalone">Whether to wrap the table in a complete UTF-8 HTML document.</param>
    /// <returns>The HTML.</returns>
    public static string ToHtml(ReportTable table, bool standalone = false) => Render(table, (t, w) => WriteHtml(t, w, standalone));

    /// <summary>Renders an indicator table as an HTML <c>&lt;table&gt;</c>.</summary>
    /// <param name="table">The table.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The HTML.</returns>
    public static string ToHtml(IndicatorTable table, TableRenderOptions? options = null) => ToHtml(ReportTable.From(table, options));

    /// <summary>Renders proposal statistics as an HTML <c>&lt;table&gt;</c>.</summary>
    /// <param name="statistics">The statistics.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The HTML.</returns>
    public static string ToHtml(ProposalStatisticsTable statistics, TableRenderOptions? options = null) => ToHtml(ReportTable.From(statistics, options));

    /// <summary>Writes a table as aligned plain text (see <see cref="ToText(ReportTable)"/>).</summary>
    /// <param name="table">The table.</param>
    /// <param name="writer">Where to write.</param>
    public static void WriteText(ReportTable table, TextWriter writer)
    {
        Preconditions.CheckNotNull(table);
        Preconditions.CheckNotNull(writer);
        int n = table.Columns.Count;
        int[] widths = new int[n];
        for (int c = 0; c < n; c++)
        {
            widths[c] = Math.Max(TextWidth.Of(table.Columns[c].Header), table.Rows.Count == 0 ? 0 : table.Rows.Max(r => TextWidth.Of(Show(r[c]))));
        }

        string Line(Func<int, string> cell) =>
            string.Join(ColumnGap, Enumerable.Range(0, n).Select(c => table.Columns[c].IsNumeric
                ? TextWidth.PadLeft(cell(c), widths[c])
                : TextWidth.PadRight(cell(c), widths[c]))).TrimEnd();

        if (!string.IsNullOrEmpty(table.Caption))
        {
            WriteLine(writer, table.Caption);
            WriteLine(writer, string.Empty);
        }

        WriteLine(writer, Line(c => table.Columns[c].Header));
        WriteLine(writer, string.Join(ColumnGap, widths.Select(w => new string('-', w))));
        foreach (var row in table.Rows)
        {
            WriteLine(writer, Line(c => Show(row[c])));
        }

        WriteNotes(table, writer, string.Empty);
    }

    /// <summary>Writes a table as Markdown (see <see cref="ToMarkdown(ReportTable)"/>).</summary>
    /// <param name="table">The table.</param>
    /// <param name="writer">Where to write.</param>
    public static void WriteMarkdown(ReportTable table, TextWriter writer)
    {
        Preconditions.CheckNotNull(table);
        Preconditions.CheckNotNull(writer);
        if (!string.IsNullOrEmpty(table.Caption))
        {
            WriteLine(writer, "## " + EscapeMarkdown(table.Caption));
            WriteLine(writer, string.Empty);
        }

        WriteLine(writer, "| " + string.Join(" | ", table.Columns.Select(c => EscapeMarkdown(c.Header))) + " |");
        WriteLine(writer, "|" + string.Join("|", table.Columns.Select(c => c.IsNumeric ? "---:" : "---")) + "|");
        foreach (var row in table.Rows)
        {
            WriteLine(writer, "| " + string.Join(" | ", row.Select(cell => EscapeMarkdown(Show(cell)))) + " |");
        }

        WriteNotes(table, writer, "- ");
    }

    /// <summary>Writes a table as HTML (see <see cref="ToHtml(ReportTable, bool)"/>).</summary>
    /// <param name="table">The table.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="standalone">Whether to wrap the table in a complete UTF-8 HTML document.</param>
    public static void WriteHtml(ReportTable table, TextWriter writer, bool standalone = false)
    {
        Preconditions.CheckNotNull(table);
        Preconditions.CheckNotNull(writer);
        if (standalone)
        {
            WriteLine(writer, "<!DOCTYPE html>");
            WriteLine(writer, "<html lang=\"zh-CN\">");
            WriteLine(writer, "<head><meta charset=\"utf-8\"><title>" + Html(table.Caption ?? "Zhengxie.Metrics") + "</title>");
            WriteLine(writer, "<style>table.zhengxie-metrics{border-collapse:collapse;font-family:sans-serif}table.zhengxie-metrics th,table.zhengxie-metrics td{border:1px solid #ccc;padding:2px 6px}</style></head>");
            WriteLine(writer, "<body>");
        }

        WriteLine(writer, "<table class=\"zhengxie-metrics\">");
        if (!string.IsNullOrEmpty(table.Caption))
        {
            WriteLine(writer, "<caption>" + Html(table.Caption) + "</caption>");
        }

        var head = new StringBuilder("<thead><tr>");
        foreach (var column in table.Columns)
        {
            head.Append("<th scope=\"col\"").Append(column.IsNumeric ? " style=\"text-align:right\"" : string.Empty);
            if (column.Description is { } d)
            {
                head.Append(" title=\"").Append(Html(d)).Append('"');
            }

            head.Append('>').Append(Html(column.Header)).Append("</th>");
        }

        WriteLine(writer, head.Append("</tr></thead>").ToString());
        WriteLine(writer, "<tbody>");
        foreach (var row in table.Rows)
        {
            var line = new StringBuilder("<tr>");
            for (int c = 0; c < row.Count; c++)
            {
                string tag = c == 0 ? "th" : "td";
                line.Append('<').Append(tag);
                if (c == 0)
                {
                    line.Append(" scope=\"row\"");
                }

                if (table.Columns[c].IsNumeric)
                {
                    line.Append(" style=\"text-align:right;white-space:nowrap\"");
                }

                if (row[c].Count is { IsExact: false } bounds)
                {
                    line.Append(" title=\"").Append(Html(bounds.ToString())).Append('"');
                }

                line.Append('>').Append(Html(Show(row[c]))).Append("</").Append(tag).Append('>');
            }

            WriteLine(writer, line.Append("</tr>").ToString());
        }

        WriteLine(writer, "</tbody>");
        if (table.Notes.Count > 0)
        {
            WriteLine(writer, string.Create(CultureInfo.InvariantCulture, $"<tfoot><tr><td colspan=\"{table.Columns.Count}\" style=\"text-align:left\">")
                + string.Join("<br>", table.Notes.Select(Html)) + "</td></tr></tfoot>");
        }

        WriteLine(writer, "</table>");
        if (standalone)
        {
            WriteLine(writer, "</body>");
            WriteLine(writer, "</html>");
        }
    }

    internal static string Html(string text) => WebUtility.HtmlEncode(text);

    private static string Show(ReportCell cell) => cell.IsMissing ? MissingMark : cell.Text;

    private static string Render(ReportTable table, Action<ReportTable, TextWriter> write)
    {
        Preconditions.CheckNotNull(table);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(table, writer);
        return writer.ToString();
    }

    private static void WriteLine(TextWriter writer, string line)
    {
        writer.Write(line);
        writer.Write('\n');
    }

    private static void WriteNotes(ReportTable table, TextWriter writer, string bullet)
    {
        if (table.Notes.Count == 0)
        {
            return;
        }

        WriteLine(writer, string.Empty);
        foreach (string note in table.Notes)
        {
            WriteLine(writer, bullet + (bullet.Length > 0 ? EscapeMarkdown(note) : note));
        }
    }

    private static string EscapeMarkdown(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
