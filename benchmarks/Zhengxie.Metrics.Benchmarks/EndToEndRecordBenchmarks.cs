using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DuckDB.NET.Data;
using NodaTime;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Benchmarks;

/// <summary>
/// What a user waits for, from their records to their numbers: from a <see cref="List{T}"/> of 10 million
/// <see cref="ProposalRecord"/>s to every committee-year's 15 counts in plain arrays. <c>Linq</c> (baseline) groups
/// the list; <c>Library</c> builds the <see cref="ProposalRecordSet"/> (validation, deadlines, sort), tallies it and
/// copies the counts out; <c>LibraryColumnar</c> does the same from the records' fields held by column
/// (<see cref="ProposalRecordColumns"/>, made once in setup as a store of columns would hold them); <c>DuckDb</c> loads
/// the records into an in-memory DuckDB table with the appender, counts with one <c>GROUP BY</c> and reads the
/// result into the same arrays. Setup checks that all four agree on every count.
/// </summary>
/// <remarks>
/// The job comes from the command line (<c>--job Dry</c> in CI), or, with ZHENGXIE_BENCH_INPROCESS set, is a short
/// in-process job whose time limit fits ten million records on a loaded machine (see <see cref="EndToEndRecordConfig"/>). The records,
/// their columns and the check are made once per process (BenchmarkDotNet calls the setup once per method).
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(EndToEndRecordConfig))]
public class EndToEndRecordBenchmarks
{
    private static readonly HandlingPolicy Policy = HandlingPolicy.Default;
    private static List<ProposalRecord>? cachedRecords;
    private static ProposalRecordColumns? cachedColumns;
    private List<ProposalRecord> records = null!;
    private ProposalRecordColumns columns = null!;

    /// <summary>Builds the records and their columns, and checks that every method gives the same counts.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (cachedRecords is not null && cachedColumns is not null)
        {
            (records, columns) = (cachedRecords, cachedColumns);
            return;
        }

        records = RecordBenchmarkData.Generate(RecordBenchmarkData.RecordCount);
        columns = ToColumns(records);
        var expected = Linq();
        foreach (var (name, actual) in new[] { ("Library", Library()), ("LibraryColumnar", LibraryColumnar()), ("DuckDb", DuckDb()) })
        {
            string? difference = expected.FirstDifference(actual);
            if (difference is not null)
            {
                throw new InvalidOperationException($"{name} differs from LINQ: {difference}");
            }
        }

