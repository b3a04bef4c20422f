using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Records;

public class RecordValidationTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly ReportingPeriod Year2022 = ReportingPeriod.CalendarYear(2022);
    private static readonly LocalDate Submitted = new(2022, 1, 10);

    private static ProposalRecord Good(string id) => new(id, Yongjia, Year2022, Submitted)
    {
        Decision = FilingDecision.Filed,
        FiledOn = new LocalDate(2022, 1, 20),
        HandedOverOn = new LocalDate(2022, 1, 31),
        LeadUnit = "县住建局",
        RepliedOn = new LocalDate(2022, 3, 1),
        Answer = AnswerClass.SolvedOrAdopted,
        Feedback = Feedback.Satisfied,
    };

    public static TheoryData<string, ValidationRule> BadRecords => new()
    {
        { "reply before handover", ValidationRule.ReplyBeforeHandover },
        { "reply without handover", ValidationRule.ReplyBeforeHandover },
        { "merged into missing", ValidationRule.MergedIntoMissing },
        { "merged into nothing", ValidationRule.MergedIntoMissing },
        { "merged into itself", ValidationRule.MergedIntoItself },
        { "filed without date", ValidationRule.FiledWithoutDate },
        { "answer without reply", ValidationRule.AnswerClassWithoutReply },
        { "feedback without reply", ValidationRule.FeedbackWithoutReply },
        { "filed before submitted", ValidationRule.DatesOutOfOrder },
        { "handover before filing", ValidationRule.DatesOutOfOrder },
        { "extension before handover", ValidationRule.DatesOutOfOrder },
        { "not filed but replied", ValidationRule.DecisionContradictsRecord },
        { "not filed with filing date", ValidationRule.DecisionContradictsRecord },
        { "merge target on a filed case", ValidationRule.DecisionContradictsRecord },
        { "co-units without lead", ValidationRule.InconsistentHandlingUnits },
        { "lead also co-handling", ValidationRule.InconsistentHandlingUnits },
        { "handed over without lead", ValidationRule.InconsistentHandlingUnits },
    };

    private static ProposalRecord Bad(string name) => name switch
    {
        "reply before handover" => With(Good("BAD"), handover: new LocalDate(2022, 3, 5)),
        "reply without handover" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Filed, FiledOn = Submitted, RepliedOn = new LocalDate(2022, 3, 1) },
        "merged into missing" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Merged, MergedInto = "NOPE" },
        "merged into nothing" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Merged },
        "merged into itself" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Merged, MergedInto = "BAD" },
        "filed without date" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Filed },
        "answer without reply" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Filed, FiledOn = Submitted, Answer = AnswerClass.ForReference },
        "feedback without reply" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Filed, FiledOn = Submitted, Feedback = Feedback.Dissatisfied },
        "filed before submitted" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Filed, FiledOn = new LocalDate(2022, 1, 9) },
        "handover before filing" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Filed, FiledOn = new LocalDate(2022, 1, 20), HandedOverOn = new LocalDate(2022, 1, 15), LeadUnit = "县住建局" },
        "extension before handover" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Filed, FiledOn = new LocalDate(2022, 1, 20), HandedOverOn = new LocalDate(2022, 1, 31), LeadUnit = "县住建局", ExtendedUntil = new LocalDate(2022, 1, 25) },
        "not filed but replied" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.NotFiled, HandedOverOn = new LocalDate(2022, 1, 31), LeadUnit = "县住建局", RepliedOn = new LocalDate(2022, 3, 1) },
        "not filed with filing date" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.NotFiled, FiledOn = new LocalDate(2022, 1, 20) },
        "merge target on a filed case" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Filed, FiledOn = Submitted, MergedInto = "OK" },
        "co-units without lead" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Filed, FiledOn = Submitted, CoUnits = ["县财政局"] },
        "lead also co-handling" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Filed, FiledOn = Submitted, LeadUnit = "县财政局", CoUnits = ["县财政局"] },
        "handed over without lead" => new ProposalRecord("BAD", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Filed, FiledOn = Submitted, HandedOverOn = new LocalDate(2022, 1, 31) },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static ProposalRecord With(ProposalRecord r, LocalDate handover) => new(r.Id, r.Committee, r.Period, r.Submitted)
    {
        Decision = r.Decision,
        FiledOn = r.FiledOn,
        HandedOverOn = handover,
        LeadUnit = r.LeadUnit,
        RepliedOn = r.RepliedOn,
        Answer = r.Answer,
        Feedback = r.Feedback,
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public void A_contradictory_record_is_rejected_naming_its_identifier(string name, ValidationRule rule)
    {
        var records = new[] { Good("OK"), Bad(name) };
        var thrown = FluentActions.Invoking(() => ProposalRecordSet.Create(records)).Should().Throw<ValidationException>().Which;
        thrown.Message.Should().Contain("BAD");
        thrown.Findings.Should().Contain(f => f.Rule == rule && f.RecordId == "BAD");
        thrown.Findings.Should().OnlyContain(f => f.RecordId == "BAD" && f.Committee == Yongjia && f.Period == Year2022);
    }

    [Theory]
    [MemberData(nameof(BadRecords))]
    public void A_contradictory_record_is_a_finding_in_collect_mode_and_is_left_out(string name, ValidationRule rule)
    {
        var set = ProposalRecordSet.Create([Good("OK"), Bad(name)], null, ValidationMode.CollectFindings);
        set.Findings.Should().Contain(f => f.Rule == rule && f.RecordId == "BAD");
        set.Findings.Should().OnlyContain(f => f.RecordId == "BAD");
        set.Count.Should().Be(1);
        set.ComputeStatistics(Yongjia, Year2022).GetCount(Measures.Proposals.Received).Should().Be(Bounds.Exactly(1));
    }

    [Fact]
    public void Duplicate_identifiers_are_rejected_and_both_copies_left_out()
    {
        var records = new[] { Good("OK"), Good("DUP"), Good("DUP") };
        FluentActions.Invoking(() => ProposalRecordSet.Create(records)).Should().Throw<ValidationException>()
            .Which.Message.Should().Contain("DUP").And.Contain("DuplicateRecord");
        var set = ProposalRecordSet.Create(records, null, ValidationMode.CollectFindings);
        set.Findings.Select(f => (f.Rule, f.RecordId)).Should().Equal((ValidationRule.DuplicateRecord, "DUP"), (ValidationRule.DuplicateRecord, "DUP"));
        set.Count.Should().Be(1);
    }

    [Fact]
    public void A_merge_into_an_existing_record_is_valid()
    {
        var merged = new ProposalRecord("M", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Merged, MergedInto = "OK" };
        ProposalRecordSet.Create([Good("OK"), merged]).Findings.Should().BeEmpty();
    }

    [Fact]
    public void Bad_arguments_are_argument_exceptions()
    {
        FluentActions.Invoking(() => new ProposalRecord(" ", Yongjia, Year2022, Submitted)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new ProposalRecord("A", default, Year2022, Submitted)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("committee");
        FluentActions.Invoking(() => new ProposalRecord("A", Yongjia, Year2022, Submitted) { CoUnits = ["x", "x"] }).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("CoUnits");
        FluentActions.Invoking(() => new ProposalRecord("A", Yongjia, Year2022, Submitted) { Decision = (FilingDecision)9 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new ProposalRecord("A", Yongjia, Year2022, new LocalDate(2022, 1, 1, CalendarSystem.Julian))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => ProposalRecordSet.Create(new List<ProposalRecord> { null! })).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ProposalRecordSet.Create([], new HandlingPolicy { ReplyDeadline = Period.Zero })).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("ReplyDeadline");
    }
}
