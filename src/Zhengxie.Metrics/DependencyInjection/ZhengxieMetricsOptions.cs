using System;
using System.Globalization;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.DependencyInjection;

/// <summary>
/// The settings an application passes to
/// <see cref="ZhengxieMetricsServiceCollectionExtensions.AddZhengxieMetrics(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{ZhengxieMetricsOptions})"/>.
/// A mutable object for the configuration callback only: it is validated when the services are
/// registered, and the services registered from it are immutable snapshots (changing the object later
/// changes nothing).
/// </summary>
public sealed class ZhengxieMetricsOptions
{
    /// <summary>Gets or sets the region table; <see langword="null"/> (the default) for <see cref="Regions.RegionTable.Default"/>, the embedded GB/T 2260 table.</summary>
    public RegionTable? RegionTable { get; set; }

    /// <summary>Gets or sets the measure catalog (labels, kinds, parents, units); <see langword="null"/> (the default) for <see cref="Metrics.MeasureCatalog.Default"/>.</summary>
    public MeasureCatalog? MeasureCatalog { get; set; }

    /// <summary>Gets or sets the rate variants (which denominators, which answers count as satisfied); <see cref="Metrics.RateOptions.Default"/> by default.</summary>
    public RateOptions RateOptions { get; set; } = RateOptions.Default;

    /// <summary>Gets or sets what validation does with bad input: throw (the default) or collect findings.</summary>
    public ValidationMode ValidationMode { get; set; } = ValidationMode.Throw;

    /// <summary>
    /// Gets or sets the handling rules that decide proposals' reply deadlines; <see cref="Records.HandlingPolicy.Default"/>
    /// (3 months from handover, extendable to 6) by default. Checked with <see cref="Records.HandlingPolicy.Validate"/> at registration.
    /// </summary>
    public HandlingPolicy HandlingPolicy { get; set; } = HandlingPolicy.Default;

    /// <summary>
    /// Checks every setting, naming the bad one (<c>ZhengxieMetricsOptions.RateOptions.DownstreamBase</c>).
    /// </summary>
    /// <param name="paramName">The argument the options came from, for the exception.</param>
    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    internal void Validate(string paramName)
    {
        if (RateOptions is null)
        {
            throw Bad("RateOptions", "must not be null (use RateOptions.Default)", paramName);
        }

        if (!Enum.IsDefined(RateOptions.DownstreamBase))
        {
            throw Bad("RateOptions.DownstreamBase", Undefined(RateOptions.DownstreamBase), paramName);
        }

        if (!Enum.IsDefined(RateOptions.SatisfactionCounting))
        {
            throw Bad("RateOptions.SatisfactionCounting", Undefined(RateOptions.SatisfactionCounting), paramName);
        }

        if (!Enum.IsDefined(RateOptions.SatisfactionBase))
        {
            throw Bad("RateOptions.SatisfactionBase", Undefined(RateOptions.SatisfactionBase), paramName);
        }

        if (!Enum.IsDefined(ValidationMode))
        {
            throw Bad("ValidationMode", Undefined(ValidationMode), paramName);
        }

        if (HandlingPolicy is null)
        {
            throw Bad("HandlingPolicy", "must not be null (use HandlingPolicy.Default)", paramName);
        }

        try
        {
            HandlingPolicy.Validate();
        }
        catch (ArgumentException ex)
        {
            throw Bad("HandlingPolicy." + ex.ParamName, "is invalid: " + ex.Message.Replace(" (Parameter '" + ex.ParamName + "')", string.Empty, StringComparison.Ordinal).TrimEnd('.'), paramName, ex);
        }

        if (RegionTable is { Count: 0 })
        {
            throw Bad("RegionTable", "is empty; leave it null for the embedded GB/T 2260 table", paramName);
        }
    }

    private static string Undefined<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        string.Create(CultureInfo.InvariantCulture, $"is {Convert.ToInt64(value, CultureInfo.InvariantCulture)}, which is not a {typeof(TEnum).Name} (use one of {string.Join(", ", Enum.GetNames<TEnum>())})");

    private static ArgumentException Bad(string setting, string problem, string paramName, Exception? inner = null) =>
        new($"Zhengxie.Metrics options: ZhengxieMetricsOptions.{setting} {problem}.", paramName, inner);
}
