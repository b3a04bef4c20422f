using System.Collections.Generic;
using System.Globalization;

namespace Zhengxie.Metrics.Tests.Extraction.Scoring;

/// <summary>The result of scoring predicted figures against gold ones (figures with a value only, as the python scorer counts them).</summary>
/// <param name="Gold">The gold figures with a value.</param>
/// <param name="Predicted">The predicted figures with a value.</param>
/// <param name="Matched">The predicted figures matched to a gold one (same value and unit, overlapping quote).</param>
/// <param name="IndicatorAgreement">The matched pairs whose measure agrees.</param>
/// <param name="QualifierAgreement">The matched pairs whose qualifier is the same.</param>
/// <param name="Missed">One line per gold figure not matched.</param>
/// <param name="Extra">One line per predicted figure not matched.</param>
/// <param name="Mismatch">One line per matched pair whose measure disagrees.</param>
public sealed record ExtractionScore(
    int Gold,
    int Predicted,
    int Matched,
    int IndicatorAgreement,
    int QualifierAgreement,
    IReadOnlyList<string> Missed,
    IReadOnlyList<string> Extra,
    IReadOnlyList<string> Mismatch)
{
    /// <summary>Gets matched over predicted (0 when nothing is predicted).</summary>
    public double Precision => Predicted == 0 ? 0.0 : (double)Matched / Predicted;

    /// <summary>Gets matched over gold (0 when there is no gold figure).</summary>
    public double Recall => Gold == 0 ? 0.0 : (double)Matched / Gold;

    /// <summary>Gets the share of matched pairs whose measure agrees (0 when nothing matched).</summary>
    public double IndicatorRate => Matched == 0 ? 0.0 : (double)IndicatorAgreement / Matched;

    /// <summary>Gets the share of matched pairs whose qualifier agrees (0 when nothing matched).</summary>
    public double QualifierRate => Matched == 0 ? 0.0 : (double)QualifierAgreement / Matched;

    /// <summary>Returns the python scorer's summary line.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"figures: gold {Gold}, predicted {Predicted}, matched {Matched}; precision {Precision * 100:F1}%, recall {Recall * 100:F1}%; indicator agreement {IndicatorAgreement}/{Matched}, qualifier agreement {QualifierAgreement}/{Matched}");
}
