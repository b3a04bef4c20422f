using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics;

/// <summary>Which answers count as satisfied in the satisfaction rate.</summary>
[JsonConverter(typeof(EnumJsonConverter<SatisfactionCounting>))]
public enum SatisfactionCounting
{
    /// <summary>满意 and 基本满意 (满意和基本满意率), the default.</summary>
    SatisfiedAndBasicallySatisfied = 0,

    /// <summary>满意 only.</summary>
    SatisfiedOnly = 1,
}
