using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Validation;

/// <summary>Figures as published reports state them (issue 11): shares, 全部 with a count, qualified rates, variants, units, source inconsistencies.</summary>
public class PublishedReportsTest
{
    private static readonly Committee Shunde = Committee.Parse("440606");
    private static readonly Committee Dongcheng = Committee.Parse("110101");
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);
    private static readonly ReportingPeriod Y2015 = ReportingPeriod.CalendarYear(2015);

    private static Figure Count(Committee c, ReportingPeriod p, string measure, decimal value, string unit = "件", Qualifier q = Qualifier.Exact, string? topic = null) =>
        new(c, p, new Measure(measure), value, new FigureUnit(unit), q, FigureScope.Committee, topic);

    private static Figure Percent(Committee c, ReportingPeriod p, string measure, decimal value, Qualifier q = Qualifier.PercentReported) =>
        new(c, p, new Measure(measure), value, FigureUnit.Percent, q);

    private static Figure[] ShundeFigures() =>
    [
        Count(Shunde, Y2021, "proposals.filed", 987),              // 立案987件
        Count(Shunde, Y2021, "proposals.cases", 678),              // 并案后678件
        Count(Shunde, Y2021, "proposals.outcome_a", 362),          // A类提案有362件，占53.4%
        Percent(Shunde, Y2021, "share.proposals.outcome_a", 53.4m),
    ];

    [Fact]
    public void Shunde_2021_share_of_A_is_over_cases_after_merging()
    {
        var stats = ProposalStatistics.FromFigures(ShundeFigures(), out var findings);
        findings.Should().BeEmpty();
        stats.Inconsistencies.Should().BeEmpty();
        var share = new Measure("share.proposals.outcome_a");
        stats.StatedRates[share].Should().Be(53.4m);
        var variant = stats.RateVariants[share];
        variant.Denominator.Should().Be(Measures.Proposals.Cases);
        variant.Numerator.Should().Equal(Measures.Proposals.OutcomeA);

        // 362 / 678 = 53.39 % prints as 53.4 %; over filed 987 it would be 36.7 %.
        RateInference.InferNumerator(53.4m, 678).Candidates.Should().Be(Bounds.Exactly(362));
        RateInference.InferNumerator(53.4m, 987).Numerator.Should().NotBe(362);

        // The options found from the report compute the adoption rate over cases.
        stats.FoundRateOptions.Resolve(Measures.Rates.Adoption).Denominator.Should().Be(Measures.Proposals.Cases);
        stats.GetRate(Measures.Rates.Adoption, stats.FoundRateOptions).Should().Be(Rate.Of(362, 678));
        stats.GetRate(Measures.Rates.Adoption).Should().Be(Rate.Of(362, 987), "the default formula stays DOMAIN.md's");
    }

    [Fact]
    public void Shunde_share_of_B_without_its_count_implies_the_numerator_over_cases()
    {
        var stats = ProposalStatistics.FromFigures([.. ShundeFigures(), Percent(Shunde, Y2021, "share.proposals.outcome_b", 39.7m)], out var findings);
        findings.Should().BeEmpty();
        stats.RateVariants[new Measure("share.proposals.outcome_b")].Denominator.Should().Be(Measures.Proposals.Cases);
        // 39.7 % of 678 = 269.2 → 269 (39.67 %) is the only whole count printing as 39.7 %.
        RateInference.InferNumerator(39.7m, 678).Numerator.Should().Be(269);
        stats.GetCount(Measures.Proposals.OutcomeB).Should().Be(Bounds.Exactly(269));
    }

    [Fact]
    public void Dongcheng_2015_adoption_including_planned_fits_over_received_not_filed()
    {
        Figure[] figures =
        [
            Count(Dongcheng, Y2015, "proposals.received", 305),
            Count(Dongcheng, Y2015, "proposals.filed", 276),
            Percent(Dongcheng, Y2015, "rate.adoption_including_planned", 63.9m), // 得到采纳和部分采纳的占63.9%
        ];
        RateInference.InferNumerator(63.9m, 276).Kind.Should().Be(InferenceOutcome.None);
        RateInference.InferNumerator(63.9m, 305).Numerator.Should().Be(195);

        var stats = ProposalStatistics.FromFigures(figures, out var findings);
        findings.Should().BeEmpty();
        var variant = stats.RateVariants[Measures.Rates.AdoptionIncludingPlanned];
        variant.Denominator.Should().Be(Measures.Proposals.Received);
        stats.FoundRateOptions.Resolve(Measures.Rates.AdoptionIncludingPlanned).Denominator.Should().Be(Measures.Proposals.Received);

        // With A and B known (130 + 65 = 195), the found options compute 195 / 305 = 63.93 %, which prints as 63.9 %.
        var withCounts = ProposalStatistics.FromFigures([.. figures, Count(Dongcheng, Y2015, "proposals.outcome_a", 130), Count(Dongcheng, Y2015, "proposals.outcome_b", 65)], out var f2);
        f2.Should().BeEmpty();
        withCounts.GetRate(Measures.Rates.AdoptionIncludingPlanned, withCounts.FoundRateOptions).Should().Be(Rate.Of(195, 305));
        withCounts.GetRate(Measures.Rates.AdoptionIncludingPlanned).Should().Be(Rate.Of(195, 276));
    }

    [Fact]
    public void Extracted_all_with_a_count_keeps_its_count_as_the_figures_value()
    {
        var context = new Zhengxie.Metrics.Extraction.ExtractionContext(Committee.Parse("330324"), Y2021, "yongjia");
        var result = new Zhengxie.Metrics.Extraction.ReportExtractor().Extract("全年立案145件，145件提案全部办复。", context);
        var replied = result.ToFigures().Single(f => f.Measure == Measures.Proposals.Replied);
        replied.Qualifier.Should().Be(Qualifier.All);
        replied.Value.Should().Be(145m);
        replied.Bounds.Should().Be(Bounds.Exactly(145));

        var stats = ProposalStatistics.FromFigures(result.ToFigures(), out var findings);
        findings.Should().BeEmpty();
        stats.ReplyRate.Should().Be(Rate.Of(145, 145));
    }
}
