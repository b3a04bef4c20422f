using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Extraction;

/// <summary>
/// What <see cref="ReportExtractor.Extract"/> read from one report: the figures, the subject breakdowns (kept
/// apart: they are parts, never the committee's totals), the numbers it could not classify, findings, and the
/// committee and period with where each came from. Equality compares every member (the lists element by element).
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Serialized as a source-generated contract: <c>{"figures":[…],"breakdowns":[…],"unclassified":[…],"findings":[…],"committee":"330324","period":"2020","committee_origin":"caller","period_origin":"text","document":"yongjia-2020"}</c>
/// (<c>committee</c>, <c>period</c> and <c>document</c> left out when unknown), read through the public constructor and its checks.
/// </remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ExtractionResult : IEquatable<ExtractionResult>
{
    /// <summary>Creates an extraction result (as <see cref="ReportExtractor.Extract"/> does; public for JSON and tests).</summary>
    /// <param name="figures">The figures, in the order of the text.</param>
    /// <param name="breakdowns">The subject breakdowns, in the order of the text.</param>
    /// <param name="unclassified">The numbers seen but not classified.</param>
    /// <param name="findings">What could not be taken as it stands.</param>
    /// <param name="committee">The committee, or <see langword="null"/> when unknown.</param>
    /// <param name="period">The period, or <see langword="null"/> when unknown.</param>
    /// <param name="committeeOrigin">Where the committee came from: <see cref="ContextOrigin.Unknown"/> exactly when it is unknown.</param>
    /// <param name="periodOrigin">Where the period came from: <see cref="ContextOrigin.Unknown"/> exactly when it is unknown.</param>
    /// <param name="document">The document's identifier, or <see langword="null"/> (an empty or blank one becomes <see langword="null"/>, as in <see cref="ExtractionContext"/>).</param>
    /// <exception cref="ArgumentException">A list is <see langword="null"/> or holds <see langword="null"/>, a committee or period is <c>default</c>, or an origin is undefined or disagrees with whether its value is known (the exception's <see cref="ArgumentException.ParamName"/> names the field).</exception>
    [JsonConstructor]
    public ExtractionResult(
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
        CheckList(figures, nameof(figures));
        CheckList(breakdowns, nameof(breakdowns));
        CheckList(unclassified, nameof(unclassified));
        CheckList(findings, nameof(findings));
        Preconditions.CheckArgument(committee is not { IsDefault: true }, nameof(committee), "A known committee is not default; give null for an unknown one.");
        Preconditions.CheckArgument(period is not { IsDefault: true }, nameof(period), "A known period is not default; give null for an unknown one.");
        CheckOrigin(committee is not null, committeeOrigin, nameof(committeeOrigin));
        CheckOrigin(period is not null, periodOrigin, nameof(periodOrigin));
        Figures = figures;
        Breakdowns = breakdowns;
        Unclassified = unclassified;
        Findings = findings;
        Committee = committee;
        Period = period;
        CommitteeOrigin = committeeOrigin;
        PeriodOrigin = periodOrigin;
        Document = string.IsNullOrWhiteSpace(document) ? null : document;
    }

    /// <summary>Gets the figures, in the order of the text.</summary>
    [JsonPropertyName("figures")]
    public IReadOnlyList<ExtractedFigure> Figures { get; }

    /// <summary>Gets the subject breakdowns (「经济建设方面63件，占49%」), each with its <see cref="ExtractedFigure.Topic"/>, in the order of the text.</summary>
    [JsonPropertyName("breakdowns")]
    public IReadOnlyList<ExtractedFigure> Breakdowns { get; }

    /// <summary>Gets the numbers seen but not classified, in the order of the text.</summary>
    [JsonPropertyName("unclassified")]
    public IReadOnlyList<UnclassifiedNumber> Unclassified { get; }

    /// <summary>Gets what could not be taken as it stands (numbers too large, ambiguous committee names).</summary>
    [JsonPropertyName("findings")]
    public IReadOnlyList<ExtractionFinding> Findings { get; }

    /// <summary>Gets the committee whose report it is, or <see langword="null"/> when unknown.</summary>
    [JsonPropertyName("committee"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Committee? Committee { get; }

    /// <summary>Gets the period the report covers, or <see langword="null"/> when unknown.</summary>
    [JsonPropertyName("period"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReportingPeriod? Period { get; }

    /// <summary>Gets where <see cref="Committee"/> came from.</summary>
    [JsonPropertyName("committee_origin")]
    public ContextOrigin CommitteeOrigin { get; }

    /// <summary>Gets where <see cref="Period"/> came from.</summary>
    [JsonPropertyName("period_origin")]
    public ContextOrigin PeriodOrigin { get; }

    /// <summary>Gets the document's identifier given by the caller, or <see langword="null"/>.</summary>
    [JsonPropertyName("document"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Document { get; }

    /// <summary>
    /// Returns the figures (not the breakdowns) as the library's <see cref="Figure"/>s of <see cref="Committee"/> and
    /// <see cref="Period"/>, each with its quote as <see cref="FigureSource"/>, ready for
    /// <see cref="ProposalStatistics.FromFigures(IEnumerable{Figure}, Validation.ValidationMode, bool)"/> and
    /// <see cref="Aggregation.FigureDatasetBuilder"/>. A 「全部」 figure that also states its count
    /// (「145件提案全部办复」) becomes a <see cref="Qualifier.All"/> figure that keeps its count as its value (checked against its denominator). A share
    /// (<c>share.proposals.collective</c>) stays a share; a percentage stated for a measure that is neither a rate nor a
    /// share becomes the stated rate of that measure (<c>proposals.x</c> → <c>rate.proposals.x</c>), since a library
    /// figure holds percentages only in rate and share measures.
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

    /// <inheritdoc />
    public bool Equals(ExtractionResult? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Committee == other.Committee && Period == other.Period && CommitteeOrigin == other.CommitteeOrigin && PeriodOrigin == other.PeriodOrigin
                && string.Equals(Document, other.Document, StringComparison.Ordinal) && Figures.SequenceEqual(other.Figures)
                && Breakdowns.SequenceEqual(other.Breakdowns) && Unclassified.SequenceEqual(other.Unclassified) && Findings.SequenceEqual(other.Findings)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExtractionResult);

    /// <summary>Returns a hash of the committee, period, document and list sizes (cheap; consistent with <see cref="Equals(ExtractionResult)"/>).</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() =>
        HashCode.Combine(Committee, Period, Document, Figures.Count, Breakdowns.Count, Unclassified.Count, Findings.Count);

    /// <summary>Formats as <c>ExtractionResult 330324 2020 (yongjia-2020): 12 figures, 3 breakdowns, 5 unclassified, 0 findings</c>, culture-invariant (<c>?</c> for an unknown committee or period).</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"ExtractionResult {Committee?.ToString() ?? "?"} {Period?.ToString() ?? "?"}{(Document is null ? string.Empty : " (" + Document + ")")}: {Figures.Count} figures, {Breakdowns.Count} breakdowns, {Unclassified.Count} unclassified, {Findings.Count} findings");

    private static void CheckList<T>(IReadOnlyList<T> list, string paramName)
        where T : class
    {
        Preconditions.CheckArgument(list is not null, paramName, $"The {paramName} list is required (empty when there are none).");
        for (int i = 0; i < list!.Count; i++)
        {
            Preconditions.CheckArgument(list[i] is not null, paramName, $"The {paramName} list holds null at {i}.");
        }
    }

    private static void CheckOrigin(bool known, ContextOrigin origin, string paramName)
    {
        Preconditions.CheckArgument(origin is >= ContextOrigin.Unknown and <= ContextOrigin.Text, paramName, $"Unknown origin {(int)origin}.");
        Preconditions.CheckArgument(known == (origin != ContextOrigin.Unknown), paramName, known ? "A known value came from the caller or the text, not 'unknown'." : "An unknown value has the origin 'unknown'.");
    }
}
