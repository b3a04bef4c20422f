using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Validation;
using static Zhengxie.Metrics.Tests.Statistics.FigureFactory;

namespace Zhengxie.Metrics.Tests.Validation;

/// <summary>
/// The propagation of the proposal analysis through 「全部」, the chain and stated rates, seen through
/// <see cref="ProposalStatistics"/>: which counts it narrows or implies, which it leaves as published, and the
/// findings of a stated rate whose denominator is known only after another rate implied it.
/// </summary>
public class ProposalFigureAnalysisTest
{
    private static ProposalStatistics Analyse(IReadOnlyList<Figure> figures, out List<string> findings)
    {
        var stats = ProposalStatistics.FromFigures(figures, out var found);
        findings = found.Select(f => f.ToString()).ToList();
        return stats;
    }

    [Fact]
    public void All_with_a_stated_count_and_no_denominator_gives_the_denominator_that_count()
    {
        // 「121件提案已全部办复」 with filed not stated: filed is 121.
        var stats = Analyse([Count("proposals.replied", 121, Qualifier.All)], out var findings);
        findings.Should().BeEmpty();
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Exactly(121));
        stats.GetCount(Measures.Proposals.Replied).Should().Be(Bounds.Exactly(121));
        stats.ReplyRate.Should().Be(Rate.Of(121, 121));
    }

    [Fact]
    public void All_narrows_the_count_and_its_denominator_to_what_both_allow()
    {
        // filed 「90余」 (91..99), replied 95 and 「全部办复」: both are 95.
        var stats = Analyse([Count("proposals.filed", 90, Qualifier.MoreThan), Count("proposals.replied", 95), All("proposals.replied")], out var findings);
        findings.Should().BeEmpty();
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Exactly(95));
        stats.GetCount(Measures.Proposals.Replied).Should().Be(Bounds.Exactly(95));

        // Received 「近100」 (91..99), filed 「全部」 and stated 「90余」: both 91..99.
        stats = Analyse([Count("proposals.received", 100, Qualifier.Nearly), Count("proposals.filed", 90, Qualifier.MoreThan), All("proposals.filed")], out findings);
        findings.Should().BeEmpty();
        stats.GetCount(Measures.Proposals.Received).Should().Be(Bounds.Between(91, 99));
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Between(91, 99));
    }

    [Fact]
    public void An_open_whole_is_raised_to_its_parts_and_an_open_part_capped_by_its_whole()
    {
        var stats = Analyse([Count("proposals.received", 100, Qualifier.AtLeast), Count("proposals.filed", 150)], out var findings);
        findings.Should().BeEmpty();
        stats.GetCount(Measures.Proposals.Received).Should().Be(Bounds.AtLeast(150));
        stats.GetCount(Measures.Proposals.Received).HasUpperBound.Should().BeFalse();

        stats = Analyse([Count("proposals.received", 100), Count("proposals.filed", 50, Qualifier.AtLeast), Count("proposals.not_filed", 20)], out findings);
        findings.Should().BeEmpty();
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Between(50, 80));
        stats.GetCount(Measures.Proposals.NotFiled).Should().Be(Bounds.Exactly(20));
        stats.GetCount(Measures.Proposals.Received).Should().Be(Bounds.Exactly(100));
    }

    [Fact]
    public void A_fitting_rate_does_not_narrow_a_count_already_contradicted()
    {
        // replied_on_time 「60余」 (61..69) exceeds replied 50: a broken link, so the on-time rate of 65 % over filed 100, though it
        // fits, does not make replied_on_time 65.
        var stats = Analyse(
            [Count("proposals.filed", 100), Count("proposals.replied", 50), Count("proposals.replied_on_time", 60, Qualifier.MoreThan), Stated("rate.on_time_reply", 65)],
            out var findings);
        findings.Should().Equal(
            "[CountExceedsBound] (source inconsistency) committee 520112, period 2022, measure proposals.replied_on_time: proposals.replied_on_time = 61..69 exceeds proposals.replied = 50.");
        stats.GetCount(Measures.Proposals.RepliedOnTime).Should().Be(Bounds.Between(61, 69));
        stats.IsInconsistent(Measures.Proposals.RepliedOnTime).Should().BeTrue();
        stats.IsInconsistent(Measures.Proposals.Replied).Should().BeTrue();
        stats.IsInconsistent(Measures.Proposals.Filed).Should().BeFalse();
        stats.IsInconsistent(Measures.Rates.OnTimeReply).Should().BeFalse();

        // Not contradicted, the same rate makes it 65.
        stats = Analyse(
            [Count("proposals.filed", 100), Count("proposals.replied", 80), Count("proposals.replied_on_time", 60, Qualifier.MoreThan), Stated("rate.on_time_reply", 65)],
            out findings);
        findings.Should().BeEmpty();
        stats.GetCount(Measures.Proposals.RepliedOnTime).Should().Be(Bounds.Exactly(65));
    }

    [Fact]
    public void A_rate_over_a_denominator_another_rate_implied_is_checked_then()
    {
        // 78.5 % of 354 received implies 278 filed; no whole number of 278 rounds to 33.3 % (92 is 33.09 %, 93 is 33.45 %).
        var stats = Analyse([Count("proposals.received", 354), Stated("rate.acceptance", 78.5m), Stated("rate.reply", 33.3m)], out var findings);
        findings.Should().Equal(
            "[RateContradictsCounts] (source inconsistency) committee 520112, period 2022, measure rate.reply: no whole numerator over proposals.filed = 278 gives the stated 33.3% (proposals.replied / proposals.filed).");
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Exactly(278));
        stats.TryGetCount(Measures.Proposals.Replied, out _).Should().BeFalse();
        stats.IsInconsistent(Measures.Rates.Reply).Should().BeTrue();
        stats.IsInconsistent(Measures.Rates.Acceptance).Should().BeFalse();
        stats.RateVariants.Should().ContainKey(Measures.Rates.Acceptance).And.NotContainKey(Measures.Rates.Reply);

        // 50 % of 278 is 138..141 replied (rounded, or cut off, to a whole percent), not the 100 stated.
        stats = Analyse([Count("proposals.received", 354), Stated("rate.acceptance", 78.5m), Count("proposals.replied", 100), Stated("rate.reply", 50)], out findings);
        findings.Should().Equal(
            "[RateContradictsCounts] (source inconsistency) committee 520112, period 2022, measure rate.reply: the stated 50% needs a numerator of 138..141 over proposals.filed = 278 (proposals.replied / proposals.filed), but the counts give 100.");
        stats.GetCount(Measures.Proposals.Replied).Should().Be(Bounds.Exactly(100));
        stats.IsInconsistent(Measures.Rates.Reply).Should().BeTrue();

        // And 50 % with 139 replied fits.
        stats = Analyse([Count("proposals.received", 354), Stated("rate.acceptance", 78.5m), Count("proposals.replied", 139), Stated("rate.reply", 50)], out findings);
        findings.Should().BeEmpty();
        stats.ReplyRate.Should().Be(Rate.Of(139, 278));
    }

    [Fact]
    public void A_rate_whose_numerator_parts_are_beyond_64_bits_says_so()
    {
        // The rate is checked in the round that implies filed = 278, the chain over filed in the next one.
        var stats = Analyse(
            [
                Count("proposals.received", 354), Stated("rate.acceptance", 78.5m),
                Count("proposals.outcome_a", long.MaxValue), Count("proposals.outcome_b", long.MaxValue), Stated("rate.adoption_including_planned", 50),
            ],
            out var findings);
        findings.Should().Equal(
            "[RateContradictsCounts] (source inconsistency) committee 520112, period 2022, measure rate.adoption_including_planned: the stated 50% needs a numerator of 138..141 over proposals.filed = 278 ((proposals.outcome_a + proposals.outcome_b) / proposals.filed), but the counts give more than a 64-bit count.",
            "[CountExceedsBound] (source inconsistency) committee 520112, period 2022, measure proposals.outcome_a: proposals.outcome_a = 9223372036854775807 + proposals.outcome_b = 9223372036854775807 exceeds proposals.filed = 278.");
        stats.IsInconsistent(Measures.Rates.AdoptionIncludingPlanned).Should().BeTrue();
        stats.IsInconsistent(new Measure("rate.resolution_adoption")).Should().BeTrue();
        stats.IsInconsistent(Measures.Rates.Acceptance).Should().BeFalse();
        stats.IsInconsistent(Measures.Proposals.OutcomeB).Should().BeTrue();
        stats.IsInconsistent(Measures.Proposals.Filed).Should().BeTrue();
        stats.IsInconsistent(Measures.Proposals.Received).Should().BeFalse();
    }

    [Fact]
    public void All_contradicting_its_denominator_marks_the_measure_inconsistent()
    {
        var stats = Analyse([Count("proposals.filed", 100), Count("proposals.replied", 90), All("proposals.replied")], out var findings);
        findings.Should().ContainSingle().Which.Should().StartWith("[AllContradictsDenominator]");
        stats.IsInconsistent(Measures.Proposals.Replied).Should().BeTrue();
        stats.IsInconsistent(Measures.Proposals.Filed).Should().BeTrue();
        stats.IsInconsistent(Measures.Proposals.Received).Should().BeFalse();
    }

    [Fact]
    public void A_rate_with_no_formula_variant_and_a_count_qualified_all_outside_the_counts_are_kept_without_a_finding()
    {
        FigureValidator.Validate([Count("proposals.filed", 10), Stated("rate.custom", 50)]).Should().BeEmpty();
        FigureValidator.Validate([new Figure(Wudang, Year2022, new Measure("activity.inspection"), 5, FigureUnit.Times, Qualifier.All)]).Should().BeEmpty();
    }

    [Fact]
    public void A_share_sentence_without_a_number_after_zhan_still_names_its_base()
    {
        ProposalFigureAnalysis.NamedBase("重点提案占提案总数的一半").Should().Be(Measures.Proposals.Received);
        ProposalFigureAnalysis.NamedBase("占立案").Should().Be(Measures.Proposals.Filed);
    }

    [Fact]
    public void An_exception_from_no_findings_names_the_argument()
    {
        var none = () => new ValidationException((IEnumerable<ValidationFinding>)null!);
        none.Should().Throw<System.ArgumentNullException>().Which.ParamName.Should().Be("findings");
    }

    /// <summary>The links of the chain the message cases do not reach, each broken alone.</summary>
    public static TheoryData<string, string, long, string, long, string> ChainLinks => new()
    {
        { "proposals.merged", "proposals.received", 11, "CountExceedsBound", 10, "proposals.merged = 11 exceeds proposals.received = 10." },
        { "proposals.cases", "proposals.filed", 11, "CountExceedsBound", 10, "proposals.cases = 11 exceeds proposals.filed = 10." },
        { "proposals.replied_on_time", "proposals.filed", 11, "CountExceedsBound", 10, "proposals.replied_on_time = 11 exceeds proposals.filed = 10." },
        { "proposals.concluded", "proposals.filed", 11, "CountExceedsBound", 10, "proposals.concluded = 11 exceeds proposals.filed = 10." },
        { "proposals.satisfied", "proposals.feedback", 11, "CountExceedsBound", 10, "proposals.satisfied = 11 exceeds proposals.feedback = 10." },
        { "proposals.dissatisfied", "proposals.feedback", 11, "CountExceedsBound", 10, "proposals.dissatisfied = 11 exceeds proposals.feedback = 10." },
        { "proposals.key", "proposals.filed", 11, "CountExceedsBound", 10, "proposals.key = 11 exceeds proposals.filed = 10." },
        { "proposals.key_led_by_leaders", "proposals.key", 11, "CountExceedsBound", 10, "proposals.key_led_by_leaders = 11 exceeds proposals.key = 10." },
        { "opinion_info.adopted.prefecture", "opinion_info.submitted", 11, "CountExceedsBound", 10, "opinion_info.adopted.prefecture = 11 exceeds opinion_info.submitted = 10." },
        { "opinion_info.adopted.province", "opinion_info.submitted", 11, "CountExceedsBound", 10, "opinion_info.adopted.province = 11 exceeds opinion_info.submitted = 10." },
        { "opinion_info.adopted.national", "opinion_info.submitted", 11, "CountExceedsBound", 10, "opinion_info.adopted.national = 11 exceeds opinion_info.submitted = 10." },
    };

    [Theory]
    [MemberData(nameof(ChainLinks))]
    public void Each_link_of_the_chain_is_checked(string part, string whole, long partCount, string rule, long wholeCount, string message)
    {
        Figure[] figures = [Count(whole, wholeCount), Count(part, partCount)];
        string expected = $"[{rule}] (source inconsistency) committee 520112, period 2022, measure {part}: {message}";
        FigureValidator.Validate(figures).Select(f => f.ToString()).Should().Equal(expected);
        FigureValidator.Validate(figures, null, false, generalOnly: true).Select(f => f.ToString()).Should().Equal(expected);

        // At the whole, the part is fine; and an open part is capped by it.
        FigureValidator.Validate([Count(whole, wholeCount), Count(part, wholeCount)]).Should().BeEmpty();
        ProposalStatistics.FromFigures([Count(whole, wholeCount), Count(part, 5, Qualifier.AtLeast)]).GetCount(new Measure(part))
            .Should().Be(Bounds.Between(5, wholeCount));
    }

    [Theory]
    [InlineData("proposals.filed", "proposals.received")]
    [InlineData("proposals.cases", "proposals.filed")]
    [InlineData("proposals.replied", "proposals.filed")]
    [InlineData("proposals.replied_on_time", "proposals.filed")]
    [InlineData("proposals.concluded", "proposals.filed")]
    [InlineData("proposals.satisfied", "proposals.feedback")]
    [InlineData("proposals.basically_satisfied", "proposals.feedback")]
    public void All_refers_to_its_denominator(string measure, string denominator)
    {
        var stats = ProposalStatistics.FromFigures([Count(denominator, 40), All(measure)], out var findings);
        findings.Should().BeEmpty();
        stats.GetCount(new Measure(measure)).Should().Be(Bounds.Exactly(40));

        FigureValidator.Validate([All(measure)]).Select(f => f.ToString()).Should().Equal(
            $"[MissingDenominator] (source inconsistency) committee 520112, period 2022, measure {measure}: the figure is qualified 'all' (全部), but the denominator it refers to ({denominator}) is not stated.");
    }

    [Theory]
    [InlineData("proposals", "but")]
    [InlineData("proposals.custom", "but")]
    [InlineData("opinion_info.custom", "but")]
    [InlineData("proposalsx.custom", "and")]
    [InlineData("opinion_infox", "and")]
    [InlineData("activity.proposals", "and")]
    public void Only_the_proposal_and_opinion_information_families_are_counts(string measure, string word)
    {
        var figure = new Figure(Wudang, Year2022, new Measure(measure), null, FigureUnit.Piece, Qualifier.All);
        FigureValidator.Validate([figure]).Select(f => f.Message).Should().Equal(
            $"the figure is qualified 'all' (全部) without a count, {word} this measure has no denominator it could refer to.");
    }
}
