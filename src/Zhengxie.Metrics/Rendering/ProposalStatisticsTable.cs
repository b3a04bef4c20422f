using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using Zhengxie.Metrics.Utility;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Rendering;

/// <summary>
/// A list of <see cref="ProposalStatistics"/> (one per committee and period) that knows how to show
/// itself: as a text table (<see cref="ToString"/>), through <see cref="TableRenderer"/>, and as HTML in a
/// notebook. Built from figures, it also keeps the figures, so the table can say how each count was
/// stated (「全部」, <c>100余</c>, implied by a stated rate).
/// </summary>
/// <remarks>Ordered by committee, then period. Immutable and thread-safe.</remarks>
[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed class ProposalStatisticsTable : IReadOnlyList<ProposalStatistics>
{
    private static readonly ReadOnlyCollection<Figure> NoFigures = Array.Empty<Figure>().AsReadOnly();
    private readonly ReadOnlyCollection<ProposalStatistics> statistics;
    private readonly Dictionary<(Committee, ReportingPeriod), List<Figure>> ownFigures;

    /// <summary>Creates a table of statistics computed elsewhere (its rows show counts without how they were stated).</summary>
    /// <param name="statistics">The statistics; each committee and period at most once.</param>
    /// <exception cref="ArgumentException">A statistic is null, or a committee and period appear twice.</exception>
    public ProposalStatisticsTable(IEnumerable<ProposalStatistics> statistics)
        : this(statistics, NoFigures)
    {
    }

    private ProposalStatisticsTable(IEnumerable<ProposalStatistics> statistics, IReadOnlyList<Figure> figures)
    {
        Preconditions.CheckNotNull(statistics);
        var list = statistics.ToList();
        Preconditions.CheckArgument(list.TrueForAll(s => s is not null), nameof(statistics), "A statistic is null.");
        Preconditions.CheckArgument(list.Select(s => (s.Committee, s.Period)).Distinct().Count() == list.Count, nameof(statistics), "A committee and period appear twice.");
        this.statistics = list.OrderBy(s => s.Committee).ThenBy(s => s.Period).ToList().AsReadOnly();
        Figures = figures;
        ownFigures = figures
            .Where(f => f.Scope == FigureScope.Committee && f.Topic is null)
            .GroupBy(f => (f.Committee, f.Period))
            .ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>Gets the number of rows.</summary>
    public int Count => statistics.Count;

    /// <summary>Gets the figures the statistics were built from (empty when built from statistics).</summary>
    public IReadOnlyList<Figure> Figures { get; }

    /// <summary>Gets the statistics of a row.</summary>
    /// <param name="index">The row's index.</param>
    /// <returns>The statistics.</returns>
    public ProposalStatistics this[int index] => statistics[index];

    /// <summary>
    /// Computes the statistics of every committee and period among the figures
    /// (<see cref="ProposalStatistics.FromFiguresByCommittee(IEnumerable{Figure}, ValidationMode, out IReadOnlyList{ValidationFinding})"/>),
    /// throwing on any problem.
    /// </summary>
    /// <param name="figures">The figures.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ValidationException">The figures break a rule.</exception>
    public static ProposalStatisticsTable FromFigures(IEnumerable<Figure> figures)
    {
        var list = Preconditions.CheckNotNull(figures).ToList();
        return new ProposalStatisticsTable(ProposalStatistics.FromFiguresByCommittee(list), list.AsReadOnly());
    }

    /// <summary>Computes the statistics of every committee and period among the figures, collecting every problem instead of throwing.</summary>
    /// <param name="figures">The figures.</param>
    /// <param name="findings">Every problem found; what each concerns is left out of the statistics.</param>
    /// <returns>The table.</returns>
    public static ProposalStatisticsTable FromFigures(IEnumerable<Figure> figures, out IReadOnlyList<ValidationFinding> findings)
    {
        var list = Preconditions.CheckNotNull(figures).ToList();
        var statistics = ProposalStatistics.FromFiguresByCommittee(list, ValidationMode.CollectFindings, out findings);
        return new ProposalStatisticsTable(statistics, list.AsReadOnly());
    }

    /// <inheritdoc />
    public IEnumerator<ProposalStatistics> GetEnumerator() => statistics.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Returns the aligned plain-text table with the default options.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => TableRenderer.ToText(this);

    /// <summary>Returns the committee-scope figures without a topic of a committee and period (empty when unknown).</summary>
    internal IReadOnlyList<Figure> GetOwnFigures(Committee committee, ReportingPeriod period) =>
        ownFigures.TryGetValue((committee, period), out var list) ? list : NoFigures;
}
