using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>
/// A hand-made committee-year of eleven proposals (永嘉 330324, 2022) under the default policy (3 months from
/// handover, extension capped at 6 months from handover). Every expected value is worked out by hand in the comments.
/// </summary>
public class RecordStatisticsTest
{
    private const string Housing = "县住建局";
    private const string Education = "县教育局";
    private const string Finance = "县财政局";

    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly Committee Other = Committee.Parse("330302");
    private static readonly ReportingPeriod Year2022 = ReportingPeriod.CalendarYear(2022);
    private static readonly LocalDate Submitted = new(2022, 1, 10);
    private static readonly LocalDate FiledOn = new(2022, 1, 20);
    private static readonly LocalDate Handover = new(2022, 1, 31);

    /// <summary>Gets the eleven records, plus one of another committee.</summary>
    internal static IReadOnlyList<ProposalRecord> Records { get; } =
    [
        // R1: deadline 31 Jan + 3 months = 30 Apr; replied 28 Apr: on time, 87 days (28 + 31 + 28). A, 满意, key, co-handled by finance.
        Case("R1", ProposerKind.Individual, Handover, Housing, [Finance], new LocalDate(2022, 4, 28), AnswerClass.SolvedOrAdopted, Feedback.Satisfied, key: true),

        // R2: deadline 30 Apr; replied 10 May: late, 99 days (89 + 10). B, 基本满意. Joint.
        Case("R2", ProposerKind.Joint, Handover, Education, [], new LocalDate(2022, 5, 10), AnswerClass.BeingSolvedOrPlanned, Feedback.BasicallySatisfied),

        // R3: extended to 15 Jul (within the cap of 31 Jul); replied 10 Jul: on time, 160 days (150 to 30 Jun + 10). C, 不满意. Group.
        Case("R3", ProposerKind.Group, Handover, Education, [Housing, Finance], new LocalDate(2022, 7, 10), AnswerClass.ForReference, Feedback.Dissatisfied, extended: new LocalDate(2022, 7, 15)),

        // R4: extended to 30 Sep, capped at 31 Jul; replied 15 Aug: late, 196 days (181 + 15). A, 理解, key.
        Case("R4", ProposerKind.Individual, Handover, Housing, [], new LocalDate(2022, 8, 15), AnswerClass.SolvedOrAdopted, Feedback.Understanding, key: true, extended: new LocalDate(2022, 9, 30)),

        // R5: handed over 15 Feb (deadline 15 May), no reply.
        Case("R5", ProposerKind.Individual, new LocalDate(2022, 2, 15), Finance, [], null, null, Feedback.None),

        // R6: filed, not handed over yet.
        Case("R6", ProposerKind.Individual, null, null, [], null, null, Feedback.None),

        // R7: not filed (converted to an opinion).
        new("R7", Yongjia, Year2022, Submitted) { Decision = FilingDecision.NotFiled },

        // R8: merged into R1 instead of being filed. Joint.
        new("R8", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Merged, MergedInto = "R1", ProposerKind = ProposerKind.Joint },

        // R9: filed, then merged into R2.
        new("R9", Yongjia, Year2022, Submitted) { Decision = FilingDecision.Merged, FiledOn = FiledOn, MergedInto = "R2" },

        // R10: still under review.
        new("R10", Yongjia, Year2022, Submitted),

        // R11: replied 1 Mar: on time, 29 days (28 + 1). A, 满意.
        Case("R11", ProposerKind.Individual, Handover, Housing, [], new LocalDate(2022, 3, 1), AnswerClass.SolvedOrAdopted, Feedback.Satisfied),

        // Another committee, to show it is kept apart.
        new("X1", Other, Year2022, Submitted) { Decision = FilingDecision.NotFiled },
    ];

    private static ProposalRecordSet Set { get; } = ProposalRecordSet.Create(Records);

