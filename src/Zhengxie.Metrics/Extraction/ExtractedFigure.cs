using System;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Extraction;

/// <summary>
/// One figure read from a report's text, before a committee and period are attached: 「收到提案178件」 is
/// <c>proposals.received</c> = 178 件, exact, with that quote and its place in the original text.
/// <see cref="ExtractionResult.ToFigures"/> turns these into the library's <see cref="Figure"/>s.
/// </summary>
/// <remarks>
/// The value is the number as printed, in <see cref="Unit"/> (590 for 「590余万元」, 12000 for 「1.2万人次」); it is
/// <see langword="null"/> only for <see cref="Qualifier.All"/> without a stated count (「全部办复」). A rate or a share is
/// <see cref="Qualifier.PercentReported"/> in <c>%</c>. Equality compares every member. Immutable and thread-safe.
/// <para>Serialized as a source-generated contract: <c>{"measure":"proposals.received","value":178,"unit":"件","qualifier":"exact","scope":"committee","quote":"收到提案178件","start":40,"length":8}</c>
/// (<c>value</c>, <c>topic</c> and <c>label</c> left out when absent), read through the public constructor and its checks.</para>
/// </remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ExtractedFigure : IEquatable<ExtractedFigure>
{
    /// <summary>Creates an extracted figure; see the properties for what each argument means.</summary>
    /// <param name="measure">What it counts.</param>
    /// <param name="value">The number as printed, or <see langword="null"/> for 「全部」 without a count.</param>
    /// <param name="unit">The unit as printed.</param>
    /// <param name="qualifier">How exactly the number is stated.</param>
    /// <param name="scope">Whose work it counts.</param>
    /// <param name="topic">The subject of a breakdown or the occasion, or <see langword="null"/>.</param>
    /// <param name="label">The Chinese label of a kind not in the catalogue, or <see langword="null"/>.</param>
    /// <param name="quote">The shortest clause of the original text stating it.</param>
    /// <param name="start">Where the quote starts in the original text.</param>
    /// <param name="length">The quote's length in the original text.</param>
    /// <exception cref="ArgumentException">The measure or unit is missing, the qualifier or scope undefined, the value missing but the qualifier not <see cref="Qualifier.All"/>, the quote <see langword="null"/>, or the start or length negative (the exception's <see cref="ArgumentException.ParamName"/> names the field).</exception>
    [JsonConstructor]
    public ExtractedFigure(
        Measure measure,
        decimal? value,
        FigureUnit unit,
        Qualifier qualifier,
        FigureScope scope,
        string? topic,
        string? label,
        string quote,
        int start,
        int length)
    {
        Utility.Preconditions.CheckArgument(!measure.IsDefault, nameof(measure), "An extracted figure needs a measure.");
        Utility.Preconditions.CheckArgument(!string.IsNullOrEmpty(unit.Symbol), nameof(unit), $"The extracted figure of {measure} needs a unit.");
        Utility.Preconditions.CheckArgument(qualifier is >= Qualifier.Exact and <= Qualifier.PercentReported, nameof(qualifier), $"Unknown qualifier of the extracted figure of {measure}.");
        Utility.Preconditions.CheckArgument(scope is FigureScope.Committee or FigureScope.RegionTotal, nameof(scope), $"Unknown scope of the extracted figure of {measure}.");
        Utility.Preconditions.CheckArgument(value is not null || qualifier == Qualifier.All, nameof(value), $"The extracted figure of {measure} has no value: only one qualified 'all' (「全部办复」) may have none.");
        Utility.Preconditions.CheckNotNull(quote);
        Utility.Preconditions.CheckArgumentRange(start >= 0, start, "The quote's start must not be negative.");
        Utility.Preconditions.CheckArgumentRange(length >= 0, length, "The quote's length must not be negative.");
        Measure = measure;
        Value = value;
        Unit = unit;
        Qualifier = qualifier;
        Scope = scope;
        Topic = string.IsNullOrWhiteSpace(topic) ? null : topic;
        Label = string.IsNullOrWhiteSpace(label) ? null : label;
        Quote = quote;
        Start = start;
        Length = length;
    }

    /// <summary>Gets what the figure counts (<c>proposals.filed</c>, <c>rate.reply</c>, <c>activity.consultation.sector</c>).</summary>
    [JsonPropertyName("measure")]
    public Measure Measure { get; }

    /// <summary>Gets the number as printed, in <see cref="Unit"/>; <see langword="null"/> for 「全部」 without a count.</summary>
    [JsonPropertyName("value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Value { get; }

    /// <summary>Gets the unit as printed (件, 场次, 万元, %).</summary>
    [JsonPropertyName("unit")]
    public FigureUnit Unit { get; }

    /// <summary>Gets how exactly the number is stated (余 → <see cref="Qualifier.MoreThan"/>, 近 → <see cref="Qualifier.Nearly"/>).</summary>
    [JsonPropertyName("qualifier")]
    public Qualifier Qualifier { get; }

    /// <summary>Gets whose work it counts: the committee's own, or all committees of a region (「全市各级政协」).</summary>
    [JsonPropertyName("scope")]
    public FigureScope Scope { get; }

    /// <summary>Gets the subject of a breakdown (「经济建设」) or the occasion, or <see langword="null"/>.</summary>
    [JsonPropertyName("topic"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Topic { get; }

    /// <summary>Gets the Chinese label of a kind not in the catalogue (「走访调研」), or <see langword="null"/>.</summary>
    [JsonPropertyName("label"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; }

    /// <summary>Gets the shortest clause of the original text holding the number, its unit and the words naming the measure.</summary>
    [JsonPropertyName("quote")]
    public string Quote { get; }

    /// <summary>Gets where <see cref="Quote"/> starts in the original text (UTF-16 index).</summary>
    [JsonPropertyName("start")]
    public int Start { get; }

    /// <summary>Gets the length of <see cref="Quote"/> in the original text (UTF-16 units).</summary>
    [JsonPropertyName("length")]
    public int Length { get; }

    /// <inheritdoc />
    public bool Equals(ExtractedFigure? other) =>
        other is not null
        && Measure == other.Measure && Value == other.Value && Unit == other.Unit && Qualifier == other.Qualifier
        && Scope == other.Scope && string.Equals(Topic, other.Topic, StringComparison.Ordinal)
        && string.Equals(Label, other.Label, StringComparison.Ordinal)
        && string.Equals(Quote, other.Quote, StringComparison.Ordinal) && Start == other.Start && Length == other.Length;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExtractedFigure);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Measure, Value, Unit, Qualifier, Scope, Topic, Quote, Start);

    /// <summary>Formats as <c>proposals.received = 178件 «收到提案178件»</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string value = Value?.ToString(CultureInfo.InvariantCulture) ?? "全部";
        string q = Qualifier switch
        {
            Qualifier.MoreThan => "余",
            Qualifier.AtLeast => "以上",
            Qualifier.Nearly => "近",
            Qualifier.About => "约",
            Qualifier.All when Value is not null => "全部",
            _ => string.Empty,
        };
        string scope = Scope == FigureScope.RegionTotal ? " [region_total]" : string.Empty;
        string topic = Topic is null ? string.Empty : " [" + Topic + "]";
        return string.Create(CultureInfo.InvariantCulture, $"{Measure}{scope}{topic} = {value}{q}{Unit} «{Quote}»");
    }
}
