using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Zhengxie.Metrics.Aggregation;

/// <content>Columnar ingestion: figures from spans, without a <see cref="Figure"/> object per row.</content>
public sealed partial class FigureDatasetBuilder
{
    /// <summary>
    /// Adds figures given as columns, without creating a <see cref="Figure"/> per row: the same figures as
    /// <see cref="AddRange"/> of the <see cref="Figure"/>s the rows describe, with the same checks. Either every row is
    /// added or, when one does not make a figure, none is.
    /// </summary>
    /// <param name="columns">The columns.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The columns differ in length, or a row does not make a figure (the message names its row index, committee, period and measure, then says what the <see cref="Figure"/> constructor says).</exception>
    public FigureDatasetBuilder AddColumns(FigureColumns columns)
    {
        int n = columns.Length;
        CheckLength(n, columns.Periods.Length, "periods");
        CheckLength(n, columns.Measures.Length, "measures");
        CheckLength(n, columns.Values.Length, "values");
        CheckLength(n, columns.Units.Length, "units");
        CheckOptionalLength(n, columns.Qualifiers.Length, "qualifiers");
        CheckOptionalLength(n, columns.Scopes.Length, "scopes");
        CheckOptionalLength(n, columns.Topics.Length, "topics");
        CheckOptionalLength(n, columns.Sources.Length, "sources");
        var committees = columns.Committees;
        var periods = columns.Periods;
        var measures = columns.Measures;
        var values = columns.Values;
        var units = columns.Units;
        var qualifiers = columns.Qualifiers;
        var scopes = columns.Scopes;
        var topics = columns.Topics;
        var sources = columns.Sources;

        // First every row is checked (nothing is added when one fails), then every row is added.
        for (int i = 0; i < n; i++)
        {
            var qualifier = qualifiers.IsEmpty ? Qualifier.Exact : qualifiers[i];
            var scope = scopes.IsEmpty ? FigureScope.Committee : scopes[i];
            if (!MakesFigure(committees[i], periods[i], measures[i], values[i], units[i], qualifier, scope))
            {
                ThrowRow(i, committees[i], periods[i], measures[i], values[i], units[i], qualifier, scope);
            }
        }

        Reserve(n);
        for (int i = 0; i < n; i++)
        {
            string? topic = topics.IsEmpty || string.IsNullOrWhiteSpace(topics[i]) ? null : topics[i];
            AddRow(
                committees[i],
                PeriodNumber(periods[i]),
                measureNumbers.NumberOf(measures[i]),
                values[i],
                units[i],
                qualifiers.IsEmpty ? Qualifier.Exact : qualifiers[i],
                scopes.IsEmpty ? FigureScope.Committee : scopes[i],
                topic,
                sources.IsEmpty ? null : sources[i],
                null);
        }

        return this;
    }

    /// <summary>
    /// Adds exact counts of the committees' own work (qualifier <see cref="Qualifier.Exact"/>, scope
    /// <see cref="FigureScope.Committee"/>, no topic, no source) given as columns, without creating a <see cref="Figure"/>
    /// per row. Either every row is added or, when one does not make a figure, none is.
    /// </summary>
    /// <param name="committees">Each figure's committee.</param>
    /// <param name="periods">Each figure's period.</param>
    /// <param name="measures">Each figure's measure (a count: rates and shares are stated in % with their own qualifier, see <see cref="AddColumns(FigureColumns)"/>).</param>
    /// <param name="values">Each figure's count, in its unit.</param>
    /// <param name="units">Each figure's unit.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The columns differ in length, or a row does not make a figure (the message names its row index, committee, period and measure).</exception>
    public FigureDatasetBuilder AddColumns(ReadOnlySpan<Committee> committees, ReadOnlySpan<ReportingPeriod> periods, ReadOnlySpan<Measure> measures, ReadOnlySpan<long> values, ReadOnlySpan<FigureUnit> units)
    {
        int n = committees.Length;
        CheckLength(n, periods.Length, nameof(periods));
        CheckLength(n, measures.Length, nameof(measures));
        CheckLength(n, values.Length, nameof(values));
        CheckLength(n, units.Length, nameof(units));
        var rates = new RateCache();
        for (int i = 0; i < n; i++)
        {
            if (!MakesExactCount(committees[i], periods[i].IsDefault, measures[i], units[i], ref rates))
            {
                ThrowRow(i, committees[i], periods[i], measures[i], values[i], units[i], Qualifier.Exact, FigureScope.Committee);
            }
        }

        Reserve(n);
        for (int i = 0; i < n; i++)
        {
            AddRow(committees[i], PeriodNumber(periods[i]), measureNumbers.NumberOf(measures[i]), values[i], units[i], Qualifier.Exact, FigureScope.Committee, null, null, null);
        }

        return this;
    }

