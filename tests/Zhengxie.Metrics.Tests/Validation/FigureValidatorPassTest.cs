using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Validation;
using static Zhengxie.Metrics.Tests.Statistics.FigureFactory;

namespace Zhengxie.Metrics.Tests.Validation;

/// <summary>
/// The edges of the validator's pass that the message cases do not reach: a zero whole, parts that wrap a
/// 64-bit sum, a committee-period larger than the pass's buffers, both scopes in either order, a total stated
/// twice, and a unit mismatch on several topics. Each is checked on the fast path and the general checks alike.
/// </summary>
public class FigureValidatorPassTest
{
    private static void ShouldFind(IReadOnlyList<Figure> figures, params string[] expected)
    {
        FigureValidator.Validate(figures).Select(f => f.ToString()).Should().Equal(expected);
        FigureValidator.Validate(figures, null, false, generalOnly: true).Select(f => f.ToString()).Should().Equal(expected);
    }

    [Fact]
    public void A_whole_of_zero_is_still_a_whole()
    {
        ShouldFind(
            [Count("proposals.received", 0), Count("proposals.filed", 5)],
            "[FiledExceedsReceived] (source inconsistency) committee 520112, period 2022, measure proposals.filed: proposals.filed = 5 exceeds proposals.received = 0.");
        ShouldFind([Count("proposals.received", 0), Count("proposals.filed", 0), Count("proposals.replied", 0)]);
    }

    [Fact]
    public void Parts_whose_64_bit_sum_wraps_below_zero_exceed_the_largest_whole()
    {
        ShouldFind(
            [Count("proposals.replied", long.MaxValue), Count("proposals.outcome_a", long.MaxValue), Count("proposals.outcome_b", 1)],
            "[OutcomesExceedReplied] (source inconsistency) committee 520112, period 2022, measure proposals.outcome_a: proposals.outcome_a = 9223372036854775807 + proposals.outcome_b = 1 exceeds proposals.replied = 9223372036854775807.");

        // Parts that reach the whole exactly are fine.
        ShouldFind([Count("proposals.replied", long.MaxValue), Count("proposals.outcome_a", long.MaxValue - 1), Count("proposals.outcome_b", 1)]);
    }

    [Fact]
    public void Parts_beyond_64_bits_exceed_a_whole_without_an_upper_bound()
    {
        ShouldFind(
            [Count("proposals.received", 100, Qualifier.AtLeast), Count("proposals.filed", long.MaxValue), Count("proposals.not_filed", 1)],
            "[CountExceedsBound] (source inconsistency) committee 520112, period 2022, measure proposals.filed: proposals.filed = 9223372036854775807 + proposals.not_filed = 1 exceeds proposals.received = 9223372036854775807...");
    }

    [Fact]
    public void A_committee_period_larger_than_the_buffers_is_checked_whole()
    {
        // 300 measures stated once each (beyond the pass's buffers of 64 and its fast group of 256), and the chain broken at the end.
        var figures = Enumerable.Range(0, 300).Select(i => Count($"activity.custom{i:D3}", i, unit: "次"))
            .Concat([Count("activity.custom", 10, unit: "次"), Count("proposals.received", 10), Count("proposals.filed", 11)])
            .ToArray();
        ShouldFind(
            figures,
            "[FiledExceedsReceived] (source inconsistency) committee 520112, period 2022, measure proposals.filed: proposals.filed = 11 exceeds proposals.received = 10.");

        // 100 of them, with a breakdown whose parts exceed the total, and a second, smaller committee-period after it.
        var breakdown = Enumerable.Range(0, 100).Select(i => Count($"activity.custom.part{i:D3}", 1, unit: "次"))
            .Prepend(Count("activity.custom", 99, unit: "次"))
            .Append(Count("proposals.filed", -1, period: ReportingPeriod.CalendarYear(2023)))
            .ToArray();
        var found = FigureValidator.Validate(breakdown).Select(f => f.ToString()).ToList();
        found.Should().HaveCount(2);
        found[0].Should().StartWith("[BreakdownExceedsTotal] (source inconsistency) committee 520112, period 2022, measure activity.custom: the parts activity.custom.part000 = 1次 + activity.custom.part001 = 1次 + ")
            .And.EndWith(" + activity.custom.part099 = 1次 add up to at least 100, more than the total 99次 (99).");
        found[1].Should().Be("[NegativeCount] committee 520112, period 2023, measure proposals.filed: the count -1件 is negative.");
        FigureValidator.Validate(breakdown, null, false, generalOnly: true).Select(f => f.ToString()).Should().Equal(found);
    }

