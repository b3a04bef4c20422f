namespace Zhengxie.Metrics.Validation;

/// <summary>
/// How serious a <see cref="ValidationFinding"/> is. docs/domain.md draws the line: input that is malformed (not a number,
/// an unknown region, a rate of 130 %, a negative count) is an error; a report whose own figures disagree with each
/// other is a source inconsistency, kept as published and reported so an analyst can load a report as it stands.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Zhengxie.Metrics.Serialization.EnumJsonConverter<FindingSeverity>))]
public enum FindingSeverity
{
    /// <summary>Malformed input: what it concerns is not used, and <see cref="ValidationMode.Throw"/> throws.</summary>
    Error = 0,

    /// <summary>
    /// The report's own figures disagree (filed 120 of 100 received, a printed rate no count fits under any formula
    /// variant): the figures are kept as published, the relation between them is not used, and nothing throws unless
    /// the caller asks for strict validation, which makes these errors.
    /// </summary>
    SourceInconsistency = 1,
}
