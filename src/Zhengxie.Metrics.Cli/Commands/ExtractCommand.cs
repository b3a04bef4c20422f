using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Zhengxie.Metrics.Cli.Rendering;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Extraction;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Cli.Commands;

/// <summary>
/// <c>extract FILE…</c>: the figures of work reports' text, each with its quote; <c>extract --jsonl IN.jsonl</c>: one
/// JSON object a line in, one a line out (the scorer's format).
/// </summary>
internal static class ExtractCommand
{
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Report text files (UTF-8 with or without a byte-order mark, or GB18030 with --encoding gb18030).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var committee = new Option<Committee?>("--committee", "-c")
        {
            Description = "The committee of every input: its GB/T 2260 code (330324, 331100/county) or a unique region name (永嘉县). Without it, the committee the text names.",
            HelpName = "CODE",
            CustomParser = ParseCommittee,
        };
        var period = new Option<ReportingPeriod?>("--period", "-p")
        {
            Description = "The period of every input: a year (2020), a session (4.4@2020) or since a session (11.1+@2022). Without it, the period the text names.",
            HelpName = "P",
            CustomParser = ParsePeriod,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "table: figures with their quotes; csv: the figures CSV format (docs/csv-format.md) that report --input and validate read; json: everything the extractor found.",
            DefaultValueFactory = _ => "table",
        };
        Suggestions.AcceptOnly(format, "table", "csv", "json");
        // The same option as report's and validate's (utf-8, gb18030, gbk).
        var encoding = InputLoader.EncodingOption();
        var jsonl = new Option<string?>("--jsonl")
        {
            Description = "Batch mode: read one JSON object a line ({\"id\", \"text\" or \"text_file\" (relative to IN.jsonl), optional \"committee\", \"period\"}) and write one a line: {\"id\", \"committee\", \"period\", \"figures\", \"breakdowns\"}.",
            HelpName = "IN.jsonl",
        };

