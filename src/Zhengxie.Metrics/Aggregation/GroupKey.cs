using System;
using System.Diagnostics;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// The name of one group of committees in an <see cref="IndicatorTable"/>: a region (<c>330000 浙江省</c>),
/// the nation, or a custom group named by the caller.
/// </summary>
/// <remarks>
/// Equality compares kind, code and name (ordinal). Ordering: regions by code, then the nation, then
/// custom groups by name (ordinal). <c>default(GroupKey)</c> names no group (a region kind without a code or name);
/// it is written to JSON as such and does not read back. Serialized as a source-generated contract:
/// <c>{"kind":"region","code":"330000","level":"province","name":"浙江省"}</c>, <c>{"kind":"nation","name":"全国"}</c>,
/// <c>{"kind":"custom","name":"长三角"}</c>, read through the public constructor and its checks. Immutable and thread-safe.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public readonly struct GroupKey : IEquatable<GroupKey>, IComparable<GroupKey>, IComparable
{
    private readonly string? name;

    /// <summary>Creates a key from its parts, as JSON states them; <see cref="ForRegion"/>, <see cref="Nation"/> and <see cref="Custom"/> are the usual ways.</summary>
    /// <param name="kind">What the key names.</param>
    /// <param name="code">The region's code: required for a region, absent otherwise.</param>
    /// <param name="level">The region's level: required for a region, absent otherwise.</param>
    /// <param name="name">The name: required for a region and a custom group; for the nation absent or 全国.</param>
    /// <exception cref="ArgumentException">The parts do not make a key of that kind (the exception's <see cref="ArgumentException.ParamName"/> names the field).</exception>
    [JsonConstructor]
    public GroupKey(GroupKind kind, RegionCode? code, AdministrativeLevel? level, string? name)
    {
        Preconditions.CheckArgument(Enum.IsDefined(kind), nameof(kind), $"{(int)kind} is not a group kind.");
        bool region = kind == GroupKind.Region;
        Preconditions.CheckArgument(region == (code is { IsDefault: false }), nameof(code), "A region group has a region code; the nation and a custom group have none.");
        Preconditions.CheckArgument(region == level.HasValue && (level is null || Enum.IsDefined(level.Value)), nameof(level), "A region group has a defined administrative level; the nation and a custom group have none.");
        name = kind == GroupKind.Nation ? name ?? "全国" : name;
        Preconditions.CheckArgument(kind == GroupKind.Nation ? name == "全国" : !string.IsNullOrWhiteSpace(name), nameof(name), $"A region or custom group needs a name, and the nation is named 全国, not '{name}'.");
        Kind = kind;
        Code = code;
        Level = level;
        this.name = name;
    }

    /// <summary>Gets the key of the whole country (全国).</summary>
    public static GroupKey Nation { get; } = new(GroupKind.Nation, null, null, "全国");

    /// <summary>Gets what the key names.</summary>
    [JsonPropertyName("kind")]
    public GroupKind Kind { get; }

    /// <summary>Gets the region's code for <see cref="GroupKind.Region"/>, else <see langword="null"/>.</summary>
    [JsonPropertyName("code"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RegionCode? Code { get; }

    /// <summary>Gets the region's level for <see cref="GroupKind.Region"/>, else <see langword="null"/>.</summary>
    [JsonPropertyName("level"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AdministrativeLevel? Level { get; }

    /// <summary>Gets the name: the region's Chinese name, 全国, or the caller's name for a custom group.</summary>
    [JsonPropertyName("name")]
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
    public override string ToString() => Kind == GroupKind.Region && Code is { } code ? code.ToString() + " " + Name : Name;

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
