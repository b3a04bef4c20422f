using System;
using System.Diagnostics;
using System.Globalization;

namespace Zhengxie.Metrics;

/// <summary>What <see cref="RateInference.InferNumerator(decimal, long, PercentRounding, int?)"/> found.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Zhengxie.Metrics.Serialization.EnumJsonConverter<InferenceOutcome>))]
public enum InferenceOutcome
{
    /// <summary>No whole numerator fits the printed percentage: the figures contradict each other (or the rounding convention is wrong).</summary>
    None = 0,

    /// <summary>Exactly one whole numerator fits: the count is implied exactly (丽水: 78.5% of 354 ⇒ 278).</summary>
    Unique = 1,

    /// <summary>Several whole numerators fit (33% of 1000 half-up ⇒ 325..334): the count is only bounded.</summary>
    Several = 2,
}
