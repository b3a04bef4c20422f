using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Records;

/// <summary>The statistics of one handling unit in one role (lead or co-handling) for one committee and period. Immutable.</summary>
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class HandlingUnitStatistics
{
    internal HandlingUnitStatistics(string unit, HandlingRole role, ProposalStatistics statistics)
    {
        Unit = unit;
        Role = role;
        Statistics = statistics;
    }

    /// <summary>Gets the unit's name.</summary>
    public string Unit { get; }

    /// <summary>Gets the role the statistics count.</summary>
    public HandlingRole Role { get; }

    /// <summary>Gets the statistics over the unit's cases in that role (<c>filed</c> = <c>cases</c>; no <c>received</c>).</summary>
    public ProposalStatistics Statistics { get; }

    /// <inheritdoc />
    public override string ToString() => Unit + " (" + Role.ToString() + ")";
}