    [Fact]
    public void Counts_and_rates_of_the_committee_year()
    {
        var s = Set.ComputeStatistics(Yongjia, Year2022);
        Counts(s).Should().Equal(new Dictionary<string, long>
        {
            ["proposals.received"] = 11,
            ["proposals.filed"] = 8, // 7 cases + R9 (filed, then merged)
            ["proposals.not_filed"] = 1, // R7
            ["proposals.merged"] = 2, // R8, R9
            ["proposals.cases"] = 7, // R1 to R6, R11
            ["proposals.replied"] = 5, // R1, R2, R3, R4, R11
            ["proposals.replied_on_time"] = 3, // R1, R3, R11
            ["proposals.outcome_a"] = 3, // R1, R4, R11
            ["proposals.outcome_b"] = 1, // R2
            ["proposals.outcome_c"] = 1, // R3
            ["proposals.satisfied"] = 2, // R1, R11
            ["proposals.basically_satisfied"] = 1, // R2
            ["proposals.dissatisfied"] = 1, // R3
            ["proposals.feedback"] = 5, // and R4's 理解
            ["proposals.key"] = 2, // R1, R4
        });

        s.GetRate(Measures.Rates.Acceptance).ToString().Should().Be(Rate.Of(8, 11).ToString());
        s.GetRate(Measures.Rates.Acceptance).Value.Should().Be(8m / 11m);
        s.GetRate(Measures.Rates.Reply).Value.Should().Be(5m / 8m);
        s.GetRate(Measures.Rates.Reply, new RateOptions { DownstreamBase = DownstreamBase.Cases }).Value.Should().Be(5m / 7m);
        s.GetRate(Measures.Rates.OnTimeReply).Value.Should().Be(3m / 8m);
        s.GetRate(Measures.Rates.Adoption).Value.Should().Be(3m / 8m);
        s.GetRate(Measures.Rates.AdoptionIncludingPlanned).Value.Should().Be(4m / 8m);
        s.GetRate(Measures.Rates.Satisfaction).Value.Should().Be(3m / 5m);
    }

    [Fact]
    public void ComputeAll_has_one_row_per_committee_period()
    {
        var table = Set.ComputeAll();
        table.Count.Should().Be(2);
        table.GetCommittee(0).Should().Be(Other); // 330302 sorts before 330324
        table.GetCount(0, Measures.Proposals.Received).Should().Be(1);
        table.GetCount(0, Measures.Proposals.NotFiled).Should().Be(1);
        table.TryGet(Yongjia, Year2022, out var s).Should().BeTrue();
        Counts(s!).Should().Equal(Counts(Set.ComputeStatistics(Yongjia, Year2022)));
        table.TryGet(Yongjia, ReportingPeriod.CalendarYear(2021), out _).Should().BeFalse();
        FluentActions.Invoking(() => Set.ComputeStatistics(Yongjia, ReportingPeriod.CalendarYear(2021))).Should().Throw<KeyNotFoundException>().WithMessage("*330324*2021*");
    }

    [Fact]
    public void Open_and_overdue_as_of_a_date()
    {
        // 1 Jun: replied by then R1, R2, R11; open R3, R4, R5, R6; overdue R5 (15 May); R6 awaits handover.
        var june = Set.OpenAsOf(Yongjia, Year2022, new LocalDate(2022, 6, 1));
        (june.Open, june.Overdue, june.AwaitingHandover).Should().Be((4L, 1L, 1L));

        // 1 Aug: open R4 (replied 15 Aug), R5, R6; overdue R4 (capped 31 Jul) and R5.
        var august = Set.OpenAsOf(Yongjia, Year2022, new LocalDate(2022, 8, 1));
        (august.Open, august.Overdue, august.AwaitingHandover).Should().Be((3L, 2L, 1L));

        // 31 Jul: R4's deadline is that day, so it is not overdue yet.
        var july31 = Set.OpenAsOf(Yongjia, Year2022, new LocalDate(2022, 7, 31));
        (july31.Open, july31.Overdue).Should().Be((3L, 1L));

        // 19 Jan: nothing filed yet.
        Set.OpenAsOf(Yongjia, Year2022, new LocalDate(2022, 1, 19)).Open.Should().Be(0);

        Set.OpenAsOf(new LocalDate(2022, 8, 1)).Select(o => o.Open).Should().Equal(0L, 3L);
    }

    [Fact]
    public void Open_now_reads_the_clock_in_China_Standard_Time()
    {
        // 31 Jul 17:00 UTC is 1 Aug 01:00 in Beijing: counted as 1 August.
        var clock = new FakeClock(Instant.FromUtc(2022, 7, 31, 17, 0));
        var now = Set.OpenNow(Yongjia, Year2022, clock);
        now.AsOf.Should().Be(new LocalDate(2022, 8, 1));
        (now.Open, now.Overdue).Should().Be((3L, 2L));

        // The same instant in UTC is still 31 July.
        var utc = Set.OpenNow(Yongjia, Year2022, clock, DateTimeZone.Utc);
        (utc.AsOf, utc.Overdue).Should().Be((new LocalDate(2022, 7, 31), 1L));

        clock.AdvanceDays(30);
        Set.OpenNow(Yongjia, Year2022, clock).Overdue.Should().Be(1); // 31 Aug: R4 replied on 15 Aug, R5 still overdue
    }

