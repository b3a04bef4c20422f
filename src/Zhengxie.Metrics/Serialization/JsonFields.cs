using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Serialization;

/// <summary>The properties of one JSON object, for a converter that builds its value through the constructor: each property read once (a repeated one is refused), taken by name with the options' contract for its type, every error placed at its path, and a property nobody took refused as unknown.</summary>
internal sealed class JsonFields
{
    private readonly Dictionary<string, JsonElement> fields = new(StringComparer.Ordinal);
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);
    private readonly JsonSerializerOptions options;
    private readonly string what;

    private JsonFields(JsonElement element, JsonSerializerOptions options, string what, string at = "")
    {
        (this.options, this.what) = (options, what);
        JsonRead.Check(element.ValueKind == JsonValueKind.Object, at, $"expected {what} as an object, found {JsonRead.Describe(element.ValueKind)}");
        foreach (var property in element.EnumerateObject())
        {
            JsonRead.Check(fields.TryAdd(property.Name, property.Value), at, $"the property '{property.Name}' appears twice");
        }
    }

    internal static JsonFields Read(ref Utf8JsonReader reader, JsonSerializerOptions options, string what) =>
        new(JsonElement.ParseValue(ref reader), JsonRead.Options(options), what);

    /// <summary>Gets whether the property is present and not null.</summary>
    internal bool Has(string name) => fields.TryGetValue(name, out var e) && e.ValueKind != JsonValueKind.Null;
    /// <summary>A property that must be present; <c>null</c> is refused unless <typeparamref name="T"/> is a nullable value type.</summary>
    internal T Get<T>(string name)
    {
        taken.Add(name);
        JsonRead.Check(fields.TryGetValue(name, out var element), string.Empty, $"{char.ToUpperInvariant(what[0])}{what.AsSpan(1)} needs the property '{name}'");
        JsonRead.Check(element.ValueKind != JsonValueKind.Null || Nullable.GetUnderlyingType(typeof(T)) is not null, JsonRead.Segment(name), $"expected '{name}', found null");
        return element.ValueKind == JsonValueKind.Null ? default! : JsonRead.Value<T>(element, options, JsonRead.Segment(name));
    }

    /// <summary>A property that may be missing or <c>null</c>, which gives <paramref name="fallback"/>.</summary>
    internal T Opt<T>(string name, T fallback)
    {
        taken.Add(name);
        return Has(name) ? JsonRead.Value<T>(fields[name], options, JsonRead.Segment(name)) : fallback;
    }

    /// <summary>An array of objects, each read by <paramref name="read"/> from its own fields.</summary>
    internal List<T> Each<T>(string name, string itemWhat, Func<JsonFields, T> read)
    {
        var element = Get<JsonElement>(name);
        JsonRead.Check(element.ValueKind == JsonValueKind.Array, JsonRead.Segment(name), $"expected '{name}' as an array, found {JsonRead.Describe(element.ValueKind)}");
        return element.EnumerateArray().Select((item, i) => Nested(item, JsonRead.Segment(name) + JsonRead.At(i), itemWhat, read)).ToList();
    }

    /// <summary>An object keyed by name, each value read by <paramref name="read"/> (or the contract of <typeparamref name="T"/>), in order.</summary>
    internal List<KeyValuePair<string, T>> Map<T>(string name, string itemWhat, Func<JsonFields, T>? read = null, bool optional = false)
    {
        var map = optional && !Has(name) ? Opt(name, new JsonElement()) : Get<JsonElement>(name);
        JsonRead.Check(map.ValueKind is JsonValueKind.Object or JsonValueKind.Undefined, JsonRead.Segment(name), $"expected '{name}' as an object, found {JsonRead.Describe(map.ValueKind)}");
        var list = new List<KeyValuePair<string, T>>();
        if (map.ValueKind == JsonValueKind.Undefined)
        {
            return list;
        }

        foreach (var p in map.EnumerateObject())
        {
            string at = JsonRead.Segment(name) + JsonRead.Segment(p.Name);
            JsonRead.Check(!list.Exists(e => e.Key == p.Name), at, $"the property '{p.Name}' appears twice");
            list.Add(new(p.Name, read is null ? JsonRead.Value<T>(p.Value, options, at) : Nested(p.Value, at, itemWhat, read)));
        }

        return list;
    }

    /// <summary>An object keyed by measure identifier.</summary>
    internal List<KeyValuePair<Measure, T>> Measures<T>(string name, bool optional = false) =>
        Map<T>(name, "a value", optional: optional).ConvertAll(p => Measure.TryParse(p.Key, out var m)
            ? new KeyValuePair<Measure, T>(m, p.Value)
            : throw JsonRead.Error($"'{p.Key}' is not a measure identifier (dot-separated lower-case segments such as proposals.filed)").Below(JsonRead.Segment(name) + JsonRead.Segment(p.Key)));

    /// <summary>A statistic derived from the data, written for readers: optional on reading, and when present it must equal <paramref name="derived"/>.</summary>
    internal void Derived(string name, decimal? derived, string data)
    {
        decimal? stated = Opt(name, derived);
        Check(!fields.ContainsKey(name) || stated == derived, name, $"'{name}' is {(object?)stated ?? "null"} but the {data} give {(object?)derived ?? "null"}");
    }

    /// <summary>Fails at a property (or at <c>.a[1]</c>, or at the object when empty) unless the condition holds; the message is formatted only then.</summary>
    internal JsonFields Check([DoesNotReturnIf(false)] bool condition, string name, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessageHandler detail)
    {
        JsonRead.Check(condition, name.Length == 0 || name[0] is '.' or '[' ? name : JsonRead.Segment(name), ref detail);
        return this;
    }

    /// <summary>Builds the value, the constructor's rejections placed at the path, then refuses any property not taken.</summary>
    internal T Build<T>(Func<JsonFields, T> read)
    {
        var value = JsonRead.Build(() => read(this), what.StartsWith("a ", StringComparison.Ordinal) ? what[2..] : what.StartsWith("an ", StringComparison.Ordinal) ? what[3..] : what, fields.Keys);
        string? unknown = fields.Keys.FirstOrDefault(name => !taken.Contains(name));
        JsonRead.Check(unknown is null, string.Empty, $"'{unknown}' is not a property of {what} ({string.Join(", ", taken)})");
        return value;
    }

    private T Nested<T>(JsonElement element, string at, string itemWhat, Func<JsonFields, T> read)
    {
        try
        {
            return new JsonFields(element, options, itemWhat).Build(read);
        }
        catch (JsonException ex)
        {
            throw JsonRead.Below(ex, at);
        }
    }
}

