using System;
using System.Collections.Generic;

namespace Zhengxie.Metrics.Extraction;

/// <summary>What a unit counts, as flags, so that a measure word only names a figure in a unit it is counted in.</summary>
[Flags]
internal enum UnitClass
{
    None = 0,

    /// <summary>件.</summary>
    Piece = 1,

    /// <summary>次 场 场次 批次.</summary>
    Event = 2,

    /// <summary>篇 篇次 条 份.</summary>
    Article = 4,

    /// <summary>期.</summary>
    Issue = 8,

    /// <summary>个 项 家 家次 户 所 处.</summary>
    Item = 16,

    /// <summary>名 位 人 人次.</summary>
    Person = 32,

    /// <summary>元 万元 亿元.</summary>
    Money = 64,

    /// <summary>万字.</summary>
    Characters = 128,

    /// <summary>%.</summary>
    Percent = 256,

    Count = Piece | Event | Article | Issue | Item | Person,
    Any = Count | Money | Characters,
}

/// <summary>What must hold in the sentence for a measure word to apply.</summary>
internal enum WordCondition
{
    None = 0,

    /// <summary>The sentence is about social-conditions information (社情民意, 信息).</summary>
    OpinionInfo = 1,

    /// <summary>The sentence is about proposals (提案).</summary>
    Proposals = 2,
}

/// <summary>One measure word: the text (Simplified), the measure it names, the units it counts in and its priority.</summary>
internal sealed class MeasureWord
{
    public MeasureWord(string text, string measure, UnitClass units, int priority, WordCondition condition = WordCondition.None)
    {
        Text = text;
        Measure = new Measure(measure);
        Units = units;
        Priority = priority;
        Condition = condition;
    }

    public string Text { get; }

    public Measure Measure { get; }

    public UnitClass Units { get; }

    public int Priority { get; }

    public WordCondition Condition { get; }
}

/// <summary>
/// The measure words of the genre (EXTRACTION.md's identifiers), indexed by first character. A word
/// names a measure only in the units it is counted in; where several words stand before a number, the
/// one of highest priority wins, then the nearest. Specific words (不予立案, 并案后, 基本满意) outrank the
/// generic ones they contain (立案, 并案, 满意); words of meaning (已解决, 列入计划) outrank letters (A类).
/// </summary>
internal static class Lexicon
{
    private const UnitClass P = UnitClass.Piece;
    private const UnitClass E = UnitClass.Event;
    private const UnitClass A = UnitClass.Article;
    private const UnitClass I = UnitClass.Item;
    private const UnitClass N = UnitClass.Person;
    private const UnitClass M = UnitClass.Money;
    private const UnitClass Pct = UnitClass.Percent;

