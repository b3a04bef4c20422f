using System;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction.Text;

namespace Zhengxie.Metrics.Tests.Extraction.Text;

/// <summary>
/// Pins <see cref="CharTable"/> character by character: the class of each code unit at both ends of every range
/// (ideographs, enclosed numbers, combining jamo, controls, prefilled blocks, stable supplementary planes) and one past
/// each end, the kinds of line breaks, spaces and format characters, and what droppable means.
/// </summary>
public class CharTableRangesTest
{
    private const uint Map = CharTable.Map;

    [Theory]
    [InlineData(0x4E00, true)] // 一, first unified ideograph
    [InlineData(0x4DFF, false)] // hexagram symbol just before it
    [InlineData(0x9FFF, true)]
    [InlineData(0xA000, false)] // Yi syllable IT
    [InlineData(0x3400, true)] // first of extension A
    [InlineData(0x33FF, false)]
    [InlineData(0x4DBF, true)] // last of extension A
    [InlineData(0x4DC0, false)]
    [InlineData(0xF900, true)] // first compatibility ideograph
    [InlineData(0xF8FF, false)] // private use
    [InlineData(0xFAFF, true)]
    [InlineData(0xFB00, false)] // ﬀ
    [InlineData(0x3007, true)] // 〇
    [InlineData(0x3006, false)] // 〆
    [InlineData(0x3008, false)] // 〈
    [InlineData('A', false)]
    public void Ideographs_are_the_unified_blocks_extension_a_compatibility_and_ling(int c, bool expected) =>
        CharTable.IsIdeograph((char)c).Should().Be(expected);

    [Theory]
    [InlineData(0x10000, true)] // Linear B
    [InlineData(0x1F2FF, true)]
    [InlineData(0x1F300, false)] // first emoji block
    [InlineData(0x1FAFF, false)]
    [InlineData(0x1FB00, true)]
    [InlineData(0x1FFFF, true)]
    [InlineData(0x20000, false)] // extension B
    [InlineData(0x2F7FF, false)]
    [InlineData(0x2F800, true)] // compatibility supplement: NFKC maps it
    [InlineData(0x2FA1F, true)]
    [InlineData(0x2FA20, false)]
    [InlineData(0x3FFFF, false)]
    [InlineData(0x40000, true)]
    [InlineData(0xDFFFF, true)]
    [InlineData(0xE0000, false)] // plane 14
    [InlineData(0x10FFFF, false)]
    public void Supplementary_stable_ranges(int codePoint, bool mayChange) =>
        CharTable.SupplementaryMayChange(codePoint).Should().Be(mayChange);

