using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// The periods one row of an <see cref="IndicatorTable"/> covers: a single period (<c>2020</c>,
/// <c>4.4@2020</c>), every period of a calendar year, or a span of years summed together (<c>2018-2020</c>).
/// </summary>
/// <remarks>
/// A bucket that is not a single period either sums across its periods (<see cref="SumsAcrossPeriods"/>,
/// a span of years: a committee's figures of each year are added) or gathers the periods of one year
/// (a committee that states one measure for two periods of that year would be counted twice, so such a
/// request is rejected). Equality compares the label and the periods. Serialized as a source-generated contract:
/// <c>{"label":"2018-2020","periods":["2018","2019","2020"],"first_year":2018,"last_year":2020,"sums_across_periods":true}</c>,
/// read through the public constructor and its checks. Immutable and thread-safe.
/// </remarks>
[DebuggerDisplay("{Label,nq}")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class PeriodBucket : IEquatable<PeriodBucket>
{
    private readonly ReadOnlyCollection<ReportingPeriod> periods;

    /// <summary>
    /// Creates a bucket of one of the three shapes <see cref="PeriodSelection"/> makes: a single period (labelled with its text), a
    /// calendar year (labelled with the year, gathering that year's periods), or a span of years summed together (labelled
    /// <c>first-last</c>, <paramref name="sumsAcrossPeriods"/> true). <see cref="Of"/> and <see cref="PeriodSelection"/> are the usual ways.
    /// </summary>
    /// <param name="label">The label: the period's text, the year, or <c>first-last</c> for a span.</param>
    /// <param name="periods">The periods covered, in ascending order, each once, each within the years (copied).</param>
    /// <param name="firstYear">The first calendar year covered.</param>
    /// <param name="lastYear">The last calendar year covered, not before <paramref name="firstYear"/>.</param>
    /// <param name="sumsAcrossPeriods">Whether the bucket adds each committee's figures over its periods (a span of years).</param>
    /// <exception cref="ArgumentException">The parts do not make a bucket of one of the three shapes (the exception's <see cref="ArgumentException.ParamName"/> names the field).</exception>
    [JsonConstructor]
    public PeriodBucket(string label, IReadOnlyList<ReportingPeriod> periods, int firstYear, int lastYear, bool sumsAcrossPeriods)
    {
        Preconditions.CheckNotNullOrWhiteSpace(label);
        Preconditions.CheckNotNull(periods);
        Preconditions.CheckArgument(lastYear >= firstYear, nameof(lastYear), $"The last year {lastYear} is before the first year {firstYear}.");
        for (int i = 0; i < periods.Count; i++)
        {
            Preconditions.CheckArgument(!periods[i].IsDefault && periods[i].Year >= firstYear && periods[i].Year <= lastYear, nameof(periods), $"The period {periods[i]} is not within the years {firstYear} to {lastYear}.");
            Preconditions.CheckArgument(i == 0 || periods[i - 1].CompareTo(periods[i]) < 0, nameof(periods), $"The periods must be in ascending order, each once: {periods[i]} comes after {periods[Math.Max(i - 1, 0)]}.");
        }

        string expected = sumsAcrossPeriods ? string.Create(CultureInfo.InvariantCulture, $"{firstYear}-{lastYear}")
            : firstYear != lastYear ? "(a bucket over several years sums across its periods)"
            : periods.Count == 1 && label == periods[0].ToString() ? label : firstYear.ToString(CultureInfo.InvariantCulture);
        Preconditions.CheckArgument(string.Equals(label, expected, StringComparison.Ordinal), nameof(label), $"A bucket is labelled with its period, its year or its span of years: expected {expected}, found '{label}'.");
        Label = label;
        this.periods = periods.ToList().AsReadOnly();
        FirstYear = firstYear;
        LastYear = lastYear;
        SumsAcrossPeriods = sumsAcrossPeriods;
    }

    /// <summary>Gets the label: the period's text form, the year, or <c>first-last</c> for a span.</summary>
    public string Label { get; }

    /// <summary>Gets the dataset periods the bucket covers, sorted (may be empty when the dataset has none in it).</summary>
    [JsonPropertyName("periods")]
    public IReadOnlyList<ReportingPeriod> Periods => periods;

    /// <summary>Gets the first calendar year the bucket covers.</summary>
    [JsonPropertyName("first_year")]
    public int FirstYear { get; }

    /// <summary>Gets the last calendar year the bucket covers.</summary>
    [JsonPropertyName("last_year")]
    public int LastYear { get; }

    /// <summary>Gets the number of calendar years covered (<see cref="LastYear"/> − <see cref="FirstYear"/> + 1).</summary>
    [JsonIgnore]
    public int YearCount => LastYear - FirstYear + 1;

    /// <summary>Gets a value indicating whether the bucket adds each committee's figures over several periods (a span of years).</summary>
    [JsonPropertyName("sums_across_periods")]
    public bool SumsAcrossPeriods { get; }

    /// <summary>Gets the single period, when the bucket is exactly one period; else <see langword="null"/>.</summary>
    [JsonIgnore]
    public ReportingPeriod? SinglePeriod => periods.Count == 1 && !SumsAcrossPeriods && Label == periods[0].ToString() ? periods[0] : null;

    /// <summary>Creates the bucket of a single period.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The bucket.</returns>
    public static PeriodBucket Of(ReportingPeriod period)
    {
        Preconditions.CheckArgument(!period.IsDefault, nameof(period), "A bucket needs a period.");
        return new PeriodBucket(period.ToString(), [period], period.Year, period.Year, false);
    }

    /// <summary>Creates a bucket from periods in any order (sorted here, each once).</summary>
    internal static PeriodBucket Create(string label, IEnumerable<ReportingPeriod> periods, int firstYear, int lastYear, bool sumsAcrossPeriods) =>
        new(label, periods.Distinct().Order().ToList(), firstYear, lastYear, sumsAcrossPeriods);

    /// <inheritdoc />
    public bool Equals(PeriodBucket? other) =>
        other is not null && string.Equals(Label, other.Label, StringComparison.Ordinal) && SumsAcrossPeriods == other.SumsAcrossPeriods
        && FirstYear == other.FirstYear && LastYear == other.LastYear && periods.SequenceEqual(other.periods);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PeriodBucket);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Label), FirstYear, LastYear, periods.Count);

    /// <summary>Returns the label.</summary>
    /// <returns>The label.</returns>
    public override string ToString() => Label;
}