    /// <summary>Words naming counts.</summary>
    public static readonly MeasureWord[] CountWords =
    [
        // Proposals: received, filed, not filed, converted, merged, cases.
        new("收到", "proposals.received", P, 50),
        new("提交", "proposals.received", P, 45),
        new("提出提案", "proposals.received", P, 46),
        new("征集", "proposals.received", P, 40),
        new("提案", "proposals.received", P, 20),
        new("立案", "proposals.filed", P, 70),
        new("经审查", "proposals.filed", P, 60),
        new("不予立案", "proposals.not_filed", P, 120),
        new("不符合立案", "proposals.not_filed", P, 120),
        new("未予立案", "proposals.not_filed", P, 120),
        new("未立案", "proposals.not_filed", P, 120),
        new("转作", "proposals.converted_to_opinion", P, 100),
        new("转为意见", "proposals.converted_to_opinion", P, 100),
        new("作为意见", "proposals.converted_to_opinion", P, 100),
        new("意见建议处理", "proposals.converted_to_opinion", P, 100),
        new("转交", "proposals.converted_to_opinion", P, 100),
        new("转有关", "proposals.converted_to_opinion", P, 100),
        new("作为工作参考", "proposals.converted_to_opinion", P, 100),
        new("并案", "proposals.merged", P, 90),
        new("合并", "proposals.merged", P, 85),
        new("并案后", "proposals.cases", P, 100),
        new("并案处理后", "proposals.cases", P, 100),
        new("合并后", "proposals.cases", P, 100),
        new("交办", "proposals.cases", P, 100),

        // Replies and conclusion.
        new("办复", "proposals.replied", P, 70),
        new("答复", "proposals.replied", P, 70),
        new("办理答复", "proposals.replied", P, 72),
        new("按时办复", "proposals.replied_on_time", P, 95),
        new("按期办复", "proposals.replied_on_time", P, 95),
        new("按时答复", "proposals.replied_on_time", P, 95),
        new("按期答复", "proposals.replied_on_time", P, 95),
        new("延期办复", "proposals.reply_extended", P, 100),
        new("延期答复", "proposals.reply_extended", P, 100),
        new("办结", "proposals.concluded", P, 70),

        // Answer classes, by meaning first.
        new("A类", "proposals.outcome_a", P, 90),
        new("B类", "proposals.outcome_b", P, 90),
        new("C类", "proposals.outcome_c", P, 90),
        new("D类", "proposals.outcome_c", P, 89),
        new("采纳", "proposals.outcome_a", P, 80),
        new("已解决", "proposals.outcome_a", P, 105),
        new("已经解决", "proposals.outcome_a", P, 105),
        new("得到解决", "proposals.outcome_a", P, 105),
        new("解决或采纳", "proposals.outcome_a", P, 106),
        new("采纳落实", "proposals.outcome_a", P, 106),
        new("部分采纳", "proposals.outcome_b", P, 110),
        new("部分被采纳", "proposals.outcome_b", P, 110),
        new("正在解决", "proposals.outcome_b", P, 110),
        new("正在落实", "proposals.outcome_b", P, 110),
        new("列入计划", "proposals.outcome_b", P, 110),
        new("计划解决", "proposals.outcome_b", P, 110),
        new("逐步解决", "proposals.outcome_b", P, 110),
        new("逐步落实", "proposals.outcome_b", P, 110),
        new("留作参考", "proposals.outcome_c", P, 110),
        new("因条件限制", "proposals.outcome_c", P, 110),
        new("暂时难以解决", "proposals.outcome_c", P, 110),
        new("暂不具备", "proposals.outcome_c", P, 110),

        // Feedback.
        new("满意", "proposals.satisfied", P, 60),
        new("基本满意", "proposals.basically_satisfied", P, 100),
        new("不满意", "proposals.dissatisfied", P, 100),
        new("很满意", "proposals.very_satisfied", P, 100),
        new("非常满意", "proposals.very_satisfied", P, 100),
        new("满意和基本满意", "proposals.satisfied_or_basically", P, 105),
        new("满意或基本满意", "proposals.satisfied_or_basically", P, 105),
        new("理解", "proposals.understood", P, 90),
        new("征询意见表", "proposals.feedback", P | A, 95),
        new("意见反馈表", "proposals.feedback", P | A, 95),
        new("反馈表", "proposals.feedback", P | A, 95),
        new("反馈意见", "proposals.feedback", P, 95),
        new("反馈意见的", "proposals.feedback", P, 95),

        // Kinds of proposals.
        new("重点提案", "proposals.key", P, 80),
        new("领衔督办", "proposals.key_led_by_leaders", P, 95),
        new("集体提案", "proposals.collective", P, 85),
        new("集体名义", "proposals.collective", P, 85),
        new("个人及联名", "proposals.by_members", P, 90),
        new("委员提案", "proposals.by_members", P, 40),
        new("个人提案", "proposals.individual", P, 85),
        new("联名提案", "proposals.joint", P, 85),
        new("优秀提案", "proposals.excellent", P, 90),
        new("承办单位", "proposals.handling_units", I, 90),
        new("主办单位", "proposals.handling_units", I, 90),
        new("协办单位", "proposals.co_handling_units", I, 95),
        new("提交提案", "proposals.proposers", N, 80),
        new("提出提案", "proposals.proposers", N, 80),
        new("提案人", "proposals.proposers", N, 80),
        new("评议专班", "proposals.review_teams", I, 80),

        // Social-conditions information.
        new("收集", "opinion_info.collected", A, 60, WordCondition.OpinionInfo),
        new("征集", "opinion_info.collected", A, 60, WordCondition.OpinionInfo),
        new("编发", "opinion_info.submitted", A, 60, WordCondition.OpinionInfo),
        new("编报", "opinion_info.submitted", A, 60, WordCondition.OpinionInfo),
        new("报送", "opinion_info.submitted", A, 60, WordCondition.OpinionInfo),
        new("上报", "opinion_info.submitted", A, 60, WordCondition.OpinionInfo),
        new("撰写", "opinion_info.submitted", A, 55, WordCondition.OpinionInfo),
        new("提交", "opinion_info.submitted", A, 55, WordCondition.OpinionInfo),
        new("反映", "opinion_info.submitted", A, 55, WordCondition.OpinionInfo),
        new("社情民意", "opinion_info.submitted", A, 50),
        new("编发", "opinion_info.issues", UnitClass.Issue, 60, WordCondition.OpinionInfo),
        new("社情民意", "opinion_info.issues", UnitClass.Issue, 60),
        new("专报", "special_reports.submitted", A | P, 70, WordCondition.OpinionInfo),
        new("专报", "opinion_info.issues", UnitClass.Issue, 70, WordCondition.OpinionInfo),
        new("采用", "opinion_info.adopted.prefecture", A, 80, WordCondition.OpinionInfo),
        new("市政协采用", "opinion_info.adopted.prefecture", A, 85, WordCondition.OpinionInfo),
        new("省政协采用", "opinion_info.adopted.province", A, 86, WordCondition.OpinionInfo),
        new("省级以上政协采用", "opinion_info.adopted.province", A, 87, WordCondition.OpinionInfo),
        new("省级以上", "opinion_info.adopted.province", A, 84, WordCondition.OpinionInfo),
        new("全国政协采用", "opinion_info.adopted.national", A, 88, WordCondition.OpinionInfo),
        new("批示", "opinion_info.leader_instructions", A, 85, WordCondition.OpinionInfo),

        // Activities: consultation.
        new("协商", "activity.consultation", E, 50),
        new("对口协商", "activity.consultation.counterpart", E, 90),
        new("界别协商", "activity.consultation.sector", E, 90),
        new("办理协商", "activity.consultation.proposal_handling", E, 95),
        new("请你来协商", "activity.consultation.invite_to_consult", E, 95),
        new("专题协商", "activity.consultation.special_topic", E, 90),
        new("专题议政性常委会", "activity.consultation.special_topic_meeting", E, 96),
        new("网络议政", "activity.consultation.online", E, 90),
        new("网上议政", "activity.consultation.online", E, 90),
        new("远程协商", "activity.consultation.online", E, 90),
        new("基层协商", "activity.consultation.grassroots", E, 85),
        new("议事协商", "activity.consultation.grassroots", E, 85),
        new("协商议事", "activity.consultation.grassroots", E, 85),
        new("民生议事", "activity.consultation.grassroots", E, 85),
        new("议事会", "activity.consultation.grassroots", E, 85),
        new("议事堂", "activity.consultation.grassroots", E, 80),
        new("有事好商量", "activity.consultation.grassroots", E, 85),

        // Activities: meetings, supervision, inspection, research, study, reading, publicity and others.
        new("全体会议", "activity.meetings.plenary", E, 80),
        new("常委会议", "activity.meetings.standing_committee", E, 80),
        new("常委会会议", "activity.meetings.standing_committee", E, 80),
        new("主席会议", "activity.meetings.chairs", E, 80),
        new("座谈会", "activity.forums", E, 60),
        new("监督", "activity.supervision", E | I, 60),
        new("督查", "activity.supervision.proposal_handling", E, 62),
        new("督办", "activity.supervision.proposal_handling", E, 62),
        new("明察暗访", "activity.supervision.visits", E, 70),
        new("监督小组", "activity.supervision.groups", I, 80),
        new("视察", "activity.inspection", E, 60),
        new("考察", "activity.inspection", E, 55),
        new("调研", "activity.research", E, 58),
        new("学习", "activity.study", E | UnitClass.Issue, 55),
        new("党组", "activity.study.party_group", E, 70),
        new("专题学习", "activity.study.standing_committee", E, 72),
        new("界别学习", "activity.study.committee_and_sector", E, 75),
        new("讲座", "activity.study.lectures", E | UnitClass.Issue, 72),
        new("培训", "activity.training", E | UnitClass.Issue, 60),
        new("读书", "activity.reading", E, 70),
        new("宣讲", "activity.publicity", E, 70),
        new("走访", "activity.enterprise_visits", E | I, 60),
        new("直播", "activity.livestreams", E, 70),
        new("爱心", "activity.charity", E, 70),
        new("公益", "activity.charity", E, 68),
        new("界别活动", "activity.sector_events", E, 70),
        new("接待", "activity.visits_hosted", E, 60),
        new("活动", "activity.events", E, 10),

        // Generic verbs, the last resort: the family is right and the clause is kept as the label.
        new("开展", "activity.events", E, 8),
        new("举办", "activity.events", E, 8),
        new("组织", "activity.events", E, 8),
        new("召开", "activity.meetings", E, 9),
        new("提出", "output.suggestions", A, 30),
        new("形成", "output.documents", A, 8),
        new("筹措", "outreach.funds", M, 50),
        new("筹集", "outreach.funds", M, 50),
        new("募集", "outreach.funds", M, 50),
        new("解决", "output.problems_solved", I | P, 40),
        new("建成", "venues.sites", I, 9),
        new("组建", "activity.groups", I, 9),
        new("会议", "activity.meetings", E, 12),
        new("履职活动", "activity.member_participation", N, 50),
        new("参与", "activity.participants", N, 40),
        new("参加", "activity.participants", N, 40),
        new("受众", "activity.publicity.audience", N, 45),
        new("惠及", "activity.beneficiaries", N, 45),
        new("群众", "activity.reception.visitors", N, 30),
        new("发言", "activity.reading.contributions", A, 40),

        // Outputs.
        new("意见建议", "output.suggestions", A, 70),
        new("建议", "output.suggestions", A, 50),
        new("建言", "output.suggestions", A, 60),
        new("协商意见", "output.suggestions", A, 70),
        new("诉求", "output.requests_collected", A | P, 60),
        new("留言", "output.comments", A, 60),
        new("采纳", "output.suggestions.adopted", A, 80),
        new("调研报告", "output.research_reports", A | P, 90),
        new("建议案", "output.recommendation_reports", A | P, 95),
        new("稿件", "output.cultural_history_articles", A, 70),
        new("文史", "output.cultural_history_articles", A, 60),
        new("文史", "output.cultural_history_issues", UnitClass.Issue, 60),
        new("先进", "members.honoured", N, 70),
        new("表彰", "members.honoured", N, 70),
        new("荣誉", "members.honoured", N, 70),
        new("大会发言", "output.plenary_speeches", A, 80),
        new("问题", "output.problems_solved", I | P, 55),
        new("议题", "output.consultation_topics", I, 60),
        new("批示", "output.leader_endorsements", I, 70),
        new("制度", "output.regulations", I, 50),
        new("规则", "output.regulations", I, 50),
        new("办法", "output.regulations", I, 50),

        // Venues.
        new("议事堂", "venues.livelihood_halls", I, 80),
        new("议事室", "venues.consultation_rooms", I, 80),
        new("议事厅", "venues.consultation_rooms", I, 80),
        new("工作室", "venues.member_studios", I, 80),
        new("会客厅", "venues.member_living_rooms", I, 80),
        new("联络站", "venues.liaison_stations", I, 80),
        new("委员之家", "venues.member_homes", I, 80),

        // Members, poverty relief and outreach.
        new("智库", "members.think_tank", N, 70),
        new("委员", "members.involved", N, 20),
        new("困难户", "poverty.households_helped", I, 70),
        new("农户", "poverty.households_helped", I, 65),
        new("低收入", "poverty.households_helped", I, 65),
        new("薄弱村", "poverty.villages_helped", I, 70),
        new("帮扶资金", "poverty.funds_raised", M, 75),
        new("资金", "outreach.funds", M, 50),
        new("帮扶项目", "poverty.projects", I, 70),
        new("扶持项目", "poverty.projects", I, 70),
        new("签约项目", "outreach.investment_projects", I, 72),
        new("项目", "outreach.projects", I, 40),
        new("捐款", "members.donations", M, 70),
        new("捐物", "members.donations", M, 70),
        new("投资", "outreach.investment_agreed", M, 70),
        new("授信", "outreach.credit_arranged", M, 70),
        new("减负", "outreach.burden_reduced", M, 70),
        new("增收", "outreach.sales_supported", M, 70),
        new("扩销", "outreach.sales_supported", M, 70),
        new("报道", "outreach.media_reports", A, 70),
        new("社区", "activity.frontline_communities", I, 40),
        new("学习考察", "activity.visits_hosted", E, 75),
    ];

