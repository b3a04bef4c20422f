using System;
using System.Text.Json.Serialization;
using NodaTime;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// The proposals of one committee and period still open on a date: cases filed on or before it and not
/// replied on or before it. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Serialized as a source-generated contract: <c>{"committee":"330324","period":"2022","as_of":"2022-06-30","open":12,"overdue":3,"awaiting_handover":1}</c>,
/// read through the public constructor and its checks.
/// </remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class OpenProposalCounts : IEquatable<OpenProposalCounts>
{
    /// <summary>Creates the counts (as <see cref="ProposalRecordSet.OpenAsOf(Committee, ReportingPeriod, LocalDate)"/> does; public for JSON and tests).</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="asOf">The date counted on.</param>
    /// <param name="open">The open cases.</param>
    /// <param name="overdue">The open cases past their deadline: at most <paramref name="open"/>.</param>
    /// <param name="awaitingHandover">The open cases not yet handed over: at most <paramref name="open"/>.</param>
    /// <exception cref="ArgumentException">The committee or period is <c>default</c>, a count is negative, or <paramref name="overdue"/> or <paramref name="awaitingHandover"/> exceeds <paramref name="open"/> (the exception's <see cref="ArgumentException.ParamName"/> names the field).</exception>
    [JsonConstructor]
    public OpenProposalCounts(Committee committee, ReportingPeriod period, LocalDate asOf, long open, long overdue, long awaitingHandover)
    {
        Preconditions.CheckArgument(!committee.IsDefault, nameof(committee), "The counts need a committee.");
        Preconditions.CheckArgument(!period.IsDefault, nameof(period), "The counts need a period.");
        Preconditions.CheckArgument(open >= 0, nameof(open), $"The number of open cases of {committee} {period} must not be negative, found {open}.");
        Preconditions.CheckArgument(overdue >= 0 && overdue <= open, nameof(overdue), $"The overdue cases of {committee} {period} must be from 0 to the {open} open, found {overdue}.");
        Preconditions.CheckArgument(awaitingHandover >= 0 && awaitingHandover <= open, nameof(awaitingHandover), $"The cases of {committee} {period} awaiting handover must be from 0 to the {open} open, found {awaitingHandover}.");
        Committee = committee;
        Period = period;
        AsOf = asOf;
        Open = open;
        Overdue = overdue;
        AwaitingHandover = awaitingHandover;
    }

    /// <summary>Gets the committee.</summary>
    [JsonPropertyName("committee")]
    public Committee Committee { get; }

    /// <summary>Gets the period.</summary>
    [JsonPropertyName("period")]
    public ReportingPeriod Period { get; }

    /// <summary>Gets the date counted on.</summary>
    [JsonPropertyName("as_of"), JsonConverter(typeof(ZhengxieJsonConverterFactory))]
    public LocalDate AsOf { get; }

    /// <summary>Gets the number of open cases: filed on or before <see cref="AsOf"/>, no reply on or before it.</summary>
    [JsonPropertyName("open")]
    public long Open { get; }

    /// <summary>Gets the number of open cases whose deadline (under the set's policy, with any extension) was before <see cref="AsOf"/>.</summary>
    [JsonPropertyName("overdue")]
    public long Overdue { get; }

    /// <summary>Gets the number of open cases not handed over on or before <see cref="AsOf"/>.</summary>
    [JsonPropertyName("awaiting_handover")]
    public long AwaitingHandover { get; }

    /// <inheritdoc />
    public bool Equals(OpenProposalCounts? other) => other is not null && Committee == other.Committee && Period == other.Period && AsOf == other.AsOf && Open == other.Open && Overdue == other.Overdue && AwaitingHandover == other.AwaitingHandover;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OpenProposalCounts);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Committee, Period, AsOf, Open, Overdue, AwaitingHandover);

    /// <summary>Formats as <c>330324 2022 as of 2022-06-30: 12 open, 3 overdue, 1 awaiting handover</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Committee} {Period} as of {RecordValidator.Format(AsOf)}: {Open} open, {Overdue} overdue, {AwaitingHandover} awaiting handover");
}
