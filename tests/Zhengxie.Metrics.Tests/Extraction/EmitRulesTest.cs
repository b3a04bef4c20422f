using System.Globalization;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction;
using static Zhengxie.Metrics.Tests.Extraction.ExtractionAssertions;

namespace Zhengxie.Metrics.Tests.Extraction;

/// <summary>
/// The scanner's emitting rules (ReportScanner.Emit.cs): 全部/均 … 办复/答复/办结 after a count and without one, the
/// on-time words, the cut of each quote, subject breakdowns and their lead words, the occasion of a repeated
/// activity measure, the label of a generic activity word. Expected figures are worked out by hand from each passage.
/// </summary>
public class EmitRulesTest
{
    /// <summary>One line per figure: measure, value, unit, qualifier, scope, topic, label, quote and its start.</summary>
    internal static string Line(ExtractedFigure f) => string.Create(
        CultureInfo.InvariantCulture,
        $"{f.Measure.Id} {f.Value} {f.Unit.Symbol} {f.Qualifier} {f.Scope} {f.Topic} [{f.Label}] «{f.Quote}»@{f.Start}");

    /// <summary>The lines of a text's figures (or breakdowns), each quote checked against the text at its offsets.</summary>
    internal static string[] Lines(string text, bool breakdowns = false)
    {
        var r = Extract(text);
        var list = breakdowns ? r.Breakdowns : r.Figures;
        foreach (var f in list)
        {
            f.QuoteIsAt(text);
        }

        return list.Select(Line).ToArray();
    }

    [Fact]
    public void A_count_all_replied_is_not_on_time_without_a_timing_word()
    {
        Lines("今年交办提案36件均已办复。").Should().Equal(
            "proposals.cases 36 件 Exact Committee  [] «今年交办提案36件»@0",
            "proposals.replied 36 件 All Committee  [] «36件均已办复»@6");
    }

    [Fact]
    public void A_count_all_replied_at_the_very_end_of_the_text()
    {
        Lines("今年交办提案36件均已办复").Should().Equal(
            "proposals.cases 36 件 Exact Committee  [] «今年交办提案36件»@0",
            "proposals.replied 36 件 All Committee  [] «36件均已办复»@6");
    }

    [Theory]
    [InlineData("按时")]
    [InlineData("按期")]
    [InlineData("时限内")]
    [InlineData("期限内")]
    public void A_timing_word_right_after_the_count_makes_the_replies_on_time(string word)
    {
        string quote = "36件" + word + "全部办复";
        Lines("今年交办提案" + quote + "。").Should().Equal(
            "proposals.cases 36 件 Exact Committee  [] «今年交办提案36件»@0",
            $"proposals.replied 36 件 All Committee  [] «{quote}»@6",
            $"proposals.replied_on_time 36 件 All Committee  [] «{quote}»@6");
    }

    [Fact]
    public void All_concluded_on_schedule_is_concluded_and_not_a_reply_on_time()
    {
        Lines("今年交办提案36件按期全部办结。").Should().Equal(
            "proposals.cases 36 件 Exact Committee  [] «今年交办提案36件»@0",
            "proposals.concluded 36 件 All Committee  [] «36件按期全部办结»@6");
    }

    [Fact]
    public void A_reply_rate_after_the_all_marker_is_no_all_figure()
    {
        Lines("今年交办提案36件均纳入办复率考核。").Should().Equal(
            "proposals.cases 36 件 Exact Committee  [] «今年交办提案36件»@0");
    }

    [Fact]
    public void The_all_figure_ends_at_the_reply_verb_not_at_another_handling_word()
    {
        Lines("今年交办提案36件全部办理完毕并答复。").Should().Equal(
            "proposals.cases 36 件 Exact Committee  [] «今年交办提案36件»@0",
            "proposals.replied 36 件 All Committee  [] «36件全部办理完毕并答复»@6");
    }

    [Fact]
    public void A_written_reply_to_proposals_is_a_reply()
    {
        Lines("今年交办提案36件均已书面回复。").Should().Equal(
            "proposals.cases 36 件 Exact Committee  [] «今年交办提案36件»@0",
            "proposals.replied 36 件 All Committee  [] «36件均已书面回复»@6");
    }

    [Fact]
    public void A_written_reply_in_the_clause_after_a_filed_count_is_all_replied_without_a_value()
    {
        // The count is in the clause before (as 「全年经立案的提案221件,全部按时协商办复」 of the Yongjia seed): the figure keeps no value.
        Lines("经审查立案256件，均已书面回复。").Should().Equal(
            "proposals.filed 256 件 Exact Committee  [] «经审查立案256件»@0",
            "proposals.replied  件 All Committee  [] «均已书面回复»@10");
    }

    [Fact]
    public void All_replied_to_on_time_about_proposals_is_on_time()
    {
        Lines("经过认真办理，提案全部按时回复。").Should().Equal(
            "proposals.replied  件 All Committee  [] «提案全部按时回复»@7",
            "proposals.replied_on_time  件 All Committee  [] «提案全部按时回复»@7");
    }

