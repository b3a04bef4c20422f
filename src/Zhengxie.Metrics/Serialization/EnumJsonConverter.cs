using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Serialization;

/// <summary>An enum as the snake_case word of its member (<c>AdministrativeLevel.County</c> → <c>"county"</c>, <c>ValidationRule.FiledExceedsReceived</c> → <c>"filed_exceeds_received"</c>). Numbers and unknown words are rejected; an undefined value cannot be written. Trimming- and AOT-safe (no reflection).</summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
public sealed class EnumJsonConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> WordByValue = Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(Enum.GetName(v)!));
    private static readonly Dictionary<string, TEnum> ValueByWord = WordByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    private static readonly string Words = string.Join(", ", WordByValue.Values);
    private static readonly string TypeName = ("aeiou".Contains(JsonRead.Words(typeof(TEnum).Name)[0], StringComparison.Ordinal) ? "an " : "a ") + JsonRead.Words(typeof(TEnum).Name);
    /// <summary>Gets the word of a value.</summary>
    internal static string ToWord(TEnum value) => WordByValue.TryGetValue(value, out string? word) ? word : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} value {value} is not defined and has no JSON form.");

    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.String(ref reader, TypeName);
        return ValueByWord.TryGetValue(text, out var value) ? value : throw JsonRead.Error($"'{text}' is not {TypeName} (use {Words})");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(ToWord(value));
}
