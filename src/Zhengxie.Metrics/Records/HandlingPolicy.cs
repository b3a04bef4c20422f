using System;
using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// The handling rules that decide a proposal's reply deadline: a period from handover (or receipt), and
/// how far an extension may reach. <see cref="Default"/> is docs/domain.md's provincial rule: 3 months from
/// handover, extendable to at most 6 months from handover.
/// </summary>
/// <remarks>
/// <para>
/// Month arithmetic is NodaTime's (<see cref="LocalDate.Plus(Period)"/>): adding months keeps the day of
/// month and, where that day does not exist, takes the month's last day. So 31 January + 1 month is
/// 28 February (29 February in a leap year), and 30 November + 3 months is 28 or 29 February. A deadline
/// is the last day on which a reply is on time.
/// </para>
/// <para>Immutable and thread-safe; set options with <c>init</c> and check them with <see cref="Validate"/>.</para>
/// </remarks>
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class HandlingPolicy : IEquatable<HandlingPolicy>
{
    /// <summary>Gets the default policy: 3 months from handover, extendable to at most 6 months from handover.</summary>
    public static HandlingPolicy Default { get; } = new();

    /// <summary>Gets the period within which a reply is due, from <see cref="ClockStart"/> (default 3 months).</summary>
    public Period ReplyDeadline { get; init; } = Period.FromMonths(3);

    /// <summary>Gets the date the deadline runs from (default <see cref="Records.ClockStart.Handover"/>).</summary>
    public ClockStart ClockStart { get; init; } = ClockStart.Handover;

    /// <summary>
    /// Gets the longest an extended deadline may reach, from the same start (default 6 months): a reply is
    /// never due later than start + this, whatever extension a record claims. Set it equal to
    /// <see cref="ReplyDeadline"/> to allow no extension; for "2 months, extendable by 1", set 3 months.
    /// </summary>
    public Period MaximumExtension { get; init; } = Period.FromMonths(6);

    /// <summary>Checks the options.</summary>
    /// <returns>This policy.</returns>
    /// <exception cref="ArgumentException">
    /// An option is invalid; the exception's parameter name is the option: <see cref="ReplyDeadline"/> is null,
    /// has a time part or is not positive; <see cref="ClockStart"/> is not defined; <see cref="MaximumExtension"/>
    /// is null, has a time part or ends before <see cref="ReplyDeadline"/> from some start date.
    /// </exception>
    public HandlingPolicy Validate()
    {
        CheckDatePeriod(ReplyDeadline, nameof(ReplyDeadline));
        CheckDatePeriod(MaximumExtension, nameof(MaximumExtension));
        Preconditions.CheckArgument(ClockStart is ClockStart.Handover or ClockStart.Receipt, nameof(ClockStart), $"{ClockStart} is not a defined clock start.");

        // Periods mixing months and days order differently from different dates: check every start date of
        // a four-year cycle (a leap year included).
        var start = new LocalDate(2001, 1, 1);
        for (int i = 0; i < 1461; i++, start = start.PlusDays(1))
        {
            var due = start + ReplyDeadline;
            if (due <= start)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The reply deadline {ReplyDeadline} must be positive (from {start:uuuu-MM-dd} it gives {due:uuuu-MM-dd})."), nameof(ReplyDeadline));
            }

            var cap = start + MaximumExtension;
            if (cap < due)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The maximum extension {MaximumExtension} ends before the reply deadline {ReplyDeadline} (from {start:uuuu-MM-dd}: {cap:uuuu-MM-dd} < {due:uuuu-MM-dd})."), nameof(MaximumExtension));
            }
        }

        return this;
    }

    /// <summary>
    /// Returns the date the record's deadline runs from: its handover date, or its submission date when
    /// the clock starts at receipt; <see langword="null"/> when that date is not known.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <returns>The start date, or <see langword="null"/>.</returns>
    public LocalDate? StartFor(ProposalRecord record)
    {
        Preconditions.CheckNotNull(record);
        return ClockStart == ClockStart.Receipt ? record.Submitted : record.HandedOverOn;
    }

    /// <summary>
    /// Returns the last day on which the record's reply is on time: start + <see cref="ReplyDeadline"/>, or,
    /// when an extension was granted, its <see cref="ProposalRecord.ExtendedUntil"/> date capped at start +
    /// <see cref="MaximumExtension"/> (an extension never shortens the deadline). <see langword="null"/> when
    /// the start date is not known (a case not handed over yet).
    /// </summary>
    /// <param name="record">The record.</param>
    /// <returns>The deadline, or <see langword="null"/>.</returns>
    public LocalDate? DeadlineFor(ProposalRecord record)
    {
        if (StartFor(record) is not { } start)
        {
            return null;
        }

        var due = start + ReplyDeadline;
        if (record.ExtendedUntil is { } extended)
        {
            var cap = start + MaximumExtension;
            var granted = extended < cap ? extended : cap;
            if (granted > due)
            {
                due = granted;
            }
        }

        return due;
    }

    private static void CheckDatePeriod(Period? period, string option)
    {
        Preconditions.CheckArgument(period is not null, option, $"{option} must be set.");
        Preconditions.CheckArgument(!period.HasTimeComponent, option, $"{option} ({period}) must be in years, months, weeks and days only.");
    }

    /// <summary>Returns whether two policies have the same deadline, clock start and maximum extension (value equality).</summary>
    /// <param name="other">The other policy.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(HandlingPolicy? other) =>
        other is not null && ReplyDeadline == other.ReplyDeadline && ClockStart == other.ClockStart && MaximumExtension == other.MaximumExtension;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as HandlingPolicy);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ReplyDeadline, ClockStart, MaximumExtension);

    /// <summary>Formats as <c>reply within P3M from handover, extendable to P6M</c>, culture-invariant (ISO periods).</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        "reply within " + NodaTime.Text.PeriodPattern.Roundtrip.Format(ReplyDeadline) + " from " + (ClockStart == ClockStart.Handover ? "handover" : "receipt")
        + ", extendable to " + NodaTime.Text.PeriodPattern.Roundtrip.Format(MaximumExtension);
}
