using System;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Tests.Records;

public class HandlingPolicyTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly ReportingPeriod Year2022 = ReportingPeriod.CalendarYear(2022);

    private static ProposalRecord Case(LocalDate submitted, LocalDate? handover, LocalDate? extendedUntil = null) =>
        new("T-1", Yongjia, Year2022, submitted)
        {
            Decision = FilingDecision.Filed,
            FiledOn = submitted,
            HandedOverOn = handover,
            LeadUnit = handover is null ? null : "县住建局",
            ExtendedUntil = extendedUntil,
        };

    [Theory]
    [InlineData(2023, 2, 28)] // not a leap year: 31 January + 1 month = 28 February
    [InlineData(2024, 2, 29)] // leap year: 31 January + 1 month = 29 February
    public void One_month_from_31_January_ends_on_the_last_day_of_February(int year, int month, int day)
    {
        var policy = new HandlingPolicy { ReplyDeadline = Period.FromMonths(1), MaximumExtension = Period.FromMonths(2) }.Validate();
        var record = Case(new LocalDate(year, 1, 10), new LocalDate(year, 1, 31));
        policy.DeadlineFor(record).Should().Be(new LocalDate(year, month, day));
    }

    [Fact]
    public void Default_is_three_months_from_handover_with_month_end_clamping()
    {
        HandlingPolicy.Default.ReplyDeadline.Should().Be(Period.FromMonths(3));
        HandlingPolicy.Default.MaximumExtension.Should().Be(Period.FromMonths(6));
        HandlingPolicy.Default.ClockStart.Should().Be(ClockStart.Handover);
        HandlingPolicy.Default.DeadlineFor(Case(new LocalDate(2022, 11, 1), new LocalDate(2022, 11, 30))).Should().Be(new LocalDate(2023, 2, 28));
        HandlingPolicy.Default.DeadlineFor(Case(new LocalDate(2023, 11, 1), new LocalDate(2023, 11, 30))).Should().Be(new LocalDate(2024, 2, 29));
        HandlingPolicy.Default.DeadlineFor(Case(new LocalDate(2022, 1, 10), new LocalDate(2022, 3, 1))).Should().Be(new LocalDate(2022, 6, 1));
    }

    [Fact]
    public void Receipt_clock_runs_from_submission_and_handover_clock_from_handover()
    {
        var record = Case(new LocalDate(2022, 1, 10), new LocalDate(2022, 3, 1));
        var receipt = new HandlingPolicy { ClockStart = ClockStart.Receipt };
        receipt.DeadlineFor(record).Should().Be(new LocalDate(2022, 4, 10));
        receipt.StartFor(record).Should().Be(new LocalDate(2022, 1, 10));
        HandlingPolicy.Default.StartFor(record).Should().Be(new LocalDate(2022, 3, 1));
        HandlingPolicy.Default.DeadlineFor(record).Should().Be(new LocalDate(2022, 6, 1));
    }

    [Fact]
    public void A_case_not_handed_over_has_no_deadline_on_the_handover_clock()
    {
        var record = Case(new LocalDate(2022, 1, 10), null);
        HandlingPolicy.Default.DeadlineFor(record).Should().BeNull();
        new HandlingPolicy { ClockStart = ClockStart.Receipt }.DeadlineFor(record).Should().Be(new LocalDate(2022, 4, 10));
    }

    [Fact]
    public void Extension_moves_the_deadline_up_to_the_cap_and_never_shortens_it()
    {
        var handover = new LocalDate(2022, 1, 31);
        var submitted = new LocalDate(2022, 1, 10);

        // Within the cap: the extension date.
        HandlingPolicy.Default.DeadlineFor(Case(submitted, handover, new LocalDate(2022, 6, 15))).Should().Be(new LocalDate(2022, 6, 15));

        // Beyond the cap (31 January + 6 months = 31 July): the cap.
        HandlingPolicy.Default.DeadlineFor(Case(submitted, handover, new LocalDate(2022, 9, 30))).Should().Be(new LocalDate(2022, 7, 31));

        // Before the regular deadline (31 January + 3 months = 30 April): the regular deadline.
        HandlingPolicy.Default.DeadlineFor(Case(submitted, handover, new LocalDate(2022, 3, 15))).Should().Be(new LocalDate(2022, 4, 30));

        // A city rule: 2 months, extendable by 1 (cap 3 months from handover): 31 January → 31 March (2 months) → 30 April cap.
        var city = new HandlingPolicy { ReplyDeadline = Period.FromMonths(2), MaximumExtension = Period.FromMonths(3) }.Validate();
        city.DeadlineFor(Case(submitted, handover)).Should().Be(new LocalDate(2022, 3, 31));
        city.DeadlineFor(Case(submitted, handover, new LocalDate(2022, 5, 20))).Should().Be(new LocalDate(2022, 4, 30));

        // No extension allowed: cap = deadline.
        var strict = new HandlingPolicy { MaximumExtension = Period.FromMonths(3) }.Validate();
        strict.DeadlineFor(Case(submitted, handover, new LocalDate(2022, 6, 15))).Should().Be(new LocalDate(2022, 4, 30));
    }

    [Fact]
    public void Validate_names_the_bad_option()
    {
        Invoking(new HandlingPolicy { ReplyDeadline = Period.Zero }).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("ReplyDeadline");
        Invoking(new HandlingPolicy { ReplyDeadline = Period.FromMonths(-1) }).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("ReplyDeadline");
        Invoking(new HandlingPolicy { ReplyDeadline = Period.FromHours(72) }).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("ReplyDeadline");
        Invoking(new HandlingPolicy { ReplyDeadline = null! }).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("ReplyDeadline");
        Invoking(new HandlingPolicy { MaximumExtension = Period.FromMonths(2) }).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("MaximumExtension");

        // 1 month against 30 days: from 1 January, 1 February is after 31 January.
        Invoking(new HandlingPolicy { ReplyDeadline = Period.FromMonths(1), MaximumExtension = Period.FromDays(30) }).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("MaximumExtension");
        Invoking(new HandlingPolicy { ClockStart = (ClockStart)7 }).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("ClockStart");
        new HandlingPolicy().Validate().Should().NotBeNull();
    }

    private static Action Invoking(HandlingPolicy policy) => () => policy.Validate();
}
