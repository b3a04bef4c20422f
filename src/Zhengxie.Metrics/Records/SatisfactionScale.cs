using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// The labels one place uses for proposer feedback, mapped to <see cref="Feedback"/> by their place on
/// the scale: on <see cref="Standard"/> 满意 is <see cref="Feedback.Satisfied"/>, on <see cref="VerySatisfied"/>
/// it is <see cref="Feedback.BasicallySatisfied"/>. Immutable and thread-safe.
/// </summary>
public sealed class SatisfactionScale
{
    private readonly ReadOnlyDictionary<string, Feedback> labels;

    /// <summary>Creates a scale from its labels.</summary>
    /// <param name="labels">Each label with its meaning; each label once; <see cref="Feedback.None"/> is not a label.</param>
    /// <exception cref="ArgumentException">A label is empty or repeated, or a meaning is not defined or is <see cref="Feedback.None"/>.</exception>
    public SatisfactionScale(IEnumerable<KeyValuePair<string, Feedback>> labels)
    {
        Preconditions.CheckNotNull(labels);
        var map = new Dictionary<string, Feedback>(StringComparer.Ordinal);
        foreach (var (label, feedback) in labels)
        {
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(label), nameof(labels), "A label must not be empty.");
            Preconditions.CheckArgument(feedback is >= Feedback.Satisfied and <= Feedback.Understanding, nameof(labels), $"Label '{label}': {feedback} is not a feedback answer.");
            Preconditions.CheckArgument(map.TryAdd(label.Trim(), feedback), nameof(labels), $"Label '{label}' appears twice.");
        }

        Preconditions.CheckArgument(map.Count > 0, nameof(labels), "A scale needs at least one label.");
        this.labels = map.AsReadOnly();
    }

    /// <summary>Gets the usual scale: 满意 / 基本满意 / 不满意, with 比较满意 as basically satisfied and 理解 where used.</summary>
    public static SatisfactionScale Standard { get; } = new(new Dictionary<string, Feedback>
    {
        ["满意"] = Feedback.Satisfied,
        ["基本满意"] = Feedback.BasicallySatisfied,
        ["比较满意"] = Feedback.BasicallySatisfied,
        ["不满意"] = Feedback.Dissatisfied,
        ["理解"] = Feedback.Understanding,
    });

    /// <summary>Gets the scale 很满意 (非常满意) / 满意 / 不满意, with 理解 where used: here 满意 is the middle answer.</summary>
    public static SatisfactionScale VerySatisfied { get; } = new(new Dictionary<string, Feedback>
    {
        ["很满意"] = Feedback.Satisfied,
        ["非常满意"] = Feedback.Satisfied,
        ["满意"] = Feedback.BasicallySatisfied,
        ["不满意"] = Feedback.Dissatisfied,
        ["理解"] = Feedback.Understanding,
    });

    /// <summary>Gets the labels and their meanings.</summary>
    public IReadOnlyDictionary<string, Feedback> Labels => labels;

    /// <summary>Maps a label of this scale to its meaning.</summary>
    /// <param name="label">The label, such as <c>基本满意</c>.</param>
    /// <returns>The feedback.</returns>
    /// <exception cref="FormatException">The label is not on this scale.</exception>
    public Feedback Parse(string label)
    {
        Preconditions.CheckNotNull(label);
        return TryParse(label, out var feedback)
            ? feedback
            : throw new FormatException($"'{label}' is not a label of this satisfaction scale ({string.Join(", ", labels.Keys)}).");
    }

    /// <summary>Tries to map a label of this scale to its meaning.</summary>
    /// <param name="label">The label.</param>
    /// <param name="feedback">The feedback, when found.</param>
    /// <returns>Whether the label is on this scale.</returns>
    public bool TryParse([NotNullWhen(true)] string? label, out Feedback feedback)
    {
        feedback = Feedback.None;
        return label is not null && labels.TryGetValue(label.Trim(), out feedback);
    }
}
