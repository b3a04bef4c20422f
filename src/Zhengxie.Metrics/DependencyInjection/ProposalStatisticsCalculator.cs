using System.Collections.Generic;
using System.Linq;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.DependencyInjection;

/// <summary>
/// Computes rates under one set of <see cref="Metrics.RateOptions"/>: the application's choice of variants
/// (cases or filed as the downstream base, how satisfaction counts), so that code asking for rates, from
/// figures or from proposal records, needs not carry them. Registered by
/// <see cref="ZhengxieMetricsServiceCollectionExtensions.AddZhengxieMetrics(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{ZhengxieMetricsOptions})"/>
/// with the configured rate options; also usable with plain <c>new</c>. Immutable and thread-safe.
/// </summary>
public sealed class ProposalStatisticsCalculator
{
    /// <summary>Creates a calculator.</summary>
    /// <param name="options">The rate variants; <see langword="null"/> for <see cref="RateOptions.Default"/>.</param>
    public ProposalStatisticsCalculator(RateOptions? options = null)
    {
        RateOptions = options ?? RateOptions.Default;
    }

    /// <summary>Gets the rate variants this calculator applies.</summary>
    public RateOptions RateOptions { get; }

    /// <summary>Computes a standard rate of some statistics under <see cref="RateOptions"/>.</summary>
    /// <param name="statistics">The statistics of one committee and period.</param>
    /// <param name="rate">A standard rate's identifier, such as <c>rate.reply</c>.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="KeyNotFoundException">A count the rate needs is missing.</exception>
    public Rate GetRate(ProposalStatistics statistics, Measure rate)
    {
        Preconditions.CheckNotNull(statistics);
        return statistics.GetRate(rate, RateOptions);
    }

    /// <summary>Tries to compute a standard rate of some statistics under <see cref="RateOptions"/>.</summary>
    /// <param name="statistics">The statistics of one committee and period.</param>
    /// <param name="rate">A standard rate's identifier, such as <c>rate.reply</c>.</param>
    /// <param name="value">The rate, when every count it needs is known.</param>
    /// <returns>Whether every count the rate needs is known.</returns>
    public bool TryGetRate(ProposalStatistics statistics, Measure rate, out Rate value)
    {
        Preconditions.CheckNotNull(statistics);
        return statistics.TryGetRate(rate, RateOptions, out value);
    }

    /// <summary>Computes every standard rate of some statistics under <see cref="RateOptions"/>, with the formula used.</summary>
    /// <param name="statistics">The statistics of one committee and period.</param>
    /// <returns>Each definition with its rate (<see langword="null"/> where a count is missing).</returns>
    public IReadOnlyList<KeyValuePair<RateDefinition, Rate?>> GetRates(ProposalStatistics statistics)
    {
        Preconditions.CheckNotNull(statistics);
        return statistics.GetRates(RateOptions);
    }

    /// <summary>Derives the statistics of one committee and period from figures and computes every standard rate under <see cref="RateOptions"/>.</summary>
    /// <param name="figures">The figures of one committee and period.</param>
    /// <returns>Each definition with its rate.</returns>
    public IReadOnlyList<KeyValuePair<RateDefinition, Rate?>> GetRates(IEnumerable<Figure> figures) =>
        GetRates(ProposalStatistics.FromFigures(figures));

    /// <summary>Computes every standard rate of each committee and period of a record set under <see cref="RateOptions"/>.</summary>
    /// <param name="records">The record set.</param>
    /// <returns>Per committee-period statistics (in the set's order), each with its rates.</returns>
    public IReadOnlyList<(ProposalStatistics Statistics, IReadOnlyList<KeyValuePair<RateDefinition, Rate?>> Rates)> GetRates(ProposalRecordSet records)
    {
        Preconditions.CheckNotNull(records);
        return records.ComputeAll().Select(s => (s, GetRates(s))).ToList().AsReadOnly();
    }
}
