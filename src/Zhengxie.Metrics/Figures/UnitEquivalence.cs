using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// Which counting words count the same thing, as data: organisations come as 家 and 个 (「54家市直单位」「3个县区政府」),
/// people as 名, 人 and 位; and for some measures events as 次, 场次 and 场 (activities) or pieces as 篇 and
/// 篇次 (outputs, social-conditions information, which also comes in 条). Figures in equivalent units add up
/// and compare; any other mix of units (件 and 次, 人 and 人次) stays a mismatch.
/// </summary>
/// <remarks>
/// <para>A group either holds for every measure (people, organisations) or for one measure and every measure under
/// it (<c>activity</c> covers <c>activity.consultation.sector</c>). Units are compared by their base symbol, so 万人
/// is equivalent to 人 (and 万元 to 元) whatever the groups say.</para>
/// <para>Immutable and thread-safe: <see cref="With(Measure?, string[])"/> returns a new table.</para>
/// </remarks>
public sealed class UnitEquivalence
{
    private readonly ReadOnlyCollection<UnitGroup> groups;

    private UnitEquivalence(IEnumerable<UnitGroup> groups) => this.groups = groups.ToList().AsReadOnly();

    /// <summary>Gets the built-in table: 家/个 and 名/人/位 everywhere; 次/场次/场 for <c>activity</c>; 篇/篇次 for <c>output</c>, <c>outreach</c> and <c>special_reports</c>; 篇/篇次/条 for <c>opinion_info</c>.</summary>
    public static UnitEquivalence Default { get; } = new UnitEquivalence([])
        .With(null, "家", "个")
        .With(null, "名", "人", "位")
        .With(new Measure("activity"), "次", "场次", "场")
        .With(new Measure("output"), "篇", "篇次")
        .With(new Measure("outreach"), "篇", "篇次")
        .With(new Measure("special_reports"), "篇", "篇次")
        .With(new Measure("opinion_info"), "篇", "篇次", "条");

    /// <summary>Gets the table with no groups: only units with equal base symbols are equivalent.</summary>
    public static UnitEquivalence None { get; } = new([]);

    /// <summary>Gets the groups: each with the measure it holds for (<see langword="null"/> for every measure) and its units' symbols.</summary>
    public IReadOnlyList<UnitGroup> Groups => groups;

    /// <summary>Returns a table with one more group of equivalent units. This table is unchanged.</summary>
    /// <param name="measure">The measure the group holds for, with every measure under it; <see langword="null"/> for every measure.</param>
    /// <param name="symbols">At least two unit symbols, without 万 scaling (家, 个).</param>
    /// <returns>The new table.</returns>
    /// <exception cref="ArgumentException">Fewer than two symbols, or one is empty.</exception>
    public UnitEquivalence With(Measure? measure, params string[] symbols)
    {
        Preconditions.CheckNotNull(symbols);
        Preconditions.CheckArgument(symbols.Length >= 2, nameof(symbols), "A group of equivalent units needs at least two units.");
        Preconditions.CheckArgument(Array.TrueForAll(symbols, s => !string.IsNullOrWhiteSpace(s)), nameof(symbols), "A unit symbol is empty.");
        return new UnitEquivalence(groups.Append(new UnitGroup(measure, symbols.Select(s => new FigureUnit(s).BaseSymbol).ToList().AsReadOnly())));
    }

    /// <summary>Returns whether figures of <paramref name="measure"/> in units <paramref name="a"/> and <paramref name="b"/> count the same thing, so they add up and compare.</summary>
    /// <param name="measure">The measure the figures state.</param>
    /// <param name="a">One unit.</param>
    /// <param name="b">The other unit.</param>
    /// <returns>Whether the units are equivalent for that measure.</returns>
    public bool AreEquivalent(Measure measure, FigureUnit a, FigureUnit b)
    {
        string x = a.BaseSymbol;
        string y = b.BaseSymbol;
        if (string.Equals(x, y, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var g in groups)
        {
            if (g.Covers(measure) && g.Contains(x) && g.Contains(y))
            {
                return true;
            }
        }

        return false;
    }
}