        (cachedRecords, cachedColumns) = (records, columns);
    }

    /// <summary>Idiomatic LINQ: group the records by committee and year, count each measure, copy into arrays.</summary>
    /// <returns>The counts.</returns>
    [Benchmark(Baseline = true)]
    public RecordCountArrays Linq()
    {
        var rows = records
            .GroupBy(r => (r.Committee, r.Period))
            .Select(g => new
            {
                g.Key.Committee,
                g.Key.Period,
                Counts = new[]
                {
                    g.LongCount(),
                    g.LongCount(r => r.Decision == FilingDecision.Filed || (r.Decision == FilingDecision.Merged && r.FiledOn.HasValue)),
                    g.LongCount(r => r.Decision == FilingDecision.NotFiled),
                    g.LongCount(r => r.Decision == FilingDecision.Merged),
                    g.LongCount(r => r.Decision == FilingDecision.Filed),
                    g.LongCount(r => r.Decision == FilingDecision.Filed && r.RepliedOn.HasValue),
                    g.LongCount(r => r.Decision == FilingDecision.Filed && r.RepliedOn.HasValue && r.RepliedOn <= Policy.DeadlineFor(r)),
                    g.LongCount(r => r.Answer == AnswerClass.SolvedOrAdopted),
                    g.LongCount(r => r.Answer == AnswerClass.BeingSolvedOrPlanned),
                    g.LongCount(r => r.Answer == AnswerClass.ForReference),
                    g.LongCount(r => r.Feedback == Feedback.Satisfied),
                    g.LongCount(r => r.Feedback == Feedback.BasicallySatisfied),
                    g.LongCount(r => r.Feedback == Feedback.Dissatisfied),
                    g.LongCount(r => r.Feedback != Feedback.None),
                    g.LongCount(r => r.IsKey),
                },
            })
            .OrderBy(r => r.Committee)
            .ThenBy(r => r.Period)
            .ToList();
        var result = new RecordCountArrays(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            result.Committees[i] = rows[i].Committee.Region.Value;
            result.Years[i] = rows[i].Period.Year;
            for (int m = 0; m < RecordCountArrays.MeasureCount; m++)
            {
                result.Counts[m][i] = rows[i].Counts[m];
            }
        }

        return result;
    }

    /// <summary>The library from the list of records: build the set, tally every committee-year, copy the counts out.</summary>
    /// <returns>The counts.</returns>
    [Benchmark]
    public RecordCountArrays Library() => ReadOut(ProposalRecordSet.Create(records, Policy).ComputeAll());

    /// <summary>The build alone (validation, deadlines, sort into columns): the part of <see cref="Library"/> that grows with the records.</summary>
    /// <returns>The set.</returns>
    [Benchmark]
    public ProposalRecordSet CreateOnly() => ProposalRecordSet.Create(records, Policy);

    /// <summary>The library from the same records held by column.</summary>
    /// <returns>The counts.</returns>
    [Benchmark]
    public RecordCountArrays LibraryColumnar() => ReadOut(ProposalRecordSet.Create(columns, Policy).ComputeAll());

    /// <summary>DuckDB: appender load into an in-memory table, one <c>GROUP BY</c>, the result read into arrays.</summary>
    /// <returns>The counts.</returns>
    [Benchmark]
    public RecordCountArrays DuckDb()
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using (var create = db.CreateCommand())
        {
            create.CommandText = "CREATE TABLE record (committee INTEGER, year INTEGER, decision INTEGER, filed INTEGER, is_key INTEGER, handed_over DATE, replied DATE, extended DATE, answer INTEGER, feedback INTEGER)";
            create.ExecuteNonQuery();
        }

        using (var appender = db.CreateAppender("record"))
        {
            foreach (var r in records)
            {
                var row = appender.CreateRow()
                    .AppendValue(r.Committee.Region.Value)
                    .AppendValue(r.Period.Year)
                    .AppendValue((int)r.Decision)
                    .AppendValue(r.FiledOn.HasValue ? 1 : 0)
                    .AppendValue(r.IsKey ? 1 : 0);
                Date(row, r.HandedOverOn);
                Date(row, r.RepliedOn);
                Date(row, r.ExtendedUntil);
                row.AppendValue(r.Answer is { } a ? (int)a : 0).AppendValue((int)r.Feedback).EndRow();
            }
        }

        // The default policy in SQL: due 3 months after handover; an extension counts up to 6 months after it (month ends clamp, as in NodaTime).
        using var query = db.CreateCommand();
        query.CommandText = """
            SELECT committee, year,
                   COUNT(*),
                   COUNT(*) FILTER (WHERE decision = 1 OR (decision = 3 AND filed = 1)),
                   COUNT(*) FILTER (WHERE decision = 2),
                   COUNT(*) FILTER (WHERE decision = 3),
                   COUNT(*) FILTER (WHERE decision = 1),
                   COUNT(*) FILTER (WHERE decision = 1 AND replied IS NOT NULL),
                   COUNT(*) FILTER (WHERE decision = 1 AND replied <= CASE
                        WHEN extended IS NULL THEN CAST(handed_over + INTERVAL 3 MONTH AS DATE)
                        ELSE GREATEST(CAST(handed_over + INTERVAL 3 MONTH AS DATE), LEAST(extended, CAST(handed_over + INTERVAL 6 MONTH AS DATE))) END),
                   COUNT(*) FILTER (WHERE answer = 1),
                   COUNT(*) FILTER (WHERE answer = 2),
                   COUNT(*) FILTER (WHERE answer = 3),
                   COUNT(*) FILTER (WHERE feedback = 1),
                   COUNT(*) FILTER (WHERE feedback = 2),
                   COUNT(*) FILTER (WHERE feedback = 3),
                   COUNT(*) FILTER (WHERE feedback <> 0),
                   COUNT(*) FILTER (WHERE is_key = 1)
            FROM record GROUP BY committee, year ORDER BY committee, year
            """;
        var committees = new List<int>();
        var years = new List<int>();
        var counts = new List<long>[RecordCountArrays.MeasureCount];
        for (int m = 0; m < counts.Length; m++)
        {
            counts[m] = [];
        }

        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                committees.Add(reader.GetInt32(0));
                years.Add(reader.GetInt32(1));
                for (int m = 0; m < counts.Length; m++)
                {
                    counts[m].Add(reader.GetInt64(2 + m));
                }
            }
        }

        var result = new RecordCountArrays(committees.Count);
        committees.CopyTo(result.Committees);
        years.CopyTo(result.Years);
        for (int m = 0; m < counts.Length; m++)
        {
            counts[m].CopyTo(result.Counts[m]);
        }

        return result;
    }

    private static void Date(IDuckDBAppenderRow row, LocalDate? date)
    {
        if (date is { } d)
        {
            row.AppendValue(d.ToDateTimeUnspecified());
        }
        else
        {
            row.AppendNullValue();
        }
    }

    private static RecordCountArrays ReadOut(RecordStatisticsTable table)
    {
        var result = new RecordCountArrays(table.Count);
        var committees = table.Committees;
        var periods = table.Periods;
        for (int i = 0; i < table.Count; i++)
        {
            result.Committees[i] = committees[i].Region.Value;
            result.Years[i] = periods[i].Year;
        }

        for (int m = 0; m < RecordCountArrays.MeasureCount; m++)
        {
            table.CopyColumn(RecordStatisticsTable.CountMeasures[m], result.Counts[m]);
        }

        return result;
    }

    private static ProposalRecordColumns ToColumns(List<ProposalRecord> list)
    {
        var offsets = new int[list.Count + 1];
        for (int i = 0; i < list.Count; i++)
        {
            offsets[i + 1] = offsets[i] + list[i].CoUnits.Count;
        }

        return new ProposalRecordColumns(
            list.Select(r => r.Id).ToArray(), list.Select(r => r.Committee).ToArray(), list.Select(r => r.Period).ToArray(), list.Select(r => r.Submitted).ToArray())
        {
            ProposerKinds = list.Select(r => r.ProposerKind).ToArray(),
            Decisions = list.Select(r => r.Decision).ToArray(),
            FiledOn = list.Select(r => r.FiledOn).ToArray(),
            MergedInto = list.Select(r => r.MergedInto).ToArray(),
            HandedOverOn = list.Select(r => r.HandedOverOn).ToArray(),
            LeadUnits = list.Select(r => r.LeadUnit).ToArray(),
            CoUnits = list.SelectMany(r => r.CoUnits).ToArray(),
            CoUnitOffsets = offsets,
            RepliedOn = list.Select(r => r.RepliedOn).ToArray(),
            ExtendedUntil = list.Select(r => r.ExtendedUntil).ToArray(),
            Answers = list.Select(r => r.Answer).ToArray(),
            Feedback = list.Select(r => r.Feedback).ToArray(),
            IsKey = list.Select(r => r.IsKey).ToArray(),
        };
    }
}

