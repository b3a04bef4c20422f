using System;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>Whether a measure counts things or is a rate.</summary>
[JsonConverter(typeof(EnumJsonConverter<MeasureKind>))]
public enum MeasureKind
{
    /// <summary>A count of things (proposals, events, reports, 元, …), never negative.</summary>
    Count = 0,

    /// <summary>A rate (<c>rate.*</c>), stated in percent.</summary>
    Rate = 1,
}
