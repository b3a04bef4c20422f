using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Serialization;

/// <summary>A value in JSON that does not make the type it should be read as; the message starts with the JSON path (<c>$.figures[3].period: '2020x' is not a reporting period …</c>): System.Text.Json sets <see cref="JsonException.Path"/> to where the failing converter was called, and <see cref="RelativePath"/> is the path inside that value.</summary>
#pragma warning disable CA1064 // Internal on purpose: callers catch JsonException, the public type.
internal sealed class JsonReadException(string detail, Exception? innerException = null, string relativePath = "") : JsonException(detail, innerException)
#pragma warning restore CA1064
{
    internal string Detail { get; } = detail;

    internal string RelativePath { get; private set; } = relativePath;

    /// <inheritdoc />
    public override string Message => (Path ?? "$") + RelativePath + ": " + Detail;
    /// <summary>Records that the error lies below a property or element (<c>.name</c>, <c>[3]</c>).</summary>
    internal JsonReadException Below(string segment)
    {
        RelativePath = segment + RelativePath;
        return this;
    }
}

/// <summary>Helpers of the converters: errors that name their path, and the options' contracts.</summary>
internal static class JsonRead
{
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> WithNoda = [];
    internal static JsonReadException Error(string detail, Exception? inner = null) => new(detail, inner);
    /// <summary>Fails at <paramref name="at"/> unless the condition holds; the message is formatted only then.</summary>
    internal static void Check([DoesNotReturnIf(false)] bool condition, string at, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessageHandler detail)
    {
        if (!condition)
        {
            throw Error(detail.ToStringAndClear()).Below(at);
        }
    }

    /// <summary>Fails at the path <paramref name="at"/> (<c>[3].counts.x</c>) unless the condition holds; the path, like the message, is formatted only then.</summary>
    internal static void CheckAt([DoesNotReturnIf(false)] bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessageHandler at, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessageHandler detail)
    {
        if (!condition)
        {
            throw Error(detail.ToStringAndClear()).Below(at.ToStringAndClear());
        }
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    internal static string Describe(JsonTokenType token) => Describe(token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True or JsonTokenType.False => JsonValueKind.True,
        _ => JsonValueKind.Null,
    });

    /// <summary>Reads the current string token, or fails naming what was expected.</summary>
    internal static string String(ref Utf8JsonReader reader, string expected) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Error($"expected {expected} as a string, found {Describe(reader.TokenType)}");

    internal static string At(int index) => "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
    /// <summary>The JSON-path segment of a property: <c>.name</c>, or <c>['proposals.filed']</c> when the name is not a plain word.</summary>
    internal static string Segment(string name) =>
        name.Length > 0 && name.AsSpan().IndexOfAnyExcept(AsciiWord) < 0 ? "." + name : "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";

    private static readonly System.Buffers.SearchValues<char> AsciiWord = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    /// <summary>The options with the library's context as the first resolver and the NodaTime converters (<see cref="LocalDate"/>, <see cref="Period"/>) added, so the library's types keep their format under any options (one copy per options, cached).</summary>
    internal static JsonSerializerOptions Options(JsonSerializerOptions options) =>
        options.Converters.Contains(LocalDateJsonConverter.Instance) ? options : WithNoda.GetValue(options, o =>
        {
            // The library's context first: an application's own context may serialize our types on its fast path with its own options.
            var copy = new JsonSerializerOptions(o)
            {
                TypeInfoResolver = JsonTypeInfoResolver.Combine(ZhengxieJsonContext.Default, o.TypeInfoResolver),
                Converters = { LocalDateJsonConverter.Instance, PeriodJsonConverter.Instance },
            };
            copy.MakeReadOnly();
            return copy;
        });

