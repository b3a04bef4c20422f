using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction;
using static Zhengxie.Metrics.Tests.Extraction.ExtractionAssertions;

namespace Zhengxie.Metrics.Tests.Extraction;

/// <summary>One test per rule of EXTRACTION.md, on passages written in the phrasing of reports from other places and years.</summary>
public class ExtractionRulesTest
{
    [Theory]
    [InlineData("全年开展界别协商30余次。", 30, Qualifier.MoreThan)]
    [InlineData("全年开展界别协商30多次。", 30, Qualifier.MoreThan)]
    [InlineData("全年开展界别协商30次以上。", 30, Qualifier.MoreThan)]
    [InlineData("全年开展界别协商超过30次。", 30, Qualifier.MoreThan)]
    [InlineData("全年开展界别协商逾30次。", 30, Qualifier.MoreThan)]
    [InlineData("全年开展界别协商不少于30次。", 30, Qualifier.AtLeast)]
    [InlineData("全年开展界别协商至少30次。", 30, Qualifier.AtLeast)]
    [InlineData("全年开展界别协商近30次。", 30, Qualifier.Nearly)]
    [InlineData("全年开展界别协商将近30次。", 30, Qualifier.Nearly)]
    [InlineData("全年开展界别协商接近30次。", 30, Qualifier.Nearly)]
    [InlineData("全年开展界别协商约30次。", 30, Qualifier.About)]
    [InlineData("全年开展界别协商30次左右。", 30, Qualifier.About)]
    [InlineData("全年开展界别协商三十余次。", 30, Qualifier.MoreThan)]
    public void Qualifier_words(string text, int value, Qualifier qualifier)
    {
        var figure = Extract(text).Figure("activity.consultation.sector").Is(value, "次", qualifier);
        figure.QuoteIsAt(text);
        figure.Quote.Should().Contain("界别协商");
    }

    [Theory]
    [InlineData("2021年3月15日，县政协十届五次会议开幕。")]
    [InlineData("二〇二一年是建党一百周年。")]
    [InlineData("2017—2021年是本届政协的五年。")]
    [InlineData("政协第十三届委员会第四次全体会议于1月召开。")]
    [InlineData("一是强化理论武装；二是聚焦中心大局；三是加强自身建设。")]
    [InlineData("（二）坚持协商于民。第一，完善协商议事规则。")]
    [InlineData("围绕“十四五”规划，落实“3+2”工作机制，践行“两个维护”。")]
    [InlineData("深入开展“三服务”活动，助力“八八战略”实施，广泛宣传全国两会精神。")]
    [InlineData("组织多名委员开展一批调研，提出大量意见建议。")]
    [InlineData("承办单位须在三个月内答复，特殊情况可延长至六个月。")]
    [InlineData("提案办复率比上年提高2.3个百分点。")]
    [InlineData("每名委员每年至少提交提案1件、反映社情民意信息2条。")]
    [InlineData("联系电话：0571-87051234，传真：0571-87051235。")]
    public void Not_figures(string text)
    {
        var result = Extract(text);
        result.Figures.Should().BeEmpty(string.Join("; ", result.Figures));
        result.Breakdowns.Should().BeEmpty();
    }

    [Fact]
    public void Proposal_counts_by_their_verbs()
    {
        const string text = "本次会议共收到提案512件，经审查立案468件，并案处理21件，不予立案15件，转作意见建议处理8件。";
        var r = Extract(text);
        r.Figure("proposals.received").Is(512, "件");
        r.Figure("proposals.filed").Is(468, "件");
        r.Figure("proposals.merged").Is(21, "件");
        r.Figure("proposals.not_filed").Is(15, "件");
        r.Figure("proposals.converted_to_opinion").Is(8, "件");
        foreach (var f in r.Figures)
        {
            f.QuoteIsAt(text);
        }
    }

