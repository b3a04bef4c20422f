using System;
using System.Diagnostics;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>What a <see cref="GroupKey"/> names.</summary>
[JsonConverter(typeof(EnumJsonConverter<GroupKind>))]
public enum GroupKind
{
    /// <summary>A region of the region table (a province or a prefecture) and committees within it.</summary>
    Region = 0,

    /// <summary>The whole country (全国).</summary>
    Nation = 1,

    /// <summary>A group the caller defined (an economic zone, a list of pilot counties, ...).</summary>
    Custom = 2,
}
