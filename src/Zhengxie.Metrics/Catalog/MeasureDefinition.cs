using System;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// What a measure means: its identifier, its Chinese label and English name, whether it is a count or
/// a rate, the measure it is a kind of (<c>activity.consultation</c> for <c>activity.consultation.sector</c>),
/// and the unit reports usually print it in. Categories are data: a caller adds its own with
/// <see cref="MeasureCatalog.With(MeasureDefinition)"/>.
/// </summary>
/// <remarks>Equality compares every field. Immutable and thread-safe.</remarks>
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class MeasureDefinition : IEquatable<MeasureDefinition>
{
    /// <summary>Creates a definition.</summary>
    /// <param name="measure">The measure's identifier.</param>
    /// <param name="chineseLabel">The Chinese label, such as 界别协商.</param>
    /// <param name="englishName">The English name, such as <c>sector consultations</c>.</param>
    /// <param name="parent">The measure this one is a kind of, or <see langword="null"/>.</param>
    /// <param name="defaultUnit">The unit reports usually print it in, or <see langword="null"/> when there is none.</param>
    /// <exception cref="ArgumentException">The measure is the default value, a label is empty, the parent is the measure itself, or a rate's unit is not %.</exception>
    public MeasureDefinition(Measure measure, string chineseLabel, string englishName, Measure? parent = null, FigureUnit? defaultUnit = null)
    {
        Preconditions.CheckArgument(!measure.IsDefault, nameof(measure), "A definition needs a measure.");
        Preconditions.CheckNotNullOrWhiteSpace(chineseLabel);
        Preconditions.CheckNotNullOrWhiteSpace(englishName);
        Preconditions.CheckArgument(parent is null || (!parent.Value.IsDefault && parent.Value != measure), nameof(parent), $"The parent of {measure} must be another measure.");
        Preconditions.CheckArgument(
            defaultUnit is null || (!string.IsNullOrEmpty(defaultUnit.Value.Symbol) && defaultUnit.Value.IsPercent == measure.IsRate),
            nameof(defaultUnit),
            $"The unit of {measure} must be % for a rate and only for a rate.");
        Measure = measure;
        ChineseLabel = chineseLabel;
        EnglishName = englishName;
        Parent = parent;
        DefaultUnit = defaultUnit;
    }

    /// <summary>Gets the measure's identifier.</summary>
    public Measure Measure { get; }

    /// <summary>Gets the Chinese label.</summary>
    public string ChineseLabel { get; }

    /// <summary>Gets the English name.</summary>
    public string EnglishName { get; }

    /// <summary>Gets whether the measure is a count or a rate (a rate exactly when its identifier is <c>rate.*</c>).</summary>
    public MeasureKind Kind => Measure.IsRate ? MeasureKind.Rate : MeasureKind.Count;

    /// <summary>Gets the measure this one is a kind of, or <see langword="null"/>.</summary>
    public Measure? Parent { get; }

    /// <summary>Gets the unit reports usually print it in, or <see langword="null"/>.</summary>
    public FigureUnit? DefaultUnit { get; }

    /// <summary>Returns the label in a language.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The label.</returns>
    public string GetLabel(LabelLanguage language) => language == LabelLanguage.English ? EnglishName : ChineseLabel;

    /// <inheritdoc />
    public bool Equals(MeasureDefinition? other) =>
        other is not null && Measure == other.Measure
        && string.Equals(ChineseLabel, other.ChineseLabel, StringComparison.Ordinal)
        && string.Equals(EnglishName, other.EnglishName, StringComparison.Ordinal)
        && Parent == other.Parent && DefaultUnit == other.DefaultUnit;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MeasureDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Measure, ChineseLabel, EnglishName, Parent, DefaultUnit);

    /// <summary>Formats as <c>activity.consultation.sector 界别协商 (sector consultations)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Measure.Id + " " + ChineseLabel + " (" + EnglishName + ")";
}
