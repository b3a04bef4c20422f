using System;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>Each kind of period selection: its description and the rows it makes of a dataset's periods.</summary>
public class PeriodSelectionTest
{
    private static readonly ReportingPeriod Y2019 = ReportingPeriod.CalendarYear(2019);
    private static readonly ReportingPeriod Y2020 = ReportingPeriod.CalendarYear(2020);
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);
    private static readonly ReportingPeriod Session2020 = ReportingPeriod.ForSession(4, 4, 2020);

    private static readonly ReportingPeriod[] Dataset = [Y2019, Y2020, Session2020, Y2021];

    [Fact]
    public void Each_period_makes_one_row_per_dataset_period()
    {
        PeriodSelection.EachPeriod.Description.Should().Be("each period");
        PeriodSelection.EachPeriod.ToString().Should().Be("each period");
        var rows = PeriodSelection.EachPeriod.Resolve(Dataset);
        rows.Select(r => r.Label).Should().Equal(Dataset.Select(p => p.ToString()));
        rows.Should().AllSatisfy(r => r.Periods.Should().ContainSingle());
        rows.Select(r => r.SinglePeriod).Should().Equal(Dataset.Cast<ReportingPeriod?>());
    }

    [Fact]
    public void Each_year_gathers_the_periods_of_a_year_in_year_order()
    {
        PeriodSelection.EachYear.Description.Should().Be("each year");
        var rows = PeriodSelection.EachYear.Resolve([Y2019, Y2020, Session2020, Y2021]);
        rows.Select(r => r.Label).Should().Equal("2019", "2020", "2021");
        rows[1].Periods.Should().Equal(Y2020, Session2020);
        rows[1].FirstYear.Should().Be(2020);
        rows[1].LastYear.Should().Be(2020);
        rows[1].SumsAcrossPeriods.Should().BeFalse();
    }

    [Fact]
    public void Each_listed_period_is_a_row_once_in_period_order()
    {
        var selection = PeriodSelection.Each([Y2021, Y2019, Y2021]);
        selection.Description.Should().Be("periods 2019, 2021");
        var rows = selection.Resolve([Y2020]);
        rows.Select(r => r.Label).Should().Equal("2019", "2021");
        rows[0].Periods.Should().Equal(Y2019);
    }

    [Fact]
    public void Each_refuses_a_missing_list_and_the_default_period()
    {
        var none = () => PeriodSelection.Each(null!);
        none.Should().Throw<ArgumentNullException>().WithParameterName("periods");
        var withDefault = () => PeriodSelection.Each([Y2019, default]);
        withDefault.Should().Throw<ArgumentException>().WithParameterName("periods").WithMessage("A period is the default value.*");
        var resolve = () => PeriodSelection.EachPeriod.Resolve(null!);
        resolve.Should().Throw<ArgumentNullException>().WithParameterName("datasetPeriods");
    }

    [Fact]
    public void Years_makes_a_row_for_every_year_of_the_span_with_or_without_data()
    {
        var selection = PeriodSelection.Years(2019, 2022);
        selection.Description.Should().Be("each year 2019-2022");
        var rows = selection.Resolve(Dataset);
        rows.Select(r => r.Label).Should().Equal("2019", "2020", "2021", "2022");
        rows[1].Periods.Should().Equal(Y2020, Session2020);
        rows[3].Periods.Should().BeEmpty();
        rows.Select(r => r.FirstYear).Should().Equal(2019, 2020, 2021, 2022);
        rows.Should().AllSatisfy(r => r.SumsAcrossPeriods.Should().BeFalse());

        var one = PeriodSelection.Years(2020, 2020).Resolve(Dataset);
        one.Should().ContainSingle().Which.Periods.Should().Equal(Y2020, Session2020);
    }

    [Fact]
    public void Total_sums_the_periods_whose_year_is_inside_the_span_ends_included()
    {
        var selection = PeriodSelection.Total(2020, 2021);
        selection.Description.Should().Be("total 2020-2021");
        var row = selection.Resolve(Dataset).Should().ContainSingle().Subject;
        row.Label.Should().Be("2020-2021");
        row.Periods.Should().Equal(Y2020, Session2020, Y2021);
        row.FirstYear.Should().Be(2020);
        row.LastYear.Should().Be(2021);
        row.SumsAcrossPeriods.Should().BeTrue();

        PeriodSelection.Total(2019, 2019).Resolve(Dataset).Single().Periods.Should().Equal(Y2019);
        PeriodSelection.Total(2021, 2030).Resolve(Dataset).Single().Periods.Should().Equal(Y2021);
    }

    [Theory]
    [InlineData(1949, 1949)]
    [InlineData(2200, 2200)]
    [InlineData(1949, 2200)]
    public void The_first_and_last_possible_years_are_accepted(int first, int last)
    {
        PeriodSelection.Years(first, last).Resolve([]).Should().HaveCount(last - first + 1);
        PeriodSelection.Total(first, last).Resolve([]).Should().ContainSingle();
    }

    [Fact]
    public void A_span_that_ends_before_it_starts_or_leaves_the_possible_years_names_the_year()
    {
        var backwards = () => PeriodSelection.Years(2021, 2020);
        backwards.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lastYear").WithMessage("The last year must not be before the first.*");
        var totalBackwards = () => PeriodSelection.Total(2021, 2020);
        totalBackwards.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lastYear");

        var early = () => PeriodSelection.Years(1948, 2020);
        early.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("firstYear")
            .WithMessage("The first year 1948 is outside the years a period can have (1949 to 2200).*");
        var late = () => PeriodSelection.Total(2020, 2201);
        late.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lastYear")
            .WithMessage("The last year 2201 is outside the years a period can have (1949 to 2200).*");
        var firstTooLate = () => PeriodSelection.Years(2201, 2201);
        firstTooLate.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("firstYear");
        var lastTooEarly = () => PeriodSelection.Years(1949, 1948);
        lastTooEarly.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lastYear").WithMessage("The last year 1948 is outside*");
    }
}
