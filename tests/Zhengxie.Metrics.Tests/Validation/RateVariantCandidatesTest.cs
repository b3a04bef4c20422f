using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Validation;
using static Zhengxie.Metrics.Tests.Statistics.FigureFactory;

namespace Zhengxie.Metrics.Tests.Validation;

/// <summary>
/// The formula variants the analysis tries for a stated rate (docs/domain.md's table of variants), in the
/// order it tries them, and the base a share's sentence names (「占立案数的」, 「占提案总数的」).
/// </summary>
public class RateVariantCandidatesTest
{
    private static string[] Formulas(string rate, string? quote = null, IReadOnlyDictionary<Measure, Bounds>? counts = null)
    {
        var figure = new Figure(Wudang, Year2022, new Measure(rate), 50, FigureUnit.Percent, Qualifier.PercentReported, source: quote is null ? null : new FigureSource("report", quote));
        var candidates = ProposalFigureAnalysis.Candidates(figure, counts);
        candidates.Where(d => d.Measure != figure.Measure).Should().BeEmpty();
        return candidates.Select(d => d.Formula).ToArray();
    }

    [Fact]
    public void Acceptance_is_filed_over_received_only()
    {
        Formulas("rate.acceptance").Should().Equal("proposals.filed / proposals.received");
    }

    [Theory]
    [InlineData("rate.reply", "proposals.replied")]
    [InlineData("rate.on_time_reply", "proposals.replied_on_time")]
    [InlineData("rate.conclusion", "proposals.concluded")]
    public void Downstream_rates_are_over_filed_then_cases(string rate, string numerator)
    {
        Formulas(rate).Should().Equal(numerator + " / proposals.filed", numerator + " / proposals.cases");
    }

    [Fact]
    public void Adoption_tries_a_alone_before_a_plus_b_over_each_base()
    {
        Formulas("rate.adoption").Should().Equal(
            "proposals.outcome_a / proposals.filed",
            "(proposals.outcome_a + proposals.outcome_b) / proposals.filed",
            "proposals.outcome_a / proposals.cases",
            "(proposals.outcome_a + proposals.outcome_b) / proposals.cases",
            "proposals.outcome_a / proposals.replied",
            "(proposals.outcome_a + proposals.outcome_b) / proposals.replied",
            "proposals.outcome_a / proposals.received",
            "(proposals.outcome_a + proposals.outcome_b) / proposals.received");
    }

    [Theory]
    [InlineData("rate.adoption_including_planned")]
    [InlineData("rate.resolution_adoption")]
    public void Adoption_including_planned_tries_a_plus_b_first_under_either_identifier(string rate)
    {
        Formulas(rate).Should().Equal(
            "(proposals.outcome_a + proposals.outcome_b) / proposals.filed",
            "proposals.outcome_a / proposals.filed",
            "(proposals.outcome_a + proposals.outcome_b) / proposals.cases",
            "proposals.outcome_a / proposals.cases",
            "(proposals.outcome_a + proposals.outcome_b) / proposals.replied",
            "proposals.outcome_a / proposals.replied",
            "(proposals.outcome_a + proposals.outcome_b) / proposals.received",
            "proposals.outcome_a / proposals.received");
    }

    [Fact]
    public void Satisfaction_tries_three_numerators_over_four_bases()
    {
        Formulas("rate.satisfaction").Should().Equal(
            "(proposals.satisfied + proposals.basically_satisfied) / proposals.feedback",
            "proposals.satisfied_or_basically / proposals.feedback",
            "proposals.satisfied / proposals.feedback",
            "(proposals.satisfied + proposals.basically_satisfied) / proposals.filed",
            "proposals.satisfied_or_basically / proposals.filed",
            "proposals.satisfied / proposals.filed",
            "(proposals.satisfied + proposals.basically_satisfied) / proposals.cases",
            "proposals.satisfied_or_basically / proposals.cases",
            "proposals.satisfied / proposals.cases",
            "(proposals.satisfied + proposals.basically_satisfied) / proposals.replied",
            "proposals.satisfied_or_basically / proposals.replied",
            "proposals.satisfied / proposals.replied");
    }

