using System.Diagnostics;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>One committee's rate.</summary>
/// <param name="Committee">The committee.</param>
/// <param name="Rate">Its rate from its own counts.</param>
[DebuggerDisplay("{Committee} {Rate}")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public readonly record struct CommitteeRate(
    [property: JsonPropertyName("committee"), JsonRequired] Committee Committee,
    [property: JsonPropertyName("rate"), JsonRequired] Rate Rate);
