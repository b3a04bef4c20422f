using System;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Validation;

/// <summary>
/// One problem found in input: the rule broken and what it concerns (committee, period, measure,
/// and for proposal records the record's identifier), with a message that says it in words.
/// Immutable and thread-safe; equality compares every field.
/// </summary>
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class ValidationFinding : IEquatable<ValidationFinding>
{
    /// <summary>Creates a finding.</summary>
    /// <param name="rule">The rule broken.</param>
    /// <param name="message">What is wrong, in words, naming the values involved.</param>
    /// <param name="committee">The committee concerned, if any.</param>
    /// <param name="period">The period concerned, if any.</param>
    /// <param name="measure">The measure concerned, if any.</param>
    /// <param name="recordId">The proposal record concerned, if any.</param>
    /// <param name="severity">The severity; by default that of the rule (<see cref="ValidationRules.SeverityOf"/>).</param>
    public ValidationFinding(
        ValidationRule rule,
        string message,
        Committee? committee = null,
        ReportingPeriod? period = null,
        Measure? measure = null,
        string? recordId = null,
        FindingSeverity? severity = null)
    {
        Severity = severity ?? ValidationRules.SeverityOf(rule);
        Preconditions.CheckNotNullOrWhiteSpace(message);
        Rule = rule;
        Message = message;
        Committee = committee;
        Period = period;
        Measure = measure;
        RecordId = recordId;
    }

    /// <summary>Gets the rule broken.</summary>
    public ValidationRule Rule { get; }

    /// <summary>Gets whether the finding is an error (malformed input) or a source inconsistency (the report's own figures disagree).</summary>
    public FindingSeverity Severity { get; }

    /// <summary>Gets a value indicating whether the finding is an error (<see cref="FindingSeverity.Error"/>).</summary>
    public bool IsError => Severity == FindingSeverity.Error;

    /// <summary>Gets what is wrong, in words.</summary>
    public string Message { get; }

    /// <summary>Gets the committee concerned, or <see langword="null"/>.</summary>
    public Committee? Committee { get; }

    /// <summary>Gets the period concerned, or <see langword="null"/>.</summary>
    public ReportingPeriod? Period { get; }

    /// <summary>Gets the measure concerned, or <see langword="null"/>.</summary>
    public Measure? Measure { get; }

    /// <summary>Gets the proposal record's identifier, or <see langword="null"/>.</summary>
    public string? RecordId { get; }

    /// <inheritdoc />
    public bool Equals(ValidationFinding? other) =>
        other is not null && Rule == other.Rule && Severity == other.Severity && string.Equals(Message, other.Message, StringComparison.Ordinal)
        && Committee == other.Committee && Period == other.Period && Measure == other.Measure
        && string.Equals(RecordId, other.RecordId, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValidationFinding);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rule, Severity, Message, Committee, Period, Measure, RecordId);

    /// <summary>Returns this finding as an error (for strict validation); the finding itself when it is one.</summary>
    /// <returns>The finding with <see cref="FindingSeverity.Error"/>.</returns>
    public ValidationFinding AsError() => IsError ? this : new ValidationFinding(Rule, Message, Committee, Period, Measure, RecordId, FindingSeverity.Error);

    /// <summary>Formats as <c>[FiledExceedsReceived] committee 520112, period 2022, measure proposals.filed: …</c> (a source inconsistency adds <c>(source inconsistency)</c> after the rule).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append('[').Append(Rule.ToString()).Append(']');
        if (Severity == FindingSeverity.SourceInconsistency)
        {
            text.Append(" (source inconsistency)");
        }

        if (Committee is { } c)
        {
            text.Append(" committee ").Append(c.ToString());
        }

        if (Period is { } p)
        {
            text.Append(", period ").Append(p.ToString());
        }

        if (Measure is { } m)
        {
            text.Append(", measure ").Append(m.Id);
        }

        if (RecordId is not null)
        {
            text.Append(", record ").Append(RecordId);
        }

        return text.Append(": ").Append(Message).ToString();
    }
}
