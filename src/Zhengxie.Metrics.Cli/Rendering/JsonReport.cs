using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Zhengxie.Metrics.Rendering;

namespace Zhengxie.Metrics.Cli.Rendering;

/// <summary>
/// The JSON form of <c>report</c>'s table as displayed: columns, rows with the text and the numbers
/// behind every cell, notes. (The library's lossless JSON of its result types is <c>ZhengxieJson</c>;
/// this is the display table, which has no library type of its own.)
/// </summary>
internal static class JsonReport
{
    internal static void Write(ReportTable table, TextWriter output)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteString("title", table.Caption);
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

    private static void WriteCell(Utf8JsonWriter json, ReportColumnKind kind, ReportCell cell)
    {
        if (cell.IsMissing)
        {
            json.WriteNullValue();
            return;
        }

        if (kind == ReportColumnKind.Text)
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

        if (cell.Contributors is { } contributors)
        {
            json.WriteNumber("committees", contributors);
        }

        if (cell.GroupSize is { } size)
        {
            json.WriteNumber("groupSize", size);
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
