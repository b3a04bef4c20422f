using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// A CPPCC committee: the body that sits at one region and one level. 丽水市政协 (331100, prefecture)
/// is a different committee from the county committees under it, and its own figures are not their sum.
/// </summary>
/// <remarks>
/// Equality compares region and level; ordering is by region code, then level. <c>default(Committee)</c>
/// names no committee (<see cref="IsDefault"/>). Immutable and thread-safe.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
[JsonConverter(typeof(TextJsonConverter<Committee>))]
public readonly struct Committee : IEquatable<Committee>, IComparable<Committee>, IComparable, ISpanParsable<Committee>, ISpanFormattable
{
    /// <summary>Creates the committee of <paramref name="region"/> at <paramref name="level"/>.</summary>
    /// <param name="region">The region's code.</param>
    /// <param name="level">The committee's level.</param>
    /// <exception cref="ArgumentException">The region code is the default value, or the level is not defined.</exception>
    public Committee(RegionCode region, AdministrativeLevel level)
    {
        Preconditions.CheckArgument(!region.IsDefault, nameof(region), "A committee needs a region code.");
        Preconditions.CheckArgument(level is AdministrativeLevel.Province or AdministrativeLevel.Prefecture or AdministrativeLevel.County, nameof(level), "Unknown administrative level.");
        Region = region;
        Level = level;
    }

    /// <summary>Creates the committee of <paramref name="region"/> at the level its code's shape gives.</summary>
    /// <param name="region">The region's code.</param>
    public Committee(RegionCode region)
        : this(region, region.NominalLevel)
    {
    }

    /// <summary>Gets the region the committee sits at.</summary>
    public RegionCode Region { get; }

    /// <summary>Gets the committee's level.</summary>
    public AdministrativeLevel Level { get; }

    /// <summary>Gets a value indicating whether this is <c>default(Committee)</c>.</summary>
    public bool IsDefault => Region.IsDefault;

    /// <summary>
    /// Parses the text form of <see cref="ToString()"/>: a region code, as the committee at its nominal level
    /// (<c>"330324"</c>), or a code with a level when the level differs from the code's shape
    /// (<c>"331100/county"</c>; levels <c>province</c>, <c>prefecture</c>, <c>county</c>).
    /// </summary>
    /// <param name="text">Six digits, optionally followed by <c>/</c> and a level.</param>
    /// <returns>The committee.</returns>
    /// <exception cref="FormatException">The text is not a committee.</exception>
    public static Committee Parse(string text)
    {
        Preconditions.CheckNotNull(text);
        return ParseText(text);
    }

    /// <inheritdoc />
    static Committee IParsable<Committee>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static Committee ISpanParsable<Committee>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => ParseText(s);

    private static Committee ParseText(ReadOnlySpan<char> s) =>
        TryParse(s, out var committee) ? committee : throw new FormatException($"'{s}' is not a committee: expected a six-digit region code such as 330324, optionally with a level such as 331100/county.");

    /// <inheritdoc />
    static bool IParsable<Committee>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Committee result) => TryParse(s.AsSpan(), out result);

    /// <inheritdoc />
    static bool ISpanParsable<Committee>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Committee result) => TryParse(s, out result);

    /// <summary>Tries to parse the text form of <see cref="ToString()"/> (<c>"330324"</c>, <c>"331100/county"</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="committee">The committee, when the text is one.</param>
    /// <returns>Whether the text is a committee.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Committee committee)
    {
        committee = default;
        int slash = text.IndexOf('/');
        if (!RegionCode.TryParse(slash < 0 ? text : text[..slash], out var code))
        {
            return false;
        }

        if (slash < 0)
        {
            committee = new Committee(code);
            return true;
        }

        var word = text[(slash + 1)..];
        AdministrativeLevel level;
        if (word.SequenceEqual("province"))
        {
            level = AdministrativeLevel.Province;
        }
        else if (word.SequenceEqual("prefecture"))
        {
            level = AdministrativeLevel.Prefecture;
        }
        else if (word.SequenceEqual("county"))
        {
            level = AdministrativeLevel.County;
        }
        else
        {
            return false;
        }

        committee = new Committee(code, level);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(Committee other) => Region == other.Region && Level == other.Level;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Committee other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Region.Value * 4) + (int)Level;

    /// <inheritdoc />
    public int CompareTo(Committee other)
    {
        int c = Region.CompareTo(other.Region);
        return c != 0 ? c : Level.CompareTo(other.Level);
    }

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Committee other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a Committee.", nameof(obj)),
    };

    /// <summary>Formats the region code, with the level when it differs from the code's shape (<c>330324</c>, <c>331100/county</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Level == Region.NominalLevel ? Region.ToString() : Region.ToString() + "/" + LevelWord(Level);

    /// <summary>Formats the text form of <see cref="ToString()"/>; format and culture are ignored (the text is culture-invariant).</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The text.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes the text form of <see cref="ToString()"/> into <paramref name="destination"/>, without allocating.</summary>
    /// <param name="destination">The buffer.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the buffer was large enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (!Region.TryFormat(destination, out charsWritten, default, null) || Level == Region.NominalLevel)
        {
            return charsWritten > 0;
        }

        string word = LevelWord(Level);
        if (destination.Length < 7 + word.Length)
        {
            charsWritten = 0;
            return false;
        }

        destination[6] = '/';
        word.CopyTo(destination[7..]);
        charsWritten = 7 + word.Length;
        return true;
    }

    private static string LevelWord(AdministrativeLevel level) => level switch
    {
        AdministrativeLevel.Province => "province",
        AdministrativeLevel.Prefecture => "prefecture",
        _ => "county",
    };

    /// <summary>Compares two committees for equality.</summary>
    /// <param name="left">The first committee.</param>
    /// <param name="right">The second committee.</param>
    /// <returns>Whether they are the same body.</returns>
    public static bool operator ==(Committee left, Committee right) => left.Equals(right);

    /// <summary>Compares two committees for inequality.</summary>
    /// <param name="left">The first committee.</param>
    /// <param name="right">The second committee.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Committee left, Committee right) => !left.Equals(right);

    /// <summary>Orders committees by region code, then level.</summary>
    /// <param name="left">The first committee.</param>
    /// <param name="right">The second committee.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Committee left, Committee right) => left.CompareTo(right) < 0;

    /// <summary>Orders committees by region code, then level.</summary>
    /// <param name="left">The first committee.</param>
    /// <param name="right">The second committee.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Committee left, Committee right) => left.CompareTo(right) > 0;

    /// <summary>Orders committees by region code, then level.</summary>
    /// <param name="left">The first committee.</param>
    /// <param name="right">The second committee.</param>
    /// <returns>Whether <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(Committee left, Committee right) => left.CompareTo(right) <= 0;

    /// <summary>Orders committees by region code, then level.</summary>
    /// <param name="left">The first committee.</param>
    /// <param name="right">The second committee.</param>
    /// <returns>Whether <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(Committee left, Committee right) => left.CompareTo(right) >= 0;
}
