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
/// so each variant is a definition of its own, named by its formula. The standard rates of docs/domain.md are
/// declared once each, with their Chinese and English labels, as the static properties of this type
/// (<see cref="Acceptance"/>, <see cref="Reply"/>, …, listed in <see cref="Standard"/>); <c>Measures.Rates</c>,
/// <c>MeasureCatalog.Default</c>, <c>ProposalStatistics</c> and rendering take them from there.
/// </summary>
/// <remarks>Equality compares identifier, numerator measures (in order) and denominator; labels follow the identifier. Immutable and thread-safe.</remarks>
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed partial class RateDefinition : IEquatable<RateDefinition>
{
    private readonly ReadOnlyCollection<Measure> numerator;

    /// <summary>
    /// Creates a rate definition. Its labels are those of the standard rate with the same identifier (a variant of
    /// 办复率 over cases is still 办复率), or none for another rate.
    /// </summary>
    /// <param name="measure">The rate's identifier, in family <c>rate</c> (or <c>share</c>).</param>
    /// <param name="numerator">The counts summed on top (at least one, no repeats).</param>
    /// <param name="denominator">The count below.</param>
    /// <exception cref="ArgumentException">The identifier is not a rate, a count is a rate, or the numerator is empty or repeats a measure.</exception>
    public RateDefinition(Measure measure, IEnumerable<Measure> numerator, Measure denominator)
        : this(measure, numerator, denominator, null, null, lookUpLabels: true)
    {
    }

    /// <summary>Creates a rate definition with its labels.</summary>
    /// <param name="measure">The rate's identifier, in family <c>rate</c> (or <c>share</c>).</param>
    /// <param name="numerator">The counts summed on top (at least one, no repeats).</param>
    /// <param name="denominator">The count below.</param>
    /// <param name="chineseLabel">The Chinese label, as reports word it (办复率).</param>
    /// <param name="englishName">The English name (reply rate).</param>
    /// <exception cref="ArgumentException">The identifier is not a rate, a count is a rate, the numerator is empty or repeats a measure, or a label is empty.</exception>
    public RateDefinition(Measure measure, IEnumerable<Measure> numerator, Measure denominator, string chineseLabel, string englishName)
        : this(measure, numerator, denominator, chineseLabel, englishName, lookUpLabels: false)
    {
        Preconditions.CheckNotNullOrWhiteSpace(chineseLabel);
        Preconditions.CheckNotNullOrWhiteSpace(englishName);
    }

    private RateDefinition(Measure measure, IEnumerable<Measure> numerator, Measure denominator, string? chineseLabel, string? englishName, bool lookUpLabels)
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
        if (lookUpLabels && FindStandard(measure) is { } standard)
        {
            chineseLabel = standard.ChineseLabel;
            englishName = standard.EnglishName;
        }

        ChineseLabel = chineseLabel;
        EnglishName = englishName;
    }

    /// <summary>Gets the rate's identifier.</summary>
    public Measure Measure { get; }

    /// <summary>Gets the counts summed on top.</summary>
    public IReadOnlyList<Measure> Numerator => numerator;

    /// <summary>Gets the count below.</summary>
    public Measure Denominator { get; }

    /// <summary>Gets the Chinese label (办复率), or <see langword="null"/> for a rate declared without labels.</summary>
    public string? ChineseLabel { get; }

    /// <summary>Gets the English name (reply rate), or <see langword="null"/> for a rate declared without labels.</summary>
    public string? EnglishName { get; }

    /// <summary>Gets the formula as text: <c>(proposals.outcome_a + proposals.outcome_b) / proposals.filed</c>.</summary>
    public string Formula => (numerator.Count == 1 ? numerator[0].Id : "(" + string.Join(" + ", numerator) + ")") + " / " + Denominator.Id;

    /// <summary>Returns this definition with another denominator (for example <c>proposals.cases</c>, the cases after merging).</summary>
    /// <param name="denominator">The new denominator.</param>
    /// <returns>The definition.</returns>
    public RateDefinition WithDenominator(Measure denominator) => new(Measure, numerator, denominator, ChineseLabel, EnglishName, lookUpLabels: false);

    /// <summary>Returns this definition with other numerator measures (for example satisfied only).</summary>
    /// <param name="numerator">The new numerator measures.</param>
    /// <returns>The definition.</returns>
    public RateDefinition WithNumerator(IEnumerable<Measure> numerator) => new(Measure, numerator, Denominator, ChineseLabel, EnglishName, lookUpLabels: false);

    /// <summary>Returns the label in a language, or the identifier when the rate has no labels.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The label (办复率, reply rate) or the identifier (<c>rate.meeting</c>).</returns>
    public string GetLabel(LabelLanguage language) => (language == LabelLanguage.English ? EnglishName : ChineseLabel) ?? Measure.Id;

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
