using System;
using Zhengxie.Metrics.Extraction;

namespace Zhengxie.Metrics.Tests.Extraction.Scoring;

/// <summary>
/// One figure of a gold annotation or of a prediction, in the scorer's format
/// (<c>../shared/tools/score_extraction.py</c>): the measure identifier, the value as printed
/// (<see langword="null"/> for <c>all</c> without a count), the unit as printed, the qualifier word,
/// the verbatim quote, the scope word (<c>committee</c> or <c>region_total</c>) and the topic.
/// </summary>
/// <param name="Indicator">The measure identifier, such as <c>proposals.filed</c>.</param>
/// <param name="Value">The number as printed, or <see langword="null"/>.</param>
/// <param name="Unit">The unit as printed (件, 次, 场次, 万元, %, ...).</param>
/// <param name="Qualifier">The qualifier word (<c>exact</c>, <c>more_than</c>, ...).</param>
/// <param name="Quote">The verbatim clause the figure comes from.</param>
/// <param name="Scope">The scope word, when given.</param>
/// <param name="Topic">The occasion or subject the figure belongs to, when it has one.</param>
public sealed record GoldFigure(
    string Indicator,
    decimal? Value,
    string Unit,
    string Qualifier,
    string Quote,
    string? Scope = null,
    string? Topic = null)
{
    /// <summary>Writes an extracted figure in the scorer's format (identifier, value, unit symbol, qualifier and scope words, quote, topic).</summary>
    /// <param name="figure">The extracted figure.</param>
    /// <returns>The figure to score.</returns>
    public static GoldFigure From(ExtractedFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return new GoldFigure(
            figure.Measure.Id,
            figure.Value,
            figure.Unit.Symbol,
            QualifierText.ToWord(figure.Qualifier),
            figure.Quote,
            QualifierText.ToWord(figure.Scope),
            figure.Topic);
    }
}
