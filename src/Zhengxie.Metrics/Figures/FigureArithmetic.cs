using System.Collections.Generic;
using System.Globalization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// Arithmetic on qualified figures: sums carry the bounds of their parts (interval arithmetic, in base
/// units), and figures of different units refuse to add.
/// </summary>
public static class FigureArithmetic
{
    /// <summary>
    /// Sums the <see cref="Figure.Bounds"/> of <paramref name="figures"/> in their common base unit (元
    /// for 万元 and 元 alike): 「30余条」 + 「12条」 + 「50余条」 is 93..111 条. The sum of none is
    /// <see cref="Bounds.Zero"/>. Overflow is checked.
    /// </summary>
    /// <remarks>
    /// Whether the figures may be added at all (a topic figure with its committee's total, a region total
    /// with its own parts) is the caller's decision; this method only refuses what can never add up.
    /// </remarks>
    /// <param name="figures">The figures; every one has a value (not <see cref="Qualifier.All"/> or <see cref="Qualifier.PercentReported"/>).</param>
    /// <returns>The bounds of the sum, in the base unit of the figures (<see cref="FigureUnit.BaseUnit"/>).</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="figures"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="figures"/> contains null.</exception>
    /// <exception cref="UnitMismatchException">Two figures are in units of different things (件 and 次).</exception>
    /// <exception cref="ZhengxieMetricsException">A figure has no bounds of its own (<c>all</c>, <c>percent_reported</c>), or its value is bad (see <see cref="Figure.Bounds"/>).</exception>
    /// <exception cref="System.OverflowException">The sum does not fit in a 64-bit count.</exception>
    public static Bounds SumBounds(IEnumerable<Figure> figures)
    {
        Preconditions.CheckNotNull(figures);
        Figure? first = null;
        var total = Bounds.Zero;
        foreach (var figure in figures)
        {
            Preconditions.CheckArgument(figure is not null, nameof(figures), "The sequence of figures contains null.");
            if (figure.Bounds is not { } bounds)
            {
                throw new ZhengxieMetricsException(FigureBounds.Describe(figure) + $": a figure qualified '{QualifierText.ToWord(figure.Qualifier)}' has no bounds of its own and cannot be summed ({figure}).");
            }

            if (first is null)
            {
                first = figure;
            }
            else if (!first.Unit.IsCompatibleWith(figure.Unit))
            {
                throw new UnitMismatchException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Figures of different units never add up: '{first}' is in {first.Unit.Symbol} and '{figure}' is in {figure.Unit.Symbol}."));
            }

            total += bounds;
        }

        return total;
    }
}
