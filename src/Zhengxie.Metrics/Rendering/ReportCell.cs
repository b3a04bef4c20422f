using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Rendering;

/// <summary>
/// One cell of a <see cref="ReportTable"/>: the text people see and the numbers behind it, so a table
/// can be rendered for people (text, Markdown, HTML) and for machines (CSV, JSON) from one model. A
/// missing value is <see cref="Missing"/>: empty text and no numbers, never 0.
/// </summary>
/// <remarks>
/// <para>A count cell keeps its <see cref="Count"/> bounds whatever its text says: a qualified figure shows
/// as reported (<c>100余</c>) with its bounds 101..199 here. A rate cell keeps its <see cref="Rate"/>
/// (numerator and denominator). An aggregated cell keeps how many committees contributed and how many
/// are in its group.</para>
/// <para>Equality compares every field. Immutable and thread-safe.</para>
/// </remarks>
/// <param name="Text">The text as shown (<c>98.9% (176/178)</c>, <c>100余</c>, <c>221 (全部)</c>); empty when missing.</param>
public sealed record ReportCell(string Text)
{
    private readonly string text = Preconditions.CheckNotNull(Text);

    /// <summary>Gets the empty cell (a missing value).</summary>
    public static ReportCell Missing { get; } = new(string.Empty);

    /// <summary>Gets the text as shown; empty when the value is missing.</summary>
    public string Text
    {
        get => text;
        init => text = Preconditions.CheckNotNull(value);
    }

    /// <summary>Gets a value indicating whether the cell has no value.</summary>
    public bool IsMissing => text.Length == 0;

    /// <summary>Gets the count (exact, or the bounds of a qualified figure or of a sum of them), for count cells.</summary>
    public Bounds? Count { get; init; }

    /// <summary>Gets the rate with its numerator and denominator, for rate cells that have counts.</summary>
    public Rate? Rate { get; init; }

    /// <summary>Gets the percentage a report states for a rate without the counts behind it (乌当's 满意率 100), else <see langword="null"/>.</summary>
    public decimal? StatedPercent { get; init; }

    /// <summary>Gets the number behind a <see cref="ReportColumnKind.Number"/> cell (a mean, a rank), else <see langword="null"/>.</summary>
    public decimal? Number { get; init; }

    /// <summary>Gets how many committees contributed, for aggregated cells.</summary>
    public int? Contributors { get; init; }

    /// <summary>Gets how many committees the cell's group holds, for aggregated cells.</summary>
    public int? GroupSize { get; init; }

    /// <summary>Returns a plain text cell.</summary>
    /// <param name="text">The text; empty for a missing value.</param>
    /// <returns>The cell.</returns>
    public static ReportCell OfText(string text) => new(text);

    /// <summary>Returns the text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => text;
}
