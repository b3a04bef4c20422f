using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>The columnar derivation equals a plain LINQ reference over random valid record sets and policies.</summary>
public class RecordPropertyTest
{
    private static readonly Committee[] Committees = [Committee.Parse("330324"), Committee.Parse("331100"), Committee.Parse("520112")];
    private static readonly ReportingPeriod[] Periods = [ReportingPeriod.CalendarYear(2022), ReportingPeriod.ForSession(4, 4, 2020)];
    private static readonly string[] Units = ["县住建局", "县教育局", "县财政局", "县卫健局"];
    private static readonly LocalDate Origin = new(2022, 1, 1);

    // One record from 18 random numbers; a policy from 4.
    private static readonly Gen<(int[][] Records, int[] Policy)> Inputs =
        Gen.Select(Gen.Int[0, 100_000].Array[18].Array[0, 120], Gen.Int[0, 100].Array[4]);

    [Fact]
    public void Columnar_statistics_equal_the_LINQ_reference() =>
        Inputs.Sample(input =>
        {
            var policy = Policy(input.Policy);
            var records = Build(input.Records);
            var set = ProposalRecordSet.Create(records, policy);
            set.Findings.Should().BeEmpty();

            var expected = records
                .GroupBy(r => (r.Committee, r.Period))
                .OrderBy(g => g.Key.Committee).ThenBy(g => g.Key.Period)
                .Select(g => (g.Key.Committee, g.Key.Period, Counts: ReferenceCounts(g.ToList(), policy)))
                .ToList();
            var table = set.ComputeAll();
            table.Count.Should().Be(expected.Count);
            for (int row = 0; row < expected.Count; row++)
            {
                table.GetCommittee(row).Should().Be(expected[row].Committee);
                table.GetPeriod(row).Should().Be(expected[row].Period);
                RecordStatisticsTest.Counts(table[row]).Should().Equal(expected[row].Counts);
                RecordStatisticsTest.Counts(set.ComputeStatistics(expected[row].Committee, expected[row].Period)).Should().Equal(expected[row].Counts);
            }
        });

