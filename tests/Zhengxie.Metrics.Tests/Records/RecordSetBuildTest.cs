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
        Inputs.Select(Gen.Int[1, 40], Gen.Int[0, 4]).Sample(t =>
        {
            // Small chunks on several threads and small blocks of the layout (many blocks, shared by the chunks).
            var (input, chunk, blockBits) = t;
            var records = RecordColumnsTest.Build(input);
            var (oneStats, oneFindings, oneError) = Outcome(records, int.MaxValue, ProposalRecordSet.BlockBits);
            var (chunkedStats, chunkedFindings, chunkedError) = Outcome(records, chunk, blockBits);
            chunkedFindings.Should().Equal(oneFindings);
            chunkedStats.Should().Equal(oneStats);
            chunkedError.Should().Be(oneError);
        });

    [Fact]
    public void A_layout_in_chunks_and_small_blocks_gives_the_same_columns_as_one_chunk() =>
        Inputs.Select(Gen.Int[1, 40], Gen.Int[0, 4]).Sample(t =>
        {
            // Every column of the set (days, units, co-handling units), read through the queries that use them.
            var (input, chunk, blockBits) = t;
            var records = RecordColumnsTest.Build(input);
            Columns(records, chunk, blockBits).Should().Equal(Columns(records, int.MaxValue, ProposalRecordSet.BlockBits));
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
    [InlineData(1, 13)]
    [InlineData(1_000, 0)]
    [InlineData(1_000, 2)]
    public void Identifiers_repeated_and_targets_named_across_chunks_give_the_findings_of_one_chunk(int minimumChunk, int blockBits)
    {
        // 4,000 records in chunks of 1,000 (four threads' worth): each repeated identifier has copies in different
        // chunks, merge targets lie in other chunks (present or missing); the findings, their order and the counts are
        // those of one chunk, and the message of the exception too.
        var committee = Committee.Parse("330324");
        var period = ReportingPeriod.CalendarYear(2023);
        var submitted = new LocalDate(2023, 3, 1);
        var records = new List<ProposalRecord>();
        for (int i = 0; i < 4000; i++)
        {
            string id = "P" + (i % 997 == 5 ? 5 : i).ToString(CultureInfo.InvariantCulture);
            records.Add(i % 250 == 7
                ? new ProposalRecord(id, committee, period, submitted) { Decision = FilingDecision.Merged, MergedInto = "P" + ((i + 1500) % 4200).ToString(CultureInfo.InvariantCulture) }
                : new ProposalRecord(id, committee, period, submitted) { Decision = FilingDecision.NotFiled });
        }

        var (oneStats, oneFindings, oneError) = Outcome(records, int.MaxValue, ProposalRecordSet.BlockBits);
        var (chunkedStats, chunkedFindings, chunkedError) = Outcome(records, minimumChunk, blockBits);
        oneFindings.Should().Contain(f => f.Item1 == ValidationRule.DuplicateRecord).And.Contain(f => f.Item1 == ValidationRule.MergedIntoMissing);
        oneFindings.Count(f => f.Item1 == ValidationRule.DuplicateRecord).Should().Be(records.Count(r => r.Id == "P5"));
        chunkedFindings.Should().Equal(oneFindings);
        chunkedStats.Should().Equal(oneStats);
        chunkedError.Should().Be(oneError).And.Contain("DuplicateRecord");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(25)]
    public void A_record_merged_into_itself_is_found_wherever_it_falls_among_the_merge_targets(int targetCount)
    {
        // The scan keeps each merge target's string and hashes the chunk's targets after it: the record merged into
        // itself is found, and only it, at every position among them (first, last, anywhere between).
        var committee = Committee.Parse("330324");
        var period = ReportingPeriod.CalendarYear(2023);
        var submitted = new LocalDate(2023, 3, 1);
        for (int self = 0; self < targetCount; self++)
        {
            var records = new List<ProposalRecord> { new("Base", committee, period, submitted) { Decision = FilingDecision.NotFiled } };
            for (int t = 0; t < targetCount; t++)
            {
                string id = "T" + t.ToString(CultureInfo.InvariantCulture);
                records.Add(new ProposalRecord(id, committee, period, submitted) { Decision = FilingDecision.Merged, MergedInto = t == self ? id : "Base" });
                records.Add(new ProposalRecord("N" + id, committee, period, submitted) { Decision = FilingDecision.NotFiled });
            }

            var set = ProposalRecordSet.Create(records, mode: ValidationMode.CollectFindings);
            set.Findings.Select(f => (f.Rule, f.RecordId)).Should().Equal((ValidationRule.MergedIntoItself, "T" + self.ToString(CultureInfo.InvariantCulture)));
            set.ComputeAll().GetCount(0, RecordStatisticsTable.CountMeasures[RecordCodes.Merged]).Should().Be(targetCount - 1);
        }
    }

    [Theory]
    [InlineData(int.MaxValue, 14)]
    [InlineData(1_000, 0)]
    [InlineData(1_000, 3)]
    public void A_record_merged_into_itself_is_refused_in_every_chunk_with_the_findings_of_one_chunk(int minimumChunk, int blockBits)
    {
        // The scan leaves the self-merge check to the loop over each chunk's merge targets (where the target's characters
        // are read anyway): records merged into themselves in every chunk, some also bad for another reason (a handover date),
        // some whose identifier is an equal copy of the target (not the same instance), beside records merged into others.
        var committee = Committee.Parse("330324");
        var period = ReportingPeriod.CalendarYear(2023);
        var submitted = new LocalDate(2023, 3, 1);
        var records = new List<ProposalRecord>();
        for (int i = 0; i < 4000; i++)
        {
            string id = "P" + i.ToString(CultureInfo.InvariantCulture);
            records.Add((i % 100) switch
            {
                3 => new ProposalRecord(id, committee, period, submitted) { Decision = FilingDecision.Merged, MergedInto = id },
                4 => new ProposalRecord(id, committee, period, submitted) { Decision = FilingDecision.Merged, MergedInto = new string(id.AsSpan()), FiledOn = submitted },
                5 => new ProposalRecord(id, committee, period, submitted) { Decision = FilingDecision.Merged, MergedInto = id, HandedOverOn = submitted.PlusDays(3) },
                6 => new ProposalRecord(id, committee, period, submitted) { Decision = FilingDecision.Merged, MergedInto = "P" + (i + 1).ToString(CultureInfo.InvariantCulture) },
                _ => new ProposalRecord(id, committee, period, submitted) { Decision = FilingDecision.NotFiled, IsKey = i % 7 == 0 },
            });
        }

        var (stats, findings, error) = Outcome(records, minimumChunk, blockBits);
        findings.Where(f => f.Item1 == ValidationRule.MergedIntoItself).Select(f => f.Item3).Should()
            .Equal(records.Where((r, i) => i % 100 is 3 or 4 or 5).Select(r => r.Id));
        findings.Where(f => f.Item1 == ValidationRule.DecisionContradictsRecord).Select(f => f.Item3).Should()
            .Equal(records.Where((r, i) => i % 100 == 5).Select(r => r.Id));
        findings.Should().HaveCount(120 + 40);
        stats[RecordCodes.Received].Should().Be(4000 - 120);
        stats[RecordCodes.Merged].Should().Be(40);
        stats[RecordCodes.Key].Should().Be(records.Where((r, i) => i % 100 is not (3 or 4 or 5)).Count(r => r.IsKey));
        error.Should().Contain("MergedIntoItself");
        var (oneStats, oneFindings, oneError) = Outcome(records, int.MaxValue, ProposalRecordSet.BlockBits);
        findings.Should().Equal(oneFindings);
        stats.Should().Equal(oneStats);
        error.Should().Be(oneError);
    }

    [Theory]
    [InlineData(0u, 1)]
    [InlineData(12345u, 1)]
    [InlineData(0u, 2)]
    [InlineData(12345u, 3)]
    public void The_identifier_index_compares_identifiers_whose_hashes_collide(uint everyHash, int threads)
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

        // Record 1 ("B") names "E" (present), record 4 ("D") names "Z" (missing), as the strings passed in; the source's own
        // MergedInto names them the other way round, so an index that read it would find the opposite.
        var withTargets = new TargetSource(source, new Dictionary<int, string> { [1] = "Y", [4] = "E" });
        RecordIdIndex.Resolve(ref withTargets, hashes, targets, ["E", "Z"], targetHashes, found, out int[]? copies, threads);

        copies.Should().NotBeNull();
        copies.Should().Equal(3, 0, 3, 2, 0, 2, 3, 0);
        found[1].Should().BeTrue();
        found[4].Should().BeFalse();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Identifiers_repeated_across_the_threads_of_the_index_are_counted_and_targets_found(int threads)
    {
        // 30,000 records over many partitions; identifiers of the second half repeat some of the first half's, and
        // every tenth record names a target, some present, some not.
        var committee = Committee.Parse("330324");
        var period = ReportingPeriod.CalendarYear(2023);
        var ids = Enumerable.Range(0, 30_000).Select(i => "P" + (i < 15_000 || i % 7 != 0 ? i : i - 15_000).ToString(CultureInfo.InvariantCulture)).ToArray();
        var records = ids.Select(id => new ProposalRecord(id, committee, period, new LocalDate(2023, 3, 1))).ToArray();
        var targets = Enumerable.Range(0, 3000).Select(t => t * 10).ToArray();
        var names = targets.ToDictionary(r => r, r => "P" + ((r * 13) + (r % 3 == 0 ? 40_000 : 0)).ToString(CultureInfo.InvariantCulture));
        var source = new RecordObjectSource(records, records.Length);
        var hashes = ids.Select(RecordIdIndex.Hash).ToArray();
        var targetHashes = targets.Select(r => RecordIdIndex.Hash(names[r])).ToArray();
        var found = new bool[records.Length];

        RecordIdIndex.Resolve(ref source, hashes, targets, targets.Select(r => names[r]).ToArray(), targetHashes, found, out int[]? copies, threads);

        var counts = ids.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        copies.Should().NotBeNull();
        copies.Should().Equal(ids.Select(id => counts[id] > 1 ? counts[id] : 0));
        var idSet = ids.ToHashSet();
        targets.Select(r => found[r]).Should().Equal(targets.Select(r => idSet.Contains(names[r])));
        found.Count(f => f).Should().BeGreaterThan(0).And.BeLessThan(targets.Length);
    }

    [Fact]
    public void Distinct_identifiers_give_no_copies_even_when_their_hashes_collide()
    {
        var committee = Committee.Parse("330324");
        var period = ReportingPeriod.CalendarYear(2023);
        var records = Enumerable.Range(0, 5000).Select(i => new ProposalRecord(i.ToString(CultureInfo.InvariantCulture), committee, period, new LocalDate(2023, 3, 1))).ToArray();
        var hashes = records.Select(r => (uint)(r.Id.Length % 3)).ToArray();
        var source = new RecordObjectSource(records, records.Length);
        RecordIdIndex.Resolve(ref source, hashes, [], [], [], null, out int[]? copies, 2);
        copies.Should().BeNull();
    }

    private static (long[] Counts, (ValidationRule, string, string?)[] Findings, string? Error) Outcome(List<ProposalRecord> records, int minimumChunk, int blockBits)
    {
        int saved = ProposalRecordSet.MinimumChunk;
        int savedBlockBits = ProposalRecordSet.BlockBits;
        ProposalRecordSet.MinimumChunk = minimumChunk;
        ProposalRecordSet.BlockBits = blockBits;
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
            ProposalRecordSet.BlockBits = savedBlockBits;
        }
    }

    private static List<string> Columns(List<ProposalRecord> records, int minimumChunk, int blockBits)
    {
        int saved = ProposalRecordSet.MinimumChunk;
        int savedBlockBits = ProposalRecordSet.BlockBits;
        ProposalRecordSet.MinimumChunk = minimumChunk;
        ProposalRecordSet.BlockBits = blockBits;
        try
        {
            var set = ProposalRecordSet.Create(records, HandlingPolicy.Default, ValidationMode.CollectFindings);
            var lines = new List<string>();
            foreach (var (committee, period) in set.CommitteePeriods)
            {
                var open = set.OpenAsOf(committee, period, new LocalDate(period.Year, 7, 1));
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{committee} {period}: open {open.Open}, overdue {open.Overdue}, awaiting {open.AwaitingHandover}; days {string.Join(",", set.DaysToReply(committee, period).Days)}"));
                foreach (var unit in set.ByHandlingUnit(committee, period))
                {
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {unit.Unit} {unit.Role}: {string.Join(",", RecordStatisticsTable.CountMeasures.Select(m => unit.Statistics.TryGetCount(m, out var c) ? c.ToString() : "-"))}"));
                }

                foreach (var (unit, days) in set.DaysToReplyByLeadUnit(committee, period))
                {
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"  lead {unit}: {string.Join(",", days.Days)}"));
                }
            }

            return lines;
        }
        finally
        {
            ProposalRecordSet.MinimumChunk = saved;
            ProposalRecordSet.BlockBits = savedBlockBits;
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

        public void Read(int i, out RecordFields fields)
        {
            inner.Read(i, out fields);
            fields.MergedInto = MergedInto(i);
        }
    }
}
