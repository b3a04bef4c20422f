using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;
using System.Threading;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// Many committees' figures over many periods, laid out for aggregation at the speed of memory: sums
/// along the region hierarchy or any other grouping (<see cref="Aggregate"/>, <see cref="RollUp"/>),
/// statistics of committee-level rates (<see cref="GetRateDistributions"/>). Build one with a
/// <see cref="FigureDatasetBuilder"/>.
/// </summary>
/// <remarks>
/// <para><b>What is summed.</b> Each committee-scope figure without a topic that states a count
/// becomes a cell (committee, period, measure); a missing cell is missing, not zero, and every aggregate
/// says how many committees contributed. Topic figures (parts, possibly overlapping) and region_total
/// figures stay in the dataset (<see cref="GetFigures"/>) but are never added into committee totals;
/// region totals are summed only on request (<see cref="AggregationScope"/>), never with the figures
/// they contain. A committee's proposal figures of a period are resolved as
/// <see cref="ProposalStatistics.FromFigures(System.Collections.Generic.IEnumerable{Figure}, out System.Collections.Generic.IReadOnlyList{Validation.ValidationFinding})"/>
/// resolves them: 「全部」 takes its denominator's value and a stated rate implies its numerator where one whole number fits.</para>
/// <para><b>Layout.</b> Committees are the region table's (dense, in code order, so a prefecture's
/// counties are contiguous); periods are the dataset's, sorted. Each count measure is a column of
/// <see cref="long"/> values, committee-major with the period axis padded to whole SIMD vectors, a byte
/// mask of present cells, and a sparse list of the widths of qualified cells (the column holds their
/// lower bounds).</para>
/// <para>Immutable and thread-safe: any number of threads may query a dataset at once.</para>
/// </remarks>
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class FigureDataset : IEquatable<FigureDataset>
{
    private static readonly Grouping[] RollUpGroupings =
    [
        Grouping.Hierarchy(Participation.CountyLevel),
        Grouping.Hierarchy(Participation.AllLevels),
        Grouping.Hierarchy(Participation.PrefectureLevel),
        Grouping.Hierarchy(Participation.ProvinceLevel),
    ];

    private readonly ReportingPeriod[] periods;
    private readonly Dictionary<Measure, CountColumn> columns;
    private readonly Dictionary<Measure, CountColumn> regionTotalColumns;
    private readonly ReadOnlyCollection<Measure> countMeasures;
    private readonly ReadOnlyCollection<ValidationFinding> findings;
    private readonly KeptFigures figures;
    private readonly Dictionary<ReportingPeriod, int> periodIndex;
    private ReadOnlyCollection<Figure>? sortedFigures;
    private Dictionary<(Committee, ReportingPeriod, Measure, FigureScope), Figure[]>? figureLookup;

    internal FigureDataset(
        RegionTable regions,
        CommitteeIndex index,
        ReportingPeriod[] periods,
        int stride,
        Dictionary<Measure, CountColumn> columns,
        Dictionary<Measure, CountColumn> regionTotalColumns,
        KeptFigures figures,
        List<ValidationFinding> findings)
    {
        Regions = regions;
        Index = index;
        this.periods = periods;
        Stride = stride;
        this.columns = columns;
        this.regionTotalColumns = regionTotalColumns;
        this.figures = figures;
        this.findings = findings.AsReadOnly();
        countMeasures = columns.Keys.Order().ToList().AsReadOnly();
        RegionTotalMeasures = regionTotalColumns.Keys.Order().ToList().AsReadOnly();
        periodIndex = new Dictionary<ReportingPeriod, int>(periods.Length);
        for (int p = 0; p < periods.Length; p++)
        {
            periodIndex[periods[p]] = p;
        }
    }

    /// <summary>Gets the region table the committees are in.</summary>
    public RegionTable Regions { get; }

    /// <summary>Gets every committee of the region table, in code order (the dataset's committee axis, with or without figures).</summary>
    public IReadOnlyList<Committee> Committees => Index.Committees;

    /// <summary>Gets the periods that have figures, sorted.</summary>
    public IReadOnlyList<ReportingPeriod> Periods => periods;

    /// <summary>Gets the count measures with committee-scope cells, in identifier order.</summary>
    public IReadOnlyList<Measure> CountMeasures => countMeasures;

    /// <summary>Gets the count measures with region_total cells, in identifier order.</summary>
    public IReadOnlyList<Measure> RegionTotalMeasures { get; }

    /// <summary>Gets the validation findings (empty unless built with <see cref="ValidationMode.CollectFindings"/>), sorted by committee, period and measure.</summary>
    public IReadOnlyList<ValidationFinding> Findings => findings;

    /// <summary>Gets the number of figures kept.</summary>
    public int FigureCount => figures.Count;

    /// <summary>Gets every figure kept, sorted by committee, period, measure, scope and topic.</summary>
    public IReadOnlyList<Figure> Figures
    {
        get
        {
            if (sortedFigures is null)
            {
                var sorted = figures.List
                    .OrderBy(f => f.Committee)
                    .ThenBy(f => f.Period)
                    .ThenBy(f => f.Measure)
                    .ThenBy(f => f.Scope)
                    .ThenBy(f => f.Topic, StringComparer.Ordinal)
                    .ToList()
                    .AsReadOnly();
                Interlocked.CompareExchange(ref sortedFigures, sorted, null);
            }

            return sortedFigures;
        }
    }

    internal CommitteeIndex Index { get; }

    internal int Stride { get; }

    internal IReadOnlyDictionary<Measure, CountColumn> Columns => columns;

    internal IReadOnlyDictionary<Measure, CountColumn> RegionTotalColumns => regionTotalColumns;

    /// <summary>Creates a builder.</summary>
    /// <param name="regions">The region table; <see cref="RegionTable.Default"/> when omitted.</param>
    /// <param name="mode">Whether bad input throws or becomes findings.</param>
    /// <returns>The builder.</returns>
    public static FigureDatasetBuilder CreateBuilder(RegionTable? regions = null, ValidationMode mode = ValidationMode.Throw) => new(regions, mode);

    /// <summary>Returns the figures of a committee, period, measure and scope, with and without topics (topic-less first).</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="scope">The scope: <see cref="FigureScope.RegionTotal"/> finds 丽水's 「市县政协举办155次」.</param>
    /// <returns>The figures (empty when there are none).</returns>
    public IReadOnlyList<Figure> GetFigures(Committee committee, ReportingPeriod period, Measure measure, FigureScope scope = FigureScope.Committee)
    {
        var lookup = figureLookup;
        if (lookup is null)
        {
            lookup = figures.List
                .GroupBy(f => (f.Committee, f.Period, f.Measure, f.Scope))
                .ToDictionary(g => g.Key, g => g.OrderBy(f => f.Topic is not null).ThenBy(f => f.Topic, StringComparer.Ordinal).ToArray());
            Interlocked.CompareExchange(ref figureLookup, lookup, null);
            lookup = figureLookup;
        }

        return lookup.TryGetValue((committee, period, measure, scope), out var found) ? Array.AsReadOnly(found) : Array.Empty<Figure>();
    }

    /// <summary>Gets a committee's count cell (in the measure's base unit).</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="measure">The count measure.</param>
    /// <param name="scope">The scope of the cell.</param>
    /// <returns>The count, exact or as bounds.</returns>
    /// <exception cref="KeyNotFoundException">The dataset has no such count (the message names committee, period and measure).</exception>
    public Bounds GetCount(Committee committee, ReportingPeriod period, Measure measure, FigureScope scope = FigureScope.Committee) =>
        TryGetCount(committee, period, measure, scope, out var count)
            ? count
            : throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"Committee {committee}, period {period}: the dataset has no {scope} count of {measure}."));

    /// <summary>Tries to find a committee's own count cell (<see cref="FigureScope.Committee"/>, in the measure's base unit).</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="measure">The count measure.</param>
    /// <param name="count">The count, exact or as bounds, when present.</param>
    /// <returns>Whether the dataset has the count.</returns>
    public bool TryGetCount(Committee committee, ReportingPeriod period, Measure measure, out Bounds count) =>
        TryGetCount(committee, period, measure, FigureScope.Committee, out count);

    /// <summary>Tries to find a committee's count cell (in the measure's base unit).</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="measure">The count measure.</param>
    /// <param name="scope">The scope of the cell.</param>
    /// <param name="count">The count, exact or as bounds, when present.</param>
    /// <returns>Whether the dataset has the count.</returns>
    public bool TryGetCount(Committee committee, ReportingPeriod period, Measure measure, FigureScope scope, out Bounds count)
    {
        var cols = scope == FigureScope.Committee ? columns : regionTotalColumns;
        if (!Index.TryGetIndex(committee, out int c) || !periodIndex.TryGetValue(period, out int p) || !cols.TryGetValue(measure, out var col)
            || col.Get(c, p, Stride) is not { } value)
        {
            count = default;
            return false;
        }

        count = value;
        return true;
    }

    /// <summary>Gets a committee's rate from its count cells.</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="rate">The rate's formula.</param>
    /// <returns>The rate (bounds when a count is qualified; no value when the denominator is zero).</returns>
    /// <exception cref="KeyNotFoundException">A count the rate needs is missing.</exception>
    /// <exception cref="ZhengxieMetricsException">The numerator exceeds the denominator.</exception>
    public Rate GetCommitteeRate(Committee committee, ReportingPeriod period, RateDefinition rate) =>
        TryGetCommitteeRate(committee, period, rate, out var value)
            ? value
            : throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"Committee {committee}, period {period}: the dataset lacks a count of {rate.Measure} = {rate.Formula}."));

    /// <summary>Tries to compute a committee's rate from its count cells.</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="rate">The rate's formula.</param>
    /// <param name="value">The rate, when every count it needs is present.</param>
    /// <returns>Whether every count the rate needs is present.</returns>
    /// <exception cref="ZhengxieMetricsException">The numerator exceeds the denominator.</exception>
    public bool TryGetCommitteeRate(Committee committee, ReportingPeriod period, RateDefinition rate, out Rate value)
    {
        Preconditions.CheckNotNull(rate);
        if (!Index.TryGetIndex(committee, out int c) || !periodIndex.TryGetValue(period, out int p) || CommitteeRate(c, p, rate) is not { } r)
        {
            value = default;
            return false;
        }

        value = r;
        return true;
    }

    /// <summary>
    /// Aggregates: for each group of <paramref name="grouping"/> and each bucket of
    /// <paramref name="periods"/>, the sum of every count measure with its coverage, and every rate pooled
    /// over the committees that report both its numerator and its denominator.
    /// </summary>
    /// <param name="grouping">The groups.</param>
    /// <param name="periods">The periods; <see cref="PeriodSelection.EachPeriod"/> when omitted.</param>
    /// <param name="options">Measures, rates and scope; <see cref="AggregationOptions.Default"/> when omitted.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ValidationException">The request would add a region_total figure to figures it contains (<see cref="ValidationRule.RegionTotalWithParts"/>).</exception>
    /// <exception cref="ZhengxieMetricsException">A year bucket would count a committee twice, or a pooled numerator exceeds its denominator.</exception>
    public IndicatorTable Aggregate(Grouping grouping, PeriodSelection? periods = null, AggregationOptions? options = null)
    {
        Preconditions.CheckNotNull(grouping);
        return Aggregator.Run(this, grouping.Plan(Regions), (periods ?? PeriodSelection.EachPeriod).Resolve(this.periods), options ?? AggregationOptions.Default);
    }

    /// <summary>
    /// Rolls up along the region hierarchy: a row per prefecture, province and the nation and per
    /// period bucket, summing the committees <paramref name="participation"/> selects.
    /// </summary>
    /// <param name="participation">Which committees take part; county-level only by default.</param>
    /// <param name="periods">The periods; <see cref="PeriodSelection.EachPeriod"/> when omitted.</param>
    /// <param name="options">Measures, rates and scope; <see cref="AggregationOptions.Default"/> when omitted.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ValidationException">The request would add a region_total figure to figures it contains.</exception>
    public IndicatorTable RollUp(Participation participation = Participation.CountyLevel, PeriodSelection? periods = null, AggregationOptions? options = null)
    {
        Preconditions.CheckArgument(Enum.IsDefined(participation), nameof(participation), "Unknown participation.");
        return Aggregate(RollUpGroupings[(int)participation], periods, options);
    }

    /// <summary>
    /// Returns, per group, the distribution of committee-level values of a rate in one period: unweighted
    /// mean, median, quantiles, extremes with their committee, and a ranking.
    /// </summary>
    /// <param name="rate">The rate's formula.</param>
    /// <param name="grouping">The groups.</param>
    /// <param name="period">The period.</param>
    /// <returns>One distribution per group, in group order.</returns>
    public IReadOnlyList<RateDistribution> GetRateDistributions(RateDefinition rate, Grouping grouping, ReportingPeriod period)
    {
        Preconditions.CheckNotNull(rate);
        Preconditions.CheckNotNull(grouping);
        var plan = grouping.Plan(Regions);
        bool known = periodIndex.TryGetValue(period, out int p);
        var perLeaf = new List<CommitteeRate>[plan.LeafCount];
        var excludedPerLeaf = new List<CommitteeRate>[plan.LeafCount];
        for (int leaf = 0; leaf < plan.LeafCount; leaf++)
        {
            perLeaf[leaf] = [];
            excludedPerLeaf[leaf] = [];
        }

        if (known)
        {
            foreach (var run in plan.Runs)
            {
                for (int c = run.Start; c < run.Start + run.Length; c++)
                {
                    if (CommitteeRate(c, p, rate) is { } r)
                    {
                        (r.HasValue ? perLeaf : excludedPerLeaf)[run.Leaf].Add(new CommitteeRate(Index.Committees[c], r));
                    }
                }
            }
        }

        var result = new RateDistribution[plan.Keys.Length];
        for (int g = 0; g < result.Length; g++)
        {
            var entries = new List<CommitteeRate>();
            var excluded = new List<CommitteeRate>();
            foreach (int leaf in plan.GroupLeaves[g])
            {
                entries.AddRange(perLeaf[leaf]);
                excluded.AddRange(excludedPerLeaf[leaf]);
            }

            result[g] = new RateDistribution(plan.Keys[g], period, rate, plan.GroupSizes[g], entries, excluded, Regions);
        }

        return Array.AsReadOnly(result);
    }

    internal Rate? CommitteeRate(int c, int p, RateDefinition rate)
    {
        if (!columns.TryGetValue(rate.Denominator, out var denColumn) || denColumn.Get(c, p, Stride) is not { } den)
        {
            return null;
        }

        var num = Bounds.Zero;
        foreach (var m in rate.Numerator)
        {
            if (!columns.TryGetValue(m, out var col) || col.Get(c, p, Stride) is not { } part)
            {
                return null;
            }

            try
            {
                num += part;
            }
            catch (OverflowException e)
            {
                throw new ZhengxieMetricsException($"Committee {Index.Committees[c]}, period {periods[p]}, measure {rate.Measure}: the numerator of {rate.Formula} does not fit in a 64-bit count.", e);
            }
        }

        if (den.HasUpperBound && num.Lower > den.Upper!.Value)
        {
            throw new ZhengxieMetricsException($"Committee {Index.Committees[c]}, period {periods[p]}, measure {rate.Measure}: the numerator {num} exceeds the denominator {den} ({rate.Formula}).");
        }

        return Rate.FromBounds(num, den);
    }

    /// <summary>
    /// Compares the data: the region table, the figures kept and the validation findings (the cells follow from the
    /// figures and the regions). A dataset rebuilt from its JSON (its figures) with the same region table and validation
    /// mode equals the dataset written.
    /// </summary>
    /// <param name="other">The other dataset.</param>
    /// <returns>Whether both hold the same data.</returns>
    public bool Equals(FigureDataset? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (FigureCount == other.FigureCount && Regions.Equals(other.Regions) && periods.AsSpan().SequenceEqual(other.periods)
                && Findings.SequenceEqual(other.Findings) && Figures.SequenceEqual(other.Figures)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FigureDataset);

    /// <summary>Returns a hash of the dataset's shape (cheap; consistent with <see cref="Equals(FigureDataset)"/>).</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() =>
        HashCode.Combine(FigureCount, periods.Length, Findings.Count, Regions.Count, periods.Length > 0 ? periods[0] : default);

    /// <summary>Formats as <c>FigureDataset: 7 periods, 12 count measures, 1 region-total measures, 3 findings</c>, culture-invariant.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"FigureDataset: {Periods.Count} periods, {CountMeasures.Count} count measures, {RegionTotalMeasures.Count} region-total measures, {Findings.Count} findings");
}
