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

/// <summary>
/// The mechanics of <see cref="ProposalRecordSet.Create(IEnumerable{ProposalRecord}, HandlingPolicy?, ValidationMode)"/>:
/// the scan in chunks on several threads, the identifier index when hashes collide, many committees and dates.
/// </summary>
public class RecordSetBuildTest
{
    private static readonly Gen<int[][]> Inputs = Gen.Int[0, 1_000_000].Array[19].Array[0, 150];

    [Fact]
    public void A_scan_in_chunks_gives_the_same_set_findings_and_exceptions_as_one_chunk() =>
        Inputs.Select(Gen.Int[1, 40]).Sample(t =>
        {
            var (input, chunk) = t;
            var records = RecordColumnsTest.Build(input);
            var (oneStats, oneFindings, oneError) = Outcome(records, int.MaxValue);
            var (chunkedStats, chunkedFindings, chunkedError) = Outcome(records, chunk);
            chunkedFindings.Should().Equal(oneFindings);
            chunkedStats.Should().Equal(oneStats);
            chunkedError.Should().Be(oneError);
        });

    [Fact]
    public void Records_over_many_committees_and_dates_are_counted_as_each_record_says()
    {
        // 3,000 committees (all three levels), 12 years, submissions on every day of the year, some records a
        // chunked scan reads on another thread: each count equals a count over the records one by one.
        var random = new Random(20261130);
        var committees = Enumerable.Range(0, 3000).Select(c => new Committee(new RegionCode(110101 + (c * 283 % 880000)), (AdministrativeLevel)(1 + (c % 3)))).ToArray();
        var units = Enumerable.Range(0, 300).Select(u => "单位" + u.ToString(CultureInfo.InvariantCulture)).ToArray();
        var records = new List<ProposalRecord>();
        for (int i = 0; i < 40_000; i++)
        {
            var committee = committees[random.Next(committees.Length)];
            int year = 2013 + random.Next(12);
            var submitted = new LocalDate(year, 1, 1).PlusDays(random.Next(365));
            var id = string.Create(CultureInfo.InvariantCulture, $"R{i}");
            if (random.Next(4) == 0)
            {
                records.Add(new ProposalRecord(id, committee, ReportingPeriod.CalendarYear(year), submitted) { Decision = FilingDecision.NotFiled, IsKey = random.Next(2) == 0 });
                continue;
            }

            var filed = submitted.PlusDays(random.Next(30));
            var handover = filed.PlusDays(random.Next(30));
            LocalDate? replied = random.Next(5) == 0 ? null : handover.PlusDays(random.Next(200));
            var lead = units[random.Next(units.Length)];
            var co = units[random.Next(units.Length)];
            records.Add(new ProposalRecord(id, committee, ReportingPeriod.CalendarYear(year), submitted)
            {
                Decision = FilingDecision.Filed,
                FiledOn = filed,
                HandedOverOn = handover,
                LeadUnit = lead,
                CoUnits = co == lead ? [] : [co],
                RepliedOn = replied,
                Answer = replied is null ? null : (AnswerClass)random.Next(1, 4),
                ExtendedUntil = random.Next(10) == 0 ? handover.PlusDays(random.Next(250)) : null,
            });
        }

        int saved = ProposalRecordSet.MinimumChunk;
        ProposalRecordSet.MinimumChunk = 5_000;
        try
        {
            var policy = HandlingPolicy.Default;
            var table = ProposalRecordSet.Create(records, policy).ComputeAll();
            var expected = records.GroupBy(r => (r.Committee, r.Period)).OrderBy(g => g.Key.Committee).ThenBy(g => g.Key.Period).ToList();
            table.Count.Should().Be(expected.Count);
            for (int row = 0; row < expected.Count; row++)
            {
                var g = expected[row];
                table.Committees[row].Should().Be(g.Key.Committee);
                table.Periods[row].Should().Be(g.Key.Period);
                var counts = table.GetCounts(row);
                counts[RecordCodes.Received].Should().Be(g.LongCount());
                counts[RecordCodes.Cases].Should().Be(g.LongCount(r => r.Decision == FilingDecision.Filed));
                counts[RecordCodes.Replied].Should().Be(g.LongCount(r => r.RepliedOn.HasValue));
                counts[RecordCodes.RepliedOnTime].Should().Be(g.LongCount(r => r.RepliedOn <= policy.DeadlineFor(r)));
                counts[RecordCodes.Key].Should().Be(g.LongCount(r => r.IsKey));
            }
        }
        finally
        {
            ProposalRecordSet.MinimumChunk = saved;
        }
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(12345u)]
    public void The_identifier_index_compares_identifiers_whose_hashes_collide(uint everyHash)
    {
        // Every identifier and target gets the same hash: repeats and targets are found by the strings alone.
        var submitted = new LocalDate(2023, 3, 1);
        var committee = Committee.Parse("330324");
        var period = ReportingPeriod.CalendarYear(2023);
        string[] ids = ["A", "B", "A", "C", "D", "C", "A", "E"];
        var records = ids.Select(id => new ProposalRecord(id, committee, period, submitted)).ToArray();
        var source = new RecordObjectSource(records, records.Length);
        var hashes = Enumerable.Repeat(everyHash, records.Length).ToArray();
        int[] targets = [1, 4];
        var targetHashes = new[] { everyHash, everyHash };
        var found = new bool[records.Length];

        // Record 1 ("B") names "E" (present), record 4 ("D") names "Z" (missing): the source's own MergedInto is not read here.
        var withTargets = new TargetSource(source, new Dictionary<int, string> { [1] = "E", [4] = "Z" });
        RecordIdIndex.Resolve(withTargets, hashes, targets, targetHashes, found, out int[]? copies);

        copies.Should().NotBeNull();
        copies.Should().Equal(3, 0, 3, 2, 0, 2, 3, 0);
        found[1].Should().BeTrue();
        found[4].Should().BeFalse();
    }

