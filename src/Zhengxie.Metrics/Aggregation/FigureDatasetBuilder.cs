using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Utility;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// Builds a <see cref="FigureDataset"/>: add figures in any order and in any number of calls, as
/// <see cref="Figure"/> objects (<see cref="Add"/>, <see cref="AddRange"/>), as columns
/// (<see cref="AddColumns(FigureColumns)"/>, no object per row) or from an ADO.NET reader
/// (<see cref="Load(System.Data.IDataReader)"/>), then <see cref="Build"/> validates them all at once. The
/// result does not depend on the order of the figures, on how they were split into calls or on the way they
/// came in: the same figures as objects or as columns give the same dataset.
/// </summary>
/// <remarks>
/// <para>Validation: a committee not in the region table (or not at its region's level) is
/// <see cref="ValidationRule.UnknownRegion"/>; the same committee, period, measure, scope and topic twice
/// with different values is <see cref="ValidationRule.ConflictingDuplicate"/> (the same figure twice is
/// kept once); figures of one measure in units that do not add up (件 and 次) are
/// <see cref="ValidationRule.UnitMismatch"/> (units that count the same thing, <see cref="UnitEquivalence.Default"/>,
/// add up); a figure whose value is malformed (negative, no whole count such as 「37余件」 or 1.5次, a rate
/// outside 0..100 %) is left out whatever its scope or topic. The proposal and social-conditions figures of each
/// committee, period and scope (region totals included) go through the same analysis as
/// <see cref="ProposalStatistics"/> and <see cref="FigureValidator"/>: a report whose own figures disagree (filed 20 of
/// 10 received, 20 adopted of 10 submitted) is a source inconsistency, the figures stay as published in
/// <see cref="FigureDataset.GetFigures"/> but the part of the broken relation gives no count, so no pooled rate
/// has a numerator above its denominator. With <see cref="ValidationMode.Throw"/> the first error (by committee,
/// period, measure) is thrown in a <see cref="ValidationException"/> carrying all findings (source inconsistencies
/// too when <see cref="Strict"/>); with <see cref="ValidationMode.CollectFindings"/> the offending figures are left
/// out and the findings are in <see cref="FigureDataset.Findings"/>.</para>
/// <para>Cost: adding a figure numbers its committee (an array look-up by code), period and measure and writes one
/// narrow row, with no hash table per figure; duplicates and conflicts are found once over all rows, when
/// <see cref="Build"/> (or <see cref="Count"/>) needs them, by a counting sort on committee and period. <see cref="Build"/>
/// writes exact whole counts straight into the dataset's columns and runs the full analysis only for committee-periods
/// that need it (qualifiers, 「全部」, stated rates, a broken chain). Error text is built only for findings.</para>
/// <para>A builder is not thread-safe; the dataset it builds is.</para>
/// </remarks>
public sealed partial class FigureDatasetBuilder
{
    // Mechanics (issue 8): figures are stored once, in order of arrival, as rows of FigureRows (columns, no object
    // needed), duplicates included: adding a figure numbers its committee (an array look-up by code), period and
    // measure (identity-first caches) and writes the row; no hash table per figure. Duplicates and conflicts are found
    // once, when they are needed (Build, Count), by a counting sort of the rows on (committee, period) and a scan of each
    // bucket by (measure, scope) (FigureDatasetBuilder.Duplicates.cs).
    private readonly FigureRows rows = new();
    private readonly CommitteeIndex committeeIndex;
    private readonly Dictionary<Committee, int> unknownCommittees = [];
    private readonly List<Committee> unknownList = [];
    private readonly MeasureNumbers measureNumbers = new();
    private readonly Dictionary<ReportingPeriod, int> periodNumbers = [];
    private readonly List<ReportingPeriod> periodList = [];
    private ReportingPeriod lastPeriod;
    private int lastPeriodNumber = -1;
    private Committee lastCommittee;
    private int lastCommitteeNumber = -1;
    private Duplicates? duplicates;

    /// <summary>Creates a builder.</summary>
    /// <param name="regions">The region table committees must be in; <see cref="RegionTable.Default"/> when omitted.</param>
    /// <param name="mode">Whether bad input throws (the default) or becomes findings.</param>
    /// <param name="strict">Whether source inconsistencies (a report's own figures disagreeing) are errors too; by default they are findings and the figures are kept as published.</param>
    public FigureDatasetBuilder(RegionTable? regions = null, ValidationMode mode = ValidationMode.Throw, bool strict = false)
    {
        Preconditions.CheckArgument(mode is ValidationMode.Throw or ValidationMode.CollectFindings, nameof(mode), "Unknown validation mode.");
        Regions = regions ?? RegionTable.Default;
        committeeIndex = CommitteeIndex.For(Regions);
        Mode = mode;
        Strict = strict;
    }

    /// <summary>Gets a value indicating whether source inconsistencies are errors.</summary>
    public bool Strict { get; }

    /// <summary>Gets the region table.</summary>
    public RegionTable Regions { get; }

    /// <summary>Gets the validation mode.</summary>
    public ValidationMode Mode { get; }

    /// <summary>Gets the number of distinct figures added so far (the same figure added twice counts once).</summary>
    /// <remarks>Finds the duplicates among the figures added since the last call (or <see cref="Build"/>): a pass over the rows, not a constant-time read.</remarks>
    public int Count => FindDuplicates().Distinct;

