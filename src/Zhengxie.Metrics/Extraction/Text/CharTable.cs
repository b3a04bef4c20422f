using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Text;

namespace Zhengxie.Metrics.Extraction.Text;

/// <summary>
/// What <see cref="NormalizedText"/> does with each UTF-16 code unit: one <see cref="uint"/> a code unit, the kind in
/// bits 16..18 and, for <see cref="Map"/>, the resulting character in the low 16 bits. ASCII, the CJK ideographs, Hangul
/// syllables and private use are filled in up front; every other code unit is classified (with
/// <see cref="string.Normalize(NormalizationForm)"/>) the first time it is seen and cached, so the steady state is one
/// array read per character and no allocation.
/// </summary>
internal static class CharTable
{
    /// <summary>Not classified yet.</summary>
    internal const uint Unknown = 0;

    /// <summary>Replaced by the character in the low 16 bits (often itself).</summary>
    internal const uint Map = 1u << 16;

    /// <summary>Removed (format characters: zero-width space and joiners, BOM, soft hyphen, direction marks).</summary>
    internal const uint Remove = 2u << 16;

    /// <summary>A line break.</summary>
    internal const uint Break = 3u << 16;

    /// <summary>Combines with the character before it under NFKC (combining marks, Hangul vowel and final jamo).</summary>
    internal const uint Combining = 4u << 16;

    /// <summary>NFKC turns it into several characters (see <see cref="Expansion"/>).</summary>
    internal const uint Expand = 5u << 16;

    /// <summary>A surrogate code unit.</summary>
    internal const uint Surrogate = 6u << 16;

    /// <summary>The bits holding the kind.</summary>
    internal const uint KindMask = 7u << 16;

    private const string ResourceName = "Zhengxie.Metrics.Data.opencc-ts-characters.txt";

    private static readonly char[] TraditionalToSimplified = LoadTraditionalToSimplified();

    private static readonly ConcurrentDictionary<char, string> Expansions = new();

    /// <summary>The table, indexed by code unit; <see cref="Unknown"/> entries are filled in by <see cref="Compute"/>.</summary>
    internal static readonly uint[] Entries = CreateEntries();

    /// <summary>Gets the entry of <paramref name="c"/>, classifying it first if needed.</summary>
    /// <param name="c">A code unit.</param>
    /// <returns>Its entry.</returns>
    internal static uint Lookup(char c)
    {
        uint e = Entries[c];
        return e != Unknown ? e : Compute(c);
    }

    /// <summary>Classifies <paramref name="c"/> and caches the result (races only write the same value).</summary>
    /// <param name="c">A code unit.</param>
    /// <returns>Its entry.</returns>
    internal static uint Compute(char c)
    {
        uint e = Classify(c);
        Entries[c] = e;
        return e;
    }

    /// <summary>Gets the Simplified character for <paramref name="c"/> (itself when the table has none).</summary>
    /// <param name="c">A code unit.</param>
    /// <returns>The Simplified character.</returns>
    internal static char ToSimplified(char c) => TraditionalToSimplified[c];

    /// <summary>Gets what an <see cref="Expand"/> character becomes, already mapped through the table.</summary>
    /// <param name="c">A code unit whose entry is <see cref="Expand"/>.</param>
    /// <returns>Its characters.</returns>
    internal static string Expansion(char c) =>
        Expansions.TryGetValue(c, out string? chars) ? chars : Finish(NormalizeUnit(c.ToString()));

    /// <summary>Normalises a unit (a character with the combining characters attached to it) to NFKC; text that
    /// <see cref="string.Normalize(NormalizationForm)"/> rejects stays as it is.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The NFKC form.</returns>
    internal static string NormalizeUnit(string unit)
    {
        try
        {
            return unit.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return unit;
        }
    }

    /// <summary>Whether a line break after <paramref name="prev"/> (normalised) may be inside a sentence.</summary>
    /// <param name="prev">The last character before the break, spaces aside.</param>
    /// <returns><see langword="true"/> for a CJK ideograph, an ASCII digit, <c>%</c>, <c>,</c> or <c>、</c>.</returns>
    internal static bool JoinsAfter(char prev) =>
        IsIdeograph(prev) || char.IsAsciiDigit(prev) || prev is '%' or ',' or '、';

