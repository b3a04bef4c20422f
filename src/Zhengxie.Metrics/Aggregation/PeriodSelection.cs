using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// Which periods an aggregation covers and how they become rows: each period on its own, each calendar
/// year, or a span of years summed into one row. Immutable and thread-safe.
/// </summary>
public sealed class PeriodSelection
{
    private readonly Func<IReadOnlyList<ReportingPeriod>, IReadOnlyList<PeriodBucket>> resolve;

    private PeriodSelection(string description, Func<IReadOnlyList<ReportingPeriod>, IReadOnlyList<PeriodBucket>> resolve)
    {
        Description = description;
        this.resolve = resolve;
    }

    /// <summary>Gets every period of the dataset, each its own row (the default).</summary>
    public static PeriodSelection EachPeriod { get; } = new("each period", periods => periods.Select(PeriodBucket.Of).ToList());

    /// <summary>
    /// Gets every calendar year of the dataset, each a row gathering the periods mapped to that year
    /// (calendar year 2020 and session 4.4@2020). A committee stating one measure for two periods of the
    /// same year makes such a request fail, since its figures would be counted twice.
    /// </summary>
    public static PeriodSelection EachYear { get; } = new("each year", periods => periods
        .GroupBy(p => p.Year)
        .OrderBy(g => g.Key)
        .Select(g => PeriodBucket.Create(g.Key.ToString(CultureInfo.InvariantCulture), g, g.Key, g.Key, false))
        .ToList());

    /// <summary>Gets a text describing the selection.</summary>
    public string Description { get; }

    /// <summary>Selects the given periods, each its own row (in period order).</summary>
    /// <param name="periods">The periods; periods absent from the dataset give rows without data.</param>
    /// <returns>The selection.</returns>
    public static PeriodSelection Each(IEnumerable<ReportingPeriod> periods)
    {
        Preconditions.CheckNotNull(periods);
        var list = periods.Distinct().Order().ToList();
        Preconditions.CheckArgument(list.TrueForAll(p => !p.IsDefault), nameof(periods), "A period is the default value.");
        return new PeriodSelection("periods " + string.Join(", ", list), _ => list.Select(PeriodBucket.Of).ToList());
    }

    /// <summary>Selects each calendar year from <paramref name="firstYear"/> to <paramref name="lastYear"/>, a row each (as <see cref="EachYear"/>).</summary>
    /// <param name="firstYear">The first year, 1949 to 2200 (the years a <see cref="ReportingPeriod"/> can have).</param>
    /// <param name="lastYear">The last year, not before <paramref name="firstYear"/>, 1949 to 2200.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A year is outside 1949..2200, or the last is before the first.</exception>
    public static PeriodSelection Years(int firstYear, int lastYear)
    {
        CheckYears(firstYear, lastYear);
        return new PeriodSelection(
            string.Create(CultureInfo.InvariantCulture, $"each year {firstYear}-{lastYear}"),
            periods => Enumerable.Range(firstYear, lastYear - firstYear + 1)
                .Select(y => PeriodBucket.Create(y.ToString(CultureInfo.InvariantCulture), periods.Where(p => p.Year == y), y, y, false))
                .ToList());
    }

    /// <summary>
    /// Selects one row summing every period whose year is from <paramref name="firstYear"/> to
    /// <paramref name="lastYear"/>: each committee's figures of those years are added, and a committee
    /// contributes when it reports the measure in at least one of them.
    /// </summary>
    /// <param name="firstYear">The first year, 1949 to 2200.</param>
    /// <param name="lastYear">The last year, not before <paramref name="firstYear"/>, 1949 to 2200.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A year is outside 1949..2200, or the last is before the first.</exception>
    public static PeriodSelection Total(int firstYear, int lastYear)
    {
        CheckYears(firstYear, lastYear);
        string label = string.Create(CultureInfo.InvariantCulture, $"{firstYear}-{lastYear}");
        return new PeriodSelection(
            "total " + label,
            periods => [PeriodBucket.Create(label, periods.Where(p => p.Year >= firstYear && p.Year <= lastYear), firstYear, lastYear, true)]);
    }

    /// <summary>
    /// A year selection names years a period can have (1949..2200, as <see cref="ReportingPeriod"/>): a wider
    /// one would silently select nothing (int.MinValue..int.MaxValue overflows the row count to 0) or make
    /// millions of empty rows (0..99999).
    /// </summary>
    private static void CheckYears(int firstYear, int lastYear)
    {
        if (firstYear is < ReportingPeriod.MinYear or > ReportingPeriod.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(firstYear), firstYear, string.Create(CultureInfo.InvariantCulture, $"The first year {firstYear} is outside the years a period can have ({ReportingPeriod.MinYear} to {ReportingPeriod.MaxYear})."));
        }

        if (lastYear is < ReportingPeriod.MinYear or > ReportingPeriod.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, string.Create(CultureInfo.InvariantCulture, $"The last year {lastYear} is outside the years a period can have ({ReportingPeriod.MinYear} to {ReportingPeriod.MaxYear})."));
        }

        Preconditions.CheckArgumentRange(lastYear >= firstYear, lastYear, "The last year must not be before the first.");
    }

    /// <summary>Returns the rows this selection makes of a dataset's periods.</summary>
    /// <param name="datasetPeriods">The dataset's periods, sorted.</param>
    /// <returns>The buckets, in row order.</returns>
    public IReadOnlyList<PeriodBucket> Resolve(IReadOnlyList<ReportingPeriod> datasetPeriods)
    {
        Preconditions.CheckNotNull(datasetPeriods);
        return resolve(datasetPeriods);
    }

    /// <summary>Returns the description.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Description;
}
