using System;
using System.Diagnostics;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// A CPPCC committee: the body that sits at one region and one level. 丽水市政协 (331100, prefecture)
/// is a different committee from the county committees under it, and its own figures are not their sum.
/// </summary>
/// <remarks>
/// Equality compares region and level; ordering is by region code, then level. <c>default(Committee)</c>
/// names no committee (<see cref="IsDefault"/>). Immutable and thread-safe.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct Committee : IEquatable<Committee>, IComparable<Committee>, IComparable
{
    /// <summary>Creates the committee of <paramref name="region"/> at <paramref name="level"/>.</summary>
    /// <param name="region">The region's code.</param>
    /// <param name="level">The committee's level.</param>
    /// <exception cref="ArgumentException">The region code is the default value, or the level is not defined.</exception>
    public Committee(RegionCode region, AdministrativeLevel level)
    {
        Preconditions.CheckArgument(!region.IsDefault, nameof(region), "A committee needs a region code.");
        Preconditions.CheckArgument(level is AdministrativeLevel.Province or AdministrativeLevel.Prefecture or AdministrativeLevel.County, nameof(level), "Unknown administrative level.");
        Region = region;
        Level = level;
    }

    /// <summary>Creates the committee of <paramref name="region"/> at the level its code's shape gives.</summary>
    /// <param name="region">The region's code.</param>
    public Committee(RegionCode region)
        : this(region, region.NominalLevel)
    {
    }

    /// <summary>Gets the region the committee sits at.</summary>
    public RegionCode Region { get; }

    /// <summary>Gets the committee's level.</summary>
    public AdministrativeLevel Level { get; }

    /// <summary>Gets a value indicating whether this is <c>default(Committee)</c>.</summary>
    public bool IsDefault => Region.IsDefault;

    /// <summary>Parses a region code as the committee at its nominal level (<c>"330324"</c>).</summary>
    /// <param name="text">Six digits.</param>
    /// <returns>The committee.</returns>
    /// <exception cref="FormatException">The text is not a region code.</exception>
    public static Committee Parse(string text) => new(RegionCode.Parse(text));

    /// <inheritdoc />
    public bool Equals(Committee other) => Region == other.Region && Level == other.Level;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Committee other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Region.Value * 4) + (int)Level;

    /// <inheritdoc />
    public int CompareTo(Committee other)
    {
        int c = Region.CompareTo(other.Region);
        return c != 0 ? c : Level.CompareTo(other.Level);
    }

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Committee other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a Committee.", nameof(obj)),
    };

    /// <summary>Formats the region code, with the level when it differs from the code's shape (<c>330324</c>, <c>331100/county</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Level == Region.NominalLevel ? Region.ToString() : Region.ToString() + "/" + Level.ToString().ToLowerInvariant();

    /// <summary>Compares two committees for equality.</summary>
    /// <param name="left">The first committee.</param>
    /// <param name="right">The second committee.</param>
    /// <returns>Whether they are the same body.</returns>
    public static bool operator ==(Committee left, Committee right) => left.Equals(right);

    /// <summary>Compares two committees for inequality.</summary>
    /// <param name="left">The first committee.</param>
    /// <param name="right">The second committee.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Committee left, Committee right) => !left.Equals(right);

    /// <summary>Orders committees by region code, then level.</summary>
    /// <param name="left">The first committee.</param>
    /// <param name="right">The second committee.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Committee left, Committee right) => left.CompareTo(right) < 0;

    /// <summary>Orders committees by region code, then level.</summary>
    /// <param name="left">The first committee.</param>
    /// <param name="right">The second committee.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Committee left, Committee right) => left.CompareTo(right) > 0;

    /// <summary>Orders committees by region code, then level.</summary>
    /// <param name="left">The first committee.</param>
    /// <param name="right">The second committee.</param>
    /// <returns>Whether <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(Committee left, Committee right) => left.CompareTo(right) <= 0;

    /// <summary>Orders committees by region code, then level.</summary>
    /// <param name="left">The first committee.</param>
    /// <param name="right">The second committee.</param>
    /// <returns>Whether <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(Committee left, Committee right) => left.CompareTo(right) >= 0;
}
