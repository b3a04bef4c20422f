using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>
/// Day numbers (0001-01-01 is day 0) of dates before the common era, counted with NodaTime's proleptic ISO calendar,
/// and back: the formula's branch for negative years, which a record's dates reach only to be refused as out of range.
/// </summary>
public class RecordDaysTest
{
    [Theory]
    [InlineData(-9998, 1, 1)]
    [InlineData(-401, 12, 31)]
    [InlineData(-400, 2, 29)]
    [InlineData(-5, 1, 1)]
    [InlineData(-1, 3, 1)]
    [InlineData(0, 1, 1)]
    [InlineData(0, 2, 29)]
    [InlineData(0, 12, 31)]
    public void Dates_before_the_first_year_count_back_from_day_0(int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);
        int expected = -Period.Between(date, new LocalDate(1, 1, 1), PeriodUnits.Days).Days;
        RecordDays.Of(date).Should().Be(expected);
        RecordDays.Of(year, month, day).Should().Be(expected);
        RecordDays.ToDate(expected).Should().Be(date);
        RecordDays.Format(expected).Should().Be(date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_first_and_last_day_a_record_may_use_are_those_of_the_first_and_last_reporting_year()
    {
        RecordDays.ToDate(RecordDays.First).Should().Be(new LocalDate(ReportingPeriod.MinYear, 1, 1));
        RecordDays.ToDate(RecordDays.Last).Should().Be(new LocalDate(ReportingPeriod.MaxYear, 12, 31));
        RecordDays.Of((LocalDate?)null).Should().Be(RecordDays.Never);
    }
}
