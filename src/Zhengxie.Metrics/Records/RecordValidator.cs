using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// The checks that a proposal record agrees with itself (and with the identifiers of its set), on the day
/// numbers of a record source. The success path compares integers only: messages are built for bad records.
/// </summary>
internal static class RecordValidator
{
    /// <summary>What the checks of a record need besides the record.</summary>
    internal readonly struct Context
    {
        internal Context(RecordDeadlines deadlines, int[]? copies, bool[]? targetFound, List<ValidationFinding> findings)
        {
            Deadlines = deadlines;
            Copies = copies;
            TargetFound = targetFound;
            Findings = findings;
        }

        internal RecordDeadlines Deadlines { get; }

        internal int[]? Copies { get; }

        internal bool[]? TargetFound { get; }

        internal List<ValidationFinding> Findings { get; }
    }

    /// <summary>Checks record <paramref name="i"/>; adds a finding per problem.</summary>
    /// <param name="source">The records.</param>
    /// <param name="i">The record.</param>
    /// <param name="periodFirstDay">The day number of 1 January of the year before the record's period (no submission is earlier).</param>
    /// <param name="context">The deadlines, identifier counts and findings.</param>
    /// <param name="deadline">Receives the reply deadline (day number, or <see cref="RecordDays.Never"/>) when the dates are real.</param>
    /// <returns>Whether the record is valid.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool Check<TSource>(ref TSource source, int i, int periodFirstDay, in Context context, out int deadline)
        where TSource : struct, IRecordSource
    {
        int submitted = source.Submitted(i), filed = source.FiledOn(i), handover = source.HandedOverOn(i), replied = source.RepliedOn(i), extended = source.ExtendedUntil(i);
        int start = context.Deadlines.Start(submitted, handover);
        deadline = RecordDays.Never;
        if (!DatesAreReal(submitted, filed, handover, replied, extended, periodFirstDay)
            || !context.Deadlines.TryDeadline(start, extended, out deadline))
        {
            ReportDates(ref source, i, context);
            return false;
        }

        var decision = source.Decision(i);
        string? mergedInto = source.MergedInto(i);
        bool ok = (context.Copies is null || context.Copies[i] <= 1)
            && (decision != FilingDecision.Merged || mergedInto is null || context.TargetFound![i])
            && IsConsistent(ref source, i, decision, mergedInto, submitted, filed, handover, replied, extended, start, source.LeadUnit(i), source.CoUnitCount(i), source.Answer(i), source.Feedback(i));
        if (!ok)
        {
            Report(ref source, i, context);
        }

        return ok;
    }

    /// <summary>Returns whether a record's dates can be real: each in 1949..2200 (or missing), the submission no earlier than <paramref name="periodFirstDay"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool DatesAreReal(int submitted, int filed, int handover, int replied, int extended, int periodFirstDay) =>
        !(OutOfRange(submitted) | OutOfRange(filed) | OutOfRange(handover) | OutOfRange(replied) | OutOfRange(extended))
        && submitted >= periodFirstDay;

    /// <summary>
    /// Returns whether a record with real dates agrees with itself: every check of <see cref="Check"/> except those
    /// against the other records' identifiers (a repeated identifier, a merge target not in the set), and, when
    /// <paramref name="selfMergeLater"/>, except that a merged record is not merged into itself (the scan checks that
    /// after the chunk, where the target's characters are read anyway: <see cref="IsMergedIntoItself"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool IsConsistent<TSource>(ref TSource source, int i, FilingDecision decision, string? mergedInto, int submitted, int filed, int handover, int replied, int extended, int start, string? lead, int coCount, AnswerClass? answer, Feedback feedback, bool selfMergeLater = false)
        where TSource : struct, IRecordSource =>
        decision switch
        {
            FilingDecision.Filed => filed != RecordDays.Never,
            FilingDecision.Merged => mergedInto is not null && (selfMergeLater || !IsMergedIntoItself(ref source, i, mergedInto)),
            _ => filed == RecordDays.Never,
        }
        && (decision == FilingDecision.Merged || mergedInto is null)
        && (decision == FilingDecision.Filed || (handover == RecordDays.Never && lead is null && coCount == 0 && replied == RecordDays.Never && answer is null && feedback == Feedback.None && extended == RecordDays.Never))
        && (replied != RecordDays.Never || (answer is null && feedback == Feedback.None))
        && (replied == RecordDays.Never || (handover != RecordDays.Never && replied >= handover))
        && (filed == RecordDays.Never || filed >= submitted)
        && (handover == RecordDays.Never || handover >= (filed == RecordDays.Never ? submitted : filed))
        && (extended == RecordDays.Never || (start != RecordDays.Never && extended >= start))
        && (lead is not null || coCount == 0)
        && (decision != FilingDecision.Filed || handover == RecordDays.Never || lead is not null)
        && (lead is null || coCount == 0 || !ListsUnit(ref source, i, coCount, lead));

