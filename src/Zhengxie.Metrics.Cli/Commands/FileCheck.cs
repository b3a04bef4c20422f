using System.Collections.Generic;
using System.IO;
using System.Linq;
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
    /// <summary>Checks a file's contents, writing each finding as it is found (nothing is collected, so a file with many findings costs no memory for them).</summary>
    /// <param name="result">What the reader made of the file.</param>
    /// <param name="regions">The region table.</param>
    /// <param name="strict">Whether source inconsistencies are errors.</param>
    /// <param name="output">Receives every finding as a line, errors of the figures before their source inconsistencies; <see langword="null"/> to count only.</param>
    /// <param name="prefix">Written before each line (the file name and a colon).</param>
    /// <returns>The numbers of errors and warnings.</returns>
    internal static (int Errors, int Warnings) Check(FigureCsvResult result, RegionTable regions, bool strict = false, TextWriter? output = null, string prefix = "")
    {
        int errors = result.ErrorCount;
        int warnings = result.Findings.Count - result.ErrorCount;
        foreach (var finding in result.Findings)
        {
            Write(output, prefix, null, finding.ToString());
        }

        // The distinct committees, each looked up once (figures of one committee come together).
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

        foreach (var committee in committees.Order())
        {
            if (!regions.Contains(committee.Region))
            {
                warnings++;
                Write(output, prefix, null, $"warning: committee {committee}: the code is not in the region table (GB/T 2260, 2023 edition); it may be an older code.");
            }
        }

        // One level finding per committee, however many periods it reports.
        var levelReported = new HashSet<Committee>();
        var findings = FigureValidator.Validate(result.Figures, regions, strict);
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