    /// <summary>Words naming rates (unit %).</summary>
    public static readonly MeasureWord[] RateWords =
    [
        new("立案率", "rate.acceptance", Pct, 90),
        new("办复率", "rate.reply", Pct, 90),
        new("答复率", "rate.reply", Pct, 90),
        new("按时办复率", "rate.on_time_reply", Pct, 95),
        new("按期办复率", "rate.on_time_reply", Pct, 95),
        new("按时答复率", "rate.on_time_reply", Pct, 95),
        new("按期答复率", "rate.on_time_reply", Pct, 95),
        new("办结率", "rate.conclusion", Pct, 90),
        new("解决采纳率", "rate.adoption", Pct, 95),
        new("采纳率", "rate.adoption_including_planned", Pct, 90),
        new("采用率", "rate.adoption_including_planned", Pct, 88),
        new("满意率", "rate.satisfaction", Pct, 90),
        new("满意度", "rate.satisfaction", Pct, 90),
        new("基本满意率", "rate.satisfaction", Pct, 91),
        new("满意和基本满意", "rate.satisfaction", Pct, 85),
        new("满意或基本满意", "rate.satisfaction", Pct, 85),
        new("见面率", "rate.meeting", Pct, 90),
        new("沟通率", "rate.meeting", Pct, 90),
        new("见面沟通率", "rate.meeting", Pct, 91),
        new("征询意见率", "rate.feedback_solicitation", Pct, 90),
        new("征询率", "rate.feedback_solicitation", Pct, 90),
    ];

