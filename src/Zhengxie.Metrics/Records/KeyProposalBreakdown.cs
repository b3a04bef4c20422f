using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Records;

/// <summary>The statistics of one committee and period split by the key-proposal flag (重点提案). Immutable.</summary>
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class KeyProposalBreakdown
{
    internal KeyProposalBreakdown(ProposalStatistics key, ProposalStatistics other)
    {
        Key = key;
        Other = other;
    }

    /// <summary>Gets the statistics of the key proposals.</summary>
    public ProposalStatistics Key { get; }

    /// <summary>Gets the statistics of the other proposals.</summary>
    public ProposalStatistics Other { get; }
}
