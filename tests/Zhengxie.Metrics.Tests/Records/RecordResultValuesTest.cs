using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>
/// Equality, hash codes and text of the values the record queries return (the policy, open counts, days to reply,
/// the key-flag and handling-unit breakdowns, the statistics table, its rows and observations), on the hand-made
/// committee-year of <see cref="RecordStatisticsTest"/>. Each part of each equality is changed on its own.
/// </summary>
public class RecordResultValuesTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly Committee Other = Committee.Parse("330302");
    private static readonly ReportingPeriod Year2022 = ReportingPeriod.CalendarYear(2022);

    private static ProposalRecordSet Set { get; } = ProposalRecordSet.Create(RecordStatisticsTest.Records);

    private static void NotEqualToNull<T>(T value)
        where T : class, IEquatable<T>
    {
        value.Equals((T?)null).Should().BeFalse();
        value!.Equals((object?)null).Should().BeFalse();
    }

    [Fact]
    public void A_policy_equals_another_with_the_same_three_settings_and_no_other()
    {
        var policy = new HandlingPolicy();
        policy.Equals(new HandlingPolicy()).Should().BeTrue();
        policy.Equals((object)new HandlingPolicy()).Should().BeTrue();
        policy.GetHashCode().Should().Be(new HandlingPolicy().GetHashCode());
        policy.Equals(HandlingPolicy.Default).Should().BeTrue();

        NotEqualToNull(policy);
        policy.Equals("reply within P3M from handover, extendable to P6M").Should().BeFalse();
        policy.Equals(new HandlingPolicy { ReplyDeadline = Period.FromMonths(2) }).Should().BeFalse();
        policy.Equals(new HandlingPolicy { ClockStart = ClockStart.Receipt }).Should().BeFalse();
        policy.Equals(new HandlingPolicy { MaximumExtension = Period.FromMonths(5) }).Should().BeFalse();
    }

    [Fact]
    public void A_policy_reads_as_its_deadline_clock_and_extension()
    {
        new HandlingPolicy().ToString().Should().Be("reply within P3M from handover, extendable to P6M");
        new HandlingPolicy { ReplyDeadline = Period.FromDays(60), ClockStart = ClockStart.Receipt, MaximumExtension = Period.FromMonths(4) }
            .ToString().Should().Be("reply within P60D from receipt, extendable to P4M");
    }

    [Fact]
    public void Open_counts_equal_only_with_every_part_the_same()
    {
        var june = new LocalDate(2022, 6, 1);
        var counts = Set.OpenAsOf(Yongjia, Year2022, june);
        var same = new OpenProposalCounts(Yongjia, Year2022, june, 4, 1, 1);
        counts.Equals(same).Should().BeTrue();
        counts.Equals((object)same).Should().BeTrue();
        counts.GetHashCode().Should().Be(same.GetHashCode());

        NotEqualToNull(counts);
        counts.Equals(new OpenProposalCounts(Other, Year2022, june, 4, 1, 1)).Should().BeFalse();
        counts.Equals(new OpenProposalCounts(Yongjia, ReportingPeriod.CalendarYear(2021), june, 4, 1, 1)).Should().BeFalse();
        counts.Equals(new OpenProposalCounts(Yongjia, Year2022, june.PlusDays(1), 4, 1, 1)).Should().BeFalse();
        counts.Equals(new OpenProposalCounts(Yongjia, Year2022, june, 5, 1, 1)).Should().BeFalse();
        counts.Equals(new OpenProposalCounts(Yongjia, Year2022, june, 4, 2, 1)).Should().BeFalse();
        counts.Equals(new OpenProposalCounts(Yongjia, Year2022, june, 4, 1, 0)).Should().BeFalse();

        counts.ToString().Should().Be("330324 2022 as of 2022-06-01: 4 open, 1 overdue, 1 awaiting handover");
    }

    [Fact]
    public void Open_counts_are_refused_without_committee_or_period_or_with_counts_outside_0_to_the_open_ones()
    {
        var day = new LocalDate(2022, 6, 1);
        void Refused(System.Action make, string parameter, string message) =>
            FluentActions.Invoking(make).Should().Throw<ArgumentException>().WithMessage(message + "*").Which.ParamName.Should().Be(parameter);

        Refused(() => _ = new OpenProposalCounts(default, Year2022, day, 1, 0, 0), "committee", "The counts need a committee.");
        Refused(() => _ = new OpenProposalCounts(Yongjia, default, day, 1, 0, 0), "period", "The counts need a period.");
        Refused(() => _ = new OpenProposalCounts(Yongjia, Year2022, day, -1, 0, 0), "open", "The number of open cases of 330324 2022 must not be negative, found -1.");
        Refused(() => _ = new OpenProposalCounts(Yongjia, Year2022, day, 2, 3, 0), "overdue", "The overdue cases of 330324 2022 must be from 0 to the 2 open, found 3.");
        Refused(() => _ = new OpenProposalCounts(Yongjia, Year2022, day, 2, -1, 0), "overdue", "The overdue cases of 330324 2022 must be from 0 to the 2 open, found -1.");
        Refused(() => _ = new OpenProposalCounts(Yongjia, Year2022, day, 2, 0, 3), "awaitingHandover", "The cases of 330324 2022 awaiting handover must be from 0 to the 2 open, found 3.");
        Refused(() => _ = new OpenProposalCounts(Yongjia, Year2022, day, 2, 0, -1), "awaitingHandover", "The cases of 330324 2022 awaiting handover must be from 0 to the 2 open, found -1.");

        var full = new OpenProposalCounts(Yongjia, Year2022, day, 2, 2, 2);
        (full.Open, full.Overdue, full.AwaitingHandover).Should().Be((2L, 2L, 2L));
        new OpenProposalCounts(Yongjia, Year2022, day, 0, 0, 0).Open.Should().Be(0);
    }

    [Fact]
    public void Days_to_reply_equal_by_their_days_and_read_as_count_median_and_90th_percentile()
    {
        var days = Set.DaysToReply(Yongjia, Year2022);
        var again = Set.DaysToReply(Yongjia, Year2022);
        days.Should().NotBeSameAs(again);
        days.Equals(again).Should().BeTrue();
        days.Equals((object)again).Should().BeTrue();
        days.GetHashCode().Should().Be(again.GetHashCode());
        NotEqualToNull(days);

        var housing = Set.DaysToReplyByLeadUnit(Yongjia, Year2022)["县住建局"];
        days.Equals(housing).Should().BeFalse();

        // 29, 87, 99, 160, 196: median 99, P90 160 + 0.6 × 36 = 181.6.
        days.ToString().Should().Be("n=5, median 99, P90 181.6");

        var none = Set.DaysToReply(Other, Year2022);
        none.ToString().Should().Be("n=0");
        none.Equals(Set.DaysToReplyByLeadUnit(Yongjia, Year2022)["县财政局"]).Should().BeTrue();
        none.Equals(days).Should().BeFalse();
    }

    [Fact]
    public void A_key_flag_breakdown_equals_only_with_both_halves_the_same_and_reads_as_the_filed_counts()
    {
        var split = Set.ByKeyFlag(Yongjia, Year2022);
        var again = Set.ByKeyFlag(Yongjia, Year2022);
        split.Equals(again).Should().BeTrue();
        split.Equals((object)again).Should().BeTrue();
        split.GetHashCode().Should().Be(again.GetHashCode());
        NotEqualToNull(split);
        split.Equals(new KeyProposalBreakdown(split.Other, split.Other)).Should().BeFalse();
        split.Equals(new KeyProposalBreakdown(split.Key, split.Key)).Should().BeFalse();

        // Key: R1, R4 filed; others: R2, R3, R5, R6, R11 and R9 (filed, then merged).
        split.ToString().Should().Be("330324 2022: 2 key, 6 other");

        var unknown = ProposalStatistics.FromCounts(Yongjia, Year2022, [new(Measures.Proposals.Received, Bounds.Exactly(3))]);
        new KeyProposalBreakdown(unknown, split.Other).ToString().Should().Be("330324 2022: - key, 6 other");
    }

    [Fact]
    public void A_handling_unit_breakdown_equals_only_with_unit_role_and_statistics_the_same_and_reads_as_unit_and_role()
    {
        var units = Set.ByHandlingUnit(Yongjia, Year2022);
        var again = Set.ByHandlingUnit(Yongjia, Year2022);
        units[0].Equals(again[0]).Should().BeTrue();
        units[0].Equals((object)again[0]).Should().BeTrue();
        units[0].GetHashCode().Should().Be(again[0].GetHashCode());
        NotEqualToNull(units[0]);

        // Housing leads R1, R4, R11 and co-handles R3: same unit, other role and statistics.
        units[0].Equals(units[1]).Should().BeFalse();
        units[0].Equals(new HandlingUnitStatistics("县住建局", HandlingRole.CoHandling, units[0].Statistics)).Should().BeFalse();
        units[0].Equals(new HandlingUnitStatistics("县教育局", HandlingRole.Lead, units[0].Statistics)).Should().BeFalse();
        units[0].Equals(new HandlingUnitStatistics("县住建局", HandlingRole.Lead, units[2].Statistics)).Should().BeFalse();
        units[0].Equals(new HandlingUnitStatistics("县住建局", HandlingRole.Lead, units[0].Statistics)).Should().BeTrue();

        units.Select(u => u.ToString()).Should().Equal("县住建局 (Lead)", "县住建局 (CoHandling)", "县教育局 (Lead)", "县财政局 (Lead)", "县财政局 (CoHandling)");
    }

    [Fact]
    public void A_statistics_table_equals_a_table_of_the_same_rows_and_counts()
    {
        var table = Set.ComputeAll();
        var again = ProposalRecordSet.Create(RecordStatisticsTest.Records).ComputeAll();
        table.Should().NotBeSameAs(again);
        table.Equals(table).Should().BeTrue();
        table.Equals(again).Should().BeTrue();
        table.Equals((object)again).Should().BeTrue();
        table.GetHashCode().Should().Be(again.GetHashCode());
        NotEqualToNull(table);

        // One record less (R10, under review): the same committee-periods, other counts.
        var fewer = ProposalRecordSet.Create(RecordStatisticsTest.Records.Where(r => r.Id != "R10")).ComputeAll();
        fewer.Count.Should().Be(2);
        table.Equals(fewer).Should().BeFalse();

        // Only the other committee's record: other rows.
        var otherRows = ProposalRecordSet.Create(RecordStatisticsTest.Records.Where(r => r.Committee == Other)).ComputeAll();
        table.Equals(otherRows).Should().BeFalse();

        // The same counts for another year: other periods.
        var shifted = ProposalRecordSet.Create([new ProposalRecord("X1", Other, ReportingPeriod.CalendarYear(2023), new LocalDate(2023, 1, 10)) { Decision = FilingDecision.NotFiled }]).ComputeAll();
        shifted.GetCounts(0).ToArray().Should().Equal(otherRows.GetCounts(0).ToArray());
        otherRows.Equals(shifted).Should().BeFalse();

        var empty = ProposalRecordSet.Create([]).ComputeAll();
        empty.Count.Should().Be(0);
        empty.GetHashCode().Should().Be(0);
        empty.Equals(ProposalRecordSet.Create([]).ComputeAll()).Should().BeTrue();
        empty.Equals(table).Should().BeFalse();
        table.GetHashCode().Should().NotBe(0, "a table with rows hashes its first row (0 only by a 1 in 2^32 chance)");
        table.ToString().Should().Be("RecordStatisticsTable: 2 committee-periods");
    }

    [Fact]
    public void Rows_are_found_by_number_from_0_to_count_less_1()
    {
        var table = Set.ComputeAll();
        table.GetRow(0).Committee.Should().Be(Other);
        table.GetRow(1).Committee.Should().Be(Yongjia);
        table.Rows[1].Should().Be(table.GetRow(1));
        foreach (int bad in new[] { -1, 2, int.MinValue })
        {
            FluentActions.Invoking(() => table.GetRow(bad)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("No such row.*").Which.ParamName.Should().Be("row");
        }
    }

    [Fact]
    public void A_default_row_belongs_to_no_table()
    {
        var row = default(RecordStatisticsRow);
        row.ToString().Should().Be("(no row)");
        FluentActions.Invoking(() => row.Committee).Should().Throw<InvalidOperationException>().WithMessage("default(RecordStatisticsRow) belongs to no table.");

        var table = Set.ComputeAll();
        (table.GetRow(1) != table.GetRow(1)).Should().BeFalse();
        (table.GetRow(0) != table.GetRow(1)).Should().BeTrue();
        (table.GetRow(0) == table.GetRow(1)).Should().BeFalse();
        (row != table.GetRow(0)).Should().BeTrue();
    }

    [Fact]
    public void An_observation_with_neither_count_nor_rate_reads_as_a_dash()
    {
        var observation = new RecordObservation(Yongjia, "永嘉县", Year2022, Measures.Rates.Acceptance, null, null);
        observation.ToString().Should().Be("330324 永嘉县 2022 rate.acceptance = -");
        observation.Value.Should().BeNull();
        (observation with { Count = 7 }).ToString().Should().Be("330324 永嘉县 2022 rate.acceptance = 7");
    }
}
