using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// A proposer's feedback on the reply (征询意见表), by meaning; map a place's labels with
/// <see cref="SatisfactionScale"/>.
/// </summary>
[JsonConverter(typeof(EnumJsonConverter<Feedback>))]
public enum Feedback
{
    /// <summary>No feedback returned.</summary>
    None = 0,

    /// <summary>The top of the scale (满意, or 很满意 on a 很满意/满意/不满意 scale); <c>proposals.satisfied</c>.</summary>
    Satisfied = 1,

    /// <summary>The middle of the scale (基本满意, or 满意 on a 很满意/满意/不满意 scale); <c>proposals.basically_satisfied</c>.</summary>
    BasicallySatisfied = 2,

    /// <summary>Dissatisfied (不满意); <c>proposals.dissatisfied</c>.</summary>
    Dissatisfied = 3,

    /// <summary>
    /// Understands (理解): neither satisfied nor dissatisfied, on scales that add it. Counted in
    /// <c>proposals.feedback</c> (the satisfaction rate's default denominator) and in no numerator.
    /// </summary>
    Understanding = 4,
}
