using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Cli.Rendering;
using Zhengxie.Metrics.Cli.Reporting;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Rendering;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Cli.Commands;

/// <summary><c>report</c>: the indicator table of a CSV file or of the built-in seed reports.</summary>
internal static class ReportCommand
{
    private const int MaxWarnings = 10;

    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Option<string?>("--input", "-i")
        {
            Description = "Figures CSV file (docs/csv-format.md). Without it, the built-in seed reports.",
            HelpName = "FILE.csv",
        };
        var groupBy = new Option<string>("--group-by", "-g")
        {
            Description = "One row per committee (default), or per prefecture, province or administrative level.",
            DefaultValueFactory = _ => "committee",
        };
        Suggestions.AcceptOnly(groupBy, "committee", "prefecture", "province", "level");
        var years = new Option<YearRange?>("--years", "-y")
        {
            Description = "Only these years: 2018..2024, 2020, 2018.. or ..2024 (a session counts in the year it is mapped to).",
            HelpName = "FROM..TO",
            CustomParser = ParseYears,
        };
        var rates = new Option<IReadOnlyList<RateDefinition>?>("--rates", "-r")
        {
            Description = "Comma-separated rates to show: " + string.Join(", ", IndicatorReport.RateNames.Select(r => r.Name)) + ", or all. Default: every rate with a value.",
            HelpName = "NAMES",
            CustomParser = ParseRates,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "table",
        };
        Suggestions.AcceptOnly(format, "table", "md", "csv", "html", "json");
        var headers = new Option<string>("--headers")
        {
            Description = "Column headers in Chinese (zh, the default), English (en) or both.",
            DefaultValueFactory = _ => "zh",
        };
        Suggestions.AcceptOnly(headers, "zh", "en", "both");
        var decimals = new Option<int>("--decimals")
        {
            Description = "Digits after the decimal point of percentages, 0 to 10 (default 1).",
            DefaultValueFactory = _ => 1,
            HelpName = "N",
            CustomParser = ParseDecimals,
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write to this file (UTF-8) instead of standard output.",
            HelpName = "FILE",
        };
        var bom = new Option<bool>("--bom")
        {
            Description = "Begin the --out file with a UTF-8 byte-order mark (for Excel).",
        };
        var skipInvalid = new Option<bool>("--skip-invalid")
        {
            Description = "Report on the valid rows of an input with errors (they are counted on stderr) instead of refusing it.",
        };

        var strict = new Option<bool>("--strict")
        {
            Description = "Treat source inconsistencies (the report's own figures disagreeing) as errors: list them and print no table (exit 1).",
        };

