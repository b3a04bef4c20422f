using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>
/// The set's compact columns: days as 16-bit offsets from the set's first day, unit numbers and co-handling counts in
/// 16 bits when they fit, the full numbers when they do not, and the same answers either way.
/// </summary>
public class CompactColumnTest
{
    private static readonly Committee County = Committee.Parse("330324");
    private static readonly Committee City = Committee.Parse("330300");

    [Fact]
    public void A_column_holds_a_range_of_65535_numbers_and_the_missing_value_in_16_bits_and_widens_for_one_number_more()
    {
        const int First = 700_000;
        CompactColumn.Fits(First, First + 65_534).Should().BeTrue();
        CompactColumn.Fits(First, First + 65_535).Should().BeFalse();
        CompactColumn.Fits(int.MinValue, int.MaxValue - 1).Should().BeFalse();
        CompactColumn.Fits(0, -1).Should().BeTrue();

        // Days, with a missing date.
        RoundTrip(First, First + 65_534, RecordDays.Never, [First, First + 1, First + 32_768, First + 65_533, First + 65_534, RecordDays.Never]).Should().BeTrue();
        RoundTrip(First, First + 100_000, RecordDays.Never, [First, First + 65_535, First + 100_000, RecordDays.Never]).Should().BeFalse();

        // A column of no day at all (the first day of an empty range is the missing value) and of no unit at all.
        RoundTrip(RecordDays.Never, int.MinValue, RecordDays.Never, [RecordDays.Never, RecordDays.Never]).Should().BeTrue();
        RoundTrip(0, -1, -1, [-1, -1]).Should().BeTrue();

        // Unit numbers, with none; counts (nothing missing).
        RoundTrip(0, 65_534, -1, [-1, 0, 1, 65_533, 65_534]).Should().BeTrue();
        RoundTrip(0, 65_535, -1, [-1, 0, 65_534, 65_535]).Should().BeFalse();
        RoundTrip(0, 1_000_000, -1, [0, 65_535, 1_000_000]).Should().BeFalse();

        static bool RoundTrip(int first, int last, int missing, int[] values)
        {
            var column = CompactColumn.Allocate(values.Length, first, last, missing);
            for (int i = 0; i < values.Length; i++)
            {
                column.Set(i, values[i]);
            }

            Enumerable.Range(0, values.Length).Select(i => column[i]).Should().Equal(values);
            return column.IsNarrow;
        }
    }

    [Theory]
    [InlineData(ClockStart.Handover)]
    [InlineData(ClockStart.Receipt)]
    public void A_set_whose_days_span_more_than_179_years_answers_each_committee_period_as_a_set_of_it_alone(ClockStart clockStart)
    {
        // 1950 and 2199 in one set: 91,000 days apart, so the days are held in full; each year alone fits 16 bits.
        var policy = new HandlingPolicy { ClockStart = clockStart };
        var early = Year(1950);
        var late = Year(2199);
        var both = ProposalRecordSet.Create(early.Concat(late).ToList(), policy);
        both.HasNarrowDays.Should().BeFalse();
        foreach (var (records, year) in new[] { (early, 1950), (late, 2199) })
        {
            var alone = ProposalRecordSet.Create(records, policy);
            alone.HasNarrowDays.Should().BeTrue();
            foreach (var committee in new[] { County, City })
            {
                var period = ReportingPeriod.CalendarYear(year);
                both.DaysToReply(committee, period).Should().Be(alone.DaysToReply(committee, period));
                both.DaysToReply(committee, period).Count.Should().BeGreaterThan(0);
                both.DaysToReplyByLeadUnit(committee, period).Should().Equal(alone.DaysToReplyByLeadUnit(committee, period));
                foreach (int day in new[] { 1, 40, 100, 200, 330 })
                {
                    var asOf = new LocalDate(year, 1, 1).PlusDays(day);
                    both.OpenAsOf(committee, period, asOf).Should().Be(alone.OpenAsOf(committee, period, asOf));
                }

                both.ComputeStatistics(committee, period).Should().Be(alone.ComputeStatistics(committee, period));
            }
        }

        // The days themselves, not only their agreement: each replied case of this design took 31 + i % 50 days from
        // handover (41 + i % 50 from receipt).
        var expected = early.Where(r => r.Committee == County && r.RepliedOn.HasValue)
            .Select(r => Period.Between(clockStart == ClockStart.Handover ? r.HandedOverOn!.Value : r.Submitted, r.RepliedOn!.Value, PeriodUnits.Days).Days)
            .Order();
        both.DaysToReply(County, ReportingPeriod.CalendarYear(1950)).Days.Should().Equal(expected);
    }

