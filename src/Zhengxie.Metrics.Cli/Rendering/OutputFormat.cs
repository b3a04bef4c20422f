using System.IO;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Rendering;

namespace Zhengxie.Metrics.Cli.Rendering;

/// <summary>The output formats of <c>report</c>.</summary>
internal enum OutputFormat
{
    /// <summary>An aligned plain-text table (East Asian wide characters count twice).</summary>
    Table = 0,

    /// <summary>A GitHub-flavoured Markdown table.</summary>
    Markdown = 1,

    /// <summary>RFC 4180 CSV in display form; each rate also as numerator and denominator columns, coverage in its own columns.</summary>
    Csv = 2,

    /// <summary>A standalone HTML document with one table.</summary>
    Html = 3,

    /// <summary>JSON: columns, rows with the numbers behind every cell, notes.</summary>
    Json = 4,
}

/// <summary>Writes a report table in an <see cref="OutputFormat"/> with the core's renderers.</summary>
internal static class ReportWriter
{
    internal static void Write(ReportTable table, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Table: TableRenderer.WriteText(table, output); break;
            case OutputFormat.Markdown: TableRenderer.WriteMarkdown(table, output); break;
            case OutputFormat.Csv: IndicatorTableCsvWriter.Write(table, output); break;
            case OutputFormat.Html: TableRenderer.WriteHtml(table, output, standalone: true); break;
            default: JsonReport.Write(table, output); break;
        }
    }
}
