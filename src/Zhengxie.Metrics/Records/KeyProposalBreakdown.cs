using System;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Records;

/// <summary>The statistics of one committee and period split by the key-proposal flag (重点提案). Immutable.</summary>
/// <remarks>Serialized as a source-generated contract: <c>{"key":{…},"other":{…}}</c>, read through the public constructor and its checks.</remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class KeyProposalBreakdown : IEquatable<KeyProposalBreakdown>
{
    /// <summary>Creates the breakdown (as <see cref="ProposalRecordSet.ByKeyFlag"/> does; public for JSON and tests).</summary>
    /// <param name="key">The statistics of the key proposals.</param>
    /// <param name="other">The statistics of the other proposals, of the same committee and period.</param>
    /// <exception cref="ArgumentException">A half is <see langword="null"/>, or <paramref name="other"/> is of another committee or period than <paramref name="key"/> (the exception's <see cref="ArgumentException.ParamName"/> names the field).</exception>
    [JsonConstructor]
    public KeyProposalBreakdown(ProposalStatistics key, ProposalStatistics other)
    {
        Key = Preconditions.CheckNotNull(key);
        Other = Preconditions.CheckNotNull(other);
        Preconditions.CheckArgument(
            key.Committee == other.Committee && key.Period == other.Period,
            nameof(other),
            $"Both halves of a key-proposal breakdown have one committee and period; the key proposals are of {key.Committee} {key.Period} and the others of {other.Committee} {other.Period}.");
    }

    /// <summary>Gets the statistics of the key proposals.</summary>
    [JsonPropertyName("key")]
    public ProposalStatistics Key { get; }

    /// <summary>Gets the statistics of the other proposals.</summary>
    [JsonPropertyName("other")]
    public ProposalStatistics Other { get; }

    /// <inheritdoc />
    public bool Equals(KeyProposalBreakdown? other) => other is not null && Key.Equals(other.Key) && Other.Equals(other.Other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as KeyProposalBreakdown);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, Other);

    /// <summary>Formats as <c>330324 2022: 3 key, 42 other</c> (the filed proposals of each half, <c>-</c> when unknown), culture-invariant.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Key.Committee + " " + Key.Period + ": " + Filed(Key) + " key, " + Filed(Other) + " other";

    private static string Filed(ProposalStatistics statistics) => statistics.TryGetCount(Measures.Proposals.Filed, out var filed) ? filed.ToString() : "-";
}
