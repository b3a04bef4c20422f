using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Benchmarks;

/// <summary>
/// The proposal statistics of every committee-year (15 counts each) from 10 million proposal records:
/// idiomatic LINQ over the records (the baseline) against the library's columnar <see cref="ProposalRecordSet"/>.
/// The record set is built once in setup; <see cref="RecordSetBuildBenchmarks"/> measures that build.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class RecordStatisticsBenchmarks
{
    private static readonly HandlingPolicy Policy = HandlingPolicy.Default;
    private List<ProposalRecord> records = null!;
    private ProposalRecordSet set = null!;

    /// <summary>Builds the records and the set, and checks once that both methods derive the same counts.</summary>
    [GlobalSetup]
    public void Setup()
    {
        records = RecordBenchmarkData.Generate(RecordBenchmarkData.RecordCount);
        set = ProposalRecordSet.Create(records, Policy);
        var expected = Linq();
        var actual = set.ComputeAll();
        if (expected.Count != actual.Count)
        {
            throw new InvalidOperationException($"LINQ found {expected.Count} committee-years, the library {actual.Count}.");
        }

        for (int row = 0; row < expected.Count; row++)
        {
            var e = expected[row];
            var a = RecordStatisticsTable.CountMeasures.Select(m => actual.GetCount(row, m)).ToArray();
            if (e.Committee != actual.GetCommittee(row) || e.Period != actual.GetPeriod(row) || !e.ToArray().SequenceEqual(a))
            {
                throw new InvalidOperationException($"Row {row} ({e.Committee}, {e.Period}) differs: LINQ {string.Join(",", e.ToArray())}, library {string.Join(",", a)}.");
            }
        }
    }

    /// <summary>Idiomatic LINQ: group the records by committee and period, count each measure.</summary>
    /// <returns>One row of counts per committee-year, sorted.</returns>
    [Benchmark(Baseline = true)]
    public List<RecordCounts> Linq() => records
        .GroupBy(r => (r.Committee, r.Period))
        .Select(g => new RecordCounts(
            g.Key.Committee,
            g.Key.Period,
            Received: g.LongCount(),
            Filed: g.LongCount(r => r.Decision == FilingDecision.Filed || (r.Decision == FilingDecision.Merged && r.FiledOn.HasValue)),
            NotFiled: g.LongCount(r => r.Decision == FilingDecision.NotFiled),
            Merged: g.LongCount(r => r.Decision == FilingDecision.Merged),
            Cases: g.LongCount(r => r.Decision == FilingDecision.Filed),
            Replied: g.LongCount(r => r.Decision == FilingDecision.Filed && r.RepliedOn.HasValue),
            RepliedOnTime: g.LongCount(r => r.Decision == FilingDecision.Filed && r.RepliedOn.HasValue && r.RepliedOn <= Policy.DeadlineFor(r)),
            OutcomeA: g.LongCount(r => r.Answer == AnswerClass.SolvedOrAdopted),
            OutcomeB: g.LongCount(r => r.Answer == AnswerClass.BeingSolvedOrPlanned),
            OutcomeC: g.LongCount(r => r.Answer == AnswerClass.ForReference),
            Satisfied: g.LongCount(r => r.Feedback == Feedback.Satisfied),
            BasicallySatisfied: g.LongCount(r => r.Feedback == Feedback.BasicallySatisfied),
            Dissatisfied: g.LongCount(r => r.Feedback == Feedback.Dissatisfied),
            FeedbackReturned: g.LongCount(r => r.Feedback != Feedback.None),
            Key: g.LongCount(r => r.IsKey)))
        .OrderBy(c => c.Committee)
        .ThenBy(c => c.Period)
        .ToList();

    /// <summary>The library: one pass over the columnar set, counts for every committee-year in one array.</summary>
    /// <returns>The table.</returns>
    [Benchmark]
    public RecordStatisticsTable Library() => set.ComputeAll();

    /// <summary>The library, then a <see cref="ProposalStatistics"/> object (with its rates) for every committee-year.</summary>
    /// <returns>The statistics.</returns>
    [Benchmark]
    public List<ProposalStatistics> LibraryWithStatisticsObjects() => set.ComputeAll().ToList();
}

/// <summary>
/// The build of the columnar record set from 10 million records (validation, deadlines, sorting). Monitoring, 1 warm-up
/// and 3 iterations; in process with a 60-minute limit when ZHENGXIE_BENCH_INPROCESS is set (see <see cref="RecordSetBuildConfig"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RecordSetBuildConfig))]
public class RecordSetBuildBenchmarks
{
    private List<ProposalRecord> records = null!;

    /// <summary>Builds the records.</summary>
    [GlobalSetup]
    public void Setup() => records = RecordBenchmarkData.Generate(RecordBenchmarkData.RecordCount);

    /// <summary>Validates the records and builds the set.</summary>
    /// <returns>The set.</returns>
    [Benchmark]
    public ProposalRecordSet Build() => ProposalRecordSet.Create(records);
}

/// <summary>
/// The job of <see cref="RecordSetBuildBenchmarks"/>: monitoring, 1 warm-up and 3 iterations, out of process, or in process
/// (the emit toolchain with a 60-minute limit, as <see cref="EndToEndRecordConfig"/>) when ZHENGXIE_BENCH_INPROCESS is set.
/// </summary>
public sealed class RecordSetBuildConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public RecordSetBuildConfig()
    {
        var job = Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3);
        AddJob(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ZHENGXIE_BENCH_INPROCESS"))
            ? job
            : job.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true)));
    }
}

/// <summary>The LINQ baseline's row: the 15 counts of one committee-year.</summary>
public sealed record RecordCounts(
    Committee Committee,
    ReportingPeriod Period,
    long Received,
    long Filed,
    long NotFiled,
    long Merged,
    long Cases,
    long Replied,
    long RepliedOnTime,
    long OutcomeA,
    long OutcomeB,
    long OutcomeC,
    long Satisfied,
    long BasicallySatisfied,
    long Dissatisfied,
    long FeedbackReturned,
    long Key)
{
    /// <summary>The counts in the order of <see cref="RecordStatisticsTable.CountMeasures"/>.</summary>
    /// <returns>The counts.</returns>
    public long[] ToArray() =>
        [Received, Filed, NotFiled, Merged, Cases, Replied, RepliedOnTime, OutcomeA, OutcomeB, OutcomeC, Satisfied, BasicallySatisfied, Dissatisfied, FeedbackReturned, Key];
}
