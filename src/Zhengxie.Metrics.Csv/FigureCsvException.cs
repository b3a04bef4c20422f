using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// Thrown by <see cref="FigureCsvResult.GetFiguresOrThrow"/> when a figures CSV file has errors; it
/// carries every finding, and its message names the first error's line and column.
/// </summary>
public sealed class FigureCsvException : ZhengxieMetricsException
{
    /// <summary>Creates the exception with no findings.</summary>
    public FigureCsvException()
        : this("The CSV file has errors.")
    {
    }

    /// <summary>Creates the exception with a message and no findings.</summary>
    /// <param name="message">The message.</param>
    public FigureCsvException(string message)
        : base(message)
    {
        Findings = ReadOnlyCollection<FigureCsvFinding>.Empty;
    }

    /// <summary>Creates the exception with a message, an inner exception and no findings.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FigureCsvException(string message, Exception innerException)
        : base(message, innerException)
    {
        Findings = ReadOnlyCollection<FigureCsvFinding>.Empty;
    }

    /// <summary>Creates the exception with a message and the file's findings.</summary>
    /// <param name="message">The message.</param>
    /// <param name="findings">Every finding of the file.</param>
    public FigureCsvException(string message, IReadOnlyList<FigureCsvFinding> findings)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(findings);
        Findings = findings;
    }

    /// <summary>Gets every finding of the file, errors and warnings.</summary>
    public IReadOnlyList<FigureCsvFinding> Findings { get; }
}
