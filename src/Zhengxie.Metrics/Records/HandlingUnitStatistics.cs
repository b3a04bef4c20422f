using System;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Records;

/// <summary>The statistics of one handling unit in one role (lead or co-handling) for one committee and period. Immutable.</summary>
/// <remarks>Serialized as a source-generated contract: <c>{"unit":"县教育局","role":"lead","statistics":{…}}</c>, read through the public constructor and its checks.</remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class HandlingUnitStatistics : IEquatable<HandlingUnitStatistics>
{
    /// <summary>Creates the statistics of a unit (as <see cref="ProposalRecordSet.ByHandlingUnit"/> does; public for JSON and tests).</summary>
    /// <param name="unit">The unit's name.</param>
    /// <param name="role">The role the statistics count.</param>
    /// <param name="statistics">The statistics over the unit's cases in that role.</param>
    /// <exception cref="ArgumentException"><paramref name="unit"/> is empty, <paramref name="role"/> is not a defined role, or <paramref name="statistics"/> is <see langword="null"/> (the exception's <see cref="ArgumentException.ParamName"/> names the field).</exception>
    [JsonConstructor]
    public HandlingUnitStatistics(string unit, HandlingRole role, ProposalStatistics statistics)
    {
        Unit = Preconditions.CheckNotNullOrWhiteSpace(unit);
        Preconditions.CheckArgument(Enum.IsDefined(role), nameof(role), $"{(int)role} is not a handling role.");
        Role = role;
        Statistics = Preconditions.CheckNotNull(statistics);
    }

    /// <summary>Gets the unit's name.</summary>
    [JsonPropertyName("unit")]
    public string Unit { get; }

    /// <summary>Gets the role the statistics count.</summary>
    [JsonPropertyName("role")]
    public HandlingRole Role { get; }

    /// <summary>Gets the statistics over the unit's cases in that role (<c>filed</c> = <c>cases</c>; no <c>received</c>).</summary>
    [JsonPropertyName("statistics")]
    public ProposalStatistics Statistics { get; }

    /// <inheritdoc />
    public bool Equals(HandlingUnitStatistics? other) => other is not null && string.Equals(Unit, other.Unit, StringComparison.Ordinal) && Role == other.Role && Statistics.Equals(other.Statistics);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as HandlingUnitStatistics);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Unit), Role, Statistics);

    /// <inheritdoc />
    public override string ToString() => Unit + " (" + Role.ToString() + ")";
}
