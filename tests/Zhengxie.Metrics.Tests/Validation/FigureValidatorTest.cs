using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Validation;
using static Zhengxie.Metrics.Tests.Statistics.FigureFactory;

namespace Zhengxie.Metrics.Tests.Validation;

public class FigureValidatorTest
{
    public static TheoryData<string, Figure[], ValidationRule, string> BadInputs => new()
    {
        { "filed > received", [Count("proposals.received", 178), Count("proposals.filed", 180)], ValidationRule.FiledExceedsReceived, "proposals.filed" },
        { "replied > filed", [Count("proposals.filed", 100), Count("proposals.replied", 101)], ValidationRule.RepliedExceedsFiled, "proposals.replied" },
        {
            "outcomes > replied",
            [Count("proposals.replied", 100), Count("proposals.outcome_a", 60), Count("proposals.outcome_b", 30), Count("proposals.outcome_c", 20)],
            ValidationRule.OutcomesExceedReplied,
            "proposals.outcome_a"
        },
        { "on time > replied", [Count("proposals.replied", 100), Count("proposals.replied_on_time", 101)], ValidationRule.CountExceedsBound, "proposals.replied_on_time" },
        { "bounded filed > received", [Count("proposals.received", 300, Qualifier.Nearly), Count("proposals.filed", 300, Qualifier.MoreThan)], ValidationRule.FiledExceedsReceived, "proposals.filed" },
        { "negative", [Count("proposals.filed", -1)], ValidationRule.NegativeCount, "proposals.filed" },
        { "negative activity", [Count("activity.inspection", -3, unit: "次")], ValidationRule.NegativeCount, "activity.inspection" },
        { "not whole", [Count("proposals.filed", 2.5m)], ValidationRule.InvalidValue, "proposals.filed" },
        { "rate > 100 %", [Stated("rate.reply", 100.5m)], ValidationRule.RateOutOfRange, "rate.reply" },
        { "rate < 0 %", [Stated("rate.satisfaction", -1)], ValidationRule.RateOutOfRange, "rate.satisfaction" },
        { "conflicting duplicate", [Count("proposals.filed", 176), Count("proposals.filed", 177)], ValidationRule.ConflictingDuplicate, "proposals.filed" },
        { "conflicting qualifier", [Count("output.suggestions", 30, unit: "条", topic: "视察"), Count("output.suggestions", 30, Qualifier.MoreThan, unit: "条", topic: "视察")], ValidationRule.ConflictingDuplicate, "output.suggestions" },
        { "units mixed", [Count("output.suggestions", 29, unit: "条", topic: "全会"), Count("output.suggestions", 30, unit: "件", topic: "视察")], ValidationRule.UnitMismatch, "output.suggestions" },
        {
            "breakdown exceeds total",
            [Count("activity.consultation", 75, unit: "次"), Count("activity.consultation.counterpart", 12, unit: "次"), Count("activity.consultation.sector", 12, unit: "次"), Count("activity.consultation.proposal_handling", 29, unit: "次"), Count("activity.consultation.invite_to_consult", 23, unit: "次")],
            ValidationRule.BreakdownExceedsTotal,
            "activity.consultation"
        },
        {
            "qualified breakdown exceeds total",
            [Count("activity.consultation", 80, Qualifier.Nearly, unit: "次"), Count("activity.consultation.counterpart", 40, unit: "次"), Count("activity.consultation.sector", 40, unit: "次")],
            ValidationRule.BreakdownExceedsTotal,
            "activity.consultation"
        },
        { "topic part exceeds total", [Count("activity.reading", 75, unit: "场"), Count("activity.reading", 80, Qualifier.MoreThan, unit: "场", topic: "崇学系列")], ValidationRule.BreakdownExceedsTotal, "activity.reading" },
        { "rate contradicts counts", [Count("proposals.received", 354), Count("proposals.filed", 270), Stated("rate.acceptance", 78.5m)], ValidationRule.RateContradictsCounts, "rate.acceptance" },
        { "no numerator fits", [Count("proposals.filed", 3), Stated("rate.reply", 50)], ValidationRule.RateContradictsCounts, "rate.reply" },
        { "all without denominator", [All("proposals.replied")], ValidationRule.MissingDenominator, "proposals.replied" },
        { "all of an unknown denominator", [new Figure(Wudang, Year2022, new Measure("activity.inspection"), null, FigureUnit.Times, Qualifier.All)], ValidationRule.MissingDenominator, "activity.inspection" },
        { "all contradicts a stated count", [Count("proposals.filed", 100), Count("proposals.replied", 90), All("proposals.replied")], ValidationRule.AllContradictsDenominator, "proposals.replied" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_gives_a_finding_naming_committee_period_and_measure(string name, Figure[] figures, ValidationRule rule, string measure)
    {
        var findings = FigureValidator.Validate(figures);
        findings.Should().ContainSingle(name);
        var finding = findings[0];
        finding.Rule.Should().Be(rule);
        finding.Committee.Should().Be(Wudang);
        finding.Period.Should().Be(Year2022);
        finding.Measure.Should().Be(new Measure(measure));
        finding.ToString().Should().Contain("520112").And.Contain("2022").And.Contain(measure).And.Contain(finding.Message);
        finding.Severity.Should().Be(ValidationRules.SeverityOf(rule));

        // Strict validation makes every finding an error, and throws.
        var act = () => FigureValidator.ThrowIfInvalid(figures, strict: true);
        act.Should().Throw<ValidationException>().Where(e => e.Message.Contains("520112") && e.Message.Contains(measure) && e.Message.Contains("2022"))
            .Which.Findings.Should().Equal(findings.Select(f => f.AsError()));
        FigureValidator.Validate(figures, strict: true).Should().OnlyContain(f => f.IsError);

        // Without it, a source inconsistency is a finding that does not throw; malformed input throws.
        var lenient = () => FigureValidator.ThrowIfInvalid(figures);
        if (finding.IsError)
        {
            lenient.Should().Throw<ValidationException>();
        }
        else
        {
            lenient.Should().NotThrow();
        }
    }

    [Theory]
    [InlineData(ValidationRule.NegativeCount, FindingSeverity.Error)]
    [InlineData(ValidationRule.RateOutOfRange, FindingSeverity.Error)]
    [InlineData(ValidationRule.UnknownRegion, FindingSeverity.Error)]
    [InlineData(ValidationRule.InvalidValue, FindingSeverity.Error)]
    [InlineData(ValidationRule.ConflictingDuplicate, FindingSeverity.Error)]
    [InlineData(ValidationRule.FiledExceedsReceived, FindingSeverity.SourceInconsistency)]
    [InlineData(ValidationRule.RepliedExceedsFiled, FindingSeverity.SourceInconsistency)]
    [InlineData(ValidationRule.BreakdownExceedsTotal, FindingSeverity.SourceInconsistency)]
    [InlineData(ValidationRule.RateContradictsCounts, FindingSeverity.SourceInconsistency)]
    [InlineData(ValidationRule.AllContradictsDenominator, FindingSeverity.SourceInconsistency)]
    public void Malformed_input_is_an_error_and_a_report_disagreeing_with_itself_a_source_inconsistency(ValidationRule rule, FindingSeverity severity)
    {
        ValidationRules.SeverityOf(rule).Should().Be(severity);
        var finding = new ValidationFinding(rule, "x", Wudang, Year2022);
        finding.Severity.Should().Be(severity);
        finding.AsError().IsError.Should().BeTrue();
        finding.ToString().Contains("(source inconsistency)", System.StringComparison.Ordinal).Should().Be(severity == FindingSeverity.SourceInconsistency);
    }

    [Fact]
    public void Findings_name_the_values()
    {
        FigureValidator.Validate([Count("proposals.received", 178), Count("proposals.filed", 180)])[0].Message
            .Should().Contain("180").And.Contain("178");
        FigureValidator.Validate([Count("proposals.filed", 176), Count("proposals.filed", 177)])[0].Message
            .Should().Contain("176件").And.Contain("177件");
        FigureValidator.Validate([Stated("rate.reply", 100.5m)])[0].Message.Should().Contain("100.5%");
    }

    [Fact]
    public void Statistics_keep_contradicting_counts_as_published_and_throw_only_when_strict()
    {
        Figure[] figures = [Count("proposals.received", 178), Count("proposals.filed", 180), Count("proposals.replied", 170)];
        var strict = () => ProposalStatistics.FromFigures(figures, ValidationMode.Throw, strict: true);
        strict.Should().Throw<ValidationException>()
            .Where(e => e.Message.Contains("520112") && e.Message.Contains("2022") && e.Message.Contains("proposals.filed"))
            .Which.Findings.Single().Rule.Should().Be(ValidationRule.FiledExceedsReceived);

        var stats = ProposalStatistics.FromFigures(figures, out var findings);
        var finding = findings.Should().ContainSingle().Which;
        finding.Rule.Should().Be(ValidationRule.FiledExceedsReceived);
        finding.Severity.Should().Be(FindingSeverity.SourceInconsistency);
        finding.Message.Should().Contain("proposals.filed = 180").And.Contain("proposals.received = 178");
        stats.Inconsistencies.Should().Equal(findings);
        stats.GetCount(Measures.Proposals.Received).Should().Be(Bounds.Exactly(178), "the counts are kept as published");
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Exactly(180));
        stats.GetCount(Measures.Proposals.Replied).Should().Be(Bounds.Exactly(170));
        stats.IsInconsistent(Measures.Proposals.Filed).Should().BeTrue();
        stats.IsInconsistent(Measures.Proposals.Replied).Should().BeFalse();
        stats.ReplyRate.Should().Be(Rate.Of(170, 180));
        var acceptance = () => stats.AcceptanceRate;
        acceptance.Should().Throw<ZhengxieMetricsException>().WithMessage("*rate.acceptance*");

        ProposalStatistics.FromFigures(figures).Counts.Should().HaveCount(3, "the default mode throws on errors only");
    }

    [Fact]
    public void Received_100_filed_90_replied_95_keeps_all_three_and_the_acceptance_rate()
    {
        var stats = ProposalStatistics.FromFigures([Count("proposals.received", 100), Count("proposals.filed", 90), Count("proposals.replied", 95)], out var findings);
        findings.Should().ContainSingle().Which.Rule.Should().Be(ValidationRule.RepliedExceedsFiled);
        stats.AcceptanceRate.Should().Be(Rate.Of(90, 100));
        stats.Counts.Should().HaveCount(3);
        stats.IsInconsistent(Measures.Proposals.Received).Should().BeFalse();
        stats.IsInconsistent(Measures.Proposals.Replied).Should().BeTrue();
    }

    [Fact]
    public void Every_broken_link_of_the_chain_is_reported()
    {
        var findings = FigureValidator.Validate([Count("proposals.received", 100), Count("proposals.filed", 120), Count("proposals.replied", 130)]);
        findings.Select(f => f.Rule).Should().BeEquivalentTo([ValidationRule.FiledExceedsReceived, ValidationRule.RepliedExceedsFiled]);
        findings.Should().OnlyContain(f => f.Severity == FindingSeverity.SourceInconsistency);
    }

    [Fact]
    public void A_contradicting_stated_rate_is_kept_as_published_and_implies_nothing()
    {
        var stats = ProposalStatistics.FromFigures([Count("proposals.received", 354), Count("proposals.filed", 270), Stated("rate.acceptance", 78.5m)], out var findings);
        var finding = findings.Should().ContainSingle().Which;
        finding.Rule.Should().Be(ValidationRule.RateContradictsCounts);
        finding.Message.Should().Contain("78.5%").And.Contain("proposals.filed = 270").And.Contain("proposals.received = 354");
        stats.AcceptanceRate.Should().Be(Rate.Of(270, 354));
        stats.StatedRates.Should().ContainKey(Measures.Rates.Acceptance).WhoseValue.Should().Be(78.5m);
        stats.RateVariants.Should().BeEmpty();
        stats.IsInconsistent(Measures.Rates.Acceptance).Should().BeTrue();
    }

    [Fact]
    public void Out_of_range_rate_throws_from_statistics()
    {
        var act = () => ProposalStatistics.FromFigures([Count("proposals.filed", 10), Stated("rate.reply", 120)]);
        act.Should().Throw<ValidationException>().Which.Findings.Single().Rule.Should().Be(ValidationRule.RateOutOfRange);
    }

    [Fact]
    public void Identical_duplicates_and_consistent_figures_are_valid()
    {
        FigureValidator.Validate(
        [
            Count("proposals.filed", 176),
            Count("proposals.filed", 176),
            Count("proposals.received", 178),
            Count("proposals.not_filed", 2),
            All("proposals.replied"),
            Stated("rate.reply", 100),
            Count("output.suggestions", 29, unit: "条", topic: "全会"),
            Count("output.suggestions", 30, Qualifier.MoreThan, unit: "条", topic: "视察"),
        ]).Should().BeEmpty();
    }

    [Fact]
    public void Breakdown_equal_to_its_total_and_attributes_in_other_units_are_fine()
    {
        FigureValidator.Validate(
        [
            Count("activity.consultation", 75, unit: "次"),
            Count("activity.consultation.counterpart", 12, unit: "次"),
            Count("activity.consultation.sector", 12, unit: "次"),
            Count("activity.consultation.proposal_handling", 29, unit: "次"),
            Count("activity.consultation.invite_to_consult", 22, unit: "次"),
            Count("activity.reading", 75, unit: "场"),
            Count("activity.reading.participants", 1000, Qualifier.MoreThan, unit: "人次"),
        ]).Should().BeEmpty();

        // 「30余」 + 「40余」 = 31..39 + 41..49: at least 72, within 「近80」 (71..79).
        FigureValidator.Validate(
        [
            Count("activity.consultation", 80, Qualifier.Nearly, unit: "次"),
            Count("activity.consultation.counterpart", 30, Qualifier.MoreThan, unit: "次"),
            Count("activity.consultation.sector", 40, Qualifier.MoreThan, unit: "次"),
        ]).Should().BeEmpty();
    }

    [Fact]
    public void The_seed_reports_are_valid()
    {
        FigureValidator.Validate(SeedReports.AllFigures, RegionTable.Default).Should().BeEmpty();
    }

    [Fact]
    public void Committee_at_the_wrong_level_is_under_the_wrong_parent()
    {
        var lishuiAsCounty = new Committee(RegionCode.Parse("331100"), AdministrativeLevel.County);
        var findings = FigureValidator.Validate([Count("proposals.filed", 1, committee: lishuiAsCounty)], RegionTable.Default);
        var finding = findings.Should().ContainSingle().Which;
        finding.Rule.Should().Be(ValidationRule.RegionUnderWrongParent);
        finding.Committee.Should().Be(lishuiAsCounty);
        finding.ToString().Should().Contain("331100").And.Contain("2022").And.Contain("330000");
    }

    [Fact]
    public void Unknown_committee_code()
    {
        var unknown = Committee.Parse("339999");
        var findings = FigureValidator.Validate([Count("proposals.filed", 1, committee: unknown)], RegionTable.Default);
        findings.Should().ContainSingle().Which.Rule.Should().Be(ValidationRule.UnknownRegion);
        findings[0].ToString().Should().Contain("339999").And.Contain("2022");
        FigureValidator.Validate([Count("proposals.filed", 1, committee: unknown)]).Should().BeEmpty("without a table, regions are not checked");
    }

    [Fact]
    public void Problems_of_several_committees_are_all_found()
    {
        var yongjia = Committee.Parse("330324");
        var findings = FigureValidator.Validate(
        [
            Count("proposals.filed", -1, committee: yongjia),
            Count("proposals.received", 1),
            Count("proposals.filed", 2),
        ]);
        findings.Select(f => (f.Committee, f.Rule)).Should().BeEquivalentTo(new List<(Committee?, ValidationRule)>
        {
            (yongjia, ValidationRule.NegativeCount),
            (Wudang, ValidationRule.FiledExceedsReceived),
        });
    }
}
