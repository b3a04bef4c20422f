using System;
using System.Collections.Generic;
using System.Linq;

namespace Zhengxie.Metrics.Validation;

/// <summary>
/// The checks shared by <see cref="FigureValidator"/> and <see cref="ProposalStatistics"/>: one figure's
/// value, and several figures with the same key. Equal problems give equal findings, so callers can
/// merge findings with <c>Distinct</c>.
/// </summary>
internal static class FigureChecks
{
    /// <summary>Checks one figure's value: a negative count, a count that is not whole, a stated rate outside 0..100 %.</summary>
    internal static ValidationFinding? CheckValue(Figure figure, out Bounds? bounds)
    {
        bounds = null;
        if (figure.Value is not { } value)
        {
            return null;
        }

        if (figure.Unit.IsPercent)
        {
            return value is < 0m or > 100m
                ? Finding(ValidationRule.RateOutOfRange, figure, $"the stated rate {figure.FormatAsReported()} is outside 0..100%.")
                : null;
        }

        if (value < 0m)
        {
            return Finding(ValidationRule.NegativeCount, figure, $"the count {figure.FormatAsReported()} is negative.");
        }

        try
        {
            bounds = figure.Bounds;
            return null;
        }
        catch (Exception e) when (e is ZhengxieMetricsException or OverflowException)
        {
            return Finding(ValidationRule.InvalidValue, figure, $"the value {figure.FormatAsReported()} does not stand for a whole count ({e.Message}).");
        }
    }

    /// <summary>
    /// Checks figures with the same committee, period, measure, scope and topic: identical figures
    /// collapse; figures in incompatible units give <see cref="ValidationRule.UnitMismatch"/>; any other
    /// difference gives <see cref="ValidationRule.ConflictingDuplicate"/>. Figures qualified 'all' are not
    /// compared (they are a constraint, not a value).
    /// </summary>
    internal static ValidationFinding? CheckDuplicates(IReadOnlyList<Figure> sameKey)
    {
        var distinct = sameKey.Where(f => f.Qualifier != Qualifier.All).Distinct().ToList();
        if (distinct.Count < 2)
        {
            return null;
        }

        var first = distinct[0];
        string values = string.Join(", ", distinct.Select(f => f.FormatAsReported()));
        var mismatched = distinct.FirstOrDefault(f => !UnitEquivalence.Default.AreEquivalent(first.Measure, f.Unit, first.Unit));
        return mismatched is not null
            ? Finding(ValidationRule.UnitMismatch, first, $"the measure is stated in units that do not add up ({values}).")
            : Finding(ValidationRule.ConflictingDuplicate, first, $"{DescribeKey(first)} is stated {distinct.Count} times with different values ({values}).");
    }

    internal static ValidationFinding Finding(ValidationRule rule, Figure figure, string message) =>
        Finding(rule, figure.Committee, figure.Period, figure.Measure, message);

    internal static ValidationFinding Finding(ValidationRule rule, Committee committee, ReportingPeriod period, Measure measure, string message) =>
        new(rule, message, committee, period, measure);

    private static string DescribeKey(Figure figure)
    {
        string scope = figure.Scope == FigureScope.RegionTotal ? "the region total" : "the committee figure";
        return figure.Topic is null ? scope : scope + " on topic '" + figure.Topic + "'";
    }
}
