using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics;

/// <summary>Whose work a figure counts.</summary>
[JsonConverter(typeof(EnumJsonConverter<FigureScope>))]
public enum FigureScope
{
    /// <summary>The committee's own work (<c>committee</c>).</summary>
    Committee = 0,

    /// <summary>
    /// The committee and every committee under it (<c>region_total</c>), as in 丽水's
    /// 「市县政协举办155次“请你来协商”活动」. Never added to the committee figures it already contains.
    /// </summary>
    RegionTotal = 1,
}
