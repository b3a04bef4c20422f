using System.Collections.Generic;
using System.IO;
using System.Linq;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Cli.Commands;

/// <summary>
/// The checks of a figures file that <c>validate</c> lists and <c>report</c> counts, so both count the
/// errors of one file the same way: the format findings of the reader, then the figure rules of
/// <see cref="FigureValidator"/> against the region table (a committee at another level than its region's
/// is an error; a code missing from the table is a warning, as it may be an older code). A source inconsistency
/// (the report's own figures disagreeing, kept as published) is a warning unless strict.
/// </summary>
internal static class FileCheck
{
    /// <summary>Checks a file's contents read as figures (<see cref="FigureCsvResult.Figures"/>), writing each finding as it is found.</summary>
    /// <param name="result">What the reader made of the file.</param>
    /// <param name="regions">The region table.</param>
    /// <param name="strict">Whether source inconsistencies are errors.</param>
    /// <param name="output">Receives every finding as a line, errors of the figures before their source inconsistencies; <see langword="null"/> to count only.</param>
    /// <param name="prefix">Written before each line (the file name and a colon).</param>
    /// <returns>The numbers of errors and warnings.</returns>
    internal static (int Errors, int Warnings) Check(FigureCsvResult result, RegionTable regions, bool strict = false, TextWriter? output = null, string prefix = "")
    {
        var committees = new HashSet<Committee>();
        Committee last = default;
        foreach (var figure in result.Figures)
        {
            if (figure.Committee != last)
            {
                last = figure.Committee;
                committees.Add(last);
            }
        }

        var figures = new FigureFindings([.. committees.Order()], FigureValidator.Validate(result.Figures, regions, strict));
        return Write(result, figures, regions, output, prefix);
    }

    /// <summary>The checks of the figures of a file given as columns (no <see cref="Figure"/> per row): what <see cref="Write(FigureCsvResult, FigureFindings, RegionTable, TextWriter?, string)"/> lists after the reader's findings.</summary>
    /// <param name="columns">The figures of the file's valid rows.</param>
    /// <param name="regions">The region table.</param>
    /// <param name="strict">Whether source inconsistencies are errors.</param>
    /// <returns>The distinct committees, in order, and the findings of <see cref="FigureValidator"/>.</returns>
    internal static FigureFindings Examine(FigureColumns columns, RegionTable regions, bool strict)
    {
        // The distinct committees, each looked up once (figures of one committee come together).
        var committees = new HashSet<Committee>();
        Committee last = default;
        foreach (var committee in columns.Committees)
        {
            if (committee != last)
            {
                last = committee;
                committees.Add(last);
            }
        }

        return new FigureFindings([.. committees.Order()], FigureValidator.Validate(columns, regions, strict));
    }

    /// <summary>Writes (or only counts) the findings of a file: the reader's, then committees missing from the region table, then the figures' errors and source inconsistencies.</summary>
    /// <param name="result">What the reader made of the file.</param>
    /// <param name="figures">What <see cref="Examine"/> found in its figures.</param>
    /// <param name="regions">The region table.</param>
    /// <param name="output">Receives every finding as a line; <see langword="null"/> to count only.</param>
    /// <param name="prefix">Written before each line (the file name and a colon).</param>
    /// <returns>The numbers of errors and warnings.</returns>
    internal static (int Errors, int Warnings) Write(FigureCsvResult result, FigureFindings figures, RegionTable regions, TextWriter? output = null, string prefix = "")
    {
        int errors = result.ErrorCount;
        int warnings = result.Findings.Count - result.ErrorCount;
        foreach (var finding in result.Findings)
        {
            Write(output, prefix, null, finding.ToString());
        }

        foreach (var committee in figures.Committees)
        {
            if (!regions.Contains(committee.Region))
            {
                warnings++;
                Write(output, prefix, null, $"warning: committee {committee}: the code is not in the region table (GB/T 2260, 2023 edition); it may be an older code.");
            }
        }

        // One level finding per committee, however many periods it reports.
        var levelReported = new HashSet<Committee>();
        var findings = figures.Findings;
        foreach (bool errorPass in (bool[])[true, false])
        {
            foreach (var finding in findings)
            {
                if (finding.IsError != errorPass
                    || finding.Rule == ValidationRule.UnknownRegion
                    || (finding.Rule == ValidationRule.RegionUnderWrongParent && finding.Committee is { } c && !levelReported.Add(c)))
                {
                    continue;
                }

                if (finding.IsError)
                {
                    errors++;
                    Write(output, prefix, "error: ", finding.ToString());
                }
                else
                {
                    // A source inconsistency: the report's own figures disagree; they are kept as published.
                    warnings++;
                    Write(output, prefix, "warning: ", finding.ToString());
                }
            }
        }

        return (errors, warnings);
    }

    /// <summary>What the checks of a file's figures found.</summary>
    /// <param name="Committees">The distinct committees of the figures, in order.</param>
    /// <param name="Findings">The findings of <see cref="FigureValidator"/>.</param>
    internal sealed record FigureFindings(IReadOnlyList<Committee> Committees, IReadOnlyList<ValidationFinding> Findings)
    {
        /// <summary>No figures, nothing found (a file that does not decode).</summary>
        internal static readonly FigureFindings None = new([], []);
    }

    private static void Write(TextWriter? output, string prefix, string? kind, string line)
    {
        if (output is null)
        {
            return;
        }

        output.Write(prefix);
        output.Write(kind);
        output.WriteLine(line);
    }
}