        var command = new Command("extract", "Extract the figures of work reports' text (提案工作情况报告, 政协工作报告), each with the verbatim quote it came from.")
        {
            files, committee, period, format, encoding, jsonl,
        };
        command.SetAction(parse => Cli.Guard(stderr, () => Run(
            stdout,
            stderr,
            parse.GetValue(files) ?? [],
            parse.GetValue(committee),
            parse.GetValue(period),
            parse.GetValue(format)!,
            TextInput.Parse(parse.GetValue(encoding)),
            parse.GetValue(jsonl))));
        return command;
    }

    private static Committee? ParseCommittee(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value.Trim() : string.Empty;
        if (Committee.TryParse(text, out var committee))
        {
            return committee;
        }

        if (text.Length > 0)
        {
            var found = RegionTable.Default.FindByName(text);
            if (found.Count == 1)
            {
                return found[0].Committee;
            }

            if (found.Count > 1)
            {
                string names = string.Join(", ", found.Take(5).Select(r => r.Code + " " + r.Name));
                result.AddError($"--committee: '{text}' names {found.Count} regions ({names}); give the six-digit code.");
                return null;
            }
        }

        result.AddError($"--committee: '{text}' is not a committee; give its six-digit GB/T 2260 code (330324) or a region name (永嘉县); 'zhengxie-metrics regions NAME' looks codes up.");
        return null;
    }

    private static ReportingPeriod? ParsePeriod(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value.Trim() : string.Empty;
        if (ReportingPeriod.TryParse(text, out var period))
        {
            return period;
        }

        result.AddError($"--period: '{text}' is not a period; give a year (2020), a session (4.4@2020) or since a session (11.1+@2022).");
        return null;
    }

    private static int Run(
        TextWriter stdout,
        TextWriter stderr,
        string[] files,
        Committee? committee,
        ReportingPeriod? period,
        string format,
        TextEncoding encoding,
        string? jsonl)
    {
        var extractor = new ReportExtractor();
        if (jsonl is not null)
        {
            if (files.Length > 0)
            {
                throw new UsageException("--jsonl reads its passages from IN.jsonl; give either report files or --jsonl, not both.");
            }

            if (format != "table")
            {
                throw new UsageException("--jsonl writes JSON lines; --format applies to report files only.");
            }

            return RunBatch(stdout, stderr, extractor, jsonl, committee, period, encoding);
        }

        if (files.Length == 0)
        {
            throw new UsageException("give one or more report text files, or --jsonl IN.jsonl (see 'zhengxie-metrics extract --help').");
        }

        // Read every file first, so that an unreadable one fails before anything is printed.
        var reports = new List<(string Path, ExtractionResult Result)>(files.Length);
        foreach (string path in files)
        {
            string text = TextInput.ReadFile(path, encoding);
            var context = new ExtractionContext(committee, period, Path.GetFileName(path));
            reports.Add((path, extractor.Extract(text, context)));
        }

        switch (format)
        {
            case "csv":
                return WriteCsv(stdout, stderr, reports);
            case "json":
                ExtractionWriter.WriteJson(reports, stdout);
                return ExitCodes.Ok;
            default:
                ExtractionWriter.WriteTable(reports, RegionTable.Default, stdout);
                return ExitCodes.Ok;
        }
    }

    private static int WriteCsv(TextWriter stdout, TextWriter stderr, List<(string Path, ExtractionResult Result)> reports)
    {
        var unknown = reports.Where(r => r.Result.Committee is null || r.Result.Period is null).ToList();
        if (unknown.Count > 0)
        {
            foreach (var (path, result) in unknown)
            {
                string what = result.Committee is null && result.Period is null ? "committee and period"
                    : result.Committee is null ? "committee" : "period";
                string options = result.Committee is null && result.Period is null ? "--committee CODE and --period P"
                    : result.Committee is null ? "--committee CODE" : "--period P";
                stderr.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"error: {path}: the text does not name its {what}, which every CSV row needs; pass {options} (for one report at a time), or use --format table or json."));
            }

            return ExitCodes.Usage;
        }

        FigureCsvWriter.Write(DistinguishRepeats(reports.SelectMany(r => r.Result.ToFigures()).ToList()), stdout);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// A measure that a report states several times with different values (乌当: 意见建议 29条 from the plenary,
    /// 50余条 from inspections) is not known to have a total among them: each such figure without a topic takes its
    /// quote as its topic, so that the rows do not contradict each other and none is taken for the committee's total
    /// (the extractor gives the later statements their occasion as topic; this covers the first one).
    /// </summary>
    internal static List<Figure> DistinguishRepeats(List<Figure> figures)
    {
        var repeated = figures
            .GroupBy(f => (f.Committee, f.Period, f.Measure, f.Scope))
            .Where(g => g.Select(f => (f.Value, f.Unit, f.Qualifier)).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToHashSet();
        if (repeated.Count == 0)
        {
            return figures;
        }

        return figures
            .Select(f => f.Topic is null && f.Source?.Quote is { Length: > 0 } quote && repeated.Contains((f.Committee, f.Period, f.Measure, f.Scope))
                ? new Figure(f.Committee, f.Period, f.Measure, f.Value, f.Unit, f.Qualifier, f.Scope, Cli.OneLine(quote), f.Source)
                : f)
            .ToList();
    }

    private static int RunBatch(
        TextWriter stdout,
        TextWriter stderr,
        ReportExtractor extractor,
        string path,
        Committee? committee,
        ReportingPeriod? period,
        TextEncoding encoding)
    {
        string all = TextInput.ReadFile(path, encoding);
        int lineNumber = 0;
        int errors = 0;
        int written = 0;
        using var reader = new StringReader(all);
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!BatchLine.TryParse(line, committee, period, Path.GetDirectoryName(Path.GetFullPath(path))!, encoding, out var input, out string problem))
            {
                errors++;
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: {path}, line {lineNumber}: {problem}"));
                continue;
            }

            var result = extractor.Extract(input.Text, new ExtractionContext(input.Committee, input.Period, input.Id));
            ExtractionWriter.WriteJsonLine(input.Id, result, stdout);
            written++;
        }

        stdout.Flush();
        if (errors > 0)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: {path}: {errors} line(s) could not be read; {written} passage(s) extracted."));
            return ExitCodes.DataErrors;
        }

        return ExitCodes.Ok;
    }

    /// <summary>One input line of the batch mode.</summary>
    private readonly record struct BatchLine(string Id, string Text, Committee? Committee, ReportingPeriod? Period)
    {
        internal static bool TryParse(
            string line,
            Committee? committee,
            ReportingPeriod? period,
            string folder,
            TextEncoding encoding,
            out BatchLine input,
            out string problem)
        {
            input = default;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                problem = "not a JSON object: " + Cli.OneLine(e.Message);
                return false;
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    problem = "not a JSON object; write {\"id\": \"…\", \"text\": \"…\"} on each line.";
                    return false;
                }

                string? id = root.TryGetProperty("id", out var idElement)
                    ? idElement.ValueKind switch
                    {
                        JsonValueKind.String => idElement.GetString(),
                        JsonValueKind.Number => idElement.GetRawText(),
                        _ => null,
                    }
                    : null;
                if (string.IsNullOrEmpty(id))
                {
                    problem = "\"id\" is missing or not a string.";
                    return false;
                }

                string text;
                if (root.TryGetProperty("text", out var textElement) && textElement.ValueKind == JsonValueKind.String)
                {
                    text = textElement.GetString()!;
                }
                else if (root.TryGetProperty("text_file", out var fileElement) && fileElement.ValueKind == JsonValueKind.String)
                {
                    // As in the gold files: a text file relative to the JSONL file.
                    string file = Path.Combine(folder, fileElement.GetString()!);
                    try
                    {
                        text = TextInput.ReadFile(file, encoding);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or UsageException)
                    {
                        problem = $"passage {id}: \"text_file\": " + Cli.OneLine(e.Message);
                        return false;
                    }
                }
                else
                {
                    problem = $"passage {id}: \"text\" (or \"text_file\") is missing or not a string.";
                    return false;
                }

                if (root.TryGetProperty("committee", out var c) && c.ValueKind != JsonValueKind.Null)
                {
                    string code = c.ValueKind == JsonValueKind.Number ? c.GetRawText() : c.ValueKind == JsonValueKind.String ? c.GetString()! : string.Empty;
                    if (!Metrics.Committee.TryParse(code, out var parsed))
                    {
                        problem = $"passage {id}: \"committee\" '{code}' is not a committee code (330324, 331100/county).";
                        return false;
                    }

                    committee = parsed;
                }

                if (root.TryGetProperty("period", out var p) && p.ValueKind != JsonValueKind.Null)
                {
                    string word = p.ValueKind == JsonValueKind.Number ? p.GetRawText() : p.ValueKind == JsonValueKind.String ? p.GetString()! : string.Empty;
                    if (!ReportingPeriod.TryParse(word, out var parsed))
                    {
                        problem = $"passage {id}: \"period\" '{word}' is not a period (2020, 4.4@2020, 11.1+@2022).";
                        return false;
                    }

                    period = parsed;
                }

                input = new BatchLine(id, text, committee, period);
                problem = string.Empty;
                return true;
            }
        }
    }
}
