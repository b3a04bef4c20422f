using System.Diagnostics;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>What an <see cref="IndicatorColumn"/> holds.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Zhengxie.Metrics.Serialization.EnumJsonConverter<IndicatorColumnKind>))]
public enum IndicatorColumnKind
{
    /// <summary>A count measure summed over the group (<see cref="AggregateValue"/> cells).</summary>
    Measure = 0,

    /// <summary>A rate pooled over the group (<see cref="PooledRate"/> cells).</summary>
    Rate = 1,
}
