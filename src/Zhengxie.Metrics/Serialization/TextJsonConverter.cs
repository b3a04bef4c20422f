using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Serialization;

/// <summary>
/// The one converter of the value types that have a text form (<see cref="RegionCode"/>, <see cref="Committee"/>,
/// <see cref="ReportingPeriod"/>, <see cref="Measure"/>, <see cref="FigureUnit"/>): a JSON string read with the type's
/// <see cref="ISpanParsable{TSelf}"/> and written with its <see cref="ISpanFormattable"/>, culture-invariant, as a
/// value and as a property name (keys of objects such as <c>counts</c>). The text is parsed from a stack buffer and
/// formatted into one, so a value costs no string beyond the one the type keeps. <c>default(T)</c> has no JSON form.
/// Attached to each type with <see cref="JsonConverterAttribute"/>, so every <see cref="JsonSerializerOptions"/> uses it.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class TextJsonConverter<T> : JsonConverter<T>
    where T : struct, ISpanParsable<T>, ISpanFormattable, IEquatable<T>
{
    private const int StackChars = 128;

    internal static readonly TextJsonConverter<T> Instance = new();

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? Parse(ref reader)
            : throw JsonRead.Error($"expected {typeof(T).Name} as a string, found {JsonRead.Describe(reader.TokenType)}");

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(ref reader);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[StackChars];
        writer.WriteStringValue(Format(value, buffer));
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[StackChars];
        writer.WritePropertyName(Format(value, buffer));
    }

    private static T Parse(ref Utf8JsonReader reader)
    {
        // An unescaped string has at most as many UTF-16 chars as its raw UTF-8 bytes.
        long bytes = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        char[]? rented = bytes > StackChars ? ArrayPool<char>.Shared.Rent(checked((int)bytes)) : null;
        Span<char> buffer = rented is null ? stackalloc char[StackChars] : rented;
        try
        {
            var text = buffer[..reader.CopyString(buffer)];
            if (T.TryParse(text, CultureInfo.InvariantCulture, out T value))
            {
                return value;
            }

            try
            {
                T.Parse(text, CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw JsonRead.Error(e.Message.TrimEnd('.'), e);
            }

            throw JsonRead.Error($"'{text}' is not a {typeof(T).Name}");
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<char> Format(T value, Span<char> buffer)
    {
        if (EqualityComparer<T>.Default.Equals(value, default))
        {
            throw new ArgumentException($"default({typeof(T).Name}) has no text and no JSON form.", nameof(value));
        }

        return value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture)
            ? buffer[..written]
            : value.ToString(null, CultureInfo.InvariantCulture);
    }
}
