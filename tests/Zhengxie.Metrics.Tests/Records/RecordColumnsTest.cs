using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>Records given by column build the same set (statistics, findings, exceptions) as the same records given as objects.</summary>
public class RecordColumnsTest
{
    private static readonly Committee[] Committees = [Committee.Parse("330324"), Committee.Parse("331100"), Committee.Parse("520112"), Committee.Parse("330300/prefecture")];
    private static readonly ReportingPeriod[] Periods = [ReportingPeriod.CalendarYear(2022), ReportingPeriod.ForSession(4, 4, 2020), ReportingPeriod.CalendarYear(2021)];
    private static readonly string[] Units = ["县住建局", "县教育局", "县财政局", "县卫健局"];
    private static readonly LocalDate Origin = new(2021, 12, 1);

    // One record from 19 random numbers: valid and invalid ones (duplicate identifiers, missing merge targets, dates out of order, …).
    private static readonly Gen<int[][]> Inputs = Gen.Int[0, 1_000_000].Array[19].Array[0, 150];

    [Fact]
    public void Columns_give_the_same_statistics_and_findings_as_objects() =>
        Inputs.Select(Gen.Int[0, 3]).Sample(t =>
        {
            var (input, policyChoice) = t;
            var policy = policyChoice switch
            {
                0 => HandlingPolicy.Default,
                1 => new HandlingPolicy { ClockStart = ClockStart.Receipt, ReplyDeadline = Period.FromMonths(2), MaximumExtension = Period.FromMonths(3) },
                _ => new HandlingPolicy { ReplyDeadline = Period.FromDays(40), MaximumExtension = Period.FromDays(40) },
            };
            var records = Build(input);
            var fromObjects = ProposalRecordSet.Create(records, policy, ValidationMode.CollectFindings);
            var fromColumns = ProposalRecordSet.Create(ToColumns(records), policy, ValidationMode.CollectFindings);

            fromColumns.Count.Should().Be(fromObjects.Count);
            fromColumns.Findings.Select(f => (f.Rule, f.Message, f.RecordId, f.Committee, f.Period))
                .Should().Equal(fromObjects.Findings.Select(f => (f.Rule, f.Message, f.RecordId, f.Committee, f.Period)));
            var expected = fromObjects.ComputeAll();
            var actual = fromColumns.ComputeAll();
            actual.Committees.ToArray().Should().Equal(expected.Committees.ToArray());
            actual.Periods.ToArray().Should().Equal(expected.Periods.ToArray());
            actual.AllCounts.ToArray().Should().Equal(expected.AllCounts.ToArray());
            foreach (var (c, p) in fromObjects.CommitteePeriods)
            {
                fromColumns.DaysToReply(c, p).Days.Should().Equal(fromObjects.DaysToReply(c, p).Days);
                var open = fromColumns.OpenAsOf(c, p, Origin.PlusDays(90));
                var expectedOpen = fromObjects.OpenAsOf(c, p, Origin.PlusDays(90));
                (open.Open, open.Overdue, open.AwaitingHandover).Should().Be((expectedOpen.Open, expectedOpen.Overdue, expectedOpen.AwaitingHandover));
                fromColumns.ByHandlingUnit(c, p).Select(Describe).Should().Equal(fromObjects.ByHandlingUnit(c, p).Select(Describe));
                static string Describe(HandlingUnitStatistics u) =>
                    u.Unit + "/" + u.Role + ":" + string.Join(",", RecordStatisticsTest.Counts(u.Statistics).OrderBy(kv => kv.Key, StringComparer.Ordinal));
            }
        });

