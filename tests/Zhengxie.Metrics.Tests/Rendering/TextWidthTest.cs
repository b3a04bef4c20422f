using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Rendering;

namespace Zhengxie.Metrics.Tests.Rendering;

/// <summary>
/// Display widths at both ends of every wide range (Hangul Jamo, CJK radicals to CJK symbols, kana to CJK
/// compatibility, CJK extension A, CJK unified ideographs, Yi, Hangul syllables, CJK compatibility ideographs,
/// CJK compatibility forms, full-width forms, full-width signs) and of narrow characters beside them.
/// </summary>
public class TextWidthTest
{
    [Theory]
    [InlineData('\u1100')] // ᄀ HANGUL CHOSEONG KIYEOK, first of the Jamo
    [InlineData('\u115F')] // HANGUL CHOSEONG FILLER, last wide Jamo
    [InlineData('\u2E80')] // ⺀ first CJK radical
    [InlineData('\u3000')] // ideographic space
    [InlineData('\u303E')] // 〾 IDEOGRAPHIC VARIATION INDICATOR
    [InlineData('\u3041')] // ぁ first hiragana
    [InlineData('\u33FF')] // ㏿ last CJK compatibility square
    [InlineData('\u3400')] // 㐀 first of CJK extension A
    [InlineData('\u4DBF')] // last of CJK extension A
    [InlineData('\u4E00')] // 一
    [InlineData('\u9FFF')] // last of the unified ideographs block
    [InlineData('\uA000')] // ꀀ first Yi syllable
    [InlineData('\uA4CF')] // end of the Yi radicals block
    [InlineData('\uAC00')] // 가 first Hangul syllable
    [InlineData('\uD7A3')] // 힣 last Hangul syllable
    [InlineData('\uF900')] // 豈 first CJK compatibility ideograph
    [InlineData('\uFAFF')] // end of the CJK compatibility ideographs block
    [InlineData('\uFE30')] // ︰ first CJK compatibility form
    [InlineData('\uFE4F')] // ﹏ last CJK compatibility form
    [InlineData('\uFF00')] // start of the full-width forms block
    [InlineData('\uFF08')] // （ full-width parenthesis
    [InlineData('\uFF60')] // ｠ FULLWIDTH RIGHT WHITE PARENTHESIS, last full-width form
    [InlineData('\uFFE0')] // ￠ FULLWIDTH CENT SIGN
    [InlineData('\uFFE6')] // ￦ FULLWIDTH WON SIGN
    public void Wide_characters_take_two_columns(char c)
    {
        TextWidth.IsWide(c).Should().BeTrue();
        TextWidth.Of(c.ToString()).Should().Be(2);
        TextWidth.Of("a" + c + c).Should().Be(5);
    }

    [Theory]
    [InlineData('a')]
    [InlineData('%')]
    [InlineData('\u00B7')] // · middle dot, as in captions
    [InlineData('\u10FF')] // just before the Hangul Jamo
    [InlineData('\u1160')] // HANGUL JUNGSEONG FILLER: a combining vowel, narrow
    [InlineData('\u2E7F')] // just before the CJK radicals
    [InlineData('\u303F')] // 〿 IDEOGRAPHIC HALF FILL SPACE: narrow
    [InlineData('\u3040')] // just before the hiragana
    [InlineData('\uA4D0')] // ꓐ first Lisu letter
    [InlineData('\uD7B0')] // Hangul Jamo extended-B: narrow
    [InlineData('\uFE50')] // just after the CJK compatibility forms
    [InlineData('\uFF61')] // ｡ HALFWIDTH IDEOGRAPHIC FULL STOP
    [InlineData('\uFF71')] // ｱ HALFWIDTH KATAKANA A
    [InlineData('\uFFE8')] // ￨ HALFWIDTH FORMS LIGHT VERTICAL
    [InlineData('\uFFFD')] // replacement character
    public void Other_characters_take_one_column(char c)
    {
        TextWidth.IsWide(c).Should().BeFalse();
        TextWidth.Of(c.ToString()).Should().Be(1);
    }

    [Fact]
    public void Padding_counts_display_columns()
    {
        // 丽水市 is three ideographs, six columns.
        TextWidth.Of("丽水市 2023").Should().Be(11);
        TextWidth.PadRight("丽水市", 8).Should().Be("丽水市  ");
        TextWidth.PadLeft("丽水市", 8).Should().Be("  丽水市");
        TextWidth.PadRight("丽水市", 4).Should().Be("丽水市");
        TextWidth.PadLeft("ab", 2).Should().Be("ab");
        TextWidth.Of(string.Empty).Should().Be(0);
    }
}
