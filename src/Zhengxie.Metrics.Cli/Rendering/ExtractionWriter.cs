using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Zhengxie.Metrics.Extraction;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Cli.Rendering;

/// <summary>The outputs of <c>extract</c>: a plain-text listing, a JSON document, and JSON lines (the scorer's format).</summary>
internal static class ExtractionWriter
{
    // Files and terminals, not HTML: Chinese text and '+' (11.1+@2022) as they are, only what JSON requires escaped.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes each report's committee and period (and where they came from), then its figures, breakdowns,
    /// numbers not classified and findings, each figure with its quote.</summary>
    internal static void WriteTable(IReadOnlyList<(string Path, ExtractionResult Result)> reports, RegionTable regions, TextWriter output)
    {
        bool first = true;
        foreach (var (path, result) in reports)
        {
            if (!first)
            {
                output.WriteLine();
            }

            first = false;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{path}: committee {DescribeCommittee(result, regions)}, period {DescribePeriod(result)}; {result.Figures.Count} figure(s), {result.Breakdowns.Count} breakdown(s), {result.Unclassified.Count} number(s) not classified"));
            WriteFigures(result.Figures, output);
            if (result.Breakdowns.Count > 0)
            {
                output.WriteLine("  breakdowns (subjects, not totals):");
                WriteFigures(result.Breakdowns, output);
            }

            if (result.Unclassified.Count > 0)
            {
                output.WriteLine("  numbers not classified:");
                foreach (var number in result.Unclassified)
                {
                    string value = number.Value?.ToString(CultureInfo.InvariantCulture) ?? "?";
                    output.WriteLine($"    {value}{number.Unit}  «{OneLine(number.Quote)}»");
                }
            }

            foreach (var finding in result.Findings)
            {
                output.WriteLine("  finding: " + OneLine(finding.ToString()));
            }
        }

        output.Flush();
    }

