using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.DependencyInjection;

/// <summary>
/// The validated, immutable snapshot of <see cref="ZhengxieMetricsOptions"/> that
/// <see cref="ZhengxieMetricsServiceCollectionExtensions.AddZhengxieMetrics(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{ZhengxieMetricsOptions})"/>
/// registers as a singleton; inject it to read the settings the application chose. Thread-safe.
/// </summary>
public sealed class ZhengxieMetricsSettings
{
    /// <summary>Creates a snapshot of validated options.</summary>
    /// <param name="options">The options.</param>
    internal ZhengxieMetricsSettings(ZhengxieMetricsOptions options)
    {
        RegionTable = options.RegionTable ?? RegionTable.Default;
        MeasureCatalog = options.MeasureCatalog ?? MeasureCatalog.Default;
        RateOptions = options.RateOptions;
        ValidationMode = options.ValidationMode;
        HandlingPolicy = options.HandlingPolicy;
    }

    /// <summary>Gets the region table (<see cref="RegionTable.Default"/> unless the application chose another).</summary>
    public RegionTable RegionTable { get; }

    /// <summary>Gets the measure catalog (<see cref="MeasureCatalog.Default"/> unless the application chose another).</summary>
    public MeasureCatalog MeasureCatalog { get; }

    /// <summary>Gets the rate variants.</summary>
    public RateOptions RateOptions { get; }

    /// <summary>Gets what validation does with bad input.</summary>
    public ValidationMode ValidationMode { get; }

    /// <summary>Gets the handling policy (<see cref="HandlingPolicy.Default"/> unless the application chose another).</summary>
    public HandlingPolicy HandlingPolicy { get; }
}
