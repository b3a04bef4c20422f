using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using NodaTime;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.SampleData;

/// <summary>
/// One of the five seed reports of docs/domain.md: a real committee work report, with every figure it states
/// (each with its verbatim quote) and the rates it states or implies, as the embedded
/// <c>seed-figures.jsonl</c> lists them. Immutable and thread-safe.
/// </summary>
[Rendering.TypeFormatterSource(typeof(Rendering.NotebookFormatterSource))]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class SeedReport : IEquatable<SeedReport>
{
    /// <summary>Creates a report (as <see cref="SeedReports"/> does from its embedded file; public for JSON and for reports of your own in the same shape).</summary>
    /// <param name="id">The report's identifier, such as <c>wudang-2022</c>.</param>
    /// <param name="committeeName">The committee's Chinese name, such as 乌当区政协.</param>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period the figures belong to.</param>
    /// <param name="published">The publication date, or <see langword="null"/> when unknown.</param>
    /// <param name="figures">The figures, in the order the report states them (copied).</param>
    /// <param name="expectedRates">The rates the report states or implies, by rate identifier (copied); <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">A text is empty, the committee or period is <c>default</c>, or <paramref name="figures"/> is or holds <see langword="null"/> (the exception's <see cref="ArgumentException.ParamName"/> names the field).</exception>
    [JsonConstructor]
    public SeedReport(
        string id,
        string committeeName,
        Committee committee,
        ReportingPeriod period,
        LocalDate? published,
        IReadOnlyList<Figure> figures,
        IReadOnlyDictionary<string, string>? expectedRates)
    {
        Id = Preconditions.CheckNotNullOrWhiteSpace(id);
        CommitteeName = Preconditions.CheckNotNullOrWhiteSpace(committeeName);
        Preconditions.CheckArgument(!committee.IsDefault, nameof(committee), "A report needs a committee.");
        Preconditions.CheckArgument(!period.IsDefault, nameof(period), "A report needs a period.");
        Preconditions.CheckNotNull(figures);
        Preconditions.CheckArgument(!figures.Contains(null!), nameof(figures), "A report's figures must not hold null.");
        Committee = committee;
        Period = period;
        Published = published;
        Figures = figures.ToList().AsReadOnly();
        ExpectedRates = new Dictionary<string, string>(expectedRates ?? new Dictionary<string, string>(), StringComparer.Ordinal).AsReadOnly();
    }

    /// <summary>Gets the report's identifier, such as <c>wudang-2022</c> (also each figure's <see cref="FigureSource.Document"/>).</summary>
    [JsonPropertyName("id")]
    public string Id { get; }

    /// <summary>Gets the committee's Chinese name, such as 乌当区政协.</summary>
    [JsonPropertyName("committee_name")]
    public string CommitteeName { get; }

    /// <summary>Gets the committee.</summary>
    [JsonPropertyName("committee")]
    public Committee Committee { get; }

    /// <summary>Gets the period the report's figures belong to.</summary>
    [JsonPropertyName("period")]
    public ReportingPeriod Period { get; }

    /// <summary>Gets the report's publication date, or <see langword="null"/> when unknown.</summary>
    [JsonPropertyName("published"), JsonIgnore(Condition = JsonIgnoreCondition.Never), JsonConverter(typeof(ZhengxieJsonConverterFactory))]
    public LocalDate? Published { get; }

    /// <summary>Gets the report's figures, in the order the file lists them.</summary>
    [JsonPropertyName("figures")]
    public IReadOnlyList<Figure> Figures { get; }

    /// <summary>Gets the rates the report states or implies, by rate identifier, as the file words them (<c>176/178</c>, <c>278/354 (filed implied by the rounded rate)</c>).</summary>
    [JsonPropertyName("expected_rates")]
    public IReadOnlyDictionary<string, string> ExpectedRates { get; }

    /// <inheritdoc />
    public bool Equals(SeedReport? other) =>
        other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal) && string.Equals(CommitteeName, other.CommitteeName, StringComparison.Ordinal)
        && Committee == other.Committee && Period == other.Period && Published == other.Published && Figures.SequenceEqual(other.Figures)
        && ExpectedRates.Count == other.ExpectedRates.Count && ExpectedRates.All(p => other.ExpectedRates.TryGetValue(p.Key, out string? v) && string.Equals(v, p.Value, StringComparison.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SeedReport);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Id), Committee, Period, Figures.Count);

    /// <summary>Returns the identifier and the committee's name.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Id + " " + CommitteeName;
}
