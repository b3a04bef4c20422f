using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using static Zhengxie.Metrics.Tests.Statistics.FigureFactory;

namespace Zhengxie.Metrics.Tests.Statistics;

/// <summary>
/// <see cref="ProposalStatistics.FoundRateOptions"/>: the options a report's stated rates follow, built from the variant each
/// stated rate or share fits (against Stryker run 4's survivors in <c>ProposalStatistics.BuildOptions</c>). Each case states
/// one or two rates whose printed percentage fits exactly one formula variant of DOMAIN.md (A or A + B; over filed, cases
/// after merging or received; satisfied only or with basically satisfied; over feedback or filed), worked out by hand in
/// its comment, and checks the whole options: the downstream base, the satisfaction choices and the overrides.
/// </summary>
public class FoundRateOptionsTest
{
    private static readonly Measure ShareA = new("share.proposals.outcome_a");
    private static readonly Measure ShareB = new("share.proposals.outcome_b");
    private static readonly Measure ShareC = new("share.proposals.outcome_c");

    [Fact]
    public void A_rate_that_fits_the_default_formula_changes_nothing()
    {
        // 900 / 1000 = 90 %; 810 / 900 = 90 %.
        var stats = ProposalStatistics.FromFigures(
            [Count("proposals.received", 1000), Count("proposals.filed", 900), Count("proposals.replied", 810), Stated("rate.acceptance", 90), Stated("rate.reply", 90)]);

        stats.RateVariants[Measures.Rates.Reply].Should().Be(RateDefinition.Reply);
        stats.FoundRateOptions.Should().Be(RateOptions.Default);
        stats.FoundRateOptions.Overrides.Should().BeEmpty();
    }

    [Fact]
    public void Only_the_acceptance_rate_says_nothing_about_the_downstream_base()
    {
        var stats = ProposalStatistics.FromFigures([Count("proposals.received", 1000), Count("proposals.filed", 900), Count("proposals.cases", 800), Stated("rate.acceptance", 90)]);

        stats.RateVariants.Keys.Should().Equal(Measures.Rates.Acceptance);
        stats.FoundRateOptions.Should().Be(RateOptions.Default);
    }

    [Fact]
    public void A_reply_rate_that_fits_only_over_cases_makes_cases_the_downstream_base()
    {
        // 800 / 900 = 88.9 % ≠ 100 %; 800 / 800 cases after merging = 100 %.
        var stats = ProposalStatistics.FromFigures(
            [Count("proposals.received", 1000), Count("proposals.filed", 900), Count("proposals.cases", 800), Count("proposals.replied", 800), Stated("rate.reply", 100)]);

        stats.RateVariants[Measures.Rates.Reply].Should().Be(new RateDefinition(Measures.Rates.Reply, [Measures.Proposals.Replied], Measures.Proposals.Cases));
        stats.FoundRateOptions.Should().Be(new RateOptions { DownstreamBase = DownstreamBase.Cases });
        stats.GetRate(Measures.Rates.Reply, stats.FoundRateOptions).Should().Be(Rate.Of(800, 800));
    }

    [Fact]
    public void A_share_of_outcome_a_over_cases_says_the_same_about_the_base()
    {
        // 顺德 2021: A类 362 「占53.4%」: 362 / 987 filed = 36.7 %, 362 / 678 cases after merging = 53.39 %.
        var stats = ProposalStatistics.FromFigures(
            [Count("proposals.filed", 987), Count("proposals.cases", 678), Count("proposals.outcome_a", 362), Stated("share.proposals.outcome_a", 53.4m)]);
        var variant = new RateDefinition(ShareA, [Measures.Proposals.OutcomeA], Measures.Proposals.Cases);

        stats.RateVariants[ShareA].Should().Be(variant);
        stats.FoundRateOptions.Should().Be(new RateOptions { DownstreamBase = DownstreamBase.Cases }.WithDefinition(variant));
    }

    [Fact]
    public void A_share_of_a_count_no_downstream_rate_counts_leaves_the_base_alone()
    {
        // C类 100: 100 / 900 filed = 11.1 %, 100 / 800 cases = 12.5 %: the share fits over cases, but no rate has C as its numerator.
        var stats = ProposalStatistics.FromFigures(
            [Count("proposals.received", 1000), Count("proposals.filed", 900), Count("proposals.cases", 800), Count("proposals.outcome_c", 100), Stated("share.proposals.outcome_c", 12.5m)]);
        var variant = new RateDefinition(ShareC, [Measures.Proposals.OutcomeC], Measures.Proposals.Cases);

        stats.RateVariants[ShareC].Should().Be(variant);
        stats.FoundRateOptions.Should().Be(RateOptions.Default.WithDefinition(variant));
        stats.FoundRateOptions.DownstreamBase.Should().Be(DownstreamBase.Filed);
    }

