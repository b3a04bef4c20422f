using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Benchmarks;

/// <summary>
/// What a user waits for (issue 8): from a <see cref="List{Figure}"/> of the national synthetic dataset to every cell of
/// the county-level hierarchy roll-up (every prefecture, province and the nation × every year × every measure's sum,
/// bounds and contributors, and every standard rate pooled) in plain arrays. <c>Linq</c> groups the same list;
/// <c>Library</c> builds a dataset, rolls up and copies every column out; <c>LibraryColumnar</c> does the same from the
/// figures as columns (no object per figure); <c>DuckDb</c> loads the figures with the appender into an in-memory DuckDB
/// and runs <c>GROUP BY ROLLUP</c> queries, read into arrays. <see cref="Setup"/> checks that all four agree on every cell.
/// </summary>
/// <remarks>With ZHENGXIE_BENCH_INPROCESS set (and no <c>--job</c>), the short job runs in process with a 60-minute limit (<see cref="EndToEndRecordConfig"/>); the check runs once per process.</remarks>
[MemoryDiagnoser]
[Config(typeof(EndToEndRecordConfig))]
public class EndToEndRollupBenchmarks
{
    private static bool verified;
    private List<Figure> figures = null!;
    private Committee[] committees = null!;
    private ReportingPeriod[] periods = null!;
    private Measure[] measures = null!;
    private decimal?[] values = null!;
    private FigureUnit[] units = null!;
    private Qualifier[] qualifiers = null!;
    private IReadOnlyList<RateDefinition> rates = null!;

    /// <summary>Generates the figures and their columns, and checks that every method gives the same cells.</summary>
    [GlobalSetup]
    public void Setup()
    {
        figures = BenchmarkData.Figures;
        rates = RateOptions.Default.Definitions;
        committees = figures.Select(f => f.Committee).ToArray();
        periods = figures.Select(f => f.Period).ToArray();
        measures = figures.Select(f => f.Measure).ToArray();
        values = figures.Select(f => f.Value).ToArray();
        units = figures.Select(f => f.Unit).ToArray();
        qualifiers = figures.Select(f => f.Qualifier).ToArray();
        Console.WriteLine("// Dataset: " + BenchmarkData.Describe());
        if (verified)
        {
            return;
        }

        var expected = Canonical(Library());
        Compare("LibraryColumnar", Canonical(LibraryColumnar()), expected);
        Compare("Linq", Canonical(Linq()), expected);
        Compare("DuckDb", Canonical(DuckDb()), expected);
        Console.WriteLine($"// Verified: Linq, LibraryColumnar and DuckDb equal Library on all {expected.Count} cells with contributors.");
        verified = true;
    }

    /// <summary>The baseline: an idiomatic LINQ GroupBy/Sum over the same list (each figure to a record with its bounds and region codes, then grouped).</summary>
    [Benchmark(Baseline = true)]
    public List<LinqRow> Linq()
    {
        var table = RegionTable.Default;
        var records = figures.Select(f =>
        {
            var region = table[f.Committee.Region];
            var (prefecture, level) = Place(table, region);
            var bounds = f.Bounds!.Value;
            return new FigureRecord(region.Code.Value, prefecture, region.Code.ProvinceCode.Value, level, f.Period.Year, f.Measure.Id, bounds.Lower, bounds.Upper ?? 0, !bounds.HasUpperBound);
        }).ToList();
        return LinqRollup.Run(records, rates);
    }

    /// <summary>The library: build the dataset from the figures, roll up, copy every column into arrays.</summary>
    [Benchmark]
    public RollupCells Library() => ReadOut(new FigureDatasetBuilder().AddRange(figures).Build().RollUp(Participation.CountyLevel));

    /// <summary>The library from columns: the same figures as spans (no <see cref="Figure"/> per row), then as <see cref="Library"/>.</summary>
    [Benchmark]
    public RollupCells LibraryColumnar()
    {
        var columns = new FigureColumns(committees, periods, measures, values, units) { Qualifiers = qualifiers };
        return ReadOut(new FigureDatasetBuilder().AddColumns(columns).Build().RollUp(Participation.CountyLevel));
    }

