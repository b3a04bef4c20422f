using System;
using System.Collections.Generic;
using System.Linq;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Aggregation;

/// <content>The dataset's count columns from the cells, the full analysis of a committee-period, and the findings' text.</content>
public sealed partial class FigureDatasetBuilder
{
    /// <summary>
    /// Turns one committee's proposal and social-conditions figures of one period and scope (no topic) into count
    /// cells through the same analysis as <see cref="ProposalStatistics.FromFigures(IEnumerable{Figure}, out IReadOnlyList{ValidationFinding})"/>
    /// (so the validator, the statistics and the dataset apply the same rules): 「全部办复」 takes the value of its
    /// denominator, a stated rate implies its numerator where exactly one whole number fits (78.5 % of 354 ⇒ 278 filed)
    /// under the formula variant it fits, bounds narrow through the chain received ≥ filed ≥ replied and submitted ≥
    /// adopted (「300余条」 submitted with 350 adopted is 350..399), and every problem becomes a finding. A source
    /// inconsistency keeps the figures as published, but the part of a broken relation (filed 20 of 10 received) gives
    /// no cell, so nothing pooled ever has a numerator above its denominator.
    /// </summary>
    /// <param name="figures">The committee's proposal-family, social-conditions and rate figures of one period and one scope.</param>
    /// <param name="findings">Where the analysis's findings go.</param>
    /// <param name="strict">Whether source inconsistencies are errors.</param>
    /// <returns>Each count cell: the figure it comes from (for implied counts, one that records where they were implied from), its measure and its bounds.</returns>
    internal static IEnumerable<(Figure Figure, Measure Measure, Bounds Bounds)> ProposalCountCells(IReadOnlyList<Figure> figures, List<ValidationFinding> findings, bool strict = false)
    {
        var statistics = ProposalStatistics.Build(figures[0].Committee, figures[0].Period, figures, strict, out var analysisFindings);

        // A 「全部」 figure whose denominator the committee does not state is no error: it stays in the
        // dataset (GetFigures) and gives no count, as missing is not zero. Every other finding counts.
        findings.AddRange(analysisFindings.Where(f => f.Rule != ValidationRule.MissingDenominator));
        var cells = new List<(Figure, Measure, Bounds)>(statistics.Counts.Count);
        foreach (var (measure, bounds) in statistics.Counts)
        {
            if (statistics.IsContradictedPart(measure))
            {
                continue;
            }

            var stated = figures.FirstOrDefault(f => f.Measure == measure && !f.Measure.IsRate && f.Value is not null);
            if (stated is null)
            {
                // Implied by a stated rate or 「全部」: record the count as exact, in the unit the committee's counts of that family are in.
                var rate = figures.FirstOrDefault(f => f.Measure.IsRate) ?? figures[0];
                var unit = figures.FirstOrDefault(f => !f.Measure.IsRate && f.Measure.Family == measure.Family)?.Unit ?? FigureUnit.Piece;
                stated = new Figure(rate.Committee, rate.Period, measure, bounds.IsExact ? bounds.Lower : null, unit, bounds.IsExact ? Qualifier.Exact : Qualifier.All, rate.Scope, source: rate.Source);
            }

            cells.Add((stated, measure, bounds));
        }

        return cells;
    }

    private static int CompareFindings(ValidationFinding a, ValidationFinding b)
    {
        int c = Nullable.Compare(a.Committee, b.Committee);
        if (c == 0)
        {
            c = Nullable.Compare(a.Period, b.Period);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Measure?.Id, b.Measure?.Id);
        }

        if (c == 0)
        {
            c = a.Rule.CompareTo(b.Rule);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }

    private static string QualifierNote(Figure f) => f.Qualifier == Qualifier.Exact ? string.Empty : " (" + QualifierText.ToWord(f.Qualifier) + ")";

    private static string Describe(FigureKey key) =>
        $"Committee {key.Committee}, period {key.Period}, measure {key.Measure}"
        + (key.Scope == FigureScope.RegionTotal ? " (region_total)" : string.Empty)
        + (key.Topic is null ? string.Empty : " [" + key.Topic + "]");
}