    [Fact]
    public void Cases_after_merging_and_on_time_replies()
    {
        var r = Extract("经并案后交办提案356件，已按期办复354件，按期办复率99.4%。");
        r.Figure("proposals.cases").Is(356, "件");
        r.Figure("proposals.replied_on_time").Is(354, "件");
        r.Figure("rate.on_time_reply").Is(99.4m, "%", Qualifier.PercentReported);
    }

    [Fact]
    public void Answer_classes_by_meaning_before_letter()
    {
        var r = Extract("其中已解决或采纳的A类提案132件，正在解决或列入计划解决的B类提案98件，因条件限制留作参考的C类提案11件。");
        r.Figure("proposals.outcome_a").Is(132, "件");
        r.Figure("proposals.outcome_b").Is(98, "件");
        r.Figure("proposals.outcome_c").Is(11, "件");
    }

    [Fact]
    public void Satisfaction_scale()
    {
        var r = Extract("提案者对办理结果满意的203件，基本满意的17件，不满意的1件。");
        r.Figure("proposals.satisfied").Is(203, "件");
        r.Figure("proposals.basically_satisfied").Is(17, "件");
        r.Figure("proposals.dissatisfied").Is(1, "件");
    }

    [Fact]
    public void One_value_for_a_list_of_rates()
    {
        const string text = "承办单位高度重视，提案办复率、办结率、满意率均为100%。";
        var r = Extract(text);
        r.Measures().Should().Equal("rate.reply", "rate.conclusion", "rate.satisfaction");
        r.Figures.Should().OnlyContain(f => f.Value == 100m && f.Quote == "提案办复率、办结率、满意率均为100%");
    }

    [Fact]
    public void Rates_in_a_list_with_their_own_values_stay_apart()
    {
        var r = Extract("立案率91.2%、办复率100%。");
        r.Figure("rate.acceptance").Is(91.2m, "%", Qualifier.PercentReported);
        r.Figure("rate.reply").Is(100m, "%", Qualifier.PercentReported);
    }

    [Fact]
    public void Adoption_rate_variants()
    {
        Extract("提案解决采纳率为61.5%。").Figure("rate.adoption").Is(61.5m, "%", Qualifier.PercentReported);
        Extract("提案采纳率为87.3%。").Figure("rate.adoption_including_planned").Is(87.3m, "%", Qualifier.PercentReported);
    }

    [Fact]
    public void Share_beside_a_count_is_the_rate_of_its_formula()
    {
        const string text = "共收到提案420件，立案380件，占提案总数的90.5%。";
        var r = Extract(text);
        var share = r.Figure("rate.acceptance").Is(90.5m, "%", Qualifier.PercentReported);
        share.Quote.Should().Be("立案380件，占提案总数的90.5%");
    }

    [Fact]
    public void Share_without_a_formula_is_share_of_the_count()
    {
        var r = Extract("以党派团体名义提交的集体提案37件，占9.8%。");
        r.Figure("proposals.collective").Is(37, "件");
        r.Figure("share.proposals.collective").Is(9.8m, "%", Qualifier.PercentReported);
    }

    [Fact]
    public void Share_of_answer_class_a_is_the_narrow_adoption_rate()
    {
        var r = Extract("A类提案156件，占41.6%；B类提案201件，占53.6%。");
        r.Figure("rate.adoption").Is(41.6m, "%", Qualifier.PercentReported);
        r.Figure("share.proposals.outcome_b").Is(53.6m, "%", Qualifier.PercentReported);
    }

    [Fact]
    public void All_without_a_count_has_no_value()
    {
        var r = Extract("立案提案已全部办复。");
        r.Figure("proposals.replied").Is(null, "件", Qualifier.All);
    }

    [Fact]
    public void All_with_a_count_keeps_the_count()
    {
        var r = Extract("截至10月底，立案的287件提案已全部按时办复。");
        r.Figure("proposals.filed").Is(287, "件");
        r.Figure("proposals.replied").Is(287, "件", Qualifier.All);
        r.Figure("proposals.replied_on_time").Is(287, "件", Qualifier.All);
    }