/// <summary>
/// With ZHENGXIE_BENCH_INPROCESS set (no <c>--job</c> on the command line): BenchmarkDotNet's short job (3 warm-ups,
/// 3 iterations) in process, with a 60-minute limit instead of the in-process default, because building the
/// boilerplate out of process and the ten million records' setup exceed the defaults on this 2-core machine.
/// </summary>
public sealed class EndToEndRecordConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public EndToEndRecordConfig()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ZHENGXIE_BENCH_INPROCESS")))
        {
            AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true)));
        }
    }
}

/// <summary>Every committee-year's counts in plain arrays: region codes, years, and one column per count (in the order of <see cref="RecordStatisticsTable.CountMeasures"/>).</summary>
public sealed class RecordCountArrays
{
    /// <summary>The number of counts per committee-year.</summary>
    public const int MeasureCount = 15;

    /// <summary>Creates zeroed arrays for a number of committee-years.</summary>
    /// <param name="rows">The number of committee-years.</param>
    public RecordCountArrays(int rows)
    {
        Committees = new int[rows];
        Years = new int[rows];
        Counts = new long[MeasureCount][];
        for (int m = 0; m < MeasureCount; m++)
        {
            Counts[m] = new long[rows];
        }
    }

    /// <summary>Gets each row's committee (region code).</summary>
    public int[] Committees { get; }

    /// <summary>Gets each row's year.</summary>
    public int[] Years { get; }

    /// <summary>Gets the counts, one array per measure.</summary>
    public long[][] Counts { get; }

    /// <summary>Describes the first difference from other arrays, or returns <see langword="null"/> when they are equal.</summary>
    /// <param name="other">The other arrays.</param>
    /// <returns>The difference, or <see langword="null"/>.</returns>
    public string? FirstDifference(RecordCountArrays other)
    {
        if (other.Committees.Length != Committees.Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{other.Committees.Length} committee-years instead of {Committees.Length}.");
        }

        for (int i = 0; i < Committees.Length; i++)
        {
            if (other.Committees[i] != Committees[i] || other.Years[i] != Years[i])
            {
                return string.Create(CultureInfo.InvariantCulture, $"row {i} is {other.Committees[i]}/{other.Years[i]} instead of {Committees[i]}/{Years[i]}.");
            }

            for (int m = 0; m < MeasureCount; m++)
            {
                if (other.Counts[m][i] != Counts[m][i])
                {
                    return string.Create(CultureInfo.InvariantCulture, $"row {i} ({Committees[i]}/{Years[i]}) has {other.Counts[m][i]} {RecordStatisticsTable.CountMeasures[m]} instead of {Counts[m][i]}.");
                }
            }
        }

        return null;
    }
}
