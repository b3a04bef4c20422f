using System;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Validation;
using static Zhengxie.Metrics.Tests.Statistics.FigureFactory;

namespace Zhengxie.Metrics.Tests.Statistics;

public class FromFiguresTest
{
    [Fact]
    public void Received_more_than_300_narrows_to_at_least_the_filed_320()
    {
        var stats = ProposalStatistics.FromFigures([Count("proposals.received", 300, Qualifier.MoreThan), Count("proposals.filed", 320)]);
        stats.GetCount(Measures.Proposals.Received).Should().Be(Bounds.Between(320, 399));
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Exactly(320));
    }

    [Fact]
    public void Filed_nearly_330_narrows_to_at_most_the_received_325()
    {
        var stats = ProposalStatistics.FromFigures([Count("proposals.received", 325), Count("proposals.filed", 330, Qualifier.Nearly)]);
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Between(321, 325));
    }

    [Fact]
    public void Narrowing_runs_along_the_chain()
    {
        // replied exactly 150 ≤ filed 「100余」 (101..199) ≤ received 「近200」 (191..199); outcomes 55 + 「90余」 (91..99) ≤ replied.
        var stats = ProposalStatistics.FromFigures(
        [
            Count("proposals.received", 200, Qualifier.Nearly),
            Count("proposals.filed", 100, Qualifier.MoreThan),
            Count("proposals.replied", 150),
            Count("proposals.outcome_a", 55),
            Count("proposals.outcome_b", 90, Qualifier.MoreThan),
        ]);
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Between(150, 199));
        stats.GetCount(Measures.Proposals.OutcomeB).Should().Be(Bounds.Between(91, 150 - 55));
    }

    [Fact]
    public void All_replied_resolves_after_the_filed_count_is_implied()
    {
        var stats = ProposalStatistics.FromFigures([Count("proposals.received", 354), Stated("rate.acceptance", 78.5m), All("proposals.replied")]);
        stats.GetCount(Measures.Proposals.Replied).Should().Be(Bounds.Exactly(278));
        stats.ReplyRate.Should().Be(Rate.Of(278, 278));
    }

    [Fact]
    public void All_satisfied_refers_to_the_feedback()
    {
        var stats = ProposalStatistics.FromFigures([Count("proposals.feedback", 90), All("proposals.satisfied"), Count("proposals.basically_satisfied", 0)]);
        stats.SatisfactionRate.Should().Be(Rate.Of(90, 90));
    }

    [Fact]
    public void A_stated_count_and_all_agree()
    {
        var stats = ProposalStatistics.FromFigures([Count("proposals.replied", 121), All("proposals.replied")]);
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Exactly(121));
        stats.ReplyRate.Should().Be(Rate.Of(121, 121));
    }

    [Fact]
    public void Several_fitting_numerators_imply_nothing_and_are_no_finding()
    {
        // 199/200 = 99.5 % rounds half-up to 100 %: both 199 and 200 fit.
        var stats = ProposalStatistics.FromFigures([Count("proposals.filed", 200), Stated("rate.reply", 100)], out var findings);
        findings.Should().BeEmpty();
        stats.TryGetCount(Measures.Proposals.Replied, out _).Should().BeFalse();
        stats.GetStatedRate(Measures.Rates.Reply).Should().Be(100m);
    }

    [Fact]
    public void Topic_and_region_total_figures_are_not_counts()
    {
        var stats = ProposalStatistics.FromFigures(
        [
            Count("proposals.filed", 100),
            Count("proposals.filed", 20, topic: "经济"),
            Count("proposals.received", 900, scope: FigureScope.RegionTotal),
            Count("activity.consultation", 75, unit: "次"),
        ]);
        stats.Counts.Should().HaveCount(1);
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Exactly(100));
        stats.TryGetCount(Measures.Proposals.Received, out _).Should().BeFalse();
    }

    [Fact]
    public void Identical_duplicates_collapse()
    {
        var stats = ProposalStatistics.FromFigures([Count("proposals.filed", 100), Count("proposals.filed", 100)]);
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Exactly(100));
    }

    [Fact]
    public void Figures_of_two_committees_are_refused()
    {
        var act = () => ProposalStatistics.FromFigures([Count("proposals.filed", 1), Count("proposals.filed", 1, committee: Committee.Parse("330324"))]);
        act.Should().Throw<ArgumentException>().WithMessage("*FromFiguresByCommittee*");
        var twoPeriods = () => ProposalStatistics.FromFigures([Count("proposals.filed", 1), Count("proposals.filed", 1, period: ReportingPeriod.CalendarYear(2023))]);
        twoPeriods.Should().Throw<ArgumentException>();
        var none = () => ProposalStatistics.FromFigures([]);
        none.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void By_committee_groups_and_orders()
    {
        var yongjia = Committee.Parse("330324");
        var all = ProposalStatistics.FromFiguresByCommittee(
        [
            Count("proposals.filed", 10, committee: Wudang),
            Count("proposals.filed", 20, committee: yongjia),
            Count("proposals.filed", 30, committee: yongjia, period: ReportingPeriod.CalendarYear(2021)),
        ]);
        all.Select(s => (s.Committee, s.Period.Year, s.GetCount(Measures.Proposals.Filed).Lower))
            .Should().Equal((yongjia, 2021, 30L), (yongjia, 2022, 20L), (Wudang, 2022, 10L));
    }

    [Fact]
    public void By_committee_throws_or_collects()
    {
        var yongjia = Committee.Parse("330324");
        Figure[] figures = [Count("proposals.filed", 10), Count("proposals.received", 5, committee: yongjia), Count("proposals.filed", 6, committee: yongjia)];
        var act = () => ProposalStatistics.FromFiguresByCommittee(figures, ValidationMode.Throw, strict: true, out _);
        act.Should().Throw<ValidationException>().Which.Findings.Should().ContainSingle(f => f.Rule == ValidationRule.FiledExceedsReceived);
        ProposalStatistics.FromFiguresByCommittee(figures).Should().HaveCount(2, "a source inconsistency throws only when strict");

        var all = ProposalStatistics.FromFiguresByCommittee(figures, ValidationMode.CollectFindings, out var findings);
        findings.Should().ContainSingle().Which.Committee.Should().Be(yongjia);
        all.Should().HaveCount(2);
        all.Single(s => s.Committee == yongjia).Counts.Should().HaveCount(2, "the counts are kept as published");
        all.Single(s => s.Committee == yongjia).Inconsistencies.Should().Equal(findings);
        all.Single(s => s.Committee == Wudang).GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Exactly(10));
    }
}
