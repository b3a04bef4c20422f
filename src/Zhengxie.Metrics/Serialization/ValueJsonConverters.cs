using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Zhengxie.Metrics.Serialization;

/// <summary>The one converter of the value types with a text form (<see cref="RegionCode"/>, <see cref="Committee"/>, <see cref="ReportingPeriod"/>, <see cref="Measure"/>, <see cref="FigureUnit"/>): a JSON string (or property name) read with the type's <see cref="ISpanParsable{TSelf}"/> and written with its <see cref="ISpanFormattable"/>, culture-invariant, through a stack buffer. <c>default(T)</c> has no JSON form. Attached with <see cref="JsonConverterAttribute"/>, so any <see cref="JsonSerializerOptions"/> use it.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class TextJsonConverter<T> : JsonConverter<T>
    where T : struct, ISpanParsable<T>, ISpanFormattable, IEquatable<T>
{
    private const int StackChars = 128;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Parse(ref reader) : throw JsonRead.Error($"expected {typeof(T).Name} as a string, found {JsonRead.Describe(reader.TokenType)}");

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(ref reader);
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Format(value, stackalloc char[StackChars]));
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(Format(value, stackalloc char[StackChars]));

    private static T Parse(ref Utf8JsonReader reader)
    {
        // An unescaped string has at most as many UTF-16 chars as its raw UTF-8 bytes; a longer one is read as a string.
        Span<char> buffer = stackalloc char[StackChars];
        ReadOnlySpan<char> text = (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) <= StackChars
            ? buffer[..reader.CopyString(buffer)]
            : reader.GetString();
        if (T.TryParse(text, CultureInfo.InvariantCulture, out T value))
        {
            return value;
        }

        try
        {
            return T.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw JsonRead.Error(e.Message.TrimEnd('.'), e);
        }
    }

    private static ReadOnlySpan<char> Format(T value, Span<char> buffer) =>
        EqualityComparer<T>.Default.Equals(value, default) ? throw new ArgumentException($"default({typeof(T).Name}) has no text and no JSON form.", nameof(value))
        : value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture) ? buffer[..written]
        : value.ToString(null, CultureInfo.InvariantCulture);
}

/// <summary>An enum as the snake_case word of its member (<c>AdministrativeLevel.County</c> → <c>"county"</c>, <c>ValidationRule.FiledExceedsReceived</c> → <c>"filed_exceeds_received"</c>). Numbers and unknown words are rejected; an undefined value cannot be written. Trimming- and AOT-safe (no reflection).</summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal sealed class EnumJsonConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> WordByValue = Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(Enum.GetName(v)!));
    private static readonly Dictionary<string, TEnum> ValueByWord = WordByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    private static readonly string Words = string.Join(", ", WordByValue.Values);
    private static readonly string TypeName = ("aeiou".Contains(JsonRead.Words(typeof(TEnum).Name)[0], StringComparison.Ordinal) ? "an " : "a ") + JsonRead.Words(typeof(TEnum).Name);
    /// <summary>Gets the word of a value.</summary>
    internal static string ToWord(TEnum value) => WordByValue.TryGetValue(value, out string? word) ? word : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} value {value} is not defined and has no JSON form.");

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.String(ref reader, TypeName);
        return ValueByWord.TryGetValue(text, out var value) ? value : throw JsonRead.Error($"'{text}' is not {TypeName} (use {Words})");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(ToWord(value));
}

/// <summary>NodaTime <see cref="LocalDate"/> as an ISO date string, <c>"2021-02-26"</c> (ISO-calendar dates only). NodaTime's types carry no converter, so the library adds this one to the options it reads its own objects with.</summary>
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    internal static readonly LocalDateJsonConverter Instance = new();

    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.String(ref reader, "a date");
        return LocalDatePattern.Iso.Parse(text) is { Success: true } result ? result.Value : throw JsonRead.Error($"'{text}' is not an ISO date such as 2021-02-26");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) => writer.WriteStringValue(value.Calendar == CalendarSystem.Iso
        ? LocalDatePattern.Iso.Format(value)
        : throw new ArgumentException($"The date {value} is in the {value.Calendar.Id} calendar; only ISO-calendar dates are written to JSON.", nameof(value)));
}

/// <summary>NodaTime <see cref="Period"/> as an ISO-8601 string, <c>"P3M"</c> (NodaTime's round-trip pattern; ISO decimals such as <c>PT1.5S</c> are read too).</summary>
internal sealed class PeriodJsonConverter : JsonConverter<Period>
{
    internal static readonly PeriodJsonConverter Instance = new();

    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.String(ref reader, "a period");
        return (PeriodPattern.Roundtrip.Parse(text) is { Success: true } result ? result : PeriodPattern.NormalizingIso.Parse(text)) is { Success: true } read
            ? read.Value
            : throw JsonRead.Error($"'{text}' is not an ISO-8601 period such as P3M or P1M15D");
    }

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options) =>
        writer.WriteStringValue(PeriodPattern.Roundtrip.Format(value ?? throw new ArgumentNullException(nameof(value))));
}

/// <summary><see cref="Bounds"/> as a count: a whole number when exact (<c>176</c>), else <c>{"lower":101,"upper":199}</c> with <c>"upper":null</c> when there is no upper bound. Reads both. Hand-written because a count has two shapes.</summary>
internal sealed class BoundsJsonConverter : JsonConverter<Bounds>
{
    public override Bounds Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out long count)
                ? JsonRead.Build(() => Bounds.Exactly(count), "count", [])
                : throw JsonRead.Error($"a count must be a whole number that fits in 64 bits, found {(reader.HasValueSequence ? "a longer number" : Encoding.UTF8.GetString(reader.ValueSpan))}");
        }

        return JsonFields.Read(ref reader, options, "bounds").Build(json =>
        {
            long lower = json.Get<long>("lower");
            long? upper = json.Get<long?>("upper");
            json.Check(upper is null || upper >= lower, "upper", $"the upper bound {upper} is below the lower bound {lower}");
            return upper is { } u ? Bounds.Between(lower, u) : Bounds.AtLeast(lower);
        });
    }

    public override void Write(Utf8JsonWriter writer, Bounds value, JsonSerializerOptions options)
    {
        if (value.IsExact)
        {
            writer.WriteNumberValue(value.Lower);
        }
        else
        {
            new JsonFieldWriter(writer, JsonRead.Options(options)).Object(value, (w, b) => w.Add("lower", b.Lower).Add("upper", b.Upper));
        }
    }
}

/// <summary><see cref="Rate"/> as <c>{"numerator":176,"denominator":178}</c>, each part a count (a bounds object when not exact: <c>{"numerator":{"lower":101,"upper":199},"denominator":354}</c>). Hand-written: a rate's public surface is its value and bounds, not the two counts it is made of.</summary>
internal sealed class RateJsonConverter : ObjectJsonConverter<Rate>
{
    protected override Rate Read(JsonFields json) => Rate.FromBounds(json.Get<Bounds>("numerator"), json.Get<Bounds>("denominator"));
    protected override void Write(JsonFieldWriter json, Rate value) => json.Add("numerator", value.Numerator).Add("denominator", value.Denominator);
}
