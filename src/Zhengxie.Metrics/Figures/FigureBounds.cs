using System;
using System.Globalization;

namespace Zhengxie.Metrics;

/// <summary>The qualifier rules of docs/domain.md, turning a printed number into the whole base-unit values it can stand for.</summary>
internal static class FigureBounds
{
    internal static Bounds Of(Figure figure)
    {
        decimal printed = figure.Value!.Value;
        int scale = figure.Unit.Scale;
        if (printed < 0)
        {
            throw new ZhengxieMetricsException(Describe(figure) + $": the value {printed.ToString(CultureInfo.InvariantCulture)} is negative; counts are never negative.");
        }

        decimal value = checked(printed * scale);
        if (figure.Qualifier is Qualifier.Exact or Qualifier.All)
        {
            return Bounds.Exactly(ToWhole(value, figure));
        }

        if (figure.Qualifier == Qualifier.AtLeast)
        {
            return Bounds.AtLeast(ToLong(Math.Ceiling(value), figure));
        }

        if (printed == 0)
        {
            throw new ZhengxieMetricsException(Describe(figure) + $": a value of 0 cannot be qualified '{QualifierText.ToWord(figure.Qualifier)}'.");
        }

        decimal unit = checked(LastDigitUnit(printed) * scale);
        return figure.Qualifier switch
        {
            // Strictly between N and N + unit: 100余 → 101..199.
            Qualifier.MoreThan => Between(Math.Floor(value) + 1, Math.Ceiling(value + unit) - 1, figure),

            // Strictly between N − unit and N: 近330 → 321..329; 近330万元 → 3,200,001..3,299,999 元.
            Qualifier.Nearly => Between(Math.Floor(value - unit) + 1, Math.Ceiling(value) - 1, figure),

            // Half a unit either side, inclusive: 约100 → 50..150. The unit never exceeds N, so the lower end stays above zero.
            Qualifier.About => Between(Math.Ceiling(value - (unit / 2)), Math.Floor(value + (unit / 2)), figure),
            _ => throw new InvalidOperationException("Unreachable qualifier."),
        };
    }

    /// <summary>The unit of the last non-zero digit: 100 → 100, 330 → 10, 5300 → 100, 1.5 → 0.1.</summary>
    internal static decimal LastDigitUnit(decimal printed)
    {
        decimal v = Math.Abs(printed);
        decimal unit = 1m;
        if (v == decimal.Truncate(v))
        {
            while (v >= 10m && v % 10m == 0m)
            {
                v /= 10m;
                unit *= 10m;
            }

            return unit;
        }

        while (v != decimal.Truncate(v))
        {
            v *= 10m;
            unit /= 10m;
        }

        return unit;
    }

    private static Bounds Between(decimal lower, decimal upper, Figure figure)
    {
        if (upper < lower)
        {
            // 「2.5余个」「近1次」「约2.5个」: no whole number of base units fits the reading; bad data, never rounded into one.
            throw new ZhengxieMetricsException(
                Describe(figure) + $": no whole number of {figure.Unit.BaseSymbol} fits '{figure.FormatAsReported()}' (qualifier '{QualifierText.ToWord(figure.Qualifier)}').");
        }

        return Metrics.Bounds.Between(ToLong(lower, figure), ToLong(upper, figure));
    }

    private static long ToWhole(decimal value, Figure figure)
    {
        if (value != decimal.Truncate(value))
        {
            throw new ZhengxieMetricsException(Describe(figure) + $": the exact value {value.ToString(CultureInfo.InvariantCulture)} {figure.Unit.BaseSymbol} is not a whole number.");
        }

        return ToLong(value, figure);
    }

    private static long ToLong(decimal value, Figure figure)
    {
        if (value > long.MaxValue)
        {
            throw new OverflowException(Describe(figure) + ": the value does not fit in a 64-bit count.");
        }

        return (long)value;
    }

    internal static string Describe(Figure figure) =>
        string.Create(CultureInfo.InvariantCulture, $"Committee {figure.Committee}, period {figure.Period}, measure {figure.Measure}");
}
