using System;
using System.Linq;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Rates;

/// <summary>
/// The rate variants of docs/domain.md ("Rates"): the default formulas of the table there, the downstream
/// base (filed or cases), the satisfaction scale and base, and a caller's own definitions. The expected
/// formulas are written out from that table, not read back from the library.
/// </summary>
public class RateOptionsTest
{
    private static readonly string[] DefaultFormulas =
    [
        "proposals.filed / proposals.received",
        "proposals.replied / proposals.filed",
        "proposals.replied_on_time / proposals.filed",
        "proposals.concluded / proposals.filed",
        "proposals.outcome_a / proposals.filed",
        "(proposals.outcome_a + proposals.outcome_b) / proposals.filed",
        "(proposals.satisfied + proposals.basically_satisfied) / proposals.feedback",
    ];

    [Fact]
    public void The_defaults_are_the_formulas_of_the_domain_table()
    {
        RateOptions.Default.Definitions.Select(d => d.Measure.Id).Should().Equal(
            "rate.acceptance", "rate.reply", "rate.on_time_reply", "rate.conclusion", "rate.adoption", "rate.adoption_including_planned", "rate.satisfaction");
        RateOptions.Default.Definitions.Select(d => d.Formula).Should().Equal(DefaultFormulas);
        new RateOptions().Should().Be(RateOptions.Default);
    }

    [Fact]
    public void Cases_as_downstream_base_moves_every_downstream_rate_but_not_acceptance_or_satisfaction()
    {
        var options = new RateOptions { DownstreamBase = DownstreamBase.Cases };
        options.Definitions.Select(d => d.Formula).Should().Equal(
            "proposals.filed / proposals.received",
            "proposals.replied / proposals.cases",
            "proposals.replied_on_time / proposals.cases",
            "proposals.concluded / proposals.cases",
            "proposals.outcome_a / proposals.cases",
            "(proposals.outcome_a + proposals.outcome_b) / proposals.cases",
            "(proposals.satisfied + proposals.basically_satisfied) / proposals.feedback");
    }

    [Theory]
    [InlineData(SatisfactionCounting.SatisfiedOnly, SatisfactionBase.Feedback, DownstreamBase.Filed, "proposals.satisfied / proposals.feedback")]
    [InlineData(SatisfactionCounting.SatisfiedOnly, SatisfactionBase.Filed, DownstreamBase.Filed, "proposals.satisfied / proposals.filed")]
    [InlineData(SatisfactionCounting.SatisfiedAndBasicallySatisfied, SatisfactionBase.Filed, DownstreamBase.Filed, "(proposals.satisfied + proposals.basically_satisfied) / proposals.filed")]
    [InlineData(SatisfactionCounting.SatisfiedAndBasicallySatisfied, SatisfactionBase.Filed, DownstreamBase.Cases, "(proposals.satisfied + proposals.basically_satisfied) / proposals.cases")]
    [InlineData(SatisfactionCounting.SatisfiedOnly, SatisfactionBase.Feedback, DownstreamBase.Cases, "proposals.satisfied / proposals.feedback")]
    public void Satisfaction_follows_its_scale_and_base(SatisfactionCounting counting, SatisfactionBase satisfactionBase, DownstreamBase downstream, string formula)
    {
        var options = new RateOptions { SatisfactionCounting = counting, SatisfactionBase = satisfactionBase, DownstreamBase = downstream };
        options.Resolve(RateDefinition.Satisfaction).Formula.Should().Be(formula);
        options.Resolve(Measures.Rates.Satisfaction).Formula.Should().Be(formula);

        // The other rates do not depend on the satisfaction settings.
        options.Resolve(RateDefinition.Acceptance).Formula.Should().Be("proposals.filed / proposals.received");
        options.Resolve(RateDefinition.Reply).Formula.Should().Be(downstream == DownstreamBase.Cases ? "proposals.replied / proposals.cases" : "proposals.replied / proposals.filed");
    }

    [Fact]
    public void A_caller_definition_overrides_the_standard_one_and_the_old_adoption_identifier_finds_it()
    {
        var replyOverReceived = new RateDefinition(Measures.Rates.Reply, [Measures.Proposals.Replied], Measures.Proposals.Received);
        var aOverCases = new RateDefinition(Measures.Rates.AdoptionIncludingPlanned, [Measures.Proposals.OutcomeA], Measures.Proposals.Cases);
        var options = RateOptions.Default.WithDefinition(replyOverReceived).WithDefinition(aOverCases);

        options.Overrides.Should().Equal(replyOverReceived, aOverCases);
        options.Resolve(RateDefinition.Reply).Should().BeSameAs(replyOverReceived);
        options.Resolve(Measures.Rates.Reply).Should().BeSameAs(replyOverReceived);
        options.Resolve(new Measure("rate.resolution_adoption")).Should().BeSameAs(aOverCases);
        options.Resolve(RateDefinition.Conclusion).Formula.Should().Be("proposals.concluded / proposals.filed");

        // Only rates over filed proposals move to cases: opinion information keeps its own base.
        new RateOptions { DownstreamBase = DownstreamBase.Cases }.Resolve(RateDefinition.OpinionInfoAdoptionByProvince).Should().Be(RateDefinition.OpinionInfoAdoptionByProvince);
        options.Definitions[1].Should().BeSameAs(replyOverReceived);
        options.Definitions[5].Should().BeSameAs(aOverCases);

        // A second definition of the same rate replaces the first.
        var replyOverCases = new RateDefinition(Measures.Rates.Reply, [Measures.Proposals.Replied], Measures.Proposals.Cases);
        var replaced = options.WithDefinition(replyOverCases);
        replaced.Overrides.Should().Equal(aOverCases, replyOverCases);
        replaced.Resolve(Measures.Rates.Reply).Should().BeSameAs(replyOverCases);
    }