    internal static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    /// <summary>Reads a value with the options' contract; an error is placed below <paramref name="segment"/>.</summary>
    internal static T Value<T>(JsonElement element, JsonSerializerOptions options, string segment, string? name = null)
    {
        try
        {
            return typeof(T) == typeof(JsonElement) ? (T)(object)element : element.Deserialize(Info<T>(options))!;
        }
        catch (JsonException ex)
        {
            throw Below(ex, name is null ? segment : segment + Segment(name));
        }
        catch (Exception ex) when (IsRejection(ex))
        {
            throw Rejected(ex, Info<T>(options), name is null ? segment : segment + Segment(name));
        }
    }

    /// <summary>
    /// A contract's constructor rejected the values: System.Text.Json passes that on unwrapped and without a path, so it becomes an error at
    /// <paramref name="at"/>, below the property the rejection names when the contract read there has it (<c>$.groups[0].group.level</c>).
    /// </summary>
    internal static JsonReadException Rejected(Exception ex, JsonTypeInfo info, string at)
    {
        string? name = (ex as ArgumentException)?.ParamName is { } param ? JsonNamingPolicy.SnakeCaseLower.ConvertName(param) : null;
        bool named = name is not null && info.Kind == JsonTypeInfoKind.Object && info.Properties.Any(p => p.Name == name);
        return Error((ex is ArgumentException a && named ? a.Message.Split(" (Parameter '")[0] : ex.Message).TrimEnd('.'), ex).Below(named ? at + Segment(name!) : at);
    }

    /// <summary>Whether an exception is a constructor's or parser's rejection of the values it was given (not a bug, not malformed JSON).</summary>
    internal static bool IsRejection(Exception ex) => ex is ArgumentException or FormatException or OverflowException or ZhengxieMetricsException or InvalidOperationException;

    /// <summary>Places an error below a segment. An error that came out of a nested <see cref="JsonSerializer"/> call carries that call's path; it becomes a new error relative to the caller, whose own path System.Text.Json then adds.</summary>
    internal static JsonReadException Below(JsonException ex, string segment)
    {
        string inner = ex.Path is { Length: > 1 } path ? path[1..] : string.Empty;
        return ex switch
        {
            JsonReadException { Path: null } fresh => fresh.Below(segment),
            JsonReadException read => new JsonReadException(read.Detail, read.InnerException, segment + inner + read.RelativePath),
            _ => new JsonReadException(ex.Message.Split(" Path: ")[0], ex, segment + inner),
        };
    }

    /// <summary>Runs code that checks values (a constructor): a rejection becomes an error at the current path, or at the property it names.</summary>
    /// <param name="create">The code that checks the values.</param>
    /// <param name="what">What is built, with or without its article (<c>a proposal record</c>), or a type name when <paramref name="words"/>; turned into words only on failure.</param>
    /// <param name="properties">The JSON properties a rejection may name.</param>
    /// <param name="words">Whether <paramref name="what"/> is a type name (<c>ProposalRecord</c>).</param>
    internal static T Build<T>(Func<T> create, string what, ICollection<string> properties, bool words = false)
    {
        try
        {
            return create();
        }
        catch (Exception ex) when (IsRejection(ex))
        {
            string? name = (ex as ArgumentException)?.ParamName is { } param ? JsonNamingPolicy.SnakeCaseLower.ConvertName(param) : null;
            string noun = words ? Words(what) : what.StartsWith("a ", StringComparison.Ordinal) ? what[2..] : what.StartsWith("an ", StringComparison.Ordinal) ? what[3..] : what;
            var error = Error($"not a valid {noun}: {ex.Message}", ex);
            throw name is not null && properties.Contains(name) ? error.Below(Segment(name)) : error;
        }
    }

