using System.Collections.Generic;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>What an aggregation computes: which measures, which rates, which scope. Immutable and thread-safe.</summary>
public sealed record AggregationOptions
{
    /// <summary>Gets the defaults: every count measure of the dataset, the rates of <see cref="RateOptions.Default"/>, committee scope.</summary>
    public static AggregationOptions Default { get; } = new();

    /// <summary>Gets the count measures to sum, or <see langword="null"/> for every count measure of the dataset (in identifier order).</summary>
    public IReadOnlyList<Measure>? Measures { get; init; }

    /// <summary>Gets the rates to pool, or <see langword="null"/> for <see cref="RateOptions.Definitions"/> of <see cref="RateOptions.Default"/>.</summary>
    public IReadOnlyList<RateDefinition>? Rates { get; init; }

    /// <summary>Gets which scope of figures to sum.</summary>
    public AggregationScope Scope { get; init; } = AggregationScope.Committee;
}
