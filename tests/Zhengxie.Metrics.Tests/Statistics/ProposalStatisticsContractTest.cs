using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Validation;
using static Zhengxie.Metrics.Tests.Statistics.FigureFactory;

namespace Zhengxie.Metrics.Tests.Statistics;

/// <summary>
/// <see cref="ProposalStatistics"/>' contract outside the analysis of figures (against Stryker run 4's survivors and uncovered
/// mutants in <c>ProposalStatistics.cs</c>, whose filter ran only <c>Statistics/</c> and <c>Catalog/</c>): what
/// <see cref="ProposalStatistics.FromCounts"/> and the restoring of written statistics refuse and with which words, every
/// "not known" message (committee, period and measure), the numerator above its denominator, the argument checks of the
/// figure entries, errors before source inconsistencies, the look-ups of stated rates and their qualifiers, value equality
/// and the text.
/// </summary>
public class ProposalStatisticsContractTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");

    private static KeyValuePair<Measure, Bounds> C(string measure, long value) => new(new Measure(measure), Bounds.Exactly(value));

    private static ProposalStatistics Counts(params KeyValuePair<Measure, Bounds>[] counts) => ProposalStatistics.FromCounts(Wudang, Year2022, counts);

    [Fact]
    public void From_counts_keeps_each_count_zero_included_and_nothing_else()
    {
        var stats = Counts(C("proposals.received", 5), C("proposals.filed", 0), new(Measures.Proposals.Replied, Bounds.Between(0, 3)));

        stats.Committee.Should().Be(Wudang);
        stats.Period.Should().Be(Year2022);
        stats.Counts.Should().HaveCount(3);
        stats.GetCount(Measures.Proposals.Received).Should().Be(Bounds.Exactly(5));
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Exactly(0));
        stats.GetCount(Measures.Proposals.Replied).Should().Be(Bounds.Between(0, 3));
        stats.StatedRates.Should().BeEmpty();
        stats.RateVariants.Should().BeEmpty();
        stats.Inconsistencies.Should().BeEmpty();
        stats.FoundRateOptions.Should().Be(RateOptions.Default);
        stats.IsInconsistent(Measures.Proposals.Filed).Should().BeFalse();
        stats.IsContradictedPart(Measures.Proposals.Filed).Should().BeFalse();
        stats.TryGetStatedRate(Measures.Rates.Acceptance, out decimal percent).Should().BeFalse();
        percent.Should().Be(0m);
        stats.TryGetStatedRateQualifier(Measures.Rates.Acceptance, out _).Should().BeFalse();
        stats.AcceptanceRate.Should().Be(Rate.Of(0, 5));
    }

    [Fact]
    public void From_counts_refuses_missing_arguments_by_name()
    {
        var noCounts = () => ProposalStatistics.FromCounts(Wudang, Year2022, null!);
        var noCommittee = () => ProposalStatistics.FromCounts(default, Year2022, [C("proposals.filed", 1)]);
        var noPeriod = () => ProposalStatistics.FromCounts(Wudang, default, [C("proposals.filed", 1)]);

        noCounts.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("counts");
        noCommittee.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("Statistics need a committee. (Parameter 'committee')");
        noPeriod.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("Statistics need a period. (Parameter 'period')");
    }

    [Theory]
    [InlineData("rate.reply")]
    [InlineData("share.proposals.outcome_a")]
    [InlineData("")]
    public void From_counts_refuses_a_measure_that_is_no_count(string id)
    {
        var measure = id.Length == 0 ? default : new Measure(id);
        var act = () => Counts(C("proposals.filed", 1), new(measure, Bounds.Exactly(1)));

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be($"'{id}' is not a count measure. (Parameter 'counts')");
    }

    [Fact]
    public void From_counts_refuses_a_count_reaching_below_zero_and_a_measure_twice()
    {
        var negative = () => Counts(C("proposals.received", 5), new(Measures.Proposals.Filed, Bounds.Between(-2, 5)));
        var twice = () => Counts(C("proposals.filed", 5), C("proposals.received", 6), C("proposals.filed", 5));

        negative.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be(
            "Committee 520112, period 2022, measure proposals.filed: the count -2..5 is negative. (Parameter 'counts')");
        twice.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be(
            "Committee 520112, period 2022: measure proposals.filed appears twice. (Parameter 'counts')");
    }

    [Fact]
    public void A_count_not_known_is_named_with_committee_and_period()
    {
        var stats = Counts(C("proposals.filed", 10));

        var act = () => stats.GetCount(Measures.Proposals.Replied);

        act.Should().ThrowExactly<KeyNotFoundException>().Which.Message.Should().Be("Committee 520112, period 2022 has no count of proposals.replied.");
        stats.TryGetCount(Measures.Proposals.Replied, out _).Should().BeFalse();
    }

    [Fact]
    public void A_rate_names_the_count_it_lacks_the_denominator_first()
    {
        var onlyFiled = Counts(C("proposals.filed", 10));
        var nothing = Counts(C("proposals.received", 10));
        var noSatisfied = Counts(C("proposals.feedback", 10), C("proposals.basically_satisfied", 3));
        var noBasically = Counts(C("proposals.feedback", 10), C("proposals.satisfied", 3));

        Missing(onlyFiled, RateDefinition.Reply).Should().Be("Committee 520112, period 2022: rate.reply = proposals.replied / proposals.filed needs proposals.replied, which is not known.");
        Missing(nothing, RateDefinition.Reply).Should().Be("Committee 520112, period 2022: rate.reply = proposals.replied / proposals.filed needs proposals.filed, which is not known.");
        Missing(noSatisfied, RateDefinition.Satisfaction).Should().EndWith("needs proposals.satisfied, which is not known.");
        Missing(noBasically, RateDefinition.Satisfaction).Should().EndWith("needs proposals.basically_satisfied, which is not known.");
        onlyFiled.ReplyRate.Should().BeNull();
        onlyFiled.TryGetRate(Measures.Rates.Reply, out _).Should().BeFalse();
    }

    [Fact]
    public void A_numerator_above_its_denominator_is_refused_with_both_counts()
    {
        var reply = Counts(C("proposals.filed", 10), C("proposals.replied", 11));
        var satisfaction = Counts(C("proposals.feedback", 10), C("proposals.satisfied", 6), C("proposals.basically_satisfied", 5));

        var act = () => reply.GetRate(RateDefinition.Reply);
        var property = () => reply.ReplyRate;
        var pooled = () => satisfaction.GetRate(RateDefinition.Satisfaction);

        act.Should().ThrowExactly<ZhengxieMetricsException>().Which.Message.Should().Be(
            "Committee 520112, period 2022, measure rate.reply: the numerator proposals.replied = 11 exceeds the denominator proposals.filed = 10.");
        property.Should().ThrowExactly<ZhengxieMetricsException>();
        pooled.Should().ThrowExactly<ZhengxieMetricsException>().Which.Message.Should().Be(
            "Committee 520112, period 2022, measure rate.satisfaction: the numerator (proposals.satisfied + proposals.basically_satisfied) = 11 exceeds the denominator proposals.feedback = 10.");
    }

    [Fact]
    public void A_numerator_equal_to_its_denominator_or_reaching_above_only_by_its_bounds_is_a_rate()
    {
        var equal = Counts(C("proposals.filed", 10), C("proposals.replied", 10));
        var bounded = ProposalStatistics.FromCounts(Wudang, Year2022, [C("proposals.filed", 10), new(Measures.Proposals.Replied, Bounds.Between(8, 12))]);

        equal.ReplyRate.Should().Be(Rate.Of(10, 10));
        bounded.ReplyRate.Should().Be(Rate.FromBounds(Bounds.Between(8, 12), Bounds.Exactly(10)));
    }

    [Fact]
    public void Rates_refuse_null_definitions_and_options_by_name()
    {
        var stats = Counts(C("proposals.filed", 10), C("proposals.replied", 8));

        var noDefinition = () => stats.TryGetRate((RateDefinition)null!, out _);
        var noOptions = () => stats.TryGetRate(Measures.Rates.Reply, null!, out _);

        noDefinition.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("definition");
        noOptions.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("options");
    }

    [Fact]
    public void Every_rate_follows_the_options_given()
    {
        var stats = Counts(C("proposals.received", 1000), C("proposals.filed", 900), C("proposals.cases", 800), C("proposals.replied", 720));
        var overCases = new RateOptions { DownstreamBase = DownstreamBase.Cases };

        var byDefault = stats.GetRates();
        var byCases = stats.GetRates(overCases);

        byDefault.Single(kv => kv.Key.Measure == Measures.Rates.Reply).Value.Should().Be(Rate.Of(720, 900));
        byCases.Single(kv => kv.Key.Measure == Measures.Rates.Reply).Value.Should().Be(Rate.Of(720, 800));
        byCases.Single(kv => kv.Key.Measure == Measures.Rates.Reply).Key.Denominator.Should().Be(Measures.Proposals.Cases);
        byCases.Single(kv => kv.Key.Measure == Measures.Rates.Acceptance).Value.Should().Be(Rate.Of(900, 1000));
        byCases.Single(kv => kv.Key.Measure == Measures.Rates.Conclusion).Value.Should().BeNull();
        stats.TryGetRate(Measures.Rates.Reply, overCases, out var reply).Should().BeTrue();
        reply.Should().Be(Rate.Of(720, 800));
    }

    [Fact]
    public void The_figure_entries_refuse_an_unknown_mode_by_name()
    {
        var one = () => ProposalStatistics.FromFigures([Count("proposals.filed", 1)], (ValidationMode)99);
        var many = () => ProposalStatistics.FromFiguresByCommittee([Count("proposals.filed", 1)], (ValidationMode)99, out _);

        one.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("Unknown validation mode. (Parameter 'mode')");
        many.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("Unknown validation mode. (Parameter 'mode')");
    }

    [Fact]
    public void The_figure_entries_refuse_null_no_figure_and_a_null_figure()
    {
        var nullOne = () => ProposalStatistics.FromFigures(null!);
        var nullMany = () => ProposalStatistics.FromFiguresByCommittee(null!);
        var none = () => ProposalStatistics.FromFigures([]);
        var noneCollecting = () => ProposalStatistics.FromFigures([], out _);

        nullOne.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("figures");
        nullMany.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("figures");
        none.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("Statistics need at least one figure. (Parameter 'figures')");
        noneCollecting.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("Statistics need at least one figure. (Parameter 'figures')");
        foreach (var figures in new[] { new Figure[] { null! }, [Count("proposals.filed", 1), null!] })
        {
            var one = () => ProposalStatistics.FromFigures(figures);
            var many = () => ProposalStatistics.FromFiguresByCommittee(figures);
            one.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("A figure is null. (Parameter 'figures')");
            many.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("A figure is null. (Parameter 'figures')");
        }
    }

    [Fact]
    public void An_error_throws_with_errors_before_source_inconsistencies()
    {
        // filed 6 > received 5 is a source inconsistency (kept); a negative reply count is an error (left out).
        Figure[] figures = [Count("proposals.received", 5), Count("proposals.filed", 6), Count("proposals.replied", -1)];

        var act = () => ProposalStatistics.FromFigures(figures);

        act.Should().ThrowExactly<ValidationException>().Which.Findings.Select(f => f.Rule)
            .Should().Equal(ValidationRule.NegativeCount, ValidationRule.FiledExceedsReceived);
        var collected = ProposalStatistics.FromFigures(figures, ValidationMode.CollectFindings);
        collected.Counts.Keys.Should().BeEquivalentTo([Measures.Proposals.Received, Measures.Proposals.Filed]);
    }

    [Fact]
    public void A_source_inconsistency_is_kept_as_such_unless_strict()
    {
        Figure[] figures = [Count("proposals.received", 5), Count("proposals.filed", 6)];

        var stats = ProposalStatistics.FromFigures(figures, out var findings);
        var strict = () => ProposalStatistics.FromFigures(figures, ValidationMode.Throw, strict: true);

        findings.Should().ContainSingle().Which.Severity.Should().Be(FindingSeverity.SourceInconsistency);
        stats.Inconsistencies.Should().Equal(findings);
        ProposalStatistics.FromFigures(figures).Inconsistencies.Should().Equal(findings);
        strict.Should().ThrowExactly<ValidationException>().Which.Findings.Should().ContainSingle().Which.Severity.Should().Be(FindingSeverity.Error);
        stats.IsInconsistent(Measures.Proposals.Filed).Should().BeTrue();
        stats.IsInconsistent(Measures.Proposals.Received).Should().BeTrue();
        stats.IsInconsistent(Measures.Proposals.Replied).Should().BeFalse();
        stats.IsContradictedPart(Measures.Proposals.Filed).Should().BeTrue();
        stats.IsContradictedPart(Measures.Proposals.Received).Should().BeFalse();
    }

    [Fact]
    public void Consistent_figures_involve_no_measure_in_an_inconsistency()
    {
        var stats = ProposalStatistics.FromFigures([Count("proposals.received", 6), Count("proposals.filed", 5)]);

        stats.Inconsistencies.Should().BeEmpty();
        stats.IsInconsistent(Measures.Proposals.Filed).Should().BeFalse();
        stats.IsInconsistent(Measures.Rates.Acceptance).Should().BeFalse();
        stats.IsContradictedPart(Measures.Proposals.Filed).Should().BeFalse();
    }

    [Fact]
    public void Stated_rates_are_found_with_their_qualifier_and_others_are_not()
    {
        // 「办复率99%以上」 of 200 filed bounds replied to 198..200; 立案率 100 % of 200 received is printed.
        var stats = ProposalStatistics.FromFigures(
        [
            Count("proposals.received", 200),
            Count("proposals.filed", 200),
            new Figure(Wudang, Year2022, Measures.Rates.Reply, 99, FigureUnit.Percent, Qualifier.AtLeast),
            Stated("rate.acceptance", 100),
        ]);

        stats.GetStatedRate(Measures.Rates.Reply).Should().Be(99m);
        stats.GetStatedRateQualifier(Measures.Rates.Reply).Should().Be(Qualifier.AtLeast);
        stats.GetStatedRate(Measures.Rates.Acceptance).Should().Be(100m);
        stats.GetStatedRateQualifier(Measures.Rates.Acceptance).Should().Be(Qualifier.PercentReported);
        stats.GetCount(Measures.Proposals.Replied).Should().Be(Bounds.Between(198, 200));
        stats.RateVariants.Keys.Should().BeEquivalentTo([Measures.Rates.Reply, Measures.Rates.Acceptance]);
        stats.RateVariants[Measures.Rates.Acceptance].Should().Be(RateDefinition.Acceptance);

        stats.TryGetStatedRate(Measures.Rates.Conclusion, out decimal percent).Should().BeFalse();
        percent.Should().Be(0m);
        stats.TryGetStatedRateQualifier(Measures.Rates.Conclusion, out var qualifier).Should().BeFalse();
        qualifier.Should().Be(default(Qualifier));
        var rate = () => stats.GetStatedRate(Measures.Rates.Conclusion);
        var qualifierOf = () => stats.GetStatedRateQualifier(Measures.Rates.Conclusion);
        rate.Should().ThrowExactly<KeyNotFoundException>().Which.Message.Should().Be("Committee 520112, period 2022 states no rate rate.conclusion.");
        qualifierOf.Should().ThrowExactly<KeyNotFoundException>().Which.Message.Should().Be("Committee 520112, period 2022 states no rate rate.conclusion.");
    }

    [Fact]
    public void Restored_statistics_keep_their_stated_rates_as_printed()
    {
        var restored = ProposalStatistics.Restore(Wudang, Year2022, [C("proposals.filed", 176)], [new(Measures.Rates.Satisfaction, 100m), new(new Measure("share.proposals.outcome_a"), 53.4m)]);

        restored.GetStatedRate(Measures.Rates.Satisfaction).Should().Be(100m);
        restored.GetStatedRateQualifier(Measures.Rates.Satisfaction).Should().Be(Qualifier.PercentReported);
        restored.GetStatedRate(new Measure("share.proposals.outcome_a")).Should().Be(53.4m);
        restored.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Exactly(176));
        ProposalStatistics.Restore(Wudang, Year2022, [C("proposals.filed", 176)], []).Should().Be(Counts(C("proposals.filed", 176)));
    }

    [Fact]
    public void Restoring_refuses_a_stated_count_and_a_rate_twice()
    {
        var count = () => ProposalStatistics.Restore(Wudang, Year2022, [C("proposals.filed", 1)], [new(Measures.Proposals.Filed, 1m)]);
        var twice = () => ProposalStatistics.Restore(Wudang, Year2022, [C("proposals.filed", 1)], [new(Measures.Rates.Reply, 90m), new(Measures.Rates.Reply, 90m)]);

        count.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("'proposals.filed' is not a rate identifier (rate.*). (Parameter 'statedRates')");
        twice.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("Committee 520112, period 2022: stated rate rate.reply appears twice. (Parameter 'statedRates')");
    }

    [Fact]
    public void Equal_statistics_have_the_same_committee_period_counts_and_stated_rates()
    {
        var a = Counts(C("proposals.filed", 10), C("proposals.received", 20));
        var b = Counts(C("proposals.received", 20), C("proposals.filed", 10));

        a.Equals(b).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.Equals(a).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        bool equalsNull = Counts(C("proposals.filed", 10)).Equals(null);
        bool equalsText = Counts(C("proposals.filed", 10)).Equals((object)"520112");
        equalsNull.Should().BeFalse();
        equalsText.Should().BeFalse();
        ProposalStatistics.Restore(Wudang, Year2022, [C("proposals.filed", 10)], [new(Measures.Rates.Reply, 90m)])
            .Should().Be(ProposalStatistics.Restore(Wudang, Year2022, [C("proposals.filed", 10)], [new(Measures.Rates.Reply, 90.0m)]));
    }

    public static TheoryData<string> Differences() => new() { "committee", "period", "value", "measure", "fewer", "more", "stated", "stated value" };

    [Theory]
    [MemberData(nameof(Differences))]
    public void One_difference_makes_statistics_unequal(string difference)
    {
        var a = ProposalStatistics.Restore(Wudang, Year2022, [C("proposals.filed", 10), C("proposals.received", 20)], [new(Measures.Rates.Reply, 90m)]);
        var other = difference switch
        {
            "committee" => ProposalStatistics.Restore(Yongjia, Year2022, [C("proposals.filed", 10), C("proposals.received", 20)], [new(Measures.Rates.Reply, 90m)]),
            "period" => ProposalStatistics.Restore(Wudang, ReportingPeriod.CalendarYear(2023), [C("proposals.filed", 10), C("proposals.received", 20)], [new(Measures.Rates.Reply, 90m)]),
            "value" => ProposalStatistics.Restore(Wudang, Year2022, [C("proposals.filed", 11), C("proposals.received", 20)], [new(Measures.Rates.Reply, 90m)]),
            "measure" => ProposalStatistics.Restore(Wudang, Year2022, [C("proposals.filed", 10), C("proposals.replied", 20)], [new(Measures.Rates.Reply, 90m)]),
            "fewer" => ProposalStatistics.Restore(Wudang, Year2022, [C("proposals.filed", 10)], [new(Measures.Rates.Reply, 90m)]),
            "more" => ProposalStatistics.Restore(Wudang, Year2022, [C("proposals.filed", 10), C("proposals.received", 20), C("proposals.replied", 9)], [new(Measures.Rates.Reply, 90m)]),
            "stated" => ProposalStatistics.Restore(Wudang, Year2022, [C("proposals.filed", 10), C("proposals.received", 20)], []),
            _ => ProposalStatistics.Restore(Wudang, Year2022, [C("proposals.filed", 10), C("proposals.received", 20)], [new(Measures.Rates.Reply, 91m)]),
        };

        a.Equals(other).Should().BeFalse(difference);
        other.Equals(a).Should().BeFalse(difference);
    }

    [Fact]
    public void The_text_lists_counts_then_stated_rates_each_in_identifier_order()
    {
        var stats = ProposalStatistics.FromFigures(
        [
            Stated("rate.satisfaction", 100),
            Count("proposals.received", 178),
            Stated("rate.acceptance", 98.9m),
            Count("proposals.filed", 176),
        ]);

        stats.ToString().Should().Be("520112 2022: proposals.filed 176, proposals.received 178, rate.acceptance 98.9% (stated), rate.satisfaction 100% (stated)");
        Counts(C("proposals.filed", 1)).ToString().Should().Be("520112 2022: proposals.filed 1");
    }

    private static string Missing(ProposalStatistics stats, RateDefinition definition)
    {
        var act = () => stats.GetRate(definition);
        return act.Should().ThrowExactly<KeyNotFoundException>().Which.Message;
    }
}
