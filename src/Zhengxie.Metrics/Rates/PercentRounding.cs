using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics;

/// <summary>How a report turned an exact fraction into the percentage it printed.</summary>
[JsonConverter(typeof(EnumJsonConverter<PercentRounding>))]
public enum PercentRounding
{
    /// <summary>Rounded to the nearest printed digit, halves away from zero (98.876… → 98.9). The usual case.</summary>
    HalfUp = 0,

    /// <summary>Cut after the printed digits (224/274 = 81.75… printed 81.7).</summary>
    Truncate = 1,

    /// <summary>Either of the two: used when inferring a numerator from a printed rate whose convention is unknown.</summary>
    HalfUpOrTruncate = 2,
}