/// <summary>Writes the properties of one JSON object with the options' contracts (<c>w.Add("committee", c).Opt("topic", t)</c>).</summary>
internal readonly struct JsonFieldWriter(Utf8JsonWriter writer, JsonSerializerOptions options)
{
    internal JsonFieldWriter Add<T>(string name, T value)
    {
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, value, JsonRead.Info<T>(options));
        return this;
    }

    /// <summary>Writes the property unless the value is <c>null</c>.</summary>
    internal JsonFieldWriter Opt<T>(string name, T value) => value is null ? this : Add(name, value);
    internal JsonFieldWriter If<T>(bool condition, string name, T value) => condition ? Add(name, value) : this;
    /// <summary>Writes an object keyed by name, in ordinal order of the names.</summary>
    internal JsonFieldWriter Map<T>(string name, IEnumerable<KeyValuePair<string, T>> pairs) =>
        Members(name, pairs.OrderBy(p => p.Key, StringComparer.Ordinal), (w, p) => w.Add(p.Key, p.Value));

    /// <summary>Writes an array of objects, each written by <paramref name="write"/>.</summary>
    internal JsonFieldWriter Each<T>(string name, IEnumerable<T> items, Action<JsonFieldWriter, T> write)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            Object(item, write);
        }

        writer.WriteEndArray();
        return this;
    }

    /// <summary>Writes a property whose value is an object written by <paramref name="write"/>.</summary>
    internal JsonFieldWriter Object<T>(string name, T value, Action<JsonFieldWriter, T> write)
    {
        writer.WritePropertyName(name);
        Object(value, write);
        return this;
    }

    /// <summary>Writes a property whose value is an object with the properties <paramref name="write"/> writes for each item.</summary>
    internal JsonFieldWriter Members<T>(string name, IEnumerable<T> items, Action<JsonFieldWriter, T> write)
    {
        writer.WriteStartObject(name);
        foreach (var item in items)
        {
            write(this, item);
        }

        writer.WriteEndObject();
        return this;
    }

    internal void Object<T>(T value, Action<JsonFieldWriter, T> write)
    {
        writer.WriteStartObject();
        write(this, value);
        writer.WriteEndObject();
    }
}
