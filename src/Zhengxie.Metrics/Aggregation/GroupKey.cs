using System;
using System.Diagnostics;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// The name of one group of committees in an <see cref="IndicatorTable"/>: a region (<c>330000 浙江省</c>),
/// the nation, or a custom group named by the caller.
/// </summary>
/// <remarks>
/// Equality compares kind, code and name (ordinal). Ordering: regions by code, then the nation, then
/// custom groups by name (ordinal). <c>default(GroupKey)</c> is a custom group with an empty name.
/// Immutable and thread-safe.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public readonly struct GroupKey : IEquatable<GroupKey>, IComparable<GroupKey>, IComparable
{
    private readonly string? name;

    private GroupKey(GroupKind kind, RegionCode? code, AdministrativeLevel? level, string name)
    {
        Kind = kind;
        Code = code;
        Level = level;
        this.name = name;
    }

    /// <summary>Gets the key of the whole country (全国).</summary>
    public static GroupKey Nation { get; } = new(GroupKind.Nation, null, null, "全国");

    /// <summary>Gets what the key names.</summary>
    public GroupKind Kind { get; }

    /// <summary>Gets the region's code for <see cref="GroupKind.Region"/>, else <see langword="null"/>.</summary>
    public RegionCode? Code { get; }

    /// <summary>Gets the region's level for <see cref="GroupKind.Region"/>, else <see langword="null"/>.</summary>
    public AdministrativeLevel? Level { get; }

    /// <summary>Gets the name: the region's Chinese name, 全国, or the caller's name for a custom group.</summary>
    public string Name => name ?? string.Empty;

    /// <summary>Creates the key of a region.</summary>
    /// <param name="region">The region.</param>
    /// <returns>The key.</returns>
    public static GroupKey ForRegion(Region region)
    {
        Preconditions.CheckNotNull(region);
        return new GroupKey(GroupKind.Region, region.Code, region.Level, region.Name);
    }

    /// <summary>Creates the key of a custom group.</summary>
    /// <param name="name">The group's name, such as <c>长三角</c>.</param>
    /// <returns>The key.</returns>
    public static GroupKey Custom(string name)
    {
        Preconditions.CheckNotNullOrWhiteSpace(name);
        return new GroupKey(GroupKind.Custom, null, null, name);
    }

    /// <inheritdoc />
    public bool Equals(GroupKey other) => Kind == other.Kind && Code == other.Code && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GroupKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Code, StringComparer.Ordinal.GetHashCode(Name));

    /// <inheritdoc />
    public int CompareTo(GroupKey other)
    {
        int c = Kind.CompareTo(other.Kind);
        if (c != 0)
        {
            return c;
        }

        c = Nullable.Compare(Code, other.Code);
        return c != 0 ? c : string.CompareOrdinal(Name, other.Name);
    }

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        GroupKey other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a GroupKey.", nameof(obj)),
    };

    /// <summary>Formats as <c>330000 浙江省</c>, <c>全国</c> or the custom name.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind == GroupKind.Region ? Code!.Value.ToString() + " " + Name : Name;

    /// <summary>Compares two keys for equality.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(GroupKey left, GroupKey right) => left.Equals(right);

    /// <summary>Compares two keys for inequality.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(GroupKey left, GroupKey right) => !left.Equals(right);

    /// <summary>Orders keys (see the type's remarks).</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(GroupKey left, GroupKey right) => left.CompareTo(right) < 0;

    /// <summary>Orders keys (see the type's remarks).</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(GroupKey left, GroupKey right) => left.CompareTo(right) > 0;

    /// <summary>Orders keys (see the type's remarks).</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(GroupKey left, GroupKey right) => left.CompareTo(right) <= 0;

    /// <summary>Orders keys (see the type's remarks).</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(GroupKey left, GroupKey right) => left.CompareTo(right) >= 0;
}
