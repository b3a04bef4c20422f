using System.Collections.Generic;
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
    /// <summary>Checks a file's contents.</summary>
    /// <param name="result">What the reader made of the file.</param>
    /// <param name="regions">The region table.</param>
    /// <param name="strict">Whether source inconsistencies are errors.</param>
    /// <returns>Every finding as a line (without the file name), errors before source inconsistencies, and the numbers of errors and warnings.</returns>
    internal static (IReadOnlyList<string> Lines, int Errors, int Warnings) Check(FigureCsvResult result, RegionTable regions, bool strict = false)
    {
        var lines = new List<string>();
        int errors = result.ErrorCount;
        int warnings = result.Findings.Count - result.ErrorCount;
        lines.AddRange(result.Findings.Select(f => f.ToString()));

        foreach (var committee in result.Figures.Select(f => f.Committee).Distinct().Order())
        {
            if (!regions.Contains(committee.Region))
            {
                warnings++;
                lines.Add($"warning: committee {committee}: the code is not in the region table (GB/T 2260, 2023 edition); it may be an older code.");
            }
        }

        // One level finding per committee, however many periods it reports.
        var levelReported = new HashSet<Committee>();
        var findings = FigureValidator.Validate(result.Figures, regions, strict);
        foreach (var finding in findings.Where(f => f.IsError).Concat(findings.Where(f => !f.IsError)))
        {
            if (finding.Rule == ValidationRule.UnknownRegion
                || (finding.Rule == ValidationRule.RegionUnderWrongParent && finding.Committee is { } c && !levelReported.Add(c)))
            {
                continue;
            }

            if (finding.IsError)
            {
                errors++;
                lines.Add("error: " + finding);
            }
            else
            {
                // A source inconsistency: the report's own figures disagree; they are kept as published.
                warnings++;
                lines.Add("warning: " + finding);
            }
        }

        return (lines, errors, warnings);
    }
}
