using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using DuckDB.NET.Data;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>
/// Records loaded from real databases made by the test (SQLite, DuckDB, a Parquet file read through DuckDB) give
/// the same statistics and findings as the same records given as objects.
/// </summary>
public class RecordDataReaderTest
{
    private const string SelectAll = "SELECT * FROM record ORDER BY seq";

    private static readonly Gen<int[][]> Inputs = Gen.Int[0, 1_000_000].Array[19].Array[1, 120];

    private enum Dialect
    {
        Sqlite,
        DuckDb,
    }

    [Fact]
    public void Records_from_SQLite_give_the_statistics_of_the_objects() =>
        Inputs.Sample(
            input =>
            {
                var records = RecordColumnsTest.Build(input);
                using var db = new SqliteConnection("Data Source=:memory:");
                db.Open();
                Load(db, records, Dialect.Sqlite);
                using var reader = Query(db, SelectAll);
                SameAsObjects(ProposalRecordSet.Create(reader, mode: ValidationMode.CollectFindings), records);
            },
            iter: 40);

    [Fact]
    public void Records_from_DuckDB_give_the_statistics_of_the_objects() =>
        Inputs.Sample(
            input =>
            {
                var records = RecordColumnsTest.Build(input);
                using var db = new DuckDBConnection("Data Source=:memory:");
                db.Open();
                Load(db, records, Dialect.DuckDb);
                using var reader = Query(db, SelectAll);
                SameAsObjects(ProposalRecordSet.Create(reader, mode: ValidationMode.CollectFindings), records);
            },
            iter: 40,
            threads: 1);

