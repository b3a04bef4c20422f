using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Zhengxie.Metrics.Tests.Csv;

namespace Zhengxie.Metrics.Tests.Extraction.Scoring;

/// <summary>
/// Reads the hand-made gold annotations of <c>tests/Zhengxie.Metrics.Tests/Extraction/Data</c>:
/// <c>seeds-gold*.jsonl</c> (the seed reports of docs/seeds) and <c>passages-gold*.jsonl</c> (test passages).
/// One JSON object a line: <c>{"id", "text" or "text_file", "committee"?, "period"?, "figures": [...], "breakdowns": [...]}</c>;
/// <c>text_file</c> is relative to the gold file, as for <c>../shared/tools/score_extraction.py</c>.
/// </summary>
public static class ExtractionGold
{
    /// <summary>Gets the Data folder in the repository (where the gold files are written).</summary>
    public static string SourceDataFolder => Path.Combine(RepositoryFiles.Root, "tests", "Zhengxie.Metrics.Tests", "Extraction", "Data");

    /// <summary>Gets the Data folder copied to the test output.</summary>
    public static string OutputDataFolder => Path.Combine(AppContext.BaseDirectory, "Extraction", "Data");

    /// <summary>Loads every seed report of every <c>seeds-gold*.jsonl</c>.</summary>
    /// <returns>The reports, in file then line order.</returns>
    public static IReadOnlyList<GoldReport> LoadSeeds() => LoadAll("seeds-gold*.jsonl");

    /// <summary>Loads every passage of every <c>passages-gold*.jsonl</c>.</summary>
    /// <returns>The passages, in file then line order.</returns>
    public static IReadOnlyList<GoldReport> LoadPassages() => LoadAll("passages-gold*.jsonl");

    /// <summary>Gets the gold files matching a pattern in the Data folder (the output copy, else the repository's).</summary>
    /// <param name="pattern">The file pattern, such as <c>seeds-gold*.jsonl</c>.</param>
    /// <returns>The paths, sorted ordinally by name.</returns>
    public static IReadOnlyList<string> Files(string pattern)
    {
        string folder = Directory.Exists(OutputDataFolder) ? OutputDataFolder : SourceDataFolder;
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, pattern).OrderBy(Path.GetFileName, StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();
    }

    /// <summary>Loads one gold file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Its reports, in line order.</returns>
    /// <exception cref="InvalidDataException">A line is not a well-formed gold object.</exception>
    public static IReadOnlyList<GoldReport> Load(string path)
    {
        var reports = new List<GoldReport>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                reports.Add(ReadReport(document.RootElement, path));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException or IOException)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} line {lineNumber}: {e.Message}", e);
            }
        }

        return reports;
    }

    /// <summary>Reads the figures of a predictions line (<c>{"id", "figures": [...]}</c>) or a figure array.</summary>
    /// <param name="figures">A JSON array of figure objects.</param>
    /// <returns>The figures.</returns>
    public static IReadOnlyList<GoldFigure> ReadFigures(JsonElement figures) =>
        figures.ValueKind == JsonValueKind.Array ? figures.EnumerateArray().Select(ReadFigure).ToArray() : Array.Empty<GoldFigure>();

    /// <summary>Writes reports as gold JSONL with inline texts (for the python scorer).</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="reports">The reports.</param>
    public static void WriteGold(string path, IEnumerable<GoldReport> reports) =>
        WriteLines(path, reports.Select(r => (r.Id, (string?)r.Text, r.Figures)));

    /// <summary>Writes predictions as JSONL (<c>{"id", "figures"}</c>) for the python scorer.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="predictions">The predicted figures of each report id.</param>
    public static void WritePredictions(string path, IEnumerable<(string Id, IReadOnlyList<GoldFigure> Figures)> predictions) =>
        WriteLines(path, predictions.Select(p => (p.Id, (string?)null, p.Figures)));

    private static void WriteLines(string path, IEnumerable<(string Id, string? Text, IReadOnlyList<GoldFigure> Figures)> lines)
    {
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var stream = File.Create(path);
        foreach (var (id, text, figures) in lines)
        {
            using (var writer = new Utf8JsonWriter(stream, options))
            {
                writer.WriteStartObject();
                writer.WriteString("id", id);
                if (text is not null)
                {
                    writer.WriteString("text", text);
                }

                writer.WriteStartArray("figures");
                foreach (var f in figures)
                {
                    writer.WriteStartObject();
                    writer.WriteString("indicator", f.Indicator);
                    if (f.Value is { } value)
                    {
                        writer.WriteNumber("value", value);
                    }
                    else
                    {
                        writer.WriteNull("value");
                    }

                    writer.WriteString("unit", f.Unit);
                    writer.WriteString("qualifier", f.Qualifier);
                    writer.WriteString("quote", f.Quote);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }
    }

    private static List<GoldReport> LoadAll(string pattern) => Files(pattern).SelectMany(Load).ToList();

    private static GoldReport ReadReport(JsonElement e, string path)
    {
        string id = e.GetProperty("id").GetString() ?? throw new FormatException("\"id\" is null.");
        string text = e.TryGetProperty("text", out var inline) && inline.ValueKind == JsonValueKind.String
            ? inline.GetString()!
            : File.ReadAllText(ResolveTextFile(path, e.GetProperty("text_file").GetString() ?? throw new FormatException("\"text_file\" is null.")), Encoding.UTF8);
        return new GoldReport(
            id,
            text,
            e.TryGetProperty("figures", out var figures) ? ReadFigures(figures) : Array.Empty<GoldFigure>(),
            e.TryGetProperty("breakdowns", out var breakdowns) ? ReadFigures(breakdowns) : Array.Empty<GoldFigure>())
        {
            Committee = OptionalString(e, "committee"),
            Period = OptionalString(e, "period"),
            SourceFile = path,
        };
    }

    /// <summary>
    /// Resolves <c>text_file</c> relative to the gold file; when the gold file is the copy in the test
    /// output, the same relative path is resolved from the repository's Data folder.
    /// </summary>
    private static string ResolveTextFile(string goldPath, string textFile)
    {
        string beside = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(goldPath))!, textFile));
        if (File.Exists(beside))
        {
            return beside;
        }

        string fromSource = Path.GetFullPath(Path.Combine(SourceDataFolder, textFile));
        return File.Exists(fromSource)
            ? fromSource
            : throw new FileNotFoundException($"text_file '{textFile}' is found neither beside {goldPath} nor in {SourceDataFolder}.", textFile);
    }

    private static GoldFigure ReadFigure(JsonElement f)
    {
        var value = f.TryGetProperty("value", out var v) && v.ValueKind != JsonValueKind.Null ? v.GetDecimal() : (decimal?)null;
        return new GoldFigure(
            OptionalString(f, "indicator") ?? string.Empty,
            value,
            OptionalString(f, "unit") ?? string.Empty,
            OptionalString(f, "qualifier") ?? string.Empty,
            OptionalString(f, "quote") ?? string.Empty,
            OptionalString(f, "scope"),
            OptionalString(f, "topic"));
    }

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
