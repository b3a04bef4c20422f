using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
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
    internal static T Value<T>(JsonElement element, JsonSerializerOptions options, string segment)
    {
        try
        {
            return typeof(T) == typeof(JsonElement) ? (T)(object)element : element.Deserialize(Info<T>(options))!;
        }
        catch (JsonException ex)
        {
            throw Below(ex, segment);
        }
    }

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
    internal static T Build<T>(Func<T> create, string what, ICollection<string> properties)
    {
        try
        {
            return create();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or ZhengxieMetricsException or InvalidOperationException)
        {
            string? name = (ex as ArgumentException)?.ParamName is { } param ? JsonNamingPolicy.SnakeCaseLower.ConvertName(param) : null;
            var error = Error($"not a valid {what}: {ex.Message}", ex);
            throw name is not null && properties.Contains(name) ? error.Below(Segment(name)) : error;
        }
    }

    /// <summary>The words of a type's name: <c>ProposalRecord</c> → <c>proposal record</c>.</summary>
    internal static string Words(string typeName) => JsonNamingPolicy.SnakeCaseLower.ConvertName(typeName).Replace('_', ' ');
}
