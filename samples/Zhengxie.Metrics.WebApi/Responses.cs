using System.Collections.Generic;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.WebApi;

/// <summary>The statistics and rates of one committee and period. Property names are snake_case, as the library's own.</summary>
/// <param name="Committee">The committee, <c>"520112"</c>.</param>
/// <param name="CommitteeName">The region's name in the region table, or <see langword="null"/>.</param>
/// <param name="Period">The reporting period, <c>"11.1+@2022"</c>.</param>
/// <param name="Statistics">The counts and stated rates, in the library's JSON format.</param>
/// <param name="Rates">Every standard rate under the registered rate options.</param>
/// <param name="Inconsistencies">Figures of the report that disagree with each other (kept, flagged, used for nothing).</param>
internal sealed record CommitteeStatistics(
    [property: JsonPropertyName("committee")] Committee Committee,
    [property: JsonPropertyName("committee_name")] string? CommitteeName,
    [property: JsonPropertyName("period")] ReportingPeriod Period,
    [property: JsonPropertyName("statistics")] ProposalStatistics Statistics,
    [property: JsonPropertyName("rates")] IReadOnlyList<RateResult> Rates,
    [property: JsonPropertyName("inconsistencies")] IReadOnlyList<ValidationFinding> Inconsistencies);

/// <summary>One rate of one committee and period.</summary>
/// <param name="Measure">The rate's identifier, <c>"rate.acceptance"</c>.</param>
/// <param name="Formula">Its formula under the rate options, <c>"proposals.filed / proposals.received"</c>.</param>
/// <param name="Rate">The rate as the library writes it, <c>{"numerator":176,"denominator":178}</c>, or <see langword="null"/> when a count it needs is missing.</param>
/// <param name="Text">The rate as text, <c>"98.9% (176/178)"</c>, or <see langword="null"/>.</param>
/// <param name="Error">Why there is no rate although its counts are there (its numerator exceeds its denominator), or <see langword="null"/>.</param>
internal sealed record RateResult(
    [property: JsonPropertyName("measure")] Measure Measure,
    [property: JsonPropertyName("formula")] string Formula,
    [property: JsonPropertyName("rate")] Rate? Rate,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("error")] string? Error);

/// <summary>One error of a CSV body.</summary>
/// <param name="Line">The line (1 is the header; 0 for the whole file).</param>
/// <param name="Column">The column's name, or <see langword="null"/>.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record CsvError(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] string? Column,
    [property: JsonPropertyName("message")] string Message);
