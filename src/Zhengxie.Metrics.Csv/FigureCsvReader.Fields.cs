using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using nietras.SeparatedValues;

namespace Zhengxie.Metrics.Csv;

/// <content>The text of one field: quotes, numbers, committees, and text echoed into messages.</content>
public static partial class FigureCsvReader
{
    private sealed partial class RowParser
    {
        /// <summary>
        /// A field's text: a quoted field without its quotes and with doubled quotes single; an unquoted
        /// one as it is. <paramref name="malformed"/> when a quote is misplaced (RFC 4180) or never closed.
        /// </summary>
        private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> raw, out bool quoted, out bool malformed)
        {
            quoted = false;
            malformed = false;
            int q = raw.IndexOf('"');
            if (q < 0)
            {
                return raw;
            }

            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] != '"')
            {
                malformed = true;
                return raw;
            }

            quoted = true;
            if (trimmed.Length < 2 || trimmed[^1] != '"')
            {
                malformed = true;
                return trimmed[1..];
            }

            var inner = trimmed[1..^1];
            int firstQuote = inner.IndexOf('"');
            if (firstQuote < 0)
            {
                return inner;
            }

            var chars = new char[inner.Length];
            int k = 0;
            for (int i = 0; i < inner.Length; i++)
            {
                char c = inner[i];
                if (c == '"')
                {
                    if (i + 1 >= inner.Length || inner[i + 1] != '"')
                    {
                        malformed = true;
                        return inner;
                    }

                    i++;
                }

                chars[k++] = c;
            }

            return chars.AsSpan(0, k);
        }

        /// <summary>A field's text, unquoted and trimmed; a row without any quote (the usual one) skips the quote handling.</summary>
        private ReadOnlySpan<char> Field(SepReader.Row record, int index) =>
            rowHasQuote ? Unquote(record[index].Span, out _, out _).Trim() : Trimmed(record[index].Span);

        /// <summary>
        /// <paramref name="text"/> without white space at its ends (as <see cref="MemoryExtensions.Trim(ReadOnlySpan{char})"/>), the
        /// usual field (ends that cannot be white space: ASCII letters and digits, CJK) returned as it is without the Unicode look-up.
        /// </summary>
        private static ReadOnlySpan<char> Trimmed(ReadOnlySpan<char> text) =>
            text.Length > 0 && NeverSpace(text[0]) && NeverSpace(text[^1]) ? text : text.Trim();

        /// <summary>Whether a character is surely not white space: printable ASCII, or between U+00A0 and U+1680, or above U+3000 (every white space of Unicode lies outside).</summary>
        private static bool NeverSpace(char c) => c is (> ' ' and < '\u0085') or (> '\u00A0' and < '\u1680') or > '\u3000';

        private static int CountQuotes(ReadOnlySpan<char> text) => text.Count('"');

        /// <summary>Digits, optionally followed by a decimal point and at least one digit.</summary>
        private static bool IsPlainNumber(ReadOnlySpan<char> text)
        {
            int i = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == 0)
            {
                return false;
            }

            if (i == text.Length)
            {
                return true;
            }

            if (text[i] != '.' || i + 1 == text.Length)
            {
                return false;
            }

            for (i++; i < text.Length; i++)
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsZero(ReadOnlySpan<char> number) => number.IndexOfAnyExcept('0', '.') < 0;

        private static bool TryParseCommittee(ReadOnlySpan<char> text, out Committee committee, out string problem)
        {
            committee = default;
            problem = string.Empty;
            if (text.Length == 0)
            {
                problem = "the committee is empty; write its six-digit region code (520112).";
                return false;
            }

            int slash = text.IndexOf('/');
            var codeText = slash < 0 ? text : text[..slash];
            if (!RegionCode.TryParse(codeText, out var code))
            {
                problem = $"'{Shorten(codeText)}' is not a six-digit region code (such as 520112).";
                return false;
            }

            if (slash < 0)
            {
                committee = new Committee(code);
                return true;
            }

            var word = text[(slash + 1)..];
            AdministrativeLevel? level = word switch
            {
                "province" => AdministrativeLevel.Province,
                "prefecture" => AdministrativeLevel.Prefecture,
                "county" => AdministrativeLevel.County,
                _ => null,
            };
            if (level is null)
            {
                problem = $"'{Shorten(word)}' is not a level; write code/province, code/prefecture or code/county.";
                return false;
            }

            committee = new Committee(code, level.Value);
            return true;
        }

        /// <summary>Text echoed into a message: at most 40 characters, then an ellipsis and the full length, so a huge bad value does not flood the output.</summary>
        private static string Shorten(ReadOnlySpan<char> text) =>
            text.Length <= MaxShown ? text.ToString() : string.Create(CultureInfo.InvariantCulture, $"{text[..MaxShown]}… ({text.Length} characters)");
    }
}
