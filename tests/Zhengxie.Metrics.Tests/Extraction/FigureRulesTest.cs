using System.Linq;
using FluentAssertions;
using Xunit;
using static Zhengxie.Metrics.Tests.Extraction.ExtractionAssertions;

namespace Zhengxie.Metrics.Tests.Extraction;

/// <summary>
/// The scanner's naming of a rate and of a count (ReportScanner.Figures.cs): a list of rate words sharing one value
/// (均/都) or not, where a rate's quote starts, 采用率 of social-conditions information, a share beside a count (占),
/// counts stated as a share, a breakdown's parent, 党派 and 专报, 其中 with a generic verb, 万字, and a number no word
/// names. Expected figures are worked out by hand from each passage (character offsets counted by hand).
/// </summary>
public class FigureRulesTest
{
    private static string[] Lines(string text, bool breakdowns = false) => EmitRulesTest.Lines(text, breakdowns);

    [Fact]
    public void Rates_listed_before_均_share_the_value_and_the_quote()
    {
        Lines("提案办复率、满意率均为100%。").Should().Equal(
            "rate.reply 100 % PercentReported Committee  [] «提案办复率、满意率均为100%»@0",
            "rate.satisfaction 100 % PercentReported Committee  [] «提案办复率、满意率均为100%»@0");
    }

    [Fact]
    public void Rates_listed_before_都_share_the_value_and_the_quote()
    {
        Lines("提案办复率和满意率都达到100%。").Should().Equal(
            "rate.reply 100 % PercentReported Committee  [] «提案办复率和满意率都达到100%»@0",
            "rate.satisfaction 100 % PercentReported Committee  [] «提案办复率和满意率都达到100%»@0");
    }

    [Fact]
    public void Without_均_only_the_last_rate_word_takes_the_value()
    {
        // 满意率 starts at 6, more than four characters into the clause: the quote starts at the rate word.
        Lines("提案办复率、满意率为100%。").Should().Equal(
            "rate.satisfaction 100 % PercentReported Committee  [] «满意率为100%»@6");
    }

    [Theory]
    [InlineData("今年提案办复率为99%。", "rate.reply 99 % PercentReported Committee  [] «今年提案办复率为99%»@0")]
    [InlineData("本年度提案办复率为99%。", "rate.reply 99 % PercentReported Committee  [] «办复率为99%»@5")]
    [InlineData("办复率为99%。", "rate.reply 99 % PercentReported Committee  [] «办复率为99%»@0")]
    public void A_rate_quote_takes_in_at_most_four_characters_before_the_rate_word(string text, string line)
    {
        Lines(text).Should().Equal(line);
    }

    [Theory]
    [InlineData("社情民意信息采用率为80%。", "rate.opinion_info_adoption 80 % PercentReported Committee  [] «采用率为80%»@6")]
    [InlineData("社情民意信息采纳率为80%。", "rate.adoption_including_planned 80 % PercentReported Committee  [] «采纳率为80%»@6")]
    [InlineData("提案采用率为80%。", "rate.adoption_including_planned 80 % PercentReported Committee  [] «提案采用率为80%»@0")]
    public void Only_采用率_in_a_sentence_about_information_is_the_information_adoption_rate(string text, string line)
    {
        Lines(text).Should().Equal(line);
    }

    [Fact]
    public void A_share_beside_a_count_with_a_rate_of_its_own_is_that_rate()
    {
        var r = Extract("立案180件，占90%。");
        r.Figures.Select(EmitRulesTest.Line).Should().Equal(
            "proposals.filed 180 件 Exact Committee  [] «立案180件»@0",
            "rate.acceptance 90 % PercentReported Committee  [] «立案180件，占90%»@0");
        r.Unclassified.Should().BeEmpty();
    }

    [Fact]
    public void A_share_beside_a_count_without_a_rate_is_a_share_of_its_measure()
    {
        var r = Extract("提出建议30条，占60%。");
        r.Figures.Select(EmitRulesTest.Line).Should().Equal(
            "output.suggestions 30 条 Exact Committee  [] «提出建议30条»@0",
            "share.output.suggestions 60 % PercentReported Committee  [] «提出建议30条，占60%»@0");
        r.Unclassified.Should().BeEmpty();
    }

    [Theory]
    [InlineData("已解决的达七成。", "rate.adoption 70 % PercentReported Committee  [] «已解决的达七成»@0")]
    [InlineData("已解决和列入计划的达七成。", "rate.adoption_including_planned 70 % PercentReported Committee  [] «列入计划的达七成»@4")]
    [InlineData("满意和基本满意的达九成。", "rate.satisfaction 90 % PercentReported Committee  [] «满意和基本满意的达九成»@0")]
    [InlineData("立案的达九成。", "rate.acceptance 90 % PercentReported Committee  [] «立案的达九成»@0")]
    public void A_count_word_stated_as_a_share_names_its_rate(string text, string line)
    {
        var r = Extract(text);
        r.Figures.Select(EmitRulesTest.Line).Should().Equal(line);
        r.Unclassified.Should().BeEmpty();
    }

