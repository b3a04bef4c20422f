using System.Collections.Generic;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>Which scope of figures an aggregation sums.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Zhengxie.Metrics.Serialization.EnumJsonConverter<AggregationScope>))]
public enum AggregationScope
{
    /// <summary>Committee-scope figures only: each committee's own work (the default).</summary>
    Committee = 0,

    /// <summary>
    /// Region-total figures only (a committee and all committees under it). A group holding the region
    /// total of a region and that of a region under it is rejected (<c>RegionTotalWithParts</c>).
    /// </summary>
    RegionTotal = 1,

    /// <summary>
    /// Both scopes. A group holding a region total and any figure it already contains (the committee's own,
    /// or one of a committee under it, for the same measure and period) is rejected
    /// (<c>RegionTotalWithParts</c>), since adding them counts the same work twice.
    /// </summary>
    CommitteeAndRegionTotal = 2,
}