    [Fact]
    public void Columns_throw_the_same_validation_exception_as_objects()
    {
        var records = Build([[1, 2, 3, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 1], [1, 2, 3, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 1]]);
        records.Add(new ProposalRecord(records[0].Id, Committees[1], Periods[0], new LocalDate(2022, 1, 3)));
        var fromObjects = FluentActions.Invoking(() => ProposalRecordSet.Create(records)).Should().Throw<ValidationException>().Which;
        var fromColumns = FluentActions.Invoking(() => ProposalRecordSet.Create(ToColumns(records))).Should().Throw<ValidationException>().Which;
        fromColumns.Message.Should().Be(fromObjects.Message).And.Contain("DuplicateRecord");
    }

    [Fact]
    public void Optional_columns_left_empty_take_the_defaults()
    {
        var set = ProposalRecordSet.Create(new ProposalRecordColumns(
            new[] { "A", "B" }, new[] { Committees[0], Committees[0] }, new[] { Periods[0], Periods[0] }, new[] { new LocalDate(2022, 1, 3), new LocalDate(2022, 1, 4) }));
        set.ComputeAll().GetCounts(0).ToArray().Should().Equal(2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var byKind = set.ByProposerKind(Committees[0], Periods[0]);
        RecordStatisticsTest.Counts(byKind[ProposerKind.Individual]).Should().Equal(RecordStatisticsTest.Counts(set.ComputeStatistics(Committees[0], Periods[0])));
        RecordStatisticsTest.Counts(byKind[ProposerKind.Joint]).Values.Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public void Slices_of_arrays_are_read_from_their_offset()
    {
        var records = Build([[0, 0, 0, 1, 2, 3, 4, 1, 5, 6, 7, 1, 8, 1, 1, 1, 9, 10, 1], [1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 1]]);
        ProposalRecordSet.Create(records).Count.Should().Be(2);
        var full = ToColumns(records);
        var ids = new[] { "X" }.Concat(full.Ids.ToArray()).ToArray();
        var sliced = new ProposalRecordColumns(ids.AsMemory(1), full.Committees, full.Periods, full.Submitted)
        {
            Decisions = full.Decisions,
            FiledOn = full.FiledOn,
            HandedOverOn = full.HandedOverOn,
            LeadUnits = full.LeadUnits,
            CoUnits = full.CoUnits,
            CoUnitOffsets = full.CoUnitOffsets,
            RepliedOn = full.RepliedOn,
            Answers = full.Answers,
            Feedback = full.Feedback,
        };
        ProposalRecordSet.Create(sliced).ComputeAll().AllCounts.ToArray().Should().Equal(ProposalRecordSet.Create(records).ComputeAll().AllCounts.ToArray());
    }

    [Fact]
    public void Columns_of_different_lengths_are_refused_naming_the_column()
    {
        var one = new[] { new LocalDate(2022, 1, 3) };
        FluentActions.Invoking(() => new ProposalRecordColumns(new[] { "A", "B" }, new[] { Committees[0], Committees[0] }, new[] { Periods[0], Periods[0] }, one))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("submitted");
        FluentActions.Invoking(() => new ProposalRecordColumns(new[] { "A" }, new[] { Committees[0] }, new[] { Periods[0] }, one) { Decisions = new[] { FilingDecision.Filed, FilingDecision.Filed } })
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("Decisions");
        FluentActions.Invoking(() => new ProposalRecordColumns(new[] { "A" }, new[] { Committees[0] }, new[] { Periods[0] }, one) { CoUnitOffsets = new[] { 0 } })
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("CoUnitOffsets");
    }

    [Fact]
    public void A_value_no_record_could_have_is_an_argument_error_naming_column_row_and_record()
    {
        var committees = new[] { Committees[0], Committees[0] };
        var periods = new[] { Periods[0], Periods[0] };
        var dates = new[] { new LocalDate(2022, 1, 3), new LocalDate(2022, 1, 4) };

        Refused(new ProposalRecordColumns(new[] { "A", " " }, committees, periods, dates), "Ids", "Column Ids, row 1: the identifier is empty.");
        Refused(new ProposalRecordColumns(new[] { "A", "B" }, new[] { Committees[0], default }, periods, dates), "Committees", "Column Committees, row 1 (record B): a record needs a committee.");
        Refused(new ProposalRecordColumns(new[] { "A", "B" }, committees, new[] { default, Periods[0] }, dates), "Periods", "Column Periods, row 0 (record A): a record needs a period.");
        Refused(new ProposalRecordColumns(new[] { "A", "B" }, committees, periods, dates) { Decisions = new[] { FilingDecision.Filed, (FilingDecision)9 } }, "Decisions", "Column Decisions, row 1 (record B): not a defined filing decision.");
        Refused(new ProposalRecordColumns(new[] { "A", "B" }, committees, periods, dates) { Answers = new AnswerClass?[] { null, (AnswerClass)0 } }, "Answers", "*row 1 (record B)*");
        Refused(new ProposalRecordColumns(new[] { "A", "B" }, committees, periods, dates) { FiledOn = new LocalDate?[] { new LocalDate(2022, 1, 5, CalendarSystem.Julian), null } }, "FiledOn", "Column FiledOn, row 0 (record A): dates must be in the ISO calendar.");
        Refused(new ProposalRecordColumns(new[] { "A", "B" }, committees, periods, dates) { LeadUnits = new string?[] { null, "" } }, "LeadUnits", "*row 1 (record B)*blank*");
        Refused(
            new ProposalRecordColumns(new[] { "A", "B" }, committees, periods, dates) { CoUnits = new[] { "县财政局", "县财政局" }, CoUnitOffsets = new[] { 0, 0, 2 } },
            "CoUnits",
            "Column CoUnits, row 1 (record B): a co-handling unit is listed twice.");
        Refused(new ProposalRecordColumns(new[] { "A", "B" }, committees, periods, dates) { CoUnits = new[] { "县财政局" }, CoUnitOffsets = new[] { 0, 2, 1 } }, "columns", "*decreases at row 1 (record B)*");
        Refused(new ProposalRecordColumns(new[] { "A", "B" }, committees, periods, dates) { CoUnits = new[] { "县财政局" } }, "columns", "*CoUnitOffsets is empty*");

        static void Refused(ProposalRecordColumns columns, string param, string message) =>
            FluentActions.Invoking(() => ProposalRecordSet.Create(columns, mode: ValidationMode.CollectFindings))
                .Should().Throw<ArgumentException>().WithMessage(message + "*").Which.ParamName.Should().Be(param);
    }

    [Fact]
    public void A_committee_period_whose_records_are_all_bad_is_unknown_not_zero()
    {
        var set = ProposalRecordSet.Create(
            new ProposalRecordColumns(new[] { "A", "B" }, new[] { Committees[0], Committees[1] }, new[] { Periods[0], Periods[0] }, new[] { new LocalDate(2022, 1, 3), new LocalDate(2022, 1, 4) })
            {
                Decisions = new[] { FilingDecision.Filed, FilingDecision.NotFiled },
            },
            mode: ValidationMode.CollectFindings);
        set.Findings.Should().ContainSingle().Which.Should().Match<ValidationFinding>(f => f.Rule == ValidationRule.FiledWithoutDate && f.RecordId == "A" && f.Committee == Committees[0]);
        set.Contains(Committees[0], Periods[0]).Should().BeFalse();
        set.ComputeAll().Count.Should().Be(1);
    }

    /// <summary>The columns of records, as a caller holding them by column would give them.</summary>
    internal static ProposalRecordColumns ToColumns(IReadOnlyList<ProposalRecord> records)
    {
        var offsets = new int[records.Count + 1];
        for (int i = 0; i < records.Count; i++)
        {
            offsets[i + 1] = offsets[i] + records[i].CoUnits.Count;
        }

        return new ProposalRecordColumns(
            records.Select(r => r.Id).ToArray(), records.Select(r => r.Committee).ToArray(), records.Select(r => r.Period).ToArray(), records.Select(r => r.Submitted).ToArray())
        {
            ProposerKinds = records.Select(r => r.ProposerKind).ToArray(),
            Decisions = records.Select(r => r.Decision).ToArray(),
            FiledOn = records.Select(r => r.FiledOn).ToArray(),
            MergedInto = records.Select(r => r.MergedInto).ToArray(),
            HandedOverOn = records.Select(r => r.HandedOverOn).ToArray(),
            LeadUnits = records.Select(r => r.LeadUnit).ToArray(),
            CoUnits = records.SelectMany(r => r.CoUnits).ToArray(),
            CoUnitOffsets = offsets,
            RepliedOn = records.Select(r => r.RepliedOn).ToArray(),
            ExtendedUntil = records.Select(r => r.ExtendedUntil).ToArray(),
            Answers = records.Select(r => r.Answer).ToArray(),
            Feedback = records.Select(r => r.Feedback).ToArray(),
            IsKey = records.Select(r => r.IsKey).ToArray(),
        };
    }

    /// <summary>Records from random numbers: mostly consistent, with a share of every kind of bad record.</summary>
    internal static List<ProposalRecord> Build(int[][] input)
    {
        var records = new List<ProposalRecord>(input.Length);
        for (int i = 0; i < input.Length; i++)
        {
            var v = input[i];
            bool chaos = v[18] % 6 == 0;
            string id = "P" + (chaos && v[0] % 3 == 0 ? v[1] % 5 : i).ToString(CultureInfo.InvariantCulture);
            var submitted = chaos && v[2] % 10 == 0 ? new LocalDate(1900 + (v[3] % 3), 5, 1) : Origin.PlusDays(v[4] % 90);
            var decision = (FilingDecision)(v[3] % 4);
            LocalDate? Maybe(int roll, LocalDate from, int days) => roll % 7 == 0 ? null : from.PlusDays((roll % days) - (chaos ? 10 : 0));
            var filed = decision == FilingDecision.Filed || (decision == FilingDecision.Merged && v[5] % 2 == 0) || (chaos && v[5] % 3 == 0) ? Maybe(v[5], submitted, 20) : null;
            bool handled = decision == FilingDecision.Filed || (chaos && v[6] % 4 == 0);
            LocalDate? handover = handled ? Maybe(v[7], filed ?? submitted, 15) : null;
            string? lead = handled && (handover is not null || v[8] % 3 == 0) && !(chaos && v[8] % 5 == 0) ? Units[v[8] % Units.Length] : null;
            var co = handled ? Units.Where((u, k) => (u != lead || chaos) && ((v[9] >> k) & 1) == 1 && k < 3).ToArray() : [];
            LocalDate? replied = handled && (handover is not null || chaos) && v[10] % 3 != 0 ? (handover ?? submitted).PlusDays((v[11] % 200) - (chaos ? 20 : 0)) : null;
            records.Add(new ProposalRecord(id, Committees[v[12] % Committees.Length], Periods[v[13] % Periods.Length], submitted)
            {
                ProposerKind = (ProposerKind)(v[14] % 3),
                Decision = decision,
                IsKey = v[15] % 5 == 0,
                FiledOn = filed,
                MergedInto = decision == FilingDecision.Merged || (chaos && v[16] % 5 == 0) ? "P" + (v[16] % (i + (chaos ? 3 : 1))).ToString(CultureInfo.InvariantCulture) : null,
                HandedOverOn = handover,
                LeadUnit = lead,
                CoUnits = co,
                RepliedOn = replied,
                Answer = (replied is null && !chaos) || v[17] % 4 == 0 ? null : (AnswerClass)(v[17] % 4),
                Feedback = replied is null && !chaos ? Feedback.None : (Feedback)(v[10] % 5),
                ExtendedUntil = (handover is { } h && v[6] % 4 == 0) ? h.PlusDays((v[1] % 250) - (chaos ? 30 : 0)) : (chaos && v[6] % 7 == 1 ? submitted.PlusDays(100) : null),
            });
        }

        return records;
    }
}
