using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// The class of a handling unit's answer, by meaning rather than by letter (places differ in letters;
/// map them with <see cref="AnswerClassScheme"/>).
/// </summary>
[JsonConverter(typeof(EnumJsonConverter<AnswerClass>))]
public enum AnswerClass
{
    /// <summary>Solved or adopted (已解决或采纳), usually class A; counted as <c>proposals.outcome_a</c>.</summary>
    SolvedOrAdopted = 1,

    /// <summary>Being solved, or planned to be solved (正在解决或列入计划解决), usually class B; counted as <c>proposals.outcome_b</c>.</summary>
    BeingSolvedOrPlanned = 2,

    /// <summary>Kept for reference, as conditions do not allow it now (因条件限制留作参考), usually class C; counted as <c>proposals.outcome_c</c>.</summary>
    ForReference = 3,
}
