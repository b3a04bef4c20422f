using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DuckDB.NET.Data;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Benchmarks;

/// <summary>
/// From a figures CSV file (1,000,000 rows of the synthetic national data, <see cref="CsvBenchmarkData"/>)
/// to the roll-up of the county committees by prefecture in plain arrays: the sum (lower and upper bound)
/// and the number of contributing committees of every count measure, per prefecture and year. The library
/// reads the file with <see cref="FigureCsvReader"/> (every row checked, every finding with its line), builds
/// a dataset and aggregates; DuckDB (benchmark-only reference) runs <c>read_csv</c> and one <c>GROUP BY</c>
/// against a table of each county's prefecture loaded in the setup. The setup checks that both give the
/// same number in every cell.
/// </summary>
/// <remarks>With ZHENGXIE_BENCH_INPROCESS set (and no <c>--job</c>), the short job runs in process, with 15 measured iterations (<see cref="CsvConfig"/>).</remarks>
[MemoryDiagnoser]
[Config(typeof(CsvConfig))]
public class CsvBenchmarks
{
    private static readonly Grouping ByPrefecture = Grouping.ByPrefecture();
    private static readonly AggregationOptions CountsOnly = new() { Rates = [] };
    private string path = null!;
    private DuckDBConnection duck = null!;

    /// <summary>Writes the file if needed, loads DuckDB's table of prefectures, and checks that both methods agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        path = CsvBenchmarkData.EnsureFile();
        duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        using (var create = duck.CreateCommand())
        {
            create.CommandText = "CREATE TABLE prefecture_of (committee INTEGER PRIMARY KEY, prefecture INTEGER NOT NULL)";
            create.ExecuteNonQuery();
        }

        // Each county's prefecture; a prefecture without counties in the region table (东莞, 嘉峪关, ...) counts its own committee, as the library's grouping does.
        var regions = RegionTable.Default;
        var withCounties = new HashSet<int>();
        using (var appender = duck.CreateAppender("prefecture_of"))
        {
            foreach (var region in regions.Regions)
            {
                if (region.Level == AdministrativeLevel.County && region.ParentCode is { } parent && regions[parent].Level == AdministrativeLevel.Prefecture)
                {
                    appender.CreateRow().AppendValue(region.Code.Value).AppendValue(parent.Value).EndRow();
                    withCounties.Add(parent.Value);
                }
            }

            foreach (var region in regions.Regions)
            {
                if (region.Level == AdministrativeLevel.Prefecture && !withCounties.Contains(region.Code.Value))
                {
                    appender.CreateRow().AppendValue(region.Code.Value).AppendValue(region.Code.Value).EndRow();
                }
            }
        }

