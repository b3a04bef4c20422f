using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Zhengxie.Metrics.Notebooks.Tests;

/// <summary>
/// The outputs of a notebook run as nbformat 4 output objects (<c>display_data</c> with <c>text/html</c>
/// and <c>text/plain</c>, or <c>image/svg+xml</c> for a chart), written into the .ipynb so that it shows
/// its tables and charts on a repository page without running, and compared with the committed ones.
/// </summary>
internal static partial class NotebookOutputs
{
    /// <summary>The environment variable that makes the notebook tests write fresh outputs into docs/notebooks.</summary>
    internal const string UpdateVariable = "ZHENGXIE_UPDATE_NOTEBOOKS";

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the run's outputs into the notebook's code cells (every other part of the file is kept).</summary>
    internal static void Write(string path, NotebookRun run)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var (cell, index) in CodeCells(notebook))
        {
            cell["outputs"] = For(run, index);
        }

        File.WriteAllText(path, notebook.ToJsonString(Written) + "\n", new UTF8Encoding(false));
    }

    /// <summary>The code cells whose committed outputs differ from the run's (missing, stale or extra), as "cell N" descriptions.</summary>
    internal static IReadOnlyList<string> Differences(string path, NotebookRun run)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(path))!;
        var differences = new List<string>();
        foreach (var (cell, index) in CodeCells(notebook))
        {
            string committed = Normalise(cell["outputs"] as JsonArray ?? []);
            string fresh = Normalise(For(run, index));
            if (committed != fresh)
            {
                int at = FirstDifference(committed, fresh);
                differences.Add($"cell {index}: committed {Describe(committed, at)}, a fresh run gives {Describe(fresh, at)}");
            }
        }

        return differences;
    }

    /// <summary>The outputs of one cell (numbered as <see cref="NotebookRunner.ReadCells"/> numbers them).</summary>
    internal static JsonArray For(NotebookRun run, int cell)
    {
        var outputs = new JsonArray();
        foreach (var shown in run.Displayed.Where(d => d.Cell == cell))
        {
            var data = new JsonObject();
            if (shown.Svg is not null)
            {
                data["image/svg+xml"] = Lines(shown.Svg);
            }
            else if (shown.Value is not string)
            {
                // Text is displayed as text only, as the kernel does.
                data["text/html"] = Lines(shown.Html);
            }

            if (shown.Plain is not null)
            {
                data["text/plain"] = Lines(shown.Plain);
            }

            outputs.Add(new JsonObject
            {
                ["output_type"] = "display_data",
                ["data"] = data,
                ["metadata"] = new JsonObject(),
            });
        }

        return outputs;
    }

    /// <summary>Outputs as comparable text: multi-line strings joined, line ends and generated element ids made uniform.</summary>
    internal static string Normalise(JsonArray outputs)
    {
        var text = new StringBuilder();
        foreach (var output in outputs)
        {
            text.Append(output?["output_type"]?.GetValue<string>()).Append('\n');
            if (output?["data"] is not JsonObject data)
            {
                continue;
            }

            foreach (var (mime, value) in data.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                string content = value is JsonArray lines ? string.Concat(lines.Select(l => l?.GetValue<string>())) : value?.GetValue<string>() ?? string.Empty;
                content = Guid().Replace(content.Replace("\r\n", "\n", StringComparison.Ordinal), "<id>");
                text.Append(mime).Append(": ").Append(content).Append('\n');
            }
        }

        return text.ToString();
    }

    private static IEnumerable<(JsonObject Cell, int Index)> CodeCells(JsonNode notebook)
    {
        int index = 0;
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            index++;
            if (cell!["cell_type"]!.GetValue<string>() == "code")
            {
                yield return (cell.AsObject(), index);
            }
        }
    }

    /// <summary>A text as nbformat stores it: a list of lines, each but the last ending in a line feed.</summary>
    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    private static int FirstDifference(string a, string b)
    {
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    /// <summary>The text around where the two outputs part, or "no output".</summary>
    private static string Describe(string normalised, int at)
    {
        if (normalised.Length == 0)
        {
            return "no output";
        }

        int from = Math.Max(0, at - 40);
        int to = Math.Min(normalised.Length, at + 80);
        return (from > 0 ? "…" : string.Empty) + normalised[from..to].ReplaceLineEndings(" ") + (to < normalised.Length ? "…" : string.Empty);
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
