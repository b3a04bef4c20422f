using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Serialization;
using NodaTime;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// One proposal (提案) as a proposal-management system records it: who submitted it when, what the
/// committee decided (filed, not filed, merged), when it was handed over (交办) to which units, when and
/// how the lead unit replied, and what the proposer thought of the reply.
/// </summary>
/// <remarks>
/// <para>
/// The constructor takes what every proposal has; the rest are <c>init</c> properties. Each property checks
/// its own argument (dates in the ISO calendar, defined enum values, non-empty unit names); whether the
/// fields agree with each other (no reply before handover, a filed proposal has a filing date, …) is data
/// validation, done by <see cref="ProposalRecordSet.Create(IEnumerable{ProposalRecord}, HandlingPolicy?, Validation.ValidationMode)"/>
/// so that bad records can be reported as findings with their <see cref="Id"/>.
/// </para>
/// <para>Equality is reference equality: <see cref="Id"/> identifies a proposal. Immutable and thread-safe.</para>
/// </remarks>
[DebuggerDisplay("{Id,nq} {Decision}")]
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class ProposalRecord
{
    private readonly ProposerKind proposerKind;
    private readonly FilingDecision decision;
    private readonly LocalDate? filedOn;
    private readonly string? mergedInto;
    private readonly LocalDate? handedOverOn;
    private readonly string? leadUnit;
    private readonly IReadOnlyList<string> coUnits = Array.Empty<string>();
    private readonly string[] coUnitArray = [];
    private readonly LocalDate? repliedOn;
    private readonly LocalDate? extendedUntil;
    private readonly AnswerClass? answer;
    private readonly Feedback feedback;

    /// <summary>Creates a record of a proposal received and not yet decided.</summary>
    /// <param name="id">The proposal's identifier (提案号), unique within a record set.</param>
    /// <param name="committee">The committee it was submitted to.</param>
    /// <param name="period">The session or year it belongs to.</param>
    /// <param name="submitted">The date it was submitted (received).</param>
    /// <exception cref="ArgumentException">The identifier is empty, the committee or period is the default value, or the date is not in the ISO calendar.</exception>
    public ProposalRecord(string id, Committee committee, ReportingPeriod period, LocalDate submitted)
    {
        Preconditions.CheckNotNullOrWhiteSpace(id);
        Preconditions.CheckArgument(!committee.IsDefault, nameof(committee), $"Proposal {id}: a record needs a committee.");
        Preconditions.CheckArgument(!period.IsDefault, nameof(period), $"Proposal {id}: a record needs a period.");
        CheckIso(submitted, nameof(submitted));
        Id = id;
        Committee = committee;
        Period = period;
        Submitted = submitted;
    }

    /// <summary>Gets the proposal's identifier (提案号).</summary>
    public string Id { get; }

    /// <summary>Gets the committee the proposal was submitted to.</summary>
    public Committee Committee { get; }

    /// <summary>Gets the session or year the proposal belongs to.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the date the proposal was submitted (received by the committee).</summary>
    public LocalDate Submitted { get; }

    /// <summary>Gets who submitted the proposal (default <see cref="ProposerKind.Individual"/>).</summary>
    public ProposerKind ProposerKind
    {
        get => proposerKind;
        init
        {
            Preconditions.CheckArgumentRange(value is >= ProposerKind.Individual and <= ProposerKind.Group, value, "Not a defined proposer kind.");
            proposerKind = value;
        }
    }

    /// <summary>Gets the committee's decision (default <see cref="FilingDecision.UnderReview"/>).</summary>
    public FilingDecision Decision
    {
        get => decision;
        init
        {
            Preconditions.CheckArgumentRange(value is >= FilingDecision.UnderReview and <= FilingDecision.Merged, value, "Not a defined filing decision.");
            decision = value;
        }
    }

    /// <summary>Gets the date the proposal was filed (立案), or <see langword="null"/>.</summary>
    public LocalDate? FiledOn
    {
        get => filedOn;
        init => filedOn = CheckIso(value, nameof(FiledOn));
    }

    /// <summary>Gets the identifier of the proposal this one was merged into (并案), or <see langword="null"/>.</summary>
    public string? MergedInto
    {
        get => mergedInto;
        init => mergedInto = value is null ? null : Preconditions.CheckNotNullOrWhiteSpace(value, nameof(MergedInto));
    }

    /// <summary>Gets the date the case was handed over to its handling units (交办), or <see langword="null"/>.</summary>
    public LocalDate? HandedOverOn
    {
        get => handedOverOn;
        init => handedOverOn = CheckIso(value, nameof(HandedOverOn));
    }

    /// <summary>Gets the lead handling unit (主办单位), or <see langword="null"/>.</summary>
    public string? LeadUnit
    {
        get => leadUnit;
        init => leadUnit = value is null ? null : Preconditions.CheckNotNullOrWhiteSpace(value, nameof(LeadUnit));
    }

    /// <summary>Gets the co-handling units (协办单位), each once; empty by default.</summary>
    public IReadOnlyList<string> CoUnits
    {
        get => coUnits;
        init
        {
            Preconditions.CheckNotNull(value, nameof(CoUnits));
            if (value.Count == 0)
            {
                coUnits = Array.Empty<string>();
                coUnitArray = [];
                return;
            }

            var copy = value.ToArray();
            for (int i = 0; i < copy.Length; i++)
            {
                Preconditions.CheckNotNullOrWhiteSpace(copy[i], nameof(CoUnits));
            }

            Preconditions.CheckArgument(AllDistinct(copy), nameof(CoUnits), "A co-handling unit is listed twice.");
            coUnits = Array.AsReadOnly(copy);
            coUnitArray = copy;
        }
    }

    /// <summary>Gets the co-handling units as the array under <see cref="CoUnits"/> (for the build, which reads them without an interface call; never written).</summary>
    internal string[] CoUnitArray => coUnitArray;

    /// <summary>Gets the date of the lead unit's written reply (办复 / 答复), or <see langword="null"/>.</summary>
    public LocalDate? RepliedOn
    {
        get => repliedOn;
        init => repliedOn = CheckIso(value, nameof(RepliedOn));
    }

    /// <summary>
    /// Gets the date an extension of the reply deadline runs to (延期办理), or <see langword="null"/> when none
    /// was granted. The <see cref="HandlingPolicy"/> caps it.
    /// </summary>
    public LocalDate? ExtendedUntil
    {
        get => extendedUntil;
        init => extendedUntil = CheckIso(value, nameof(ExtendedUntil));
    }

    /// <summary>Gets a value indicating whether an extension was granted (<see cref="ExtendedUntil"/> is set).</summary>
    public bool IsExtended => extendedUntil.HasValue;

    /// <summary>Gets the class of the answer (A/B/C by meaning), or <see langword="null"/>.</summary>
    public AnswerClass? Answer
    {
        get => answer;
        init
        {
            Preconditions.CheckArgumentRange(value is null or (>= AnswerClass.SolvedOrAdopted and <= AnswerClass.ForReference), value, "Not a defined answer class.");
            answer = value;
        }
    }

    /// <summary>Gets the proposer's feedback on the reply (default <see cref="Feedback.None"/>).</summary>
    public Feedback Feedback
    {
        get => feedback;
        init
        {
            Preconditions.CheckArgumentRange(value is >= Feedback.None and <= Feedback.Understanding, value, "Not a defined feedback answer.");
            feedback = value;
        }
    }

    /// <summary>Gets a value indicating whether this is a key proposal (重点提案).</summary>
    public bool IsKey { get; init; }

    /// <summary>Returns the identifier and decision.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Id + " (" + Committee.ToString() + ", " + Period.ToString() + ", " + Decision.ToString() + ")";

    private static bool AllDistinct(string[] units)
    {
        if (units.Length > 16)
        {
            return new HashSet<string>(units, StringComparer.Ordinal).Count == units.Length;
        }

        for (int i = 1; i < units.Length; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (string.Equals(units[i], units[j], StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static LocalDate? CheckIso(LocalDate? date, string paramName)
    {
        if (date is { } d)
        {
            CheckIso(d, paramName);
        }

        return date;
    }

    private static void CheckIso(LocalDate date, string paramName) =>
        Preconditions.CheckArgument(date.Calendar == CalendarSystem.Iso, paramName, "Dates must be in the ISO calendar.");
}