    [Fact]
    public void Open_overdue_days_to_reply_and_breakdowns_equal_the_LINQ_reference() =>
        Inputs.Select(Gen.Int[0, 400]).Sample(t =>
        {
            var ((recordInput, policyInput), asOfOffset) = t;
            var policy = Policy(policyInput);
            var records = Build(recordInput);
            var set = ProposalRecordSet.Create(records, policy);
            var asOf = Origin.PlusDays(asOfOffset);
            foreach (var g in records.GroupBy(r => (r.Committee, r.Period)))
            {
                var (c, p) = g.Key;
                var list = g.ToList();

                // Open / overdue / awaiting handover.
                var open = list.Where(r => r.Decision == FilingDecision.Filed && r.FiledOn <= asOf && !(r.RepliedOn <= asOf)).ToList();
                var counts = set.OpenAsOf(c, p, asOf);
                counts.Open.Should().Be(open.Count);
                counts.Overdue.Should().Be(open.Count(r => Deadline(r, policy) < asOf));
                counts.AwaitingHandover.Should().Be(open.Count(r => !(r.HandedOverOn <= asOf)));

                // Days to reply: sorted days and type-7 percentiles.
                var days = list.Where(r => r.RepliedOn.HasValue).Select(r => Period.DaysBetween(Start(r, policy)!.Value, r.RepliedOn!.Value)).OrderBy(d => d).ToList();
                var dist = set.DaysToReply(c, p);
                dist.Days.Should().Equal(days);
                dist.Median.Should().Be(Percentile(days, 0.5m));
                dist.Percentile90.Should().Be(Percentile(days, 0.9m));
                foreach (var (unit, unitDist) in set.DaysToReplyByLeadUnit(c, p))
                {
                    unitDist.Days.Should().Equal(list.Where(r => r.LeadUnit == unit && r.RepliedOn.HasValue)
                        .Select(r => Period.DaysBetween(Start(r, policy)!.Value, r.RepliedOn!.Value)).OrderBy(d => d));
                }

                // By proposer kind and key flag.
                var byKind = set.ByProposerKind(c, p);
                foreach (var kind in new[] { ProposerKind.Individual, ProposerKind.Joint, ProposerKind.Group })
                {
                    RecordStatisticsTest.Counts(byKind[kind]).Should().Equal(ReferenceCounts(list.Where(r => r.ProposerKind == kind).ToList(), policy));
                }

                var byKey = set.ByKeyFlag(c, p);
                RecordStatisticsTest.Counts(byKey.Key).Should().Equal(ReferenceCounts(list.Where(r => r.IsKey).ToList(), policy));
                RecordStatisticsTest.Counts(byKey.Other).Should().Equal(ReferenceCounts(list.Where(r => !r.IsKey).ToList(), policy));

                // By handling unit: lead and co-handling separately.
                var units = set.ByHandlingUnit(c, p);
                var expectedUnits = list.Where(r => r.LeadUnit is not null).Select(r => (Unit: r.LeadUnit!, Role: HandlingRole.Lead, Record: r))
                    .Concat(list.SelectMany(r => r.CoUnits.Select(u => (Unit: u, Role: HandlingRole.CoHandling, Record: r))))
                    .GroupBy(x => (x.Unit, x.Role))
                    .OrderBy(x => x.Key.Unit, StringComparer.Ordinal).ThenBy(x => x.Key.Role)
                    .ToList();
                units.Select(u => (u.Unit, u.Role)).Should().Equal(expectedUnits.Select(x => x.Key));
                for (int i = 0; i < units.Count; i++)
                {
                    var reference = ReferenceCounts(expectedUnits[i].Select(x => x.Record).ToList(), policy);
                    reference.Remove("proposals.received");
                    reference.Remove("proposals.not_filed");
                    reference.Remove("proposals.merged");
                    RecordStatisticsTest.Counts(units[i].Statistics).Should().Equal(reference);
                }
            }
        });

    private static HandlingPolicy Policy(int[] v)
    {
        int months = 1 + (v[0] % 3);
        return new HandlingPolicy
        {
            ReplyDeadline = Period.FromMonths(months),
            MaximumExtension = Period.FromMonths(months + (v[1] % 4)),
            ClockStart = v[2] % 2 == 0 ? ClockStart.Handover : ClockStart.Receipt,
        };
    }

    private static List<ProposalRecord> Build(int[][] input)
    {
        var records = new List<ProposalRecord>(input.Length);
        for (int i = 0; i < input.Length; i++)
        {
            var v = input[i];
            string id = "P" + i.ToString(CultureInfo.InvariantCulture);
            var submitted = Origin.PlusDays(v[4] % 60);
            var decision = (FilingDecision)(v[3] % 4);
            if (decision == FilingDecision.Merged && i == 0)
            {
                decision = FilingDecision.NotFiled;
            }

            var r = new ProposalRecord(id, Committees[v[0] % Committees.Length], Periods[v[1] % Periods.Length], submitted)
            {
                ProposerKind = (ProposerKind)(v[2] % 3),
                Decision = decision,
                IsKey = v[17] % 5 == 0,
            };
            switch (decision)
            {
                case FilingDecision.Merged:
                    r = new ProposalRecord(id, r.Committee, r.Period, submitted)
                    {
                        ProposerKind = r.ProposerKind,
                        Decision = decision,
                        IsKey = r.IsKey,
                        MergedInto = "P" + (v[6] % i).ToString(CultureInfo.InvariantCulture),
                        FiledOn = v[6] % 2 == 0 ? submitted.PlusDays(v[5] % 20) : null,
                    };
                    break;
                case FilingDecision.Filed:
                    var filed = submitted.PlusDays(v[5] % 20);
                    LocalDate? handover = v[7] % 5 == 0 ? null : filed.PlusDays(v[8] % 15);
                    string? lead = handover is null && v[9] % 2 == 0 ? null : Units[v[9] % Units.Length];
                    var co = lead is null ? [] : Units.Where((u, k) => u != lead && ((v[10] >> k) & 1) == 1).ToArray();
                    LocalDate? replied = handover is { } h && v[11] % 3 != 0 ? h.PlusDays(v[12] % 200) : null;
                    r = new ProposalRecord(id, r.Committee, r.Period, submitted)
                    {
                        ProposerKind = r.ProposerKind,
                        Decision = decision,
                        IsKey = r.IsKey,
                        FiledOn = filed,
                        HandedOverOn = handover,
                        LeadUnit = lead,
                        CoUnits = co,
                        RepliedOn = replied,
                        Answer = replied is null || v[13] % 4 == 0 ? null : (AnswerClass)(v[13] % 4),
                        Feedback = replied is null ? Feedback.None : (Feedback)(v[14] % 5),
                        ExtendedUntil = handover is { } hh && v[15] % 4 == 0 ? hh.PlusDays(v[16] % 250) : null,
                    };
                    break;
            }

            records.Add(r);
        }

        return records;
    }

