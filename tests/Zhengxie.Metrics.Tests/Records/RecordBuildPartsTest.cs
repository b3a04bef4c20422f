using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>
/// The short cuts of the record set's build: unit names numbered through a cache by string instance, day numbers
/// from a table of month starts, the identifier hash that reads whole words (the tail as one overlapping word).
/// </summary>
public class RecordBuildPartsTest
{
    [Fact]
    public void A_unit_name_gets_one_number_whether_the_same_instance_or_an_equal_copy_is_looked_up()
    {
        // More names than the cache has slots, each looked up as itself and as equal copies, in several orders:
        // every look-up gives the number of the first time the name was seen.
        var names = Enumerable.Range(0, 5000).Select(u => "单位" + u.ToString(CultureInfo.InvariantCulture)).ToArray();
        var units = new UnitNames();
        for (int u = 0; u < names.Length; u++)
        {
            units.IndexOf(names[u]).Should().Be(u);
        }

        var random = new Random(8);
        for (int round = 0; round < 20_000; round++)
        {
            int u = random.Next(names.Length);
            string name = random.Next(2) == 0 ? names[u] : new string(names[u].AsSpan());
            units.IndexOf(name).Should().Be(u);
        }

        units.Count.Should().Be(names.Length);
        units.ToArray().Should().Equal(names);
    }

