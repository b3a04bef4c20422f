using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace Zhengxie.Metrics.Cli.Commands;

/// <summary>The encodings a text input may be read in.</summary>
internal enum TextEncoding
{
    /// <summary>UTF-8, with or without a byte-order mark (the default).</summary>
    Utf8 = 0,

    /// <summary>GB18030 (a superset of GBK and GB2312), as Chinese Windows saves text.</summary>
    Gb18030 = 1,
}

/// <summary>
/// Reads a whole text file strictly: bytes that are not valid in the chosen encoding are an error naming the
/// file, the byte offset and line, and the bytes, never a silent U+FFFD. A UTF-8 byte-order mark means UTF-8
/// whatever the option says; a UTF-16 or UTF-32 byte-order mark is an error.
/// </summary>
internal static class TextInput
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a word of the <c>--encoding</c> option (<see cref="InputLoader.EncodingOption"/>): <c>utf-8</c>,
    /// <c>gb18030</c>, or <c>gbk</c> (a subset of GB18030).</summary>
    internal static TextEncoding Parse(string? word) => word is "gb18030" or "gbk" ? TextEncoding.Gb18030 : TextEncoding.Utf8;

    /// <summary>Reads a file's text.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UsageException">The bytes are not text in the encoding.</exception>
    internal static string ReadFile(string path, TextEncoding encoding)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return Decode(bytes, encoding, path);
    }

    /// <summary>Decodes bytes.</summary>
    /// <exception cref="UsageException">The bytes are not text in the encoding.</exception>
    internal static string Decode(ReadOnlySpan<byte> bytes, TextEncoding encoding, string name)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Decode(bytes[3..], StrictUtf8, "UTF-8", 3, name);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            throw new UsageException($"{name}: the file is UTF-16 or UTF-32 (it starts with that byte-order mark); save it as UTF-8 or GB18030.");
        }

        return encoding == TextEncoding.Gb18030
            ? Decode(bytes, Gb18030(), "GB18030", 0, name)
            : Decode(bytes, StrictUtf8, "UTF-8", 0, name);
    }

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static string Decode(ReadOnlySpan<byte> bytes, Encoding encoding, string encodingName, int skipped, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            int at = FirstInvalid(bytes, encoding, e.Index);
            int line = 1;
            foreach (byte b in bytes[..at])
            {
                line += b == (byte)'\n' ? 1 : 0;
            }

            var shown = new StringBuilder();
            for (int i = at; i < bytes.Length && i < at + 4; i++)
            {
                shown.Append(CultureInfo.InvariantCulture, $"{(shown.Length > 0 ? " " : string.Empty)}0x{bytes[i]:X2}");
            }

            string hint = encodingName == "UTF-8"
                ? " If the file is GB18030 or GBK (Chinese Windows), pass --encoding gb18030."
                : " Check that the file is GB18030 or GBK; UTF-8 is read without --encoding.";
            throw new UsageException(string.Create(
                CultureInfo.InvariantCulture,
                $"{name}: not valid {encodingName}: byte {at + skipped} (line {line}) begins {shown}, which is not {encodingName} text.{hint}"));
        }
    }

    // The offset of the first byte the decoder rejects: found by decoding chunk by chunk with a stateful decoder.
    private static int FirstInvalid(ReadOnlySpan<byte> bytes, Encoding encoding, int fallback)
    {
        var decoder = encoding.GetDecoder();
        Span<char> chars = stackalloc char[8];
        for (int i = 0; i < bytes.Length; i++)
        {
            try
            {
                decoder.GetChars(bytes.Slice(i, 1), chars, flush: i == bytes.Length - 1);
            }
            catch (DecoderFallbackException e)
            {
                // Index is relative to this call's input and negative when the sequence began in an earlier call.
                return Math.Clamp(i + e.Index, 0, i);
            }
        }

        return Math.Clamp(fallback, 0, bytes.Length);
    }
}
