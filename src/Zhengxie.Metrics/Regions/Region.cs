using System;
using System.Diagnostics;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Regions;

/// <summary>
/// One administrative division of a <see cref="RegionTable"/>: its GB/T 2260 code, official Chinese
/// name, level and the code of its nearest real parent (empty for provinces). Immutable and thread-safe;
/// equality compares every field.
/// </summary>
[DebuggerDisplay("{Code} {Name,nq}")]
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class Region : IEquatable<Region>
{
    /// <summary>Creates a region.</summary>
    /// <param name="code">The division code.</param>
    /// <param name="name">The official Chinese name, such as <c>永嘉县</c>.</param>
    /// <param name="level">The level.</param>
    /// <param name="parentCode">The nearest real parent's code; <see langword="null"/> for a province.</param>
    /// <exception cref="ArgumentException">An argument is missing or the parent does not fit the level.</exception>
    public Region(RegionCode code, string name, AdministrativeLevel level, RegionCode? parentCode)
    {
        Preconditions.CheckArgument(!code.IsDefault, nameof(code), "A region needs a code.");
        Preconditions.CheckNotNullOrWhiteSpace(name);
        Preconditions.CheckArgument(
            (level == AdministrativeLevel.Province) == (parentCode is null),
            nameof(parentCode),
            $"Region {code}: a province has no parent, and every other region has one.");
        Code = code;
        Name = name;
        Level = level;
        ParentCode = parentCode;
    }

    /// <summary>Gets the division code.</summary>
    public RegionCode Code { get; }

    /// <summary>Gets the official Chinese name.</summary>
    public string Name { get; }

    /// <summary>Gets the level.</summary>
    public AdministrativeLevel Level { get; }

    /// <summary>Gets the nearest real parent's code, or <see langword="null"/> for a province.</summary>
    public RegionCode? ParentCode { get; }

    /// <summary>Gets the committee that sits at this region, at this region's level.</summary>
    public Committee Committee => new(Code, Level);

    /// <inheritdoc />
    public bool Equals(Region? other) =>
        other is not null && Code == other.Code && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Level == other.Level && ParentCode == other.ParentCode;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Region);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Name, Level, ParentCode);

    /// <summary>Returns the code and name, such as <c>330324 永嘉县</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Code.ToString() + " " + Name;
}