    /// <summary>Adds a figure.</summary>
    /// <param name="figure">The figure.</param>
    /// <returns>This builder.</returns>
    public FigureDatasetBuilder Add(Figure figure)
    {
        Preconditions.CheckNotNull(figure);
        AddRow(figure.Committee, PeriodNumber(figure.Period), measureNumbers.NumberOf(figure.Measure), figure.Value, figure.Unit, figure.Qualifier, figure.Scope, figure.Topic, figure.Source, figure);
        return this;
    }

    /// <summary>Adds figures.</summary>
    /// <param name="figures">The figures.</param>
    /// <returns>This builder.</returns>
    public FigureDatasetBuilder AddRange(IEnumerable<Figure> figures)
    {
        Preconditions.CheckNotNull(figures);
        if (figures.TryGetNonEnumeratedCount(out int n))
        {
            Reserve(n);
        }

        if (figures is List<Figure> list)
        {
            foreach (var f in CollectionsMarshal.AsSpan(list))
            {
                Add(f);
            }

            return this;
        }

        foreach (var f in figures)
        {
            Add(f);
        }

        return this;
    }

    /// <summary>Makes room for <paramref name="more"/> figures.</summary>
    private void Reserve(int more)
    {
        rows.EnsureCapacity(rows.Count + more);
    }

    /// <summary>
    /// Adds one valid figure (its fields already checked as <see cref="Figure"/>'s constructor checks them) as a row, duplicates
    /// included (they are found when needed, see <see cref="FindDuplicates"/>). The last argument is the figure the row came
    /// from, or <see langword="null"/> for a row from columns.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddRow(Committee committee, int period, int measure, decimal? value, FigureUnit unit, Qualifier qualifier, FigureScope scope, string? topic, FigureSource? source, Figure? figure)
    {
        rows.Add(CommitteeNumber(committee), period, measure, value, unit, qualifier, scope, topic, source, figure);
        duplicates = null;
    }

    /// <summary>The committee's index in the region table, or a number above the table's (numbered per builder) when it is not in it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CommitteeNumber(Committee committee)
    {
        if (lastCommitteeNumber >= 0 && committee == lastCommittee)
        {
            return lastCommitteeNumber;
        }

        int number = committeeIndex.NumberOf(committee);
        if (number < 0)
        {
            number = UnknownCommitteeNumber(committee);
        }

        lastCommittee = committee;
        lastCommitteeNumber = number;
        return number;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int UnknownCommitteeNumber(Committee committee)
    {
        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(unknownCommittees, committee, out bool exists);
        if (!exists)
        {
            slot = committeeIndex.Count + unknownList.Count;
            unknownList.Add(committee);
        }

        return slot;
    }

    private FigureRows.Snapshot Snapshot() => rows.Freeze([.. committeeIndex.Committees, .. unknownList], [.. periodList], measureNumbers.ToArray());

    private int PeriodNumber(ReportingPeriod period)
    {
        if (lastPeriodNumber >= 0 && period == lastPeriod)
        {
            return lastPeriodNumber;
        }

        ref int number = ref CollectionsMarshal.GetValueRefOrAddDefault(periodNumbers, period, out bool exists);
        if (!exists)
        {
            number = periodList.Count;
            periodList.Add(period);
        }

        lastPeriod = period;
        lastPeriodNumber = number;
        return number;
    }

    private static bool IsProposalFamily(Measure measure) =>
        measure.IsRate || ProposalFigureAnalysis.IsCountMeasure(measure);

    /// <summary>Numbers a builder's measures: by the identifier's reference first (figures usually share it), then by value.</summary>
    private sealed class MeasureNumbers
    {
        private readonly Dictionary<string, int> byReference = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Measure, int> byValue = [];
        private readonly List<Measure> measures = [];
        private readonly List<bool> proposalFamily = [];
        private readonly List<bool> rate = [];
        private string? lastId;
        private int lastNumber;

        internal int Count => measures.Count;

        internal Measure this[int number] => measures[number];

        internal bool IsProposalFamily(int number) => proposalFamily[number];

        internal bool IsRate(int number) => rate[number];

        internal Measure[] ToArray() => [.. measures];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal int NumberOf(Measure measure)
        {
            string id = measure.Id;
            if (ReferenceEquals(id, lastId))
            {
                return lastNumber;
            }

            return Lookup(measure, id);
        }

        private int Lookup(Measure measure, string id)
        {
            if (!byReference.TryGetValue(id, out int number))
            {
                ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(byValue, measure, out bool exists);
                if (!exists)
                {
                    slot = measures.Count;
                    measures.Add(measure);
                    proposalFamily.Add(FigureDatasetBuilder.IsProposalFamily(measure));
                    rate.Add(measure.IsRate);
                }

                number = slot;
                if (byReference.Count < 4096)
                {
                    byReference[id] = number;
                }
            }

            lastId = id;
            lastNumber = number;
            return number;
        }
    }
}

/// <summary>The identity of a figure in a dataset: no two figures share it.</summary>
internal readonly record struct FigureKey(Committee Committee, ReportingPeriod Period, Measure Measure, FigureScope Scope, string? Topic);