        var library = Library();
        var reference = DuckDb();
        int cells = Verify(library, reference);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {path}: {CsvBenchmarkData.Rows} rows; Library and DuckDb agree on {cells} cells ({reference.Rows} non-empty prefecture-year-measure sums × lower, upper, contributors)"));
    }

    /// <summary>Closes DuckDB.</summary>
    [GlobalCleanup]
    public void Cleanup() => duck.Dispose();

    /// <summary>The library: read and check the file into a dataset builder (<see cref="FigureCsvReader.ReadInto(FigureDatasetBuilder, string, FigureCsvEncoding, IProgress{int}?)"/>), build, aggregate by prefecture, copy every column out.</summary>
    [Benchmark]
    public LibraryResult Library()
    {
        // The rows go straight into the builder as columns (no Figure per row), every row checked as ReadFile checks it.
        var builder = new FigureDatasetBuilder();
        var read = FigureCsvReader.ReadInto(builder, path);
        if (!read.IsValid)
        {
            throw new InvalidOperationException("The benchmark file has errors: " + read.Findings.First(f => f.IsError));
        }

        var dataset = builder.Build();
        var table = dataset.Aggregate(ByPrefecture, PeriodSelection.EachPeriod, CountsOnly);
        int rows = table.RowCount;
        var columns = table.MeasureColumns;
        var result = new LibraryResult(table, new long[columns.Count][], new long[columns.Count][], new int[columns.Count][]);
        for (int c = 0; c < columns.Count; c++)
        {
            result.Lower[c] = new long[rows];
            result.Upper[c] = new long[rows];
            result.Contributors[c] = new int[rows];
            table.CopyColumn(columns[c], result.Lower[c], result.Upper[c], result.Contributors[c]);
        }

        return result;
    }

    /// <summary>DuckDB: <c>read_csv</c>, the join with each county's prefecture and a <c>GROUP BY</c>, read into arrays.</summary>
    [Benchmark(Baseline = true)]
    public DuckResult DuckDb()
    {
        using var command = duck.CreateCommand();

        // The bounds of 「N余」 as docs/domain.md reads them: N + 1 .. N + (the unit of N's last non-zero digit) − 1.
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT p.prefecture, f.period, f.measure,
                   sum(CASE WHEN f.qualifier = 'more_than' THEN f.value + 1 ELSE f.value END)::BIGINT AS lower,
                   sum(CASE WHEN f.qualifier = 'more_than' THEN f.value + (CASE WHEN f.value % 1000 = 0 THEN 1000 WHEN f.value % 100 = 0 THEN 100 WHEN f.value % 10 = 0 THEN 10 ELSE 1 END) - 1 ELSE f.value END)::BIGINT AS upper,
                   count(*)::INTEGER AS contributors
            FROM read_csv('{path.Replace("'", "''", StringComparison.Ordinal)}', header = true,
                 columns = {'{'}'committee': 'INTEGER', 'period': 'INTEGER', 'measure': 'VARCHAR', 'value': 'BIGINT', 'unit': 'VARCHAR',
                            'qualifier': 'VARCHAR', 'scope': 'VARCHAR', 'source': 'VARCHAR'{'}'}) f
            JOIN prefecture_of p ON p.committee = f.committee
            WHERE f.scope = 'committee'
            GROUP BY p.prefecture, f.period, f.measure
            """);
        using var reader = command.ExecuteReader();
        var result = new DuckResult();
        while (reader.Read())
        {
            result.Add(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt32(5));
        }

        return result;
    }

    private static int Verify(LibraryResult library, DuckResult reference)
    {
        var table = library.Table;
        var rowOf = new Dictionary<(int Prefecture, int Year), int>();
        for (int r = 0; r < table.RowCount; r++)
        {
            var row = table.Rows[r];
            rowOf[(row.Group.Code!.Value.Value, row.Period.FirstYear)] = r;
        }

        var columnOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < table.MeasureColumns.Count; c++)
        {
            columnOf[table.MeasureColumns[c].Measure.Id] = c;
        }

        int cells = 0;
        for (int i = 0; i < reference.Rows; i++)
        {
            int r = rowOf[(reference.Prefecture[i], reference.Year[i])];
            int c = columnOf[reference.Measure[i]];
            if (library.Lower[c][r] != reference.Lower[i] || library.Upper[c][r] != reference.Upper[i] || library.Contributors[c][r] != reference.Contributors[i])
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Prefecture {reference.Prefecture[i]}, {reference.Year[i]}, {reference.Measure[i]}: the library has {library.Lower[c][r]}..{library.Upper[c][r]} from {library.Contributors[c][r]}, DuckDB {reference.Lower[i]}..{reference.Upper[i]} from {reference.Contributors[i]}."));
            }

            cells += 3;
        }

        // And no cell the library has that DuckDB lacks.
        long nonEmpty = library.Contributors.Sum(column => column.Count(n => n > 0));
        if (nonEmpty != reference.Rows)
        {
            var known = new HashSet<int>(reference.Prefecture);
            var extra = table.Rows.Select(r => r.Group.Code!.Value.Value).Where(g => !known.Contains(g)).Distinct().Take(20);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The library has {nonEmpty} non-empty cells, DuckDB {reference.Rows}; groups DuckDB lacks: {string.Join(", ", extra)}."));
        }

        return cells;
    }

    /// <summary>The library's cells: per measure column, per row of the table.</summary>
    /// <param name="Table">The table (rows: prefecture × year).</param>
    /// <param name="Lower">Lower bounds of the sums.</param>
    /// <param name="Upper">Upper bounds of the sums.</param>
    /// <param name="Contributors">Committees contributing.</param>
    public sealed record LibraryResult(IndicatorTable Table, long[][] Lower, long[][] Upper, int[][] Contributors);

    /// <summary>DuckDB's rows, in arrays.</summary>
    public sealed class DuckResult
    {
        private readonly List<int> prefecture = [];
        private readonly List<int> year = [];
        private readonly List<string> measure = [];
        private readonly List<long> lower = [];
        private readonly List<long> upper = [];
        private readonly List<int> contributors = [];

        /// <summary>Gets the number of rows.</summary>
        public int Rows => prefecture.Count;

        internal List<int> Prefecture => prefecture;

        internal List<int> Year => year;

        internal List<string> Measure => measure;

        internal List<long> Lower => lower;

        internal List<long> Upper => upper;

        internal List<int> Contributors => contributors;

        internal void Add(int p, int y, string m, long lo, long hi, int n)
        {
            prefecture.Add(p);
            year.Add(y);
            measure.Add(m);
            lower.Add(lo);
            upper.Add(hi);
            contributors.Add(n);
        }
    }
}

/// <summary>
/// The job of <see cref="CsvBenchmarks"/> with ZHENGXIE_BENCH_INPROCESS set: the short job in process, but with 15 measured
/// iterations instead of 3. An iteration is one read of the file (about 0.3–0.4 s), and on the shared 2-core machine the
/// same iteration varies by ±30 %: three of them decide nothing.
/// </summary>
public sealed class CsvConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public CsvConfig()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ZHENGXIE_BENCH_INPROCESS")))
        {
            AddJob(Job.ShortRun.WithIterationCount(15).WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true)));
        }
    }
}
