using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.DependencyInjection;

/// <summary>
/// Registers Zhengxie.Metrics in a <see cref="IServiceCollection"/>. Every service is a singleton added
/// with <c>TryAdd</c>, so an application that registered its own first (a fake <see cref="IClock"/>, its
/// own <see cref="RegionTable"/>) keeps it. Nothing here is required: every type also works with plain
/// <c>new</c> or its static defaults.
/// </summary>
/// <remarks>
/// Registered: <see cref="RegionTable"/> (the options' table, or <see cref="RegionTable.Default"/>),
/// <see cref="MeasureCatalog"/> (the options' catalog, or <see cref="MeasureCatalog.Default"/>),
/// <see cref="RateOptions"/>, <see cref="HandlingPolicy"/>, <see cref="Validation.ValidationMode"/> through
/// <see cref="ZhengxieMetricsSettings"/>, <see cref="ProposalRecordSetFactory"/> (built from the registered
/// <see cref="HandlingPolicy"/>, so a policy the application registered first is the one used), and
/// <see cref="IClock"/> as <see cref="SystemClock.Instance"/>.
/// </remarks>
public static class ZhengxieMetricsServiceCollectionExtensions
{
    /// <summary>Registers the library's services with the default settings.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddZhengxieMetrics(this IServiceCollection services) => AddZhengxieMetrics(services, static _ => { });

    /// <summary>
    /// Registers the library's services with settings from <paramref name="configure"/>. The settings are
    /// validated here, so a bad one fails at start-up with a message that names it.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentException">A setting is invalid (the message names it).</exception>
    public static IServiceCollection AddZhengxieMetrics(this IServiceCollection services, Action<ZhengxieMetricsOptions> configure)
    {
        Preconditions.CheckNotNull(services);
        Preconditions.CheckNotNull(configure);
        var options = new ZhengxieMetricsOptions();
        configure(options);
        options.Validate(nameof(configure));
        var settings = new ZhengxieMetricsSettings(options);

        services.TryAddSingleton(settings);
        services.TryAddSingleton(settings.RegionTable);
        services.TryAddSingleton(settings.MeasureCatalog);
        services.TryAddSingleton(settings.RateOptions);
        services.TryAddSingleton(settings.HandlingPolicy);
        services.TryAddSingleton(static provider => new ProposalRecordSetFactory(
            provider.GetRequiredService<HandlingPolicy>(),
            provider.GetRequiredService<ZhengxieMetricsSettings>().ValidationMode));
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        return services;
    }
}
