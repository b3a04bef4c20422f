using System;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Extraction;

/// <summary>
/// Something in a report the extractor could not take as it stands: a number too large for its type, a
/// committee name that matches several regions, a stated period that is not a valid one. Findings never
/// stop an extraction. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Serialized as a source-generated contract: <c>{"message":"…","start":123,"length":4}</c>, read through the public
/// constructor and its checks.
/// </remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ExtractionFinding : IEquatable<ExtractionFinding>
{
    /// <summary>Creates a finding.</summary>
    /// <param name="message">What was found, in English, naming the text concerned.</param>
    /// <param name="start">Where the text concerned starts in the original text.</param>
    /// <param name="length">Its length in the original text (0 for the report as a whole).</param>
    /// <exception cref="ArgumentException">The message is empty, or the start or length is negative (the exception's <see cref="ArgumentException.ParamName"/> names the field).</exception>
    [JsonConstructor]
    public ExtractionFinding(string message, int start, int length)
    {
        Utility.Preconditions.CheckNotNullOrWhiteSpace(message);
        Utility.Preconditions.CheckArgumentRange(start >= 0, start, "The start must not be negative.");
        Utility.Preconditions.CheckArgumentRange(length >= 0, length, "The length must not be negative.");
        Message = message;
        Start = start;
        Length = length;
    }

    /// <summary>Gets what was found, naming the text concerned.</summary>
    [JsonPropertyName("message")]
    public string Message { get; }

    /// <summary>Gets where the text concerned starts in the original text.</summary>
    [JsonPropertyName("start")]
    public int Start { get; }

    /// <summary>Gets the length of the text concerned (0 for the report as a whole).</summary>
    [JsonPropertyName("length")]
    public int Length { get; }

    /// <inheritdoc />
    public bool Equals(ExtractionFinding? other) =>
        other is not null && string.Equals(Message, other.Message, StringComparison.Ordinal) && Start == other.Start && Length == other.Length;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExtractionFinding);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Message, Start, Length);

    /// <summary>Formats as <c>@123: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"@{Start}: {Message}");
}
