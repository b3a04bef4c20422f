using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Rendering;

/// <summary>
/// A result table ready to render: a caption, columns, rows of cells (text with the numbers behind
/// it) and notes (the legend and rate formulas). Build one from a result with the <c>From</c> methods
/// (<see cref="From(IndicatorTable, TableRenderOptions?)"/>,
/// <see cref="From(ProposalStatisticsTable, TableRenderOptions?)"/>,
/// <see cref="From(RateDistribution, TableRenderOptions?)"/>), or directly; render it with
/// <see cref="TableRenderer"/> (text, Markdown, HTML) or the CSV writer of the Csv package.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> is the aligned plain-text table. In a .NET Interactive notebook the table
/// displays as HTML. Immutable and thread-safe.
/// </remarks>
[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed class ReportTable
{
    /// <summary>Creates a table.</summary>
    /// <param name="caption">The caption, or <see langword="null"/> for none.</param>
    /// <param name="columns">The columns.</param>
    /// <param name="rows">The rows; each has one cell per column.</param>
    /// <param name="notes">The legend and remarks shown under the table, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">There are no columns, two columns share a key, or a row has the wrong number of cells or a null cell.</exception>
    public ReportTable(string? caption, IEnumerable<ReportColumn> columns, IEnumerable<IEnumerable<ReportCell>> rows, IEnumerable<string>? notes = null)
    {
        Preconditions.CheckNotNull(columns);
        Preconditions.CheckNotNull(rows);
        var cols = columns.ToList();
        Preconditions.CheckArgument(cols.Count > 0 && cols.TrueForAll(c => c is not null), nameof(columns), "A table needs at least one column, and no column may be null.");
        Preconditions.CheckArgument(cols.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() == cols.Count, nameof(columns), "Two columns share a key.");
        var list = new List<ReadOnlyCollection<ReportCell>>();
        foreach (var row in rows)
        {
            Preconditions.CheckArgument(row is not null, nameof(rows), "A row is null.");
            var cells = row.ToList();
            Preconditions.CheckArgument(
                cells.Count == cols.Count && cells.TrueForAll(c => c is not null),
                nameof(rows),
                string.Create(CultureInfo.InvariantCulture, $"Row {list.Count} has {cells.Count} cells for {cols.Count} columns, or a null cell."));
            list.Add(cells.AsReadOnly());
        }

        Caption = caption;
        Columns = cols.AsReadOnly();
        Rows = list.ConvertAll(r => (IReadOnlyList<ReportCell>)r).AsReadOnly();
        Notes = (notes ?? []).Select(n => n ?? throw new ArgumentException("A note is null.", nameof(notes))).ToList().AsReadOnly();
    }

    /// <summary>Gets the caption, or <see langword="null"/>.</summary>
    public string? Caption { get; }

    /// <summary>Gets the columns.</summary>
    public IReadOnlyList<ReportColumn> Columns { get; }

    /// <summary>Gets the rows, each with one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<ReportCell>> Rows { get; }

    /// <summary>Gets the legend and remarks shown under the table.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// Builds the table of an aggregation: the group's code and name, the period, the number of
    /// committees in the group, then one column per count measure (the sum) and per rate (pooled, with
    /// its fraction), with the coverage of each cell (<see cref="TableRenderOptions.ShowCoverage"/>).
    /// </summary>
    /// <remarks>
    /// A sum of qualified figures prints as its bounds (<c>101..199</c>): sums have no wording as
    /// reported. A missing value prints <c>-</c> (never 0).
    /// </remarks>
    /// <param name="table">The aggregation's result.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="TableRenderOptions.Default"/>.</param>
    /// <returns>The table.</returns>
    public static ReportTable From(IndicatorTable table, TableRenderOptions? options = null) =>
        ReportTableBuilder.FromIndicatorTable(Preconditions.CheckNotNull(table), options ?? TableRenderOptions.Default);

    /// <summary>
    /// Builds the table of proposal statistics: one row per committee and period with the counts
    /// (received, filed, replied, outcomes A and B by default) and the rates, each with its fraction.
    /// When the statistics were built from figures, a count stated as 「全部」 shows <c>221 (全部)</c>, a
    /// qualified count shows as reported (<c>100余</c>), a count implied by a stated rate shows
    /// <c>278 (implied)</c>, and a rate stated without counts shows <c>100% (stated)</c>.
    /// </summary>
    /// <param name="statistics">The statistics.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="TableRenderOptions.Default"/>.</param>
    /// <returns>The table.</returns>
    public static ReportTable From(ProposalStatisticsTable statistics, TableRenderOptions? options = null) =>
        ReportTableBuilder.FromStatistics(Preconditions.CheckNotNull(statistics), options ?? TableRenderOptions.Default);

    /// <summary>
    /// Builds the table of a rate's distribution across a group: one row per committee in rank order
    /// with its rate, and the unweighted mean and median, the excluded committees and the group's size in
    /// the notes.
    /// </summary>
    /// <param name="distribution">The distribution.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="TableRenderOptions.Default"/>.</param>
    /// <returns>The table.</returns>
    public static ReportTable From(RateDistribution distribution, TableRenderOptions? options = null) =>
        ReportTableBuilder.FromDistribution(Preconditions.CheckNotNull(distribution), options ?? TableRenderOptions.Default);

    /// <summary>Returns the aligned plain-text table (see <see cref="TableRenderer.ToText(ReportTable)"/>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => TableRenderer.ToText(this);
}
