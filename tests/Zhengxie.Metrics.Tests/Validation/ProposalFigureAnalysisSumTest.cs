using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using static Zhengxie.Metrics.Tests.Statistics.FigureFactory;

namespace Zhengxie.Metrics.Tests.Validation;

/// <summary>
/// The sum of a stated rate's numerator parts (<c>SumOf</c> in <c>ProposalFigureAnalysis.Variants.cs</c>), against run 3's
/// survivors there: a part with no upper end (「至少」) makes the sum open, and upper ends that add up to exactly 2⁶³ − 1
/// still make a closed interval. Both are reached because the rate is checked in the round that implies its
/// denominator (filed from received and the acceptance rate), before the chain caps the parts.
/// </summary>
public class ProposalFigureAnalysisSumTest
{
    private const string Adoption = "rate.adoption_including_planned";

    private static List<string> Findings(params Figure[] figures)
    {
        ProposalStatistics.FromFigures(figures, out var found);
        return found.Select(f => f.ToString()).ToList();
    }

    [Fact]
    public void A_numerator_part_with_no_upper_end_makes_the_sum_open()
    {
        // A 「至少10件」, B 5件: the numerator is 15.. (at least 15), not 15..5.
        var contradicting = Findings(
            Count("proposals.received", 354), Stated("rate.acceptance", 78.5m),
            Count("proposals.outcome_a", 10, Qualifier.AtLeast), Count("proposals.outcome_b", 5), Stated(Adoption, 1));

        contradicting.Where(f => f.StartsWith("[RateContradictsCounts]", System.StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().StartWith("[RateContradictsCounts] (source inconsistency) committee 520112, period 2022, measure rate.adoption_including_planned: the stated 1% needs a numerator of ")
            .And.EndWith(" over proposals.filed = 278 ((proposals.outcome_a + proposals.outcome_b) / proposals.filed), but the counts give 15...");

        // 50 % of 278 (138..141) lies within 15.., so the same parts fit.
        var fitting = Findings(
            Count("proposals.received", 354), Stated("rate.acceptance", 78.5m),
            Count("proposals.outcome_a", 10, Qualifier.AtLeast), Count("proposals.outcome_b", 5), Stated(Adoption, 50));

        fitting.Should().NotContain(f => f.StartsWith("[RateContradictsCounts]", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Upper_ends_that_sum_to_exactly_the_largest_count_make_a_closed_interval()
    {
        // A 9223372036854775608件, B 「100余件」 (101..199): the numerator is 9223372036854775709..9223372036854775807, whose
        // upper end is exactly 2⁶³ − 1 and still an upper end.
        var findings = Findings(
            Count("proposals.received", 354), Stated("rate.acceptance", 78.5m),
            Count("proposals.outcome_a", 9223372036854775608m), Count("proposals.outcome_b", 100, Qualifier.MoreThan), Stated(Adoption, 50));

        findings.Should().Contain(
            "[RateContradictsCounts] (source inconsistency) committee 520112, period 2022, measure rate.adoption_including_planned: the stated 50% needs a numerator of 138..141 over proposals.filed = 278 ((proposals.outcome_a + proposals.outcome_b) / proposals.filed), but the counts give 9223372036854775709..9223372036854775807.");
    }
}
