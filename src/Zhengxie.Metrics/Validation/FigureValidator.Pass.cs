using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Zhengxie.Metrics.Aggregation;
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
    /// <summary>
    /// One validation of one set of figures, given as <see cref="Figure"/> objects or as columns (a ref struct, so the
    /// columns' spans are read in place for the length of the call). A <see cref="Figure"/> is made from columns only
    /// for a committee-period that goes through the general checks, and for the text of a finding.
    /// </summary>
    private ref struct Pass
    {
        private const int MaxFastGroup = 256;

        private readonly Figure[]? objects;
        private readonly FigureColumns columns;
        private readonly RegionTable? regions;
        private readonly List<ValidationFinding> findings;
        private readonly bool generalOnly;
        private readonly List<Measure> measures = [];
        private readonly Dictionary<Measure, int> measureNumbers = [];
        private readonly Dictionary<string, int> measureByReference = new(ReferenceEqualityComparer.Instance);
        private readonly StringBuilder message = new();
        private MeasureTraits[] traits = [];
        private int[] measureOf = [];
        private int[] bufferMeasures = new int[64];
        private ulong[] seenMeasures = [];
        private int[] validBuffer = new int[64];
        private Bounds[] boundsBuffer = new Bounds[64];

        internal Pass(Figure[] figures, RegionTable? regions, List<ValidationFinding> findings, bool generalOnly)
        {
            objects = figures;
            columns = default;
            this.generalOnly = generalOnly;
            this.regions = regions;
            this.findings = findings;
        }

        internal Pass(FigureColumns columns, RegionTable? regions, List<ValidationFinding> findings)
        {
            objects = null;
            this.columns = columns;
            generalOnly = false;
            this.regions = regions;
            this.findings = findings;
        }

        private readonly int Count => objects is null ? columns.Length : objects.Length;

        private readonly Committee CommitteeAt(int i) => objects is null ? columns.Committees[i] : objects[i].Committee;

        private readonly ReportingPeriod PeriodAt(int i) => objects is null ? columns.Periods[i] : objects[i].Period;

        private readonly Measure MeasureAt(int i) => objects is null ? columns.Measures[i] : objects[i].Measure;

        private readonly decimal? ValueAt(int i) => objects is null ? columns.Values[i] : objects[i].Value;

        private readonly FigureUnit UnitAt(int i) => objects is null ? columns.Units[i] : objects[i].Unit;

        private readonly Qualifier QualifierAt(int i) =>
            objects is null ? columns.QualifierAt(i) : objects[i].Qualifier;

        private readonly FigureScope ScopeAt(int i) =>
            objects is null ? columns.ScopeAt(i) : objects[i].Scope;

        private readonly bool HasTopic(int i) =>
            objects is null ? !columns.Topics.IsEmpty && !string.IsNullOrWhiteSpace(columns.Topics[i]) : objects[i].Topic is not null;

        /// <summary>The row's figure: the caller's object, or one made from the columns (for the general checks and for a finding's text).</summary>
        private readonly Figure FigureAt(int i) => objects is not null ? objects[i] : columns.ToFigure(i);

        private readonly List<Figure> FiguresAt(ReadOnlySpan<int> rows)
        {
            var list = new List<Figure>(rows.Length);
            foreach (int r in rows)
            {
                list.Add(FigureAt(r));
            }

            return list;
        }

        internal void Run()
        {
            int n = Count;
            int[] groupOf = new int[n];
            measureOf = new int[n];
            var groupNumbers = new Dictionary<(Committee, ReportingPeriod), int>();
            var keys = new List<(Committee Committee, ReportingPeriod Period)>();
            var counts = new List<int>();
            Committee lastCommittee = default;
            ReportingPeriod lastPeriod = default;
            int last = -1;
            for (int i = 0; i < n; i++)
            {
                var committee = CommitteeAt(i);
                var period = PeriodAt(i);
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
                measureOf[i] = NumberOf(MeasureAt(i));
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
                Check(keys[g].Committee, keys[g].Period, order.AsSpan(start[g], start[g + 1] - start[g]));
            }
        }

        private readonly int NumberOf(Measure measure)
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

        /// <summary>Checks one committee-period (its rows in input order), in the order of the general checks.</summary>
        private void Check(Committee committee, ReportingPeriod period, ReadOnlySpan<int> rows)
        {
            int n = rows.Length;
            if (bufferMeasures.Length < n)
            {
                bufferMeasures = new int[Math.Max(n, bufferMeasures.Length * 2)];
            }

            var numbers = bufferMeasures.AsSpan(0, n);
            bool topics = false;
            bool mixedScopes = false;
            var firstScope = ScopeAt(rows[0]);
            for (int k = 0; k < n; k++)
            {
                int r = rows[k];
                numbers[k] = measureOf[r];
                topics |= HasTopic(r);
                mixedScopes |= ScopeAt(r) != firstScope;
            }

            if (regions is not null)
            {
                CheckRegion(committee, period, regions, findings);
            }

            foreach (int r in rows)
            {
                if (!IsPlainCount(r, out _) && FigureChecks.CheckValue(FigureAt(r), out _) is { } finding)
                {
                    findings.Add(finding);
                }
            }

            // Duplicates and units can only be found where a measure is stated more than once.
            bool repeats = generalOnly || n > MaxFastGroup || MeasureRepeats(numbers);
            List<Figure>? list = null;
            if (repeats)
            {
                list = FiguresAt(rows);
                CheckDuplicatesAndUnits(committee, period, list, findings);
            }

            if (!mixedScopes)
            {
                CheckScope(committee, period, rows, numbers, repeats || topics, list);
                return;
            }

            // Scopes in the order they first appear.
            CheckScope(committee, period, rows, numbers, firstScope, repeats || topics);
            CheckScope(committee, period, rows, numbers, firstScope == FigureScope.Committee ? FigureScope.RegionTotal : FigureScope.Committee, repeats || topics);
        }

        private void CheckScope(Committee committee, ReportingPeriod period, ReadOnlySpan<int> rows, ReadOnlySpan<int> numbers, FigureScope scope, bool general)
        {
            var scopedRows = new List<int>();
            var scoped = new List<int>();
            for (int k = 0; k < rows.Length; k++)
            {
                if (ScopeAt(rows[k]) == scope)
                {
                    scopedRows.Add(rows[k]);
                    scoped.Add(numbers[k]);
                }
            }

            if (scopedRows.Count > 0)
            {
                var span = CollectionsMarshal.AsSpan(scopedRows);
                CheckScope(committee, period, span, CollectionsMarshal.AsSpan(scoped), general, general ? FiguresAt(span) : null);
            }
        }

        /// <summary>The proposal analysis of the scope's totals, then its breakdowns.</summary>
        private void CheckScope(Committee committee, ReportingPeriod period, ReadOnlySpan<int> rows, ReadOnlySpan<int> numbers, bool general, List<Figure>? list)
        {
            if (general)
            {
                list ??= FiguresAt(rows);
            }

            if (general || !ExactCountsHold(rows, numbers))
            {
                var totals = new List<Figure>(rows.Length);
                if (list is not null)
                {
                    foreach (var f in list)
                    {
                        if (f.Topic is null)
                        {
                            totals.Add(f);
                        }
                    }
                }
                else
                {
                    foreach (int r in rows)
                    {
                        if (!HasTopic(r))
                        {
                            totals.Add(FigureAt(r));
                        }
                    }
                }

                ProposalFigureAnalysis.Analyse(committee, period, totals, findings);
            }

            if (general)
            {
                CheckBreakdowns(list!, findings);
            }
            else
            {
                CheckBreakdownsOnce(rows, numbers);
            }
        }

        /// <summary>Whether any measure is stated twice.</summary>
        private readonly bool MeasureRepeats(ReadOnlySpan<int> numbers)
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
        private readonly bool ExactCountsHold(ReadOnlySpan<int> rows, ReadOnlySpan<int> numbers)
        {
            Span<long> exact = stackalloc long[ProposalFigureAnalysis.ChainMeasures.Length];
            exact.Fill(-1);
            for (int k = 0; k < rows.Length; k++)
            {
                int r = rows[k];
                ref readonly var t = ref traits[numbers[k]];
                if (!t.IsCount && !t.IsRate && QualifierAt(r) != Qualifier.All)
                {
                    continue;
                }

                if (!t.IsCount || !IsPlainCount(r, out long v))
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
        private void CheckBreakdownsOnce(ReadOnlySpan<int> rows, ReadOnlySpan<int> numbers)
        {
            int n = rows.Length;
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
                int r = rows[k];
                ref readonly var t = ref traits[numbers[k]];
                if (t.IsRate || ValueAt(r) is null)
                {
                    continue;
                }

                Bounds b;
                if (IsPlainCount(r, out long v))
                {
                    b = Bounds.Exactly(v);
                }
                else if (FigureChecks.CheckValue(FigureAt(r), out var checkedBounds) is null && checkedBounds is { } cb)
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
                // Only a measure with parts among the file's measures can be a total (most are not: no pass over the others).
                int measure = numbers[valid[p]];
                if (!traits[measure].HasChildren || !bounds[p].HasUpperBound)
                {
                    continue;
                }

                long upper = bounds[p].Upper!.Value;

                int totalRow = rows[valid[p]];
                var totalMeasure = MeasureAt(totalRow);
                var totalUnit = UnitAt(totalRow);
                Int128 sumLower = 0;
                bool any = false;
                for (int c = 0; c < count; c++)
                {
                    if (traits[numbers[valid[c]]].Parent == measure && UnitEquivalence.Default.AreEquivalent(totalMeasure, UnitAt(rows[valid[c]]), totalUnit))
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
                        int childRow = rows[valid[c]];
                        if (traits[numbers[valid[c]]].Parent == measure && UnitEquivalence.Default.AreEquivalent(totalMeasure, UnitAt(childRow), totalUnit))
                        {
                            // Written from the columns, as the figure's FormatAsReported writes it: no figure made per part.
                            text.Append(first ? string.Empty : " + ").Append(MeasureAt(childRow).Id).Append(" = ");
                            Figure.AppendAsReported(text, ValueAt(childRow), UnitAt(childRow), QualifierAt(childRow));
                            first = false;
                        }
                    }

                    var totalBounds = bounds[p];
                    text.Append(CultureInfo.InvariantCulture, $" add up to at least {sumLower}, more than the total ");
                    Figure.AppendAsReported(text, ValueAt(totalRow), totalUnit, QualifierAt(totalRow));
                    text.Append(CultureInfo.InvariantCulture, $" ({totalBounds}).");
                    findings.Add(FigureChecks.Finding(ValidationRule.BreakdownExceedsTotal, CommitteeAt(totalRow), PeriodAt(totalRow), totalMeasure, text.ToString()));
                }
            }
        }

        /// <summary>An exact whole count in a unit of scale 1 (its bounds are the value; nothing to check).</summary>
        private readonly bool IsPlainCount(int row, out long value)
        {
            if (QualifierAt(row) == Qualifier.Exact && ValueAt(row) is { } v && v >= 0 && v <= long.MaxValue && decimal.IsInteger(v))
            {
                var unit = UnitAt(row);
                if (unit.Scale == 1 && !unit.IsPercent)
                {
                    value = (long)v;
                    return true;
                }
            }

            value = 0;
            return false;
        }
    }

    /// <summary>What the pass needs of a measure, computed once per distinct measure.</summary>
    private readonly record struct MeasureTraits(bool IsCount, bool IsRate, int ChainIndex, int Parent, int Rank, bool HasChildren)
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

            var parents = new int[measures.Count];
            var hasChildren = new bool[measures.Count];
            for (int i = 0; i < measures.Count; i++)
            {
                parents[i] = measures[i].Parent is { } p && numbers.TryGetValue(p, out int pn) ? pn : -1;
                if (parents[i] >= 0)
                {
                    hasChildren[parents[i]] = true;
                }
            }

            for (int i = 0; i < measures.Count; i++)
            {
                var m = measures[i];
                result[i] = new MeasureTraits(
                    ProposalFigureAnalysis.IsCountMeasure(m),
                    m.IsRate,
                    Array.IndexOf(ProposalFigureAnalysis.ChainMeasures, m),
                    parents[i],
                    rankOf[i],
                    hasChildren[i]);
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
