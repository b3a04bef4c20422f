using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Zhengxie.Metrics.Tests.Extraction.Scoring;

/// <summary>
/// Scores predicted figures against gold ones with exactly the rules of <c>../shared/tools/score_extraction.py</c>:
/// texts and quotes NFKC-normalised; figures without a value skipped on both sides; for each gold figure in order,
/// the first unused predicted figure whose value agrees within 1e-6, whose unit agrees (场次 = 场, 篇次 = 篇) and
/// whose quote occurs somewhere in the text overlapping an occurrence of the gold quote is its match (greedy).
/// On matched pairs the measure agrees by <see cref="IndicatorAgrees"/> and the qualifier by equality.
/// </summary>
public static class ExtractionScorer
{
    private static readonly Dictionary<string, string[]> Gold2Lib = new(StringComparer.Ordinal)
    {
        ["Received"] = ["proposals.received"],
        ["Filed"] = ["proposals.filed"],
        ["NotFiled"] = ["proposals.not_filed"],
        ["ConvertedToOpinion"] = ["proposals.converted_to_opinion", "proposals.not_filed"],
        ["Merged"] = ["proposals.merged"],
        ["FiledAfterMerge"] = ["proposals.cases"],
        ["Assigned"] = ["proposals.assigned", "proposals.cases"],
        ["Replied"] = ["proposals.replied"],
        ["Concluded"] = ["proposals.concluded"],
        ["AdoptedOrResolved"] = ["proposals.outcome_a"],
        ["InProgressOrPlanned"] = ["proposals.outcome_b"],
        ["ForReference"] = ["proposals.outcome_c"],
        ["Satisfied"] = ["proposals.satisfied"],
        ["VerySatisfied"] = ["proposals.very_satisfied"],
        ["Dissatisfied"] = ["proposals.dissatisfied"],
        ["SatisfiedOrBasically"] = ["proposals.satisfied_or_basically"],
        ["KeyProposals"] = ["proposals.key"],
        ["CollectiveProposals"] = ["proposals.collective", "proposals.by_parties"],
        ["MemberProposals"] = ["proposals.by_members"],
        ["IndividualProposals"] = ["proposals.individual"],
        ["JointProposals"] = ["proposals.joint"],
        ["HandlingUnits"] = ["proposals.handling_units"],
        ["ExcellentProposals"] = ["proposals.excellent"],
        ["ProposerCount"] = ["proposals.proposers"],
        ["FilingRate"] = ["rate.acceptance"],
        ["ReplyRate"] = ["rate.reply"],
        ["ConclusionRate"] = ["rate.conclusion"],
        ["SatisfactionRate"] = ["rate.satisfaction"],
        ["AdoptionRate"] = ["rate.adoption", "rate.adoption_including_planned", "rate.resolution_adoption"],
        ["MeetingRate"] = ["rate.meeting"],
        ["FeedbackSolicitationRate"] = ["rate.feedback_solicitation"],
        ["SocialInfoCollected"] = ["opinion_info.collected"],
        ["SocialInfoSubmitted"] = ["opinion_info.submitted"],
        ["SocialInfoIssues"] = ["opinion_info.issues"],
        ["LeaderInstructions"] = ["opinion_info.leader_instructions", "special_reports.leader_instructions"],
    };

    private static readonly Dictionary<string, string> UnitAliases = new(StringComparer.Ordinal)
    {
        ["场次"] = "场",
        ["篇次"] = "篇",
    };

    private static readonly Dictionary<string, string> Share2Rate = new(StringComparer.Ordinal)
    {
        ["proposals.filed"] = "rate.acceptance",
        ["proposals.replied"] = "rate.reply",
        ["proposals.concluded"] = "rate.conclusion",
        ["proposals.outcome_a"] = "rate.adoption",
        ["proposals.satisfied_or_basically"] = "rate.satisfaction",
        ["proposals.satisfied"] = "rate.satisfaction",
    };

    private static readonly string[] ActivityFamilies = ["activity.", "output.", "venues."];

