using System;
using System.Diagnostics;
using System.Globalization;

namespace Zhengxie.Metrics;

/// <summary>
/// The result of inferring a rate's numerator from a printed percentage and a known denominator: the
/// contiguous range of whole numerators that print as that percentage (<see cref="Candidates"/>),
/// and whether it is empty, one value or several.
/// </summary>
/// <remarks>
/// Equality compares outcome, candidates and denominator. <c>default(NumeratorInference)</c> is an
/// outcome of <see cref="InferenceOutcome.None"/> over a zero denominator. Immutable and thread-safe.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct NumeratorInference : IEquatable<NumeratorInference>
{
    private readonly Bounds candidates;

    internal NumeratorInference(long lowest, long highest, long denominator)
    {
        Denominator = denominator;
        if (lowest > highest)
        {
            Kind = InferenceOutcome.None;
            candidates = default;
        }
        else
        {
            Kind = lowest == highest ? InferenceOutcome.Unique : InferenceOutcome.Several;
            candidates = Bounds.Between(lowest, highest);
        }
    }

    /// <summary>Gets whether no, one or several numerators fit.</summary>
    public InferenceOutcome Kind { get; }

    /// <summary>
    /// Gets the whole numerators that fit, lowest to highest (one value when <see cref="Kind"/> is
    /// <see cref="InferenceOutcome.Unique"/>). Meaningless (0..0) when <see cref="Kind"/> is <see cref="InferenceOutcome.None"/>.
    /// </summary>
    public Bounds Candidates => candidates;

    /// <summary>Gets the denominator the inference was made for.</summary>
    public long Denominator { get; }

    /// <summary>Gets the implied numerator when exactly one fits; otherwise <see langword="null"/>.</summary>
    public long? Numerator => Kind == InferenceOutcome.Unique ? candidates.Lower : null;

    /// <summary>Gets the implied numerator when exactly one fits.</summary>
    /// <param name="numerator">The numerator, or 0 when there is not exactly one.</param>
    /// <returns>Whether exactly one numerator fits.</returns>
    public bool TryGetNumerator(out long numerator)
    {
        numerator = Kind == InferenceOutcome.Unique ? candidates.Lower : 0;
        return Kind == InferenceOutcome.Unique;
    }

    /// <summary>
    /// Returns the rate the inference implies: exact (<c>278/354</c>) when one numerator fits, bounded
    /// (<c>325..334/1000</c>) when several do.
    /// </summary>
    /// <returns>The rate.</returns>
    /// <exception cref="InvalidOperationException"><see cref="Kind"/> is <see cref="InferenceOutcome.None"/>: there is no rate.</exception>
    public Rate ToRate() => Kind switch
    {
        InferenceOutcome.Unique => Rate.Of(candidates.Lower, Denominator),
        InferenceOutcome.Several => Rate.FromBounds(candidates, Bounds.Exactly(Denominator)),
        _ => throw new InvalidOperationException("No numerator fits the printed percentage, so there is no rate."),
    };

    /// <summary>Formats as <c>unique 278/354</c>, <c>several 325..334/1000</c> or <c>none /3</c>.</summary>
    /// <returns>The text, culture-invariant.</returns>
    public override string ToString()
    {
        string d = Denominator.ToString(CultureInfo.InvariantCulture);
        return Kind switch
        {
            InferenceOutcome.Unique => "unique " + candidates.ToString() + "/" + d,
            InferenceOutcome.Several => "several " + candidates.ToString() + "/" + d,
            _ => "none /" + d,
        };
    }

    /// <inheritdoc />
    public bool Equals(NumeratorInference other) => Kind == other.Kind && candidates == other.candidates && Denominator == other.Denominator;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NumeratorInference other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, candidates, Denominator);

    /// <summary>Compares two inferences for equality.</summary>
    /// <param name="left">The first inference.</param>
    /// <param name="right">The second inference.</param>
    /// <returns>Whether outcome, candidates and denominator are equal.</returns>
    public static bool operator ==(NumeratorInference left, NumeratorInference right) => left.Equals(right);

    /// <summary>Compares two inferences for inequality.</summary>
    /// <param name="left">The first inference.</param>
    /// <param name="right">The second inference.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(NumeratorInference left, NumeratorInference right) => !left.Equals(right);
}
