using System;
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
