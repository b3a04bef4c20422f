using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics;

/// <summary>What the satisfaction rate is taken over.</summary>
[JsonConverter(typeof(EnumJsonConverter<SatisfactionBase>))]
public enum SatisfactionBase
{
    /// <summary>The feedback forms returned, the default.</summary>
    Feedback = 0,

    /// <summary>Filed proposals (or cases, following <see cref="DownstreamBase"/>).</summary>
    Filed = 1,
}