    [Fact]
    public void All_of_conclusion()
    {
        Extract("承办单位均已办结。").Figure("proposals.concluded").Is(null, "件", Qualifier.All);
    }

    [Fact]
    public void Subject_breakdowns_go_apart()
    {
        var r = Extract("在立案的302件提案中，经济建设方面118件，占39.1%；社会建设方面97件，占32.1%。");
        r.Figure("proposals.filed").Is(302, "件");
        r.Figures.Should().ContainSingle();
        r.Breakdowns.Should().HaveCount(4);
        r.Breakdowns.Where(b => b.Topic == "经济建设").Select(b => b.Measure.Id).Should().Equal("proposals.filed", "share.proposals.filed");
        r.Breakdowns.Single(b => b.Topic == "社会建设" && b.Unit.IsPercent).Value.Should().Be(32.1m);
    }

    [Fact]
    public void Subject_breakdowns_named_by_class()
    {
        var r = Extract("今年立案的提案中，涉及农业农村类提案25件、生态环保类14件。");
        r.Figures.Should().BeEmpty();
        r.Breakdowns.Select(b => (b.Topic, b.Value, b.Measure.Id)).Should().Equal(("农业农村", 25m, "proposals.filed"), ("生态环保", 14m, "proposals.filed"));
    }

    [Fact]
    public void Region_total_scope()
    {
        var r = Extract("全市各级政协共开展“请你来协商”活动128场，其中市政协开展22场。");
        r.Figures.Should().HaveCount(2);
        r.Figures[0].Scope.Should().Be(FigureScope.RegionTotal);
        r.Figures[1].Scope.Should().Be(FigureScope.Committee);
        r.Figures[1].Measure.Id.Should().Be("activity.consultation.invite_to_consult");
    }

    [Fact]
    public void Opinion_information()
    {
        var r = Extract("全年共收集社情民意信息860条，编发《社情民意》32期，报送信息420条，被全国政协采用6条、省政协采用29条，获省领导批示11条。");
        r.Figure("opinion_info.collected").Is(860, "条");
        r.Figure("opinion_info.issues").Is(32, "期");
        r.Figure("opinion_info.submitted").Is(420, "条");
        r.Figure("opinion_info.adopted.national").Is(6, "条");
        r.Figure("opinion_info.adopted.province").Is(29, "条");
        r.Figure("opinion_info.leader_instructions").Is(11, "条");
    }

    [Fact]
    public void Activities_and_outputs_by_family()
    {
        var r = Extract("全年组织委员视察18次、专题调研27次，开展对口协商9场，形成调研报告16篇，提出意见建议410余条，建成委员工作室23个。");
        r.Figure("activity.inspection").Is(18, "次");
        r.Figure("activity.research").Is(27, "次");
        r.Figure("activity.consultation.counterpart").Is(9, "场");
        r.Figure("output.research_reports").Is(16, "篇");
        r.Figure("output.suggestions").Is(410, "条", Qualifier.MoreThan);
        r.Figure("venues.member_studios").Is(23, "个");
    }

    [Fact]
    public void Measure_words_after_the_number()
    {
        var r = Extract("围绕乡村振兴提出168条意见建议。");
        r.Figure("output.suggestions").Is(168, "条").Quote.Should().Be("168条意见建议");
    }

    [Fact]
    public void Counted_noun_that_is_a_unit()
    {
        Extract("结对帮扶1600多个低收入农户。").Figures.Single().Is(1600, "户", Qualifier.MoreThan);
    }

    [Fact]
    public void Unknown_kind_of_activity_keeps_its_label_in_the_family()
    {
        var r = Extract("全年举办“政协讲堂”活动14场。");
        var f = r.Figures.Single();
        f.Measure.Family.Should().Be("activity");
        f.Label.Should().NotBeNull();
        f.Is(14, "场");
    }

    [Fact]
    public void Exact_repeats_are_one_figure()
    {
        var r = Extract("全年视察调研52次，提出意见建议301条。回顾一年，我们视察调研52次、建言301条。");
        r.Figures.Should().HaveCount(2);
    }

