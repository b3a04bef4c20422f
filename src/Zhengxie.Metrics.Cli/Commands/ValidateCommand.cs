using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Cli.Commands;

/// <summary><c>validate FILE.csv</c>: every finding of a figures file, and a non-zero exit when there are errors.</summary>
internal static class ValidateCommand
{
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE.csv") { Description = "The figures CSV file to check (docs/csv-format.md)." };
        var strict = new Option<bool>("--strict")
        {
            Description = "Treat source inconsistencies (a report's own figures disagreeing: filed > received, a stated rate no count fits) as errors.",
        };
        var command = new Command("validate", "Check a figures CSV file: its format (line and column of every problem), then the figures (filed ≤ received, replied ≤ filed, …, known region codes). Prints every finding; malformed input is an error, a report's own figures disagreeing is a warning (a source inconsistency) unless --strict. Exits with 1 when there are errors.")
        {
            file, strict,
        };
        var encoding = InputLoader.EncodingOption();
        command.Options.Add(encoding);
        command.SetAction(parse => Cli.Guard(stderr, () => Run(stdout, stderr, parse.GetValue(file)!, parse.GetValue(encoding), parse.GetValue(strict))));
        return command;
    }

    private static int Run(TextWriter stdout, TextWriter stderr, string path, string? encoding, bool strict)
    {
        // The figures come as columns (no Figure per row) and are checked while the reader holds them.
        var figures = FileCheck.FigureFindings.None;
        var result = InputLoader.ReadColumns(path, stderr, encoding, (columns, _) =>
        {
            // The reader's duplicate table (one entry per row) is garbage now: reclaim it before the checks allocate.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            figures = FileCheck.Examine(columns, RegionTable.Default, strict);
        });
        var (errors, warnings) = FileCheck.Write(result, figures, RegionTable.Default, stdout, path + ": ");

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {result.RowCount} rows, {result.FigureCount} figures loaded, {errors} error(s), {warnings} warning(s)."));
        return errors > 0 ? ExitCodes.DataErrors : ExitCodes.Ok;
    }
}
