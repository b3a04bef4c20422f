using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics;

/// <summary>Which count the downstream rates (reply, on-time reply, conclusion, adoption) are taken over.</summary>
[JsonConverter(typeof(EnumJsonConverter<DownstreamBase>))]
public enum DownstreamBase
{
    /// <summary>Filed proposals (立案), the default.</summary>
    Filed = 0,

    /// <summary>Cases after merging (并案后实际立案 / 交办), for places that merge after filing.</summary>
    Cases = 1,
}