    /// <summary>Count words indexed by their first character.</summary>
    public static readonly Dictionary<char, MeasureWord[]> CountIndex = Index(CountWords);

    /// <summary>Rate words indexed by their first character.</summary>
    public static readonly Dictionary<char, MeasureWord[]> RateIndex = Index(RateWords);

    /// <summary>Units as printed, longest first.</summary>
    public static readonly (string Text, UnitClass Class)[] Units =
    [
        ("场次", UnitClass.Event), ("篇次", UnitClass.Article), ("人次", UnitClass.Person), ("家次", UnitClass.Item),
        ("批次", UnitClass.Event), ("万元", UnitClass.Money), ("亿元", UnitClass.Money), ("万字", UnitClass.Characters),
        ("件", UnitClass.Piece), ("次", UnitClass.Event), ("场", UnitClass.Event), ("篇", UnitClass.Article),
        ("条", UnitClass.Article), ("个", UnitClass.Item), ("名", UnitClass.Person), ("位", UnitClass.Person),
        ("人", UnitClass.Person), ("家", UnitClass.Item), ("户", UnitClass.Item), ("项", UnitClass.Item),
        ("份", UnitClass.Article), ("期", UnitClass.Issue), ("元", UnitClass.Money),
    ];

    private static Dictionary<char, MeasureWord[]> Index(MeasureWord[] words)
    {
        var lists = new Dictionary<char, List<MeasureWord>>();
        foreach (var w in words)
        {
            if (!lists.TryGetValue(w.Text[0], out var list))
            {
                lists[w.Text[0]] = list = [];
            }

            list.Add(w);
        }

        var index = new Dictionary<char, MeasureWord[]>(lists.Count);
        foreach (var (c, list) in lists)
        {
            // Longest first, so the first match at a position is the most specific word.
            list.Sort((a, b) => b.Text.Length.CompareTo(a.Text.Length));
            index[c] = list.ToArray();
        }

        return index;
    }
}
