using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// What <see cref="FigureCsvReader"/> read from a file: the figures of every valid row, in file order,
/// and the findings of the whole file. A row with an error is not among the figures, and its error is
/// among the findings, so a partly valid file can be used knowingly, never silently truncated.
/// Immutable and thread-safe.
/// </summary>
public sealed class FigureCsvResult
{
    internal FigureCsvResult(IReadOnlyList<Figure> figures, IReadOnlyList<FigureCsvFinding> findings, int rowCount, int figureCount)
    {
        Figures = figures;
        FigureCount = figureCount;
        Findings = findings;
        RowCount = rowCount;
        ErrorCount = findings.Count(f => f.IsError);
    }

    /// <summary>Gets the figures of the valid rows, in file order.</summary>
    public IReadOnlyList<Figure> Figures { get; }

    /// <summary>
    /// Gets the number of figures loaded: the count of <see cref="Figures"/>, or, after
    /// <see cref="FigureCsvReader.ReadInto(Aggregation.FigureDatasetBuilder, string, FigureCsvEncoding, IProgress{int}?)"/>,
    /// the number of figures added to the builder (<see cref="Figures"/> is empty then).
    /// </summary>
    public int FigureCount { get; }

    /// <summary>Gets every finding, errors and warnings, by line.</summary>
    public IReadOnlyList<FigureCsvFinding> Findings { get; }

    /// <summary>Gets the number of data rows read (blank lines and the header excluded).</summary>
    public int RowCount { get; }

    /// <summary>Gets the number of errors among the <see cref="Findings"/>.</summary>
    public int ErrorCount { get; }

    /// <summary>Gets a value indicating whether the file has no errors (warnings allowed): every row is among the <see cref="Figures"/>.</summary>
    public bool IsValid => ErrorCount == 0;

    /// <summary>Returns the figures when the file has no errors.</summary>
    /// <returns>The figures.</returns>
    /// <exception cref="FigureCsvException">The file has errors; the exception carries every finding.</exception>
    public IReadOnlyList<Figure> GetFiguresOrThrow()
    {
        if (IsValid)
        {
            return Figures;
        }

        var first = Findings.First(f => f.IsError);
        string more = ErrorCount > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {ErrorCount - 1} more errors)") : string.Empty;
        throw new FigureCsvException("The CSV file has errors: " + first + more, Findings);
    }

    /// <summary>Returns a summary such as <c>120 rows, 118 figures, 2 errors, 0 warnings</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{RowCount} rows, {FigureCount} figures, {ErrorCount} errors, {Findings.Count - ErrorCount} warnings");
}
