using System;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Rendering;

/// <summary>What a <see cref="ReportColumn"/> holds; every kind but <see cref="Text"/> is right-aligned.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Zhengxie.Metrics.Serialization.EnumJsonConverter<ReportColumnKind>))]
public enum ReportColumnKind
{
    /// <summary>Text (a name, a code, a period), left-aligned.</summary>
    Text = 0,

    /// <summary>A count (exact, or bounds), right-aligned.</summary>
    Count = 1,

    /// <summary>A rate, with its fraction where shown, right-aligned.</summary>
    Rate = 2,

    /// <summary>Another number (a statistic, a rank), right-aligned.</summary>
    Number = 3,
}