    /// <summary>Writes every report as one JSON array: its file, committee and period with their origins, figures,
    /// breakdowns, numbers not classified and findings, with the offsets of every quote.</summary>
    internal static void WriteJson(IReadOnlyList<(string Path, ExtractionResult Result)> reports, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Indented))
        {
            json.WriteStartArray();
            foreach (var (path, result) in reports)
            {
                json.WriteStartObject();
                json.WriteString("file", path);
                WriteContext(json, result, withOrigins: true);
                WriteFigureArray(json, "figures", result.Figures, withOffsets: true);
                WriteFigureArray(json, "breakdowns", result.Breakdowns, withOffsets: true);
                json.WriteStartArray("unclassified");
                foreach (var number in result.Unclassified)
                {
                    json.WriteStartObject();
                    WriteValue(json, number.Value);
                    json.WriteString("unit", number.Unit);
                    json.WriteString("quote", number.Quote);
                    json.WriteNumber("start", number.Start);
                    json.WriteNumber("length", number.Length);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("findings");
                foreach (var finding in result.Findings)
                {
                    json.WriteStartObject();
                    json.WriteString("message", finding.Message);
                    json.WriteNumber("start", finding.Start);
                    json.WriteNumber("length", finding.Length);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Flush();
    }

    /// <summary>Writes one passage as one line: <c>{"id","committee","period","figures":[…],"breakdowns":[…]}</c>, each
    /// figure as <c>{"indicator","value","unit","qualifier","quote","scope","topic"}</c> (the scorer's format).</summary>
    internal static void WriteJsonLine(string id, ExtractionResult result, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            WriteContext(json, result, withOrigins: false);
            WriteFigureArray(json, "figures", result.Figures, withOffsets: false);
            WriteFigureArray(json, "breakdowns", result.Breakdowns, withOffsets: false);
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    private static void WriteContext(Utf8JsonWriter json, ExtractionResult result, bool withOrigins)
    {
        if (result.Committee is { } committee)
        {
            json.WriteString("committee", committee.ToString());
        }
        else
        {
            json.WriteNull("committee");
        }

        if (result.Period is { } period)
        {
            json.WriteString("period", period.ToString());
        }
        else
        {
            json.WriteNull("period");
        }

        if (withOrigins)
        {
            json.WriteString("committee_origin", Origin(result.CommitteeOrigin));
            json.WriteString("period_origin", Origin(result.PeriodOrigin));
        }
    }

    private static void WriteFigureArray(Utf8JsonWriter json, string name, IReadOnlyList<ExtractedFigure> figures, bool withOffsets)
    {
        json.WriteStartArray(name);
        foreach (var figure in figures)
        {
            json.WriteStartObject();
            json.WriteString("indicator", figure.Measure.Id);
            WriteValue(json, figure.Value);
            json.WriteString("unit", figure.Unit.Symbol);
            json.WriteString("qualifier", QualifierText.ToWord(figure.Qualifier));
            json.WriteString("quote", figure.Quote);
            json.WriteString("scope", QualifierText.ToWord(figure.Scope));
            if (figure.Topic is null)
            {
                json.WriteNull("topic");
            }
            else
            {
                json.WriteString("topic", figure.Topic);
            }

            if (withOffsets)
            {
                if (figure.Label is not null)
                {
                    json.WriteString("label", figure.Label);
                }

                json.WriteNumber("start", figure.Start);
                json.WriteNumber("length", figure.Length);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber("value", v);
        }
        else
        {
            json.WriteNull("value");
        }
    }

    private static void WriteFigures(IReadOnlyList<ExtractedFigure> figures, TextWriter output)
    {
        if (figures.Count == 0)
        {
            return;
        }

        var rows = figures.Select(f => (
            Measure: f.Measure.Id + (f.Label is null ? string.Empty : " (" + f.Label + ")")
                + (f.Scope == FigureScope.RegionTotal ? " [region_total]" : string.Empty) + (f.Topic is null ? string.Empty : " [" + f.Topic + "]"),
            Value: (f.Value?.ToString(CultureInfo.InvariantCulture) ?? "-") + " " + f.Unit.Symbol,
            Qualifier: QualifierText.ToWord(f.Qualifier),
            Quote: OneLine(f.Quote))).ToList();
        int measureWidth = rows.Max(r => Width(r.Measure));
        int valueWidth = rows.Max(r => Width(r.Value));
        int qualifierWidth = rows.Max(r => Width(r.Qualifier));
        foreach (var row in rows)
        {
            output.WriteLine("    " + Pad(row.Measure, measureWidth) + "  " + PadLeft(row.Value, valueWidth) + "  " + Pad(row.Qualifier, qualifierWidth) + "  «" + row.Quote + "»");
        }
    }

    private static string DescribeCommittee(ExtractionResult result, RegionTable regions)
    {
        if (result.Committee is not { } committee)
        {
            return "unknown (the text names none; pass --committee CODE)";
        }

        string name = regions.TryGet(committee.Region, out var region) ? " " + region.Name : string.Empty;
        return committee + name + " (" + Origin(result.CommitteeOrigin) + ")";
    }

    private static string DescribePeriod(ExtractionResult result) =>
        result.Period is { } period ? period + " (" + Origin(result.PeriodOrigin) + ")" : "unknown (the text names none; pass --period P)";

    private static string Origin(ContextOrigin origin) => origin switch
    {
        ContextOrigin.Caller => "given",
        ContextOrigin.Text => "from the text",
        _ => "unknown",
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - Width(text)));

    private static string PadLeft(string text, int width) => new string(' ', Math.Max(0, width - Width(text))) + text;

    // East Asian wide and full-width characters take two columns in a terminal.
    private static int Width(string text)
    {
        int width = 0;
        foreach (char c in text)
        {
            width += c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
                or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6')
                ? 2 : 1;
        }

        return width;
    }
}
