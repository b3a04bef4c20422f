using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Serialization;

/// <summary>The one converter of the value types with a text form (<see cref="RegionCode"/>, <see cref="Committee"/>, <see cref="ReportingPeriod"/>, <see cref="Measure"/>, <see cref="FigureUnit"/>): a JSON string (or property name) read with the type's <see cref="ISpanParsable{TSelf}"/> and written with its <see cref="ISpanFormattable"/>, culture-invariant, through a stack buffer. <c>default(T)</c> has no JSON form. Attached with <see cref="JsonConverterAttribute"/>, so any <see cref="JsonSerializerOptions"/> use it.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class TextJsonConverter<T> : JsonConverter<T>
    where T : struct, ISpanParsable<T>, ISpanFormattable, IEquatable<T>
{
    private const int StackChars = 128;

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Parse(ref reader) : throw JsonRead.Error($"expected {typeof(T).Name} as a string, found {JsonRead.Describe(reader.TokenType)}");

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(ref reader);
    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Format(value, stackalloc char[StackChars]));
    /// <inheritdoc />
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