    private static LocalDate? Start(ProposalRecord r, HandlingPolicy policy) =>
        policy.ClockStart == ClockStart.Receipt ? r.Submitted : r.HandedOverOn;

    // Written again here from the policy's documentation, not by calling it.
    private static LocalDate? Deadline(ProposalRecord r, HandlingPolicy policy)
    {
        if (Start(r, policy) is not { } start)
        {
            return null;
        }

        var due = start.Plus(policy.ReplyDeadline);
        if (r.ExtendedUntil is { } ext)
        {
            var cap = start.Plus(policy.MaximumExtension);
            due = LocalDate.Max(due, LocalDate.Min(ext, cap));
        }

        return due;
    }

    private static Dictionary<string, long> ReferenceCounts(List<ProposalRecord> g, HandlingPolicy policy)
    {
        var cases = g.Where(r => r.Decision == FilingDecision.Filed).ToList();
        return new Dictionary<string, long>
        {
            ["proposals.received"] = g.Count,
            ["proposals.filed"] = g.Count(r => r.Decision == FilingDecision.Filed || (r.Decision == FilingDecision.Merged && r.FiledOn.HasValue)),
            ["proposals.not_filed"] = g.Count(r => r.Decision == FilingDecision.NotFiled),
            ["proposals.merged"] = g.Count(r => r.Decision == FilingDecision.Merged),
            ["proposals.cases"] = cases.Count,
            ["proposals.replied"] = cases.Count(r => r.RepliedOn.HasValue),
            ["proposals.replied_on_time"] = cases.Count(r => r.RepliedOn.HasValue && r.RepliedOn <= Deadline(r, policy)),
            ["proposals.outcome_a"] = g.Count(r => r.Answer == AnswerClass.SolvedOrAdopted),
            ["proposals.outcome_b"] = g.Count(r => r.Answer == AnswerClass.BeingSolvedOrPlanned),
            ["proposals.outcome_c"] = g.Count(r => r.Answer == AnswerClass.ForReference),
            ["proposals.satisfied"] = g.Count(r => r.Feedback == Feedback.Satisfied),
            ["proposals.basically_satisfied"] = g.Count(r => r.Feedback == Feedback.BasicallySatisfied),
            ["proposals.dissatisfied"] = g.Count(r => r.Feedback == Feedback.Dissatisfied),
            ["proposals.feedback"] = g.Count(r => r.Feedback != Feedback.None),
            ["proposals.key"] = g.Count(r => r.IsKey),
        };
    }

    private static decimal? Percentile(List<int> sorted, decimal p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        decimal h = (sorted.Count - 1) * p;
        int lo = (int)Math.Floor(h);
        return lo == sorted.Count - 1 ? sorted[lo] : sorted[lo] + ((h - lo) * (sorted[lo + 1] - sorted[lo]));
    }
}
