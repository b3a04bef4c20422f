using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Serialization;

/// <summary>Reading helpers shared by the converters: tokens, properties, and errors that name their path.</summary>
internal static class JsonRead
{
    internal static JsonReadException Error(string detail, Exception? inner = null) => new(detail, inner);

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>Reads the current string token, or fails naming what was expected.</summary>
    internal static string GetString(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Error($"expected {expected} as a string, found {Describe(reader.TokenType)}");
        }

        return reader.GetString()!;
    }

    /// <summary>Reads the current number token as a whole 64-bit number.</summary>
    internal static long GetInt64(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Error($"expected {expected} as a number, found {Describe(reader.TokenType)}");
        }

        if (!reader.TryGetInt64(out long value))
        {
            throw Error($"{expected} must be a whole number that fits in 64 bits, found {Raw(ref reader)}");
        }

        return value;
    }

    /// <summary>Reads the current number token as a decimal, keeping its printed digits.</summary>
    internal static decimal GetDecimal(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Error($"expected {expected} as a number, found {Describe(reader.TokenType)}");
        }

        if (!reader.TryGetDecimal(out decimal value))
        {
            throw Error($"{expected} {Raw(ref reader)} does not fit in a decimal");
        }

        return value;
    }

    private static string Raw(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());

    internal static void StartObject(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error($"expected {expected} as an object, found {Describe(reader.TokenType)}");
        }
    }

    internal static void StartArray(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Error($"expected {expected} as an array, found {Describe(reader.TokenType)}");
        }
    }

    /// <summary>Moves to the next property's value; <see langword="false"/> at the end of the object.</summary>
    internal static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = string.Empty;
            return false;
        }

        name = reader.GetString()!;
        reader.Read();
        return true;
    }

    /// <summary>Moves to the next array element; <see langword="false"/> at the end of the array.</summary>
    internal static bool NextElement(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>Reads a property's value with a converter; errors name the property.</summary>
    internal static T Property<T>(ref Utf8JsonReader reader, string name, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        try
        {
            return converter.Read(ref reader, typeof(T), options)!;
        }
        catch (Exception ex) when (IsValueError(ex))
        {
            throw Below(ex, Segment(name));
        }
    }

    /// <summary>The JSON-path segment of a property: <c>.name</c>, or <c>['proposals.filed']</c> when the name is not a plain word.</summary>
    internal static string Segment(string name)
    {
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
            }
        }

        return name.Length == 0 ? "['']" : "." + name;
    }

    /// <summary>Reads a property's value that may be JSON null; errors name the property.</summary>
    internal static T? NullableProperty<T>(ref Utf8JsonReader reader, string name, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : struct
        => reader.TokenType == JsonTokenType.Null ? null : Property(ref reader, name, converter, options);

    /// <summary>Reads a property's value that may be JSON null; errors name the property.</summary>
    internal static T? NullableReference<T>(ref Utf8JsonReader reader, string name, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : class
        => reader.TokenType == JsonTokenType.Null ? null : Property(ref reader, name, converter, options);

    /// <summary>Reads an array element with a converter; errors name the index.</summary>
    internal static T Element<T>(ref Utf8JsonReader reader, int index, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        try
        {
            return converter.Read(ref reader, typeof(T), options)!;
        }
        catch (Exception ex) when (IsValueError(ex))
        {
            throw Below(ex, "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
        }
    }

    /// <summary>Reads a string property (or JSON null); errors name the property.</summary>
    internal static string? StringProperty(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        try
        {
            return GetString(ref reader, "'" + name + "'");
        }
        catch (JsonReadException ex)
        {
            throw ex.Below("." + name);
        }
    }

    /// <summary>Runs code that checks a value (such as a constructor); its rejection becomes an error at the current path.</summary>
    internal static T Build<T>(Func<T> create, string what)
    {
        try
        {
            return create();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or ZhengxieMetricsException or InvalidOperationException)
        {
            throw Error($"not a valid {what}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Runs code that checks a value, like <see cref="Build{T}"/>, but places an <see cref="ArgumentException"/>
    /// whose parameter is one of the object's properties at that property: <c>$.co_units: not a valid proposal record: …</c>.
    /// </summary>
    /// <param name="create">The code.</param>
    /// <param name="what">The kind of object, for the message.</param>
    /// <param name="properties">The JSON names of the object's properties; a parameter name converted to snake_case that is one of them names the path.</param>
    internal static T BuildNamed<T>(Func<T> create, string what, params string[] properties)
    {
        try
        {
            return create();
        }
        catch (ArgumentException ex) when (ex.ParamName is { } param && Array.IndexOf(properties, JsonNamingPolicy.SnakeCaseLower.ConvertName(param)) >= 0)
        {
            throw Error($"not a valid {what}: {ex.Message}", ex).Below("." + JsonNamingPolicy.SnakeCaseLower.ConvertName(param));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or ZhengxieMetricsException or InvalidOperationException)
        {
            throw Error($"not a valid {what}: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a boolean property; errors name the property.</summary>
    internal static bool BooleanProperty(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            return reader.GetBoolean();
        }

        throw Error($"expected '{name}' as true or false, found {Describe(reader.TokenType)}").Below(Segment(name));
    }

    /// <summary>Reads a whole-number property; errors name the property.</summary>
    internal static long Int64Property(ref Utf8JsonReader reader, string name)
    {
        try
        {
            return GetInt64(ref reader, "'" + name + "'");
        }
        catch (JsonReadException ex)
        {
            throw ex.Below(Segment(name));
        }
    }

    /// <summary>Reads a whole-number property that fits in 32 bits; errors name the property.</summary>
    internal static int Int32Property(ref Utf8JsonReader reader, string name)
    {
        long value = Int64Property(ref reader, name);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw Error(string.Create(CultureInfo.InvariantCulture, $"'{name}' must fit in 32 bits, found {value}")).Below(Segment(name));
    }

    /// <summary>Reads a string property that must not be null; errors name the property.</summary>
    internal static string RequiredString(ref Utf8JsonReader reader, string name) =>
        StringProperty(ref reader, name) ?? throw Error($"expected '{name}' as a string, found null").Below(Segment(name));

    /// <summary>Reads an array property with a converter per element; errors name the property and the index (<c>.co_units[2]</c>).</summary>
    internal static List<T> ArrayProperty<T>(ref Utf8JsonReader reader, string name, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        try
        {
            return ReadArray(ref reader, "'" + name + "'", converter, options);
        }
        catch (JsonReadException ex)
        {
            throw ex.Below(Segment(name));
        }
    }

    /// <summary>Reads an array with a converter per element; errors name the index.</summary>
    internal static List<T> ReadArray<T>(ref Utf8JsonReader reader, string expected, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        StartArray(ref reader, expected);
        var list = new List<T>();
        while (NextElement(ref reader))
        {
            list.Add(Element(ref reader, list.Count, converter, options));
        }

        return list;
    }

    internal static JsonReadException Missing(string name, string what) => Error($"{what} needs the property '{name}'");

    internal static JsonReadException Unknown(string name, string what) => Error($"'{name}' is not a property of {what}");

    internal static JsonReadException Duplicate(string name) => Error($"the property '{name}' appears twice");

    /// <summary>Marks a property as read (one bit per property), failing when it was read before.</summary>
    internal static void Once(ref int seen, int bit, string name)
    {
        if ((seen & bit) != 0)
        {
            throw Duplicate(name);
        }

        seen |= bit;
    }

    private static bool IsValueError(Exception ex) =>
        ex is JsonReadException or ArgumentException or FormatException or OverflowException or ZhengxieMetricsException or InvalidOperationException;

    private static JsonReadException Below(Exception ex, string segment) =>
        ex is JsonReadException r ? r.Below(segment) : new JsonReadException(ex.Message, ex).Below(segment);
}
