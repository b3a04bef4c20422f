using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Records;

/// <summary>A handling unit's role on a case.</summary>
[JsonConverter(typeof(EnumJsonConverter<HandlingRole>))]
public enum HandlingRole
{
    /// <summary>The lead unit (主办单位), which writes the reply.</summary>
    Lead = 0,

    /// <summary>A co-handling unit (协办单位 / 会办单位).</summary>
    CoHandling = 1,
}