    /// <summary>DuckDB: appender load of the figures (with bounds and region codes) into memory, SQL <c>GROUP BY ROLLUP</c> for the sums and the pooled rates, results read into arrays.</summary>
    [Benchmark]
    public DuckDbCells DuckDb()
    {
        var table = RegionTable.Default;
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        Execute(db, "CREATE TABLE f(committee INTEGER, prefecture INTEGER, province INTEGER, level INTEGER, year INTEGER, measure VARCHAR, lo BIGINT, hi BIGINT)");
        using (var appender = db.CreateAppender("f"))
        {
            foreach (var f in figures)
            {
                var region = table[f.Committee.Region];
                var (prefecture, level) = Place(table, region);
                var bounds = f.Bounds!.Value;
                var row = appender.CreateRow().AppendValue(region.Code.Value);
                if (prefecture is { } p)
                {
                    row.AppendValue(p);
                }
                else
                {
                    row.AppendNullValue();
                }

                row.AppendValue(region.Code.ProvinceCode.Value).AppendValue((int)level).AppendValue(f.Period.Year)
                    .AppendValue(f.Measure.Id).AppendValue(bounds.Lower).AppendValue(bounds.Upper ?? 0).EndRow();
            }
        }

        var cells = new DuckDbCells();
        using var command = db.CreateCommand();
        command.CommandText = $"""
            SELECT CASE WHEN GROUPING(prefecture) = 0 THEN prefecture WHEN GROUPING(province) = 0 THEN province ELSE 0 END AS grp,
                   year, measure, CAST(SUM(lo) AS BIGINT), CAST(SUM(hi) AS BIGINT), CAST(COUNT(*) AS INTEGER)
            FROM f WHERE level = {(int)AdministrativeLevel.County}
            GROUP BY year, measure, ROLLUP(province, prefecture)
            HAVING NOT (GROUPING(prefecture) = 0 AND prefecture IS NULL)
            """;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                cells.Add(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), 0, 0, reader.GetInt32(5));
            }
        }

        command.CommandText = RateSql(rates);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                for (int k = 0; k < rates.Count; k++)
                {
                    int n = reader.GetInt32(2 + (5 * k));
                    if (n > 0)
                    {
                        cells.Add(reader.GetInt32(0), reader.GetInt32(1), rates[k].Measure.Id, reader.GetInt64(3 + (5 * k)), reader.GetInt64(4 + (5 * k)), reader.GetInt64(5 + (5 * k)), reader.GetInt64(6 + (5 * k)), n);
                    }
                }
            }
        }

        return cells;
    }

    private static (int? Prefecture, AdministrativeLevel Level) Place(RegionTable table, Region region) => LinqRollup.Place(table, region);

    private static RollupCells ReadOut(IndicatorTable table)
    {
        int rows = table.RowCount;
        var cells = new RollupCells(table, table.MeasureColumns.Count, table.RateColumns.Count, rows);
        for (int m = 0; m < table.MeasureColumns.Count; m++)
        {
            table.CopyColumn(table.MeasureColumns[m], cells.Lower[m], cells.Upper[m], cells.Contributors[m]);
        }

        for (int r = 0; r < table.RateColumns.Count; r++)
        {
            table.CopyColumn(table.RateColumns[r], cells.Numerator[r], cells.Denominator[r], cells.RateContributors[r], cells.NumeratorUpper[r], cells.DenominatorUpper[r]);
        }

        return cells;
    }

    /// <summary>One query for every rate: per committee-year, each count's bounds side by side; per rate, the committees reporting all its counts pooled.</summary>
    private static string RateSql(IReadOnlyList<RateDefinition> rates)
    {
        var used = rates.SelectMany(r => r.Numerator.Append(r.Denominator)).Distinct().ToList();
        string Col(Measure m, string bound) => "m" + used.IndexOf(m).ToString(CultureInfo.InvariantCulture) + bound;
        var sql = new StringBuilder("WITH c AS (SELECT committee, province, prefecture, year");
        foreach (var m in used)
        {
            sql.Append(CultureInfo.InvariantCulture, $", MAX(lo) FILTER (WHERE measure = '{m.Id}') AS {Col(m, "lo")}, MAX(hi) FILTER (WHERE measure = '{m.Id}') AS {Col(m, "hi")}");
        }

        sql.Append(CultureInfo.InvariantCulture, $" FROM f WHERE level = {(int)AdministrativeLevel.County} GROUP BY committee, province, prefecture, year)\n");
        sql.Append("SELECT CASE WHEN GROUPING(prefecture) = 0 THEN prefecture WHEN GROUPING(province) = 0 THEN province ELSE 0 END AS grp, year");
        foreach (var rate in rates)
        {
            string all = string.Join(" AND ", rate.Numerator.Append(rate.Denominator).Select(m => Col(m, "lo") + " IS NOT NULL"));
            string numLo = string.Join(" + ", rate.Numerator.Select(m => Col(m, "lo")));
            string numHi = string.Join(" + ", rate.Numerator.Select(m => Col(m, "hi")));
            sql.Append(CultureInfo.InvariantCulture, $", CAST(COUNT(*) FILTER (WHERE {all}) AS INTEGER)");
            sql.Append(CultureInfo.InvariantCulture, $", CAST(COALESCE(SUM({numLo}) FILTER (WHERE {all}), 0) AS BIGINT), CAST(COALESCE(SUM({numHi}) FILTER (WHERE {all}), 0) AS BIGINT)");
            sql.Append(CultureInfo.InvariantCulture, $", CAST(COALESCE(SUM({Col(rate.Denominator, "lo")}) FILTER (WHERE {all}), 0) AS BIGINT), CAST(COALESCE(SUM({Col(rate.Denominator, "hi")}) FILTER (WHERE {all}), 0) AS BIGINT)");
        }

        sql.Append(" FROM c GROUP BY year, ROLLUP(province, prefecture) HAVING NOT (GROUPING(prefecture) = 0 AND prefecture IS NULL)");
        return sql.ToString();
    }

    private static void Execute(DuckDBConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static Dictionary<(int Group, int Year, string Measure), (long Lo, long Hi, long DenLo, long DenHi, int N)> Canonical(RollupCells cells)
    {
        var table = cells.Table;
        var result = new Dictionary<(int, int, string), (long, long, long, long, int)>();
        for (int r = 0; r < table.RowCount; r++)
        {
            var row = table.GetRow(r);
            int group = row.Group.Code?.Value ?? 0;
            int year = row.Period.FirstYear;
            for (int m = 0; m < table.MeasureColumns.Count; m++)
            {
                if (cells.Contributors[m][r] > 0)
                {
                    result[(group, year, table.MeasureColumns[m].Measure.Id)] = (cells.Lower[m][r], cells.Upper[m][r], 0, 0, cells.Contributors[m][r]);
                }
            }

            for (int k = 0; k < table.RateColumns.Count; k++)
            {
                if (cells.RateContributors[k][r] > 0)
                {
                    result[(group, year, table.RateColumns[k].Definition.Measure.Id)] =
                        (cells.Numerator[k][r], cells.NumeratorUpper[k][r], cells.Denominator[k][r], cells.DenominatorUpper[k][r], cells.RateContributors[k][r]);
                }
            }
        }

        return result;
    }

    private static Dictionary<(int Group, int Year, string Measure), (long Lo, long Hi, long DenLo, long DenHi, int N)> Canonical(List<LinqRow> rows) =>
        rows.ToDictionary(r => (r.Group, r.Year, r.Measure), r => (r.Lower, r.Unbounded ? -1 : r.Upper, r.DenominatorLower, r.DenominatorUpper, r.Contributors));

    private static Dictionary<(int Group, int Year, string Measure), (long Lo, long Hi, long DenLo, long DenHi, int N)> Canonical(DuckDbCells cells)
    {
        var result = new Dictionary<(int, int, string), (long, long, long, long, int)>();
        for (int i = 0; i < cells.Count; i++)
        {
            result[(cells.Groups[i], cells.Years[i], cells.Measures[i])] = (cells.Lower[i], cells.Upper[i], cells.DenominatorLower[i], cells.DenominatorUpper[i], cells.Contributors[i]);
        }

        return result;
    }

    private static void Compare(
        string name,
        Dictionary<(int Group, int Year, string Measure), (long Lo, long Hi, long DenLo, long DenHi, int N)> actual,
        Dictionary<(int Group, int Year, string Measure), (long Lo, long Hi, long DenLo, long DenHi, int N)> expected)
    {
        if (actual.Count != expected.Count)
        {
            throw new InvalidOperationException($"{name} has {actual.Count} cells, Library {expected.Count}.");
        }

        foreach (var (key, value) in expected)
        {
            if (!actual.TryGetValue(key, out var other) || other != value)
            {
                throw new InvalidOperationException($"{name} and Library disagree on {key}: {other} vs {value}.");
            }
        }
    }
}

