using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using static Zhengxie.Metrics.Tests.Statistics.FigureFactory;

namespace Zhengxie.Metrics.Tests.Statistics;

/// <summary>The rate variants of DOMAIN.md on a hand-made committee.</summary>
public class RateVariantsTest
{
    // received 1000, filed 900, cases after merging 800, replied 800; A 400, B 300, C 100;
    // feedback 750: satisfied 500, basically satisfied 200, dissatisfied 50.
    private static readonly ProposalStatistics Stats = ProposalStatistics.FromFigures(
    [
        Count("proposals.received", 1000),
        Count("proposals.filed", 900),
        Count("proposals.cases", 800),
        Count("proposals.replied", 800),
        Count("proposals.outcome_a", 400),
        Count("proposals.outcome_b", 300),
        Count("proposals.outcome_c", 100),
        Count("proposals.feedback", 750),
        Count("proposals.satisfied", 500),
        Count("proposals.basically_satisfied", 200),
        Count("proposals.dissatisfied", 50),
    ]);

    private static readonly RateOptions OverCases = new() { DownstreamBase = DownstreamBase.Cases };

    [Fact]
    public void Adoption_a_only_and_a_plus_b()
    {
        Stats.AdoptionRate.Should().Be(Rate.Of(400, 900));
        Stats.AdoptionIncludingPlannedRate.Should().Be(Rate.Of(700, 900));
        Stats.GetRate(Measures.Rates.Adoption, OverCases).Should().Be(Rate.Of(400, 800));
        Stats.GetRate(Measures.Rates.AdoptionIncludingPlanned, OverCases).Should().Be(Rate.Of(700, 800));
    }

    [Fact]
    public void Satisfaction_with_and_without_basically_satisfied()
    {
        Stats.SatisfactionRate.Should().Be(Rate.Of(700, 750));
        Stats.GetRate(Measures.Rates.Satisfaction, new RateOptions { SatisfactionCounting = SatisfactionCounting.SatisfiedOnly })
            .Should().Be(Rate.Of(500, 750));
    }

    [Fact]
    public void Satisfaction_over_filed_or_cases()
    {
        Stats.GetRate(Measures.Rates.Satisfaction, new RateOptions { SatisfactionBase = SatisfactionBase.Filed }).Should().Be(Rate.Of(700, 900));
        Stats.GetRate(Measures.Rates.Satisfaction, OverCases with { SatisfactionBase = SatisfactionBase.Filed, SatisfactionCounting = SatisfactionCounting.SatisfiedOnly })
            .Should().Be(Rate.Of(500, 800));
    }

    [Fact]
    public void Downstream_rates_over_filed_or_cases()
    {
        Stats.ReplyRate.Should().Be(Rate.Of(800, 900));
        Stats.GetRate(Measures.Rates.Reply, OverCases).Should().Be(Rate.Of(800, 800));
        Stats.AcceptanceRate.Should().Be(Rate.Of(900, 1000));
        Stats.GetRate(Measures.Rates.Acceptance, OverCases).Should().Be(Rate.Of(900, 1000), "acceptance is always over received");
    }

    [Fact]
    public void Missing_counts_give_no_rate()
    {
        Stats.OnTimeReplyRate.Should().BeNull();
        Stats.ConclusionRate.Should().BeNull();
    }
}
