using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Cli.Commands;
using Zhengxie.Metrics.Cli.Rendering;
using Zhengxie.Metrics.Cli.Reporting;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Rendering;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Csv;

/// <summary>
/// <c>validate</c> and <c>report --input</c> read a file as columns (<see cref="FigureCsvReader.ReadColumns"/>, no
/// <see cref="Figure"/> per row) and check them with <see cref="FigureValidator.Validate(FigureColumns, RegionTable?, bool)"/>:
/// on random files, valid and invalid (the generator of <see cref="FigureCsvReadIntoTest"/>), every finding and every line
/// of output must be what the old path (the figures of <see cref="FigureCsvReader.Read(Stream, IProgress{int}?)"/> checked
/// by <see cref="FigureValidator.Validate(IEnumerable{Figure}, RegionTable?, bool)"/>) gives, in the same order.
/// </summary>
public class FigureCsvReadColumnsTest
{
    [Fact]
    public void Validate_on_columns_finds_and_prints_what_validate_on_figures_did()
    {
        FigureCsvReadIntoTest.GenFile.Sample(
            bytes =>
            {
                foreach (bool strict in (bool[])[false, true])
                {
                    var read = FigureCsvReader.Read(new MemoryStream(bytes));
                    var oldFindings = FigureValidator.Validate(read.Figures, RegionTable.Default, strict);
                    var oldOutput = new StringWriter();
                    var oldCounts = FileCheck.Check(read, RegionTable.Default, strict, oldOutput, "f.csv: ");

                    IReadOnlyList<ValidationFinding> newFindings = [];
                    var figures = FileCheck.FigureFindings.None;
                    int handed = -1;
                    var columnsRead = FigureCsvReader.ReadColumns(
                        new MemoryStream(bytes),
                        FigureCsvEncoding.Utf8,
                        (columns, result) =>
                        {
                            handed = columns.Length;
                            result.FigureCount.Should().Be(columns.Length);
                            newFindings = FigureValidator.Validate(columns, RegionTable.Default, strict);
                            figures = FileCheck.Examine(columns, RegionTable.Default, strict);
                        });
                    var newOutput = new StringWriter();
                    var newCounts = FileCheck.Write(columnsRead, figures, RegionTable.Default, newOutput, "f.csv: ");

                    handed.Should().Be(read.Figures.Count);
                    columnsRead.Figures.Should().BeEmpty();
                    columnsRead.FigureCount.Should().Be(read.Figures.Count);
                    columnsRead.RowCount.Should().Be(read.RowCount);
                    columnsRead.Findings.Select(f => f.ToString()).Should().Equal(read.Findings.Select(f => f.ToString()));
                    newFindings.Should().Equal(oldFindings);
                    newOutput.ToString().Should().Be(oldOutput.ToString());
                    newCounts.Should().Be(oldCounts);
                }
            },
            iter: 1_500);
    }

    [Fact]
    public void Report_on_columns_gives_the_table_and_findings_of_report_on_figures()
    {
        var options = new[]
        {
            new ReportOptions(GroupBy.Committee, null, null),
            new ReportOptions(GroupBy.Prefecture, null, null),
            new ReportOptions(GroupBy.Level, new YearRange(2021, null), null),
            new ReportOptions(GroupBy.Province, new YearRange(null, 2020), null),
        };
        FigureCsvReadIntoTest.GenFile.Sample(
            bytes =>
            {
                var read = FigureCsvReader.Read(new MemoryStream(bytes));
                foreach (var option in options)
                {
                    string expected = Render(IndicatorReport.Build(read.Figures, option, TableRenderOptions.Default, "f.csv", RegionTable.Default, out var expectedFindings));
                    string actual = string.Empty;
                    IReadOnlyList<ValidationFinding> actualFindings = [];
                    FigureCsvReader.ReadColumns(
                        new MemoryStream(bytes),
                        FigureCsvEncoding.Utf8,
                        (columns, _) => actual = Render(IndicatorReport.Build(columns, option, TableRenderOptions.Default, "f.csv", RegionTable.Default, out actualFindings)));

                    actual.Should().Be(expected);
                    actualFindings.Select(f => f.ToString()).Should().Equal(expectedFindings.Select(f => f.ToString()));
                }
            },
            iter: 300);
    }

    [Fact]
    public void A_file_that_does_not_decode_hands_over_no_row()
    {
        var bytes = Encoding.UTF8.GetBytes("committee,period,measure,value,unit,qualifier,scope,source\n330302,2020,proposals.received,12,件,exact,committee,\n").Append((byte)0xC3).ToArray();
        int calls = 0;
        int rows = -1;

        var result = FigureCsvReader.ReadColumns(new MemoryStream(bytes), FigureCsvEncoding.Utf8, (columns, r) =>
        {
            calls++;
            rows = columns.Length;
            r.IsValid.Should().BeFalse();
        });

        calls.Should().Be(1);
        rows.Should().Be(0);
        result.FigureCount.Should().Be(0);
        result.Findings.Should().ContainSingle(f => f.IsError && f.Line == 3);
    }

    [Theory]
    [InlineData(-1, -1, -1, -1)]
    [InlineData(19_999, -1, -1, -1)]
    [InlineData(-1, 12_345, -1, -1)]
    [InlineData(-1, -1, 0, -1)]
    [InlineData(-1, -1, -1, 7_000)]
    [InlineData(3, 15_000, 19_990, 1)]
    public void An_optional_column_comes_empty_only_when_every_row_has_its_default(int moreThanAt, int regionTotalAt, int topicAt, int sourceAt)
    {
        // 20,000 rows (over 1 MB): the parallel read takes them in many chunks, and a column is made at its first other value
        // (10 more_than: 「10余件」, a figure with bounds).
        var text = new StringBuilder("committee,period,measure,value,unit,qualifier,scope,source,topic\n");
        for (int i = 0; i < 20_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{110101 + (i / 20)},{2000 + (i % 20)},proposals.filed,{(i == moreThanAt ? 10 : i)},件,")
                .Append(i == moreThanAt ? "more_than" : "exact").Append(',')
                .Append(i == regionTotalAt ? "region_total" : "committee").Append(',')
                .Append(i == sourceAt ? "report" : string.Empty).Append(',')
                .Append(i == topicAt ? "农业" : string.Empty).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var expected = FigureCsvReader.Read(new MemoryStream(bytes)).Figures;
        var lengths = new int[4];
        var figures = new List<Figure>();

        FigureCsvReader.ReadColumns(new MemoryStream(bytes), FigureCsvEncoding.Utf8, (columns, _) =>
        {
            lengths = [columns.Qualifiers.Length, columns.Scopes.Length, columns.Topics.Length, columns.Sources.Length];
            for (int i = 0; i < columns.Length; i++)
            {
                figures.Add(columns.ToFigure(i));
            }
        });

        expected.Should().HaveCount(20_000);
        lengths.Should().Equal(new[] { moreThanAt, regionTotalAt, topicAt, sourceAt }.Select(at => at < 0 ? 0 : 20_000));
        figures.Should().Equal(expected);
        figures.Select(f => f.Source?.Document).Should().Equal(expected.Select(f => f.Source?.Document));
    }

    [Fact]
    public void A_null_handler_is_refused()
    {
        var act = () => FigureCsvReader.ReadColumns(new MemoryStream([]), FigureCsvEncoding.Utf8, null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("handler");
    }

    private static string Render(ReportTable table)
    {
        var text = new StringWriter();
        ReportWriter.Write(table, OutputFormat.Csv, text);
        return text.ToString();
    }
}
