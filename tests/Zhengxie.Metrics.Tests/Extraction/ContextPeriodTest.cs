using FluentAssertions;
using Xunit;
using static Zhengxie.Metrics.Tests.Extraction.ExtractionAssertions;

namespace Zhengxie.Metrics.Tests.Extraction;

/// <summary>
/// The report's period read from its text (ContextReader.FindPeriod, FindYear, ReadSmall): the year the report's words
/// follow, 「X届Y次会议（以来）」 only in a sentence about proposals. Periods are compared as text: 「2023」 a calendar year,
/// 「11.2@2023」 a session, 「11.2+@2023」 since a session.
/// </summary>
public class ContextPeriodTest
{
    private static string PeriodOf(string text) => Extract(text).Period?.ToString() ?? "none";

    [Theory]
    [InlineData("2023年政协工作报告。十一届二次会议以来，共收到提案210件。", "11.2+@2023")]
    [InlineData("2023年政协工作报告。十一届二次会议期间，共收到提案210件。", "11.2@2023")]
    [InlineData("2023年政协工作报告。十一届二次会议以来，共收到提案210件", "11.2+@2023")] // no full stop after the session
    [InlineData("十一届二次会议以来，共收到提案210件。2023年政协工作报告。", "11.2+@2023")] // the term at the text's start
    [InlineData("2023年政协工作报告。一届二次会议以来，共收到提案88件。", "1.2+@2023")]
    [InlineData("2023年政协工作报告。十一届一次会议以来，共收到提案210件。", "11.1+@2023")]
    public void A_session_in_a_sentence_about_proposals(string text, string period)
    {
        PeriodOf(text).Should().Be(period);
    }

    [Theory]
    [InlineData("2023年政协工作报告。本届二次会议以来，共收到提案210件。")] // no term number
    [InlineData("2023年政协工作报告。十一届二次常委会议审议通过提案工作报告。")] // not 会议 right after 次
    [InlineData("2023年政协工作报告。十一届二次会议以来，履职尽责。共收到提案210件。")] // 提案 only in a later sentence
    [InlineData("2023年政协工作报告。政协第十一届委员会常务委员会。")] // 届 without a session
    [InlineData("2023年政协工作报告。十一届二")] // the text ends after the session number
    public void Otherwise_the_calendar_year(string text)
    {
        PeriodOf(text).Should().Be("2023");
    }

    [Theory]
    [InlineData("2022年大事记。2023年，县政协聚焦中心大局。", "2023")]
    [InlineData("2022年大事记。2023年，全面推进各项工作。", "2023")]
    [InlineData("2022年大事记。2023年，委员履职成效明显。", "2023")]
    [InlineData("2023年大事记。", "2023")] // no report words: the first year
    [InlineData("2023年政协工作报告", "2023")] // no full stop or line break after the year
    [InlineData("馆藏1600年以来的文史资料工作。2023年政协工作报告。", "2023")] // 1600 is no report year
    public void The_report_year(string text, string period)
    {
        PeriodOf(text).Should().Be(period);
    }
}
