using System;
using System.Collections.Generic;
using System.Linq;
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
/// <see cref="HandlingPolicy"/>, so a policy the application registered first is the one used),
/// <see cref="ProposalStatisticsCalculator"/> (applies the registered <see cref="RateOptions"/>), and
/// <see cref="IClock"/> as <see cref="SystemClock.Instance"/>. Repeated calls compose: every configure action is applied, in order.
/// </remarks>
public static class ZhengxieMetricsServiceCollectionExtensions
{
    /// <summary>Registers the library's services with the default settings.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddZhengxieMetrics(this IServiceCollection services) => AddZhengxieMetrics(services, static _ => { });

    /// <summary>
    /// Registers the library's services with settings from <paramref name="configure"/>. Calls compose, as
    /// <c>services.Configure&lt;T&gt;</c> does: every <paramref name="configure"/> given to any call is applied,
    /// in order, to one options object, so a library and the application can each set what they own. The
    /// settings so far are validated at each call, so a bad one fails at start-up with a message that names it.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentException">A setting is invalid (the message names it).</exception>
    public static IServiceCollection AddZhengxieMetrics(this IServiceCollection services, Action<ZhengxieMetricsOptions> configure)
    {
        Preconditions.CheckNotNull(services);
        Preconditions.CheckNotNull(configure);

        // Fail now, not at the first resolution: apply every action so far, this one last, and validate.
        var actions = services.Where(d => d.ServiceType == typeof(ZhengxieMetricsConfiguration) && d.ImplementationInstance is ZhengxieMetricsConfiguration)
            .Select(d => ((ZhengxieMetricsConfiguration)d.ImplementationInstance!).Configure)
            .Append(configure);
        _ = Compose(actions, nameof(configure));
        services.AddSingleton(new ZhengxieMetricsConfiguration(configure));

        services.TryAddSingleton(static provider => Compose(provider.GetServices<ZhengxieMetricsConfiguration>().Select(c => c.Configure), nameof(configure)));
        services.TryAddSingleton(static provider => provider.GetRequiredService<ZhengxieMetricsSettings>().RegionTable);
        services.TryAddSingleton(static provider => provider.GetRequiredService<ZhengxieMetricsSettings>().MeasureCatalog);
        services.TryAddSingleton(static provider => provider.GetRequiredService<ZhengxieMetricsSettings>().RateOptions);
        services.TryAddSingleton(static provider => provider.GetRequiredService<ZhengxieMetricsSettings>().HandlingPolicy);
        services.TryAddSingleton(static provider => new ProposalRecordSetFactory(
            provider.GetRequiredService<HandlingPolicy>(),
            provider.GetRequiredService<ZhengxieMetricsSettings>().ValidationMode));
        services.TryAddSingleton(static provider => new ProposalStatisticsCalculator(provider.GetRequiredService<RateOptions>()));
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        return services;
    }

    private static ZhengxieMetricsSettings Compose(IEnumerable<Action<ZhengxieMetricsOptions>> actions, string paramName)
    {
        var options = new ZhengxieMetricsOptions();
        foreach (var action in actions)
        {
            action(options);
        }

        options.Validate(paramName);
        return new ZhengxieMetricsSettings(options);
    }
}
