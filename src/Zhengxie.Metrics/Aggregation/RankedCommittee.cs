using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>A committee's place in a <see cref="RateDistribution"/>'s ranking, with its code and name.</summary>
/// <param name="Rank">The competition rank (1, 2, 2, 4): one more than the number of committees with a strictly higher rate.</param>
/// <param name="Committee">The committee.</param>
/// <param name="Rate">Its rate.</param>
[DebuggerDisplay("{Rank}. {Code} {Name} {Rate}")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public readonly record struct RankedCommittee(
    [property: JsonPropertyName("rank"), JsonRequired] int Rank,
    [property: JsonPropertyName("committee"), JsonRequired] Committee Committee,
    [property: JsonPropertyName("rate"), JsonRequired, JsonPropertyOrder(1)] Rate Rate)
{
    private readonly string? name;

    /// <summary>Gets the committee's region code (<c>331102</c>).</summary>
    [JsonIgnore]
    public RegionCode Code => Committee.Region;

    /// <summary>Gets the committee's region name from the dataset's region table (莲都区); the code as text when the table does not have it.</summary>
    [JsonPropertyName("name")]
    public string Name
    {
        get => name ?? Committee.Region.ToString();
        init => name = value;
    }

    /// <summary>Returns whether two entries have the same rank, committee and rate (the name follows the committee, from whichever region table named it).</summary>
    /// <param name="other">The other entry.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(RankedCommittee other) => Rank == other.Rank && Committee == other.Committee && Rate.Equals(other.Rate);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rank, Committee, Rate);
}
