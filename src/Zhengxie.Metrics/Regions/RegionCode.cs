using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// A six-digit GB/T 2260 administrative division code, such as <c>330324</c> (永嘉县). The code's shape
/// (<c>PP0000</c>, <c>PPCC00</c>, <c>PPCCDD</c>) gives its nominal level; the real parent comes from a
/// <c>RegionTable</c>, since it is not always the code with its last digits zeroed
/// (municipalities' districts and province-administered counties hang directly under the province).
/// </summary>
/// <remarks>
/// Equality and ordering are those of the number. <c>default(RegionCode)</c> is not a valid code
/// (<see cref="IsDefault"/> is true); every constructed code is 110000..999999 with a province part of
/// 11 or more. This type is immutable and thread-safe.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
[JsonConverter(typeof(TextJsonConverter<RegionCode>))]
public readonly struct RegionCode : IEquatable<RegionCode>, IComparable<RegionCode>, IComparable, ISpanParsable<RegionCode>, ISpanFormattable
{
    private readonly int value;

    /// <summary>Creates a code from its numeric value.</summary>
    /// <param name="value">Six digits, 110000 to 999999.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a six-digit division code.</exception>
    public RegionCode(int value)
    {
        Preconditions.CheckArgumentRange(IsValidValue(value), value, "A GB/T 2260 code has six digits, from 110000 to 999999.");
        this.value = value;
    }

    /// <summary>Gets the numeric value, such as 330324.</summary>
    public int Value => value;

    /// <summary>Gets a value indicating whether this is <c>default(RegionCode)</c>, which names no region.</summary>
    public bool IsDefault => value == 0;

    /// <summary>Gets the level the code's shape gives: province (<c>PP0000</c>), prefecture (<c>PPCC00</c>) or county.</summary>
    public AdministrativeLevel NominalLevel =>
        value % 10000 == 0 ? AdministrativeLevel.Province
        : value % 100 == 0 ? AdministrativeLevel.Prefecture
        : AdministrativeLevel.County;

    /// <summary>Gets the code of the province this code lies in (<c>PP0000</c>).</summary>
    public RegionCode ProvinceCode => new(value / 10000 * 10000);

    /// <summary>Parses six ASCII digits.</summary>
    /// <param name="text">The code, such as <c>"330324"</c>.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">The text is not a six-digit division code.</exception>
    public static RegionCode Parse(string text)
    {
        Preconditions.CheckNotNull(text);
        return ParseText(text);
    }

    /// <inheritdoc />
    static RegionCode IParsable<RegionCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static RegionCode ISpanParsable<RegionCode>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => ParseText(s);

    private static RegionCode ParseText(ReadOnlySpan<char> s) =>
        TryParse(s, out var code) ? code : throw new FormatException($"'{s}' is not a GB/T 2260 region code: expected six digits such as 330324.");

    /// <inheritdoc />
    static bool IParsable<RegionCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out RegionCode result) => TryParse(s.AsSpan(), out result);

    /// <inheritdoc />
    static bool ISpanParsable<RegionCode>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out RegionCode result) => TryParse(s, out result);

    /// <summary>Tries to parse six ASCII digits.</summary>
    /// <param name="text">The text.</param>
    /// <param name="code">The code, when the text is one.</param>
    /// <returns>Whether the text is a six-digit division code.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out RegionCode code)
    {
        code = default;
        if (text.Length != 6)
        {
            return false;
        }

        int v = 0;
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            v = (v * 10) + (c - '0');
        }

        if (!IsValidValue(v))
        {
            return false;
        }

        code = new RegionCode(v);
        return true;
    }

    private static bool IsValidValue(int value) => value is >= 110000 and <= 999999;

    /// <inheritdoc />
    public bool Equals(RegionCode other) => value == other.value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RegionCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => value;

    /// <inheritdoc />
    public int CompareTo(RegionCode other) => value.CompareTo(other.value);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        RegionCode other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a RegionCode.", nameof(obj)),
    };

    /// <summary>Formats the six digits (<c>330324</c>).</summary>
    /// <returns>The code as text; <c>000000</c> for the default value.</returns>
    public override string ToString() => value.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Formats the six digits; format and culture are ignored, the code is always six ASCII digits.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The code as text.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

#if NET8_0_OR_GREATER
    /// <summary>Writes the six digits into <paramref name="destination"/>.</summary>
    /// <param name="destination">The buffer.</param>
    /// <param name="charsWritten">6 when it fits.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the buffer was large enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => value.TryFormat(destination, out charsWritten, "D6", CultureInfo.InvariantCulture);
#endif

    /// <summary>Compares two codes for equality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether they are the same code.</returns>
    public static bool operator ==(RegionCode left, RegionCode right) => left.Equals(right);

    /// <summary>Compares two codes for inequality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RegionCode left, RegionCode right) => !left.Equals(right);

    /// <summary>Orders codes numerically.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether <paramref name="left"/> is smaller.</returns>
    public static bool operator <(RegionCode left, RegionCode right) => left.value < right.value;

    /// <summary>Orders codes numerically.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether <paramref name="left"/> is larger.</returns>
    public static bool operator >(RegionCode left, RegionCode right) => left.value > right.value;

    /// <summary>Orders codes numerically.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether <paramref name="left"/> is not larger.</returns>
    public static bool operator <=(RegionCode left, RegionCode right) => left.value <= right.value;

    /// <summary>Orders codes numerically.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether <paramref name="left"/> is not smaller.</returns>
    public static bool operator >=(RegionCode left, RegionCode right) => left.value >= right.value;
}
