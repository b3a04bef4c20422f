using System.Linq;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>
/// The exact words of the findings for records that are not filed cases but carry what only a handled case has,
/// each kind of handling named in order, and the dates they are compared with.
/// </summary>
public class RecordValidatorMessagesTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly ReportingPeriod Year2022 = ReportingPeriod.CalendarYear(2022);
    private static readonly LocalDate Submitted = new(2022, 1, 10);

    private static (ValidationRule Rule, string Message)[] Findings(params ProposalRecord[] records) =>
        ProposalRecordSet.Create(records, null, ValidationMode.CollectFindings).Findings
            .Select(f => (f.Rule, f.Message)).ToArray();

    [Fact]
    public void A_proposal_under_review_with_an_answer_feedback_and_an_extension_names_all_three_and_each_missing_date()
    {
        var record = new ProposalRecord("Q", Yongjia, Year2022, Submitted)
        {
            Answer = AnswerClass.ForReference,
            Feedback = Feedback.Dissatisfied,
            ExtendedUntil = new LocalDate(2022, 6, 30),
        };
        Findings(record).Should().Equal(
            (ValidationRule.DecisionContradictsRecord, "proposal Q is under review, not a filed case, but has an answer class, proposer feedback, an extension."),
            (ValidationRule.AnswerClassWithoutReply, "proposal Q has answer class ForReference but no reply date."),
            (ValidationRule.FeedbackWithoutReply, "proposal Q has proposer feedback Dissatisfied but no reply date."),
            (ValidationRule.DatesOutOfOrder, "proposal Q has an extension to 2022-06-30 but its deadline has not started (no handover date)."));
    }

    [Fact]
    public void A_merged_proposal_handed_over_before_it_was_submitted_names_the_submission()
    {
        var target = new ProposalRecord("T", Yongjia, Year2022, Submitted) { Decision = FilingDecision.NotFiled };
        var merged = new ProposalRecord("M", Yongjia, Year2022, Submitted)
        {
            Decision = FilingDecision.Merged,
            MergedInto = "T",
            HandedOverOn = new LocalDate(2022, 1, 5),
        };
        Findings(target, merged).Should().Equal(
            (ValidationRule.DecisionContradictsRecord, "proposal M is merged, not a filed case, but has a handover date."),
            (ValidationRule.DatesOutOfOrder, "proposal M was handed over on 2022-01-05, before it was submitted on 2022-01-10."));
    }

    [Fact]
    public void A_proposal_not_filed_with_units_and_a_reply_names_them_in_order()
    {
        var record = new ProposalRecord("N", Yongjia, Year2022, Submitted)
        {
            Decision = FilingDecision.NotFiled,
            HandedOverOn = new LocalDate(2022, 1, 31),
            CoUnits = ["县财政局"],
            RepliedOn = new LocalDate(2022, 3, 1),
        };
        Findings(record).Should().Equal(
            (ValidationRule.DecisionContradictsRecord, "proposal N is not filed, not a filed case, but has a handover date, handling units, a reply date."),
            (ValidationRule.InconsistentHandlingUnits, "proposal N has co-handling units (县财政局) but no lead unit."));
    }

    [Fact]
    public void Under_a_receipt_clock_an_extension_before_the_submission_names_the_submission_as_the_start()
    {
        var record = new ProposalRecord("E", Yongjia, Year2022, Submitted)
        {
            Decision = FilingDecision.Filed,
            FiledOn = Submitted,
            ExtendedUntil = new LocalDate(2022, 1, 9),
        };
        ProposalRecordSet.Create([record], new HandlingPolicy { ClockStart = ClockStart.Receipt }, ValidationMode.CollectFindings).Findings
            .Select(f => (f.Rule, f.Message)).Should().Equal(
                (ValidationRule.DatesOutOfOrder, "proposal E has an extension to 2022-01-09, before its deadline starts on 2022-01-10."));
    }

    [Fact]
    public void A_proposal_not_filed_with_only_a_handover_or_only_a_lead_unit_is_refused()
    {
        var handedOver = new ProposalRecord("H", Yongjia, Year2022, Submitted) { Decision = FilingDecision.NotFiled, HandedOverOn = new LocalDate(2022, 1, 31) };
        Findings(handedOver).Should().Equal(
            (ValidationRule.DecisionContradictsRecord, "proposal H is not filed, not a filed case, but has a handover date."));
        var led = new ProposalRecord("L", Yongjia, Year2022, Submitted) { LeadUnit = "县住建局" };
        Findings(led).Should().Equal(
            (ValidationRule.DecisionContradictsRecord, "proposal L is under review, not a filed case, but has handling units."));
    }
}
