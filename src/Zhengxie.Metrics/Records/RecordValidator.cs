using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Records;

/// <summary>The checks that a proposal record agrees with itself (and with the identifiers of its set).</summary>
internal static class RecordValidator
{
    internal static void Check(ProposalRecord r, Dictionary<string, int> idCount, HandlingPolicy policy, List<ValidationFinding> findings)
    {
        string id = r.Id;
        if (!CheckDates(r, policy, findings))
        {
            // The other checks compare and count days; dates that cannot be real say nothing there.
            return;
        }

        if (idCount[id] > 1)
        {
            Add(ValidationRule.DuplicateRecord, string.Create(CultureInfo.InvariantCulture, $"the identifier {id} appears {idCount[id]} times."));
        }

        switch (r.Decision)
        {
            case FilingDecision.Filed when r.FiledOn is null:
                Add(ValidationRule.FiledWithoutDate, $"proposal {id} is filed but has no filing date.");
                break;
            case FilingDecision.Merged when r.MergedInto is null:
                Add(ValidationRule.MergedIntoMissing, $"proposal {id} is merged but names no proposal it was merged into.");
                break;
            case FilingDecision.Merged when string.Equals(r.MergedInto, id, System.StringComparison.Ordinal):
                Add(ValidationRule.MergedIntoItself, $"proposal {id} is merged into itself.");
                break;
            case FilingDecision.Merged when !idCount.ContainsKey(r.MergedInto!):
                Add(ValidationRule.MergedIntoMissing, $"proposal {id} is merged into {r.MergedInto}, which is not in the record set.");
                break;
            case FilingDecision.UnderReview or FilingDecision.NotFiled when r.FiledOn is { } filed:
                Add(ValidationRule.DecisionContradictsRecord, $"proposal {id} is {Decision(r.Decision)} but has a filing date {Format(filed)}.");
                break;
        }

        if (r.Decision != FilingDecision.Merged && r.MergedInto is not null)
        {
            Add(ValidationRule.DecisionContradictsRecord, $"proposal {id} is {Decision(r.Decision)} but names {r.MergedInto} as the proposal it was merged into.");
        }

        if (r.Decision != FilingDecision.Filed)
        {
            var handling = new List<string>();
            if (r.HandedOverOn is not null)
            {
                handling.Add("a handover date");
            }

            if (r.LeadUnit is not null || r.CoUnits.Count > 0)
            {
                handling.Add("handling units");
            }

            if (r.RepliedOn is not null)
            {
                handling.Add("a reply date");
            }

            if (r.Answer is not null)
            {
                handling.Add("an answer class");
            }

            if (r.Feedback != Feedback.None)
            {
                handling.Add("proposer feedback");
            }

            if (r.ExtendedUntil is not null)
            {
                handling.Add("an extension");
            }

            if (handling.Count > 0)
            {
                Add(ValidationRule.DecisionContradictsRecord, $"proposal {id} is {Decision(r.Decision)}, not a filed case, but has {string.Join(", ", handling)}.");
            }
        }

        if (r.Answer is { } answer && r.RepliedOn is null)
        {
            Add(ValidationRule.AnswerClassWithoutReply, $"proposal {id} has answer class {answer} but no reply date.");
        }

        if (r.Feedback != Feedback.None && r.RepliedOn is null)
        {
            Add(ValidationRule.FeedbackWithoutReply, $"proposal {id} has proposer feedback {r.Feedback} but no reply date.");
        }

        if (r.RepliedOn is { } replied)
        {
            if (r.HandedOverOn is not { } handover)
            {
                Add(ValidationRule.ReplyBeforeHandover, $"proposal {id} was replied on {Format(replied)} but never handed over.");
            }
            else if (replied < handover)
            {
                Add(ValidationRule.ReplyBeforeHandover, $"proposal {id} was replied on {Format(replied)}, before its handover on {Format(handover)}.");
            }
        }

        if (r.FiledOn is { } filedOn && filedOn < r.Submitted)
        {
            Add(ValidationRule.DatesOutOfOrder, $"proposal {id} was filed on {Format(filedOn)}, before it was submitted on {Format(r.Submitted)}.");
        }

        if (r.HandedOverOn is { } handedOver && handedOver < (r.FiledOn ?? r.Submitted))
        {
            Add(ValidationRule.DatesOutOfOrder, $"proposal {id} was handed over on {Format(handedOver)}, before it was {(r.FiledOn is null ? "submitted" : "filed")} on {Format(r.FiledOn ?? r.Submitted)}.");
        }

        if (r.ExtendedUntil is { } extended)
        {
            if (policy.StartFor(r) is not { } start)
            {
                Add(ValidationRule.DatesOutOfOrder, $"proposal {id} has an extension to {Format(extended)} but its deadline has not started (no handover date).");
            }
            else if (extended < start)
            {
                Add(ValidationRule.DatesOutOfOrder, $"proposal {id} has an extension to {Format(extended)}, before its deadline starts on {Format(start)}.");
            }
        }

        if (r.LeadUnit is null && r.CoUnits.Count > 0)
        {
            Add(ValidationRule.InconsistentHandlingUnits, $"proposal {id} has co-handling units ({string.Join("、", r.CoUnits)}) but no lead unit.");
        }
        else if (r.LeadUnit is { } lead && System.Linq.Enumerable.Contains(r.CoUnits, lead, System.StringComparer.Ordinal))
        {
            Add(ValidationRule.InconsistentHandlingUnits, $"proposal {id} lists its lead unit {lead} also as a co-handling unit.");
        }

        if (r.Decision == FilingDecision.Filed && r.HandedOverOn is not null && r.LeadUnit is null)
        {
            Add(ValidationRule.InconsistentHandlingUnits, $"proposal {id} was handed over but has no lead unit.");
        }

        void Add(ValidationRule rule, string message) =>
            findings.Add(new ValidationFinding(rule, message, r.Committee, r.Period, recordId: id));
    }

