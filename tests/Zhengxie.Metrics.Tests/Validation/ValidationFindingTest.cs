using System;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Tests.TestHelpers;
using Zhengxie.Metrics.Validation;
using static Zhengxie.Metrics.Tests.Statistics.FigureFactory;

namespace Zhengxie.Metrics.Tests.Validation;

/// <summary>What a finding and the exception carrying findings say, and when two findings are the same.</summary>
public class ValidationFindingTest
{
    private static readonly Measure Filed = new("proposals.filed");

    [Fact]
    public void The_text_names_rule_severity_committee_period_measure_and_record_in_that_order()
    {
        new ValidationFinding(ValidationRule.FiledExceedsReceived, "filed 180 > received 178.", Wudang, Year2022, Filed, "P-7").ToString()
            .Should().Be("[FiledExceedsReceived] (source inconsistency) committee 520112, period 2022, measure proposals.filed, record P-7: filed 180 > received 178.");
        new ValidationFinding(ValidationRule.NegativeCount, "the count -1件 is negative.", Wudang, Year2022, Filed).ToString()
            .Should().Be("[NegativeCount] committee 520112, period 2022, measure proposals.filed: the count -1件 is negative.");
        new ValidationFinding(ValidationRule.DuplicateRecord, "stated twice.", recordId: "P-7").ToString()
            .Should().Be("[DuplicateRecord], record P-7: stated twice.");
        new ValidationFinding(ValidationRule.UnknownRegion, "unknown.").ToString().Should().Be("[UnknownRegion]: unknown.");
    }

    [Fact]
    public void Properties_keep_what_was_given_and_severity_follows_the_rule_unless_given()
    {
        var finding = new ValidationFinding(ValidationRule.RepliedExceedsFiled, "m", Wudang, Year2022, Filed, "P-1");
        finding.Rule.Should().Be(ValidationRule.RepliedExceedsFiled);
        finding.Message.Should().Be("m");
        finding.Committee.Should().Be(Wudang);
        finding.Period.Should().Be(Year2022);
        finding.Measure.Should().Be(Filed);
        finding.RecordId.Should().Be("P-1");
        finding.Severity.Should().Be(FindingSeverity.SourceInconsistency);
        finding.IsError.Should().BeFalse();

        var error = finding.AsError();
        error.Severity.Should().Be(FindingSeverity.Error);
        error.IsError.Should().BeTrue();
        (error.Rule, error.Message, error.Committee, error.Period, error.Measure, error.RecordId)
            .Should().Be((finding.Rule, finding.Message, finding.Committee, finding.Period, finding.Measure, finding.RecordId));
        error.AsError().Should().BeSameAs(error);

        new ValidationFinding(ValidationRule.NegativeCount, "m", severity: FindingSeverity.SourceInconsistency).IsError.Should().BeFalse();
        new ValidationFinding(ValidationRule.NegativeCount, "m").IsError.Should().BeTrue();
    }

    [Fact]
    public void A_finding_needs_a_message()
    {
        var empty = () => new ValidationFinding(ValidationRule.NegativeCount, " ");
        empty.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("message");
        var none = () => new ValidationFinding(ValidationRule.NegativeCount, null!);
        none.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("message");
    }

