using System;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Extraction;

/// <summary>
/// A number the extractor saw in a report but could not make a figure of (no measure words, no unit, or a
/// unit it does not count), kept so that nothing is silently dropped. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Serialized as a source-generated contract: <c>{"value":50,"unit":"余万元","quote":"…","start":12,"length":16}</c>
/// (<c>value</c> left out when the number does not fit a <see cref="decimal"/>), read through the public constructor and its checks.
/// </remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[DebuggerDisplay("{ToString(),nq}")]
public sealed class UnclassifiedNumber : IEquatable<UnclassifiedNumber>
{
    /// <summary>Creates an unclassified number.</summary>
    /// <param name="value">The number as printed, or <see langword="null"/> when it does not fit a <see cref="decimal"/>.</param>
    /// <param name="unit">The unit after it, or an empty string.</param>
    /// <param name="quote">The clause of the original text holding it.</param>
    /// <param name="start">Where the quote starts in the original text.</param>
    /// <param name="length">The quote's length in the original text.</param>
    /// <exception cref="ArgumentException">The unit or quote is <see langword="null"/>, or the start or length is negative (the exception's <see cref="ArgumentException.ParamName"/> names the field).</exception>
    [JsonConstructor]
    public UnclassifiedNumber(decimal? value, string unit, string quote, int start, int length)
    {
        Utility.Preconditions.CheckNotNull(unit);
        Utility.Preconditions.CheckNotNull(quote);
        Utility.Preconditions.CheckArgumentRange(start >= 0, start, "The quote's start must not be negative.");
        Utility.Preconditions.CheckArgumentRange(length >= 0, length, "The quote's length must not be negative.");
        Value = value;
        Unit = unit;
        Quote = quote;
        Start = start;
        Length = length;
    }

    /// <summary>Gets the number as printed, or <see langword="null"/> when it does not fit a <see cref="decimal"/>.</summary>
    [JsonPropertyName("value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Value { get; }

    /// <summary>Gets the unit printed after the number, or an empty string when there is none.</summary>
    [JsonPropertyName("unit")]
    public string Unit { get; }

    /// <summary>Gets the clause of the original text holding the number.</summary>
    [JsonPropertyName("quote")]
    public string Quote { get; }

    /// <summary>Gets where <see cref="Quote"/> starts in the original text.</summary>
    [JsonPropertyName("start")]
    public int Start { get; }

    /// <summary>Gets the length of <see cref="Quote"/> in the original text.</summary>
    [JsonPropertyName("length")]
    public int Length { get; }

    /// <inheritdoc />
    public bool Equals(UnclassifiedNumber? other) =>
        other is not null && Value == other.Value && string.Equals(Unit, other.Unit, StringComparison.Ordinal)
        && string.Equals(Quote, other.Quote, StringComparison.Ordinal) && Start == other.Start && Length == other.Length;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as UnclassifiedNumber);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, Unit, Quote, Start, Length);

    /// <summary>Formats as <c>50余万元 «共协调市区两级资金支持50余万元»</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value?.ToString(CultureInfo.InvariantCulture) ?? "?"}{Unit} «{Quote}»");
}