    [Fact]
    public void Days_to_reply_median_and_90th_percentile()
    {
        // 29, 87, 99, 160, 196: median 99; P90: h = 4 × 0.9 = 3.6, 160 + 0.6 × 36 = 181.6.
        var d = Set.DaysToReply(Yongjia, Year2022);
        d.Days.Should().Equal(29, 87, 99, 160, 196);
        d.Count.Should().Be(5);
        d.Median.Should().Be(99m);
        d.Percentile90.Should().Be(181.6m);
        (d.Minimum, d.Maximum).Should().Be((29, 196));

        var byUnit = Set.DaysToReplyByLeadUnit(Yongjia, Year2022);
        byUnit.Keys.Should().Equal(Housing, Education, Finance);

        // Housing: 29, 87, 196: median 87; P90: h = 1.8, 87 + 0.8 × 109 = 174.2.
        byUnit[Housing].Median.Should().Be(87m);
        byUnit[Housing].Percentile90.Should().Be(174.2m);

        // Education: 99, 160: median 129.5; P90: h = 0.9, 99 + 0.9 × 61 = 153.9.
        byUnit[Education].Median.Should().Be(129.5m);
        byUnit[Education].Percentile90.Should().Be(153.9m);

        // Finance leads R5, unanswered.
        byUnit[Finance].Count.Should().Be(0);
        byUnit[Finance].Median.Should().BeNull();

        Set.DaysToReply(Other, Year2022).Count.Should().Be(0);
    }

    [Fact]
    public void Breakdown_by_handling_unit_counts_lead_and_co_handling_separately()
    {
        var units = Set.ByHandlingUnit(Yongjia, Year2022);
        units.Select(u => (u.Unit, u.Role)).Should().Equal(
            (Housing, HandlingRole.Lead),
            (Housing, HandlingRole.CoHandling),
            (Education, HandlingRole.Lead),
            (Finance, HandlingRole.Lead),
            (Finance, HandlingRole.CoHandling));

        // Housing leads R1, R4, R11: all replied, R1 and R11 on time, all A; feedback 满意, 理解, 满意; R1 and R4 key.
        Counts(units[0].Statistics).Should().Equal(UnitCounts(cases: 3, replied: 3, onTime: 2, a: 3, b: 0, c: 0, sat: 2, basic: 0, dissat: 0, feedback: 3, key: 2));

        // Housing co-handles R3: on time, C, 不满意.
        Counts(units[1].Statistics).Should().Equal(UnitCounts(cases: 1, replied: 1, onTime: 1, a: 0, b: 0, c: 1, sat: 0, basic: 0, dissat: 1, feedback: 1, key: 0));

        // Education leads R2 (late, B, 基本满意) and R3 (on time, C, 不满意).
        Counts(units[2].Statistics).Should().Equal(UnitCounts(cases: 2, replied: 2, onTime: 1, a: 0, b: 1, c: 1, sat: 0, basic: 1, dissat: 1, feedback: 2, key: 0));

        // Finance leads R5 (no reply).
        Counts(units[3].Statistics).Should().Equal(UnitCounts(cases: 1, replied: 0, onTime: 0, a: 0, b: 0, c: 0, sat: 0, basic: 0, dissat: 0, feedback: 0, key: 0));

        // Finance co-handles R1 (A, 满意, key) and R3 (C, 不满意), both on time.
        Counts(units[4].Statistics).Should().Equal(UnitCounts(cases: 2, replied: 2, onTime: 2, a: 1, b: 0, c: 1, sat: 1, basic: 0, dissat: 1, feedback: 2, key: 1));

        units[0].Statistics.GetRate(Measures.Rates.OnTimeReply).Value.Should().Be(2m / 3m);
        units[0].Statistics.TryGetRate(Measures.Rates.Acceptance, out _).Should().BeFalse(); // no received count for a unit
    }