    [Fact]
    public void Findings_are_equal_only_when_every_part_is()
    {
        var a = new ValidationFinding(ValidationRule.FiledExceedsReceived, "m", Wudang, Year2022, Filed, "P-1");
        EqualityContract.AssertEqual(a, new ValidationFinding(ValidationRule.FiledExceedsReceived, "m", Wudang, Year2022, Filed, "P-1"), requireOperators: false);
        EqualityContract.AssertUnequal(a, new ValidationFinding(ValidationRule.RepliedExceedsFiled, "m", Wudang, Year2022, Filed, "P-1"), requireOperators: false);
        EqualityContract.AssertUnequal(a, a.AsError(), requireOperators: false);
        EqualityContract.AssertUnequal(a, new ValidationFinding(ValidationRule.FiledExceedsReceived, "M", Wudang, Year2022, Filed, "P-1"), requireOperators: false);
        EqualityContract.AssertUnequal(a, new ValidationFinding(ValidationRule.FiledExceedsReceived, "m", Committee.Parse("330324"), Year2022, Filed, "P-1"), requireOperators: false);
        EqualityContract.AssertUnequal(a, new ValidationFinding(ValidationRule.FiledExceedsReceived, "m", Wudang, ReportingPeriod.CalendarYear(2023), Filed, "P-1"), requireOperators: false);
        EqualityContract.AssertUnequal(a, new ValidationFinding(ValidationRule.FiledExceedsReceived, "m", Wudang, Year2022, new Measure("proposals.received"), "P-1"), requireOperators: false);
        EqualityContract.AssertUnequal(a, new ValidationFinding(ValidationRule.FiledExceedsReceived, "m", Wudang, Year2022, Filed, "p-1"), requireOperators: false);
        EqualityContract.AssertUnequal(a, new ValidationFinding(ValidationRule.FiledExceedsReceived, "m", Wudang, Year2022, Filed), requireOperators: false);
        new ValidationFinding(ValidationRule.NegativeCount, "m").Equals((ValidationFinding?)null).Should().BeFalse();
        a.Equals((object?)"m").Should().BeFalse();
    }

    [Fact]
    public void The_exception_shows_the_first_finding_and_how_many_more()
    {
        var first = new ValidationFinding(ValidationRule.NegativeCount, "the count -1件 is negative.", Wudang, Year2022, Filed);
        var second = new ValidationFinding(ValidationRule.InvalidValue, "not whole.", Wudang, Year2022, Filed);
        var third = new ValidationFinding(ValidationRule.UnknownRegion, "unknown.");

        var one = new ValidationException([first]);
        one.Message.Should().Be(first.ToString());
        one.Findings.Should().Equal(first);

        var three = new ValidationException(new[] { first, second, third }.Where(_ => true));
        three.Message.Should().Be(first + " (and 2 more)");
        three.Findings.Should().Equal(first, second, third);

        var none = () => new ValidationException(Array.Empty<ValidationFinding>());
        none.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("At least one finding is needed.");
        var nullFindings = () => new ValidationException((System.Collections.Generic.IEnumerable<ValidationFinding>)null!);
        nullFindings.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void The_plain_constructors_carry_no_findings()
    {
        new ValidationException().Message.Should().Be("The input broke a validation rule.");
        new ValidationException().Findings.Should().BeEmpty();
        new ValidationException("bad").Message.Should().Be("bad");
        new ValidationException("bad").Findings.Should().BeEmpty();
        var inner = new InvalidOperationException("inner");
        var wrapped = new ValidationException("bad", inner);
        wrapped.InnerException.Should().BeSameAs(inner);
        wrapped.Findings.Should().BeEmpty();
    }

    [Fact]
    public void ThrowIfInvalid_puts_errors_before_source_inconsistencies_and_ignores_inconsistencies_alone()
    {
        Figure[] figures = [Count("proposals.received", 1), Count("proposals.filed", 2), Count("proposals.replied", -1)];
        var act = () => FigureValidator.ThrowIfInvalid(figures);
        var e = act.Should().Throw<ValidationException>().Which;
        e.Findings.Select(f => f.Rule).Should().Equal(ValidationRule.NegativeCount, ValidationRule.FiledExceedsReceived);
        e.Message.Should().EndWith(" (and 1 more)").And.StartWith("[NegativeCount]");

        var inconsistentOnly = () => FigureValidator.ThrowIfInvalid([Count("proposals.received", 1), Count("proposals.filed", 2)]);
        inconsistentOnly.Should().NotThrow();
    }

    [Fact]
    public void Validate_rejects_null_input()
    {
        var none = () => FigureValidator.Validate(null!);
        none.Should().Throw<ArgumentNullException>();
        var nullFigure = () => FigureValidator.Validate([Count("proposals.filed", 1), null!]);
        nullFigure.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("A figure is null.");
    }
}
