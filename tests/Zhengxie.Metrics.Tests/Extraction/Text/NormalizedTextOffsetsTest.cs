using System;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction.Text;

namespace Zhengxie.Metrics.Tests.Extraction.Text;

/// <summary>
/// Pins the offset map of <see cref="NormalizedText"/>: for each input, every normalised position's original start
/// (<see cref="NormalizedText.ToOriginal"/>) and end (<see cref="NormalizedText.ToOriginalEnd"/>) worked out by hand, after
/// removed format characters, joined and kept line breaks (\r\n, \r at the end), expansions (㎡, ㎧, long outputs that
/// grow the buffer), combining marks, supplementary characters and lone surrogates.
/// </summary>
public class NormalizedTextOffsetsTest
{
    [Theory]
    // original, normalised text, ToOriginal(0..Text.Length) as a list
    [InlineData("\u200B12345", "12345", "1,2,3,4,5,6")] // one linear run shifted by one
    [InlineData("ａ\u200Bb\u200Bcd", "abcd", "0,2,4,5,6")]
    [InlineData("a㎧b", "am\u2215sb", "0,1,1,1,2,3")] // three characters of one unit map to its start
    [InlineData("面积300㎡", "面积300m2", "0,1,2,3,4,5,5,6")] // an expansion at the very end
    [InlineData("收到提案\r\n178件", "收到提案178件", "0,1,2,3,6,7,8,9,10")]
    [InlineData("收到提案\u200B \u200B \n178件", "收到提案178件", "0,1,2,3,9,10,11,12,13")] // trailing spaces before a joined break
    [InlineData("ab\n\u0301c", "ab\n\u0301c", "0,1,2,3,4,5")] // a mark after a line break attaches to nothing
    [InlineData("ab\\uD800\\u0301", "ab\\uD800\\u0301", "0,1,2,3,4")] // nor after a lone surrogate
    [InlineData("e\\u0301\\uDC00", "\\u00E9\\uDC00", "0,2,3")]
    [InlineData("a\\u0301\\uD800", "\\u00E1\\uD800", "0,2,3")] // a high surrogate at the end
    [InlineData("a\uD800\uDDFDb", "a\uD800\uDDFDb", "0,0,0,3,4")] // U+101FD, a supplementary combining mark
    [InlineData("立\uD834\uDD73案", "立案", "0,3,4")] // U+1D173, a supplementary format character
    [InlineData("Ａ\uD800\uDC00b", "A\uD800\uDC00b", "0,1,2,3,4")] // U+10000, NFKC-stable
    [InlineData("a\uD83C\uDD00b", "a0.b", "0,1,1,3,4")] // U+1F100 → "0."
    [InlineData("a\uD834\uDD5Eb", "a\uD834\uDD57\uD834\uDD65b", "0,1,1,1,1,3,4")] // U+1D15E → U+1D157 U+1D165
    [InlineData("立案\\uDC00\\uDC00", "立案\\uDC00\\uDC00", "0,1,2,3,4")] // two lone low surrogates
    [InlineData("立案\\uD800", "立案\\uD800", "0,1,2,3")]
    [InlineData("全年。\r", "全年。\n", "0,1,2,3,4")]
    [InlineData("全年。\r全年。\r", "全年。\n全年。\n", "0,1,2,3,4,5,6,7,8")]
    [InlineData("全年\n", "全年\n", "0,1,2,3")]
    [InlineData("全年\n ", "全年\n ", "0,1,2,3,4")]
    [InlineData("\n全年", "\n全年", "0,1,2,3")]
    [InlineData(" \n全年", " \n全年", "0,1,2,3,4")]
    [InlineData("收到提案  \n178件", "收到提案178件", "0,1,2,3,7,8,9,10,11")]
    [InlineData("收到提案\n\u200B178件", "收到提案178件", "0,1,2,3,6,7,8,9,10")] // a format character after the break
    [InlineData("提案工作情况\n\u3000全年", "提案工作情况\n 全年", "0,1,2,3,4,5,6,7,8,9,10")] // one ideographic space is an indent
    [InlineData("\u200B", "", "1")]
    public void Every_position_maps_back(string original, string expected, string offsets)
    {
        // Lone surrogates do not survive xunit's test case serialisation: those rows spell them \\uXXXX.
        original = Regex.Unescape(original);
        expected = Regex.Unescape(expected);
        var text = NormalizedText.Create(original);
        text.Text.Should().Be(expected);
        int[] want = Array.ConvertAll(offsets.Split(','), int.Parse);
        want.Should().HaveCount(expected.Length + 1, "one offset for each position, the end included");
        for (int k = 0; k <= expected.Length; k++)
        {
            text.ToOriginal(k).Should().Be(want[k], "ToOriginal({0})", k);
        }
    }

    [Theory]
    // original, ToOriginalEnd(0..Text.Length) as a list
    [InlineData("立案\u200B 完", "0,1,2,4,5")] // the space's end is after the space, not before it
    [InlineData("立案\u200B\u200B完", "0,1,2,5")] // removed format characters are left out of the end
    [InlineData("\u200B立案", "1,2,3")]
    [InlineData("全年\r\n(一)", "0,1,2,4,5,6,7")] // a kept \r\n ends after both characters
    [InlineData("全年\n(一)", "0,1,2,3,4,5,6")]
    [InlineData("全年\r(一)", "0,1,2,3,4,5,6")]
    [InlineData("全年。\r", "0,1,2,3,4")] // \r at the very end
    [InlineData("面积300㎡", "0,1,2,3,4,5,6,6")] // inside the last expansion: the end of the text
    [InlineData("a㎧b", "0,1,2,2,2,3")]
    [InlineData("\u200B", "1")]
    public void Every_end_maps_back(string original, string ends)
    {
        var text = NormalizedText.Create(original);
        int[] want = Array.ConvertAll(ends.Split(','), int.Parse);
        want.Should().HaveCount(text.Text.Length + 1);
        for (int k = 0; k <= text.Text.Length; k++)
        {
            text.ToOriginalEnd(k).Should().Be(want[k], "ToOriginalEnd({0}) of {1}", k, text.Text);
        }
    }

    [Fact]
    public void A_stable_supplementary_character_leaves_the_text_as_it_is()
    {
        const string original = "a\uD800\uDC00b\uD800\uDC01"; // U+10000, U+10001
        NormalizedText.Create(original).Text.Should().BeSameAs(original);
    }

    [Fact]
    public void Long_expansions_grow_the_buffer()
    {
        string original = string.Concat(System.Linq.Enumerable.Repeat("㎡", 100)) + "件";
        var text = NormalizedText.Create(original);
        text.Text.Should().Be(string.Concat(System.Linq.Enumerable.Repeat("m2", 100)) + "件");
        for (int k = 0; k < 100; k++)
        {
            text.ToOriginal(2 * k).Should().Be(k);
            text.ToOriginal((2 * k) + 1).Should().Be(k);
        }

        text.ToOriginal(200).Should().Be(100);
        text.ToOriginal(201).Should().Be(101);
    }

    [Fact]
    public void Null_and_out_of_range_are_rejected()
    {
        var create = () => NormalizedText.Create(null!);
        create.Should().Throw<ArgumentNullException>();
        var text = NormalizedText.Create("１件");
        var start = () => text.ToOriginal(3);
        start.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*between 0 and the length of the normalised text*");
        var end = () => text.ToOriginalEnd(3);
        end.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*between 0 and the length of the normalised text*");
    }
}
