using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// The known measures with their labels, kinds, parents and units. The taxonomy is open: any
/// well-formed <see cref="Measure"/> may appear in data, known or not; an unknown measure's label is its
/// identifier. <see cref="Default"/> holds every measure of docs/domain.md (proposals, the standard rates,
/// social-conditions information, special reports, the common activity kinds and outputs) and the
/// other measures of the seed reports; <see cref="With(MeasureDefinition)"/> adds or replaces one.
/// </summary>
/// <remarks>Immutable and thread-safe: <see cref="With(MeasureDefinition)"/> returns a new catalog.</remarks>
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class MeasureCatalog
{
    private static readonly Lazy<MeasureCatalog> DefaultCatalog = new(CreateDefault);

    private readonly Dictionary<Measure, MeasureDefinition> byMeasure;
    private readonly ReadOnlyCollection<MeasureDefinition> definitions;

    private MeasureCatalog(Dictionary<Measure, MeasureDefinition> byMeasure)
    {
        this.byMeasure = byMeasure;
        definitions = byMeasure.Values.OrderBy(d => d.Measure).ToList().AsReadOnly();
    }

    /// <summary>Gets the catalog with no definitions.</summary>
    public static MeasureCatalog Empty { get; } = new(new Dictionary<Measure, MeasureDefinition>());

    /// <summary>Gets the built-in catalog.</summary>
    public static MeasureCatalog Default => DefaultCatalog.Value;

    /// <summary>Gets every definition, ordered by identifier.</summary>
    public IReadOnlyList<MeasureDefinition> Definitions => definitions;

    /// <summary>Gets the number of definitions.</summary>
    public int Count => definitions.Count;

    /// <summary>Formats as <c>MeasureCatalog: 57 measures (12 rates)</c>, culture-invariant.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"MeasureCatalog: {Count} measures ({definitions.Count(d => d.Measure.IsRate)} rates)");

    /// <summary>Creates a catalog from definitions.</summary>
    /// <param name="definitions">The definitions, each measure at most once.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentException">A measure is defined twice, or a definition is null.</exception>
    public static MeasureCatalog Create(IEnumerable<MeasureDefinition> definitions)
    {
        Preconditions.CheckNotNull(definitions);
        var map = new Dictionary<Measure, MeasureDefinition>();
        foreach (var d in definitions)
        {
            Preconditions.CheckArgument(d is not null, nameof(definitions), "A definition is null.");
            Preconditions.CheckArgument(map.TryAdd(d.Measure, d), nameof(definitions), $"Measure {d.Measure} is defined twice.");
        }

        return new MeasureCatalog(map);
    }

    /// <summary>Returns a catalog with <paramref name="definition"/> added, replacing any definition of the same measure. This catalog is unchanged.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The new catalog.</returns>
    public MeasureCatalog With(MeasureDefinition definition)
    {
        Preconditions.CheckNotNull(definition);
        var map = new Dictionary<Measure, MeasureDefinition>(byMeasure) { [definition.Measure] = definition };
        return new MeasureCatalog(map);
    }

    /// <summary>Tries to find a measure's definition.</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="definition">The definition, when known.</param>
    /// <returns>Whether the measure is known.</returns>
    public bool TryGet(Measure measure, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MeasureDefinition? definition) =>
        byMeasure.TryGetValue(measure, out definition);

    /// <summary>Returns whether a measure is known.</summary>
    /// <param name="measure">The measure.</param>
    /// <returns>Whether it has a definition.</returns>
    public bool Contains(Measure measure) => byMeasure.ContainsKey(measure);

    /// <summary>Returns a measure's label, or its identifier when the measure is not known.</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="language">The language, Chinese by default.</param>
    /// <returns>The label.</returns>
    public string GetLabel(Measure measure, LabelLanguage language = LabelLanguage.Chinese) =>
        byMeasure.TryGetValue(measure, out var d) ? d.GetLabel(language) : measure.Id;

    /// <summary>Returns the known measures whose parent is <paramref name="measure"/>, ordered by identifier.</summary>
    /// <param name="measure">The parent measure.</param>
    /// <returns>The children's definitions.</returns>
    public IReadOnlyList<MeasureDefinition> GetChildren(Measure measure) =>
        definitions.Where(d => d.Parent == measure).ToList().AsReadOnly();

    // Internal so that the tests can build the catalogue afresh: Default is created once per process, and a test that
    // only reads Default does not run this method again (Stryker's mutants here were seen only by the first test to ask).
    internal static MeasureCatalog CreateDefault()
    {
        var piece = FigureUnit.Piece;
        var times = FigureUnit.Times;
        var percent = FigureUnit.Percent;
        var article = new FigureUnit("篇");
        var item = new FigureUnit("条");
        var unit = new FigureUnit("个");
        var consultation = new Measure("activity.consultation");
        var study = new Measure("activity.study");
        var inspection = new Measure("activity.inspection");
        var research = new Measure("activity.research");
        var reading = new Measure("activity.reading");
        var key = Measures.Proposals.Key;
        var list = new List<MeasureDefinition>
        {
            // Proposals.
            new(Measures.Proposals.Received, "收到提案", "proposals received", null, piece),
            new(Measures.Proposals.Filed, "立案", "proposals filed", null, piece),
            new(Measures.Proposals.NotFiled, "不予立案", "proposals not filed", null, piece),
            new(Measures.Proposals.Merged, "并案", "proposals merged", null, piece),
            new(Measures.Proposals.Cases, "并案后立案", "cases after merging", null, piece),
            new(Measures.Proposals.Replied, "办复", "proposals replied", null, piece),
            new(Measures.Proposals.RepliedOnTime, "按时办复", "proposals replied on time", null, piece),
            new(Measures.Proposals.Concluded, "办结", "proposals concluded", null, piece),
            new(Measures.Proposals.OutcomeA, "A类（已解决或采纳）", "solved or adopted (A)", null, piece),
            new(Measures.Proposals.OutcomeB, "B类（正在解决或列入计划解决）", "being solved or planned (B)", null, piece),
            new(Measures.Proposals.OutcomeC, "C类（留作参考）", "kept for reference (C)", null, piece),
            new(Measures.Proposals.Satisfied, "满意", "proposers satisfied", null, piece),
            new(Measures.Proposals.BasicallySatisfied, "基本满意", "proposers basically satisfied", null, piece),
            new(Measures.Proposals.Dissatisfied, "不满意", "proposers dissatisfied", null, piece),
            new(Measures.Proposals.Feedback, "征询意见表回收", "feedback forms returned", null, piece),
            new(key, "重点提案", "key proposals", null, piece),
            new(new Measure("proposals.key_led_by_leaders"), "领导领衔督办重点提案", "key proposals supervised by leaders", key, piece),
            new(new Measure("proposals.by_parties"), "党派团体提案", "proposals by parties and groups", null, piece),
            new(new Measure("proposals.review_teams"), "提案民主评议专班", "proposal review teams", null, unit),

            // Rates: the opinion-information family; the declared rates are added below from RateDefinition.Declared.
            new(Measures.Rates.OpinionInfoAdoption, "社情民意信息采用率", "opinion information adoption rate", null, percent),

            // Social-conditions information and special reports.
            new(Measures.OpinionInfo.Submitted, "编发社情民意信息", "opinion information submitted", null, article),
            new(Measures.OpinionInfo.AdoptedByPrefecture, "被市政协采用", "adopted by the prefecture CPPCC", null, article),
            new(Measures.OpinionInfo.AdoptedByProvince, "被省政协采用", "adopted by the provincial CPPCC", null, article),
            new(Measures.OpinionInfo.AdoptedNationally, "被全国政协采用", "adopted by the national CPPCC", null, article),
            new(Measures.OpinionInfo.LeaderInstructions, "领导批示", "leader instructions", null, article),
            new(new Measure("special_reports.submitted"), "报送专报", "special reports submitted", null, article),
            new(new Measure("special_reports.leader_instructions"), "专报获领导批示", "special reports with leader instructions", null, article),

            // Activities: consultations and their kinds.
            new(consultation, "协商", "consultations", null, times),
            new(new Measure("activity.consultation.special_topic_meeting"), "专题议政性常委会议", "special-topic standing committee meetings", consultation, times),
            new(new Measure("activity.consultation.counterpart"), "对口协商", "counterpart consultations", consultation, times),
            new(new Measure("activity.consultation.sector"), "界别协商", "sector consultations", consultation, times),
            new(new Measure("activity.consultation.proposal_handling"), "提案办理协商", "proposal-handling consultations", consultation, times),
            new(new Measure("activity.consultation.invite_to_consult"), "“请你来协商”", "\"Please come to consult\" sessions", consultation, times),
            new(new Measure("activity.consultation.grassroots"), "基层协商", "grassroots consultations", consultation, times),
            new(new Measure("activity.consultation.online"), "网络议政", "online consultations", consultation, times),

            // Other activities.
            new(new Measure("activity.supervision"), "民主监督", "democratic supervision activities", null, times),
            new(inspection, "视察", "inspections", null, times),
            new(research, "调研", "research visits", null, times),
            new(study, "学习会", "study sessions", null, times),
            new(new Measure("activity.study.party_group"), "党组学习会", "party group study sessions", study, times),
            new(new Measure("activity.study.standing_committee"), "常委会专题学习会", "standing committee study sessions", study, times),
            new(new Measure("activity.study.committee_and_sector"), "专委会和界别学习会", "committee and sector study sessions", study, times),
            new(reading, "读书活动", "reading activities", null, new FigureUnit("场")),
            new(new Measure("activity.reading.participants"), "读书活动参与委员", "reading activity participants", null, new FigureUnit("人次")),
            new(new Measure("activity.reading.contributions"), "读书活动交流发言", "reading activity contributions", null, item),
            new(new Measure("activity.publicity"), "宣讲", "publicity talks", null, new FigureUnit("场次")),
            new(new Measure("activity.enterprise_visits"), "走访委员企业", "visits to members' enterprises", null, new FigureUnit("家次")),
            new(new Measure("activity.inspections_hosted"), "接待视察调研", "inspections and research visits hosted", null, times),
            new(new Measure("activity.member_living_room_events"), "委员会客厅活动", "member living-room events", null, times),
            new(new Measure("activity.frontline_communities"), "下沉社区", "communities served on the front line", null, unit),
            new(new Measure("activity.visits_hosted"), "接待学习考察", "study visits hosted", null, new FigureUnit("批次")),
            new(new Measure("activity.livestreams"), "直播助农", "livestreams supporting farmers", null, new FigureUnit("场次")),
            new(new Measure("activity.charity"), "献爱心活动", "charity activities", null, new FigureUnit("场")),

            // Outputs.
            new(new Measure("output.research_reports"), "调研报告", "research reports", null, article),
            new(new Measure("output.suggestions"), "意见建议", "suggestions made", null, item),
            new(new Measure("output.recommendation_reports"), "建议案", "formal recommendations", null, piece),
            new(new Measure("output.problems_solved"), "解决困难和问题", "problems solved", null, unit),
            new(new Measure("output.cultural_history_articles"), "文史稿件", "cultural and historical articles", null, article),
            new(new Measure("output.cultural_history_characters"), "文史资料字数", "cultural and historical text", null, new FigureUnit("万字")),
            new(new Measure("output.leader_endorsements"), "获领导批示肯定的工作", "work endorsed by leaders", null, new FigureUnit("项")),

            // Members, venues, outreach and poverty relief.
            new(new Measure("members.think_tank"), "政协智库委员", "members in the think tank", null, new FigureUnit("名")),
            new(new Measure("members.donations"), "委员捐款捐物", "members' donations", null, new FigureUnit("万元")),
            new(new Measure("members.honoured"), "受表彰委员", "members honoured", null, new FigureUnit("名")),
            new(new Measure("venues.member_living_rooms"), "委员会客厅", "member living rooms", null, new FigureUnit("家")),
            new(new Measure("venues.livelihood_halls"), "民生议事堂", "livelihood council halls", null, unit),
            new(new Measure("venues.member_studios"), "委员工作室", "member studios", null, unit),
            new(new Measure("outreach.media_reports"), "宣传报道", "media reports", null, article),
            new(new Measure("outreach.sales_supported"), "助力农产品销售", "farm sales supported", null, new FigureUnit("万元")),
            new(new Measure("poverty.villages_helped"), "帮扶薄弱村", "villages helped", null, unit),
            new(new Measure("poverty.households_helped"), "帮扶困难户", "households helped", null, new FigureUnit("户")),
            new(new Measure("poverty.funds_raised"), "筹措帮扶资金", "relief funds raised", null, new FigureUnit("万元")),
            new(new Measure("poverty.projects"), "扶持项目", "projects supported", null, unit),
        };

        // Each declared rate's labels come from its one declaration (RateDefinition), so the catalogue cannot disagree with it.
        list.AddRange(RateDefinition.Declared.Select(d => new MeasureDefinition(
            d.Measure,
            d.ChineseLabel!,
            d.EnglishName!,
            d.Measure.Parent is { } parent && parent.IsRate ? parent : null,
            percent)));
        return Create(list);
    }
}