    [Fact]
    public void The_blank_test_of_columns_agrees_with_the_framework_for_every_first_character()
    {
        // The short cut answers "not white space" only for characters the framework agrees are not; texts of every first
        // character, alone and followed by a name or by white space, are blank exactly when the framework says so.
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            if (RecordColumnSource.IsPlainlyNotWhiteSpace(ch))
            {
                char.IsWhiteSpace(ch).Should().BeFalse(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
            }

            foreach (string text in new[] { ch.ToString(), ch + "单位", ch + " \u3000" })
            {
                RecordColumnSource.IsBlank(text).Should().Be(string.IsNullOrWhiteSpace(text), ((int)ch).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        RecordColumnSource.IsBlank(null).Should().BeTrue();
        RecordColumnSource.IsBlank(string.Empty).Should().BeTrue();
        RecordColumnSource.IsPlainlyNotWhiteSpace('!').Should().BeTrue();
        RecordColumnSource.IsPlainlyNotWhiteSpace('~').Should().BeTrue();
        RecordColumnSource.IsPlainlyNotWhiteSpace('\u3001').Should().BeTrue();
        RecordColumnSource.IsPlainlyNotWhiteSpace(' ').Should().BeFalse();
        RecordColumnSource.IsPlainlyNotWhiteSpace('\u3000').Should().BeFalse();
        RecordColumnSource.IsPlainlyNotWhiteSpace('\u007F').Should().BeFalse();
    }

    [Fact]
    public void A_unit_name_copy_seen_first_is_the_name_the_set_keeps_and_counts_join_under_it()
    {
        // The first record names the unit with one instance, later records with equal copies and the shared one: one unit.
        var committee = Committee.Parse("330324");
        var period = ReportingPeriod.CalendarYear(2023);
        string shared = "县教育局";
        var records = Enumerable.Range(0, 300).Select(i => Filed(i, committee, period, i % 3 == 0 ? shared : new string(shared.AsSpan()))).ToList();
        var set = ProposalRecordSet.Create(records);
        var lead = set.ByHandlingUnit(committee, period).Where(u => u.Role == HandlingRole.Lead).ToArray();
        lead.Should().ContainSingle();
        lead[0].Unit.Should().Be(shared);
        lead[0].Statistics.GetCount(Measures.Proposals.Cases).Should().Be(Bounds.Exactly(300));
    }

    [Fact]
    public void A_lead_unit_listed_again_as_co_handling_is_refused_whichever_instances_name_it()
    {
        // The same name as lead and co-handling unit through distinct instances: still the same unit, so the record is refused.
        var committee = Committee.Parse("330324");
        var period = ReportingPeriod.CalendarYear(2023);
        string lead = "县教育局";
        var record = new ProposalRecord("P1", committee, period, new LocalDate(2023, 1, 5))
        {
            Decision = FilingDecision.Filed,
            FiledOn = new LocalDate(2023, 1, 10),
            HandedOverOn = new LocalDate(2023, 1, 20),
            LeadUnit = lead,
            CoUnits = ["县财政局", new string(lead.AsSpan())],
        };
        var set = ProposalRecordSet.Create([record, Filed(2, committee, period, lead)], HandlingPolicy.Default, ValidationMode.CollectFindings);
        set.Findings.Should().ContainSingle().Which.RecordId.Should().Be("P1");
    }

    [Fact]
    public void Committee_periods_are_numbered_in_the_order_first_seen_and_counted_as_the_tables_grow()
    {
        // 2,000 committees (the committee table grows from 256 slots several times; all three levels, codes near each other
        // and far apart) and 40 periods (the cells are laid out again each time the periods outgrow the stride: 5, 6, 7, 8,
        // 10, 12, 15, 18, 22, 27, 33, 41), met in a random order: every committee-period keeps the number of its first
        // sighting, and its count of valid records and units.
        var committees = Enumerable.Range(0, 2000).Select(c => new Committee(new RegionCode(110101 + (c * 487 % 880000)), (AdministrativeLevel)(1 + (c % 3)))).ToArray();
        var periods = Enumerable.Range(0, 20).SelectMany(y => new[] { ReportingPeriod.CalendarYear(1990 + y), ReportingPeriod.ForSession(8 + (y / 5), 1 + (y % 5), 1990 + y) }).ToArray();
        var keys = new GroupKeys();
        var numbers = new Dictionary<(Committee, ReportingPeriod), int>();
        var valid = new Dictionary<int, (int Valid, int Co)>();
        var random = new Random(11);
        for (int round = 0; round < 100_000; round++)
        {
            var key = (committees[random.Next(round < 50_000 ? 300 : committees.Length)], periods[random.Next(round < 20_000 ? 3 : periods.Length)]);
            ref var cell = ref keys.CellOf(key.Item1, key.Item2);
            int g = cell.Group - 1;
            if (!numbers.TryGetValue(key, out int expected))
            {
                expected = numbers.Count;
                numbers.Add(key, expected);
            }

            g.Should().Be(expected);
            int co = random.Next(3);
            cell.Valid++;
            keys.CountCoUnits(g, co);
            valid[g] = valid.TryGetValue(g, out var v) ? (v.Valid + 1, v.Co + co) : (1, co);
        }

        keys.Count.Should().Be(numbers.Count);
        foreach (var ((committee, period), g) in numbers)
        {
            keys.Key(g).Should().Be((committee, period));
            keys.GroupOf(committee, period).Should().Be(g);
            keys.ValidCounts(g).Should().Be(valid[g]);
            keys.PeriodFirstDay(g).Should().Be(new DateOnly(period.Year - 1, 1, 1).DayNumber);
        }

        var sorted = keys.SortedOrder().Select(keys.Key).ToArray();
        sorted.Should().Equal(numbers.Keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2));
        var first = numbers.First();
        keys.Uncount(first.Value, 1);
        keys.ValidCounts(first.Value).Should().Be((valid[first.Value].Valid - 1, valid[first.Value].Co - 1));
    }

    [Fact]
    public void Day_numbers_from_the_table_equal_those_of_the_calendar_on_every_day_a_record_may_use_and_beyond()
    {
        // Every day of 1947..2202 (the table covers 1949..2200; the edges go through the formula), and far years.
        for (var date = new DateOnly(1947, 1, 1); date <= new DateOnly(2202, 12, 31); date = date.AddDays(1))
        {
            RecordDays.Of(date.Year, date.Month, date.Day).Should().Be(date.DayNumber);
        }

        foreach (var date in new[] { new DateOnly(1, 1, 1), new DateOnly(1600, 2, 29), new DateOnly(9999, 12, 31) })
        {
            RecordDays.Of(new LocalDate(date.Year, date.Month, date.Day)).Should().Be(date.DayNumber);
        }

        RecordDays.Of(new LocalDate(-5, 1, 1)).Should().Be(RecordDays.Of(new LocalDate(-4, 1, 1)) - 365); // year -5 is not a leap year
        RecordDays.ToDate(RecordDays.Of(2200, 12, 31)).Should().Be(new LocalDate(2200, 12, 31));
    }

    [Fact]
    public void The_identifier_hash_reads_every_character_of_strings_of_every_length()
    {
        // Strings of 0..40 characters: equal copies hash alike; changing any one character, or the length, changes the hash
        // (the hash is 32 bits, so a single change colliding is possible in principle: at most one of ~800 changes is allowed).
        int collisions = 0;
        for (int length = 0; length <= 40; length++)
        {
            string text = new(Enumerable.Range(0, length).Select(k => (char)('A' + (k % 26))).ToArray());
            uint hash = RecordIdIndex.Hash(text);
            RecordIdIndex.Hash(new string(text.AsSpan())).Should().Be(hash);
            for (int k = 0; k < length; k++)
            {
                var changed = text.ToCharArray();
                changed[k] = '政';
                collisions += RecordIdIndex.Hash(new string(changed)) == hash ? 1 : 0;
            }

            collisions += RecordIdIndex.Hash(text + "\0") == hash ? 1 : 0;
        }

        collisions.Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public void Repeated_identifiers_of_every_length_are_found_among_their_prefixes()
    {
        // All prefixes of one identifier (lengths 1..30: the tail word overlaps the words before it), each prefix of even
        // length twice (the second an equal copy): exactly those are reported as repeated, each with its count.
        const string full = "330324-2023-000123456789ABCDEF";
        var committee = Committee.Parse("330324");
        var period = ReportingPeriod.CalendarYear(2023);
        var ids = new List<string>();
        for (int length = 1; length <= full.Length; length++)
        {
            ids.Add(full[..length]);
            if (length % 2 == 0)
            {
                ids.Add(new string(full.AsSpan(0, length)));
            }
        }

        var records = ids.Select(id => new ProposalRecord(id, committee, period, new LocalDate(2023, 1, 5))).ToList();
        var set = ProposalRecordSet.Create(records, HandlingPolicy.Default, ValidationMode.CollectFindings);
        set.Findings.Should().OnlyContain(f => f.Rule == ValidationRule.DuplicateRecord);
        set.Findings.Select(f => f.RecordId).Distinct().Should().BeEquivalentTo(ids.Where(id => id.Length % 2 == 0).Distinct());
        set.Findings.Should().HaveCount(full.Length / 2 * 2);
    }

    [Fact]
    public void Days_to_reply_count_from_handover_or_from_receipt_as_the_policy_says()
    {
        // Under the default policy the set's start column is its handover column; under a receipt policy it is a column of its own.
        var committee = Committee.Parse("330324");
        var period = ReportingPeriod.CalendarYear(2023);
        var records = Enumerable.Range(0, 40).Select(i => new ProposalRecord("R" + i.ToString(CultureInfo.InvariantCulture), committee, period, new LocalDate(2023, 1, 1 + (i % 10)))
        {
            Decision = FilingDecision.Filed,
            FiledOn = new LocalDate(2023, 1, 15),
            HandedOverOn = new LocalDate(2023, 1, 20 + (i % 5)),
            LeadUnit = "县教育局",
            RepliedOn = i % 4 == 0 ? null : new LocalDate(2023, 3, 1 + i % 20),
            Answer = i % 4 == 0 ? null : AnswerClass.ForReference,
        }).ToList();
        var replied = records.Where(r => r.RepliedOn is not null).ToList();
        int[] fromHandover = replied.Select(r => Period.DaysBetween(r.HandedOverOn!.Value, r.RepliedOn!.Value)).Order().ToArray();
        int[] fromReceipt = replied.Select(r => Period.DaysBetween(r.Submitted, r.RepliedOn!.Value)).Order().ToArray();

        ProposalRecordSet.Create(records).DaysToReply(committee, period).Days.Order().Should().Equal(fromHandover);
        var receipt = new HandlingPolicy { ClockStart = ClockStart.Receipt };
        ProposalRecordSet.Create(records, receipt).DaysToReply(committee, period).Days.Order().Should().Equal(fromReceipt);
        fromReceipt.Should().NotEqual(fromHandover);
    }

    private static ProposalRecord Filed(int i, Committee committee, ReportingPeriod period, string lead) =>
        new("F" + i.ToString(CultureInfo.InvariantCulture), committee, period, new LocalDate(2023, 1, 5))
        {
            Decision = FilingDecision.Filed,
            FiledOn = new LocalDate(2023, 1, 10),
            HandedOverOn = new LocalDate(2023, 1, 20),
            LeadUnit = lead,
        };
}