    [Fact]
    public void A_count_word_without_a_rate_stated_as_a_share_is_unclassified()
    {
        var r = Extract("重点提案达九成。");
        r.Figures.Should().BeEmpty();
        r.Unclassified.Should().ContainSingle().Which.Value.Should().Be(90);
        r.Unclassified[0].Unit.Should().Be("%");
    }

    [Fact]
    public void A_breakdown_with_no_count_before_it_is_of_the_proposals_received()
    {
        Lines("经济建设方面63件。", breakdowns: true).Should().Equal(
            "proposals.received 63 件 Exact Committee 经济建设 [] «经济建设方面63件»@0");
    }

    [Fact]
    public void A_breakdown_in_articles_with_no_count_before_it_is_of_the_information_submitted()
    {
        Lines("经济发展方面98条。", breakdowns: true).Should().Equal(
            "opinion_info.submitted 98 条 Exact Committee 经济发展 [] «经济发展方面98条»@0");
    }

    [Fact]
    public void Breakdowns_after_a_count_are_of_that_count_and_the_next_keeps_the_parent()
    {
        Lines("立案180件，经济建设方面63件，社会事业方面50件。", breakdowns: true).Should().Equal(
            "proposals.filed 63 件 Exact Committee 经济建设 [] «经济建设方面63件»@7",
            "proposals.filed 50 件 Exact Committee 社会事业 [] «社会事业方面50件»@17");
    }

    [Theory]
    [InlineData("收到各民主党派提案30件。", "proposals.by_parties 30 件 Exact Committee  [] «收到各民主党派提案30件»@0")]
    [InlineData("委员积极履职，收到党派提案30件。", "proposals.received 30 件 Exact Committee  [] «收到党派提案30件»@7")]
    [InlineData("以集体为主，收到党派提案30件。", "proposals.received 30 件 Exact Committee  [] «收到党派提案30件»@6")]
    public void Proposals_received_from_parties_unless_members_or_collectives_are_in_the_sentence(string text, string line)
    {
        Lines(text).Should().Equal(line);
    }

    [Theory]
    [InlineData("社情民意专报获领导批示5条。", "special_reports.leader_instructions 5 条 Exact Committee  [] «批示5条»@9")]
    [InlineData("社情民意信息获领导批示5条。", "opinion_info.leader_instructions 5 条 Exact Committee  [] «批示5条»@9")]
    public void Instructions_on_a_special_report_are_counted_apart(string text, string line)
    {
        Lines(text).Should().Equal(line);
    }

    [Fact]
    public void Ten_thousands_of_characters_with_no_word_are_cultural_history_characters()
    {
        Lines("全年编印30万字。").Should().Equal(
            "output.cultural_history_characters 30 万字 Exact Committee  [] «30万字»@4");
    }

    [Fact]
    public void A_count_no_word_names_is_unclassified_with_its_clause_and_tail()
    {
        var r = Extract("全年完成100个目标。");
        r.Figures.Should().BeEmpty();
        var u = r.Unclassified.Should().ContainSingle().Subject;
        u.Value.Should().Be(100);
        u.Unit.Should().Be("个");
        u.Quote.Should().Be("全年完成100个目标");
        u.Start.Should().Be(0);
    }

    [Theory]
    [InlineData("共开展视察30次，其中组织15次。", "activity.inspection 15 次 Exact Committee 共开展视察30次 [] «其中组织15次»@9")]
    [InlineData("共开展视察30次，其中会议15次。", "activity.inspection 15 次 Exact Committee 共开展视察30次 [] «其中会议15次»@9")]
    [InlineData("共开展视察30次，其中组织15场。", "activity.events 15 场 Exact Committee  [其中组织] «其中组织15场»@9")]
    [InlineData("共开展视察30次，组织15次。", "activity.events 15 次 Exact Committee  [组织] «组织15次»@9")]
    [InlineData("共开展视察30次，召开会议15次。", "activity.meetings 15 次 Exact Committee  [召开会议] «召开会议15次»@9")]
    public void After_其中_a_generic_word_in_the_same_unit_is_a_part_of_the_count_before(string text, string line)
    {
        var lines = Lines(text);
        lines.Should().HaveCount(2);
        lines[0].Should().Be("activity.inspection 30 次 Exact Committee  [] «共开展视察30次»@0");
        lines[1].Should().Be(line);
    }
}
