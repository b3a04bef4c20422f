using System;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Rendering;

/// <summary>A column of a <see cref="ReportTable"/>: a stable key for machines, a header for people, and what it holds.</summary>
/// <remarks>Equality compares every field (ordinal). Immutable and thread-safe.</remarks>
public sealed class ReportColumn : IEquatable<ReportColumn>
{
    /// <summary>Creates a column.</summary>
    /// <param name="key">The stable key used in CSV and JSON (<c>committee</c>, <c>proposals.filed</c>, <c>rate.reply</c>).</param>
    /// <param name="header">The header shown to people (立案率, <c>reply rate</c>).</param>
    /// <param name="kind">What the column holds.</param>
    /// <param name="description">What the column means, such as a rate's formula, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The key or header is empty, or the kind is not defined.</exception>
    public ReportColumn(string key, string header, ReportColumnKind kind, string? description = null)
    {
        Preconditions.CheckNotNullOrWhiteSpace(key);
        Preconditions.CheckNotNull(header);
        Preconditions.CheckArgument(Enum.IsDefined(kind), nameof(kind), "Unknown column kind.");
        Key = key;
        Header = header;
        Kind = kind;
        Description = description;
    }

    /// <summary>Gets the stable key (<c>proposals.filed</c>).</summary>
    public string Key { get; }

    /// <summary>Gets the header shown to people.</summary>
    public string Header { get; }

    /// <summary>Gets what the column holds.</summary>
    public ReportColumnKind Kind { get; }

    /// <summary>Gets a value indicating whether the column holds numbers (and is right-aligned).</summary>
    public bool IsNumeric => Kind != ReportColumnKind.Text;

    /// <summary>Gets what the column means (a rate's formula), or <see langword="null"/>.</summary>
    public string? Description { get; }

    /// <inheritdoc />
    public bool Equals(ReportColumn? other) =>
        other is not null && Kind == other.Kind
        && string.Equals(Key, other.Key, StringComparison.Ordinal)
        && string.Equals(Header, other.Header, StringComparison.Ordinal)
        && string.Equals(Description, other.Description, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ReportColumn);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Key), Kind);

    /// <summary>Returns <c>proposals.filed (立案)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Key + " (" + Header + ")";
}
