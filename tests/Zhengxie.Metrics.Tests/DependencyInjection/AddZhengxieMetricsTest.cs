using System;
using System.Linq;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using Zhengxie.Metrics.DependencyInjection;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.DependencyInjection;

public class AddZhengxieMetricsTest
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    private static RegionTable SmallTable() => RegionTable.FromRegions(
    [
        new Region(new RegionCode(330000), "浙江省", AdministrativeLevel.Province, null),
        new Region(new RegionCode(331100), "丽水市", AdministrativeLevel.Prefecture, new RegionCode(330000)),
    ]);

    [Fact]
    public void Defaults_are_the_embedded_table_the_default_rates_and_the_system_clock()
    {
        var services = new ServiceCollection();
        services.AddZhengxieMetrics().Should().BeSameAs(services);
        using var provider = services.BuildServiceProvider(Strict);
        provider.GetRequiredService<RegionTable>().Should().BeSameAs(RegionTable.Default);
        provider.GetRequiredService<RateOptions>().Should().Be(RateOptions.Default);
        provider.GetRequiredService<MeasureCatalog>().Should().BeSameAs(MeasureCatalog.Default);
        provider.GetRequiredService<IClock>().Should().BeSameAs(SystemClock.Instance);
        var settings = provider.GetRequiredService<ZhengxieMetricsSettings>();
        settings.ValidationMode.Should().Be(ValidationMode.Throw);
        settings.RegionTable.Should().BeSameAs(RegionTable.Default);
    }

    [Fact]
    public void Options_choose_the_table_the_rate_variants_and_the_validation_mode()
    {
        var table = SmallTable();
        var rates = new RateOptions { DownstreamBase = DownstreamBase.Cases, SatisfactionCounting = SatisfactionCounting.SatisfiedOnly };
        using var provider = new ServiceCollection()
            .AddZhengxieMetrics(o =>
            {
                o.RegionTable = table;
                o.RateOptions = rates;
                o.ValidationMode = ValidationMode.CollectFindings;
                o.MeasureCatalog = MeasureCatalog.Empty;
            })
            .BuildServiceProvider(Strict);
        provider.GetRequiredService<RegionTable>().Should().BeSameAs(table);
        provider.GetRequiredService<RateOptions>().Should().Be(rates);
        provider.GetRequiredService<RateOptions>().Resolve(Measures.Rates.Reply).Denominator.Should().Be(Measures.Proposals.Cases);
        provider.GetRequiredService<ZhengxieMetricsSettings>().ValidationMode.Should().Be(ValidationMode.CollectFindings);
        provider.GetRequiredService<MeasureCatalog>().Should().BeSameAs(MeasureCatalog.Empty);
    }

    [Fact]
    public void Services_the_application_registered_first_are_kept()
    {
        var clock = new FakeClock(Instant.FromUtc(2021, 2, 26, 0, 0));
        var table = SmallTable();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddSingleton(table);
        services.AddZhengxieMetrics();
        using var provider = services.BuildServiceProvider(Strict);
        provider.GetRequiredService<IClock>().Should().BeSameAs(clock);
        provider.GetRequiredService<RegionTable>().Should().BeSameAs(table);
        services.Count(d => d.ServiceType == typeof(IClock)).Should().Be(1);
    }

    [Fact]
    public void Repeated_calls_compose_their_configure_actions_in_order()
    {
        var table = SmallTable();
        var services = new ServiceCollection().AddZhengxieMetrics(o => o.RegionTable = table);
        services.AddZhengxieMetrics(o => o.RateOptions = new RateOptions { DownstreamBase = DownstreamBase.Cases });
        services.AddZhengxieMetrics(o => o.ValidationMode = ValidationMode.CollectFindings);
        services.Should().OnlyContain(d => d.Lifetime == ServiceLifetime.Singleton);
        services.Count(d => d.ServiceType == typeof(RateOptions)).Should().Be(1, "each service is registered once");
        using var provider = services.BuildServiceProvider(Strict);
        provider.GetRequiredService<RegionTable>().Should().BeSameAs(table, "the first call's setting is kept");
        provider.GetRequiredService<RateOptions>().DownstreamBase.Should().Be(DownstreamBase.Cases, "the second call's setting is applied");
        provider.GetRequiredService<ZhengxieMetricsSettings>().ValidationMode.Should().Be(ValidationMode.CollectFindings);
        provider.GetRequiredService<ProposalRecordSetFactory>().ValidationMode.Should().Be(ValidationMode.CollectFindings);
    }

    [Fact]
    public void A_later_call_overrides_an_earlier_one_and_a_bad_later_call_fails_naming_its_setting()
    {
        var services = new ServiceCollection()
            .AddZhengxieMetrics(o => o.RateOptions = new RateOptions { DownstreamBase = DownstreamBase.Cases })
            .AddZhengxieMetrics(o => o.RateOptions = o.RateOptions with { SatisfactionCounting = SatisfactionCounting.SatisfiedOnly });
        int count = services.Count;
        FluentActions.Invoking(() => services.AddZhengxieMetrics(o => o.ValidationMode = (ValidationMode)9))
            .Should().Throw<ArgumentException>().WithMessage("*ZhengxieMetricsOptions.ValidationMode *");
        services.Count.Should().Be(count, "a bad call registers nothing");
        using var provider = services.BuildServiceProvider(Strict);
        var rates = provider.GetRequiredService<RateOptions>();
        rates.DownstreamBase.Should().Be(DownstreamBase.Cases);
        rates.SatisfactionCounting.Should().Be(SatisfactionCounting.SatisfiedOnly);
    }

    [Fact]
    public void The_registered_calculator_applies_the_configured_rate_options()
    {
        var committee = RegionTable.Default.GetCommittee(new RegionCode(520112));
        var period = ReportingPeriod.CalendarYear(2022);
        var statistics = ProposalStatistics.FromCounts(committee, period,
        [
            new(Measures.Proposals.Received, Bounds.Exactly(100)),
            new(Measures.Proposals.Filed, Bounds.Exactly(90)),
            new(Measures.Proposals.Cases, Bounds.Exactly(80)),
            new(Measures.Proposals.Replied, Bounds.Exactly(72)),
        ]);
        using var plain = new ServiceCollection().AddZhengxieMetrics().BuildServiceProvider(Strict);
        plain.GetRequiredService<ProposalStatisticsCalculator>().GetRate(statistics, Measures.Rates.Reply).Should().Be(Rate.Of(72, 90));

        using var provider = new ServiceCollection()
            .AddZhengxieMetrics(o => o.RateOptions = new RateOptions { DownstreamBase = DownstreamBase.Cases })
            .BuildServiceProvider(Strict);
        var calculator = provider.GetRequiredService<ProposalStatisticsCalculator>();
        calculator.RateOptions.Should().BeSameAs(provider.GetRequiredService<RateOptions>());
        calculator.GetRate(statistics, Measures.Rates.Reply).Should().Be(Rate.Of(72, 80), "the reply rate is over the cases after merging");
        calculator.GetRates(statistics).Single(p => p.Key.Measure == Measures.Rates.Reply).Value.Should().Be(Rate.Of(72, 80));
    }

    [Fact]
    public void The_registered_services_are_a_snapshot_of_the_options()
    {
        ZhengxieMetricsOptions? captured = null;
        var services = new ServiceCollection().AddZhengxieMetrics(o => captured = o);
        captured!.RateOptions = new RateOptions { DownstreamBase = DownstreamBase.Cases };
        captured.ValidationMode = ValidationMode.CollectFindings;
        captured.RegionTable = SmallTable();
        using var provider = services.BuildServiceProvider(Strict);
        provider.GetRequiredService<RateOptions>().Should().Be(RateOptions.Default);
        provider.GetRequiredService<ZhengxieMetricsSettings>().ValidationMode.Should().Be(ValidationMode.Throw);
        provider.GetRequiredService<RegionTable>().Should().BeSameAs(RegionTable.Default);
    }

    [Theory]
    [InlineData("RateOptions.DownstreamBase")]
    [InlineData("RateOptions.SatisfactionCounting")]
    [InlineData("RateOptions.SatisfactionBase")]
    [InlineData("ValidationMode")]
    [InlineData("RateOptions")]
    public void A_bad_option_fails_at_registration_naming_it(string setting)
    {
        Action<ZhengxieMetricsOptions> configure = setting switch
        {
            "RateOptions.DownstreamBase" => o => o.RateOptions = new RateOptions { DownstreamBase = (DownstreamBase)7 },
            "RateOptions.SatisfactionCounting" => o => o.RateOptions = new RateOptions { SatisfactionCounting = (SatisfactionCounting)7 },
            "RateOptions.SatisfactionBase" => o => o.RateOptions = new RateOptions { SatisfactionBase = (SatisfactionBase)7 },
            "ValidationMode" => o => o.ValidationMode = (ValidationMode)9,
            _ => o => o.RateOptions = null!,
        };
        var services = new ServiceCollection();
        FluentActions.Invoking(() => services.AddZhengxieMetrics(configure))
            .Should().Throw<ArgumentException>()
            .WithMessage($"*ZhengxieMetricsOptions.{setting} *")
            .Which.ParamName.Should().Be("configure");
        services.Should().BeEmpty("nothing is registered from bad options");
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        FluentActions.Invoking(() => ((IServiceCollection)null!).AddZhengxieMetrics()).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new ServiceCollection().AddZhengxieMetrics(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Everything_also_works_without_a_container()
    {
        var options = new ZhengxieMetricsOptions();
        options.RegionTable.Should().BeNull();
        options.RateOptions.Should().BeSameAs(RateOptions.Default);
        options.ValidationMode.Should().Be(ValidationMode.Throw);
        var stats = ProposalStatistics.FromCounts(
            RegionTable.Default.GetCommittee(new RegionCode(520112)),
            ReportingPeriod.SinceSession(11, 1, 2022),
            [new(Measures.Proposals.Received, Bounds.Exactly(178)), new(Measures.Proposals.Filed, Bounds.Exactly(176))]);
        stats.GetRate(Measures.Rates.Acceptance).Should().Be(Rate.Of(176, 178));
    }
}
