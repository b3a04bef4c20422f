using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>One group of equivalent units of <see cref="UnitEquivalence"/>.</summary>
/// <param name="Measure">The measure the group holds for, with every measure under it; <see langword="null"/> for every measure.</param>
/// <param name="Symbols">The base symbols of the units (家, 个).</param>
public sealed record UnitGroup(Measure? Measure, IReadOnlyList<string> Symbols)
{
    /// <summary>Returns whether the group holds for a measure.</summary>
    /// <param name="measure">The measure.</param>
    /// <returns>Whether the group's measure is <see langword="null"/>, the measure itself, or one of its ancestors.</returns>
    public bool Covers(Measure measure)
    {
        if (Measure is not { } scope)
        {
            return true;
        }

        string id = measure.Id;
        return id == scope.Id || (id.Length > scope.Id.Length && id[scope.Id.Length] == '.' && id.StartsWith(scope.Id, StringComparison.Ordinal));
    }

    /// <summary>Returns whether the group holds a unit.</summary>
    /// <param name="baseSymbol">The unit's base symbol.</param>
    /// <returns>Whether it is one of <see cref="Symbols"/>.</returns>
    public bool Contains(string baseSymbol) => Symbols.Contains(baseSymbol, StringComparer.Ordinal);
}
