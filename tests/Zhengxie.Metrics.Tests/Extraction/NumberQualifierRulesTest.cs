using FluentAssertions;
using Xunit;
using static Zhengxie.Metrics.Tests.Extraction.ExtractionAssertions;

namespace Zhengxie.Metrics.Tests.Extraction;

/// <summary>
/// The scanner's reading of one number (ReportScanner.Numbers.cs): a lone 百 after 逾, 余 before the unit, 以上/左右 after
/// it inside the quote, 成 at the very end of the text. Expected figures are worked out by hand.
/// </summary>
public class NumberQualifierRulesTest
{
    [Theory]
    [InlineData("共收到提案逾百件。", "proposals.received 100 件 MoreThan Committee  [] «共收到提案逾百件»@0")]
    [InlineData("开展界别协商30余次。", "activity.consultation.sector 30 次 MoreThan Committee  [] «开展界别协商30余次»@0")]
    [InlineData("开展界别协商30次以上。", "activity.consultation.sector 30 次 MoreThan Committee  [] «开展界别协商30次以上»@0")]
    [InlineData("开展界别协商30次左右。", "activity.consultation.sector 30 次 About Committee  [] «开展界别协商30次左右»@0")]
    [InlineData("提案采纳率达三成", "rate.adoption_including_planned 30 % PercentReported Committee  [] «提案采纳率达三成»@0")]
    public void The_single_figure_of_a_clause(string text, string line)
    {
        var r = Extract(text);
        r.Figures.Should().ContainSingle();
        r.Figures[0].QuoteIsAt(text);
        EmitRulesTest.Line(r.Figures[0]).Should().Be(line);
    }
}