    [Fact]
    public void Opinion_information_rates_are_over_what_was_submitted()
    {
        Formulas("rate.opinion_info_adoption.province").Should().Equal("opinion_info.adopted.province / opinion_info.submitted");
        Formulas("rate.opinion_info_adoption.national").Should().Equal("opinion_info.adopted.national / opinion_info.submitted");
        Formulas("rate.opinion_info_adoption").Should().Equal(
            "opinion_info.adopted.prefecture / opinion_info.submitted",
            "opinion_info.adopted.province / opinion_info.submitted",
            "opinion_info.adopted.national / opinion_info.submitted");

        // Further levels the report counts come after the three standard ones, in identifier order; other counts do not.
        var counts = new Dictionary<Measure, Bounds>
        {
            [new Measure("opinion_info.adopted.province")] = Bounds.Exactly(3),
            [new Measure("opinion_info.adopted.municipal_leaders")] = Bounds.Exactly(2),
            [new Measure("opinion_info.adopted.county")] = Bounds.Exactly(4),
            [new Measure("opinion_info.submitted")] = Bounds.Exactly(40),
            [new Measure("proposals.filed")] = Bounds.Exactly(40),
        };
        Formulas("rate.opinion_info_adoption", counts: counts).Should().Equal(
            "opinion_info.adopted.prefecture / opinion_info.submitted",
            "opinion_info.adopted.province / opinion_info.submitted",
            "opinion_info.adopted.national / opinion_info.submitted",
            "opinion_info.adopted.county / opinion_info.submitted",
            "opinion_info.adopted.municipal_leaders / opinion_info.submitted");
    }

    [Fact]
    public void A_rate_the_analysis_does_not_know_has_no_variants()
    {
        Formulas("rate.custom").Should().BeEmpty();
        Formulas("rate.opinion_info_adoptionx").Should().BeEmpty();
    }

    [Theory]
    [InlineData("share.proposals.outcome_b", "proposals.filed", "proposals.cases", "proposals.replied", "proposals.received")]
    [InlineData("share.proposals.satisfied", "proposals.feedback", "proposals.filed", "proposals.cases", "proposals.replied")]
    [InlineData("share.proposals.basically_satisfied", "proposals.feedback", "proposals.filed", "proposals.cases", "proposals.replied")]
    [InlineData("share.proposals.satisfied_or_basically", "proposals.feedback", "proposals.filed", "proposals.cases", "proposals.replied")]
    [InlineData("share.proposals.dissatisfied", "proposals.feedback", "proposals.filed", "proposals.cases", "proposals.replied")]
    [InlineData("share.proposals.very_satisfied", "proposals.feedback", "proposals.filed", "proposals.cases", "proposals.replied")]
    [InlineData("share.proposals.replied", "proposals.filed", "proposals.cases")]
    [InlineData("share.proposals.replied_on_time", "proposals.filed", "proposals.cases")]
    [InlineData("share.proposals.concluded", "proposals.filed", "proposals.cases")]
    [InlineData("share.proposals.key", "proposals.filed", "proposals.cases", "proposals.received")]
    [InlineData("share.proposals.filed", "proposals.received", "proposals.cases", "proposals.replied")]
    [InlineData("share.proposals.merged", "proposals.received", "proposals.filed", "proposals.cases", "proposals.replied")]
    [InlineData("share.opinion_info.adopted.province", "opinion_info.submitted")]
    public void A_share_is_of_the_bases_its_count_can_be_part_of(string share, params string[] bases)
    {
        string part = share["share.".Length..];
        Formulas(share).Should().Equal(bases.Select(b => part + " / " + b));
    }

    [Theory]
    [InlineData("其中A类提案占立案提案的52%", "proposals.filed")]
    [InlineData("A类占交办提案52%", "proposals.cases")]
    [InlineData("A类占并案后提案的52%", "proposals.cases")]
    [InlineData("占办复提案的52%", "proposals.replied")]
    [InlineData("占已答复提案52%", "proposals.replied")]
    [InlineData("占提案总数的4%", "proposals.received")]
    [InlineData("占收到提案的4%", "proposals.received")]
    [InlineData("占提交提案4%", "proposals.received")]
    [InlineData("占全部提案的4%", "proposals.received")]
    public void A_sentence_naming_the_base_leaves_that_base_only(string quote, string expected)
    {
        ProposalFigureAnalysis.NamedBase(quote).Should().Be(new Measure(expected));
        Formulas("share.proposals.outcome_a", quote).Should().Equal("proposals.outcome_a / " + expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A类提案52件，立案提案100件")]
    [InlineData("A类占比52%")]
    [InlineData("占52%，立案提案100件")]
    [InlineData("占百分之五十二，立案提案100件")]
    public void A_sentence_without_a_base_word_before_the_number_names_none(string? quote)
    {
        ProposalFigureAnalysis.NamedBase(quote).Should().BeNull();
        Formulas("share.proposals.outcome_a", quote).Should().HaveCount(4);
    }

    [Fact]
    public void A_share_of_its_own_base_keeps_the_other_bases()
    {
        // 「立案提案占收到提案的」 names received, the share's own count is filed: received only.
        Formulas("share.proposals.filed", "立案提案占收到提案的90%").Should().Equal("proposals.filed / proposals.received");

        // A sentence naming the share's own count as base cannot be right: every other base stays.
        Formulas("share.proposals.filed", "占立案提案的90%").Should().Equal(
            "proposals.filed / proposals.received", "proposals.filed / proposals.cases", "proposals.filed / proposals.replied");
    }
}
