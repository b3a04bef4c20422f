using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Serialization;

/// <summary>
/// Serializes the library's data types to and from JSON through <see cref="ZhengxieJsonContext"/>:
/// <c>ZhengxieJson.Serialize(figures)</c>, <c>ZhengxieJson.Deserialize&lt;List&lt;Figure&gt;&gt;(json)</c>. Trimming- and AOT-safe. Thread-safe.
/// </summary>
public static class ZhengxieJson
{
    /// <summary>
    /// Gets the options these methods use: those of <see cref="ZhengxieJsonContext.Default"/>, except that Chinese text and
    /// <c>+</c> are written as they are (<c>"万元"</c>, <c>"11.1+@2022"</c>) rather than as <c>\uXXXX</c> escapes, which suits
    /// data files but not HTML pages. Read-only; copy them with <c>new JsonSerializerOptions(ZhengxieJson.Options)</c>.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes a value of a type in <see cref="ZhengxieJsonContext"/>.</summary>
    /// <typeparam name="T">The type, such as <see cref="Figure"/> or <c>List&lt;Figure&gt;</c>.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not in the context.</exception>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>Serializes a value of a type in <see cref="ZhengxieJsonContext"/> to a stream, as UTF-8.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not in the context.</exception>
    public static void Serialize<T>(Stream utf8Json, T value) => JsonSerializer.Serialize(Preconditions.CheckNotNull(utf8Json), value, TypeInfo<T>());

    /// <summary>Reads a value of a type in <see cref="ZhengxieJsonContext"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value (<see langword="null"/> only for a nullable value type).</returns>
    /// <exception cref="JsonException">The JSON is malformed, <c>null</c>, or does not make a <typeparamref name="T"/>; the message starts with the JSON path.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not in the context.</exception>
    public static T Deserialize<T>(string json)
    {
        try
        {
            return NotNull(JsonSerializer.Deserialize(Preconditions.CheckNotNull(json), TypeInfo<T>()));
        }
        catch (ArgumentException e) when (e is not ArgumentNullException && System.Text.Unicode.Utf8.FromUtf16(json, new byte[json.Length * 3], out _, out _, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            // A lone surrogate is no text at all: as malformed as any other bad JSON (found by the fuzz harness).
            throw new JsonException("$: the JSON text is not valid UTF-16: it holds a lone surrogate.", e);
        }
        catch (Exception e) when (Failure<T>(e) is { } failure)
        {
            throw failure;
        }
    }

    /// <inheritdoc cref="Deserialize{T}(string)"/>
    /// <param name="utf8Json">The JSON as UTF-8.</param>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return NotNull(JsonSerializer.Deserialize(utf8Json, TypeInfo<T>()));
        }
        catch (Exception e) when (Failure<T>(e) is { } failure)
        {
            throw failure;
        }
    }

    /// <inheritdoc cref="Deserialize{T}(string)"/>
    /// <param name="utf8Json">The UTF-8 stream.</param>
    public static T Deserialize<T>(Stream utf8Json)
    {
        Preconditions.CheckNotNull(utf8Json);
        try
        {
            return NotNull(JsonSerializer.Deserialize(utf8Json, TypeInfo<T>()));
        }
        catch (Exception e) when (Failure<T>(e) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Gets the source-generated metadata of a type in <see cref="ZhengxieJsonContext"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <returns>The metadata.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not in the context.</exception>
    public static JsonTypeInfo<T> TypeInfo<T>() =>
        (Options.TryGetTypeInfo(typeof(T), out var info) ? info as JsonTypeInfo<T> : null)
        ?? throw new NotSupportedException($"{typeof(T)} is not one of the types of ZhengxieJsonContext; serialize it with your own JsonSerializerContext.");

    /// <summary>
    /// What a reading error becomes, so that every message starts with its JSON path: a contract constructor's rejection (which System.Text.Json
    /// passes on unwrapped) is placed at the property it names, and System.Text.Json's own errors of a contract (an unknown or missing property),
    /// whose path is only in <see cref="JsonException.Path"/>, get it in the message too; <see langword="null"/> for any other exception.
    /// </summary>
    private static JsonReadException? Failure<T>(Exception e) => e switch
    {
        JsonReadException => null,
        JsonException { Path: { } path } json when !json.Message.Contains(path, StringComparison.Ordinal) => JsonRead.Below(json, string.Empty),
        _ when JsonRead.IsRejection(e) => JsonRead.Rejected(e, TypeInfo<T>(), string.Empty),
        _ => null,
    };

    private static T NotNull<T>(T? value) =>
        value is not null || Nullable.GetUnderlyingType(typeof(T)) is not null ? value! : throw new JsonException($"$: expected {typeof(T).Name}, found null", "$", 0, 0);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ZhengxieJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly();
        return options;
    }
}