    /// <summary>The words of a type's name: <c>ProposalRecord</c> → <c>proposal record</c>.</summary>
    internal static string Words(string typeName) => JsonNamingPolicy.SnakeCaseLower.ConvertName(typeName).Replace('_', ' ');
}

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
        return element.ValueKind != JsonValueKind.Null ? JsonRead.Value<T>(element, options, string.Empty, name)
            : Nullable.GetUnderlyingType(typeof(T)) is not null ? default! : throw JsonRead.Error($"expected '{name}', found null").Below(JsonRead.Segment(name));
    }

    /// <summary>A property that may be missing or <c>null</c>, which gives <paramref name="fallback"/>.</summary>
    internal T Opt<T>(string name, T fallback)
    {
        taken.Add(name);
        return Has(name) ? JsonRead.Value<T>(fields[name], options, string.Empty, name) : fallback;
    }

    /// <summary>An array of objects, each read by <paramref name="read"/> from its own fields.</summary>
    internal List<T> Each<T>(string name, string itemWhat, Func<JsonFields, T> read)
    {
        var element = Get<JsonElement>(name);
        JsonRead.Check(element.ValueKind == JsonValueKind.Array, JsonRead.Segment(name), $"expected '{name}' as an array, found {JsonRead.Describe(element.ValueKind)}");
        var list = new List<T>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            list.Add(Nested(item, name, null, list.Count, itemWhat, read));
        }

        return list;
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
            string key = p.Name;
            JsonRead.CheckAt(!Contains(list, key), $"{JsonRead.Segment(name)}{JsonRead.Segment(key)}", $"the property '{key}' appears twice");
            list.Add(new(key, read is null ? JsonRead.Value<T>(p.Value, options, JsonRead.Segment(name), key) : Nested(p.Value, name, key, -1, itemWhat, read)));
        }

        return list;
    }

    private static bool Contains<T>(List<KeyValuePair<string, T>> list, string key)
    {
        foreach (var pair in list)
        {
            if (pair.Key == key)
            {
                return true;
            }
        }

        return false;
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
    internal JsonFields Check([DoesNotReturnIf(false)] bool condition, string name, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessageHandler detail) =>
        condition ? this : throw JsonRead.Error(detail.ToStringAndClear()).Below(name.Length == 0 || name[0] is '.' or '[' ? name : JsonRead.Segment(name));

    /// <summary>Fails at the path <paramref name="at"/> below this object (<c>.entries[2].rate</c>) unless the condition holds; path and message are formatted only then.</summary>
    internal JsonFields CheckAt([DoesNotReturnIf(false)] bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessageHandler at, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessageHandler detail) =>
        condition ? this : throw JsonRead.Error(detail.ToStringAndClear()).Below(at.ToStringAndClear());

    /// <summary>Builds the value, the constructor's rejections placed at the path, then refuses any property not taken.</summary>
    internal T Build<T>(Func<JsonFields, T> read)
    {
        var value = JsonRead.Build(() => read(this), what, fields.Keys);
        string? unknown = null;
        foreach (string name in fields.Keys)
        {
            if (!taken.Contains(name))
            {
                unknown = name;
                break;
            }
        }

        JsonRead.Check(unknown is null, string.Empty, $"'{unknown}' is not a property of {what} ({string.Join(", ", taken)})");
        return value;
    }

    /// <summary>Reads the item at <c>.name[index]</c> (or <c>.name.key</c>); the path is formatted only when the item is refused.</summary>
    private T Nested<T>(JsonElement element, string name, string? key, int index, string itemWhat, Func<JsonFields, T> read)
    {
        try
        {
            return new JsonFields(element, options, itemWhat).Build(read);
        }
        catch (JsonException ex)
        {
            throw JsonRead.Below(ex, JsonRead.Segment(name) + (key is null ? JsonRead.At(index) : JsonRead.Segment(key)));
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
        JsonRead.CheckAt(bad < 0, $"[{bad}]", $"expected {JsonRead.Words(typeof(TItem).Name)}, found null");
        return JsonRead.Build(() => Create(items!), typeof(T).Name, Array.Empty<string>(), words: true);
    }

    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new List<TItem>(Items(value ?? throw new ArgumentNullException(nameof(value)))), JsonRead.Info<List<TItem>>(JsonRead.Options(options)));

    protected abstract T Create(List<TItem> items);

    protected abstract IEnumerable<TItem> Items(T value);
}
