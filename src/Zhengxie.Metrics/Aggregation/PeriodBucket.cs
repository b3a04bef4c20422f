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
/// The periods one row of an <see cref="IndicatorTable"/> covers: a single period (<c>2020</c>,
/// <c>4.4@2020</c>), every period of a calendar year, or a span of years summed together (<c>2018-2020</c>).
/// </summary>
/// <remarks>
/// A bucket that is not a single period either sums across its periods (<see cref="SumsAcrossPeriods"/>,
/// a span of years: a committee's figures of each year are added) or gathers the periods of one year
/// (a committee that states one measure for two periods of that year would be counted twice, so such a
/// request is rejected). Equality compares the label and the periods. Immutable and thread-safe.
/// </remarks>
[DebuggerDisplay("{Label,nq}")]
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class PeriodBucket : IEquatable<PeriodBucket>
{
    private readonly ReadOnlyCollection<ReportingPeriod> periods;

    internal PeriodBucket(string label, IEnumerable<ReportingPeriod> periods, int firstYear, int lastYear, bool sumsAcrossPeriods)
    {
        Label = label;
        this.periods = periods.Distinct().Order().ToList().AsReadOnly();
        FirstYear = firstYear;
        LastYear = lastYear;
        SumsAcrossPeriods = sumsAcrossPeriods;
    }

    /// <summary>Gets the label: the period's text form, the year, or <c>first-last</c> for a span.</summary>
    public string Label { get; }

    /// <summary>Gets the dataset periods the bucket covers, sorted (may be empty when the dataset has none in it).</summary>
    public IReadOnlyList<ReportingPeriod> Periods => periods;

    /// <summary>Gets the first calendar year the bucket covers.</summary>
    public int FirstYear { get; }

    /// <summary>Gets the last calendar year the bucket covers.</summary>
    public int LastYear { get; }

    /// <summary>Gets the number of calendar years covered (<see cref="LastYear"/> − <see cref="FirstYear"/> + 1).</summary>
    public int YearCount => LastYear - FirstYear + 1;

    /// <summary>Gets a value indicating whether the bucket adds each committee's figures over several periods (a span of years).</summary>
    public bool SumsAcrossPeriods { get; }

    /// <summary>Gets the single period, when the bucket is exactly one period; else <see langword="null"/>.</summary>
    public ReportingPeriod? SinglePeriod => periods.Count == 1 && !SumsAcrossPeriods && Label == periods[0].ToString() ? periods[0] : null;

    /// <summary>Creates the bucket of a single period.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The bucket.</returns>
    public static PeriodBucket Of(ReportingPeriod period)
    {
        Preconditions.CheckArgument(!period.IsDefault, nameof(period), "A bucket needs a period.");
        return new PeriodBucket(period.ToString(), [period], period.Year, period.Year, false);
    }

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
