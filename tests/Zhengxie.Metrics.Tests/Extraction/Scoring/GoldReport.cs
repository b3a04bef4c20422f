using System.Collections.Generic;

namespace Zhengxie.Metrics.Tests.Extraction.Scoring;

/// <summary>A report (or passage) annotated by hand: its text, its figures, and its subject breakdowns kept apart.</summary>
/// <param name="Id">The report's identifier (<c>yongjia-2020</c>).</param>
/// <param name="Text">The report's original text.</param>
/// <param name="Figures">The figures a correct extraction finds.</param>
/// <param name="Breakdowns">The subject breakdowns (经济建设方面63件), never totals.</param>
public sealed record GoldReport(
    string Id,
    string Text,
    IReadOnlyList<GoldFigure> Figures,
    IReadOnlyList<GoldFigure> Breakdowns)
{
    /// <summary>Gets the committee's region code as annotated (<c>330324</c>), when given.</summary>
    public string? Committee { get; init; }

    /// <summary>Gets the period as annotated (<c>2020</c>, <c>4.4@2020</c>, <c>11.1+@2022</c>), when given.</summary>
    public string? Period { get; init; }

    /// <summary>Gets the gold file this report was read from, when it was read from one.</summary>
    public string? SourceFile { get; init; }

    /// <summary>Returns the identifier, for test names.</summary>
    /// <returns>The identifier.</returns>
    public override string ToString() => Id;
}