    /// <summary>Returns whether record <paramref name="i"/> names itself as the proposal it was merged into.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsMergedIntoItself<TSource>(ref TSource source, int i, string mergedInto)
        where TSource : struct, IRecordSource =>
        string.Equals(mergedInto, source.Id(i), System.StringComparison.Ordinal);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool OutOfRange(int day) => day != RecordDays.Never && (day < RecordDays.First || day > RecordDays.Last);

    private static bool ListsUnit<TSource>(ref TSource source, int i, int coCount, string unit)
        where TSource : struct, IRecordSource
    {
        for (int j = 0; j < coCount; j++)
        {
            if (string.Equals(source.CoUnit(i, j), unit, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reports the data errors of a record whose dates are real (the slow path: builds the messages).</summary>
    private static void Report<TSource>(ref TSource source, int i, in Context context)
        where TSource : struct, IRecordSource
    {
        string id = source.Id(i);
        var committee = source.Committee(i);
        var period = source.Period(i);
        var findings = context.Findings;
        var decision = source.Decision(i);
        string? mergedInto = source.MergedInto(i);
        LocalDate submitted = RecordDays.ToDate(source.Submitted(i));
        LocalDate? filedOn = Date(source.FiledOn(i)), handedOverOn = Date(source.HandedOverOn(i)), repliedOn = Date(source.RepliedOn(i)), extendedUntil = Date(source.ExtendedUntil(i));
        string? lead = source.LeadUnit(i);
        var coUnits = new List<string>();
        for (int j = 0; j < source.CoUnitCount(i); j++)
        {
            coUnits.Add(source.CoUnit(i, j));
        }

        var answer = source.Answer(i);
        var feedback = source.Feedback(i);
        if (context.Copies is { } copies && copies[i] > 1)
        {
            Add(ValidationRule.DuplicateRecord, string.Create(CultureInfo.InvariantCulture, $"the identifier {id} appears {copies[i]} times."));
        }

        switch (decision)
        {
            case FilingDecision.Filed when filedOn is null:
                Add(ValidationRule.FiledWithoutDate, $"proposal {id} is filed but has no filing date.");
                break;
            case FilingDecision.Merged when mergedInto is null:
                Add(ValidationRule.MergedIntoMissing, $"proposal {id} is merged but names no proposal it was merged into.");
                break;
            case FilingDecision.Merged when string.Equals(mergedInto, id, System.StringComparison.Ordinal):
                Add(ValidationRule.MergedIntoItself, $"proposal {id} is merged into itself.");
                break;
            case FilingDecision.Merged when !context.TargetFound![i]:
                Add(ValidationRule.MergedIntoMissing, $"proposal {id} is merged into {mergedInto}, which is not in the record set.");
                break;
            case FilingDecision.UnderReview or FilingDecision.NotFiled when filedOn is { } filed:
                Add(ValidationRule.DecisionContradictsRecord, $"proposal {id} is {Decision(decision)} but has a filing date {Format(filed)}.");
                break;
        }

        if (decision != FilingDecision.Merged && mergedInto is not null)
        {
            Add(ValidationRule.DecisionContradictsRecord, $"proposal {id} is {Decision(decision)} but names {mergedInto} as the proposal it was merged into.");
        }

        if (decision != FilingDecision.Filed)
        {
            var handling = new List<string>();
            if (handedOverOn is not null)
            {
                handling.Add("a handover date");
            }

            if (lead is not null || coUnits.Count > 0)
            {
                handling.Add("handling units");
            }

            if (repliedOn is not null)
            {
                handling.Add("a reply date");
            }

            if (answer is not null)
            {
                handling.Add("an answer class");
            }

            if (feedback != Feedback.None)
            {
                handling.Add("proposer feedback");
            }

            if (extendedUntil is not null)
            {
                handling.Add("an extension");
            }

            if (handling.Count > 0)
            {
                Add(ValidationRule.DecisionContradictsRecord, $"proposal {id} is {Decision(decision)}, not a filed case, but has {string.Join(", ", handling)}.");
            }
        }

        if (answer is { } a && repliedOn is null)
        {
            Add(ValidationRule.AnswerClassWithoutReply, $"proposal {id} has answer class {a} but no reply date.");
        }

        if (feedback != Feedback.None && repliedOn is null)
        {
            Add(ValidationRule.FeedbackWithoutReply, $"proposal {id} has proposer feedback {feedback} but no reply date.");
        }

        if (repliedOn is { } replied)
        {
            if (handedOverOn is not { } handover)
            {
                Add(ValidationRule.ReplyBeforeHandover, $"proposal {id} was replied on {Format(replied)} but never handed over.");
            }
            else if (replied < handover)
            {
                Add(ValidationRule.ReplyBeforeHandover, $"proposal {id} was replied on {Format(replied)}, before its handover on {Format(handover)}.");
            }
        }

        if (filedOn is { } filedDate && filedDate < submitted)
        {
            Add(ValidationRule.DatesOutOfOrder, $"proposal {id} was filed on {Format(filedDate)}, before it was submitted on {Format(submitted)}.");
        }

        if (handedOverOn is { } handedOver && handedOver < (filedOn ?? submitted))
        {
            Add(ValidationRule.DatesOutOfOrder, $"proposal {id} was handed over on {Format(handedOver)}, before it was {(filedOn is null ? "submitted" : "filed")} on {Format(filedOn ?? submitted)}.");
        }

        if (extendedUntil is { } extended)
        {
            LocalDate? start = context.Deadlines.ClockStartsAtReceipt ? submitted : handedOverOn;
            if (start is not { } s)
            {
                Add(ValidationRule.DatesOutOfOrder, $"proposal {id} has an extension to {Format(extended)} but its deadline has not started (no handover date).");
            }
            else if (extended < s)
            {
                Add(ValidationRule.DatesOutOfOrder, $"proposal {id} has an extension to {Format(extended)}, before its deadline starts on {Format(s)}.");
            }
        }

        if (lead is null && coUnits.Count > 0)
        {
            Add(ValidationRule.InconsistentHandlingUnits, $"proposal {id} has co-handling units ({string.Join("、", coUnits)}) but no lead unit.");
        }
        else if (lead is not null && coUnits.Contains(lead))
        {
            Add(ValidationRule.InconsistentHandlingUnits, $"proposal {id} lists its lead unit {lead} also as a co-handling unit.");
        }

        if (decision == FilingDecision.Filed && handedOverOn is not null && lead is null)
        {
            Add(ValidationRule.InconsistentHandlingUnits, $"proposal {id} was handed over but has no lead unit.");
        }

        void Add(ValidationRule rule, string message) =>
            findings.Add(new ValidationFinding(rule, message, committee, period, recordId: id));
    }

    /// <summary>
    /// Reports why the dates of a record cannot be real: outside the years a period can have (1949..2200), the
    /// submission more than a year before the period's year, or a reply deadline beyond the calendar.
    /// </summary>
    private static void ReportDates<TSource>(ref TSource source, int i, in Context context)
        where TSource : struct, IRecordSource
    {
        string id = source.Id(i);
        var committee = source.Committee(i);
        var period = source.Period(i);
        var findings = context.Findings;
        int before = findings.Count;
        Check(source.Submitted(i), "submission");
        Check(source.FiledOn(i), "filing");
        Check(source.HandedOverOn(i), "handover");
        Check(source.RepliedOn(i), "reply");
        Check(source.ExtendedUntil(i), "extension");
        if (findings.Count != before)
        {
            return;
        }

        var submitted = RecordDays.ToDate(source.Submitted(i));
        if (submitted.Year < period.Year - 1)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"proposal {id} was submitted on {Format(submitted)}, more than a year before its period {period}."));
            return;
        }

        var policy = context.Deadlines.Policy;
        var start = RecordDays.ToDate(context.Deadlines.Start(source.Submitted(i), source.HandedOverOn(i)));
        Add($"proposal {id}: its reply deadline ({Format(start)} + {policy.ReplyDeadline}, extendable to + {policy.MaximumExtension}) lies beyond the calendar's end (9999-12-31).");

        void Check(int day, string what)
        {
            if (OutOfRange(day))
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"proposal {id} has the {what} date {Format(RecordDays.ToDate(day))}, outside the years a record can have ({ReportingPeriod.MinYear} to {ReportingPeriod.MaxYear}); a placeholder such as 0001-01-01 is no date."));
            }
        }

        void Add(string message) =>
            findings.Add(new ValidationFinding(ValidationRule.DateOutOfRange, message, committee, period, recordId: id));
    }

    private static LocalDate? Date(int day) => day == RecordDays.Never ? null : RecordDays.ToDate(day);

    internal static string Format(LocalDate date) => RecordDays.Format(date);

    private static string Decision(FilingDecision decision) => decision switch
    {
        FilingDecision.UnderReview => "under review",
        FilingDecision.NotFiled => "not filed",
        FilingDecision.Merged => "merged",
        _ => "filed",
    };
}