        var command = new Command("report", "Print the indicator table: counts and rates, each rate with its fraction, one row per committee and period (or per group).")
        {
            input, groupBy, years, rates, format, headers, decimals, output, bom, skipInvalid, strict,
        };
        var encoding = InputLoader.EncodingOption();
        command.Options.Add(encoding);
        command.SetAction(parse => Cli.Guard(stderr, () => Run(
            stdout,
            stderr,
            parse.GetValue(input),
            parse.GetValue(groupBy)!,
            parse.GetValue(years),
            parse.GetValue(rates),
            parse.GetValue(format)!,
            TableRenderOptions.Default with { HeaderLanguage = ParseHeaders(parse.GetValue(headers)!), Decimals = parse.GetValue(decimals) },
            parse.GetValue(output),
            parse.GetValue(bom),
            parse.GetValue(skipInvalid),
            parse.GetValue(encoding),
            parse.GetValue(strict))));
        return command;
    }

    /// <summary>A whole number 0..10 in ASCII digits; anything else (abc, 1.5, ９, -1, 11) is one line and exit 2.</summary>
    private static int ParseDecimals(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (text.Length is > 0 and <= 2 && text.All(char.IsAsciiDigit) && int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) is var n and <= 10)
        {
            return n;
        }

        result.AddError($"--decimals: '{text}' is not a number of digits; give a whole number from 0 to 10 in ASCII digits.");
        return 1;
    }

    private static YearRange? ParseYears(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (YearRange.TryParse(text, out var range, out string problem))
        {
            return range;
        }

        result.AddError("--years: " + problem);
        return null;
    }

    private static ReadOnlyCollection<RateDefinition>? ParseRates(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        var list = new List<RateDefinition>();
        foreach (string raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string name = raw.StartsWith("rate.", StringComparison.Ordinal) ? raw["rate.".Length..] : raw;
            name = Measure.Aliases.TryGetValue("rate." + name, out string? current) ? current["rate.".Length..] : name;
            if (name == "all")
            {
                list.AddRange(IndicatorReport.RateNames.Select(r => r.Definition));
                continue;
            }

            var match = IndicatorReport.RateNames.FirstOrDefault(r => r.Name == name);
            if (match.Definition is null)
            {
                result.AddError($"--rates: '{raw}' is not a rate; use {string.Join(", ", IndicatorReport.RateNames.Select(r => r.Name))} or all.");
                return null;
            }

            list.Add(match.Definition);
        }

        if (list.Count == 0)
        {
            result.AddError("--rates: name at least one rate.");
            return null;
        }

        return list.Distinct().ToList().AsReadOnly();
    }

    private static int Run(
        TextWriter stdout,
        TextWriter stderr,
        string? input,
        string groupBy,
        YearRange? years,
        IReadOnlyList<RateDefinition>? rates,
        string format,
        TableRenderOptions render,
        string? output,
        bool bom,
        bool skipInvalid,
        string? encoding,
        bool strict)
    {
        if (bom && output is null)
        {
            throw new UsageException("--bom: a byte-order mark goes only into a file; use it with --out FILE.");
        }

        var outputFormat = format switch
        {
            "md" => OutputFormat.Markdown,
            "csv" => OutputFormat.Csv,
            "html" => OutputFormat.Html,
            "json" => OutputFormat.Json,
            _ => OutputFormat.Table,
        };

        // CSV and JSON carry each cell's coverage in its own field.
        render = render with { ShowCoverage = outputFormat is not (OutputFormat.Csv or OutputFormat.Json) };
        var report = new Request(new ReportOptions(ParseGroupBy(groupBy), years, rates), render, skipInvalid, strict);

        // A file is read as columns (no Figure per row) and the table built while the reader holds them; what the
        // steps have to say goes to stderr once the reading (and its progress line) is over. By committee the table
        // is made of each committee-period's figures, so those are read as figures (the columns would only be a
        // second copy of them).
        var messages = new StringWriter();
        Outcome outcome;
        if (input is null)
        {
            outcome = Prepare(InputLoader.Seed(), null, InputLoader.SeedName, InputLoader.SeedName, report, messages);
        }
        else if (report.Options.GroupBy == GroupBy.Committee)
        {
            var result = InputLoader.ReadFile(input, stderr, encoding);
            outcome = Prepare(result.Figures, result, input, Path.GetFileName(input), report, messages);
        }
        else
        {
            outcome = null!;
            string sourceName = Path.GetFileName(input);
            InputLoader.ReadColumns(input, stderr, encoding, (columns, result) => outcome = Prepare(columns, result, input, sourceName, report, messages));
        }

        stderr.Write(messages.ToString());
        if (outcome.Table is not { } table)
        {
            return outcome.ExitCode;
        }

        var findings = outcome.Findings;
        for (int i = 0; i < findings.Count && i < MaxWarnings; i++)
        {
            stderr.WriteLine("warning: " + findings[i]);
        }

        if (findings.Count > MaxWarnings)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: … and {findings.Count - MaxWarnings} more findings (run 'zhengxie-metrics validate' to list them)."));
        }

        if (output is null)
        {
            ReportWriter.Write(table, outputFormat, stdout);
            stdout.Flush();
        }
        else
        {
            using var writer = new StreamWriter(output, append: false, new UTF8Encoding(bom));
            ReportWriter.Write(table, outputFormat, writer);
        }

        return ExitCodes.Ok;
    }

    /// <summary>The checks and the table of <see cref="Prepare(FigureColumns, FigureCsvResult?, string, string, Request, TextWriter)"/>, on figures (the seed reports, or a file by committee).</summary>
    /// <param name="figures">The figures.</param>
    /// <param name="result">What the reader made of the file; <see langword="null"/> for the seed reports.</param>
    /// <param name="input">The input as named on the command line.</param>
    /// <param name="sourceName">The input's name in messages and the caption.</param>
    /// <param name="request">What was asked.</param>
    /// <param name="stderr">Receives the messages.</param>
    private static Outcome Prepare(IReadOnlyList<Figure> figures, FigureCsvResult? result, string input, string sourceName, Request request, TextWriter stderr)
    {
        if (result is { IsValid: false } && Refuse(result, FileCheck.Check(result, RegionTable.Default).Errors, input, request, stderr) is { } refused)
        {
            return refused;
        }

        if (request.Strict && FigureValidator.Validate(figures, RegionTable.Default, strict: true) is { Count: > 0 } strictFindings)
        {
            return RefuseStrict(strictFindings, sourceName, stderr);
        }

        if (request.Options.Years is { } range && figures.Count > 0 && !figures.Any(f => range.Contains(f.Period.Year)))
        {
            return RefuseYears(figures.Select(f => f.Period.Year), range, sourceName, stderr);
        }

        var table = IndicatorReport.Build(figures, request.Options, request.Render, sourceName, RegionTable.Default, out var findings);
        return new Outcome(ExitCodes.Ok, table, findings);
    }

    /// <summary>
    /// The checks of the input and the table: a file with errors is refused (or, with --skip-invalid, reported on its
    /// valid rows), --strict refuses source inconsistencies, years without figures are refused.
    /// </summary>
    /// <param name="columns">The figures.</param>
    /// <param name="result">What the reader made of the file; <see langword="null"/> for the seed reports.</param>
    /// <param name="input">The input as named on the command line.</param>
    /// <param name="sourceName">The input's name in messages and the caption.</param>
    /// <param name="request">What was asked.</param>
    /// <param name="stderr">Receives the messages.</param>
    private static Outcome Prepare(FigureColumns columns, FigureCsvResult? result, string input, string sourceName, Request request, TextWriter stderr)
    {
        if (result is { IsValid: false }
            && Refuse(result, FileCheck.Write(result, FileCheck.Examine(columns, RegionTable.Default, strict: false), RegionTable.Default).Errors, input, request, stderr) is { } refused)
        {
            return refused;
        }

        if (request.Strict && FigureValidator.Validate(columns, RegionTable.Default, strict: true) is { Count: > 0 } strictFindings)
        {
            return RefuseStrict(strictFindings, sourceName, stderr);
        }

        if (request.Options.Years is { } range && columns.Length > 0 && !AnyIn(columns.Periods, range))
        {
            var years = new int[columns.Length];
            for (int i = 0; i < years.Length; i++)
            {
                years[i] = columns.Periods[i].Year;
            }

            return RefuseYears(years, range, sourceName, stderr);
        }

        var table = IndicatorReport.Build(columns, request.Options, request.Render, sourceName, RegionTable.Default, out var findings);
        return new Outcome(ExitCodes.Ok, table, findings);
    }

    /// <summary>A file with errors: refused (exit 1), or, with --skip-invalid, a warning and <see langword="null"/> (go on with the valid rows).</summary>
    private static Outcome? Refuse(FigureCsvResult result, int errors, string input, Request request, TextWriter stderr)
    {
        // Counted as validate counts them: format errors and errors among the figures.
        if (!request.SkipInvalid)
        {
            string first = result.Findings.First(f => f.IsError).ToString().TrimEnd('.');
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: {input}: {errors} error(s), the first at {first}. Run 'zhengxie-metrics validate {input}' to list them, or pass --skip-invalid to report on the valid rows."));
            return new Outcome(ExitCodes.DataErrors, null, []);
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {input}: {errors} error(s); reporting on the {result.FigureCount} valid figures (run 'zhengxie-metrics validate {input}' to list the errors)."));
        return null;
    }

    /// <summary>--strict: the report's own inconsistencies are errors, as validate --strict counts them.</summary>
    private static Outcome RefuseStrict(IReadOnlyList<ValidationFinding> strictFindings, string sourceName, TextWriter stderr)
    {
        foreach (var finding in strictFindings)
        {
            stderr.WriteLine("error: " + finding);
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: {sourceName}: {strictFindings.Count} error(s) under --strict; no table printed."));
        return new Outcome(ExitCodes.DataErrors, null, []);
    }

    /// <summary>No figure in the years asked for: refused, naming the years the input has.</summary>
    private static Outcome RefuseYears(IEnumerable<int> years, YearRange range, string sourceName, TextWriter stderr)
    {
        var present = years.Distinct().Order().ToList();
        string have = present.Count == 1 ? present[0].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{present[0]}..{present[^1]}");
        stderr.WriteLine($"error: {sourceName}: no figures in the years {range} (the input has figures of {have}); nothing to report.");
        return new Outcome(ExitCodes.DataErrors, null, []);
    }

    private static bool AnyIn(ReadOnlySpan<ReportingPeriod> periods, YearRange range)
    {
        foreach (var period in periods)
        {
            if (range.Contains(period.Year))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What was asked of the table.</summary>
    private sealed record Request(ReportOptions Options, TableRenderOptions Render, bool SkipInvalid, bool Strict);

    /// <summary>The table to print (<see langword="null"/> when there is none: then the exit code) and the findings met building it.</summary>
    private sealed record Outcome(int ExitCode, ReportTable? Table, IReadOnlyList<ValidationFinding> Findings);

    private static HeaderLanguage ParseHeaders(string text) => text switch
    {
        "en" => HeaderLanguage.English,
        "both" => HeaderLanguage.Both,
        _ => HeaderLanguage.Chinese,
    };

    private static GroupBy ParseGroupBy(string text) => text switch
    {
        "prefecture" => GroupBy.Prefecture,
        "province" => GroupBy.Province,
        "level" => GroupBy.Level,
        _ => GroupBy.Committee,
    };
}
