using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Zhengxie.Metrics.Notebooks.Tests;

/// <summary>
/// Runs a Polyglot (.NET Interactive) notebook's C# cells in order with Roslyn scripting, as the
/// kernel does, replacing each <c>#r "nuget: …"</c> line by a reference to the assembly this test
/// project already has (the built library in place of the published package).
/// </summary>
internal static partial class NotebookRunner
{
    /// <summary>The packages a notebook may reference, and an assembly of each that this project loads.</summary>
    private static readonly Dictionary<string, Assembly[]> Packages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Zhengxie.Metrics"] = [typeof(Rate).Assembly],
        ["Zhengxie.Metrics.Csv"] = [Assembly.Load("Zhengxie.Metrics.Csv")],
        ["Plotly.NET.CSharp"] = [typeof(Plotly.NET.CSharp.Chart).Assembly, typeof(Plotly.NET.GenericChart).Assembly],
        ["NodaTime"] = [typeof(NodaTime.LocalDate).Assembly],
    };

    internal static IReadOnlyList<NotebookCell> ReadCells(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var cells = new List<NotebookCell>();
        int index = 0;
        foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray())
        {
            index++;
            if (cell.GetProperty("cell_type").GetString() != "code")
            {
                continue;
            }

            string language = "csharp";
            if (cell.TryGetProperty("metadata", out var meta)
                && meta.TryGetProperty("dotnet_interactive", out var di)
                && di.TryGetProperty("language", out var lang))
            {
                language = lang.GetString() ?? "csharp";
            }

            var source = cell.GetProperty("source");
            string text = source.ValueKind == JsonValueKind.Array
                ? string.Concat(source.EnumerateArray().Select(s => s.GetString()))
                : source.GetString() ?? string.Empty;
            cells.Add(new NotebookCell(index, language, text));
        }

        return cells;
    }

    internal static async Task<NotebookRun> RunAsync(string path)
    {
        var run = new NotebookRun(path);
        var globals = new NotebookGlobals(run);
        var options = ScriptOptions.Default
            .WithReferences(typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(NotebookGlobals).Assembly)
            .WithImports("System", "System.Linq", "System.Collections.Generic", "System.IO");
        ScriptState<object>? state = null;
        string previousDirectory = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            foreach (var cell in ReadCells(path))
            {
                if (cell.Language != "csharp")
                {
                    throw new InvalidOperationException($"{Path.GetFileName(path)} cell {cell.Index}: only C# cells are supported, found '{cell.Language}'.");
                }

                string code = ResolveReferences(cell, ref options);
                if (string.IsNullOrWhiteSpace(code))
                {
                    continue;
                }

                run.CurrentCell = cell.Index;
                try
                {
                    state = state is null
                        ? await CSharpScript.RunAsync(code, options, globals, typeof(NotebookGlobals))
                        : await state.ContinueWithAsync(code, options);
                }
                catch (CompilationErrorException e)
                {
                    throw new NotebookCellException(path, cell.Index, "does not compile: " + string.Join("; ", e.Diagnostics), e);
                }
                catch (Exception e) when (e is not NotebookCellException)
                {
                    throw new NotebookCellException(path, cell.Index, "throws " + e.GetType().Name + ": " + e.Message, e);
                }

                if (state.ReturnValue is { } value)
                {
                    // A trailing expression is displayed by the kernel, like display(value).
                    globals.display(value);
                }

                run.CellsRun++;
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
        }

        return run;
    }

    private static string ResolveReferences(NotebookCell cell, ref ScriptOptions options)
    {
        var kept = new List<string>();
        foreach (string line in cell.Source.Split('\n'))
        {
            var match = NugetReference().Match(line);
            if (match.Success)
            {
                string package = match.Groups["name"].Value.Trim();
                if (!Packages.TryGetValue(package, out var assemblies))
                {
                    throw new InvalidOperationException($"cell {cell.Index}: the test does not know package '{package}'; add it to NotebookRunner.Packages and the test project.");
                }

                options = options.AddReferences(assemblies);
                kept.Add(string.Empty);
                continue;
            }

            kept.Add(line.TrimStart().StartsWith("#!", StringComparison.Ordinal) ? string.Empty : line);
        }

        return string.Join('\n', kept);
    }

    [GeneratedRegex("^\\s*#r\\s+\"nuget:\\s*(?<name>[^,\"]+)(,[^\"]*)?\"\\s*$")]
    private static partial Regex NugetReference();
}