    [Theory]
    [InlineData('\n')]
    [InlineData('\r')]
    [InlineData('\u0085')] // NEL
    [InlineData('\u2028')] // line separator
    [InlineData('\u2029')] // paragraph separator
    public void Line_breaks_are_breaks(char c) =>
        CharTable.Compute(c).Should().Be(CharTable.Break);

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x09)] // tab
    [InlineData(0x1F)]
    [InlineData(0x7F)] // DEL
    [InlineData(0x80)]
    [InlineData(0x9F)]
    [InlineData(0xA0)] // NBSP
    [InlineData(0x3000)] // ideographic space
    [InlineData(0x2003)] // em space
    [InlineData(0x20)]
    public void Controls_and_spaces_become_an_ascii_space(int c) =>
        CharTable.Compute((char)c).Should().Be(Map | ' ');

    [Theory]
    [InlineData(0x200B)] // zero-width space
    [InlineData(0x200D)] // zero-width joiner
    [InlineData(0xFEFF)] // BOM
    [InlineData(0x00AD)] // soft hyphen
    [InlineData(0x200E)] // left-to-right mark
    public void Format_characters_are_removed(int c) =>
        CharTable.Compute((char)c).Should().Be(CharTable.Remove);

    [Theory]
    [InlineData(0xFF21, 'A')] // Ａ
    [InlineData(0xFF3A, 'Z')] // Ｚ
    [InlineData(0xFF41, 'a')] // ａ
    [InlineData(0xFF10, '0')] // ０
    [InlineData(0xFF19, '9')] // ９
    [InlineData(0xFF05, '%')] // ％
    [InlineData(0xFF0C, ',')] // ，
    [InlineData(0xFF0E, '.')] // ．
    [InlineData(0xFF0D, '-')] // －
    [InlineData('A', 'A')]
    [InlineData('~', '~')]
    [InlineData(0xA1, 0xA1)] // ¡, first after the C1 controls and NBSP
    [InlineData(0x2014, 0x2014)] // em dash stays
    [InlineData(0x2013, 0x2013)] // en dash stays
    [InlineData(0x3001, 0x3001)] // 、 stays
    [InlineData(0x3002, 0x3002)] // 。 stays
    [InlineData(0x5354, 0x534F)] // 協 → 协
    [InlineData(0x4E00, 0x4E00)] // 一
    [InlineData(0x3007, 0x3007)] // 〇
    [InlineData(0xF900, 0x5C82)] // compatibility 豈 → NFKC U+8C48 豈 → Simplified 岂 (the table's line 豈岂)
    [InlineData(0x328A, 0x6708)] // ㊊ → 月, just after the enclosed ㊀..㊉
    [InlineData(0x32B0, 0x591C)] // ㊰ → 夜, just before ㊱
    [InlineData(0x3260, 0x1100)] // ㉠ → ᄀ, just after ㉟
    [InlineData(0x321F, 0x321F)] // unassigned, just before ㈠
    [InlineData(0x115F, 0x115F)] // Hangul choseong filler, before the combining jamo
    [InlineData(0x1200, 0x1200)] // Ethiopic, after them
    [InlineData(0xD7AF, 0xD7AF)] // unassigned, before the extended jamo
    [InlineData(0xAC00, 0xAC00)] // 가
    [InlineData(0xE000, 0xE000)] // private use
    public void Mapped_characters(int c, int to) =>
        CharTable.Compute((char)c).Should().Be(Map | (uint)to);

    [Theory]
    [InlineData(0x2460)] // ①
    [InlineData(0x2473)] // ⑳
    [InlineData(0x2474)] // ⑴
    [InlineData(0x2488)] // ⒈
    [InlineData(0x24EA)] // ⓪
    [InlineData(0x24FE)] // ⓾
    [InlineData(0x3220)] // ㈠
    [InlineData(0x3229)] // ㈩
    [InlineData(0x3251)] // ㉑
    [InlineData(0x325F)] // ㉟
    [InlineData(0x3280)] // ㊀
    [InlineData(0x3289)] // ㊉
    [InlineData(0x32B1)] // ㊱
    [InlineData(0x32BF)] // ㊿
    public void Enclosed_numbers_stay_as_they_are(int c) =>
        CharTable.Compute((char)c).Should().Be(Map | (uint)c);

    [Theory]
    [InlineData(0x322A, "(月)")] // ㈪, just after ㈩
    [InlineData(0x3250, "PTE")] // ㉐, just before ㉑
    [InlineData(0x32C0, "1月")] // ㋀, just after ㊿
    [InlineData(0x33A1, "m2")] // ㎡
    [InlineData(0xFB01, "fi")] // ﬁ
    [InlineData(0x33A7, "m\u2215s")] // ㎧: three characters
    public void Expansions(int c, string expected)
    {
        CharTable.Compute((char)c).Should().Be(CharTable.Expand);
        CharTable.Expansion((char)c).Should().Be(expected);
    }

    [Theory]
    [InlineData(0x0301)] // combining acute
    [InlineData(0x1160)] // Hangul jungseong filler, first combining jamo
    [InlineData(0x11A8)] // final ㄱ
    [InlineData(0x11FF)] // last combining jamo of the block
    [InlineData(0xD7B0)] // first of Hangul jamo extended-B
    [InlineData(0xD7FF)] // last code unit before the surrogates
    [InlineData(0x3099)] // combining voiced sound mark
    public void Combining_characters(int c) =>
        CharTable.Compute((char)c).Should().Be(CharTable.Combining);

    [Theory]
    [InlineData(0xD800)]
    [InlineData(0xDBFF)]
    [InlineData(0xDC00)]
    [InlineData(0xDFFF)]
    public void Surrogates(int c)
    {
        CharTable.Compute((char)c).Should().Be(CharTable.Surrogate);
        CharTable.IsDroppable((char)c).Should().BeFalse();
        CharTable.NormalizeUnit(((char)c).ToString()).Should().Be(((char)c).ToString(), "a lone surrogate is kept as it is");
    }

    [Fact]
    public void Normalize_unit_composes_and_keeps_what_it_cannot_read()
    {
        CharTable.NormalizeUnit("e\u0301").Should().Be("\u00E9");
        CharTable.NormalizeUnit("\uFF76\uFF9E").Should().Be("\u30AC"); // ｶﾞ → ガ
        CharTable.NormalizeUnit("a\uDC00").Should().Be("a\uDC00");
    }

    [Theory]
    [InlineData(' ', true)]
    [InlineData('\u3000', true)]
    [InlineData('\u00A0', true)]
    [InlineData('\t', true)]
    [InlineData('\n', true)]
    [InlineData('\r', true)]
    [InlineData('\u2029', true)]
    [InlineData('\u200B', true)]
    [InlineData('\uFEFF', true)]
    [InlineData('A', false)]
    [InlineData('一', false)]
    [InlineData('\uFF0C', false)] // ，
    [InlineData('\u0301', false)]
    public void Droppable_characters(char c, bool expected) =>
        CharTable.IsDroppable(c).Should().Be(expected);

    [Theory]
    [InlineData('\uFF2B', 'K')] // Ｋ
    [InlineData('\uFF4B', 'k')] // ｋ
    public void Lookup_classifies_an_unknown_entry(char c, char expected)
    {
        // Reset the entry (Compute only ever writes the same value back), then ask again.
        CharTable.Entries[c] = CharTable.Unknown;
        CharTable.Lookup(c).Should().Be(Map | expected);
        CharTable.Lookup(c).Should().Be(Map | expected);
    }

    [Theory]
    [InlineData(0x00, Map | ' ')]
    [InlineData(0x09, Map | ' ')]
    [InlineData(0x0A, CharTable.Break)]
    [InlineData(0x0D, CharTable.Break)]
    [InlineData(0x1F, Map | ' ')]
    [InlineData(0x20, Map | ' ')]
    [InlineData(0x41, Map | 0x41)]
    [InlineData(0x7E, Map | 0x7E)]
    [InlineData(0x7F, Map | ' ')]
    [InlineData(0x80, CharTable.Unknown)]
    [InlineData(0x33FF, CharTable.Unknown)]
    [InlineData(0x3400, Map | 0x3400)]
    [InlineData(0x4DBF, Map | 0x4DBF)]
    [InlineData(0x4DC0, CharTable.Unknown)]
    [InlineData(0x4DFF, CharTable.Unknown)]
    [InlineData(0x4E00, Map | 0x4E00)]
    [InlineData(0x5354, Map | 0x534F)] // 協 → 协
    [InlineData(0x9FFF, Map | 0x9FFF)]
    [InlineData(0xA000, CharTable.Unknown)]
    [InlineData(0xABFF, CharTable.Unknown)]
    [InlineData(0xAC00, Map | 0xAC00)]
    [InlineData(0xD7A3, Map | 0xD7A3)]
    [InlineData(0xD7A4, CharTable.Unknown)]
    [InlineData(0xD7FF, CharTable.Unknown)]
    [InlineData(0xD800, CharTable.Surrogate)]
    [InlineData(0xDFFF, CharTable.Surrogate)]
    [InlineData(0xE000, Map | 0xE000)]
    [InlineData(0xF8FF, Map | 0xF8FF)]
    [InlineData(0xF900, CharTable.Unknown)]
    [InlineData(0xFFFF, CharTable.Unknown)]
    public void The_prefilled_table(int c, uint expected)
    {
        // A fresh table as the type builds it, before any lookup fills more entries in.
        var fresh = CharTable.CreateEntries();
        fresh.Should().HaveCount(0x10000);
        fresh[c].Should().Be(expected);
    }
}