    [Fact]
    public void Both_scopes_are_checked_in_the_order_they_first_appear()
    {
        var regionTotal = new[] { Count("proposals.received", 10, scope: FigureScope.RegionTotal), Count("proposals.filed", 12, scope: FigureScope.RegionTotal) };
        var committee = new[] { Count("proposals.received", 20), Count("proposals.filed", 21) };
        const string RegionTotalFinding = "[FiledExceedsReceived] (source inconsistency) committee 520112, period 2022, measure proposals.filed: proposals.filed = 12 exceeds proposals.received = 10.";
        const string CommitteeFinding = "[FiledExceedsReceived] (source inconsistency) committee 520112, period 2022, measure proposals.filed: proposals.filed = 21 exceeds proposals.received = 20.";
        ShouldFind([.. regionTotal, .. committee], RegionTotalFinding, CommitteeFinding);
        ShouldFind([.. committee, .. regionTotal], CommitteeFinding, RegionTotalFinding);
        ShouldFind([committee[0], regionTotal[0], committee[1], regionTotal[1]], CommitteeFinding, RegionTotalFinding);

        // Consistent in each scope; the region total's counts are not the committee's.
        ShouldFind([Count("proposals.received", 100, scope: FigureScope.RegionTotal), Count("proposals.received", 10), Count("proposals.filed", 90)],
            "[FiledExceedsReceived] (source inconsistency) committee 520112, period 2022, measure proposals.filed: proposals.filed = 90 exceeds proposals.received = 10.");
        ShouldFind([Count("proposals.received", 10), Count("proposals.filed", 90, scope: FigureScope.RegionTotal)]);
    }

    [Fact]
    public void A_total_stated_twice_with_different_values_is_no_total_for_its_parts()
    {
        ShouldFind(
            [Count("activity.consultation", 75, unit: "次"), Count("activity.consultation", 80, unit: "次"), Count("activity.consultation.counterpart", 100, unit: "次")],
            "[ConflictingDuplicate] committee 520112, period 2022, measure activity.consultation: the committee figure is stated 2 times with different values (75次, 80次).");

        // Stated twice alike, it is one total.
        ShouldFind(
            [Count("activity.consultation", 75, unit: "次"), Count("activity.consultation", 75, unit: "次"), Count("activity.consultation.counterpart", 100, unit: "次")],
            "[BreakdownExceedsTotal] (source inconsistency) committee 520112, period 2022, measure activity.consultation: the parts activity.consultation.counterpart = 100次 add up to at least 100, more than the total 75次 (75).");
    }

    [Fact]
    public void A_unit_mismatch_on_several_topics_is_one_finding_per_measure()
    {
        // The first topic's finding stands for the measure (not the second topic's, nor the measure's over all topics); measures in input order.
        ShouldFind(
            [
                Count("output.suggestions", 29, unit: "条", topic: "全会"), Count("output.suggestions", 30, unit: "件", topic: "全会"),
                Count("output.suggestions", 5, unit: "条", topic: "视察"), Count("output.suggestions", 6, unit: "件", topic: "视察"),
                Count("output.reports", 5, unit: "篇", topic: "视察"), Count("output.reports", 6, unit: "件", topic: "视察"),
            ],
            "[UnitMismatch] (source inconsistency) committee 520112, period 2022, measure output.suggestions: the measure is stated in units that do not add up (29条, 30件).",
            "[UnitMismatch] (source inconsistency) committee 520112, period 2022, measure output.reports: the measure is stated in units that do not add up (5篇, 6件).");
    }

