using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Zhengxie.Metrics.Validation;

/// <content>The propagation of counts through 「全部」, the chain and stated rates.</content>
internal static partial class ProposalFigureAnalysis
{
    /// <summary>One run of the rules over one set of counts.</summary>
    private sealed class State(Committee committee, ReportingPeriod period, List<ValidationFinding> findings)
    {
        private readonly HashSet<object> broken = [];
        private readonly List<(HashSet<Measure> Parts, Measure Whole)> brokenLinks = [];

        internal HashSet<Measure> Contradicted { get; } = [];

        internal HashSet<Measure> Involved { get; } = [];

        internal HashSet<Measure> InconsistentRates { get; } = [];

        /// <summary>Applies the rules until nothing changes; each broken relation is reported once and then left alone.</summary>
        internal void Propagate(Dictionary<Measure, Bounds> counts, List<Measure> all, List<(Figure Figure, RateDefinition Definition)> rates)
        {
            for (int round = 0; round < 64; round++)
            {
                bool changed = false;

                // 「全部」: the count equals its denominator.
                foreach (var m in all)
                {
                    var den = AllDenominators[m];
                    if (broken.Contains(m))
                    {
                        continue;
                    }

                    if (!counts.TryGetValue(den, out var whole))
                    {
                        if (counts.TryGetValue(m, out var stated))
                        {
                            // 「121件提案已全部办复」 stated as replied 121: the denominator is the same count.
                            counts[den] = stated;
                            changed = true;
                        }

                        continue;
                    }

                    if (!counts.TryGetValue(m, out var part))
                    {
                        counts[m] = whole;
                        changed = true;
                        continue;
                    }

                    if (!part.TryIntersect(whole, out var both))
                    {
                        Break(m, [], m, den, ValidationRule.AllContradictsDenominator, string.Create(CultureInfo.InvariantCulture, $"the figure is stated as 'all' (全部) at {m} = {part}, but the {den} it refers to = {whole}."));
                        continue;
                    }

                    changed |= Set(counts, m, both) | Set(counts, den, both);
                }

                // The chain: parts ≤ whole.
                foreach (var c in Chain)
                {
                    if (broken.Contains(c) || !counts.TryGetValue(c.Whole, out var whole))
                    {
                        continue;
                    }

                    var present = c.Parts.Where(counts.ContainsKey).ToList();
                    if (present.Count == 0)
                    {
                        continue;
                    }

                    // Summed in 128 bits: parts near 2^63 are a finding (they exceed any 64-bit whole), not an OverflowException.
                    Int128 exactSum = present.Aggregate(Int128.Zero, (s, m) => s + counts[m].Lower);
                    if (exactSum > long.MaxValue || (whole.HasUpperBound && exactSum > whole.Upper!.Value))
                    {
                        if (brokenLinks.Exists(l => l.Whole == c.Whole && l.Parts.IsSubsetOf(present)))
                        {
                            // filed 120 > received 100 is broken already: filed + not_filed > received says it again.
                            broken.Add(c);
                            continue;
                        }

                        brokenLinks.Add((present.ToHashSet(), c.Whole));
                        string parts = string.Join(" + ", present.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m} = {counts[m]}")));
                        Break(c, present, present[0], c.Whole, c.Rule, string.Create(CultureInfo.InvariantCulture, $"{parts} exceeds {c.Whole} = {whole}."));
                        continue;
                    }

                    long lowerSum = (long)exactSum;
                    if (lowerSum > whole.Lower)
                    {
                        changed |= Set(counts, c.Whole, whole.HasUpperBound ? Bounds.Between(lowerSum, whole.Upper!.Value) : Bounds.AtLeast(lowerSum));
                        whole = counts[c.Whole];
                    }

                    if (whole.HasUpperBound)
                    {
                        foreach (var m in present)
                        {
                            long cap = whole.Upper!.Value - (lowerSum - counts[m].Lower);
                            var b = counts[m];
                            if (!b.HasUpperBound || b.Upper!.Value > cap)
                            {
                                changed |= Set(counts, m, b.CapAt(cap));
                            }
                        }
                    }
                }

                // Stated rates: the numerator a printed percentage implies over an exact denominator, under the formula it fits.
                foreach (var (figure, def) in rates)
                {
                    var rate = figure.Measure;
                    if (InconsistentRates.Contains(rate) || !counts.TryGetValue(def.Denominator, out var den) || !den.IsExact)
                    {
                        continue;
                    }

                    var candidates = Infer(figure, den.Lower);
                    string shown = figure.FormatAsReported();
                    if (candidates.Kind == InferenceOutcome.None)
                    {
                        InconsistentRates.Add(rate);
                        Involved.Add(rate);
                        findings.Add(FigureChecks.Finding(ValidationRule.RateContradictsCounts, committee, period, rate, string.Create(CultureInfo.InvariantCulture, $"no whole numerator over {def.Denominator} = {den} gives the stated {shown} ({def.Formula}).")));
                        continue;
                    }

                    var range = candidates.Candidates;
                    var present = def.Numerator.Where(counts.ContainsKey).ToList();
                    if (present.Count == def.Numerator.Count)
                    {
                        var sum = SumOf(present.Select(m => counts[m]));
                        if (sum is not { } num || !num.TryIntersect(range, out var fit))
                        {
                            InconsistentRates.Add(rate);
                            Involved.Add(rate);
                            findings.Add(FigureChecks.Finding(ValidationRule.RateContradictsCounts, committee, period, rate, string.Create(CultureInfo.InvariantCulture, $"the stated {shown} needs a numerator of {range} over {def.Denominator} = {den} ({def.Formula}), but the counts give {(sum is { } given ? given.ToString() : "more than a 64-bit count")}.")));
                            continue;
                        }

                        if (def.Numerator.Count == 1 && !Contradicted.Contains(def.Numerator[0]))
                        {
                            changed |= Set(counts, def.Numerator[0], fit);
                        }
                    }
                    else if (def.Numerator.Count == 1 && (candidates.Kind == InferenceOutcome.Unique || figure.Qualifier != Qualifier.PercentReported))
                    {
                        // A printed rate implies its numerator where one whole number fits; a qualified rate (「99%以上」) bounds it.
                        counts[def.Numerator[0]] = range;
                        changed = true;
                    }
                }

                if (!changed)
                {
                    return;
                }
            }
        }

        private void Break(object relation, IEnumerable<Measure> parts, Measure named, Measure whole, ValidationRule rule, string message)
        {
            broken.Add(relation);
            Contradicted.UnionWith(parts);
            Involved.UnionWith(parts);
            Involved.Add(named);
            Involved.Add(whole);
            findings.Add(FigureChecks.Finding(rule, committee, period, named, message));
        }

        private static bool Set(Dictionary<Measure, Bounds> counts, Measure measure, Bounds value)
        {
            if (counts.TryGetValue(measure, out var old) && old == value)
            {
                return false;
            }

            counts[measure] = value;
            return true;
        }
    }
}