    [Fact]
    public void Breakdown_by_proposer_kind()
    {
        var byKind = Set.ByProposerKind(Yongjia, Year2022);
        byKind.Keys.Should().Equal(ProposerKind.Individual, ProposerKind.Joint, ProposerKind.Group);

        // Individual: R1, R4, R5, R6, R7, R9, R10, R11.
        var individual = Counts(byKind[ProposerKind.Individual]);
        individual["proposals.received"].Should().Be(8);
        individual["proposals.filed"].Should().Be(6); // R1, R4, R5, R6, R11 + R9
        individual["proposals.cases"].Should().Be(5);
        individual["proposals.not_filed"].Should().Be(1);
        individual["proposals.merged"].Should().Be(1);
        individual["proposals.replied"].Should().Be(3);
        individual["proposals.replied_on_time"].Should().Be(2);
        individual["proposals.outcome_a"].Should().Be(3);
        individual["proposals.key"].Should().Be(2);

        // Joint: R2, R8.
        var joint = Counts(byKind[ProposerKind.Joint]);
        (joint["proposals.received"], joint["proposals.filed"], joint["proposals.merged"], joint["proposals.replied"], joint["proposals.replied_on_time"], joint["proposals.outcome_b"])
            .Should().Be((2L, 1L, 1L, 1L, 0L, 1L));

        // Group: R3.
        var group = Counts(byKind[ProposerKind.Group]);
        (group["proposals.received"], group["proposals.filed"], group["proposals.replied_on_time"], group["proposals.outcome_c"], group["proposals.dissatisfied"])
            .Should().Be((1L, 1L, 1L, 1L, 1L));
    }

    [Fact]
    public void Breakdown_by_key_flag()
    {
        var split = Set.ByKeyFlag(Yongjia, Year2022);

        // Key: R1 (on time), R4 (late): both A.
        var key = Counts(split.Key);
        (key["proposals.received"], key["proposals.filed"], key["proposals.replied"], key["proposals.replied_on_time"], key["proposals.outcome_a"], key["proposals.key"])
            .Should().Be((2L, 2L, 2L, 1L, 2L, 2L));

        // Others: 9 received; filed R2, R3, R5, R6, R11 + R9 = 6; replied R2, R3, R11; on time R3, R11.
        var other = Counts(split.Other);
        (other["proposals.received"], other["proposals.filed"], other["proposals.replied"], other["proposals.replied_on_time"], other["proposals.key"])
            .Should().Be((9L, 6L, 3L, 2L, 0L));
    }

    [Fact]
    public void Receipt_clock_changes_on_time_counts()
    {
        // From receipt (10 Jan): deadline 10 Apr, extended ones capped at 10 Jul.
        // R1 (28 Apr) late; R2 late; R3 (10 Jul, extended to 15 Jul, capped 10 Jul) on time; R4 late; R11 (1 Mar) on time.
        var set = ProposalRecordSet.Create(Records, new HandlingPolicy { ClockStart = ClockStart.Receipt });
        set.ComputeStatistics(Yongjia, Year2022).GetCount(Measures.Proposals.RepliedOnTime).Should().Be(Bounds.Exactly(2));

        // Days from receipt: R11 50 (21 + 28 + 1), R1 108, R2 120, R3 181, R4 217.
        set.DaysToReply(Yongjia, Year2022).Days.Should().Equal(50, 108, 120, 181, 217);
    }

    internal static Dictionary<string, long> Counts(ProposalStatistics s) =>
        s.Counts.ToDictionary(kv => kv.Key.Id, kv => kv.Value.Lower);

    private static Dictionary<string, long> UnitCounts(long cases, long replied, long onTime, long a, long b, long c, long sat, long basic, long dissat, long feedback, long key) => new()
    {
        ["proposals.filed"] = cases,
        ["proposals.cases"] = cases,
        ["proposals.replied"] = replied,
        ["proposals.replied_on_time"] = onTime,
        ["proposals.outcome_a"] = a,
        ["proposals.outcome_b"] = b,
        ["proposals.outcome_c"] = c,
        ["proposals.satisfied"] = sat,
        ["proposals.basically_satisfied"] = basic,
        ["proposals.dissatisfied"] = dissat,
        ["proposals.feedback"] = feedback,
        ["proposals.key"] = key,
    };

    private static ProposalRecord Case(
        string id,
        ProposerKind kind,
        LocalDate? handover,
        string? lead,
        string[] co,
        LocalDate? replied,
        AnswerClass? answer,
        Feedback feedback,
        bool key = false,
        LocalDate? extended = null) =>
        new(id, Yongjia, Year2022, Submitted)
        {
            ProposerKind = kind,
            Decision = FilingDecision.Filed,
            FiledOn = FiledOn,
            HandedOverOn = handover,
            LeadUnit = lead,
            CoUnits = co,
            RepliedOn = replied,
            Answer = answer,
            Feedback = feedback,
            IsKey = key,
            ExtendedUntil = extended,
        };
}