    /// <summary>
    /// Checks that every date of the record can be real: in the years a period can have (1949..2200), the
    /// submission not more than a year before the period's year, and a reply deadline inside the calendar.
    /// </summary>
    /// <returns>Whether the dates passed.</returns>
    private static bool CheckDates(ProposalRecord r, HandlingPolicy policy, List<ValidationFinding> findings)
    {
        int before = findings.Count;
        Check(r.Submitted, "submission");
        Check(r.FiledOn, "filing");
        Check(r.HandedOverOn, "handover");
        Check(r.RepliedOn, "reply");
        Check(r.ExtendedUntil, "extension");
        if (findings.Count != before)
        {
            return false;
        }

        if (r.Submitted.Year < r.Period.Year - 1)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"proposal {r.Id} was submitted on {Format(r.Submitted)}, more than a year before its period {r.Period}."));
            return false;
        }

        try
        {
            _ = policy.DeadlineFor(r);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            Add($"proposal {r.Id}: its reply deadline ({Format(policy.StartFor(r)!.Value)} + {policy.ReplyDeadline}, extendable to + {policy.MaximumExtension}) lies beyond the calendar's end (9999-12-31).");
            return false;
        }

        return true;

        void Check(LocalDate? date, string what)
        {
            if (date is { } d && d.Year is < ReportingPeriod.MinYear or > ReportingPeriod.MaxYear)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"proposal {r.Id} has the {what} date {Format(d)}, outside the years a record can have ({ReportingPeriod.MinYear} to {ReportingPeriod.MaxYear}); a placeholder such as 0001-01-01 is no date."));
            }
        }

        void Add(string message) =>
            findings.Add(new ValidationFinding(ValidationRule.DateOutOfRange, message, r.Committee, r.Period, recordId: r.Id));
    }

    internal static string Format(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Decision(FilingDecision decision) => decision switch
    {
        FilingDecision.UnderReview => "under review",
        FilingDecision.NotFiled => "not filed",
        FilingDecision.Merged => "merged",
        _ => "filed",
    };
}