    [Fact]
    public void Shares_are_set_outright_in_identifier_order()
    {
        // B 300 / 900 filed = 33.3 %, A 400 / 900 = 44.4 %: each share over filed, its first base.
        var stats = ProposalStatistics.FromFigures(
        [
            Count("proposals.filed", 900), Count("proposals.outcome_b", 300), Stated("share.proposals.outcome_b", 33.3m),
            Count("proposals.outcome_a", 400), Stated("share.proposals.outcome_a", 44.4m),
        ]);

        stats.FoundRateOptions.Overrides.Select(d => d.Measure).Should().Equal(ShareA, ShareB);
        stats.FoundRateOptions.Overrides.Select(d => d.Denominator).Should().Equal(Measures.Proposals.Filed, Measures.Proposals.Filed);
        stats.FoundRateOptions.DownstreamBase.Should().Be(DownstreamBase.Filed);
    }

    [Fact]
    public void An_adoption_rate_that_fits_a_plus_b_over_filed_is_set_outright()
    {
        // A 400 / 900 = 44.4 %; (A + B) 700 / 900 = 77.8 %: the same denominator, another numerator.
        var stats = ProposalStatistics.FromFigures(
            [Count("proposals.filed", 900), Count("proposals.outcome_a", 400), Count("proposals.outcome_b", 300), Stated("rate.adoption", 77.8m)]);
        var variant = new RateDefinition(Measures.Rates.Adoption, [Measures.Proposals.OutcomeA, Measures.Proposals.OutcomeB], Measures.Proposals.Filed);

        stats.RateVariants[Measures.Rates.Adoption].Should().Be(variant);
        stats.FoundRateOptions.Should().Be(RateOptions.Default.WithDefinition(variant));
        stats.GetRate(Measures.Rates.Adoption, stats.FoundRateOptions).Should().Be(Rate.Of(700, 900));
    }

    [Fact]
    public void An_adoption_rate_over_received_is_set_outright()
    {
        // 东城 2015: (A + B) 700 / 900 filed = 77.8 %, A 400 / 900 = 44.4 %, A / received = 40 %, (A + B) / 1000 received = 70 %.
        var stats = ProposalStatistics.FromFigures(
            [Count("proposals.received", 1000), Count("proposals.filed", 900), Count("proposals.outcome_a", 400), Count("proposals.outcome_b", 300), Stated("rate.adoption_including_planned", 70)]);
        var variant = new RateDefinition(Measures.Rates.AdoptionIncludingPlanned, [Measures.Proposals.OutcomeA, Measures.Proposals.OutcomeB], Measures.Proposals.Received);

        stats.RateVariants[Measures.Rates.AdoptionIncludingPlanned].Should().Be(variant);
        stats.FoundRateOptions.Should().Be(RateOptions.Default.WithDefinition(variant));
        stats.FoundRateOptions.DownstreamBase.Should().Be(DownstreamBase.Filed);
    }

    [Fact]
    public void Satisfaction_counting_the_satisfied_only_is_found()
    {
        // feedback 100: (60 + 30) / 100 = 90 % ≠ 60 %; 60 / 100 = 60 %.
        var stats = ProposalStatistics.FromFigures(
            [Count("proposals.feedback", 100), Count("proposals.satisfied", 60), Count("proposals.basically_satisfied", 30), Stated("rate.satisfaction", 60)]);

        stats.FoundRateOptions.Should().Be(new RateOptions { SatisfactionCounting = SatisfactionCounting.SatisfiedOnly });
    }

    [Fact]
    public void Satisfaction_over_filed_is_found()
    {
        // (60 + 30) / 100 feedback = 90 %, 60 / 100 = 60 %; (60 + 30) / 200 filed = 45 %.
        var stats = ProposalStatistics.FromFigures(
            [Count("proposals.filed", 200), Count("proposals.feedback", 100), Count("proposals.satisfied", 60), Count("proposals.basically_satisfied", 30), Stated("rate.satisfaction", 45)]);

        stats.FoundRateOptions.Should().Be(new RateOptions { SatisfactionBase = SatisfactionBase.Filed });
        stats.GetRate(Measures.Rates.Satisfaction, stats.FoundRateOptions).Should().Be(Rate.Of(90, 200));
    }

    [Fact]
    public void Satisfaction_over_feedback_changes_nothing()
    {
        // (60 + 30) / 100 feedback = 90 %.
        var stats = ProposalStatistics.FromFigures(
            [Count("proposals.filed", 200), Count("proposals.feedback", 100), Count("proposals.satisfied", 60), Count("proposals.basically_satisfied", 30), Stated("rate.satisfaction", 90)]);

        stats.RateVariants[Measures.Rates.Satisfaction].Should().Be(RateDefinition.Satisfaction);
        stats.FoundRateOptions.Should().Be(RateOptions.Default);
    }
}
