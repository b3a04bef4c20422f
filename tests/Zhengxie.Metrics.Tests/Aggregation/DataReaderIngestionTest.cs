using System;
using System.Collections.Generic;
using System.Data;
using System.Globalization;
using System.IO;
using System.Linq;
using DuckDB.NET.Data;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Tests.Csv;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// Figures loaded from real databases the test creates (SQLite through Microsoft.Data.Sqlite, DuckDB, and a Parquet file
/// written and read back through DuckDB) with <see cref="FigureDatasetBuilder.Load(IDataReader)"/> give the same dataset,
/// roll-up and <see cref="ProposalStatistics"/> as the same data read from CSV by <see cref="FigureCsvReader"/>.
/// </summary>
public sealed class DataReaderIngestionTest : IDisposable
{
    private static readonly string[] Columns = ["committee", "period", "measure", "value", "unit", "qualifier", "scope", "source", "topic"];
    private readonly TemporaryFolder folder = new();

    /// <summary>Gets the repository's figures CSV files: the seed reports (topics, qualifiers, rates, 全部), published examples, and a synthetic province.</summary>
    public static TheoryData<string> CsvFiles => new() { "seed-reports.csv", "published-examples.csv", "zhejiang-synthetic.csv" };

    public void Dispose() => folder.Dispose();

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public void SqliteGivesWhatCsvGives(string file)
    {
        var (csv, rows) = ReadCsv(file);
        using var db = new SqliteConnection("Data Source=" + Path.Combine(folder.Path, "figures.db"));
        db.Open();

        // Text columns as an export keeps them; the value as SQLite's NUMERIC affinity stores it (integer or real).
        Execute(db, "CREATE TABLE figures(committee TEXT, period TEXT, measure TEXT, value NUMERIC, unit TEXT, qualifier TEXT, scope TEXT, source TEXT, topic TEXT, note TEXT)");
        using (var tx = db.BeginTransaction())
        {
            using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO figures VALUES ($c, $p, $m, $v, $u, $q, $s, $src, $t, 'ignored')";
            var parameters = Columns.Select(n => insert.Parameters.Add("$" + (n == "source" ? "src" : n[..1]), SqliteType.Text)).ToArray();
            foreach (var row in rows)
            {
                for (int i = 0; i < Columns.Length; i++)
                {
                    parameters[i].Value = row[i] is { Length: > 0 } text ? text : DBNull.Value;
                }

                insert.ExecuteNonQuery();
            }

            tx.Commit();
        }

        using var command = db.CreateCommand();
        command.CommandText = "SELECT topic, note, source, scope, qualifier, unit, value, measure, period, committee FROM figures"; // any order, extra columns ignored
        using var reader = command.ExecuteReader();
        var loaded = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).Load(reader).Build();
        ShouldBeSame(loaded, csv);
    }

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public void DuckDbGivesWhatCsvGives(string file)
    {
        var (csv, rows) = ReadCsv(file);
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        CreateDuckDbTable(db, rows);

        // A committee code as text, the value as DECIMAL(38, 4) (its scale is storage, not print: 90.0000 reads as 90).
        using var command = db.CreateCommand();
        command.CommandText = """
            SELECT COALESCE(CAST(TRY_CAST(committee AS INTEGER) AS VARCHAR), committee) AS committee,
                   period, measure, CAST(value AS DECIMAL(38, 4)) AS value, unit, qualifier, scope, source, topic
            FROM figures
            """;
        using (var reader = command.ExecuteReader())
        {
            var loaded = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).Load(reader).Build();
            ShouldBeSame(loaded, csv);
        }

        if (rows.All(r => int.TryParse(r[0], NumberStyles.None, CultureInfo.InvariantCulture, out _) && int.TryParse(r[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            // Integer committee and year columns, a DOUBLE value.
            command.CommandText = "SELECT CAST(committee AS INTEGER) AS committee, CAST(period AS INTEGER) AS period, measure, CAST(value AS DOUBLE) AS value, unit, qualifier, scope, source, topic FROM figures";
            using var reader = command.ExecuteReader();
            reader.GetFieldType(0).Should().Be<int>();
            var loaded = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).Load(reader).Build();
            ShouldBeSame(loaded, csv);
        }
    }

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public void ParquetThroughDuckDbGivesWhatCsvGives(string file)
    {
        var (csv, rows) = ReadCsv(file);
        string parquet = Path.Combine(folder.Path, "figures.parquet");
        using (var writer = new DuckDBConnection("Data Source=:memory:"))
        {
            writer.Open();
            CreateDuckDbTable(writer, rows);
            Execute(writer, $"COPY (SELECT committee, period, measure, CAST(value AS DECIMAL(38, 4)) AS value, unit, qualifier, scope, source, topic FROM figures) TO '{parquet}' (FORMAT parquet)");
        }

        File.Exists(parquet).Should().BeTrue();
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = $"SELECT * FROM read_parquet('{parquet}')";
        using var reader = command.ExecuteReader();
        var loaded = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).Load(reader).Build();
        ShouldBeSame(loaded, csv);
    }

    [Fact]
    public void AMissingColumnIsNamed()
    {
        using var db = OpenSqlite();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT '330324' AS committee, '2020' AS period, 'proposals.filed' AS measure, 10 AS value, '件' AS Qualifier";
        using var reader = command.ExecuteReader();
        var act = () => new FigureDatasetBuilder().Load(reader);
        act.Should().Throw<ZhengxieMetricsException>()
            .WithMessage("The reader has no column unit: figures need the columns committee, period, measure, value and unit*it has committee, period, measure, value, Qualifier*");
    }

    [Theory]
    [InlineData("'330324', '2020x', 'proposals.filed', '10', '件', 'exact'", "Row 2 (committee 330324), column period: '2020x' is not a period*")]
    [InlineData("'33032', '2020', 'proposals.filed', '10', '件', 'exact'", "Row 2, column committee: '33032' is not a committee*")]
    [InlineData("'330324', '2020', 'Proposals Filed', '10', '件', 'exact'", "Row 2 (committee 330324, period 2020), column measure: 'Proposals Filed' is not a measure identifier*")]
    [InlineData("'330324', '2020', 'proposals.filed', '1,000', '件', 'exact'", "Row 2 (committee 330324, period 2020, measure proposals.filed), column value: '1,000' is not a number*")]
    [InlineData("'330324', '2020', 'proposals.filed', -3, '件', 'exact'", "Row 2 (committee 330324, period 2020, measure proposals.filed), column value: the value -3 is negative*")]
    [InlineData("'330324', '2020', 'proposals.filed', NULL, '件', 'exact'", "Row 2 (committee 330324, period 2020, measure proposals.filed), column value: the value is NULL; only a figure qualified 'all'*")]
    [InlineData("'330324', '2020', 'proposals.filed', '10', '', 'exact'", "Row 2 (committee 330324, period 2020, measure proposals.filed), column unit: the unit is empty*")]
    [InlineData("'330324', '2020', 'proposals.filed', '10', '件', 'roughly'", "Row 2 (committee 330324, period 2020, measure proposals.filed), column qualifier: 'roughly' is not a qualifier*")]
    [InlineData("'330324', '2020', 'rate.reply', '90', '件', 'percent_reported'", "Row 2 (committee 330324, period 2020, measure rate.reply) does not make a figure: A rate or share (rate.reply) is stated in %*")]
    public void ABadRowIsNamedWithItsCommitteePeriodAndMeasure(string secondRow, string message)
    {
        using var db = OpenSqlite();
        Execute(db, "CREATE TABLE f(committee, period, measure, value, unit, qualifier)");
        Execute(db, "INSERT INTO f VALUES ('330324', '2020', 'proposals.received', '12', '件', 'exact')");
        Execute(db, $"INSERT INTO f VALUES ({secondRow})");
        using var command = db.CreateCommand();
        command.CommandText = "SELECT * FROM f ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var act = () => new FigureDatasetBuilder().Load(reader);
        act.Should().Throw<ZhengxieMetricsException>().WithMessage(message);
    }

    [Fact]
    public void OptionalColumnsDefaultAndBuildValidatesAsForObjects()
    {
        // Without qualifier, scope, source and topic: exact counts of the committee's own work; filed above received is Build's finding.
        using var db = OpenSqlite();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT 330324 AS committee, 2020 AS period, 'proposals.received' AS measure, 10 AS value, '件' AS unit UNION ALL SELECT 330324, 2020, 'proposals.filed', 20, '件' UNION ALL SELECT 110101, 2020, 'proposals.filed', 5, '件'";
        using var reader = command.ExecuteReader();
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).Load(reader).Build();
        var expected = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(
        [
            new Figure(Committee.Parse("330324"), ReportingPeriod.CalendarYear(2020), Measures.Proposals.Received, 10, FigureUnit.Piece),
            new Figure(Committee.Parse("330324"), ReportingPeriod.CalendarYear(2020), Measures.Proposals.Filed, 20, FigureUnit.Piece),
            new Figure(Committee.Parse("110101"), ReportingPeriod.CalendarYear(2020), Measures.Proposals.Filed, 5, FigureUnit.Piece),
        ]).Build();
        dataset.Findings.Should().NotBeEmpty().And.Equal(expected.Findings);
        dataset.Figures.Should().Equal(expected.Figures);
        dataset.GetCount(Committee.Parse("110101"), ReportingPeriod.CalendarYear(2020), Measures.Proposals.Filed).Should().Be(Bounds.Exactly(5));
    }

    private static (FigureDataset Dataset, List<string?[]> Rows) ReadCsv(string file)
    {
        string path = Path.Combine(RepositoryFiles.Root, "docs", "data", file);
        var result = FigureCsvReader.ReadFile(path);
        result.IsValid.Should().BeTrue();
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(result.Figures).Build();

        // The same rows as text, field for field, as an export of the CSV into a database would hold them.
        var rows = new List<string?[]>();
        foreach (var f in result.Figures)
        {
            rows.Add(
            [
                f.Committee.ToString(), f.Period.ToString(), f.Measure.Id, f.Value?.ToString(CultureInfo.InvariantCulture), f.Unit.Symbol,
                QualifierText.ToWord(f.Qualifier), QualifierText.ToWord(f.Scope), f.Source?.Quote, f.Topic,
            ]);
        }

        return (dataset, rows);
    }

    private static void CreateDuckDbTable(DuckDBConnection db, List<string?[]> rows)
    {
        Execute(db, "CREATE TABLE figures(committee VARCHAR, period VARCHAR, measure VARCHAR, value VARCHAR, unit VARCHAR, qualifier VARCHAR, scope VARCHAR, source VARCHAR, topic VARCHAR)");
        using var appender = db.CreateAppender("figures");
        foreach (var row in rows)
        {
            var r = appender.CreateRow();
            foreach (var field in row)
            {
                if (field is null)
                {
                    r.AppendNullValue();
                }
                else
                {
                    r.AppendValue(field);
                }
            }

            r.EndRow();
        }
    }

    private static void ShouldBeSame(FigureDataset loaded, FigureDataset csv)
    {
        loaded.FigureCount.Should().Be(csv.FigureCount).And.BeGreaterThan(0);
        loaded.Figures.Should().Equal(csv.Figures);
        loaded.Figures.Select(f => f.Source).Should().Equal(csv.Figures.Select(f => f.Source));
        loaded.Findings.Should().Equal(csv.Findings);
        loaded.CountMeasures.Should().Equal(csv.CountMeasures);
        loaded.RollUp(Participation.AllLevels).Observations().Should().Equal(csv.RollUp(Participation.AllLevels).Observations());

        var loadedStatistics = ProposalStatistics.FromFiguresByCommittee(loaded.Figures, ValidationMode.CollectFindings, out var loadedFindings);
        var csvStatistics = ProposalStatistics.FromFiguresByCommittee(csv.Figures, ValidationMode.CollectFindings, out var csvFindings);
        loadedFindings.Should().Equal(csvFindings);
        loadedStatistics.Count.Should().Be(csvStatistics.Count);
        for (int i = 0; i < csvStatistics.Count; i++)
        {
            Describe(loadedStatistics[i]).Should().Be(Describe(csvStatistics[i]));
        }

        csvStatistics.Should().NotBeEmpty();
    }

    private static string Describe(ProposalStatistics s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Committee} {s.Period}: ")
        + string.Join("; ", s.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"))
        + " | " + string.Join("; ", s.StatedRates.OrderBy(c => c.Key).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value / 1.000000000000000000000000000000000m}"))) // a number column keeps no printed scale: 99.0 % is 99 %
        + " | " + string.Join("; ", RateOptions.Default.Definitions.Select(d => $"{d.Measure}={(s.TryGetRate(d, out var rate) ? rate.ToString() : string.Empty)}"));

    private static SqliteConnection OpenSqlite()
    {
        var db = new SqliteConnection("Data Source=:memory:");
        db.Open();
        return db;
    }

    private static void Execute(IDbConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