    [Fact]
    public void A_set_of_more_than_65535_units_keeps_every_unit_apart_from_none()
    {
        // 65,537 units: the last two are numbered 65,535 and 65,536, which 16 bits could not tell from "no unit" or from unit 0.
        var period = ReportingPeriod.CalendarYear(2023);
        var records = new List<ProposalRecord>();
        for (int u = 0; u < 65_537; u++)
        {
            records.Add(Case(u, County, period, new LocalDate(2023, 3, 1), Unit(u), []));
        }

        records.Add(Case(100_000, City, period, new LocalDate(2023, 3, 1), Unit(65_535), [Unit(65_536), Unit(0)]));
        records.Add(Case(100_001, City, period, new LocalDate(2023, 3, 2), Unit(65_536), [Unit(65_535)]));
        var set = ProposalRecordSet.Create(records);
        set.HasNarrowUnits.Should().BeFalse();
        set.ByHandlingUnit(City, period).Select(u => (u.Unit, u.Role, u.Statistics.GetCount(Measures.Proposals.Cases)))
            .Should().Equal(
                (Unit(0), HandlingRole.CoHandling, Bounds.Exactly(1)),
                (Unit(65_535), HandlingRole.Lead, Bounds.Exactly(1)),
                (Unit(65_535), HandlingRole.CoHandling, Bounds.Exactly(1)),
                (Unit(65_536), HandlingRole.Lead, Bounds.Exactly(1)),
                (Unit(65_536), HandlingRole.CoHandling, Bounds.Exactly(1)));
        set.DaysToReplyByLeadUnit(County, period).Should().HaveCount(65_537);

        var few = ProposalRecordSet.Create(records.Where(r => r.Committee == City).ToList());
        few.HasNarrowUnits.Should().BeTrue();
        few.ByHandlingUnit(City, period).Should().Equal(set.ByHandlingUnit(City, period));
    }

    [Fact]
    public void A_record_with_65535_co_handling_units_is_counted_for_each_of_them()
    {
        // 65,535 co-handling units of one record: a count that 16 bits do not hold beside "missing", and as many unit numbers.
        var period = ReportingPeriod.CalendarYear(2023);
        var many = Enumerable.Range(1, 65_535).Select(Unit).ToArray();
        var records = new List<ProposalRecord>
        {
            Case(1, City, period, new LocalDate(2023, 3, 1), Unit(0), many),
            Case(2, City, period, new LocalDate(2023, 3, 2), Unit(1), [Unit(0), Unit(2)]),
            Case(3, County, period, new LocalDate(2023, 3, 3), Unit(2), [Unit(3)]),
        };
        var set = ProposalRecordSet.Create(records);
        set.HasNarrowUnits.Should().BeFalse();
        var co = set.ByHandlingUnit(City, period).Where(u => u.Role == HandlingRole.CoHandling)
            .ToDictionary(u => u.Unit, u => u.Statistics.GetCount(Measures.Proposals.Cases));
        co.Should().HaveCount(65_536);
        co[Unit(0)].Should().Be(Bounds.Exactly(1));
        co[Unit(2)].Should().Be(Bounds.Exactly(2));
        co[Unit(65_535)].Should().Be(Bounds.Exactly(1));
        set.ByHandlingUnit(County, period).Select(u => (u.Unit, u.Role)).Should().Equal((Unit(2), HandlingRole.Lead), (Unit(3), HandlingRole.CoHandling));
    }

    private static string Unit(int u) => "单位" + u.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Sixty records of each committee in one year: cases replied (some late, some after an extension), open cases, one not filed.</summary>
    private static List<ProposalRecord> Year(int year)
    {
        var period = ReportingPeriod.CalendarYear(year);
        var records = new List<ProposalRecord>();
        foreach (var committee in new[] { County, City })
        {
            for (int i = 0; i < 60; i++)
            {
                var submitted = new LocalDate(year, 1, 5).PlusDays(i);
                string id = committee.Region.Value.ToString(CultureInfo.InvariantCulture) + "-" + year.ToString(CultureInfo.InvariantCulture) + "-" + i.ToString(CultureInfo.InvariantCulture);
                if (i == 59)
                {
                    records.Add(new ProposalRecord(id, committee, period, submitted) { Decision = FilingDecision.NotFiled });
                    continue;
                }

                var handover = submitted.PlusDays(10);
                var record = new ProposalRecord(id, committee, period, submitted)
                {
                    Decision = FilingDecision.Filed,
                    FiledOn = submitted.PlusDays(3),
                    HandedOverOn = handover,
                    LeadUnit = Unit(i % 4),
                    CoUnits = i % 3 == 0 ? [Unit(10 + (i % 5))] : [],
                    ExtendedUntil = i % 7 == 0 ? handover.PlusMonths(5) : null,
                    RepliedOn = i % 6 == 5 ? null : handover.PlusDays(31 + (i % 50)),
                };
                records.Add(record);
            }
        }

        return records;
    }

    private static ProposalRecord Case(int i, Committee committee, ReportingPeriod period, LocalDate handover, string lead, string[] coUnits) =>
        new("U" + i.ToString(CultureInfo.InvariantCulture), committee, period, handover.PlusDays(-10))
        {
            Decision = FilingDecision.Filed,
            FiledOn = handover.PlusDays(-5),
            HandedOverOn = handover,
            LeadUnit = lead,
            CoUnits = coUnits,
            RepliedOn = handover.PlusDays(20),
        };
}
