using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Serialization;

/// <summary>The base of the converters of the library's objects: reading through <see cref="JsonFields"/> (strict, errors at their path, the constructor's checks turned into <see cref="JsonException"/>s), writing through <see cref="JsonFieldWriter"/>.</summary>
/// <typeparam name="T">The type.</typeparam>
internal abstract class ObjectJsonConverter<T> : JsonConverter<T>
{
    private static readonly string What = JsonRead.Words(typeof(T).Name) is var w && w.EndsWith('s') ? w : (w[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + w;

    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonFields.Read(ref reader, options, What).Build(Read);

    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        new JsonFieldWriter(writer, JsonRead.Options(options)).Object(value, Write);
    }

    protected abstract T Read(JsonFields json);

    protected abstract void Write(JsonFieldWriter json, T value);
}

/// <summary>The base of the converters of collections written as a JSON array of their items (region table, catalogue, record table).</summary>
/// <typeparam name="T">The collection.</typeparam>
/// <typeparam name="TItem">The item.</typeparam>
internal abstract class ArrayJsonConverter<T, TItem> : JsonConverter<T>
    where TItem : class
{
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.Check(reader.TokenType == JsonTokenType.StartArray, string.Empty, $"expected a {JsonRead.Words(typeof(T).Name)} as an array, found {JsonRead.Describe(reader.TokenType)}");
        List<TItem?> items;
        try
        {
            items = JsonSerializer.Deserialize(ref reader, JsonRead.Info<List<TItem?>>(JsonRead.Options(options)))!;
        }
        catch (JsonException ex)
        {
            throw JsonRead.Below(ex, string.Empty);
        }

        int bad = items.IndexOf(null);
        JsonRead.Check(bad < 0, JsonRead.At(bad), $"expected {JsonRead.Words(typeof(TItem).Name)}, found null");
        return JsonRead.Build(() => Create(items!), JsonRead.Words(typeof(T).Name), []);
    }

    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new List<TItem>(Items(value ?? throw new ArgumentNullException(nameof(value)))), JsonRead.Info<List<TItem>>(JsonRead.Options(options)));

    protected abstract T Create(List<TItem> items);

    protected abstract IEnumerable<TItem> Items(T value);
}
