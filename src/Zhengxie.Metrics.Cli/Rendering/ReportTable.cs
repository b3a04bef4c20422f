using System.Collections.Generic;

namespace Zhengxie.Metrics.Cli.Rendering;

/// <summary>What a column holds, for alignment and machine-readable output.</summary>
internal enum ColumnKind
{
    /// <summary>Text, left-aligned.</summary>
    Text = 0,

    /// <summary>A count, right-aligned.</summary>
    Count = 1,

    /// <summary>A rate with its fraction, right-aligned.</summary>
    Rate = 2,
}

/// <summary>A column of a <see cref="ReportTable"/>.</summary>
/// <param name="Key">The stable key used in CSV and JSON (<c>committee</c>, <c>proposals.filed</c>, <c>rate.reply</c>).</param>
/// <param name="Header">The header shown in tables (立案率).</param>
/// <param name="Kind">What the column holds.</param>
internal sealed record ReportColumn(string Key, string Header, ColumnKind Kind);

/// <summary>
/// One cell: its display text and, for counts and rates, the numbers behind it. A missing value is
/// <see cref="Missing"/> (empty text, no numbers).
/// </summary>
/// <param name="Text">The text as shown (<c>98.9% (176/178)</c>, <c>100余</c>, <c>100% (stated)</c>), empty when missing.</param>
/// <param name="Count">The count's bounds, for count cells.</param>
/// <param name="Rate">The computed rate, for rate cells.</param>
/// <param name="StatedPercent">The percentage a report states, for a rate cell without counts.</param>
/// <param name="Coverage">For aggregated cells: how many committees contributed.</param>
internal sealed record ReportCell(string Text, Bounds? Count = null, Rate? Rate = null, decimal? StatedPercent = null, int? Coverage = null)
{
    /// <summary>Gets the empty cell.</summary>
    public static ReportCell Missing { get; } = new(string.Empty);

    /// <summary>Gets a value indicating whether the cell has no value.</summary>
    public bool IsMissing => Text.Length == 0;

    /// <summary>Returns a plain text cell.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cell.</returns>
    public static ReportCell OfText(string text) => new(text);
}

/// <summary>The rows of a report, each the cells of the <see cref="Columns"/> in order, with notes shown under the table.</summary>
/// <param name="Title">The title.</param>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows; each has one cell per column.</param>
/// <param name="Notes">Legend and remarks, shown under the table (not in CSV).</param>
internal sealed record ReportTable(string Title, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows, IReadOnlyList<string> Notes);
