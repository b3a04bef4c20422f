using System.Linq;
using FluentAssertions;
using Xunit;
using static Zhengxie.Metrics.Tests.Extraction.ExtractionAssertions;

namespace Zhengxie.Metrics.Tests.Extraction;

/// <summary>Numbers as reports print them: Arabic, separators, 万/亿, Chinese numerals, 百分之, 成; too large is a finding.</summary>
public class NumberReadingTest
{
    [Theory]
    [InlineData("全年共收到提案412件。", 412)]
    [InlineData("全年共收到提案2,486件。", 2486)]
    [InlineData("全年共收到提案１，２０８件。", 1208)]
    [InlineData("全年共收到提案１２０８件。", 1208)]
    [InlineData("共收到提案三百零五件。", 305)]
    [InlineData("共收到提案一千零二十件。", 1020)]
    [InlineData("共收到提案两千件。", 2000)]
    [InlineData("共收到提案十二件。", 12)]
    [InlineData("共收到提案一百一十件。", 110)]
    public void Counts_in_any_numeral_form(string text, int expected) =>
        Extract(text).Figure("proposals.received").Is(expected, "件");

    [Theory]
    [InlineData("全年参与协商活动的委员和群众1.2万人次。", 12000, "人次")]
    [InlineData("参与调研的委员和群众达3万4000人次。", 34000, "人次")]
    [InlineData("全市政协系统开展“有事好商量”活动，参与群众两万人次。", 20000, "人次")]
    public void Wan_multiplies_into_the_value(string text, int expected, string unit) =>
        Extract(text).Figures.Single().Is(expected, unit);

    [Theory]
    [InlineData("组织委员企业家募集帮扶资金380万元。", 380, "万元")]
    [InlineData("助推签约项目总投资12.5亿元。", 12.5, "亿元")]
    [InlineData("编印文史资料两册，近三十万字。", 30, "万字")]
    public void Wanyuan_yiyuan_and_wanzi_are_units(string text, double expected, string unit) =>
        Extract(text).Figures.Single().Is((decimal)expected, unit, text.Contains('近') ? Qualifier.Nearly : Qualifier.Exact);

    [Theory]
    [InlineData("提案办复率达98.6%。", 98.6)]
    [InlineData("提案办复率达９８．６％。", 98.6)]
    [InlineData("提案办复率为百分之九十八点六。", 98.6)]
    [InlineData("提案办复率为百分之百。", 100)]
    public void Percentages(string text, double expected) =>
        Extract(text).Figure("rate.reply").Is((decimal)expected, "%", Qualifier.PercentReported);

    [Fact]
    public void Cheng_is_tens_of_percent()
    {
        var result = Extract("委员提案所提问题已解决或列入计划解决的达七成。");
        result.Figure("rate.adoption_including_planned").Is(70, "%", Qualifier.PercentReported);
    }

    [Fact]
    public void A_number_too_large_is_a_finding_not_an_exception()
    {
        var result = Extract("共收到提案123456789012345678901234567890件，立案88件。");
        result.Findings.Should().ContainSingle().Which.Message.Should().Contain("too large");
        result.Figure("proposals.filed").Is(88, "件");
        result.Figures.Should().NotContain(f => f.Measure.Id == "proposals.received");
    }

    [Fact]
    public void A_chinese_number_too_large_is_a_finding()
    {
        var result = Extract("共收到提案九千亿亿亿亿件。");
        result.Findings.Should().ContainSingle();
        result.Figures.Should().BeEmpty();
    }
}
