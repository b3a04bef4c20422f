using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Catalog;

/// <summary>
/// Every definition of the built-in catalogue (<see cref="MeasureCatalog.Default"/>): identifier, Chinese label, English
/// name, parent and unit, and nothing more than these and the declared rates. Against Stryker run 6's 43 survivors in
/// <c>MeasureCatalog.CreateDefault</c>: <see cref="MeasureCatalog.Default"/> is built once per test process, so a test
/// that only reads it does not run <c>CreateDefault</c> again; these tests build the catalogue afresh each time.
/// </summary>
public class DefaultCatalogTest
{
    // identifier | Chinese label | English name | parent (empty: none) | unit (the labels used by renderers and the CLI).
    private const string Table = """
        proposals.received|收到提案|proposals received||件
        proposals.filed|立案|proposals filed||件
        proposals.not_filed|不予立案|proposals not filed||件
        proposals.merged|并案|proposals merged||件
        proposals.cases|并案后立案|cases after merging||件
        proposals.replied|办复|proposals replied||件
        proposals.replied_on_time|按时办复|proposals replied on time||件
        proposals.concluded|办结|proposals concluded||件
        proposals.outcome_a|A类（已解决或采纳）|solved or adopted (A)||件
        proposals.outcome_b|B类（正在解决或列入计划解决）|being solved or planned (B)||件
        proposals.outcome_c|C类（留作参考）|kept for reference (C)||件
        proposals.satisfied|满意|proposers satisfied||件
        proposals.basically_satisfied|基本满意|proposers basically satisfied||件
        proposals.dissatisfied|不满意|proposers dissatisfied||件
        proposals.feedback|征询意见表回收|feedback forms returned||件
        proposals.key|重点提案|key proposals||件
        proposals.key_led_by_leaders|领导领衔督办重点提案|key proposals supervised by leaders|proposals.key|件
        proposals.by_parties|党派团体提案|proposals by parties and groups||件
        proposals.review_teams|提案民主评议专班|proposal review teams||个
        rate.opinion_info_adoption|社情民意信息采用率|opinion information adoption rate||%
        opinion_info.submitted|编发社情民意信息|opinion information submitted||篇
        opinion_info.adopted.prefecture|被市政协采用|adopted by the prefecture CPPCC||篇
        opinion_info.adopted.province|被省政协采用|adopted by the provincial CPPCC||篇
        opinion_info.adopted.national|被全国政协采用|adopted by the national CPPCC||篇
        opinion_info.leader_instructions|领导批示|leader instructions||篇
        special_reports.submitted|报送专报|special reports submitted||篇
        special_reports.leader_instructions|专报获领导批示|special reports with leader instructions||篇
        activity.consultation|协商|consultations||次
        activity.consultation.special_topic_meeting|专题议政性常委会议|special-topic standing committee meetings|activity.consultation|次
        activity.consultation.counterpart|对口协商|counterpart consultations|activity.consultation|次
        activity.consultation.sector|界别协商|sector consultations|activity.consultation|次
        activity.consultation.proposal_handling|提案办理协商|proposal-handling consultations|activity.consultation|次
        activity.consultation.invite_to_consult|“请你来协商”|"Please come to consult" sessions|activity.consultation|次
        activity.consultation.grassroots|基层协商|grassroots consultations|activity.consultation|次
        activity.consultation.online|网络议政|online consultations|activity.consultation|次
        activity.supervision|民主监督|democratic supervision activities||次
        activity.inspection|视察|inspections||次
        activity.research|调研|research visits||次
        activity.study|学习会|study sessions||次
        activity.study.party_group|党组学习会|party group study sessions|activity.study|次
        activity.study.standing_committee|常委会专题学习会|standing committee study sessions|activity.study|次
        activity.study.committee_and_sector|专委会和界别学习会|committee and sector study sessions|activity.study|次
        activity.reading|读书活动|reading activities||场
        activity.reading.participants|读书活动参与委员|reading activity participants||人次
        activity.reading.contributions|读书活动交流发言|reading activity contributions||条
        activity.publicity|宣讲|publicity talks||场次
        activity.enterprise_visits|走访委员企业|visits to members' enterprises||家次
        activity.inspections_hosted|接待视察调研|inspections and research visits hosted||次
        activity.member_living_room_events|委员会客厅活动|member living-room events||次
        activity.frontline_communities|下沉社区|communities served on the front line||个
        activity.visits_hosted|接待学习考察|study visits hosted||批次
        activity.livestreams|直播助农|livestreams supporting farmers||场次
        activity.charity|献爱心活动|charity activities||场
        output.research_reports|调研报告|research reports||篇
        output.suggestions|意见建议|suggestions made||条
        output.recommendation_reports|建议案|formal recommendations||件
        output.problems_solved|解决困难和问题|problems solved||个
        output.cultural_history_articles|文史稿件|cultural and historical articles||篇
        output.cultural_history_characters|文史资料字数|cultural and historical text||万字
        output.leader_endorsements|获领导批示肯定的工作|work endorsed by leaders||项
        members.think_tank|政协智库委员|members in the think tank||名
        members.donations|委员捐款捐物|members' donations||万元
        members.honoured|受表彰委员|members honoured||名
        venues.member_living_rooms|委员会客厅|member living rooms||家
        venues.livelihood_halls|民生议事堂|livelihood council halls||个
        venues.member_studios|委员工作室|member studios||个
        outreach.media_reports|宣传报道|media reports||篇
        outreach.sales_supported|助力农产品销售|farm sales supported||万元
        poverty.villages_helped|帮扶薄弱村|villages helped||个
        poverty.households_helped|帮扶困难户|households helped||户
        poverty.funds_raised|筹措帮扶资金|relief funds raised||万元
        poverty.projects|扶持项目|projects supported||个
        """;

