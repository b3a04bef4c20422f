using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Validation;
using static Zhengxie.Metrics.Tests.Statistics.FigureFactory;

namespace Zhengxie.Metrics.Tests.Validation;

/// <summary>
/// Cases for the survivors of Stryker run 3 in <c>ProposalFigureAnalysis</c> that quality.md left "for the next person":
/// a chain that needs a second round of narrowing (<c>State.Set</c>'s <c>return true</c>), a rate whose default formula
/// fits only once the chain has made its denominator exact (the first <c>Propagate</c> over the counts alone), a share
/// whose first base fits beside the preferred one (<c>pick ??=</c>), a multi-part numerator with a part not known
/// (<c>Numerator.All</c>), a numerator summing to exactly 2⁶³ − 1 (<c>SumOf</c>'s <c>lower &gt; long.MaxValue</c>), and the
/// order of findings by measure.
/// </summary>
public class ProposalFigureAnalysisSurvivorsTest
{
    [Fact]
    public void Narrowing_runs_again_until_nothing_changes()
    {
        // replied 98 lifts filed 「90余」 (91..99) to 98..99 (filed ≥ replied), which then lifts received 「近100」 (1..99)
        // to 98..99 (received ≥ filed): received ≥ filed comes first in the chain, so this takes a second round.
        var stats = ProposalStatistics.FromFigures(
            [Count("proposals.received", 100, Qualifier.Nearly), Count("proposals.filed", 90, Qualifier.MoreThan), Count("proposals.replied", 98)]);

        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Between(98, 99));
        stats.GetCount(Measures.Proposals.Received).Should().Be(Bounds.Between(98, 99));
        stats.Inconsistencies.Should().BeEmpty();
    }

    [Fact]
    public void The_default_formula_is_chosen_when_the_chain_makes_its_denominator_exact()
    {
        // received 95 caps filed 「近100」 (1..99) at 95, replied 95 lifts it to 95: filed is exactly 95 and 95 / 95 = 100 %
        // fits the default replied / filed, though replied / cases (95 / 95) fits too.
        var stats = ProposalStatistics.FromFigures(
        [
            Count("proposals.received", 95), Count("proposals.filed", 100, Qualifier.Nearly), Count("proposals.cases", 95),
            Count("proposals.replied", 95), Stated("rate.reply", 100),
        ], out var findings);

        findings.Should().BeEmpty();
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Exactly(95));
        stats.RateVariants[Measures.Rates.Reply].Should().Be(RateDefinition.Reply);
        stats.FoundRateOptions.Should().Be(RateOptions.Default);
    }

    [Fact]
    public void A_share_keeps_its_first_fitting_base_though_another_rate_prefers_cases()
    {
        // 办复率 100 % fits only 800 / 800 cases (800 / 900 filed is 88.9 %), so cases is the report's base; the share of
        // party proposals, 0 of any base, fits its first base (received) and keeps it.
        var share = new Measure("share.proposals.by_parties");
        var stats = ProposalStatistics.FromFigures(
        [
            Count("proposals.received", 1000), Count("proposals.filed", 900), Count("proposals.cases", 800), Count("proposals.replied", 800),
            Stated("rate.reply", 100), Count("proposals.by_parties", 0), Stated("share.proposals.by_parties", 0),
        ], out var findings);

        findings.Should().BeEmpty();
        stats.RateVariants[Measures.Rates.Reply].Denominator.Should().Be(Measures.Proposals.Cases);
        stats.RateVariants[share].Should().Be(new RateDefinition(share, [new Measure("proposals.by_parties")], Measures.Proposals.Received));
        stats.FoundRateOptions.DownstreamBase.Should().Be(DownstreamBase.Cases);
    }

    [Fact]
    public void A_satisfaction_rate_with_a_part_of_its_numerator_unknown_is_open_not_checked()
    {
        // satisfied 60 of 100 is 60 %; the stated 90 % may count basically satisfied answers, which the report does not give.
        var stats = ProposalStatistics.FromFigures([Count("proposals.feedback", 100), Count("proposals.satisfied", 60), Stated("rate.satisfaction", 90)], out var findings);

        findings.Should().BeEmpty();
        stats.RateVariants[Measures.Rates.Satisfaction].Should().Be(RateDefinition.Satisfaction);
        stats.TryGetCount(Measures.Proposals.BasicallySatisfied, out _).Should().BeFalse();
        stats.GetStatedRate(Measures.Rates.Satisfaction).Should().Be(90m);
    }

    [Fact]
    public void A_numerator_summing_to_exactly_the_largest_count_fits()
    {
        // (A + B) / filed = (2⁶³ − 2 + 1) / (2⁶³ − 1) = 100 %: the default formula, not A / filed (which also prints as 100 %).
        var stats = ProposalStatistics.FromFigures(
        [
            Count("proposals.filed", long.MaxValue), Count("proposals.outcome_a", long.MaxValue - 1), Count("proposals.outcome_b", 1),
            Stated("rate.adoption_including_planned", 100),
        ], out var findings);

        findings.Should().BeEmpty();
        stats.RateVariants[Measures.Rates.AdoptionIncludingPlanned].Should().Be(RateDefinition.AdoptionIncludingPlanned);
        stats.AdoptionIncludingPlannedRate.Should().Be(Rate.Of(long.MaxValue, long.MaxValue));
    }

    [Fact]
    public void Findings_of_one_committee_period_come_in_measure_order()
    {
        ProposalStatistics.FromFigures([Count("proposals.received", -2), Count("proposals.filed", -1), Count("proposals.cases", -3)], out var findings);

        findings.Select(f => (f.Rule, f.Measure)).Should().Equal(
            (ValidationRule.NegativeCount, (Measure?)Measures.Proposals.Cases),
            (ValidationRule.NegativeCount, (Measure?)Measures.Proposals.Filed),
            (ValidationRule.NegativeCount, (Measure?)Measures.Proposals.Received));
    }
}
