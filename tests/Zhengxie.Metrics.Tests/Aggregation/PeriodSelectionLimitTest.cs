using System;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>Year selections name years a period can have (issue 10, item 7).</summary>
public class PeriodSelectionLimitTest
{
    [Theory]
    [InlineData(int.MinValue, int.MaxValue)]
    [InlineData(0, 99999)]
    [InlineData(1948, 2020)]
    [InlineData(2020, 2201)]
    public void Years_outside_what_a_period_can_have_are_a_clear_error(int first, int last)
    {
        var years = () => PeriodSelection.Years(first, last);
        years.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1949 to 2200*");
        var total = () => PeriodSelection.Total(first, last);
        total.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1949 to 2200*");
    }

    [Fact]
    public void The_widest_selection_has_one_row_per_possible_year()
    {
        var periods = new[] { ReportingPeriod.CalendarYear(2020), ReportingPeriod.ForSession(4, 4, 2020) };
        var rows = PeriodSelection.Years(1949, 2200).Resolve(periods);
        rows.Should().HaveCount(252);
        rows[2020 - 1949].Periods.Should().BeEquivalentTo(periods);
    }
}