/// <summary>Every cell of a roll-up in plain arrays: per measure column its sums' bounds and contributors, per rate column its pooled parts and contributors, in the table's row order.</summary>
public sealed class RollupCells
{
    internal RollupCells(IndicatorTable table, int measureColumns, int rateColumns, int rows)
    {
        Table = table;
        Lower = Make<long>(measureColumns, rows);
        Upper = Make<long>(measureColumns, rows);
        Contributors = Make<int>(measureColumns, rows);
        Numerator = Make<long>(rateColumns, rows);
        NumeratorUpper = Make<long>(rateColumns, rows);
        Denominator = Make<long>(rateColumns, rows);
        DenominatorUpper = Make<long>(rateColumns, rows);
        RateContributors = Make<int>(rateColumns, rows);
    }

    /// <summary>Gets the table (for its row keys).</summary>
    public IndicatorTable Table { get; }

    /// <summary>Gets the sums' lower bounds, per measure column.</summary>
    public long[][] Lower { get; }

    /// <summary>Gets the sums' upper bounds, per measure column.</summary>
    public long[][] Upper { get; }

    /// <summary>Gets the contributors, per measure column.</summary>
    public int[][] Contributors { get; }

    /// <summary>Gets the pooled numerators, per rate column.</summary>
    public long[][] Numerator { get; }