    /// <summary>Whether <paramref name="c"/> is a CJK ideograph (unified, extension A, compatibility) or 〇.</summary>
    /// <param name="c">A character.</param>
    /// <returns>Whether it is an ideograph.</returns>
    internal static bool IsIdeograph(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF') || c == '\u3007';

    /// <summary>Whether normalisation removes <paramref name="c"/> when it stands between two units (format characters,
    /// line breaks, spaces).</summary>
    /// <param name="c">A character of the original text.</param>
    /// <returns>Whether it may have been dropped.</returns>
    internal static bool IsDroppable(char c)
    {
        if (char.IsSurrogate(c))
        {
            return false;
        }

        uint e = Lookup(c);
        uint kind = e & KindMask;
        return kind == Remove || kind == Break || e == (Map | ' ');
    }

    /// <summary>Whether <paramref name="category"/> is a combining mark.</summary>
    /// <param name="category">A Unicode category.</param>
    /// <returns>Whether it is Mn, Mc or Me.</returns>
    internal static bool IsMark(UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Whether NFKC may change the supplementary code point <paramref name="codePoint"/> (false for the ranges
    /// known to be stable: emoji, CJK extensions B and later, planes 14 to 16).</summary>
    /// <param name="codePoint">A code point above U+FFFF.</param>
    /// <returns>Whether to normalise it.</returns>
    internal static bool SupplementaryMayChange(int codePoint) =>
        !((codePoint >= 0x1F300 && codePoint <= 0x1FAFF)
            || (codePoint >= 0x20000 && codePoint <= 0x2F7FF)
            || (codePoint >= 0x2FA20 && codePoint <= 0x3FFFF)
            || codePoint >= 0xE0000);

    private static uint Classify(char c)
    {
        if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
        {
            return Break;
        }

        if (c < ' ' || (c >= '\u007F' && c < '\u00A0'))
        {
            return Map | ' ';
        }

        if (char.IsSurrogate(c))
        {
            return Surrogate;
        }

        if (IsEnclosedNumber(c))
        {
            return Map | c;
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category == UnicodeCategory.Format)
        {
            return Remove;
        }

        if (IsMark(category) || IsCombiningJamo(c))
        {
            return Combining;
        }

        string nf = NormalizeUnit(c.ToString());
        if (nf.Length == 0)
        {
            return Remove;
        }

        if (IsMark(CharUnicodeInfo.GetUnicodeCategory(nf[0])) || IsCombiningJamo(nf[0]))
        {
            return Combining;
        }

        if (nf.Length == 1)
        {
            return MapOne(nf[0]);
        }

        string chars = Finish(nf);
        if (chars.Length == 0)
        {
            return Remove;
        }

        if (chars.Length == 1 && !char.IsSurrogate(chars[0]))
        {
            return Map | chars[0];
        }

        Expansions.TryAdd(c, chars);
        return Expand;
    }

    // The final form of one NFKC character: Simplified, spaces as ' ', format characters removed.
    private static uint MapOne(char r)
    {
        if (char.IsSurrogate(r))
        {
            return Map | r;
        }

        if (r < ' ' || (r >= '\u007F' && r < '\u00A0'))
        {
            return r is '\n' or '\r' or '\u0085' ? Break : Map | ' ';
        }

        if (r is '\u2028' or '\u2029')
        {
            return Break;
        }

        r = TraditionalToSimplified[r];
        return CharUnicodeInfo.GetUnicodeCategory(r) switch
        {
            UnicodeCategory.SpaceSeparator => Map | ' ',
            UnicodeCategory.Format => Remove,
            _ => Map | r,
        };
    }

    private static string Finish(string nf)
    {
        var result = new StringBuilder(nf.Length);
        foreach (char ch in nf)
        {
            uint e = MapOne(ch);
            switch (e & KindMask)
            {
                case Map:
                    result.Append((char)e);
                    break;
                case Break:
                    result.Append('\n');
                    break;
            }
        }

        return result.ToString();
    }

    // Hangul vowel and final jamo compose with the syllable or initial before them.
    private static bool IsCombiningJamo(char c) =>
        (c >= '\u1160' && c <= '\u11FF') || (c >= '\uD7B0' && c <= '\uD7FF');

    // ①..⓿, ㈠..㈩, ㉑..㉟, ㊀..㊉, ㊱..㊿: list markers, which NFKC would turn into bare digits or "(一)".
    private static bool IsEnclosedNumber(char c) =>
        (c >= '\u2460' && c <= '\u24FF')
        || (c >= '\u3220' && c <= '\u3229')
        || (c >= '\u3251' && c <= '\u325F')
        || (c >= '\u3280' && c <= '\u3289')
        || (c >= '\u32B1' && c <= '\u32BF');

    internal static uint[] CreateEntries()
    {
        var entries = new uint[0x10000];
        for (int c = 0; c < 0x80; c++)
        {
            entries[c] = c is '\n' or '\r' ? Break : c < 0x20 || c == 0x7F ? Map | ' ' : Map | (uint)c;
        }

        FillIdeographs(entries, 0x3400, 0x4DBF);
        FillIdeographs(entries, 0x4E00, 0x9FFF);
        for (int c = 0xAC00; c <= 0xD7A3; c++)
        {
            entries[c] = Map | (uint)c;
        }

        for (int c = 0xD800; c <= 0xDFFF; c++)
        {
            entries[c] = Surrogate;
        }

        for (int c = 0xE000; c <= 0xF8FF; c++)
        {
            entries[c] = Map | (uint)c;
        }

        return entries;
    }

    // Unified ideographs are NFKC-stable; only the Traditional → Simplified table applies.
    private static void FillIdeographs(uint[] entries, int first, int last)
    {
        for (int c = first; c <= last; c++)
        {
            entries[c] = Map | TraditionalToSimplified[c];
        }
    }

    private static char[] LoadTraditionalToSimplified()
    {
        var table = new char[0x10000];
        for (int c = 0; c < table.Length; c++)
        {
            table[c] = (char)c;
        }

        using Stream stream = typeof(CharTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded Traditional → Simplified table is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.Length != 2 || char.IsSurrogate(line[0]) || char.IsSurrogate(line[1]))
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The embedded Traditional → Simplified table, line {lineNumber}: expected two BMP characters."));
            }

            table[line[0]] = line[1];
        }

        return table;
    }
}