    [Fact]
    public void Numbers_that_are_not_classified_are_kept()
    {
        var r = Extract("全年接待来访群众，编号为3721，另有若干。全区GDP增长6.5%。");
        r.Figures.Should().BeEmpty();
        r.Unclassified.Select(u => u.Value).Should().Contain(new decimal?[] { 3721m, 6.5m });
    }

    [Fact]
    public void Traditional_text_reads_as_simplified_and_quotes_stay_traditional()
    {
        const string text = "全年共收到提案286件，經審查立案263件，提案辦復率、滿意率均為100%。";
        var r = Extract(text);
        r.Figure("proposals.filed").Is(263, "件").Quote.Should().Be("經審查立案263件");
        r.Figure("rate.reply").Quote.Should().Be("提案辦復率、滿意率均為100%");
        r.Figure("rate.satisfaction").QuoteIsAt(text);
    }

    [Fact]
    public void Line_break_inside_a_sentence()
    {
        const string text = "截至11月底，提案办复率\r\n99.2%，满意率98%。";
        var r = Extract(text);
        r.Figure("rate.reply").Is(99.2m, "%", Qualifier.PercentReported).QuoteIsAt(text);
    }

    [Fact]
    public void Text_that_needs_full_normalisation_maps_quotes_back()
    {
        // A zero-width space and a combining mark change lengths under NFKC: offsets go through the map.
        const string text = "e\u0301\u200B共收到提案\u200B318件，立案300件。";
        var r = Extract(text);
        var f = r.Figure("proposals.filed").Is(300, "件");
        f.QuoteIsAt(text);
        f.Quote.Should().Be("立案300件");
        r.Figure("proposals.received").Is(318, "件").QuoteIsAt(text);
    }

    [Fact]
    public void Committee_and_period_from_the_text()
    {
        var r = Extract("政协德清县委员会常务委员会工作报告\n2021年，县政协十届五次会议以来共收到提案246件，立案231件。");
        r.Committee.Should().Be(new Committee(RegionCode.Parse("330521")));
        r.CommitteeOrigin.Should().Be(ContextOrigin.Text);
        r.Period.Should().Be(ReportingPeriod.SinceSession(10, 5, 2021));
        r.PeriodOrigin.Should().Be(ContextOrigin.Text);
    }

    [Fact]
    public void Committee_named_before_zhengxie()
    {
        var r = Extract("2023年，平湖市政协紧扣中心大局，全年开展协商活动46次。");
        r.Committee!.Value.Region.Should().Be(RegionCode.Parse("330482"));
        r.Period.Should().Be(ReportingPeriod.CalendarYear(2023));
    }

    [Fact]
    public void Caller_context_wins_and_unknown_committee_still_yields_figures()
    {
        var given = new ExtractionContext(new Committee(RegionCode.Parse("330324")), ReportingPeriod.CalendarYear(2020), "yongjia");
        var r = Extractor.Extract("平湖市政协收到提案12件。", given);
        r.Committee.Should().Be(given.Committee);
        r.CommitteeOrigin.Should().Be(ContextOrigin.Caller);
        r.ToFigures().Single().Source!.Document.Should().Be("yongjia");

        var unknown = Extract("县政协全年收到提案120件。");
        unknown.Committee.Should().BeNull();
        unknown.CommitteeOrigin.Should().Be(ContextOrigin.Unknown);
        unknown.Figures.Should().ContainSingle();
        var act = () => unknown.ToFigures();
        act.Should().Throw<System.InvalidOperationException>().WithMessage("*committee*unknown*");
    }

    [Fact]
    public void Empty_and_whitespace_texts()
    {
        Extract(string.Empty).Figures.Should().BeEmpty();
        Extract("   \n\n ").Figures.Should().BeEmpty();
        var act = () => Extractor.Extract(null!);
        act.Should().Throw<System.ArgumentNullException>();
    }
}
