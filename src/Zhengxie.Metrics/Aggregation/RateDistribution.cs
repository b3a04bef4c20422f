using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// The committee-level values of one rate across a group in one period: each committee's own rate
/// (from its counts), and the unweighted statistics of those values: mean, median, quantiles, extremes
/// with the committee holding them, and a ranking. These are explicitly unweighted statistics of
/// committees; the group's rate is the pooled rate of an <see cref="IndicatorTable"/>.
/// </summary>
/// <remarks>
/// Only committees whose rate has an exact value (exact counts, denominator above zero) are in
/// <see cref="Entries"/>; committees that report the counts but whose rate has bounds only (qualified
/// counts) or no value (zero denominator) are listed in <see cref="Excluded"/>, never dropped silently.
/// Rates compare exactly (by cross-multiplication); equal fractions (1/2 and 2/4) tie. Immutable and
/// thread-safe.
/// </remarks>
[Rendering.TypeFormatterSource(typeof(Rendering.NotebookFormatterSource))]
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class RateDistribution : IEquatable<RateDistribution>
{
    private readonly CommitteeRate[] sorted;
    private readonly ReadOnlyCollection<RankedCommittee> ranks;

    internal RateDistribution(GroupKey group, ReportingPeriod period, RateDefinition definition, int groupSize, List<CommitteeRate> entries, List<CommitteeRate> excluded, Regions.RegionTable? regions = null)
    {
        regions ??= Regions.RegionTable.Default;
        Group = group;
        Period = period;
        Definition = definition;
        GroupSize = groupSize;

        // Descending by value, ties by committee.
        sorted = entries.ToArray();
        Array.Sort(sorted, (a, b) =>
        {
            int c = CompareValue(b.Rate, a.Rate);
            return c != 0 ? c : a.Committee.CompareTo(b.Committee);
        });
        Excluded = excluded.OrderBy(e => e.Committee).ToList().AsReadOnly();
        var ranked = new RankedCommittee[sorted.Length];
        for (int i = 0; i < sorted.Length; i++)
        {
            int rank = i > 0 && CompareValue(sorted[i].Rate, sorted[i - 1].Rate) == 0 ? ranked[i - 1].Rank : i + 1;
            ranked[i] = new RankedCommittee(rank, sorted[i].Committee, sorted[i].Rate)
            {
                Name = regions.TryGet(sorted[i].Committee.Region, out var region) ? region.Name : sorted[i].Committee.Region.ToString(),
            };
        }

        ranks = Array.AsReadOnly(ranked);
    }

    /// <summary>Gets the group.</summary>
    public GroupKey Group { get; }

    /// <summary>Gets the period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the rate's formula.</summary>
    public RateDefinition Definition { get; }

    /// <summary>Gets the number of committees in the group.</summary>
    public int GroupSize { get; }

    /// <summary>Gets the committees with an exact rate, highest first (ties by committee code).</summary>
    public IReadOnlyList<CommitteeRate> Entries => sorted;

    /// <summary>Gets the committees that report the counts but whose rate has no exact value (bounds only, or a zero denominator).</summary>
    public IReadOnlyList<CommitteeRate> Excluded { get; }

    /// <summary>Gets the number of committees in <see cref="Entries"/>.</summary>
    public int Count => sorted.Length;

    /// <summary>Gets the unweighted mean of the committees' rates (fractions in 0..1), or <see langword="null"/> when there are none.</summary>
    public decimal? Mean => sorted.Length == 0 ? null : sorted.Sum(e => e.Rate.Value!.Value) / sorted.Length;

    /// <summary>Gets the median (the 0.5 quantile), or <see langword="null"/> when there are none.</summary>
    public decimal? Median => Quantile(0.5m);

    /// <summary>Gets the lowest rate and the committee holding it (the first by code among ties), or <see langword="null"/>.</summary>
    public CommitteeRate? Min => sorted.Length == 0 ? null : sorted.Where(e => CompareValue(e.Rate, sorted[^1].Rate) == 0).MinBy(e => e.Committee);

    /// <summary>Gets the highest rate and the committee holding it (the first by code among ties), or <see langword="null"/>.</summary>
    public CommitteeRate? Max => sorted.Length == 0 ? null : sorted[0];

    /// <summary>Gets the ranking, highest first, with competition ranks (1, 2, 2, 4).</summary>
    public IReadOnlyList<RankedCommittee> Ranks => ranks;

    /// <summary>
    /// Returns the <paramref name="probability"/> quantile of the committees' rates by linear interpolation
    /// between order statistics (Hyndman and Fan type 7, the default of R and of NumPy): with the n values
    /// sorted ascending as x[0..n−1], h = (n − 1)·p and the quantile is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
    /// </summary>
    /// <param name="probability">From 0 to 1.</param>
    /// <returns>The quantile (a fraction in 0..1), or <see langword="null"/> when there are no values.</returns>
    public decimal? Quantile(decimal probability)
    {
        Preconditions.CheckArgumentRange(probability is >= 0m and <= 1m, probability, "The probability must be from 0 to 1.");
        int n = sorted.Length;
        if (n == 0)
        {
            return null;
        }

        decimal h = (n - 1) * probability;
        int lo = (int)decimal.Floor(h);
        decimal x0 = Ascending(lo);
        return lo + 1 < n ? x0 + ((h - lo) * (Ascending(lo + 1) - x0)) : x0;
    }

    /// <summary>Returns the committees ranked <paramref name="n"/> or better (more than <paramref name="n"/> when a tie crosses the cut).</summary>
    /// <param name="n">How many, 0 or more.</param>
    /// <returns>The top of the ranking.</returns>
    public IReadOnlyList<RankedCommittee> Top(int n)
    {
        Preconditions.CheckArgumentRange(n >= 0, n, "N must not be negative.");
        return ranks.Where(r => r.Rank <= n).ToList().AsReadOnly();
    }

    /// <summary>
    /// Returns the <paramref name="n"/> lowest committees, lowest first (more when a tie crosses the cut):
    /// those with fewer than <paramref name="n"/> committees strictly below them. Ranks stay those of the full ranking.
    /// </summary>
    /// <param name="n">How many, 0 or more.</param>
    /// <returns>The bottom of the ranking.</returns>
    public IReadOnlyList<RankedCommittee> Bottom(int n)
    {
        Preconditions.CheckArgumentRange(n >= 0, n, "N must not be negative.");
        var result = new List<RankedCommittee>();
        for (int i = ranks.Count - 1; i >= 0; i--)
        {
            int below = 0;
            while (below < ranks.Count && CompareValue(sorted[ranks.Count - 1 - below].Rate, sorted[i].Rate) < 0)
            {
                below++;
            }

            if (below >= n)
            {
                break;
            }

            result.Add(ranks[i]);
        }

        return result.AsReadOnly();
    }

    private decimal Ascending(int i) => sorted[sorted.Length - 1 - i].Rate.Value!.Value;

    private static int CompareValue(Rate a, Rate b) =>
        ((Int128)a.Numerator.Lower * b.Denominator.Lower).CompareTo((Int128)b.Numerator.Lower * a.Denominator.Lower);

    /// <summary>Compares the data: group, period, definition, group size, entries and excluded rates (the statistics follow from them).</summary>
    /// <param name="other">The other distribution.</param>
    /// <returns>Whether both hold the same data.</returns>
    public bool Equals(RateDistribution? other) =>
        other is not null && Group == other.Group && Period == other.Period && Definition.Equals(other.Definition) && GroupSize == other.GroupSize
        && Entries.SequenceEqual(other.Entries) && Excluded.SequenceEqual(other.Excluded);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RateDistribution);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Group, Period, GroupSize, Count, Excluded.Count);

    /// <summary>Formats as <c>rate.reply 浙江省 2020: 87 of 90 committees, mean 93.1%, median 95.0%</c>, culture-invariant.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{Definition.Measure} {Group.Name} {Period}: {Count} of {GroupSize} committees, mean {(Mean is { } m ? (m * 100m).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "%" : "n/a")}, median {(Median is { } d ? (d * 100m).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "%" : "n/a")}");
}
