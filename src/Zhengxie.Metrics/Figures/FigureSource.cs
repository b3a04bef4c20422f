using System;
using System.Text.Json.Serialization;
using NodaTime;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics;

/// <summary>
/// Where a figure comes from: the report, its publication date, and the verbatim quote that states it
/// (「收到提案178件」). Provenance only: it never affects a calculation. Immutable and thread-safe.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class FigureSource : IEquatable<FigureSource>
{
    /// <summary>Creates a source.</summary>
    /// <param name="document">The report's identifier or title, such as <c>wudang-2022</c>; may be <see langword="null"/>.</param>
    /// <param name="quote">The verbatim quote that states the figure; may be <see langword="null"/>.</param>
    /// <param name="published">The report's publication date, when known.</param>
    [JsonConstructor]
    public FigureSource(string? document, string? quote, LocalDate? published = null)
    {
        Document = string.IsNullOrWhiteSpace(document) ? null : document;
        Quote = string.IsNullOrWhiteSpace(quote) ? null : quote;
        Published = published;
    }

    /// <summary>Gets the report's identifier or title, or <see langword="null"/>.</summary>
    [JsonPropertyName("document"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Document { get; }

    /// <summary>Gets the verbatim quote, or <see langword="null"/>.</summary>
    [JsonPropertyName("quote"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Quote { get; }

    /// <summary>Gets the report's publication date, or <see langword="null"/> when unknown.</summary>
    [JsonPropertyName("published"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonConverter(typeof(ZhengxieJsonConverterFactory))]
    public LocalDate? Published { get; }

    /// <inheritdoc />
    public bool Equals(FigureSource? other) =>
        other is not null
        && string.Equals(Document, other.Document, StringComparison.Ordinal)
        && string.Equals(Quote, other.Quote, StringComparison.Ordinal)
        && Published == other.Published;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FigureSource);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Document, Quote, Published);

    /// <summary>Returns the document and the quote.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => (Document ?? "?") + ": " + (Quote ?? string.Empty);
}
