using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// The formula of a rate: which counts are summed on top, which count is below, and the rate's
/// identifier (<c>rate.acceptance</c> = <c>proposals.filed</c> / <c>proposals.received</c>). Reports
/// use one Chinese word for several formulas (采纳率 is A/filed in one place, (A+B)/filed in another),
/// so each variant is a definition of its own, named by its formula.
/// </summary>
/// <remarks>Equality compares identifier, numerator measures (in order) and denominator. Immutable and thread-safe.</remarks>
[JsonConverter(typeof(RateDefinitionJsonConverter))]
public sealed class RateDefinition : IEquatable<RateDefinition>
{
    private readonly ReadOnlyCollection<Measure> numerator;

    /// <summary>Creates a rate definition.</summary>
    /// <param name="measure">The rate's identifier, in family <c>rate</c>.</param>
    /// <param name="numerator">The counts summed on top (at least one, no repeats).</param>
    /// <param name="denominator">The count below.</param>
    /// <exception cref="ArgumentException">The identifier is not a rate, a count is a rate, or the numerator is empty or repeats a measure.</exception>
    public RateDefinition(Measure measure, IEnumerable<Measure> numerator, Measure denominator)
    {
        Preconditions.CheckArgument(measure.IsRate, nameof(measure), $"'{measure}' is not a rate identifier (rate.*).");
        Preconditions.CheckNotNull(numerator);
        var parts = numerator.ToList();
        Preconditions.CheckArgument(parts.Count > 0, nameof(numerator), "A rate needs at least one numerator measure.");
        Preconditions.CheckArgument(parts.Distinct().Count() == parts.Count, nameof(numerator), "A numerator measure appears twice.");
        Preconditions.CheckArgument(parts.TrueForAll(m => !m.IsDefault && !m.IsRate), nameof(numerator), "Numerator measures must be counts.");
        Preconditions.CheckArgument(!denominator.IsDefault && !denominator.IsRate, nameof(denominator), "The denominator must be a count.");
        Measure = measure;
        this.numerator = parts.AsReadOnly();
        Denominator = denominator;
    }

    /// <summary>Gets the rate's identifier.</summary>
    public Measure Measure { get; }

    /// <summary>Gets the counts summed on top.</summary>
    public IReadOnlyList<Measure> Numerator => numerator;

    /// <summary>Gets the count below.</summary>
    public Measure Denominator { get; }

    /// <summary>Gets the formula as text: <c>(proposals.outcome_a + proposals.outcome_b) / proposals.filed</c>.</summary>
    public string Formula => (numerator.Count == 1 ? numerator[0].Id : "(" + string.Join(" + ", numerator) + ")") + " / " + Denominator.Id;

    /// <summary>Gets 立案率 = filed / received.</summary>
    public static RateDefinition Acceptance { get; } = new(Measures.Rates.Acceptance, [Measures.Proposals.Filed], Measures.Proposals.Received);

    /// <summary>Gets 办复率 = replied / filed.</summary>
    public static RateDefinition Reply { get; } = new(Measures.Rates.Reply, [Measures.Proposals.Replied], Measures.Proposals.Filed);

    /// <summary>Gets 按时办复率 = replied_on_time / filed.</summary>
    public static RateDefinition OnTimeReply { get; } = new(Measures.Rates.OnTimeReply, [Measures.Proposals.RepliedOnTime], Measures.Proposals.Filed);

    /// <summary>Gets 办结率 = concluded / filed.</summary>
    public static RateDefinition Conclusion { get; } = new(Measures.Rates.Conclusion, [Measures.Proposals.Concluded], Measures.Proposals.Filed);

    /// <summary>Gets the narrow adoption rate (解决采纳率) = outcome_a / filed.</summary>
    public static RateDefinition Adoption { get; } = new(Measures.Rates.Adoption, [Measures.Proposals.OutcomeA], Measures.Proposals.Filed);

    /// <summary>Gets the adoption rate including planned (采纳率 / 采用率) = (outcome_a + outcome_b) / filed.</summary>
    public static RateDefinition AdoptionIncludingPlanned { get; } = new(Measures.Rates.AdoptionIncludingPlanned, [Measures.Proposals.OutcomeA, Measures.Proposals.OutcomeB], Measures.Proposals.Filed);

    /// <summary>Gets 满意率 = (satisfied + basically_satisfied) / feedback received.</summary>
    public static RateDefinition Satisfaction { get; } = new(Measures.Rates.Satisfaction, [Measures.Proposals.Satisfied, Measures.Proposals.BasicallySatisfied], Measures.Proposals.Feedback);

    /// <summary>Gets the social-conditions information adoption rate at provincial level = adopted.province / submitted.</summary>
    public static RateDefinition OpinionInfoAdoptionByProvince { get; } = new(new Measure("rate.opinion_info_adoption.province"), [Measures.OpinionInfo.AdoptedByProvince], Measures.OpinionInfo.Submitted);

    /// <summary>Gets the default definitions of every rate docs/domain.md names, in display order.</summary>
    public static IReadOnlyList<RateDefinition> Standard { get; } = new[]
    {
        Acceptance, Reply, OnTimeReply, Conclusion, Adoption, AdoptionIncludingPlanned, Satisfaction,
    }.AsReadOnly();

    /// <summary>Returns this definition with another denominator (for example <c>proposals.cases</c>, the cases after merging).</summary>
    /// <param name="denominator">The new denominator.</param>
    /// <returns>The definition.</returns>
    public RateDefinition WithDenominator(Measure denominator) => new(Measure, numerator, denominator);

    /// <summary>Returns this definition with other numerator measures (for example satisfied only).</summary>
    /// <param name="numerator">The new numerator measures.</param>
    /// <returns>The definition.</returns>
    public RateDefinition WithNumerator(IEnumerable<Measure> numerator) => new(Measure, numerator, Denominator);

    /// <inheritdoc />
    public bool Equals(RateDefinition? other) =>
        other is not null && Measure == other.Measure && Denominator == other.Denominator && numerator.SequenceEqual(other.numerator);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RateDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Measure, Denominator, numerator.Count);

    /// <summary>Returns <c>rate.reply = proposals.replied / proposals.filed</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Measure.Id + " = " + Formula;
}
