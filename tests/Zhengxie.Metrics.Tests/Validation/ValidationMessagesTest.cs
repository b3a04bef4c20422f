using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;
using static Zhengxie.Metrics.Tests.Statistics.FigureFactory;

namespace Zhengxie.Metrics.Tests.Validation;

/// <summary>
/// The exact text of every kind of figure finding (rule, severity, committee, period, measure and the values),
/// on the validator's fast path and on its general checks alike; cases that look wrong but are not give none.
/// </summary>
public class ValidationMessagesTest
{
    private static readonly Committee Lishui = Committee.Parse("331100");

    public static TheoryData<string, Figure[], string[]> Cases => new()
    {
        { "filed > received", [Count("proposals.received", 178), Count("proposals.filed", 180)],
            ["[FiledExceedsReceived] (source inconsistency) committee 520112, period 2022, measure proposals.filed: proposals.filed = 180 exceeds proposals.received = 178."] },
        { "replied > filed", [Count("proposals.filed", 100), Count("proposals.replied", 101)],
            ["[RepliedExceedsFiled] (source inconsistency) committee 520112, period 2022, measure proposals.replied: proposals.replied = 101 exceeds proposals.filed = 100."] },
        { "outcomes > replied", [Count("proposals.replied", 100), Count("proposals.outcome_a", 60), Count("proposals.outcome_b", 30), Count("proposals.outcome_c", 20)],
            ["[OutcomesExceedReplied] (source inconsistency) committee 520112, period 2022, measure proposals.outcome_a: proposals.outcome_a = 60 + proposals.outcome_b = 30 + proposals.outcome_c = 20 exceeds proposals.replied = 100."] },
        { "outcomes > filed", [Count("proposals.filed", 50), Count("proposals.outcome_a", 30), Count("proposals.outcome_b", 30)],
            ["[CountExceedsBound] (source inconsistency) committee 520112, period 2022, measure proposals.outcome_a: proposals.outcome_a = 30 + proposals.outcome_b = 30 exceeds proposals.filed = 50."] },
        { "on time > replied", [Count("proposals.replied", 100), Count("proposals.replied_on_time", 101)],
            ["[CountExceedsBound] (source inconsistency) committee 520112, period 2022, measure proposals.replied_on_time: proposals.replied_on_time = 101 exceeds proposals.replied = 100."] },
        { "bounded filed > received", [Count("proposals.received", 300, Qualifier.Nearly), Count("proposals.filed", 300, Qualifier.MoreThan)],
            ["[FiledExceedsReceived] (source inconsistency) committee 520112, period 2022, measure proposals.filed: proposals.filed = 301..399 exceeds proposals.received = 201..299."] },
        { "filed + not filed > received", [Count("proposals.received", 100), Count("proposals.filed", 90), Count("proposals.not_filed", 20)],
            ["[CountExceedsBound] (source inconsistency) committee 520112, period 2022, measure proposals.filed: proposals.filed = 90 + proposals.not_filed = 20 exceeds proposals.received = 100."] },
        { "chain broken twice", [Count("proposals.received", 100), Count("proposals.filed", 120), Count("proposals.not_filed", 5), Count("proposals.replied", 130)],
            ["[FiledExceedsReceived] (source inconsistency) committee 520112, period 2022, measure proposals.filed: proposals.filed = 120 exceeds proposals.received = 100.", "[RepliedExceedsFiled] (source inconsistency) committee 520112, period 2022, measure proposals.replied: proposals.replied = 130 exceeds proposals.filed = 120."] },
        { "parts beyond 64 bits", [Count("proposals.replied", 5), Count("proposals.outcome_a", long.MaxValue), Count("proposals.outcome_b", 1)],
            ["[OutcomesExceedReplied] (source inconsistency) committee 520112, period 2022, measure proposals.outcome_a: proposals.outcome_a = 9223372036854775807 + proposals.outcome_b = 1 exceeds proposals.replied = 5."] },
        { "negative", [Count("proposals.filed", -1)],
            ["[NegativeCount] committee 520112, period 2022, measure proposals.filed: the count -1件 is negative."] },
        { "negative activity", [Count("activity.inspection", -3, unit: "次")],
            ["[NegativeCount] committee 520112, period 2022, measure activity.inspection: the count -3次 is negative."] },
        { "not whole", [Count("proposals.filed", 2.5m)],
            ["[InvalidValue] committee 520112, period 2022, measure proposals.filed: the value 2.5件 does not stand for a whole count (Committee 520112, period 2022, measure proposals.filed: the exact value 2.5 件 is not a whole number.)."] },
        { "not whole activity", [Count("activity.inspection", 2.5m, Qualifier.MoreThan, unit: "次")],
            ["[InvalidValue] committee 520112, period 2022, measure activity.inspection: the value 2.5余次 does not stand for a whole count (Committee 520112, period 2022, measure activity.inspection: no whole number of 次 fits '2.5余次' (qualifier 'more_than').)."] },
        { "too large", [Count("activity.inspection", 1_000_000_000_000_000m, unit: "万次")],
            ["[InvalidValue] committee 520112, period 2022, measure activity.inspection: the value 1000000000000000万次 does not stand for a whole count (Committee 520112, period 2022, measure activity.inspection: the value does not fit in a 64-bit count.)."] },
        { "rate > 100 %", [Stated("rate.reply", 100.5m)],
            ["[RateOutOfRange] committee 520112, period 2022, measure rate.reply: the stated rate 100.5% is outside 0..100%."] },
        { "rate < 0 %", [Stated("rate.satisfaction", -1)],
            ["[RateOutOfRange] committee 520112, period 2022, measure rate.satisfaction: the stated rate -1% is outside 0..100%."] },
        { "rate 0 and 100 %", [Stated("rate.reply", 0), Stated("rate.acceptance", 100)],
            [] },
        { "conflicting duplicate", [Count("proposals.filed", 176), Count("proposals.filed", 177)],
            ["[ConflictingDuplicate] committee 520112, period 2022, measure proposals.filed: the committee figure is stated 2 times with different values (176件, 177件)."] },
        { "conflicting duplicate three times", [Count("activity.inspection", 5, unit: "次"), Count("activity.inspection", 6, unit: "次"), Count("activity.inspection", 5, unit: "次"), Count("activity.inspection", 7, unit: "次")],
            ["[ConflictingDuplicate] committee 520112, period 2022, measure activity.inspection: the committee figure is stated 3 times with different values (5次, 6次, 7次)."] },
        { "conflicting qualifier", [Count("output.suggestions", 30, unit: "条", topic: "视察"), Count("output.suggestions", 30, Qualifier.MoreThan, unit: "条", topic: "视察")],
            ["[ConflictingDuplicate] committee 520112, period 2022, measure output.suggestions: the committee figure on topic '视察' is stated 2 times with different values (30条, 30余条)."] },
        { "conflicting region totals", [Count("activity.inspection", 5, unit: "次", scope: FigureScope.RegionTotal), Count("activity.inspection", 6, unit: "次", scope: FigureScope.RegionTotal)],
            ["[ConflictingDuplicate] committee 520112, period 2022, measure activity.inspection: the region total is stated 2 times with different values (5次, 6次)."] },
        { "conflicting region total topics", [Count("activity.inspection", 5, unit: "次", scope: FigureScope.RegionTotal, topic: "视察"), Count("activity.inspection", 6, unit: "次", scope: FigureScope.RegionTotal, topic: "视察")],
            ["[ConflictingDuplicate] committee 520112, period 2022, measure activity.inspection: the region total on topic '视察' is stated 2 times with different values (5次, 6次)."] },
        { "units mixed", [Count("output.suggestions", 29, unit: "条", topic: "全会"), Count("output.suggestions", 30, unit: "件", topic: "视察")],
            ["[UnitMismatch] (source inconsistency) committee 520112, period 2022, measure output.suggestions: the measure is stated in units that do not add up (29条, 30件)."] },
        { "units mixed on one key", [Count("output.suggestions", 29, unit: "条"), Count("output.suggestions", 30, unit: "件")],
            ["[UnitMismatch] (source inconsistency) committee 520112, period 2022, measure output.suggestions: the measure is stated in units that do not add up (29条, 30件)."] },
        { "breakdown exceeds total", [Count("activity.consultation", 75, unit: "次"), Count("activity.consultation.counterpart", 12, unit: "次"), Count("activity.consultation.sector", 12, unit: "次"), Count("activity.consultation.proposal_handling", 29, unit: "次"), Count("activity.consultation.invite_to_consult", 23, unit: "次")],
            ["[BreakdownExceedsTotal] (source inconsistency) committee 520112, period 2022, measure activity.consultation: the parts activity.consultation.counterpart = 12次 + activity.consultation.invite_to_consult = 23次 + activity.consultation.proposal_handling = 29次 + activity.consultation.sector = 12次 add up to at least 76, more than the total 75次 (75)."] },
        { "breakdown exceeds total with topic", [Count("activity.consultation", 75, unit: "次"), Count("activity.consultation", 10, unit: "次", topic: "x"), Count("activity.consultation.counterpart", 50, unit: "次"), Count("activity.consultation.sector", 30, unit: "次")],
            ["[BreakdownExceedsTotal] (source inconsistency) committee 520112, period 2022, measure activity.consultation: the parts activity.consultation.counterpart = 50次 + activity.consultation.sector = 30次 add up to at least 80, more than the total 75次 (75)."] },
        { "breakdown one above", [Count("activity.consultation", 75, unit: "次"), Count("activity.consultation.counterpart", 76, unit: "次")],
            ["[BreakdownExceedsTotal] (source inconsistency) committee 520112, period 2022, measure activity.consultation: the parts activity.consultation.counterpart = 76次 add up to at least 76, more than the total 75次 (75)."] },
        { "breakdown of an open total", [Count("activity.consultation", 75, Qualifier.AtLeast, unit: "次"), Count("activity.consultation.counterpart", 176, unit: "次")],
            [] },
        { "breakdown in other units", [Count("activity.consultation", 75, unit: "次"), Count("activity.consultation.counterpart", 176, unit: "人次")],
            [] },
        { "qualified breakdown exceeds total", [Count("activity.consultation", 80, Qualifier.Nearly, unit: "次"), Count("activity.consultation.counterpart", 40, unit: "次"), Count("activity.consultation.sector", 40, unit: "次")],
            ["[BreakdownExceedsTotal] (source inconsistency) committee 520112, period 2022, measure activity.consultation: the parts activity.consultation.counterpart = 40次 + activity.consultation.sector = 40次 add up to at least 80, more than the total 近80次 (71..79)."] },
        { "topic part exceeds total", [Count("activity.reading", 75, unit: "场"), Count("activity.reading", 80, Qualifier.MoreThan, unit: "场", topic: "崇学系列")],
            ["[BreakdownExceedsTotal] (source inconsistency) committee 520112, period 2022, measure activity.reading: the part on topic '崇学系列' (80余场) exceeds the total 75场 (75)."] },
        { "topic part equals total", [Count("activity.reading", 75, unit: "场"), Count("activity.reading", 75, unit: "场", topic: "崇学系列")],
            [] },
        { "rate contradicts counts", [Count("proposals.received", 354), Count("proposals.filed", 270), Stated("rate.acceptance", 78.5m)],
            ["[RateContradictsCounts] (source inconsistency) committee 520112, period 2022, measure rate.acceptance: the stated 78.5% fits no formula variant: proposals.filed = 270 over proposals.received = 354."] },
        { "no numerator fits", [Count("proposals.filed", 3), Stated("rate.reply", 50)],
            ["[RateContradictsCounts] (source inconsistency) committee 520112, period 2022, measure rate.reply: the stated 50% fits no formula variant: proposals.replied over proposals.filed = 3."] },
        { "rate over parts beyond 64 bits", [Count("proposals.filed", 10), Count("proposals.outcome_a", long.MaxValue), Count("proposals.outcome_b", long.MaxValue), Stated("rate.adoption_including_planned", 50)],
            ["[RateContradictsCounts] (source inconsistency) committee 520112, period 2022, measure rate.adoption_including_planned: the stated 50% fits no formula variant: proposals.outcome_a = 9223372036854775807 + proposals.outcome_b = 9223372036854775807 over proposals.filed = 10; proposals.outcome_a = 9223372036854775807 over proposals.filed = 10.", "[CountExceedsBound] (source inconsistency) committee 520112, period 2022, measure proposals.outcome_a: proposals.outcome_a = 9223372036854775807 + proposals.outcome_b = 9223372036854775807 exceeds proposals.filed = 10."] },
        { "rate implies numerator that contradicts", [Count("proposals.received", 100), Stated("rate.acceptance", 90), Count("proposals.replied", 95)],
            ["[RepliedExceedsFiled] (source inconsistency) committee 520112, period 2022, measure proposals.replied: proposals.replied = 95 exceeds proposals.filed = 90."] },
        { "all without denominator", [All("proposals.replied")],
            ["[MissingDenominator] (source inconsistency) committee 520112, period 2022, measure proposals.replied: the figure is qualified 'all' (全部), but the denominator it refers to (proposals.filed) is not stated."] },
        { "all of an unknown denominator", [new Figure(Wudang, Year2022, new Measure("activity.inspection"), null, FigureUnit.Times, Qualifier.All)],
            ["[MissingDenominator] (source inconsistency) committee 520112, period 2022, measure activity.inspection: the figure is qualified 'all' (全部) without a count, and this measure has no denominator it could refer to."] },
        { "all of a count without denominator", [new Figure(Wudang, Year2022, new Measure("proposals.key"), null, FigureUnit.Piece, Qualifier.All)],
            ["[MissingDenominator] (source inconsistency) committee 520112, period 2022, measure proposals.key: the figure is qualified 'all' (全部) without a count, but this measure has no denominator it could refer to."] },
        { "all contradicts a stated count", [Count("proposals.filed", 100), Count("proposals.replied", 90), All("proposals.replied")],
            ["[AllContradictsDenominator] (source inconsistency) committee 520112, period 2022, measure proposals.replied: the figure is stated as 'all' (全部) at proposals.replied = 90, but the proposals.filed it refers to = 100."] },
        { "all with count contradicts", [Count("proposals.replied", 90), Count("proposals.replied", 145, Qualifier.All)],
            ["[AllContradictsDenominator] (source inconsistency) committee 520112, period 2022, measure proposals.replied: the figure is stated as 90件 and as 145件全部."] },
        { "all with count above denominator", [Count("proposals.filed", 100), Count("proposals.replied", 145, Qualifier.All)],
            ["[AllContradictsDenominator] (source inconsistency) committee 520112, period 2022, measure proposals.replied: the figure is stated as 'all' (全部) at proposals.replied = 145, but the proposals.filed it refers to = 100.", "[RepliedExceedsFiled] (source inconsistency) committee 520112, period 2022, measure proposals.replied: proposals.replied = 145 exceeds proposals.filed = 100."] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_finding_says_exactly_what_is_wrong_on_the_fast_and_the_general_path(string name, Figure[] figures, string[] expected)
    {
        FigureValidator.Validate(figures).Select(f => f.ToString()).Should().Equal(expected, name);
        FigureValidator.Validate(figures, null, false, generalOnly: true).Select(f => f.ToString()).Should().Equal(expected, name);
        FigureValidator.Validate(figures.Reverse().ToArray()).Should().HaveCount(expected.Length, "{0}: the order of the figures does not matter", name);
        FigureValidator.Validate(figures, strict: true).Select(f => f.Severity).Should().AllBeEquivalentTo(FindingSeverity.Error);
    }

    [Fact]
    public void Region_findings_name_the_level_the_table_has_and_the_parent()
    {
        var lishuiAsCounty = new Committee(RegionCode.Parse("331100"), AdministrativeLevel.County);
        FigureValidator.Validate([Count("proposals.filed", 1, committee: lishuiAsCounty)], RegionTable.Default).Select(f => f.ToString()).Should().Equal(
            "[RegionUnderWrongParent] committee 331100/county, period 2022: the committee 331100/county is at level County, but the region table has 331100 丽水市 at level Prefecture under parent 330000.");
        FigureValidator.Validate([Count("proposals.filed", 1, committee: new Committee(RegionCode.Parse("330000"), AdministrativeLevel.County))], RegionTable.Default)
            .Select(f => f.ToString()).Should().Equal(
            "[RegionUnderWrongParent] committee 330000/county, period 2022: the committee 330000/county is at level County, but the region table has 330000 浙江省 at level Province under parent none.");
        FigureValidator.Validate([Count("proposals.filed", 1, committee: Committee.Parse("339999")), Count("proposals.filed", 2, committee: Committee.Parse("339999"), period: ReportingPeriod.CalendarYear(2023))], RegionTable.Default)
            .Select(f => f.ToString()).Should().Equal(
            "[UnknownRegion] committee 339999, period 2022: the region code 339999 is not in the region table.",
            "[UnknownRegion] committee 339999, period 2023: the region code 339999 is not in the region table.");
        FigureValidator.Validate([Count("proposals.filed", 1, committee: Lishui)], RegionTable.Default).Should().BeEmpty();
    }

    [Fact]
    public void Committee_periods_are_checked_in_order_of_committee_then_period_whatever_the_input_order()
    {
        var yongjia = Committee.Parse("330324");
        var y2023 = ReportingPeriod.CalendarYear(2023);
        Figure[] figures =
        [
            Count("proposals.filed", -3, committee: Wudang, period: y2023),
            Count("proposals.filed", -2, committee: yongjia),
            Count("proposals.filed", -1, committee: Wudang),
            Count("proposals.filed", -4, committee: yongjia, period: y2023),
        ];
        var expected = new[] { (yongjia, "-2件"), (yongjia, "-4件"), (Wudang, "-1件"), (Wudang, "-3件") };
        var expectedCommittees = expected.Select(e => (Committee?)e.Item1);
        FigureValidator.Validate(figures).Select(f => f.Committee).Should().Equal(expectedCommittees);
        FigureValidator.Validate(figures).Select(f => f.Message).Should().Equal(expected.Select(e => $"the count {e.Item2} is negative."));
        FigureValidator.Validate(figures, null, false, generalOnly: true).Should().Equal(FigureValidator.Validate(figures));
    }
}
