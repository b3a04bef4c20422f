using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics;

/// <summary>
/// The caller's choice among the rate variants of docs/domain.md; <see cref="Default"/> is its default
/// formulas. <see cref="Definitions"/> lists the resulting formulas. Any formula may also be set outright
/// (<see cref="WithDefinition"/>: 东城's 采纳率 over received, a share's base), as the variants a report's own
/// stated rates follow are (<c>ProposalStatistics.FoundRateOptions</c>).
/// </summary>
/// <remarks>Equality compares the choices and the overriding definitions (in order). Immutable and thread-safe.</remarks>
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed record RateOptions
{
    private static readonly ReadOnlyCollection<RateDefinition> NoOverrides = Array.Empty<RateDefinition>().AsReadOnly();
    private readonly ReadOnlyCollection<RateDefinition> overrides = NoOverrides;

    /// <summary>Gets the default formulas: downstream rates over filed, satisfaction = (满意 + 基本满意) / feedback.</summary>
    public static RateOptions Default { get; } = new();

    /// <summary>Gets which count the downstream rates are taken over.</summary>
    public DownstreamBase DownstreamBase { get; init; } = DownstreamBase.Filed;

    /// <summary>Gets which answers count as satisfied.</summary>
    public SatisfactionCounting SatisfactionCounting { get; init; } = SatisfactionCounting.SatisfiedAndBasicallySatisfied;

    /// <summary>Gets what the satisfaction rate is taken over.</summary>
    public SatisfactionBase SatisfactionBase { get; init; } = SatisfactionBase.Feedback;

    /// <summary>Gets the formulas set outright, one per rate identifier, which win over the choices above (see <see cref="WithDefinition"/>).</summary>
    public IReadOnlyList<RateDefinition> Overrides
    {
        get => overrides;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var list = value.ToList();
            if (list.Exists(d => d is null) || list.Select(d => d.Measure).Distinct().Count() != list.Count)
            {
                throw new ArgumentException("Each overriding definition must be non-null and of a rate of its own.", nameof(value));
            }

            overrides = list.AsReadOnly();
        }
    }

    /// <summary>Gets the formulas these options select, one per standard rate, in display order.</summary>
    public IReadOnlyList<RateDefinition> Definitions => RateDefinition.Standard.Select(Resolve).ToList().AsReadOnly();

    /// <summary>Returns the formula these options select for a standard rate (the definition itself for any other).</summary>
    /// <param name="definition">A rate definition.</param>
    /// <returns>The definition under these options.</returns>
    public RateDefinition Resolve(RateDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (FindOverride(definition.Measure) is { } set)
        {
            return set;
        }

        Measure downstream = DownstreamBase == DownstreamBase.Cases ? Measures.Proposals.Cases : Measures.Proposals.Filed;
        if (definition.Measure == Measures.Rates.Satisfaction)
        {
            var d = definition;
            if (SatisfactionCounting == SatisfactionCounting.SatisfiedOnly)
            {
                d = d.WithNumerator([Measures.Proposals.Satisfied]);
            }

            return SatisfactionBase == SatisfactionBase.Filed ? d.WithDenominator(downstream) : d;
        }

        return definition.Denominator == Measures.Proposals.Filed && definition.Measure != Measures.Rates.Acceptance
            ? definition.WithDenominator(downstream)
            : definition;
    }

    /// <summary>Returns the formula for a rate identifier under these options.</summary>
    /// <param name="rate">A standard rate's identifier, such as <c>rate.reply</c>.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentException">The identifier is not a standard rate.</exception>
    public RateDefinition Resolve(Measure rate) =>
        FindOverride(rate)
        ?? (RateDefinition.Standard.FirstOrDefault(d => d.Measure == rate || (IsAdoptionIncludingPlanned(d.Measure) && IsAdoptionIncludingPlanned(rate))) is { } def
            ? Resolve(def)
            : throw new ArgumentException($"'{rate}' is not a standard rate; pass a RateDefinition instead.", nameof(rate)));

    /// <summary>Returns these options with a formula set outright for its rate (replacing any set before). These options are unchanged.</summary>
    /// <param name="definition">The formula, such as (outcome_a + outcome_b) / received for <c>rate.adoption_including_planned</c>, or outcome_b / cases for <c>share.proposals.outcome_b</c>.</param>
    /// <returns>The new options.</returns>
    public RateOptions WithDefinition(RateDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return this with { Overrides = overrides.Where(d => d.Measure != definition.Measure).Append(definition).ToList() };
    }

    /// <inheritdoc />
    public bool Equals(RateOptions? other) =>
        other is not null
        && DownstreamBase == other.DownstreamBase
        && SatisfactionCounting == other.SatisfactionCounting
        && SatisfactionBase == other.SatisfactionBase
        && overrides.SequenceEqual(other.overrides);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DownstreamBase, SatisfactionCounting, SatisfactionBase, overrides.Count);

    private static bool IsAdoptionIncludingPlanned(Measure m) => m.Id is "rate.adoption_including_planned" or "rate.resolution_adoption";

    private RateDefinition? FindOverride(Measure rate) =>
        overrides.FirstOrDefault(d => d.Measure == rate || (IsAdoptionIncludingPlanned(d.Measure) && IsAdoptionIncludingPlanned(rate)));
}
