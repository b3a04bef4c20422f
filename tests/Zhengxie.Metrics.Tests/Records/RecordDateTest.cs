using System;
using System.Linq;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>Record dates at the calendar's edges (issue 10, item 6): a finding naming the record, never a raw NodaTime or DateOnly exception.</summary>
public class RecordDateTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly ReportingPeriod Year2022 = ReportingPeriod.CalendarYear(2022);

    private static ProposalRecord Case(string id, LocalDate submitted, LocalDate handover, LocalDate? replied = null) => new(id, Yongjia, Year2022, submitted)
    {
        Decision = FilingDecision.Filed,
        FiledOn = submitted,
        HandedOverOn = handover,
        LeadUnit = "县住建局",
        RepliedOn = replied,
    };

    private static ProposalRecord Good => Case("OK", new LocalDate(2022, 1, 10), new LocalDate(2022, 1, 31), new LocalDate(2022, 3, 1));

    [Fact]
    public void A_handover_near_the_end_of_the_calendar_is_a_finding_with_the_record_id()
    {
        var bad = Case("P-9999", new LocalDate(2022, 1, 10), new LocalDate(9999, 12, 20));
        var act = () => ProposalRecordSet.Create([Good, bad]);
        act.Should().Throw<ValidationException>()
            .Which.Findings.Should().ContainSingle().Which.Should().Match<ValidationFinding>(f => f.Rule == ValidationRule.DateOutOfRange && f.RecordId == "P-9999" && f.Message.Contains("9999-12-20"));

        var set = ProposalRecordSet.Create([Good, bad], mode: ValidationMode.CollectFindings);
        set.Count.Should().Be(1);
        set.Findings.Should().ContainSingle().Which.RecordId.Should().Be("P-9999");
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(0)]
    [InlineData(1)]
    public void A_date_in_year_zero_or_before_or_a_placeholder_is_a_domain_finding(int year)
    {
        var bad = Case("P-old", new LocalDate(year, 1, 1), new LocalDate(2022, 1, 31));
        var set = ProposalRecordSet.Create([Good, bad], mode: ValidationMode.CollectFindings);
        set.Count.Should().Be(1);
        set.Findings.Should().HaveCount(2).And.OnlyContain(f => f.Rule == ValidationRule.DateOutOfRange && f.RecordId == "P-old" && f.Message.Contains("1949 to 2200"));
        set.Findings.Select(f => f.Message).Should().Contain(m => m.Contains("submission date")).And.Contain(m => m.Contains("filing date"));
    }

    [Fact]
    public void Records_dated_default_LocalDate_for_period_2022_are_not_accepted_silently()
    {
        var placeholder = new ProposalRecord("P-default", Yongjia, Year2022, default)
        {
            Decision = FilingDecision.NotFiled,
        };
        default(LocalDate).Should().Be(new LocalDate(1, 1, 1));
        var act = () => ProposalRecordSet.Create([Good, placeholder]);
        act.Should().Throw<ValidationException>().WithMessage("*P-default*0001-01-01*");
    }

    [Fact]
    public void A_submission_years_before_its_period_is_flagged()
    {
        var early = new ProposalRecord("P-2015", Yongjia, Year2022, new LocalDate(2015, 3, 1)) { Decision = FilingDecision.NotFiled };
        var set = ProposalRecordSet.Create([Good, early], mode: ValidationMode.CollectFindings);
        set.Findings.Should().ContainSingle().Which.Message.Should().Contain("more than a year before its period 2022");

        // December of the year before is an ordinary submission for a session early in the year.
        var december = new ProposalRecord("P-dec", Yongjia, Year2022, new LocalDate(2021, 12, 20)) { Decision = FilingDecision.NotFiled };
        ProposalRecordSet.Create([Good, december]).Count.Should().Be(2);
    }

    [Fact]
    public void A_deadline_beyond_the_calendar_under_a_long_policy_is_a_finding_not_an_overflow()
    {
        var policy = new HandlingPolicy { ReplyDeadline = Period.FromYears(7900), MaximumExtension = Period.FromYears(7900) };
        var late = Case("P-2200", new LocalDate(2200, 1, 10), new LocalDate(2200, 6, 1));
        var set = ProposalRecordSet.Create([Good, late], policy, ValidationMode.CollectFindings);
        set.Count.Should().Be(1);
        var finding = set.Findings.Should().ContainSingle().Which;
        finding.Rule.Should().Be(ValidationRule.DateOutOfRange);
        finding.RecordId.Should().Be("P-2200");
        finding.Message.Should().Contain("beyond the calendar's end");
    }

    [Fact]
    public void Open_counts_on_a_date_before_year_one_are_zero_not_a_DateOnly_error()
    {
        var set = ProposalRecordSet.Create([Good]);
        var counts = set.OpenAsOf(new LocalDate(-100, 1, 1));
        counts.Should().ContainSingle().Which.Open.Should().Be(0);
    }
}
