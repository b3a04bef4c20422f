using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Validation;

/// <content>
/// The pass of <see cref="Validate(IEnumerable{Figure}, RegionTable?, bool)"/> over many figures: each figure gets a committee-period number and a
/// measure number (packed into arrays, one cached look-up per figure), a counting sort brings each
/// committee-period's figures together in their input order, and each committee-period is checked on
/// those arrays. The common case (every measure stated once, no topic, exact whole counts that meet the
/// chain) allocates nothing; anything else goes through the general checks of <c>FigureValidator.cs</c>
/// and <see cref="ProposalFigureAnalysis"/>, so the findings are the same as theirs, in the same order.
/// </content>
public static partial class FigureValidator
{
    /// <summary>One validation of one set of figures.</summary>
    private sealed class Pass
    {
        private const int MaxFastGroup = 256;

        private readonly Figure[] figures;
        private readonly RegionTable? regions;
        private readonly List<ValidationFinding> findings;
        private readonly bool generalOnly;
        private readonly List<Measure> measures = [];
        private readonly Dictionary<Measure, int> measureNumbers = [];
        private readonly Dictionary<string, int> measureByReference = new(ReferenceEqualityComparer.Instance);
        private MeasureTraits[] traits = [];
        private Figure[] buffer = new Figure[64];
        private int[] bufferMeasures = new int[64];
        private ulong[] seenMeasures = [];
        private int[] validBuffer = new int[64];
        private Bounds[] boundsBuffer = new Bounds[64];
        private readonly StringBuilder message = new();

        internal Pass(Figure[] figures, RegionTable? regions, List<ValidationFinding> findings, bool generalOnly)
        {
            this.generalOnly = generalOnly;
            this.figures = figures;
            this.regions = regions;
            this.findings = findings;
        }

        internal void Run()
        {
            int n = figures.Length;
            int[] groupOf = new int[n];
            int[] measureOf = new int[n];
            var groupNumbers = new Dictionary<(Committee, ReportingPeriod), int>();
            var keys = new List<(Committee Committee, ReportingPeriod Period)>();
            var counts = new List<int>();
            Committee lastCommittee = default;
            ReportingPeriod lastPeriod = default;
            int last = -1;
            for (int i = 0; i < n; i++)
            {
                var f = figures[i];
                var committee = f.Committee;
                var period = f.Period;
                if (last < 0 || committee != lastCommittee || !period.Equals(lastPeriod))
                {
                    ref int g = ref CollectionsMarshal.GetValueRefOrAddDefault(groupNumbers, (committee, period), out bool exists);
                    if (!exists)
                    {
                        g = keys.Count;
                        keys.Add((committee, period));
                        counts.Add(0);
                    }

                    last = g;
                    lastCommittee = committee;
                    lastPeriod = period;
                }

                groupOf[i] = last;
                CollectionsMarshal.AsSpan(counts)[last]++;
                measureOf[i] = NumberOf(f.Measure);
            }

            traits = MeasureTraits.For(measures, measureNumbers);
            seenMeasures = new ulong[(measures.Count + 63) / 64];

            // Counting sort: each committee-period's figures together, in input order.
            int groups = keys.Count;
            int[] start = new int[groups + 1];
            for (int g = 0; g < groups; g++)
            {
                start[g + 1] = start[g] + counts[g];
            }

            int[] next = start[..groups];
            int[] order = new int[n];
            for (int i = 0; i < n; i++)
            {
                order[next[groupOf[i]]++] = i;
            }

            // Committee-periods by committee, then period.
            int[] sorted = new int[groups];
            for (int g = 0; g < groups; g++)
            {
                sorted[g] = g;
            }

            var keyArray = keys.ToArray();
            Array.Sort(keyArray, sorted, KeyComparer.Instance);
            foreach (int g in sorted)
            {
                Check(keys[g].Committee, keys[g].Period, order.AsSpan(start[g], start[g + 1] - start[g]), measureOf);
            }
        }

        private int NumberOf(Measure measure)
        {
            string id = measure.Id;
            if (measureByReference.TryGetValue(id, out int number))
            {
                return number;
            }

            ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(measureNumbers, measure, out bool exists);
            if (!exists)
            {
                slot = measures.Count;
                measures.Add(measure);
            }

            number = slot;
            if (measureByReference.Count < 4096)
            {
                measureByReference[id] = number;
            }

            return number;
        }

