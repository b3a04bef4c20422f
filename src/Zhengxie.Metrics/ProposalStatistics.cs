using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// The proposal counts of one committee and period (received, filed, merged, cases, replied, …, each
/// exact or as bounds), and every rate of DOMAIN.md computed from them under the caller's
/// <see cref="RateOptions"/>. A count that is not known is missing, never zero.
/// Immutable and thread-safe.
/// </summary>
public sealed class ProposalStatistics
{
    private readonly ReadOnlyDictionary<Measure, Bounds> counts;

    private ProposalStatistics(Committee committee, ReportingPeriod period, Dictionary<Measure, Bounds> counts)
    {
        Committee = committee;
        Period = period;
        this.counts = counts.AsReadOnly();
    }

    /// <summary>Gets the committee.</summary>
    public Committee Committee { get; }

    /// <summary>Gets the period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets every known count, by measure (in base units; exact or bounds).</summary>
    public IReadOnlyDictionary<Measure, Bounds> Counts => counts;

    /// <summary>Creates statistics from known counts; a measure absent from <paramref name="counts"/> is missing.</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="counts">The counts by measure (not rates); each measure at most once.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentException">A measure is a rate or appears twice, or a count is negative.</exception>
    public static ProposalStatistics FromCounts(Committee committee, ReportingPeriod period, IEnumerable<KeyValuePair<Measure, Bounds>> counts)
    {
        Preconditions.CheckNotNull(counts);
        Preconditions.CheckArgument(!committee.IsDefault, nameof(committee), "Statistics need a committee.");
        Preconditions.CheckArgument(!period.IsDefault, nameof(period), "Statistics need a period.");
        var map = new Dictionary<Measure, Bounds>();
        foreach (var (measure, value) in counts)
        {
            Preconditions.CheckArgument(!measure.IsDefault && !measure.IsRate, nameof(counts), $"'{measure}' is not a count measure.");
            Preconditions.CheckArgument(value.Lower >= 0, nameof(counts), string.Create(CultureInfo.InvariantCulture, $"Committee {committee}, period {period}, measure {measure}: the count {value} is negative."));
            Preconditions.CheckArgument(map.TryAdd(measure, value), nameof(counts), $"Committee {committee}, period {period}: measure {measure} appears twice.");
        }

        return new ProposalStatistics(committee, period, map);
    }

    /// <summary>Returns a count, or <see langword="null"/> when it is not known.</summary>
    /// <param name="measure">The count's measure, such as <c>proposals.filed</c>.</param>
    /// <returns>The count's bounds (exact when known exactly).</returns>
    public Bounds? GetCount(Measure measure) => counts.TryGetValue(measure, out var v) ? v : null;

    /// <summary>
    /// Computes a rate: the sum of its numerator counts over its denominator count. <see langword="null"/>
    /// when a count it needs is missing; a rate with no value (0/0) when the denominator is zero.
    /// </summary>
    /// <param name="definition">The rate's formula.</param>
    /// <returns>The rate, or <see langword="null"/>.</returns>
    /// <exception cref="ZhengxieMetricsException">The numerator exceeds the denominator (the message names committee, period and rate).</exception>
    public Rate? GetRate(RateDefinition definition)
    {
        Preconditions.CheckNotNull(definition);
        if (!counts.TryGetValue(definition.Denominator, out var den))
        {
            return null;
        }

        var num = Bounds.Zero;
        foreach (var m in definition.Numerator)
        {
            if (!counts.TryGetValue(m, out var part))
            {
                return null;
            }

            num += part;
        }

        if (den.HasUpperBound && num.Lower > den.Upper!.Value)
        {
            throw new ZhengxieMetricsException(string.Create(
                CultureInfo.InvariantCulture,
                $"Committee {Committee}, period {Period}, measure {definition.Measure}: the numerator {definition.Formula.Split(" / ")[0]} = {num} exceeds the denominator {definition.Denominator} = {den}."));
        }

        // A bounded numerator may reach above a bounded denominator; the rate's bounds cap at 100 %.
        return Rate.FromBounds(num, den);
    }

    /// <summary>Computes a standard rate under the given options (the defaults of DOMAIN.md when omitted).</summary>
    /// <param name="rate">A standard rate's identifier, such as <c>rate.reply</c>.</param>
    /// <param name="options">The variant choices, or <see langword="null"/> for <see cref="RateOptions.Default"/>.</param>
    /// <returns>The rate, or <see langword="null"/> when a count it needs is missing.</returns>
    public Rate? GetRate(Measure rate, RateOptions? options = null) => GetRate((options ?? RateOptions.Default).Resolve(rate));

    /// <summary>Computes every standard rate under the given options, with the formula used.</summary>
    /// <param name="options">The variant choices, or <see langword="null"/> for the defaults.</param>
    /// <returns>Each definition with its rate (<see langword="null"/> where a count is missing).</returns>
    public IReadOnlyList<KeyValuePair<RateDefinition, Rate?>> GetRates(RateOptions? options = null) =>
        (options ?? RateOptions.Default).Definitions.Select(d => new KeyValuePair<RateDefinition, Rate?>(d, GetRate(d))).ToList().AsReadOnly();
}
