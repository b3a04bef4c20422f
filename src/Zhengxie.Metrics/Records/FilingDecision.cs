using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Records;

/// <summary>What the committee decided about a proposal after review (审查).</summary>
[JsonConverter(typeof(EnumJsonConverter<FilingDecision>))]
public enum FilingDecision
{
    /// <summary>Not decided yet: received and under review. Counts as received only.</summary>
    UnderReview = 0,

    /// <summary>Filed as a case (立案) and handled as one. Needs a filing date.</summary>
    Filed = 1,

    /// <summary>Not filed (不予立案), usually converted to an opinion or suggestion (转为意见建议).</summary>
    NotFiled = 2,

    /// <summary>
    /// Merged into another proposal (并案), named by <see cref="ProposalRecord.MergedInto"/>. With a filing
    /// date it was filed first and merged afterwards (it then counts as filed but not as a case); without
    /// one it was merged instead of being filed (received = filed + merged + not filed).
    /// </summary>
    Merged = 3,
}
