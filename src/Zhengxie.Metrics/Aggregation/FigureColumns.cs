using System;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// Figures as columns, one element per figure in each: what <see cref="FigureDatasetBuilder.AddColumns(FigureColumns)"/>
/// reads without creating a <see cref="Figure"/> per row. The five columns of the constructor are required and of
/// equal length; <see cref="Qualifiers"/>, <see cref="Scopes"/>, <see cref="Topics"/> and <see cref="Sources"/> are
/// optional (empty: every figure exact, of the committee's own work, without topic or source) and, when given, of
/// the same length. Each row means what the <see cref="Figure"/> constructor's arguments of the same names mean.
/// </summary>
/// <example>
/// <code>
/// var columns = new FigureColumns(committees, periods, measures, values, units) { Qualifiers = qualifiers };
/// builder.AddColumns(columns);
/// </code>
/// </example>
public readonly ref struct FigureColumns
{
    /// <summary>Creates the columns.</summary>
    /// <param name="committees">Each figure's committee.</param>
    /// <param name="periods">Each figure's period.</param>
    /// <param name="measures">Each figure's measure.</param>
    /// <param name="values">Each figure's value as printed, in its unit; <see langword="null"/> only for <see cref="Qualifier.All"/> without a count.</param>
    /// <param name="units">Each figure's unit as printed.</param>
    public FigureColumns(ReadOnlySpan<Committee> committees, ReadOnlySpan<ReportingPeriod> periods, ReadOnlySpan<Measure> measures, ReadOnlySpan<decimal?> values, ReadOnlySpan<FigureUnit> units)
    {
        Committees = committees;
        Periods = periods;
        Measures = measures;
        Values = values;
        Units = units;
    }

    /// <summary>Gets each figure's committee.</summary>
    public ReadOnlySpan<Committee> Committees { get; }

    /// <summary>Gets each figure's period.</summary>
    public ReadOnlySpan<ReportingPeriod> Periods { get; }

    /// <summary>Gets each figure's measure.</summary>
    public ReadOnlySpan<Measure> Measures { get; }

    /// <summary>Gets each figure's value as printed.</summary>
    public ReadOnlySpan<decimal?> Values { get; }

    /// <summary>Gets each figure's unit as printed.</summary>
    public ReadOnlySpan<FigureUnit> Units { get; }

    /// <summary>Gets or initialises each figure's qualifier; empty (the default) means every figure is <see cref="Qualifier.Exact"/>.</summary>
    public ReadOnlySpan<Qualifier> Qualifiers { get; init; }

    /// <summary>Gets or initialises each figure's scope; empty (the default) means every figure is <see cref="FigureScope.Committee"/>.</summary>
    public ReadOnlySpan<FigureScope> Scopes { get; init; }

    /// <summary>Gets or initialises each figure's topic (<see langword="null"/> or blank for none); empty (the default) means no figure has one.</summary>
    public ReadOnlySpan<string?> Topics { get; init; }

    /// <summary>Gets or initialises each figure's source (<see langword="null"/> for none); empty (the default) means no figure has one.</summary>
    public ReadOnlySpan<FigureSource?> Sources { get; init; }

    /// <summary>Gets the number of figures (the length of <see cref="Committees"/>).</summary>
    public int Length => Committees.Length;

    /// <summary>Gets a row's qualifier (<see cref="Qualifier.Exact"/> when the column is empty).</summary>
    internal Qualifier QualifierAt(int row) => Qualifiers.IsEmpty ? Qualifier.Exact : Qualifiers[row];

    /// <summary>Gets a row's scope (<see cref="FigureScope.Committee"/> when the column is empty).</summary>
    internal FigureScope ScopeAt(int row) => Scopes.IsEmpty ? FigureScope.Committee : Scopes[row];

    /// <summary>Makes the <see cref="Figure"/> a row describes (an empty optional column gives its default).</summary>
    /// <param name="row">The row, from 0 to <see cref="Length"/> − 1.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="IndexOutOfRangeException">The row is outside the columns.</exception>
    /// <exception cref="ArgumentException">The row does not make a figure (as the <see cref="Figure"/> constructor says).</exception>
    public Figure ToFigure(int row) => new(
        Committees[row],
        Periods[row],
        Measures[row],
        Values[row],
        Units[row],
        QualifierAt(row),
        ScopeAt(row),
        Topics.IsEmpty ? null : Topics[row],
        Sources.IsEmpty ? null : Sources[row]);
}