        /// <summary>Checks one committee-period, in the order of the general checks.</summary>
        private void Check(Committee committee, ReportingPeriod period, ReadOnlySpan<int> members, int[] measureOf)
        {
            int n = members.Length;
            if (buffer.Length < n)
            {
                buffer = new Figure[Math.Max(n, buffer.Length * 2)];
                bufferMeasures = new int[buffer.Length];
            }

            var figs = buffer.AsSpan(0, n);
            var numbers = bufferMeasures.AsSpan(0, n);
            bool topics = false;
            bool mixedScopes = false;
            for (int k = 0; k < n; k++)
            {
                var f = figures[members[k]];
                figs[k] = f;
                numbers[k] = measureOf[members[k]];
                topics |= f.Topic is not null;
                mixedScopes |= f.Scope != figs[0].Scope;
            }

            if (regions is not null)
            {
                CheckRegion(committee, period, regions, findings);
            }

            foreach (var f in figs)
            {
                if (!IsPlainCount(f, out _) && FigureChecks.CheckValue(f, out _) is { } finding)
                {
                    findings.Add(finding);
                }
            }

            // Duplicates and units can only be found where a measure is stated more than once.
            bool repeats = generalOnly || n > MaxFastGroup || MeasureRepeats(numbers);
            List<Figure>? list = null;
            if (repeats)
            {
                list = [.. figs];
                CheckDuplicatesAndUnits(committee, period, list, findings);
            }

            if (!mixedScopes)
            {
                CheckScope(committee, period, figs, numbers, repeats || topics, list);
                return;
            }

            // Scopes in the order they first appear.
            var first = figs[0].Scope;
            CheckScope(committee, period, figs, numbers, first, repeats || topics);
            CheckScope(committee, period, figs, numbers, first == FigureScope.Committee ? FigureScope.RegionTotal : FigureScope.Committee, repeats || topics);
        }

        private void CheckScope(Committee committee, ReportingPeriod period, ReadOnlySpan<Figure> figs, ReadOnlySpan<int> numbers, FigureScope scope, bool general)
        {
            var list = new List<Figure>();
            var scoped = new List<int>();
            for (int k = 0; k < figs.Length; k++)
            {
                if (figs[k].Scope == scope)
                {
                    list.Add(figs[k]);
                    scoped.Add(numbers[k]);
                }
            }

            if (list.Count > 0)
            {
                CheckScope(committee, period, CollectionsMarshal.AsSpan(list), CollectionsMarshal.AsSpan(scoped), general, list);
            }
        }

        /// <summary>The proposal analysis of the scope's totals, then its breakdowns.</summary>
        private void CheckScope(Committee committee, ReportingPeriod period, ReadOnlySpan<Figure> figs, ReadOnlySpan<int> numbers, bool general, List<Figure>? list)
        {
            if (general || !ExactCountsHold(figs, numbers))
            {
                var totals = new List<Figure>(figs.Length);
                foreach (var f in figs)
                {
                    if (f.Topic is null)
                    {
                        totals.Add(f);
                    }
                }

                ProposalFigureAnalysis.Analyse(committee, period, totals, findings);
            }

            if (general)
            {
                CheckBreakdowns(list ?? [.. figs], findings);
            }
            else
            {
                CheckBreakdownsOnce(figs, numbers);
            }
        }

        /// <summary>Whether any measure is stated twice.</summary>
        private bool MeasureRepeats(ReadOnlySpan<int> numbers)
        {
            bool repeats = false;
            foreach (int m in numbers)
            {
                ulong bit = 1UL << (m & 63);
                ref ulong word = ref seenMeasures[m >> 6];
                repeats |= (word & bit) != 0;
                word |= bit;
            }

            foreach (int m in numbers)
            {
                seenMeasures[m >> 6] = 0;
            }

            return repeats;
        }

        /// <summary>
        /// Whether the figures the proposal analysis reads are exact whole counts (each measure stated once,
        /// no 「全部」, no stated rate) that meet the chain: then the analysis finds nothing.
        /// </summary>
        private bool ExactCountsHold(ReadOnlySpan<Figure> figs, ReadOnlySpan<int> numbers)
        {
            Span<long> exact = stackalloc long[ProposalFigureAnalysis.ChainMeasures.Length];
            exact.Fill(-1);
            for (int k = 0; k < figs.Length; k++)
            {
                var f = figs[k];
                ref readonly var t = ref traits[numbers[k]];
                if (!t.IsCount && !t.IsRate && f.Qualifier != Qualifier.All)
                {
                    continue;
                }

                if (!t.IsCount || !IsPlainCount(f, out long v))
                {
                    return false;
                }

                if (t.ChainIndex >= 0)
                {
                    exact[t.ChainIndex] = v;
                }
            }

            return ProposalFigureAnalysis.ExactChainHolds(exact);
        }

