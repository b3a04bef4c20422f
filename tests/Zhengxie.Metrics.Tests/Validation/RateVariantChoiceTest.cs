using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Validation;
using static Zhengxie.Metrics.Tests.Statistics.FigureFactory;

namespace Zhengxie.Metrics.Tests.Validation;

/// <summary>
/// Which formula variant the analysis takes for a stated rate: the first that fits the counts, else the one
/// over the report's own downstream base, else the first still open; a rate that fits none is a finding
/// listing every variant tried.
/// </summary>
public class RateVariantChoiceTest
{
    // received 1000, filed 900, cases after merging 800, replied 800.
    private static Figure[] Chain(params Figure[] more) =>
    [
        Count("proposals.received", 1000),
        Count("proposals.filed", 900),
        Count("proposals.cases", 800),
        Count("proposals.replied", 800),
        .. more,
    ];

    private static string FormulaOf(ProposalStatistics stats, string rate) => stats.RateVariants[new Measure(rate)].Formula;

    [Fact]
    public void A_rate_that_fits_only_over_cases_takes_cases()
    {
        var stats = ProposalStatistics.FromFigures(Chain(Stated("rate.reply", 100)), out var findings);
        findings.Should().BeEmpty();
        FormulaOf(stats, "rate.reply").Should().Be("proposals.replied / proposals.cases");
    }

    [Fact]
    public void A_rate_that_fits_over_filed_takes_filed()
    {
        var stats = ProposalStatistics.FromFigures(Chain(Stated("rate.reply", 88.9m)), out var findings);
        findings.Should().BeEmpty();
        FormulaOf(stats, "rate.reply").Should().Be("proposals.replied / proposals.filed");
    }

    [Fact]
    public void An_open_rate_follows_the_base_the_checked_rates_use()
    {
        // The reply rate shows the report counts downstream rates over cases: the on-time rate (no count) is over cases too.
        var overCases = ProposalStatistics.FromFigures(Chain(Stated("rate.reply", 100), Stated("rate.on_time_reply", 90)), out var findings);
        findings.Should().BeEmpty();
        FormulaOf(overCases, "rate.on_time_reply").Should().Be("proposals.replied_on_time / proposals.cases");

        // Without it, the first variant: over filed.
        var overFiled = ProposalStatistics.FromFigures(Chain(Stated("rate.on_time_reply", 90)), out findings);
        findings.Should().BeEmpty();
        FormulaOf(overFiled, "rate.on_time_reply").Should().Be("proposals.replied_on_time / proposals.filed");

        // A reply rate that fits over filed leaves no preference for cases.
        var mixed = ProposalStatistics.FromFigures(Chain(Stated("rate.reply", 88.9m), Stated("rate.on_time_reply", 90)), out findings);
        findings.Should().BeEmpty();
        FormulaOf(mixed, "rate.on_time_reply").Should().Be("proposals.replied_on_time / proposals.filed");
    }

    [Fact]
    public void A_rate_without_its_denominator_keeps_its_first_formula()
    {
        var stats = ProposalStatistics.FromFigures([Stated("rate.reply", 90)], out var findings);
        findings.Should().BeEmpty();
        FormulaOf(stats, "rate.reply").Should().Be("proposals.replied / proposals.filed");
        stats.TryGetCount(Measures.Proposals.Replied, out _).Should().BeFalse();
    }

    [Fact]
    public void A_rate_that_fits_no_variant_is_a_finding_listing_each_one_tried()
    {
        var stats = ProposalStatistics.FromFigures(Chain(Stated("rate.reply", 50)), out var findings);
        findings.Select(f => f.ToString()).Should().Equal(
            "[RateContradictsCounts] (source inconsistency) committee 520112, period 2022, measure rate.reply: the stated 50% fits no formula variant: "
            + "proposals.replied = 800 over proposals.filed = 900; proposals.replied = 800 over proposals.cases = 800.");
        stats.RateVariants.Should().NotContainKey(new Measure("rate.reply"));
        stats.IsInconsistent(new Measure("rate.reply")).Should().BeTrue();
        stats.GetCount(Measures.Proposals.Replied).Should().Be(Bounds.Exactly(800));
    }

    [Fact]
    public void Satisfaction_takes_the_first_counting_that_fits()
    {
        Figure[] feedback = [Count("proposals.feedback", 750), Count("proposals.satisfied", 500), Count("proposals.basically_satisfied", 200)];
        FormulaOf(ProposalStatistics.FromFigures(Chain([.. feedback, Stated("rate.satisfaction", 93.3m)])), "rate.satisfaction")
            .Should().Be("(proposals.satisfied + proposals.basically_satisfied) / proposals.feedback");
        FormulaOf(ProposalStatistics.FromFigures(Chain([.. feedback, Stated("rate.satisfaction", 66.7m)])), "rate.satisfaction")
            .Should().Be("proposals.satisfied / proposals.feedback");
        FormulaOf(ProposalStatistics.FromFigures(Chain([.. feedback, Stated("rate.satisfaction", 87.5m)])), "rate.satisfaction")
            .Should().Be("(proposals.satisfied + proposals.basically_satisfied) / proposals.cases");
    }

    [Fact]
    public void A_share_with_its_count_missing_is_over_the_first_base_or_the_named_one()
    {
        var plain = ProposalStatistics.FromFigures(Chain(Stated("share.proposals.outcome_a", 50)), out var findings);
        findings.Should().BeEmpty();
        FormulaOf(plain, "share.proposals.outcome_a").Should().Be("proposals.outcome_a / proposals.filed");

        var named = new Figure(Wudang, Year2022, new Measure("share.proposals.outcome_a"), 50, FigureUnit.Percent, Qualifier.PercentReported, source: new FigureSource("report", "A类提案占收到提案的50%"));
        var overReceived = ProposalStatistics.FromFigures(Chain(named), out findings);
        findings.Should().BeEmpty();
        FormulaOf(overReceived, "share.proposals.outcome_a").Should().Be("proposals.outcome_a / proposals.received");
    }
}