    private static List<MeasureDefinition> Expected() =>
        Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|'))
            .Select(f => new MeasureDefinition(new Measure(f[0]), f[1], f[2], f[3].Length == 0 ? null : new Measure(f[3]), new FigureUnit(f[4])))
            .ToList();

    public static TheoryData<string> Identifiers()
    {
        var data = new TheoryData<string>();
        foreach (var d in Expected())
        {
            data.Add(d.Measure.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Identifiers))]
    public void A_built_in_definition_has_its_labels_parent_and_unit(string id)
    {
        var expected = Expected().Single(d => d.Measure.Id == id);

        foreach (var catalog in new[] { MeasureCatalog.CreateDefault(), MeasureCatalog.Default })
        {
            catalog.TryGet(new Measure(id), out var found).Should().BeTrue(id);
            found!.ChineseLabel.Should().Be(expected.ChineseLabel);
            found.EnglishName.Should().Be(expected.EnglishName);
            found.Parent.Should().Be(expected.Parent);
            found.DefaultUnit.Should().Be(expected.DefaultUnit);
            found.Should().Be(expected);
            catalog.GetLabel(new Measure(id)).Should().Be(expected.ChineseLabel);
            catalog.GetLabel(new Measure(id), LabelLanguage.English).Should().Be(expected.EnglishName);
        }
    }

    [Fact]
    public void The_catalogue_built_afresh_holds_these_definitions_and_the_declared_rates_and_nothing_else()
    {
        var fresh = MeasureCatalog.CreateDefault();
        var expected = Expected();

        var declared = RateDefinition.Declared.Select(d => new MeasureDefinition(
            d.Measure, d.ChineseLabel!, d.EnglishName!, d.Measure.Parent is { } p && p.IsRate ? p : null, FigureUnit.Percent));
        var all = expected.Concat(declared).OrderBy(d => d.Measure).ToList();

        expected.Should().HaveCount(72);
        fresh.Count.Should().Be(72 + RateDefinition.Declared.Count);
        fresh.Definitions.Should().Equal(all);
        MeasureCatalog.Default.Definitions.Should().Equal(all);
        fresh.ToString().Should().Be(MeasureCatalog.Default.ToString());
    }

    [Fact]
    public void The_kinds_have_their_children_in_the_catalogue_built_afresh()
    {
        var fresh = MeasureCatalog.CreateDefault();

        fresh.GetChildren(new Measure("activity.consultation")).Select(d => d.Measure.Id).Should().Equal(
            "activity.consultation.counterpart",
            "activity.consultation.grassroots",
            "activity.consultation.invite_to_consult",
            "activity.consultation.online",
            "activity.consultation.proposal_handling",
            "activity.consultation.sector",
            "activity.consultation.special_topic_meeting");
        fresh.GetChildren(new Measure("activity.study")).Select(d => d.Measure.Id).Should().Equal(
            "activity.study.committee_and_sector", "activity.study.party_group", "activity.study.standing_committee");
        fresh.GetChildren(Measures.Proposals.Key).Select(d => d.Measure.Id).Should().Equal("proposals.key_led_by_leaders");
        fresh.GetChildren(new Measure("activity.research")).Should().BeEmpty();
    }
}