    [Fact]
    public void A_whole_count_in_a_scaled_unit_is_checked_by_its_bounds()
    {
        // 1万次 is 10000 times: the parts 6000 + 5000 exceed it; 1万次 against 9999 does not.
        ShouldFind(
            [Count("activity.consultation", 1, unit: "万次"), Count("activity.consultation.counterpart", 6000, unit: "次"), Count("activity.consultation.sector", 5000, unit: "次")],
            "[BreakdownExceedsTotal] (source inconsistency) committee 520112, period 2022, measure activity.consultation: the parts activity.consultation.counterpart = 6000次 + activity.consultation.sector = 5000次 add up to at least 11000, more than the total 1万次 (10000).");
        ShouldFind([Count("activity.consultation", 1, unit: "万次"), Count("activity.consultation.counterpart", 9999, unit: "次")]);
        ShouldFind(
            [Count("proposals.received", 1, unit: "万件"), Count("proposals.filed", 10001)],
            "[FiledExceedsReceived] (source inconsistency) committee 520112, period 2022, measure proposals.filed: proposals.filed = 10001 exceeds proposals.received = 10000.");
        ShouldFind([Count("proposals.received", 1, unit: "万件"), Count("proposals.filed", 10000)]);
    }

    [Fact]
    public void A_conflicting_duplicate_of_any_measure_sends_the_committee_period_to_the_general_checks()
    {
        // activity.inspection is the second measure seen (not the first, whose bit is 1 whichever way it is shifted).
        ShouldFind(
            [Count("activity.reading", 5, unit: "场"), Count("activity.inspection", 5, unit: "次"), Count("activity.inspection", 6, unit: "次")],
            "[ConflictingDuplicate] committee 520112, period 2022, measure activity.inspection: the committee figure is stated 2 times with different values (5次, 6次).");
        ShouldFind(
            [.. Enumerable.Range(0, 70).Select(i => Count($"activity.custom{i:D2}", i, unit: "次")), Count("activity.custom69", 70, unit: "次")],
            "[ConflictingDuplicate] committee 520112, period 2022, measure activity.custom69: the committee figure is stated 2 times with different values (69次, 70次).");
    }

    [Fact]
    public void Figures_on_a_topic_are_not_parts_of_a_breakdown()
    {
        // One and two children on a topic, each measure stated once: not summed against the total (topic figures need not be disjoint).
        ShouldFind([Count("activity.consultation", 75, unit: "次"), Count("activity.consultation.counterpart", 80, unit: "次", topic: "视察")]);
        ShouldFind(
            [Count("activity.consultation", 75, unit: "次"), Count("activity.consultation.counterpart", 40, unit: "次", topic: "视察"), Count("activity.consultation.sector", 40, unit: "次", topic: "调研")]);
    }

    [Fact]
    public void Parts_adding_up_to_the_total_exactly_are_fine_on_both_paths()
    {
        ShouldFind([Count("activity.consultation", 75, unit: "次"), Count("activity.consultation.counterpart", 40, unit: "次"), Count("activity.consultation.sector", 35, unit: "次")]);
        ShouldFind([Count("activity.consultation", 75, unit: "次"), Count("activity.consultation.counterpart", 75, unit: "次")]);
    }

    [Fact]
    public void Breakdowns_of_several_totals_are_reported_in_measure_order_on_both_paths()
    {
        ShouldFind(
            [
                Count("activity.reading", 10, unit: "场"), Count("activity.reading.online", 11, unit: "场"),
                Count("activity.consultation", 75, unit: "次"), Count("activity.consultation.counterpart", 76, unit: "次"),
            ],
            "[BreakdownExceedsTotal] (source inconsistency) committee 520112, period 2022, measure activity.consultation: the parts activity.consultation.counterpart = 76次 add up to at least 76, more than the total 75次 (75).",
            "[BreakdownExceedsTotal] (source inconsistency) committee 520112, period 2022, measure activity.reading: the parts activity.reading.online = 11场 add up to at least 11, more than the total 10场 (10).");
    }

    [Fact]
    public void Null_input_is_refused_naming_the_argument()
    {
        var none = () => FigureValidator.Validate(null!);
        none.Should().Throw<System.ArgumentNullException>().Which.ParamName.Should().Be("figures");
        var nullFirst = () => FigureValidator.Validate([null!, Count("proposals.filed", 1)]);
        nullFirst.Should().Throw<System.ArgumentException>().Which.ParamName.Should().Be("figures");
    }
}
