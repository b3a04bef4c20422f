using System;
using System.Linq;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>Issue 8: the bulk read-out gives exactly what the per-cell accessors give, for every cell.</summary>
public class BulkReadOutTest
{
    [Fact]
    public void Indicator_table_columns_copied_into_spans_equal_every_cell()
    {
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(Zhengxie.Metrics.SampleData.SeedReports.AllFigures).Build();
        var table = dataset.RollUp(Participation.AllLevels);
        int rows = table.RowCount;
        rows.Should().BeGreaterThan(0);
        var lower = new long[rows];
        var upper = new long[rows];
        var contributors = new int[rows];
        foreach (var column in table.MeasureColumns)
        {
            table.CopyColumn(column, lower, upper, contributors);
            for (int row = 0; row < rows; row++)
            {
                var value = table.GetValue(row, column);
                contributors[row].Should().Be(value.Contributors);
                if (value.Sum is { } sum)
                {
                    lower[row].Should().Be(sum.Lower);
                    upper[row].Should().Be(sum.Upper ?? -1);
                }
            }
        }

        var num = new long[rows];
        var den = new long[rows];
        var numUpper = new long[rows];
        var denUpper = new long[rows];
        foreach (var column in table.RateColumns)
        {
            table.CopyColumn(column, num, den, contributors, numUpper, denUpper);
            for (int row = 0; row < rows; row++)
            {
                var rate = table.GetRate(row, column);
                contributors[row].Should().Be(rate.Contributors);
                if (rate.Rate is { } r)
                {
                    num[row].Should().Be(r.Numerator.Lower);
                    den[row].Should().Be(r.Denominator.Lower);
                    numUpper[row].Should().Be(r.Numerator.Upper ?? -1);
                    denUpper[row].Should().Be(r.Denominator.Upper ?? -1);
                }
            }
        }

        var tooShort = () => table.CopyColumn(table.MeasureColumns[0], new long[rows - 1]);
        tooShort.Should().Throw<ArgumentException>().WithMessage("*table has*rows*");
    }

    [Fact]
    public void Record_statistics_spans_equal_every_count()
    {
        var committee = Committee.Parse("330324");
        var other = Committee.Parse("330302");
        var year = ReportingPeriod.CalendarYear(2022);
        var records = Enumerable.Range(0, 40).Select(i => new ProposalRecord($"R{i}", i % 3 == 0 ? other : committee, year, new LocalDate(2022, 1, 10))
        {
            Decision = i % 4 == 0 ? FilingDecision.NotFiled : FilingDecision.Filed,
            FiledOn = i % 4 == 0 ? null : new LocalDate(2022, 1, 20),
            HandedOverOn = i % 4 == 0 ? null : new LocalDate(2022, 1, 31),
            LeadUnit = i % 4 == 0 ? null : "县住建局",
        }).ToList();
        var table = ProposalRecordSet.Create(records).ComputeAll();

        table.Committees.ToArray().Should().Equal(Enumerable.Range(0, table.Count).Select(table.GetCommittee));
        table.Periods.ToArray().Should().Equal(Enumerable.Range(0, table.Count).Select(table.GetPeriod));
        var column = new long[table.Count];
        for (int m = 0; m < RecordStatisticsTable.CountMeasures.Count; m++)
        {
            var measure = RecordStatisticsTable.CountMeasures[m];
            table.CopyColumn(measure, column);
            for (int row = 0; row < table.Count; row++)
            {
                column[row].Should().Be(table.GetCount(row, measure));
                table.GetCounts(row)[m].Should().Be(table.GetCount(row, measure));
                table.AllCounts[(row * RecordStatisticsTable.CountMeasures.Count) + m].Should().Be(table.GetCount(row, measure));
            }
        }

        table.GetCount(table.Committees.IndexOf(other), Measures.Proposals.Received).Should().Be(14);
    }
}
