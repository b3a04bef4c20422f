using System;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// The checks of <see cref="FigureDatasetBuilder.AddColumns(FigureColumns)"/> and its exact-count overloads
/// (<c>FigureDatasetBuilder.Ingest.cs</c>, run 13: 42 survivors): each column's length named, optional columns empty or
/// full, the calendar years' limits, the year column read row by row, and nothing added when a row fails.
/// </summary>
public class ColumnChecksTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);
    private static readonly Measure Study = new("activity.study");
    private static readonly FigureUnit Times = new("次");

    [Theory]
    [InlineData("periods")]
    [InlineData("measures")]
    [InlineData("values")]
    [InlineData("units")]
    [InlineData("qualifiers")]
    [InlineData("scopes")]
    [InlineData("topics")]
    [InlineData("sources")]
    public void A_column_of_another_length_is_named(string column)
    {
        var builder = new FigureDatasetBuilder();
        var act = () =>
        {
            int Len(string name) => name == column ? 1 : 2;
            builder.AddColumns(new FigureColumns(
                [Yongjia, Yongjia],
                Enumerable.Repeat(Y2021, Len("periods")).ToArray(),
                Enumerable.Repeat(Study, Len("measures")).ToArray(),
                Enumerable.Repeat<decimal?>(1m, Len("values")).ToArray(),
                Enumerable.Repeat(Times, Len("units")).ToArray())
            {
                Qualifiers = Enumerable.Repeat(Qualifier.Exact, Len("qualifiers")).ToArray(),
                Scopes = Enumerable.Repeat(FigureScope.Committee, Len("scopes")).ToArray(),
                Topics = new string?[Len("topics")],
                Sources = new FigureSource?[Len("sources")],
            });
        };
        act.Should().Throw<ArgumentException>().WithParameterName(column)
            .WithMessage($"The column {column} has 1 elements; the committees column has 2. Every column has one element per figure.*");
        builder.Count.Should().Be(0);
    }

    [Fact]
    public void Optional_columns_may_be_empty_and_then_give_their_defaults()
    {
        var builder = new FigureDatasetBuilder();
        builder.AddColumns(new FigureColumns([Yongjia], [Y2021], [Study], [3m], [Times]) { Topics = ["  "] });
        var figure = builder.Build().Figures.Should().ContainSingle().Subject;
        figure.Should().Be(new Figure(Yongjia, Y2021, Study, 3, Times, Qualifier.Exact, FigureScope.Committee, null, null));
    }

    [Fact]
    public void Nothing_is_added_when_a_later_row_makes_no_figure()
    {
        var builder = new FigureDatasetBuilder();
        var act = () => builder.AddColumns(new FigureColumns([Yongjia, Yongjia], [Y2021, Y2021], [Study, new Measure("rate.reply")], [3m, 90m], [Times, Times]));
        act.Should().Throw<ArgumentException>().WithMessage("Row 1 (committee 330324, period 2021, measure rate.reply) does not make a figure: *");
        builder.Count.Should().Be(0);

        var exact = () => builder.AddColumns([Yongjia, Yongjia], [Y2021, Y2021], [Study, Study], [3L, 4L], [Times, new FigureUnit("%")]);
        exact.Should().Throw<ArgumentException>().WithMessage("Row 1 (committee 330324, period 2021, measure activity.study) does not make a figure: *");
        var noPeriod = () => builder.AddColumns([Yongjia], [default(ReportingPeriod)], [Study], [3L], [Times]);
        noPeriod.Should().Throw<ArgumentException>().WithMessage("Row 0 (committee 330324, period *, measure activity.study) does not make a figure: *");
        var rate = () => builder.AddColumns([Yongjia], [2021], [new Measure("rate.reply")], [3L], [Times]);
        rate.Should().Throw<ArgumentException>().WithMessage("Row 0 (committee 330324, period 2021, measure rate.reply) does not make a figure: *");
        builder.Count.Should().Be(0);
    }

    [Theory]
    [InlineData(1948)]
    [InlineData(2201)]
    public void A_year_outside_1949_to_2200_is_refused_naming_the_row(int year)
    {
        var builder = new FigureDatasetBuilder();
        var act = () => builder.AddColumns([Yongjia, Yongjia], [2021, year], [Study, Study], [1L, 2L], [Times, Times]);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("years")
            .WithMessage($"Row 1 (committee 330324, year {year}, measure activity.study): a calendar year is from 1949 to 2200.*");
        builder.Count.Should().Be(0);
    }

    [Fact]
    public void Each_row_of_the_year_column_gets_its_year_the_limits_included()
    {
        var builder = new FigureDatasetBuilder();
        var research = new Measure("activity.research");
        builder.AddColumns([Yongjia, Yongjia, Yongjia, Yongjia, Yongjia], [1949, 1949, 2200, 2021, 2021], [Study, research, Study, Study, research], [1L, 2L, 3L, 4L, 5L], [Times, Times, Times, Times, Times]);
        var dataset = builder.Build();
        dataset.GetCount(Yongjia, ReportingPeriod.CalendarYear(1949), Study).Should().Be(Bounds.Exactly(1));
        dataset.GetCount(Yongjia, ReportingPeriod.CalendarYear(1949), research).Should().Be(Bounds.Exactly(2));
        dataset.GetCount(Yongjia, ReportingPeriod.CalendarYear(2200), Study).Should().Be(Bounds.Exactly(3));
        dataset.GetCount(Yongjia, Y2021, Study).Should().Be(Bounds.Exactly(4));
        dataset.GetCount(Yongjia, Y2021, research).Should().Be(Bounds.Exactly(5));
        dataset.Figures.Should().HaveCount(5);
    }
}
