using System;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>The language of a measure's label.</summary>
[JsonConverter(typeof(EnumJsonConverter<LabelLanguage>))]
public enum LabelLanguage
{
    /// <summary>The Chinese label, as reports word it (立案).</summary>
    Chinese = 0,

    /// <summary>The English name (filed proposals).</summary>
    English = 1,
}
