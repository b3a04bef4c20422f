using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CsvHelper;
using CsvHelper.Configuration;

namespace Zhengxie.Metrics.Cli.Rendering;

/// <summary>The output formats of <c>report</c>.</summary>
internal enum OutputFormat
{
    /// <summary>An aligned plain-text table (East Asian wide characters count twice).</summary>
    Table = 0,

    /// <summary>A GitHub-flavoured Markdown table.</summary>
    Markdown = 1,

    /// <summary>RFC 4180 CSV; each rate also as numerator and denominator columns.</summary>
    Csv = 2,

    /// <summary>A standalone HTML document with one table.</summary>
    Html = 3,

    /// <summary>JSON: columns, rows with the numbers behind every cell, notes.</summary>
    Json = 4,
}

/// <summary>Renders a <see cref="ReportTable"/> in each <see cref="OutputFormat"/>; every number is culture-invariant.</summary>
internal static class TableRenderer
{
    private const string MissingMark = "-";

    internal static void Render(ReportTable table, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Table: RenderText(table, output); break;
            case OutputFormat.Markdown: RenderMarkdown(table, output); break;
            case OutputFormat.Csv: RenderCsv(table, output); break;
            case OutputFormat.Html: RenderHtml(table, output); break;
            default: RenderJson(table, output); break;
        }
    }

    private static string Show(ReportCell cell) => cell.IsMissing ? MissingMark : cell.Text;

    private static void RenderText(ReportTable table, TextWriter output)
    {
        int n = table.Columns.Count;
        int[] widths = new int[n];
        for (int c = 0; c < n; c++)
        {
            widths[c] = Math.Max(TextWidth.Of(table.Columns[c].Header), table.Rows.Count == 0 ? 0 : table.Rows.Max(r => TextWidth.Of(Show(r[c]))));
        }

        string Line(Func<int, string> cell) =>
            string.Join("  ", Enumerable.Range(0, n).Select(c => table.Columns[c].Kind == ColumnKind.Text
                ? TextWidth.PadRight(cell(c), widths[c])
                : TextWidth.PadLeft(cell(c), widths[c]))).TrimEnd();

        output.WriteLine(table.Title);
        output.WriteLine();
        output.WriteLine(Line(c => table.Columns[c].Header));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in table.Rows)
        {
            output.WriteLine(Line(c => Show(row[c])));
        }

        WriteNotes(table, output, string.Empty);
    }

    private static void WriteNotes(ReportTable table, TextWriter output, string bullet)
    {
        if (table.Notes.Count == 0)
        {
            return;
        }

        output.WriteLine();
        foreach (string note in table.Notes)
        {
            output.WriteLine(bullet + note);
        }
    }

    private static string EscapeMarkdown(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    private static void RenderMarkdown(ReportTable table, TextWriter output)
    {
        output.WriteLine("## " + EscapeMarkdown(table.Title));
        output.WriteLine();
        output.WriteLine("| " + string.Join(" | ", table.Columns.Select(c => EscapeMarkdown(c.Header))) + " |");
        output.WriteLine("|" + string.Join("|", table.Columns.Select(c => c.Kind == ColumnKind.Text ? "---" : "---:")) + "|");
        foreach (var row in table.Rows)
        {
            output.WriteLine("| " + string.Join(" | ", row.Select(cell => EscapeMarkdown(Show(cell)))) + " |");
        }

        WriteNotes(table, output, "- ");
    }

    private static void RenderCsv(ReportTable table, TextWriter output)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using var csv = new CsvWriter(output, config, leaveOpen: true);
        foreach (var column in table.Columns)
        {
            csv.WriteField(column.Key);
            if (column.Kind == ColumnKind.Rate)
            {
                csv.WriteField(column.Key + ".numerator");
                csv.WriteField(column.Key + ".denominator");
            }
        }

        csv.NextRecord();
        foreach (var row in table.Rows)
        {
            for (int c = 0; c < table.Columns.Count; c++)
            {
                var cell = row[c];
                csv.WriteField(cell.Text);
                if (table.Columns[c].Kind == ColumnKind.Rate)
                {
                    csv.WriteField(cell.Rate?.Numerator.ToString() ?? string.Empty);
                    csv.WriteField(cell.Rate?.Denominator.ToString() ?? string.Empty);
                }
            }

            csv.NextRecord();
        }

        csv.Flush();
    }

    private static void RenderHtml(ReportTable table, TextWriter output)
    {
        string E(string s) => WebUtility.HtmlEncode(s);
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"zh-CN\">");
        output.WriteLine("<head><meta charset=\"utf-8\"><title>" + E(table.Title) + "</title>");
        output.WriteLine("<style>table{border-collapse:collapse;font-family:sans-serif}th,td{border:1px solid #ccc;padding:2px 6px}td.n{text-align:right;white-space:nowrap}</style></head>");
        output.WriteLine("<body>");
        output.WriteLine("<h1>" + E(table.Title) + "</h1>");
        output.WriteLine("<table>");
        output.WriteLine("<thead><tr>" + string.Concat(table.Columns.Select(c => "<th scope=\"col\">" + E(c.Header) + "</th>")) + "</tr></thead>");
        output.WriteLine("<tbody>");
        foreach (var row in table.Rows)
        {
            output.WriteLine("<tr>" + string.Concat(row.Select((cell, c) => (table.Columns[c].Kind == ColumnKind.Text ? "<td>" : "<td class=\"n\">") + E(Show(cell)) + "</td>")) + "</tr>");
        }

        output.WriteLine("</tbody>");
        output.WriteLine("</table>");
        if (table.Notes.Count > 0)
        {
            output.WriteLine("<ul>" + string.Concat(table.Notes.Select(n => "<li>" + E(n) + "</li>")) + "</ul>");
        }

        output.WriteLine("</body>");
        output.WriteLine("</html>");
    }

    private static void RenderJson(ReportTable table, TextWriter output)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteString("title", table.Title);
            json.WriteStartArray("columns");
            foreach (var column in table.Columns)
            {
                json.WriteStartObject();
                json.WriteString("key", column.Key);
                json.WriteString("header", column.Header);
                json.WriteString("kind", column.Kind.ToString().ToLowerInvariant());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (var row in table.Rows)
            {
                json.WriteStartObject();
                for (int c = 0; c < table.Columns.Count; c++)
                {
                    json.WritePropertyName(table.Columns[c].Key);
                    WriteCell(json, table.Columns[c].Kind, row[c]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("notes");
            foreach (string note in table.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        output.WriteLine();
    }

    private static void WriteCell(Utf8JsonWriter json, ColumnKind kind, ReportCell cell)
    {
        if (cell.IsMissing)
        {
            json.WriteNullValue();
            return;
        }

        if (kind == ColumnKind.Text)
        {
            json.WriteStringValue(cell.Text);
            return;
        }

        json.WriteStartObject();
        json.WriteString("text", cell.Text);
        if (cell.Count is { } count)
        {
            WriteBounds(json, "value", count);
        }

        if (cell.Rate is { } rate)
        {
            if (rate.Percent is { } percent)
            {
                json.WriteNumber("percent", Math.Round(percent, 4, MidpointRounding.AwayFromZero));
            }
            else
            {
                if (rate.LowerBound is { } lo)
                {
                    json.WriteNumber("percentLower", Math.Round(lo * 100m, 4, MidpointRounding.AwayFromZero));
                }

                if (rate.UpperBound is { } hi)
                {
                    json.WriteNumber("percentUpper", Math.Round(hi * 100m, 4, MidpointRounding.AwayFromZero));
                }
            }

            WriteBounds(json, "numerator", rate.Numerator);
            WriteBounds(json, "denominator", rate.Denominator);
        }

        if (cell.StatedPercent is { } stated)
        {
            json.WriteNumber("statedPercent", stated);
        }

        if (cell.Coverage is { } coverage)
        {
            json.WriteNumber("committees", coverage);
        }

        json.WriteEndObject();
    }

    private static void WriteBounds(Utf8JsonWriter json, string name, Bounds bounds)
    {
        if (bounds.IsExact)
        {
            json.WriteNumber(name, bounds.Lower);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("lower", bounds.Lower);
        if (bounds.Upper is { } upper)
        {
            json.WriteNumber("upper", upper);
        }
        else
        {
            json.WriteNull("upper");
        }

        json.WriteEndObject();
    }
}
