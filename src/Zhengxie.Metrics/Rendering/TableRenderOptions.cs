using System.Collections.Generic;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Rendering;

/// <summary>
/// How a result table is turned into a <see cref="ReportTable"/> and rendered: header language, decimals
/// and rounding of percentages, whether a rate shows its fraction and its coverage, the caption, and
/// which columns and rows are kept. Every number is formatted with the invariant culture whatever the
/// options.
/// </summary>
/// <remarks>Immutable and thread-safe; change a copy with <c>with</c>: <c>TableRenderOptions.Default with { Decimals = 2 }</c>.</remarks>
public sealed record TableRenderOptions
{
    private readonly int decimals = 1;
    private readonly PercentRounding percentRounding = PercentRounding.HalfUp;

    /// <summary>Gets the defaults: Chinese headers, one decimal rounded half-up, fractions and coverage shown, empty rows and columns left out, notes shown.</summary>
    public static TableRenderOptions Default { get; } = new();

    /// <summary>Gets the language of the column headers; <see cref="Rendering.HeaderLanguage.Chinese"/> by default.</summary>
    public HeaderLanguage HeaderLanguage { get; init; } = HeaderLanguage.Chinese;

    /// <summary>Gets the number of digits after the decimal point of percentages and other non-whole numbers, 0 to 10; 1 by default.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is outside 0..10.</exception>
    public int Decimals
    {
        get => decimals;
        init
        {
            Preconditions.CheckArgumentRange(value is >= 0 and <= 10, value, "Decimals must be from 0 to 10.");
            decimals = value;
        }
    }

    /// <summary>Gets how percentages are cut to <see cref="Decimals"/>: <see cref="PercentRounding.HalfUp"/> (the default) or <see cref="PercentRounding.Truncate"/>.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is <see cref="PercentRounding.HalfUpOrTruncate"/> or undefined.</exception>
    public PercentRounding PercentRounding
    {
        get => percentRounding;
        init
        {
            Preconditions.CheckArgumentRange(value is PercentRounding.HalfUp or PercentRounding.Truncate, value, "Formatting needs one rounding convention: HalfUp or Truncate.");
            percentRounding = value;
        }
    }

    /// <summary>Gets a value indicating whether a rate shows its fraction after the percentage (<c>98.9% (176/178)</c>); <see langword="true"/> by default.</summary>
    public bool ShowFraction { get; init; } = true;

    /// <summary>
    /// Gets a value indicating whether an aggregated cell shows its coverage when fewer committees
    /// contributed than the group holds (<c>1234 n=9/10</c>); <see langword="true"/> by default. A cell
    /// without the mark had every committee of its group contribute.
    /// </summary>
    public bool ShowCoverage { get; init; } = true;

    /// <summary>Gets the caption (the title above the table), or <see langword="null"/> for the table's own default caption.</summary>
    public string? Caption { get; init; }

    /// <summary>Gets a value indicating whether the legend and the rate formulas are shown under the table; <see langword="true"/> by default.</summary>
    public bool ShowNotes { get; init; } = true;

    /// <summary>Gets a value indicating whether rows where no committee contributed to any column are left out (a roll-up over the whole region table has a row for every prefecture); <see langword="true"/> by default.</summary>
    public bool OmitEmptyRows { get; init; } = true;

    /// <summary>Gets a value indicating whether count and rate columns without a value in any row are left out; <see langword="true"/> by default.</summary>
    public bool OmitEmptyColumns { get; init; } = true;

    /// <summary>
    /// Gets the count measures shown, in order, or <see langword="null"/> for the defaults: every measure
    /// column of an indicator table; received, filed, replied, outcome A and outcome B for proposal statistics.
    /// </summary>
    public IReadOnlyList<Measure>? Measures { get; init; }

    /// <summary>
    /// Gets the rates shown, in order, matched by identifier, or <see langword="null"/> for the defaults:
    /// every rate column of an indicator table; <see cref="RateDefinition.Standard"/> for proposal statistics.
    /// </summary>
    public IReadOnlyList<RateDefinition>? Rates { get; init; }

    /// <summary>Gets the catalog the measure and rate headers come from; <see cref="MeasureCatalog.Default"/> when <see langword="null"/>.</summary>
    public MeasureCatalog? Catalog { get; init; }

    /// <summary>Gets the region table committee names come from; <see cref="RegionTable.Default"/> when <see langword="null"/>.</summary>
    public RegionTable? Regions { get; init; }
}