    /// <summary>Gets the pooled numerators' upper bounds, per rate column.</summary>
    public long[][] NumeratorUpper { get; }

    /// <summary>Gets the pooled denominators, per rate column.</summary>
    public long[][] Denominator { get; }

    /// <summary>Gets the pooled denominators' upper bounds, per rate column.</summary>
    public long[][] DenominatorUpper { get; }

    /// <summary>Gets the committees pooled, per rate column.</summary>
    public int[][] RateContributors { get; }

    private static T[][] Make<T>(int columns, int rows)
    {
        var result = new T[columns][];
        for (int i = 0; i < columns; i++)
        {
            result[i] = new T[rows];
        }

        return result;
    }
}

/// <summary>DuckDB's cells in plain arrays: group code (0 for the nation), year, measure or rate, bounds, denominator bounds (rates), contributors.</summary>
public sealed class DuckDbCells
{
    /// <summary>Gets the number of cells.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the group codes.</summary>
    public int[] Groups { get; private set; } = new int[1024];

    /// <summary>Gets the years.</summary>
    public int[] Years { get; private set; } = new int[1024];

    /// <summary>Gets the measures or rates.</summary>
    public string[] Measures { get; private set; } = new string[1024];

    /// <summary>Gets the sums' (or numerators') lower bounds.</summary>
    public long[] Lower { get; private set; } = new long[1024];

    /// <summary>Gets the sums' (or numerators') upper bounds.</summary>
    public long[] Upper { get; private set; } = new long[1024];

    /// <summary>Gets the denominators' lower bounds (rates).</summary>
    public long[] DenominatorLower { get; private set; } = new long[1024];

    /// <summary>Gets the denominators' upper bounds (rates).</summary>
    public long[] DenominatorUpper { get; private set; } = new long[1024];

    /// <summary>Gets the contributors.</summary>
    public int[] Contributors { get; private set; } = new int[1024];

    internal void Add(int group, int year, string measure, long lower, long upper, long denominatorLower, long denominatorUpper, int contributors)
    {
        if (Count == Groups.Length)
        {
            int size = Count * 2;
            Groups = Grow(Groups, size);
            Years = Grow(Years, size);
            Measures = Grow(Measures, size);
            Lower = Grow(Lower, size);
            Upper = Grow(Upper, size);
            DenominatorLower = Grow(DenominatorLower, size);
            DenominatorUpper = Grow(DenominatorUpper, size);
            Contributors = Grow(Contributors, size);
        }

        Groups[Count] = group;
        Years[Count] = year;
        Measures[Count] = measure;
        Lower[Count] = lower;
        Upper[Count] = upper;
        DenominatorLower[Count] = denominatorLower;
        DenominatorUpper[Count] = denominatorUpper;
        Contributors[Count] = contributors;
        Count++;
    }

    private static T[] Grow<T>(T[] array, int size)
    {
        Array.Resize(ref array, size);
        return array;
    }
}
