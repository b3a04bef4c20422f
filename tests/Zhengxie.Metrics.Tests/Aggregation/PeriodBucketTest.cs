using System;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// <see cref="PeriodBucket"/>: the constructor's checks (parameter and message) for each of the three shapes (a
/// single period, a calendar year, a span of years), the year count, the single period and equality.
/// </summary>
public class PeriodBucketTest
{
    private static readonly ReportingPeriod Y2019 = ReportingPeriod.CalendarYear(2019);
    private static readonly ReportingPeriod Y2020 = ReportingPeriod.CalendarYear(2020);
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);
    private static readonly ReportingPeriod Session2020 = ReportingPeriod.ForSession(4, 4, 2020);

    private static void ShouldThrowArgument(Action act, string parameter, string message) =>
        act.Should().Throw<ArgumentException>().Where(e => e.GetType() == typeof(ArgumentException))
            .WithParameterName(parameter).WithMessage(message + "*");

    [Fact]
    public void Constructor_rejects_a_missing_label_and_periods()
    {
        ((Action)(() => _ = new PeriodBucket(null!, [Y2020], 2020, 2020, false))).Should().Throw<ArgumentNullException>().WithParameterName("label");
        ShouldThrowArgument(() => _ = new PeriodBucket(" ", [Y2020], 2020, 2020, false), "label", "The value must not be empty or white space.");
        ((Action)(() => _ = new PeriodBucket("2020", null!, 2020, 2020, false))).Should().Throw<ArgumentNullException>().WithParameterName("periods");
    }

    [Fact]
    public void Constructor_rejects_a_last_year_before_the_first()
    {
        ShouldThrowArgument(() => _ = new PeriodBucket("2021", [], 2021, 2020, false), "lastYear", "The last year 2020 is before the first year 2021.");
    }

    [Fact]
    public void Constructor_rejects_a_period_outside_the_years()
    {
        ShouldThrowArgument(() => _ = new PeriodBucket("2020", [Y2021], 2020, 2020, false), "periods", "The period 2021 is not within the years 2020 to 2020.");
        ShouldThrowArgument(() => _ = new PeriodBucket("2020", [Y2019], 2020, 2020, false), "periods", "The period 2019 is not within the years 2020 to 2020.");
        ShouldThrowArgument(() => _ = new PeriodBucket("2020-2021", [Y2019, Y2020], 2020, 2021, true), "periods", "The period 2019 is not within the years 2020 to 2021.");
    }

    [Fact]
    public void Constructor_rejects_periods_out_of_order_or_repeated()
    {
        ShouldThrowArgument(() => _ = new PeriodBucket("2019-2020", [Y2020, Y2019], 2019, 2020, true), "periods", "The periods must be in ascending order, each once: 2019 comes after 2020.");
        ShouldThrowArgument(() => _ = new PeriodBucket("2020", [Y2020, Y2020], 2020, 2020, false), "periods", "The periods must be in ascending order, each once: 2020 comes after 2020.");
    }

    [Fact]
    public void Constructor_rejects_a_label_that_does_not_fit_the_shape()
    {
        const string Prefix = "A bucket is labelled with its period, its year or its span of years: expected ";
        ShouldThrowArgument(() => _ = new PeriodBucket("x", [Y2020], 2020, 2020, false), "label", Prefix + "2020, found 'x'.");
        ShouldThrowArgument(() => _ = new PeriodBucket("2020", [Y2020], 2020, 2020, true), "label", Prefix + "2020-2020, found '2020'.");
        ShouldThrowArgument(
            () => _ = new PeriodBucket("2019", [Y2019], 2019, 2020, false),
            "label",
            Prefix + "(a bucket over several years sums across its periods), found '2019'.");
    }

    [Fact]
    public void Of_rejects_the_default_period()
    {
        ShouldThrowArgument(() => PeriodBucket.Of(default), "period", "A bucket needs a period.");
    }

    [Fact]
    public void Year_count_covers_first_to_last()
    {
        new PeriodBucket("2018-2020", [Y2019], 2018, 2020, true).YearCount.Should().Be(3);
        PeriodBucket.Of(Y2020).YearCount.Should().Be(1);
    }

    [Fact]
    public void Only_a_bucket_of_exactly_one_period_labelled_with_it_has_a_single_period()
    {
        PeriodBucket.Of(Session2020).SinglePeriod.Should().Be(Session2020);
        PeriodBucket.Of(Y2020).SinglePeriod.Should().Be(Y2020);

        // The year 2020 gathering only the session: labelled with the year, not the period.
        new PeriodBucket("2020", [Session2020], 2020, 2020, false).SinglePeriod.Should().BeNull();

        // The year 2020 gathering the year and the session: the label is the first period's text, but there are two.
        new PeriodBucket("2020", [Y2020, Session2020], 2020, 2020, false).SinglePeriod.Should().BeNull();
        new PeriodBucket("2020-2020", [Y2020], 2020, 2020, true).SinglePeriod.Should().BeNull();
    }

    [Fact]
    public void Equality_compares_label_and_periods()
    {
        var year = new PeriodBucket("2020", [Y2020, Session2020], 2020, 2020, false);
        year.Equals(new PeriodBucket("2020", [Y2020, Session2020], 2020, 2020, false)).Should().BeTrue();
        year.Equals((object)new PeriodBucket("2020", [Y2020, Session2020], 2020, 2020, false)).Should().BeTrue();

        // Same label, other periods.
        year.Equals(new PeriodBucket("2020", [Y2020], 2020, 2020, false)).Should().BeFalse();
        year.Equals(new PeriodBucket("2020", [Session2020], 2020, 2020, false)).Should().BeFalse();

        // Same periods, other label.
        new PeriodBucket("2020", [Session2020], 2020, 2020, false).Equals(PeriodBucket.Of(Session2020)).Should().BeFalse();
        new PeriodBucket("2020-2020", [Y2020], 2020, 2020, true).Equals(PeriodBucket.Of(Y2020)).Should().BeFalse();
        PeriodBucket.Of(Y2020).Equals(null).Should().BeFalse();
    }
}
