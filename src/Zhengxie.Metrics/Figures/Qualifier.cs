using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics;

/// <summary>
/// How exactly a report states a figure. Each value has a stable word used in data files
/// (<c>exact</c>, <c>more_than</c>, ...): see <see cref="QualifierText"/>.
/// </summary>
[JsonConverter(typeof(EnumJsonConverter<Qualifier>))]
public enum Qualifier
{
    /// <summary><c>exact</c>: 「75次」, exactly N.</summary>
    Exact = 0,

    /// <summary><c>more_than</c>: 「100余场次」「60多场」: above N, below N plus one unit of N's last non-zero digit (100余 → 101..199).</summary>
    MoreThan = 1,

    /// <summary><c>at_least</c>: 「100场以上」「超过」「逾」: N or more, no upper bound.</summary>
    AtLeast = 2,

    /// <summary><c>nearly</c>: 「近330万元」: below N, above N minus one unit of N's last non-zero digit.</summary>
    Nearly = 3,

    /// <summary><c>about</c>: 「约」: around N, half a unit of its last non-zero digit either side.</summary>
    About = 4,

    /// <summary><c>all</c>: 「全部办复」「均」: equal to the denominator the figure refers to; it has no value of its own.</summary>
    All = 5,

    /// <summary><c>percent_reported</c>: 「立案率78.5%」: a rate stated directly, rounded (or truncated) to its printed digits.</summary>
    PercentReported = 6,
}