        /// <summary>
        /// <see cref="CheckBreakdowns"/> for a scope without topics where each measure is stated once: every valued
        /// count is a total, and its direct children in a unit that adds up with it are summed.
        /// </summary>
        private void CheckBreakdownsOnce(ReadOnlySpan<Figure> figs, ReadOnlySpan<int> numbers)
        {
            int n = figs.Length;
            if (validBuffer.Length < n)
            {
                validBuffer = new int[Math.Max(n, validBuffer.Length * 2)];
                boundsBuffer = new Bounds[validBuffer.Length];
            }

            var valid = validBuffer.AsSpan(0, n);
            var bounds = boundsBuffer.AsSpan(0, n);
            int count = 0;
            bool anyParent = false;
            for (int k = 0; k < n; k++)
            {
                var f = figs[k];
                ref readonly var t = ref traits[numbers[k]];
                if (t.IsRate || f.Value is null)
                {
                    continue;
                }

                Bounds b;
                if (IsPlainCount(f, out long v))
                {
                    b = Bounds.Exactly(v);
                }
                else if (FigureChecks.CheckValue(f, out var checkedBounds) is null && checkedBounds is { } cb)
                {
                    b = cb;
                }
                else
                {
                    continue;
                }

                // Insertion in measure order (the order of the general check's findings).
                int at = count;
                while (at > 0 && traits[numbers[valid[at - 1]]].Rank > t.Rank)
                {
                    valid[at] = valid[at - 1];
                    bounds[at] = bounds[at - 1];
                    at--;
                }

                valid[at] = k;
                bounds[at] = b;
                count++;
                anyParent |= t.Parent >= 0;
            }

            if (!anyParent)
            {
                return;
            }

            for (int p = 0; p < count; p++)
            {
                if (!bounds[p].HasUpperBound)
                {
                    continue;
                }

                long upper = bounds[p].Upper!.Value;

                var total = figs[valid[p]];
                int measure = numbers[valid[p]];
                Int128 sumLower = 0;
                bool any = false;
                for (int c = 0; c < count; c++)
                {
                    var child = figs[valid[c]];
                    if (traits[numbers[valid[c]]].Parent == measure && UnitEquivalence.Default.AreEquivalent(total.Measure, child.Unit, total.Unit))
                    {
                        sumLower += bounds[c].Lower;
                        any = true;
                    }
                }

                if (any && sumLower > upper)
                {
                    // Written into one reused builder: a file can have tens of thousands of these.
                    var text = message.Clear().Append("the parts ");
                    bool first = true;
                    for (int c = 0; c < count; c++)
                    {
                        var child = figs[valid[c]];
                        if (traits[numbers[valid[c]]].Parent == measure && UnitEquivalence.Default.AreEquivalent(total.Measure, child.Unit, total.Unit))
                        {
                            text.Append(first ? string.Empty : " + ").Append(child.Measure.Id).Append(" = ").Append(child.FormatAsReported());
                            first = false;
                        }
                    }

                    var totalBounds = bounds[p];
                    text.Append(CultureInfo.InvariantCulture, $" add up to at least {sumLower}, more than the total {total.FormatAsReported()} ({totalBounds}).");
                    findings.Add(FigureChecks.Finding(ValidationRule.BreakdownExceedsTotal, total, text.ToString()));
                }
            }
        }

        /// <summary>An exact whole count in a unit of scale 1 (its bounds are the value; nothing to check).</summary>
        private static bool IsPlainCount(Figure f, out long value)
        {
            if (f.Qualifier == Qualifier.Exact && f.Value is { } v && v >= 0 && v <= long.MaxValue && decimal.IsInteger(v) && f.Unit.Scale == 1 && !f.Unit.IsPercent)
            {
                value = (long)v;
                return true;
            }

            value = 0;
            return false;
        }
    }

    /// <summary>What the pass needs of a measure, computed once per distinct measure.</summary>
    private readonly record struct MeasureTraits(bool IsCount, bool IsRate, int ChainIndex, int Parent, int Rank)
    {
        internal static MeasureTraits[] For(List<Measure> measures, Dictionary<Measure, int> numbers)
        {
            var result = new MeasureTraits[measures.Count];
            var ranks = new int[measures.Count];
            for (int i = 0; i < ranks.Length; i++)
            {
                ranks[i] = i;
            }

            var sorted = measures.ToArray();
            Array.Sort(sorted, ranks);
            var rankOf = new int[measures.Count];
            for (int r = 0; r < ranks.Length; r++)
            {
                rankOf[ranks[r]] = r;
            }

            for (int i = 0; i < measures.Count; i++)
            {
                var m = measures[i];
                int parent = m.Parent is { } p && numbers.TryGetValue(p, out int pn) ? pn : -1;
                result[i] = new MeasureTraits(
                    ProposalFigureAnalysis.IsCountMeasure(m),
                    m.IsRate,
                    Array.IndexOf(ProposalFigureAnalysis.ChainMeasures, m),
                    parent,
                    rankOf[i]);
            }

            return result;
        }
    }

    /// <summary>Orders committee-periods by committee, then period.</summary>
    private sealed class KeyComparer : IComparer<(Committee Committee, ReportingPeriod Period)>
    {
        internal static readonly KeyComparer Instance = new();

        public int Compare((Committee Committee, ReportingPeriod Period) x, (Committee Committee, ReportingPeriod Period) y)
        {
            int c = x.Committee.CompareTo(y.Committee);
            return c != 0 ? c : x.Period.CompareTo(y.Period);
        }
    }
}
