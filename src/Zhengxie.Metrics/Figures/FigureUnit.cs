using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// The unit a figure is printed in: a counting word (件, 次, 场次, 篇, 条, 个, 人次, 家次, ...), a unit
/// with 万 scaling (万元 = 10,000 元; 万字 = 10,000 字), or <c>%</c> for a stated rate. Counts of
/// different things never add up together: two units are compatible only when their
/// <see cref="BaseSymbol"/>s are equal (万元 and 元 are; 件 and 次 are not).
/// </summary>
/// <remarks>Equality compares the printed symbol. <c>default(FigureUnit)</c> has an empty symbol. Immutable and thread-safe.</remarks>
[DebuggerDisplay("{Symbol,nq}")]
[JsonConverter(typeof(TextJsonConverter<FigureUnit>))]
public readonly struct FigureUnit : IEquatable<FigureUnit>, ISpanParsable<FigureUnit>, ISpanFormattable
{
    private readonly string? symbol;

    /// <summary>Creates a unit from its printed symbol, such as <c>件</c> or <c>万元</c>.</summary>
    /// <param name="symbol">The symbol, as printed.</param>
    /// <exception cref="ArgumentException">The symbol is empty, white space, only 万 or 亿, or has a digit (「12件」: the number belongs in the value).</exception>
    public FigureUnit(string symbol)
    {
        Preconditions.CheckNotNullOrWhiteSpace(symbol);
        symbol = symbol.Trim();
        Preconditions.CheckArgument(symbol is not ("万" or "亿"), nameof(symbol), "'万' or '亿' alone is a scale, not a unit: write 万元, 亿元, 万字, ...");
        if (HasDigit(symbol))
        {
            throw new ArgumentException(DigitMessage(symbol), nameof(symbol));
        }

        this.symbol = symbol;
    }

    /// <summary>Gets the percent unit of stated rates (<c>%</c>).</summary>
    public static FigureUnit Percent { get; } = new("%");

    /// <summary>Gets the unit of proposals (<c>件</c>).</summary>
    public static FigureUnit Piece { get; } = new("件");

    /// <summary>Gets the unit of events (<c>次</c>).</summary>
    public static FigureUnit Times { get; } = new("次");

    /// <summary>Gets the symbol as printed (<c>万元</c>).</summary>
    public string Symbol => symbol ?? string.Empty;

    /// <summary>Gets the symbol without 万 scaling (<c>元</c> for <c>万元</c>).</summary>
    public string BaseSymbol => Scale == 1 ? Symbol : Symbol[1..];

    /// <summary>Gets the unit without 万 scaling (<c>元</c> for <c>万元</c>; the unit itself when it has no scaling), in which <see cref="Figure.Bounds"/> are counted.</summary>
    public FigureUnit BaseUnit => Scale == 1 ? this : new FigureUnit(BaseSymbol);

    /// <summary>Gets the factor from this unit to its base unit: 10,000 for 万元 and 万字, 100,000,000 for 亿元, else 1.</summary>
    public int Scale => Symbol.Length > 1 ? Symbol[0] switch { '万' => 10_000, '亿' => 100_000_000, _ => 1 } : 1;

    /// <summary>Gets a value indicating whether this is the percent unit of stated rates.</summary>
    public bool IsPercent => Symbol == "%";

    /// <summary>Returns whether figures in this unit and <paramref name="other"/> may be added whatever they count (same base unit). For units that count the same thing for a measure (家 and 个, 次 and 场次), see <see cref="UnitEquivalence"/>.</summary>
    /// <param name="other">The other unit.</param>
    /// <returns>Whether the base symbols are equal.</returns>
    public bool IsCompatibleWith(FigureUnit other) => string.Equals(BaseSymbol, other.BaseSymbol, StringComparison.Ordinal);

    /// <inheritdoc />
    public bool Equals(FigureUnit other) => string.Equals(Symbol, other.Symbol, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FigureUnit other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Symbol);

    /// <summary>Returns the printed symbol.</summary>
    /// <returns>The symbol.</returns>
    public override string ToString() => Symbol;

    /// <summary>Returns the symbol; format and culture are ignored.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The symbol.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Symbol;

    /// <summary>Copies the symbol into <paramref name="destination"/>.</summary>
    /// <param name="destination">The buffer.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the buffer was large enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        bool fits = Symbol.TryCopyTo(destination);
        charsWritten = fits ? Symbol.Length : 0;
        return fits;
    }

    /// <inheritdoc />
    static FigureUnit IParsable<FigureUnit>.Parse(string s, IFormatProvider? provider)
    {
        Preconditions.CheckNotNull(s);
        return ParseText(s);
    }

    /// <inheritdoc />
    static FigureUnit ISpanParsable<FigureUnit>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => ParseText(s);

    private static FigureUnit ParseText(ReadOnlySpan<char> s) =>
        TryParseText(s, out var unit) ? unit : throw new FormatException($"'{s}' is not a unit: expected a printed symbol such as 件, 次 or 万元, without digits ('万' or '亿' alone is a scale).");

    /// <inheritdoc />
    static bool IParsable<FigureUnit>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out FigureUnit result) => TryParseText(s, out result);

    /// <inheritdoc />
    static bool ISpanParsable<FigureUnit>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out FigureUnit result) => TryParseText(s, out result);

    private static bool TryParseText(ReadOnlySpan<char> s, out FigureUnit result)
    {
        var symbol = s.Trim();
        result = symbol.IsEmpty || symbol.SequenceEqual("万") || symbol.SequenceEqual("亿") || HasDigit(symbol) ? default : new FigureUnit(symbol.ToString());
        return result.Symbol.Length > 0;
    }

    /// <summary>Returns whether a unit's text has a decimal digit (ASCII, full-width or any other): a number, not a unit, or a number and its unit in one field.</summary>
    internal static bool HasDigit(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The message for a unit with a digit (made only when one is refused).</summary>
    internal static string DigitMessage(ReadOnlySpan<char> text) =>
        $"'{text}' has a digit, so it is not a unit: write the unit as printed (件, 次, 万元, % ...) and the number in the value.";

    /// <summary>Compares two units for equality of their printed symbols.</summary>
    /// <param name="left">The first unit.</param>
    /// <param name="right">The second unit.</param>
    /// <returns>Whether the symbols are equal.</returns>
    public static bool operator ==(FigureUnit left, FigureUnit right) => left.Equals(right);

    /// <summary>Compares two units for inequality.</summary>
    /// <param name="left">The first unit.</param>
    /// <param name="right">The second unit.</param>
    /// <returns>Whether the symbols differ.</returns>
    public static bool operator !=(FigureUnit left, FigureUnit right) => !left.Equals(right);
}