    [Fact]
    public void Distinct_identifiers_give_no_copies_even_when_their_hashes_collide()
    {
        var committee = Committee.Parse("330324");
        var period = ReportingPeriod.CalendarYear(2023);
        var records = Enumerable.Range(0, 5000).Select(i => new ProposalRecord(i.ToString(CultureInfo.InvariantCulture), committee, period, new LocalDate(2023, 3, 1))).ToArray();
        var hashes = records.Select(r => (uint)(r.Id.Length % 3)).ToArray();
        RecordIdIndex.Resolve(new RecordObjectSource(records, records.Length), hashes, [], [], null, out int[]? copies);
        copies.Should().BeNull();
    }

    private static (long[] Counts, (ValidationRule, string, string?)[] Findings, string? Error) Outcome(List<ProposalRecord> records, int minimumChunk)
    {
        int saved = ProposalRecordSet.MinimumChunk;
        ProposalRecordSet.MinimumChunk = minimumChunk;
        try
        {
            var set = ProposalRecordSet.Create(records, HandlingPolicy.Default, ValidationMode.CollectFindings);
            var findings = set.Findings.Select(f => (f.Rule, f.Message, f.RecordId)).ToArray();
            string? error = null;
            try
            {
                ProposalRecordSet.Create(records);
            }
            catch (ValidationException e)
            {
                error = e.Message;
            }

            return (set.ComputeAll().AllCounts.ToArray(), findings, error);
        }
        finally
        {
            ProposalRecordSet.MinimumChunk = saved;
        }
    }

    /// <summary>A record source whose merge targets are given by a dictionary.</summary>
    private readonly struct TargetSource(RecordObjectSource inner, Dictionary<int, string> targets) : IRecordSource
    {
        public int Count => inner.Count;

        public void CheckArguments(int i) => inner.CheckArguments(i);

        public string Id(int i) => inner.Id(i);

        public Committee Committee(int i) => inner.Committee(i);

        public ReportingPeriod Period(int i) => inner.Period(i);

        public int Submitted(int i) => inner.Submitted(i);

        public int FiledOn(int i) => inner.FiledOn(i);

        public int HandedOverOn(int i) => inner.HandedOverOn(i);

        public int RepliedOn(int i) => inner.RepliedOn(i);

        public int ExtendedUntil(int i) => inner.ExtendedUntil(i);

        public FilingDecision Decision(int i) => inner.Decision(i);

        public ProposerKind Kind(int i) => inner.Kind(i);

        public AnswerClass? Answer(int i) => inner.Answer(i);

        public Feedback Feedback(int i) => inner.Feedback(i);

        public bool IsKey(int i) => inner.IsKey(i);

        public string? MergedInto(int i) => targets.TryGetValue(i, out var t) ? t : null;

        public string? LeadUnit(int i) => inner.LeadUnit(i);

        public int CoUnitCount(int i) => inner.CoUnitCount(i);

        public string CoUnit(int i, int j) => inner.CoUnit(i, j);
    }
}