    [Fact]
    public void The_old_adoption_identifier_resolves_to_the_standard_adoption_including_planned()
    {
        RateOptions.Default.Resolve(new Measure("rate.resolution_adoption")).Should().Be(RateDefinition.AdoptionIncludingPlanned);
        RateOptions.Default.Resolve(Measures.Rates.Adoption).Should().Be(RateDefinition.Adoption);
    }

    [Fact]
    public void Bad_definitions_and_unknown_rates_are_rejected()
    {
        var reply = RateDefinition.Reply;
        var twice = () => new RateOptions { Overrides = [reply, reply.WithDenominator(Measures.Proposals.Cases)] };
        twice.Should().Throw<ArgumentException>().WithMessage("*of a rate of its own*");
        var withNull = () => new RateOptions { Overrides = [reply, null!] };
        withNull.Should().Throw<ArgumentException>();
        var nullList = () => new RateOptions { Overrides = null! };
        nullList.Should().Throw<ArgumentNullException>();
        var unknown = () => RateOptions.Default.Resolve(new Measure("rate.unheard_of"));
        unknown.Should().Throw<ArgumentException>().WithMessage("*rate.unheard_of*");
        var nullDefinition = () => RateOptions.Default.Resolve((RateDefinition)null!);
        nullDefinition.Should().Throw<ArgumentNullException>();
        var nullWith = () => RateOptions.Default.WithDefinition(null!);
        nullWith.Should().Throw<ArgumentNullException>();
        new RateOptions { Overrides = [reply] }.Overrides.Should().Equal(reply);
    }

    [Fact]
    public void Options_are_equal_when_every_setting_is()
    {
        var a = new RateOptions { DownstreamBase = DownstreamBase.Cases, Overrides = [RateDefinition.Reply] };
        var b = new RateOptions { DownstreamBase = DownstreamBase.Cases, Overrides = [RateDefinition.Reply] };
        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Should().NotBe(b with { DownstreamBase = DownstreamBase.Filed });
        a.Should().NotBe(b with { SatisfactionCounting = SatisfactionCounting.SatisfiedOnly });
        a.Should().NotBe(b with { SatisfactionBase = SatisfactionBase.Filed });
        a.Should().NotBe(b with { Overrides = [RateDefinition.Conclusion] });
        a.Equals(null).Should().BeFalse();
    }

    [Fact]
    public void A_definition_checks_its_parts_and_formats_its_formula()
    {
        var satisfaction = RateDefinition.Satisfaction;
        satisfaction.ToString().Should().Be("rate.satisfaction = (proposals.satisfied + proposals.basically_satisfied) / proposals.feedback");
        satisfaction.WithNumerator([Measures.Proposals.Satisfied]).Formula.Should().Be("proposals.satisfied / proposals.feedback");
        satisfaction.WithDenominator(Measures.Proposals.Filed).Formula.Should().Be("(proposals.satisfied + proposals.basically_satisfied) / proposals.filed");
        satisfaction.Should().Be(new RateDefinition(Measures.Rates.Satisfaction, [Measures.Proposals.Satisfied, Measures.Proposals.BasicallySatisfied], Measures.Proposals.Feedback));
        satisfaction.GetHashCode().Should().Be(new RateDefinition(Measures.Rates.Satisfaction, [Measures.Proposals.Satisfied, Measures.Proposals.BasicallySatisfied], Measures.Proposals.Feedback).GetHashCode());
        satisfaction.Should().NotBe(new RateDefinition(Measures.Rates.Satisfaction, [Measures.Proposals.BasicallySatisfied, Measures.Proposals.Satisfied], Measures.Proposals.Feedback));
        satisfaction.Should().NotBe(satisfaction.WithDenominator(Measures.Proposals.Filed));
        satisfaction.Should().NotBe(new RateDefinition(new Measure("rate.other"), satisfaction.Numerator, satisfaction.Denominator));
        satisfaction.Equals((object?)null).Should().BeFalse();

        var notRate = () => new RateDefinition(Measures.Proposals.Filed, [Measures.Proposals.Replied], Measures.Proposals.Filed);
        notRate.Should().Throw<ArgumentException>().WithMessage("'proposals.filed' is not a rate identifier*");
        var empty = () => new RateDefinition(Measures.Rates.Reply, [], Measures.Proposals.Filed);
        empty.Should().Throw<ArgumentException>().WithMessage("*at least one numerator measure*");
        var duplicate = () => new RateDefinition(Measures.Rates.Reply, [Measures.Proposals.Replied, Measures.Proposals.Replied], Measures.Proposals.Filed);
        duplicate.Should().Throw<ArgumentException>().WithMessage("*appears twice*");
        var rateInNumerator = () => new RateDefinition(Measures.Rates.Reply, [Measures.Rates.Acceptance], Measures.Proposals.Filed);
        rateInNumerator.Should().Throw<ArgumentException>().WithMessage("*Numerator measures must be counts*");
        var rateAsDenominator = () => new RateDefinition(Measures.Rates.Reply, [Measures.Proposals.Replied], Measures.Rates.Acceptance);
        rateAsDenominator.Should().Throw<ArgumentException>().WithMessage("*denominator must be a count*");
        var defaultDenominator = () => new RateDefinition(Measures.Rates.Reply, [Measures.Proposals.Replied], default);
        defaultDenominator.Should().Throw<ArgumentException>();
        var nullNumerator = () => new RateDefinition(Measures.Rates.Reply, null!, Measures.Proposals.Filed);
        nullNumerator.Should().Throw<ArgumentNullException>();
    }
}