internal sealed record NotebookCell(int Index, string Language, string Source);

internal sealed class NotebookRun(string path)
{
    public string Path { get; } = path;

    public int CurrentCell { get; set; }

    public int CellsRun { get; set; }

    /// <summary>What each cell displayed, in order: HTML, plain text (none for raw HTML) and, for a chart, its SVG rendering.</summary>
    public List<DisplayedValue> Displayed { get; } = [];
}

internal sealed record DisplayedValue(int Cell, object Value, string Html, string? Plain, string? Svg);

internal sealed class NotebookCellException(string path, int cell, string message, Exception inner)
    : Exception($"{System.IO.Path.GetFileName(path)}, cell {cell}: {message}", inner);

/// <summary>What a notebook cell can call, as the kernel provides it: <c>display</c> and <c>HTML</c>.</summary>
public sealed class NotebookGlobals
{
    private readonly NotebookRun run;

    internal NotebookGlobals(NotebookRun run) => this.run = run;

    /// <summary>Displays a value: formats it as the kernel would, and fails if it is an empty table.</summary>
    public object display(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string html = KernelFormatting.FormatHtml(value) ?? DefaultFormatting.Html(value);
        if (KernelFormatting.IsEmptyTable(value))
        {
            throw new NotebookCellException(run.Path, run.CurrentCell, $"displays an empty {value.GetType().Name}", new InvalidOperationException("empty table"));
        }

        // A Plotly chart's HTML draws with a script, which a repository page does not run: its outputs are an SVG drawing of its data.
        string? svg = value is HtmlText ? ChartSvg.FromPlotlyHtml(html) : null;
        string? plain = value is HtmlText ? (svg is null ? null : "a chart (run the notebook for the interactive Plotly chart)") : DefaultFormatting.Text(value);
        run.Displayed.Add(new DisplayedValue(run.CurrentCell, value, html, plain, svg));
        return value;
    }

    /// <summary>Wraps HTML text for display, like the kernel's <c>HTML(…)</c>.</summary>
    public HtmlText HTML(string html) => new(html);
}

/// <summary>HTML text displayed as is.</summary>
public sealed record HtmlText(string Html)
{
    /// <inheritdoc />
    public override string ToString() => Html;
}

/// <summary>The kernel's by-name formatter convention, reproduced: <c>TypeFormatterSourceAttribute</c> → source → <c>CreateTypeFormatters()</c>.</summary>
internal static class KernelFormatting
{
    internal static string? FormatHtml(object value) => Format(value, "text/html");

    internal static string? Format(object value, string mimeType)
    {
        if (value is HtmlText text)
        {
            return text.Html;
        }

        for (var type = value.GetType(); type is not null; type = type.BaseType)
        {
            foreach (var attribute in type.GetCustomAttributes(false))
            {
                if (attribute.GetType().Name != "TypeFormatterSourceAttribute")
                {
                    continue;
                }

                var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
                object source = Activator.CreateInstance(sourceType, nonPublic: true)!;
                var formatters = (IEnumerable)sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(source, null)!;
                foreach (object formatter in formatters)
                {
                    var ft = formatter.GetType();
                    if ((string?)ft.GetProperty("MimeType")!.GetValue(formatter) != mimeType)
                    {
                        continue;
                    }

                    using var writer = new StringWriter();
                    object? handled = ft.GetMethod("Format", [typeof(object), typeof(TextWriter)])!.Invoke(formatter, [value, writer]);
                    if (handled is not false)
                    {
                        return writer.ToString();
                    }
                }
            }
        }

        return null;
    }

    internal static bool IsEmptyTable(object value)
    {
        if (value is string)
        {
            return false;
        }

        var rows = value.GetType().GetProperty("Rows");
        if (rows?.GetValue(value) is ICollection collection)
        {
            return collection.Count == 0;
        }

        if (rows?.GetValue(value) is IEnumerable enumerable)
        {
            return !enumerable.Cast<object>().Any();
        }

        return value is ICollection c && c.Count == 0;
    }
}