    /// <summary>
    /// Adds exact counts of the committees' own work per calendar year (period <see cref="ReportingPeriod.CalendarYear"/>,
    /// qualifier <see cref="Qualifier.Exact"/>, scope <see cref="FigureScope.Committee"/>, no topic, no source) given as
    /// columns, without creating a <see cref="Figure"/> per row. Either every row is added or, when one does not make a
    /// figure, none is.
    /// </summary>
    /// <param name="committees">Each figure's committee.</param>
    /// <param name="years">Each figure's calendar year (1949..2200).</param>
    /// <param name="measures">Each figure's measure (a count).</param>
    /// <param name="values">Each figure's count, in its unit.</param>
    /// <param name="units">Each figure's unit.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The columns differ in length, or a row does not make a figure (the message names its row index, committee, year and measure).</exception>
    public FigureDatasetBuilder AddColumns(ReadOnlySpan<Committee> committees, ReadOnlySpan<int> years, ReadOnlySpan<Measure> measures, ReadOnlySpan<long> values, ReadOnlySpan<FigureUnit> units)
    {
        int n = committees.Length;
        CheckLength(n, years.Length, nameof(years));
        CheckLength(n, measures.Length, nameof(measures));
        CheckLength(n, values.Length, nameof(values));
        CheckLength(n, units.Length, nameof(units));
        var rates = new RateCache();
        for (int i = 0; i < n; i++)
        {
            int year = years[i];
            if (year is < ReportingPeriod.MinYear or > ReportingPeriod.MaxYear)
            {
                ThrowYear(i, committees[i], year, measures[i], nameof(years));
            }

            if (!MakesExactCount(committees[i], false, measures[i], units[i], ref rates))
            {
                ThrowRow(i, committees[i], ReportingPeriod.CalendarYear(year), measures[i], values[i], units[i], Qualifier.Exact, FigureScope.Committee);
            }
        }

        Reserve(n);
        int lastYear = 0;
        int period = -1;
        for (int i = 0; i < n; i++)
        {
            int year = years[i];
            if (year != lastYear)
            {
                period = PeriodNumber(ReportingPeriod.CalendarYear(year));
                lastYear = year;
            }

            AddRow(committees[i], period, measureNumbers.NumberOf(measures[i]), values[i], units[i], Qualifier.Exact, FigureScope.Committee, null, null, null);
        }

        return this;
    }

    /// <summary>Whether the arguments make a figure: exactly the checks of <see cref="Figure"/>'s constructor, without building a message.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MakesFigure(Committee committee, ReportingPeriod period, Measure measure, decimal? value, FigureUnit unit, Qualifier qualifier, FigureScope scope) =>
        !measure.IsDefault && MakesFigure(committee, period, measure, value, unit, qualifier, scope, measure.IsRate);

    /// <summary>As <see cref="MakesFigure(Committee, ReportingPeriod, Measure, decimal?, FigureUnit, Qualifier, FigureScope)"/>, with whether the measure is a rate known.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MakesFigure(Committee committee, ReportingPeriod period, Measure measure, decimal? value, FigureUnit unit, Qualifier qualifier, FigureScope scope, bool rate)
    {
        if (committee.IsDefault || period.IsDefault || measure.IsDefault || string.IsNullOrEmpty(unit.Symbol)
            || qualifier is < Qualifier.Exact or > Qualifier.PercentReported || scope is not (FigureScope.Committee or FigureScope.RegionTotal)
            || (value is null && qualifier != Qualifier.All))
        {
            return false;
        }

        bool percent = unit.IsPercent;
        return rate
            ? percent && qualifier is Qualifier.PercentReported or Qualifier.AtLeast or Qualifier.MoreThan or Qualifier.Nearly or Qualifier.About
            : !percent && qualifier != Qualifier.PercentReported;
    }

    /// <summary>Whether an exact count of the committee's own work with these fields makes a figure (as <see cref="MakesFigure(Committee, ReportingPeriod, Measure, decimal?, FigureUnit, Qualifier, FigureScope)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MakesExactCount(Committee committee, bool periodIsDefault, Measure measure, FigureUnit unit, ref RateCache rates) =>
        !committee.IsDefault && !periodIsDefault && !measure.IsDefault && !string.IsNullOrEmpty(unit.Symbol) && !rates.IsRate(measure) && !unit.IsPercent;

    private static void CheckLength(int expected, int length, string column)
    {
        if (length != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The column {column} has {length} elements; the committees column has {expected}. Every column has one element per figure."),
                column);
        }
    }

    private static void CheckOptionalLength(int expected, int length, string column)
    {
        if (length != 0)
        {
            CheckLength(expected, length, column);
        }
    }

    /// <summary>Throws the <see cref="Figure"/> constructor's exception for a row, naming the row.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRow(int row, Committee committee, ReportingPeriod period, Measure measure, decimal? value, FigureUnit unit, Qualifier qualifier, FigureScope scope)
    {
        try
        {
            _ = new Figure(committee, period, measure, value, unit, qualifier, scope);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Row {row} (committee {committee}, period {period}, measure {measure}) does not make a figure: {e.Message}"), e.ParamName, e);
        }

        // MakesFigure and the constructor disagree: the constructor is the rule.
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Row {row} (committee {committee}, period {period}, measure {measure}) was refused by a check the Figure constructor does not make."));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowYear(int row, Committee committee, int year, Measure measure, string column) =>
        throw new ArgumentOutOfRangeException(
            column,
            year,
            string.Create(CultureInfo.InvariantCulture, $"Row {row} (committee {committee}, year {year}, measure {measure}): a calendar year is from {ReportingPeriod.MinYear} to {ReportingPeriod.MaxYear}."));

    /// <summary>Whether a measure is a rate or share, remembered for the last identifier seen (columns repeat measures).</summary>
    private struct RateCache
    {
        private string? lastId;
        private bool lastIsRate;

        internal bool IsRate(Measure measure)
        {
            string id = measure.Id;
            if (!ReferenceEquals(id, lastId))
            {
                lastId = id;
                lastIsRate = measure.IsRate;
            }

            return lastIsRate;
        }
    }
}
