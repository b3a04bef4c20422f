using System;
using System.Linq;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using Zhengxie.Metrics.DependencyInjection;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.DependencyInjection;

/// <summary>The handling policy and the record-set factory in a real service provider.</summary>
public class HandlingPolicyRegistrationTest
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };
    private static readonly Committee Yongjia = new(new RegionCode(330324));
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.CalendarYear(2022);

    /// <summary>A case handed over on 2022-01-10 and not replied; a reply to another on 2022-01-20; a proposal not filed.</summary>
    private static ProposalRecord[] Records() =>
    [
        new ProposalRecord("1", Yongjia, Y2022, new LocalDate(2022, 1, 3))
        {
            Decision = FilingDecision.Filed,
            FiledOn = new LocalDate(2022, 1, 5),
            HandedOverOn = new LocalDate(2022, 1, 10),
            LeadUnit = "县教育局",
        },
        new ProposalRecord("2", Yongjia, Y2022, new LocalDate(2022, 1, 3))
        {
            Decision = FilingDecision.Filed,
            FiledOn = new LocalDate(2022, 1, 5),
            HandedOverOn = new LocalDate(2022, 1, 10),
            LeadUnit = "县财政局",
            RepliedOn = new LocalDate(2022, 2, 20),
        },
        new ProposalRecord("3", Yongjia, Y2022, new LocalDate(2022, 1, 4)) { Decision = FilingDecision.NotFiled },
    ];

    [Fact]
    public void The_default_policy_and_a_factory_are_registered()
    {
        using var provider = new ServiceCollection().AddZhengxieMetrics().BuildServiceProvider(Strict);
        provider.GetRequiredService<HandlingPolicy>().Should().BeSameAs(HandlingPolicy.Default);
        provider.GetRequiredService<ZhengxieMetricsSettings>().HandlingPolicy.Should().BeSameAs(HandlingPolicy.Default);
        var factory = provider.GetRequiredService<ProposalRecordSetFactory>();
        factory.Policy.Should().BeSameAs(HandlingPolicy.Default);
        factory.ValidationMode.Should().Be(ValidationMode.Throw);
        provider.GetRequiredService<ProposalRecordSetFactory>().Should().BeSameAs(factory, "it is a singleton");
    }

    [Fact]
    public void A_custom_policy_and_a_fake_clock_decide_what_is_overdue_today()
    {
        // 2022-02-15 00:00 UTC is 08:00 on 2022-02-15 in China.
        var clock = new FakeClock(Instant.FromUtc(2022, 2, 15, 0, 0));
        var policy = new HandlingPolicy { ReplyDeadline = Period.FromMonths(1), MaximumExtension = Period.FromMonths(2) };
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddZhengxieMetrics(o => o.HandlingPolicy = policy);
        using var provider = services.BuildServiceProvider(Strict);

        provider.GetRequiredService<IClock>().Should().BeSameAs(clock);
        provider.GetRequiredService<HandlingPolicy>().Should().BeSameAs(policy);
        var set = provider.GetRequiredService<ProposalRecordSetFactory>().Create(Records());
        set.Policy.Should().BeSameAs(policy);

        // Record 1: handed over 2022-01-10, due 2022-02-10 under one month; open and overdue on 2022-02-15.
        // Record 2: replied 2022-02-20, so still open on 2022-02-15 and also past 2022-02-10.
        var open = set.OpenNow(Yongjia, Y2022, provider.GetRequiredService<IClock>());
        open.AsOf.Should().Be(new LocalDate(2022, 2, 15));
        open.Open.Should().Be(2);
        open.Overdue.Should().Be(2);
        open.AwaitingHandover.Should().Be(0);

        // Record 2's reply on 2022-02-20 is late under one month (due 2022-02-10), on time under the default three.
        set.ComputeStatistics(Yongjia, Y2022).Counts[Measures.Proposals.RepliedOnTime].Should().Be(Bounds.Exactly(0));

        clock.AdvanceDays(10);
        set.OpenNow(Yongjia, Y2022, clock).Should().BeEquivalentTo(new { Open = 1L, Overdue = 1L, AwaitingHandover = 0L });

        using var defaults = new ServiceCollection().AddZhengxieMetrics().BuildServiceProvider(Strict);
        var byDefault = defaults.GetRequiredService<ProposalRecordSetFactory>().Create(Records());
        byDefault.OpenAsOf(Yongjia, Y2022, new LocalDate(2022, 2, 15)).Overdue.Should().Be(0, "under three months both are due on 2022-04-10");
        byDefault.ComputeStatistics(Yongjia, Y2022).Counts[Measures.Proposals.RepliedOnTime].Should().Be(Bounds.Exactly(1));
    }

    [Fact]
    public void A_policy_registered_first_is_the_one_the_factory_uses()
    {
        var mine = new HandlingPolicy { ReplyDeadline = Period.FromDays(15), MaximumExtension = Period.FromDays(30) };
        var services = new ServiceCollection();
        services.AddSingleton(mine);
        services.AddZhengxieMetrics(o => o.ValidationMode = ValidationMode.CollectFindings);
        using var provider = services.BuildServiceProvider(Strict);
        var factory = provider.GetRequiredService<ProposalRecordSetFactory>();
        factory.Policy.Should().BeSameAs(mine);
        factory.ValidationMode.Should().Be(ValidationMode.CollectFindings);
        services.Count(d => d.ServiceType == typeof(HandlingPolicy)).Should().Be(1);

        // Collect findings: the bad record is left out and reported.
        var bad = new ProposalRecord("9", Yongjia, Y2022, new LocalDate(2022, 1, 3)) { Decision = FilingDecision.Filed };
        var set = factory.Create(Records().Append(bad));
        set.Count.Should().Be(3);
        set.Findings.Should().ContainSingle().Which.Rule.Should().Be(ValidationRule.FiledWithoutDate);
    }

    [Theory]
    [InlineData("HandlingPolicy.MaximumExtension", "The maximum extension P1M ends before the reply deadline P3M")]
    [InlineData("HandlingPolicy.ReplyDeadline", "ReplyDeadline (PT4H) must be in years, months, weeks and days only")]
    [InlineData("HandlingPolicy.ClockStart", "7 is not a defined clock start")]
    [InlineData("HandlingPolicy", "must not be null")]
    public void A_bad_policy_fails_at_registration_naming_the_option(string setting, string problem)
    {
        Action<ZhengxieMetricsOptions> configure = setting switch
        {
            "HandlingPolicy.MaximumExtension" => o => o.HandlingPolicy = new HandlingPolicy { MaximumExtension = Period.FromMonths(1) },
            "HandlingPolicy.ReplyDeadline" => o => o.HandlingPolicy = new HandlingPolicy { ReplyDeadline = Period.FromHours(4) },
            "HandlingPolicy.ClockStart" => o => o.HandlingPolicy = new HandlingPolicy { ClockStart = (ClockStart)7 },
            _ => o => o.HandlingPolicy = null!,
        };
        var services = new ServiceCollection();
        var ex = FluentActions.Invoking(() => services.AddZhengxieMetrics(configure)).Should().Throw<ArgumentException>().Which;
        ex.Message.Should().StartWith($"Zhengxie.Metrics options: ZhengxieMetricsOptions.{setting} ").And.Contain(problem);
        ex.ParamName.Should().Be("configure");
        services.Should().BeEmpty("nothing is registered from bad options");
    }

    [Fact]
    public void The_factory_works_without_a_container()
    {
        var factory = new ProposalRecordSetFactory(HandlingPolicy.Default);
        factory.ValidationMode.Should().Be(ValidationMode.Throw);
        var set = factory.Create(Records());
        set.ComputeStatistics(Yongjia, Y2022).Counts[Measures.Proposals.Received].Should().Be(Bounds.Exactly(3));
        FluentActions.Invoking(() => new ProposalRecordSetFactory(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new ProposalRecordSetFactory(new HandlingPolicy { MaximumExtension = Period.FromMonths(1) }))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("MaximumExtension");
        FluentActions.Invoking(() => new ProposalRecordSetFactory(HandlingPolicy.Default, (ValidationMode)5)).Should().Throw<ArgumentException>();
        new ZhengxieMetricsOptions().HandlingPolicy.Should().BeSameAs(HandlingPolicy.Default);
    }
}
