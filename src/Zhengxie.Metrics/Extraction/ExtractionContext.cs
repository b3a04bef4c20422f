using System;

namespace Zhengxie.Metrics.Extraction;

/// <summary>
/// What the caller already knows about a report: its committee, its period and the document's name.
/// Anything left <see langword="null"/> is read from the text where the text states it. Immutable and thread-safe.
/// </summary>
public sealed class ExtractionContext : IEquatable<ExtractionContext>
{
    /// <summary>Creates a context.</summary>
    /// <param name="committee">The committee whose report it is, or <see langword="null"/> to read it from the text.</param>
    /// <param name="period">The period the report covers, or <see langword="null"/> to read it from the text.</param>
    /// <param name="document">The report's identifier or title, kept in each figure's <see cref="FigureSource"/>; may be <see langword="null"/>.</param>
    public ExtractionContext(Committee? committee = null, ReportingPeriod? period = null, string? document = null)
    {
        Committee = committee is { IsDefault: false } ? committee : null;
        Period = period is { IsDefault: false } ? period : null;
        Document = string.IsNullOrWhiteSpace(document) ? null : document;
    }

    /// <summary>Gets the committee given by the caller, or <see langword="null"/>.</summary>
    public Committee? Committee { get; init; }

    /// <summary>Gets the period given by the caller, or <see langword="null"/>.</summary>
    public ReportingPeriod? Period { get; init; }

    /// <summary>Gets the report's identifier or title, or <see langword="null"/>.</summary>
    public string? Document { get; init; }

    /// <inheritdoc />
    public bool Equals(ExtractionContext? other) =>
        other is not null && Committee == other.Committee && Period == other.Period
        && string.Equals(Document, other.Document, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExtractionContext);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Committee, Period, Document);

    /// <summary>Formats as <c>committee period document</c>, with <c>?</c> for what is unknown.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => (Committee?.ToString() ?? "?") + " " + (Period?.ToString() ?? "?") + " " + (Document ?? "?");
}
