using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// What a figure counts, by its stable identifier with its family: <c>proposals.filed</c>,
/// <c>rate.acceptance</c>, <c>opinion_info.adopted.province</c>, <c>activity.consultation.counterpart</c>.
/// Identifiers are part of the data format and never change; labels and names live in
/// <c>MeasureCatalog</c>. The taxonomy is open: any well-formed identifier is a measure.
/// </summary>
/// <remarks>
/// An identifier is one or more dot-separated segments of lower-case ASCII letters, digits and
/// underscores, each starting with a letter. Equality is ordinal on the identifier. <c>default(Measure)</c>
/// has no identifier (<see cref="IsDefault"/>). Immutable and thread-safe.
/// <para>Identifiers that were renamed stay readable: creating or parsing a measure from a former identifier
/// (see <see cref="Aliases"/>) gives the measure under its current identifier, so data files, JSON and
/// catalogue look-ups written with the old name keep working. <c>rate.resolution_adoption</c> is read as
/// <c>rate.adoption_including_planned</c>.</para>
/// </remarks>
[DebuggerDisplay("{Id,nq}")]
[JsonConverter(typeof(TextJsonConverter<Measure>))]
public readonly struct Measure : IEquatable<Measure>, IComparable<Measure>, IComparable, ISpanParsable<Measure>, ISpanFormattable
{
    private readonly string? id;

    /// <summary>Creates a measure from its identifier.</summary>
    /// <param name="id">The identifier, such as <c>proposals.filed</c>.</param>
    /// <exception cref="ArgumentException">The identifier is not well-formed.</exception>
    public Measure(string id)
    {
        Preconditions.CheckNotNull(id);
        Preconditions.CheckArgument(IsWellFormed(id), nameof(id), $"'{id}' is not a measure identifier: use dot-separated lower-case segments such as proposals.filed.");
        this.id = Canonical(id);
    }

    /// <summary>
    /// Gets the former identifiers that are still read, each with the current identifier it stands for:
    /// <c>rate.resolution_adoption</c> → <c>rate.adoption_including_planned</c> ((outcome_a + outcome_b) / filed).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { [ResolutionAdoptionAlias] = AdoptionIncludingPlannedId }.AsReadOnly();

    private const string ResolutionAdoptionAlias = "rate.resolution_adoption";
    private const string AdoptionIncludingPlannedId = "rate.adoption_including_planned";

    /// <summary>Gets the identifier, such as <c>proposals.filed</c> (empty for the default value).</summary>
    public string Id => id ?? string.Empty;

    /// <summary>Gets the family: the first segment (<c>proposals</c>, <c>rate</c>, <c>activity</c>, ...).</summary>
    public string Family
    {
        get
        {
            string s = Id;
            int dot = s.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? s : s[..dot];
        }
    }

    /// <summary>Gets the parent measure (<c>activity.consultation</c> for <c>activity.consultation.sector</c>), or <see langword="null"/> at the top.</summary>
    public Measure? Parent
    {
        get
        {
            string s = Id;
            int dot = s.LastIndexOf('.');
            return dot <= 0 || s.IndexOf('.', StringComparison.Ordinal) == dot ? null : new Measure(s[..dot]);
        }
    }

    /// <summary>
    /// Gets a value indicating whether this is a rate, stated in percent: a rate proper (<c>rate.*</c>) or a
    /// share of a count in its parent total (<c>share.*</c>, 「A类提案有362件，占53.4%」 is
    /// <c>share.proposals.outcome_a</c>; see <see cref="IsShare"/>).
    /// </summary>
    public bool IsRate => Id.StartsWith("rate.", StringComparison.Ordinal) || IsShare;

    /// <summary>
    /// Gets a value indicating whether this is a share (<c>share.</c> followed by a count's identifier,
    /// <c>share.proposals.outcome_b</c>): the percentage a count makes of its parent total, a rate whose
    /// numerator is that count (<see cref="ShareOf"/>) and whose base is the total the report names.
    /// </summary>
    public bool IsShare => Id.StartsWith("share.", StringComparison.Ordinal) && Id.Length > "share.".Length;

    /// <summary>Gets the count a share is of (<c>proposals.outcome_b</c> for <c>share.proposals.outcome_b</c>), or <see langword="null"/> when this is not a share.</summary>
    public Measure? ShareOf => IsShare ? new Measure(Id["share.".Length..]) : null;

    /// <summary>Gets a value indicating whether this is <c>default(Measure)</c>.</summary>
    public bool IsDefault => id is null;

    // The one alias is checked by length first, so a measure that is not it costs one comparison.
    private static string Canonical(string id) =>
        id.Length == ResolutionAdoptionAlias.Length && string.Equals(id, ResolutionAdoptionAlias, StringComparison.Ordinal) ? AdoptionIncludingPlannedId : id;

    /// <summary>Returns whether <paramref name="id"/> is a well-formed identifier.</summary>
    /// <param name="id">The text to test.</param>
    /// <returns>Whether it is one.</returns>
    public static bool IsWellFormed(ReadOnlySpan<char> id)
    {
        if (id.Length is 0 or > 128)
        {
            return false;
        }

        bool segmentStart = true;
        foreach (char c in id)
        {
            if (c == '.')
            {
                if (segmentStart)
                {
                    return false;
                }

                segmentStart = true;
                continue;
            }

            bool ok = segmentStart ? c is >= 'a' and <= 'z' : c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_';
            if (!ok)
            {
                return false;
            }

            segmentStart = false;
        }

        return !segmentStart;
    }

    /// <summary>Parses an identifier.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The measure.</returns>
    /// <exception cref="FormatException">The identifier is not well-formed.</exception>
    public static Measure Parse(string id)
    {
        Preconditions.CheckNotNull(id);
        return IsWellFormed(id) ? new Measure(id) : throw new FormatException($"'{id}' is not a measure identifier: use dot-separated lower-case segments such as proposals.filed.");
    }

    /// <summary>Tries to parse an identifier.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="measure">The measure, when well-formed.</param>
    /// <returns>Whether the identifier is well-formed.</returns>
    public static bool TryParse(string? id, out Measure measure)
    {
        measure = default;
        if (id is null || !IsWellFormed(id))
        {
            return false;
        }

        measure = new Measure(id);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(Measure other) => string.Equals(id, other.id, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Measure other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => id is null ? 0 : StringComparer.Ordinal.GetHashCode(id);

    /// <inheritdoc />
    public int CompareTo(Measure other) => string.CompareOrdinal(id, other.id);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Measure other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a Measure.", nameof(obj)),
    };

    /// <summary>Returns the identifier.</summary>
    /// <returns>The identifier.</returns>
    public override string ToString() => Id;

    /// <summary>Returns the identifier; format and culture are ignored.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The identifier.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Id;

    /// <summary>Copies the identifier into <paramref name="destination"/>.</summary>
    /// <param name="destination">The buffer.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the buffer was large enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        bool fits = Id.TryCopyTo(destination);
        charsWritten = fits ? Id.Length : 0;
        return fits;
    }

    /// <inheritdoc />
    static Measure IParsable<Measure>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static Measure ISpanParsable<Measure>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => ParseText(s);

    private static Measure ParseText(ReadOnlySpan<char> s) =>
        TryParseText(s, out var measure) ? measure : throw new FormatException($"'{s}' is not a measure identifier: use dot-separated lower-case segments such as proposals.filed.");

    /// <inheritdoc />
    static bool IParsable<Measure>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Measure result) => TryParse(s, out result);

    /// <inheritdoc />
    static bool ISpanParsable<Measure>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Measure result) => TryParseText(s, out result);

    private static bool TryParseText(ReadOnlySpan<char> s, out Measure result)
    {
        result = IsWellFormed(s) ? new Measure(s.ToString()) : default;
        return !result.IsDefault;
    }

    /// <summary>Compares two measures for equality.</summary>
    /// <param name="left">The first measure.</param>
    /// <param name="right">The second measure.</param>
    /// <returns>Whether the identifiers are equal.</returns>
    public static bool operator ==(Measure left, Measure right) => left.Equals(right);

    /// <summary>Compares two measures for inequality.</summary>
    /// <param name="left">The first measure.</param>
    /// <param name="right">The second measure.</param>
    /// <returns>Whether the identifiers differ.</returns>
    public static bool operator !=(Measure left, Measure right) => !left.Equals(right);

    /// <summary>Orders measures by identifier, ordinally.</summary>
    /// <param name="left">The first measure.</param>
    /// <param name="right">The second measure.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Measure left, Measure right) => left.CompareTo(right) < 0;

    /// <summary>Orders measures by identifier, ordinally.</summary>
    /// <param name="left">The first measure.</param>
    /// <param name="right">The second measure.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Measure left, Measure right) => left.CompareTo(right) > 0;

    /// <summary>Orders measures by identifier, ordinally.</summary>
    /// <param name="left">The first measure.</param>
    /// <param name="right">The second measure.</param>
    /// <returns>Whether <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(Measure left, Measure right) => left.CompareTo(right) <= 0;

    /// <summary>Orders measures by identifier, ordinally.</summary>
    /// <param name="left">The first measure.</param>
    /// <param name="right">The second measure.</param>
    /// <returns>Whether <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(Measure left, Measure right) => left.CompareTo(right) >= 0;
}
