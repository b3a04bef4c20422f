using System.Text.Json.Serialization;
using NodaTime;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// The proposals of one committee and period still open on a date: cases filed on or before it and not
/// replied on or before it. Immutable and thread-safe.
/// </summary>
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class OpenProposalCounts
{
    internal OpenProposalCounts(Committee committee, ReportingPeriod period, LocalDate asOf, long open, long overdue, long awaitingHandover)
    {
        Committee = committee;
        Period = period;
        AsOf = asOf;
        Open = open;
        Overdue = overdue;
        AwaitingHandover = awaitingHandover;
    }

    /// <summary>Gets the committee.</summary>
    public Committee Committee { get; }

    /// <summary>Gets the period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the date counted on.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the number of open cases: filed on or before <see cref="AsOf"/>, no reply on or before it.</summary>
    public long Open { get; }

    /// <summary>Gets the number of open cases whose deadline (under the set's policy, with any extension) was before <see cref="AsOf"/>.</summary>
    public long Overdue { get; }

    /// <summary>Gets the number of open cases not handed over on or before <see cref="AsOf"/>.</summary>
    public long AwaitingHandover { get; }

    /// <summary>Formats as <c>330324 2022 as of 2022-06-30: 12 open, 3 overdue, 1 awaiting handover</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Committee} {Period} as of {RecordValidator.Format(AsOf)}: {Open} open, {Overdue} overdue, {AwaitingHandover} awaiting handover");
}
