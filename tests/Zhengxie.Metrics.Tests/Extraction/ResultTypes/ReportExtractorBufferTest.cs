using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction;

namespace Zhengxie.Metrics.Tests.Extraction.ResultTypes;

/// <summary>
/// <see cref="ReportExtractor.Extract"/>'s pooled buffer (ReportExtractor.cs): text that grows under NFKC beyond the
/// first rented buffer, format characters that only the normalising path removes, and line breaks written as
/// <c>\n</c> whatever the buffer held before. Expected figures are worked out by hand.
/// </summary>
public class ReportExtractorBufferTest
{
    private static string Line(ExtractedFigure f) => EmitRulesTest.Line(f);

    [Fact]
    public void Text_that_grows_beyond_the_rented_buffer_is_read_whole()
    {
        // 20 ligatures ﬁ (each "fi" under NFKC) + "。收到提案178件。": 30 characters (a buffer of 32), 50 once normalised.
        string text = new string('\uFB01', 20) + "。收到提案178件。";
        var r = new ReportExtractor().Extract(text);
        r.Figures.Select(Line).Should().Equal("proposals.received 178 件 Exact Committee  [] «收到提案178件»@21");
        r.Figures[0].Length.Should().Be(8);
    }

    [Fact]
    public void A_zero_width_space_inside_a_number_is_removed()
    {
        const string text = "收到提案1\u200B78件。";
        var r = new ReportExtractor().Extract(text);
        r.Figures.Select(Line).Should().Equal("proposals.received 178 件 Exact Committee  [] «收到提案1\u200B78件»@0");
        r.Figures[0].Length.Should().Be(9);
        r.Unclassified.Should().BeEmpty();
    }

    [Theory]
    [InlineData("收到提案178件。2立案150件。", "收到提案178件。\n立案150件。")]
    [InlineData("收到提案178件。2立案150件。", "收到提案178件。\u2028立案150件。")]
    [InlineData("收到提案178件。22立案150件。", "收到提案178件。\r\n立案150件。")]
    public void A_line_break_is_a_break_whatever_the_pooled_buffer_held(string primer, string text)
    {
        // The primer has the same length, so it is folded into the same pooled buffer just before, with a digit
        // where the text has its line break. A break after 。 is never joined, so the text stays on the fast path.
        var extractor = new ReportExtractor();
        extractor.Extract(primer);
        var r = extractor.Extract(text);
        int second = text.IndexOf('立');
        r.Figures.Select(Line).Should().Equal(
            "proposals.received 178 件 Exact Committee  [] «收到提案178件»@0",
            $"proposals.filed 150 件 Exact Committee  [] «立案150件»@{second}");
        r.Unclassified.Should().BeEmpty();
    }

    [Theory]
    [InlineData("开展界别\n协商30次。", "activity.consultation.sector 30 次 Exact Committee  [] «开展界别\n协商30次»@0")]
    [InlineData("全市各级\n政协共收到提案1200件。", "proposals.received 1200 件 Exact RegionTotal  [] «收到提案1200件»@8")]
    [InlineData("共收到\n提案178件。", "proposals.received 178 件 Exact Committee  [] «共收到\n提案178件»@0")]
    [InlineData("共收到 \r\n提案178件。", "proposals.received 178 件 Exact Committee  [] «共收到 \r\n提案178件»@0")]
    public void A_line_break_inside_a_sentence_is_joined_whether_or_not_the_text_needs_normalising(string text, string line)
    {
        // The same text with a zero-width space at its end goes through NormalizedText whatever else it holds; a
        // line break between two ideographs must be read the same way on both paths (NormalizedText's joining rule).
        var extractor = new ReportExtractor();
        extractor.Extract(text).Figures.Select(Line).Should().Equal(line);
        extractor.Extract(text + "\u200B").Figures.Select(Line).Should().Equal(line);
    }
}