    [Fact]
    public void Records_from_a_Parquet_file_read_through_DuckDB_give_the_statistics_of_the_objects()
    {
        var records = RecordColumnsTest.Build(Enumerable.Range(0, 400).Select(i => Enumerable.Range(0, 19).Select(k => ((i * 7919) + (k * 104729) + (i * k * 31)) % 1_000_003).ToArray()).ToArray());
        string path = Path.Combine(Path.GetTempPath(), "zhengxie-records-" + Guid.NewGuid().ToString("N") + ".parquet");
        try
        {
            using (var db = new DuckDBConnection("Data Source=:memory:"))
            {
                db.Open();
                Load(db, records, Dialect.DuckDb);
                Execute(db, $"COPY (SELECT * FROM record ORDER BY seq) TO '{path}' (FORMAT PARQUET)");
            }

            File.Exists(path).Should().BeTrue();
            using var reader2 = new DuckDBConnection("Data Source=:memory:");
            reader2.Open();
            using var reader = Query(reader2, $"SELECT * FROM read_parquet('{path}') ORDER BY seq");
            var set = ProposalRecordSet.Create(reader, mode: ValidationMode.CollectFindings);
            set.Count.Should().BeGreaterThan(100);
            SameAsObjects(set, records);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_required_column_is_named()
    {
        var table = Table(("id", typeof(string)), ("committee", typeof(string)), ("period", typeof(string)));
        var e = FluentActions.Invoking(() => ProposalRecordColumns.Read(table.CreateDataReader())).Should().Throw<RecordReadException>().Which;
        e.Column.Should().Be("submitted");
        e.Row.Should().Be(0);
        e.Message.Should().StartWith("The reader has no column submitted;");
    }

    [Fact]
    public void A_column_given_twice_is_refused()
    {
        var table = Table(("id", typeof(string)), ("ID ", typeof(string)), ("committee", typeof(string)), ("period", typeof(string)), ("submitted", typeof(string)));
        FluentActions.Invoking(() => ProposalRecordColumns.Read(table.CreateDataReader()))
            .Should().Throw<RecordReadException>().WithMessage("The reader has two columns named id (columns 1 and 2).");
    }

    [Theory]
    [InlineData("submitted", "2022-02-30", "Row 2 (record B), column submitted: '2022-02-30' is not a date (a DATE, or text yyyy-MM-dd).")]
    [InlineData("committee", "33032", "Row 2 (record B), column committee: '33032' is not a committee*")]
    [InlineData("period", "twenty", "Row 2 (record B), column period: 'twenty' is not a period*")]
    [InlineData("decision", "accepted", "Row 2 (record B), column decision: 'accepted' is not one of under_review, filed, not_filed, merged.")]
    [InlineData("feedback", "happy", "Row 2 (record B), column feedback: 'happy' is not one of none, satisfied, basically_satisfied, dissatisfied, understanding.")]
    [InlineData("is_key", "yes", "Row 2 (record B), column is_key: 'yes' is not a flag (true/false or 1/0).")]
    [InlineData("co_units", "县财政局; 县财政局", "Row 2 (record B), column co_units: the co-handling unit 县财政局 is listed twice.")]
    [InlineData("lead_unit", " ", "Row 2 (record B), column lead_unit: the name is blank (use NULL for none).")]
    [InlineData("id", " ", "Row 2, column id: ' ' is not a proposal identifier*")]
    public void A_bad_value_names_row_column_and_record(string column, string value, string message)
    {
        var table = Table(("id", typeof(string)), ("committee", typeof(string)), ("period", typeof(string)), ("submitted", typeof(string)), ("decision", typeof(string)),
            ("feedback", typeof(string)), ("is_key", typeof(string)), ("co_units", typeof(string)), ("lead_unit", typeof(string)));
        table.Rows.Add("A", "330324", "2022", "2022-01-05", "not_filed", null, "0", null, null);
        var row = table.Rows.Add("B", "330324", "2022", "2022-01-06", "under_review", "none", "false", null, null);
        row[column] = value;
        var e = FluentActions.Invoking(() => ProposalRecordColumns.Read(table.CreateDataReader())).Should().Throw<RecordReadException>().WithMessage(message).Which;
        e.Column.Should().Be(column);
        e.Row.Should().Be(2);
    }

    [Fact]
    public void Typed_values_integer_codes_and_unknown_columns_are_read()
    {
        var table = Table(("ID", typeof(long)), ("committee", typeof(int)), ("period", typeof(int)), ("submitted", typeof(DateTime)), ("decision", typeof(int)),
            ("filed_on", typeof(DateTime)), ("title", typeof(string)), ("is_key", typeof(bool)));
        table.Rows.Add(17L, 330324, 2022, new DateTime(2022, 1, 5), 1, new DateTime(2022, 1, 9), "关于……的提案", true);
        var columns = ProposalRecordColumns.Read(table.CreateDataReader());
        columns.Ids.Span[0].Should().Be("17");
        columns.Committees.Span[0].Should().Be(Committee.Parse("330324"));
        columns.Periods.Span[0].Should().Be(ReportingPeriod.CalendarYear(2022));
        columns.Decisions.Span[0].Should().Be(FilingDecision.Filed);
        columns.FiledOn.Span[0].Should().Be(new LocalDate(2022, 1, 9));
        columns.IsKey.Span[0].Should().BeTrue();
        ProposalRecordSet.Create(columns).ComputeAll().GetCounts(0)[1].Should().Be(1, "filed");
    }

    private static void SameAsObjects(ProposalRecordSet fromReader, List<ProposalRecord> records)
    {
        var fromObjects = ProposalRecordSet.Create(records, mode: ValidationMode.CollectFindings);
        fromReader.Findings.Select(f => f.Message).Should().Equal(fromObjects.Findings.Select(f => f.Message));
        var expected = fromObjects.ComputeAll();
        var actual = fromReader.ComputeAll();
        actual.Committees.ToArray().Should().Equal(expected.Committees.ToArray());
        actual.Periods.ToArray().Should().Equal(expected.Periods.ToArray());
        actual.AllCounts.ToArray().Should().Equal(expected.AllCounts.ToArray());
        foreach (var (c, p) in fromObjects.CommitteePeriods)
        {
            fromReader.DaysToReply(c, p).Days.Should().Equal(fromObjects.DaysToReply(c, p).Days);
        }
    }

    private static void Load(DbConnection db, List<ProposalRecord> records, Dialect dialect)
    {
        string date = dialect == Dialect.DuckDb ? "DATE" : "TEXT";
        Execute(db, $"""
            CREATE TABLE record (seq INTEGER, id VARCHAR, committee VARCHAR, period {(dialect == Dialect.DuckDb ? "VARCHAR" : "")}, submitted {date},
                proposer_kind VARCHAR, decision VARCHAR, filed_on {date}, merged_into VARCHAR, handed_over_on {date}, lead_unit VARCHAR,
                co_units {(dialect == Dialect.DuckDb ? "VARCHAR[]" : "TEXT")}, replied_on {date}, extended_until {date}, answer VARCHAR, feedback VARCHAR,
                is_key {(dialect == Dialect.DuckDb ? "BOOLEAN" : "INTEGER")}, title VARCHAR)
            """);
        var sql = new StringBuilder("INSERT INTO record VALUES ");
        for (int i = 0; i < records.Count; i++)
        {
            var r = records[i];
            string Date(LocalDate? d) => d is { } x ? (dialect == Dialect.DuckDb ? "DATE " : string.Empty) + Text(x.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)) : "NULL";
            string period = dialect == Dialect.Sqlite && r.Period.Kind == PeriodKind.CalendarYear
                ? r.Period.Year.ToString(CultureInfo.InvariantCulture)
                : Text(r.Period.ToString());
            string co = r.CoUnits.Count == 0
                ? (i % 2 == 0 ? "NULL" : (dialect == Dialect.DuckDb ? "[]" : "''"))
                : dialect == Dialect.DuckDb ? "[" + string.Join(", ", r.CoUnits.Select(Text)) + "]" : Text(string.Join("; ", r.CoUnits));
            sql.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"""
                ({i}, {Text(r.Id)}, {Text(r.Committee.ToString())}, {period}, {Date(r.Submitted)}, {Word(r.ProposerKind)}, {Word(r.Decision)}, {Date(r.FiledOn)},
                {Text(r.MergedInto)}, {Date(r.HandedOverOn)}, {Text(r.LeadUnit)}, {co}, {Date(r.RepliedOn)}, {Date(r.ExtendedUntil)},
                {(r.Answer is { } a ? Word(a) : "NULL")}, {(r.Feedback == Feedback.None && i % 3 == 0 ? "NULL" : Word(r.Feedback))},
                {(dialect == Dialect.DuckDb ? (r.IsKey ? "TRUE" : "FALSE") : (r.IsKey ? "1" : "0"))}, '标题')
                """);
        }

        Execute(db, sql.ToString());
    }

    private static string Text(string? text) => text is null ? "NULL" : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Word<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Text(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));

    private static void Execute(DbConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static DbDataReader Query(DbConnection db, string sql)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteReader(CommandBehavior.CloseConnection);
    }

    private static DataTable Table(params (string Name, Type Type)[] columns)
    {
        var table = new DataTable();
        foreach (var (name, type) in columns)
        {
            table.Columns.Add(name, type);
        }

        return table;
    }
}