    /// <summary>Scores the predicted figures of each report against its gold figures (breakdowns are not scored, as in the python scorer).</summary>
    /// <param name="reports">Each gold report with the figures predicted for it.</param>
    /// <returns>The counts, rates and lines of what was missed, extra or named differently.</returns>
    public static ExtractionScore Score(IEnumerable<(GoldReport Gold, IReadOnlyList<GoldFigure> Predicted)> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        int gold = 0, predicted = 0, matched = 0, indicatorOk = 0, qualifierOk = 0;
        var missed = new List<string>();
        var extra = new List<string>();
        var mismatch = new List<string>();
        foreach (var (report, predictions) in reports)
        {
            string text = Normalize(report.Text);
            var gf = report.Figures.Where(f => f.Value is not null).ToList();
            var pf = (predictions ?? Array.Empty<GoldFigure>()).Where(f => f.Value is not null).ToList();
            gold += gf.Count;
            predicted += pf.Count;
            var used = new bool[pf.Count];
            foreach (var g in gf)
            {
                var goldSpans = Spans(text, g.Quote);
                int hit = -1;
                for (int j = 0; j < pf.Count; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    var p = pf[j];
                    if (Math.Abs((double)p.Value!.Value - (double)g.Value!.Value) > 1e-6)
                    {
                        continue;
                    }

                    if (!string.Equals(Unit(p.Unit), Unit(g.Unit), StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var predictedSpans = Spans(text, p.Quote);
                    if (goldSpans.Any(a => predictedSpans.Any(b => Overlaps(a, b))))
                    {
                        hit = j;
                        break;
                    }
                }

                if (hit < 0)
                {
                    missed.Add($"missed {report.Id}: {Describe(g)}");
                    continue;
                }

                used[hit] = true;
                matched++;
                var match = pf[hit];
                bool indicatorAgrees = IndicatorAgrees(g.Indicator, match.Indicator ?? string.Empty, g.Unit);
                indicatorOk += indicatorAgrees ? 1 : 0;
                qualifierOk += string.Equals(match.Qualifier, g.Qualifier, StringComparison.Ordinal) ? 1 : 0;
                if (!indicatorAgrees)
                {
                    mismatch.Add($"indicator {report.Id}: gold {g.Indicator} pred {match.Indicator} «{g.Quote}»");
                }
            }

            for (int j = 0; j < pf.Count; j++)
            {
                if (!used[j])
                {
                    extra.Add($"extra {report.Id}: {Describe(pf[j])}");
                }
            }
        }

        return new ExtractionScore(gold, predicted, matched, indicatorOk, qualifierOk, missed, extra, mismatch);
    }

    /// <summary>
    /// Whether a predicted measure agrees with a gold one: the same identifier (or one the glossary name maps to);
    /// any <c>activity.</c>/<c>output.</c>/<c>venues.</c> identifier of the same family for a gold one of those
    /// families (any of them for a gold <c>activity:...</c>); and for a gold share in %, <c>share.</c> plus the
    /// count's identifier or the rate whose formula the share is.
    /// </summary>
    /// <param name="goldIndicator">The gold measure.</param>
    /// <param name="predictedIndicator">The predicted measure.</param>
    /// <param name="goldUnit">The gold unit.</param>
    /// <returns>Whether they agree.</returns>
    public static bool IndicatorAgrees(string goldIndicator, string predictedIndicator, string? goldUnit)
    {
        ArgumentNullException.ThrowIfNull(goldIndicator);
        ArgumentNullException.ThrowIfNull(predictedIndicator);
        if (goldIndicator.StartsWith("activity:", StringComparison.Ordinal))
        {
            return IsActivityFamily(predictedIndicator);
        }

        string[] wanted = Gold2Lib.TryGetValue(goldIndicator, out var mapped) ? mapped : [goldIndicator];
        if (wanted.Contains(predictedIndicator, StringComparer.Ordinal))
        {
            return true;
        }

        if (IsActivityFamily(goldIndicator) && IsActivityFamily(predictedIndicator))
        {
            return string.Equals(goldIndicator.Split('.')[0], predictedIndicator.Split('.')[0], StringComparison.Ordinal);
        }

        if (string.Equals(Unit(goldUnit), "%", StringComparison.Ordinal))
        {
            return wanted.Any(w => string.Equals(predictedIndicator, "share." + w, StringComparison.Ordinal)
                || (Share2Rate.TryGetValue(w, out var rate) && string.Equals(predictedIndicator, rate, StringComparison.Ordinal)));
        }

        return false;
    }

    /// <summary>NFKC, as the python scorer normalises texts and quotes (<see langword="null"/> reads as empty).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The normalised text.</returns>
    public static string Normalize(string? s) => (s ?? string.Empty).Normalize(NormalizationForm.FormKC);

    /// <summary>The unit the scorer compares: NFKC, then 场次 → 场 and 篇次 → 篇.</summary>
    /// <param name="unit">The unit as printed.</param>
    /// <returns>The unit compared.</returns>
    public static string Unit(string? unit)
    {
        string u = Normalize(unit);
        return UnitAliases.TryGetValue(u, out var alias) ? alias : u;
    }

    /// <summary>Every place (start, end) where the NFKC form of <paramref name="quote"/> occurs in <paramref name="normalizedText"/>, overlapping ones included.</summary>
    /// <param name="normalizedText">The NFKC text.</param>
    /// <param name="quote">The quote.</param>
    /// <returns>The spans; none for an empty quote.</returns>
    public static IReadOnlyList<(int Start, int End)> Spans(string normalizedText, string? quote)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        var spans = new List<(int Start, int End)>();
        string q = Normalize(quote);
        if (q.Length == 0)
        {
            return spans;
        }

        for (int i = normalizedText.IndexOf(q, StringComparison.Ordinal); i >= 0; i = normalizedText.IndexOf(q, i + 1, StringComparison.Ordinal))
        {
            spans.Add((i, i + q.Length));
        }

        return spans;
    }

    private static bool Overlaps((int Start, int End) a, (int Start, int End) b) => a.Start < b.End && b.Start < a.End;

    private static bool IsActivityFamily(string indicator) => ActivityFamilies.Any(f => indicator.StartsWith(f, StringComparison.Ordinal));

    private static string Describe(GoldFigure f) => string.Create(
        CultureInfo.InvariantCulture,
        $"{f.Indicator} {f.Value}{f.Unit} «{f.Quote}»");
}