    [Theory]
    [InlineData("对群众来信均已及时回复。")] // no proposal in the sentence
    [InlineData("网民留言120件，均已回复。")] // a count of messages, not of proposals
    [InlineData("提案工作扎实推进。对群众来信均已回复。")] // 提案 only in the sentence before
    public void A_reply_to_anything_but_proposals_is_no_reply_figure(string text)
    {
        Extract(text).Figures.Should().NotContain(f => f.Measure.Id.StartsWith("proposals.", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_reply_verb_is_searched_from_the_all_marker_on_not_before_the_count()
    {
        Lines("已办结的46件提案由承办单位全部答复。").Should().Equal(
            "proposals.concluded 46 件 Exact Committee  [] «已办结的46件»@0",
            "proposals.replied 46 件 All Committee  [] «46件提案由承办单位全部答复»@4");
    }

    [Theory]
    [InlineData("对委员建议均已答复。", "均已答复", 5)] // no 提案, nothing of 承/所/已/立 before the marker
    [InlineData("对所提意见建议均已答复。", "所提意见建议均已答复", 1)] // 所 six characters before 均
    [InlineData("委员提出的建议，承办单位均已答复。", "承办单位均已答复", 8)] // 承 at the clause's start
    [InlineData("已收到的委员意见建议均已答复。", "均已答复", 10)] // 已 more than six characters before 均
    [InlineData("经过认真办理，提案均已办复。", "提案均已办复", 7)] // 提案 at the clause's start
    public void All_replied_without_a_count_quote_cut(string text, string quote, int start)
    {
        Lines(text).Should().Equal($"proposals.replied  件 All Committee  [] «{quote}»@{start}");
    }

    [Fact]
    public void All_replied_on_time_without_a_count()
    {
        Lines("经过认真办理，按时全部办复。").Should().Equal(
            "proposals.replied  件 All Committee  [] «全部办复»@9",
            "proposals.replied_on_time  件 All Committee  [] «全部办复»@9");
    }

    [Fact]
    public void All_concluded_on_schedule_without_a_count_is_no_reply_on_time()
    {
        Lines("经过认真办理，提案全部按期办结。").Should().Equal(
            "proposals.concluded  件 All Committee  [] «提案全部按期办结»@7");
    }

    [Fact]
    public void An_all_marker_in_an_earlier_item_of_an_enumeration_is_not_the_replies()
    {
        Extract("委员意见全部吸纳、提案按时办复。").Figures.Should().BeEmpty();
    }

    [Fact]
    public void Breakdown_ending_in_lei_de_keeps_a_two_character_topic_without_its_lead()
    {
        Lines("共收到提案120件，其中教育类的12件。", breakdowns: true).Should().Equal(
            "proposals.received 12 件 Exact Committee 教育 [] «其中教育类的12件»@10");
    }

    [Theory]
    [InlineData("其中")]
    [InlineData("涉及")]
    [InlineData("反映")]
    [InlineData("关于")]
    [InlineData("属于")]
    [InlineData("有关")]
    public void Breakdown_lead_words_are_not_part_of_the_topic(string lead)
    {
        Lines($"共收到提案120件，{lead}教育方面的12件。", breakdowns: true).Should().Equal(
            $"proposals.received 12 件 Exact Committee 教育 [] «{lead}教育方面的12件»@10");
    }

    [Fact]
    public void Breakdown_topic_of_ten_characters()
    {
        Lines("共收到提案120件，其中科教文卫体和民族宗教方面9件。", breakdowns: true).Should().Equal(
            "proposals.received 9 件 Exact Committee 科教文卫体和民族宗教 [] «其中科教文卫体和民族宗教方面9件»@10");
    }

    [Fact]
    public void A_repeated_activity_measure_takes_the_first_clause_of_its_sentence_as_occasion()
    {
        Lines("全年组织委员视察12次。围绕乡村振兴，开展专题视察5次。").Should().Equal(
            "activity.inspection 12 次 Exact Committee  [] «视察12次»@6",
            "activity.inspection 5 次 Exact Committee 围绕乡村振兴 [] «开展专题视察5次»@19");
    }

    [Fact]
    public void The_occasion_stops_where_the_quote_starts()
    {
        Lines("全年组织委员视察12次。围绕乡村振兴开展专题视察5次。").Should().Equal(
            "activity.inspection 12 次 Exact Committee  [] «视察12次»@6",
            "activity.inspection 5 次 Exact Committee 围绕乡村振兴开展专题 [] «视察5次»@22");
    }

    [Fact]
    public void The_occasion_is_at_most_sixteen_characters()
    {
        Lines("全年组织委员视察12次。围绕推进城乡融合发展和乡村全面振兴开展专题视察5次。").Should().Equal(
            "activity.inspection 12 次 Exact Committee  [] «视察12次»@6",
            "activity.inspection 5 次 Exact Committee 围绕推进城乡融合发展和乡村全面振 [] «视察5次»@33");
    }

    [Fact]
    public void A_generic_activity_word_labels_the_figure_without_the_leading_space()
    {
        Lines("全年， 开展书画联谊活动12场。").Should().Equal(
            "activity.events 12 场 Exact Committee  [开展书画联谊活动] «活动12场»@10");
    }

    [Fact]
    public void An_unclassified_count_is_quoted_from_its_enumeration_item()
    {
        const string text = "参观园区、看望老党员86户。";
        var u = Extract(text).Unclassified.Should().ContainSingle().Subject;
        (u.Value, u.Unit, u.Quote, u.Start).Should().Be((86m, "户", "看望老党员86户", 5));
    }
}
