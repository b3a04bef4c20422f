using System;
using System.Collections.Generic;
using System.Globalization;

namespace Zhengxie.Metrics.Extraction;

/// <summary>
/// What <see cref="ReportExtractor.Extract"/> read from one report: the figures, the subject breakdowns (kept
/// apart: they are parts, never the committee's totals), the numbers it could not classify, findings, and the
/// committee and period with where each came from. Immutable and thread-safe.
/// </summary>
public sealed class ExtractionResult
{
    internal ExtractionResult(
        IReadOnlyList<ExtractedFigure> figures,
        IReadOnlyList<ExtractedFigure> breakdowns,
        IReadOnlyList<UnclassifiedNumber> unclassified,
        IReadOnlyList<ExtractionFinding> findings,
        Committee? committee,
        ReportingPeriod? period,
        ContextOrigin committeeOrigin,
        ContextOrigin periodOrigin,
        string? document)
    {
        Figures = figures;
        Breakdowns = breakdowns;
        Unclassified = unclassified;
        Findings = findings;
        Committee = committee;
        Period = period;
        CommitteeOrigin = committee is null ? ContextOrigin.Unknown : committeeOrigin;
        PeriodOrigin = period is null ? ContextOrigin.Unknown : periodOrigin;
        Document = document;
    }

    /// <summary>Gets the figures, in the order of the text.</summary>
    public IReadOnlyList<ExtractedFigure> Figures { get; }

    /// <summary>Gets the subject breakdowns (「经济建设方面63件，占49%」), each with its <see cref="ExtractedFigure.Topic"/>, in the order of the text.</summary>
    public IReadOnlyList<ExtractedFigure> Breakdowns { get; }

    /// <summary>Gets the numbers seen but not classified, in the order of the text.</summary>
    public IReadOnlyList<UnclassifiedNumber> Unclassified { get; }

    /// <summary>Gets what could not be taken as it stands (numbers too large, ambiguous committee names).</summary>
    public IReadOnlyList<ExtractionFinding> Findings { get; }

    /// <summary>Gets the committee whose report it is, or <see langword="null"/> when unknown.</summary>
    public Committee? Committee { get; }

    /// <summary>Gets the period the report covers, or <see langword="null"/> when unknown.</summary>
    public ReportingPeriod? Period { get; }

    /// <summary>Gets where <see cref="Committee"/> came from.</summary>
    public ContextOrigin CommitteeOrigin { get; }

    /// <summary>Gets where <see cref="Period"/> came from.</summary>
    public ContextOrigin PeriodOrigin { get; }

    /// <summary>Gets the document's identifier given by the caller, or <see langword="null"/>.</summary>
    public string? Document { get; }

    /// <summary>
    /// Returns the figures (not the breakdowns) as the library's <see cref="Figure"/>s of <see cref="Committee"/> and
    /// <see cref="Period"/>, each with its quote as <see cref="FigureSource"/>, ready for
    /// <see cref="ProposalStatistics.FromFigures(IEnumerable{Figure}, Validation.ValidationMode, bool)"/> and
    /// <see cref="Aggregation.FigureDatasetBuilder"/>. A 「全部」 figure that also states its count
    /// (「145件提案全部办复」) becomes a <see cref="Qualifier.All"/> figure that keeps its count as its value (checked against its denominator). A share
    /// with no rate formula (<c>share.proposals.collective</c>) becomes the stated rate <c>rate.share.proposals.collective</c>,
    /// since a library figure holds percentages only in rate measures.
    /// </summary>
    /// <returns>The figures, in the order of the text.</returns>
    /// <exception cref="InvalidOperationException">The committee or the period is unknown (give them in the <see cref="ExtractionContext"/>).</exception>
    public IReadOnlyList<Figure> ToFigures()
    {
        if (Committee is not { } committee || Period is not { } period)
        {
            string missing = Committee is null && Period is null ? "committee and period are" : Committee is null ? "committee is" : "period is";
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The report's {missing} unknown (document {Document ?? "without a name"}, committee {Committee?.ToString() ?? "?"}, period {Period?.ToString() ?? "?"}): give them in the ExtractionContext to make figures of its {Figures.Count} extracted figures."));
        }

        var figures = new Figure[Figures.Count];
        for (int i = 0; i < figures.Length; i++)
        {
            var f = Figures[i];
            var measure = f.Qualifier == Qualifier.PercentReported && !f.Measure.IsRate ? new Measure("rate." + f.Measure.Id) : f.Measure;
            figures[i] = new Figure(committee, period, measure, f.Value, f.Unit, f.Qualifier, f.Scope, f.Topic, new FigureSource(Document, f.Quote));
        }

        return figures;
    }
}
