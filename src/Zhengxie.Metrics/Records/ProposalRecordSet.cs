using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using NodaTime;
using Zhengxie.Metrics.Utility;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// A validated, immutable set of proposal records under one <see cref="HandlingPolicy"/>, stored by
/// column and sorted by committee and period, from which the proposal statistics of any committee and
/// period are derived: counts and every rate, open and overdue proposals as of a date, days to reply, and
/// breakdowns by handling unit, proposer kind and key flag.
/// </summary>
/// <remarks>
/// <para>
/// Build it once with <see cref="Create(IEnumerable{ProposalRecord}, HandlingPolicy?, ValidationMode)"/>; the
/// build validates every record, works out each reply deadline under the policy, and stores one byte of
/// state, one byte of proposer kind and five day numbers per record. Deriving statistics then reads those
/// columns in one pass with no allocation per record: the allocation of a derivation depends only on the
/// number of committee-periods (and units), not on the number of records.
/// </para>
/// <para>How records count (measures as in <see cref="Measures.Proposals"/>):</para>
/// <list type="bullet">
/// <item><c>received</c>: every record; <c>not_filed</c>: <see cref="FilingDecision.NotFiled"/>; <c>merged</c>: <see cref="FilingDecision.Merged"/>.</item>
/// <item><c>cases</c>: <see cref="FilingDecision.Filed"/> (the cases handed over after merging); <c>filed</c>: cases plus merged records
/// that were filed before being merged (have a filing date). Where merging replaces filing, filed = cases and
/// received = filed + merged + not filed (+ under review).</item>
/// <item><c>replied</c>: cases with a reply date; <c>replied_on_time</c>: replied on or before <see cref="HandlingPolicy.DeadlineFor(ProposalRecord)"/>.</item>
/// <item><c>outcome_a/b/c</c>: replies by <see cref="AnswerClass"/>; <c>satisfied</c>, <c>basically_satisfied</c>, <c>dissatisfied</c>:
/// feedback; <c>feedback</c>: every returned feedback (理解 included); <c>key</c>: records flagged key.</item>
/// </list>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed partial class ProposalRecordSet
{
    /// <summary>The day number of a missing date: later than every real date.</summary>
    internal const int Never = int.MaxValue;

    private readonly Dictionary<(Committee, ReportingPeriod), int> groupIndex;
    private readonly Committee[] groupCommittee;
    private readonly ReportingPeriod[] groupPeriod;
    private readonly int[] groupStart;
    private readonly byte[] code;
    private readonly byte[] kind;
    private readonly int[] filedDay;
    private readonly int[] handoverDay;
    private readonly int[] startDay;
    private readonly int[] replyDay;
    private readonly int[] deadlineDay;
    private readonly int[] leadUnit;
    private readonly int[] coStart;
    private readonly int[] coUnit;
    private readonly string[] unitNames;

    private ProposalRecordSet(
        HandlingPolicy policy,
        ReadOnlyCollection<ValidationFinding> findings,
        Dictionary<(Committee, ReportingPeriod), int> groupIndex,
        Committee[] groupCommittee,
        ReportingPeriod[] groupPeriod,
        int[] groupStart,
        Columns columns,
        string[] unitNames)
    {
        Policy = policy;
        Findings = findings;
        this.groupIndex = groupIndex;
        this.groupCommittee = groupCommittee;
        this.groupPeriod = groupPeriod;
        this.groupStart = groupStart;
        code = columns.Code;
        kind = columns.Kind;
        filedDay = columns.FiledDay;
        handoverDay = columns.HandoverDay;
        startDay = columns.StartDay;
        replyDay = columns.ReplyDay;
        deadlineDay = columns.DeadlineDay;
        leadUnit = columns.LeadUnit;
        coStart = columns.CoStart;
        coUnit = columns.CoUnit;
        this.unitNames = unitNames;
    }

    /// <summary>Gets the handling policy the deadlines were worked out under.</summary>
    public HandlingPolicy Policy { get; }

    /// <summary>Gets the problems found in the input (empty unless built with <see cref="ValidationMode.CollectFindings"/>); the records concerned are not in the set.</summary>
    public IReadOnlyList<ValidationFinding> Findings { get; }

    /// <summary>Gets the number of (valid) records in the set.</summary>
    public int Count => code.Length;

    /// <summary>Gets every committee and period that has records, sorted by committee, then period.</summary>
    public IReadOnlyList<(Committee Committee, ReportingPeriod Period)> CommitteePeriods =>
        Enumerable.Range(0, groupCommittee.Length).Select(g => (groupCommittee[g], groupPeriod[g])).ToList().AsReadOnly();

    /// <summary>
    /// Validates records and builds a set from them. Records that contradict themselves (see
    /// <see cref="ValidationRule"/>: reply before handover, merged into a missing proposal or into itself, filed
    /// without a date, an answer class or feedback without a reply, dates out of order, handling on a record that
    /// is not a case, inconsistent units, a repeated identifier) are bad input.
    /// </summary>
    /// <param name="records">The records; identifiers unique.</param>
    /// <param name="policy">The handling policy, or <see langword="null"/> for <see cref="HandlingPolicy.Default"/>.</param>
    /// <param name="mode">Throw on bad records (the default), or collect them in <see cref="Findings"/> and leave them out.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">The policy is invalid.</exception>
    /// <exception cref="ValidationException">A record is bad and <paramref name="mode"/> is <see cref="ValidationMode.Throw"/>; the message names the record.</exception>
    public static ProposalRecordSet Create(IEnumerable<ProposalRecord> records, HandlingPolicy? policy = null, ValidationMode mode = ValidationMode.Throw)
    {
        Preconditions.CheckNotNull(records);
        policy = (policy ?? HandlingPolicy.Default).Validate();
        Preconditions.CheckArgument(mode is ValidationMode.Throw or ValidationMode.CollectFindings, nameof(mode), "Unknown validation mode.");
        var all = records as IReadOnlyList<ProposalRecord> ?? records.ToList();
        int n = all.Count;

        var idCount = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var r = all[i] ?? throw new ArgumentNullException(nameof(records), "A record is null.");
            ref int c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(idCount, r.Id, out _);
            c++;
        }

        var findings = new List<ValidationFinding>();
        var valid = new bool[n];
        var groups = new Dictionary<(Committee, ReportingPeriod), int>();
        var groupOf = new int[n];
        int validCount = 0;
        for (int i = 0; i < n; i++)
        {
            var r = all[i];
            int before = findings.Count;
            RecordValidator.Check(r, idCount, policy, findings);
            if (findings.Count != before)
            {
                continue;
            }

            valid[i] = true;
            validCount++;
            ref int g = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(groups, (r.Committee, r.Period), out bool exists);
            if (!exists)
            {
                g = groups.Count - 1;
            }

            groupOf[i] = g;
        }

        if (findings.Count > 0 && mode == ValidationMode.Throw)
        {
            throw new ValidationException(findings);
        }

        // Sort the committee-periods, then place each record in its group (a stable counting sort).
        var keys = groups.Keys.ToArray();
        Array.Sort(keys, (a, b) => a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : a.Item2.CompareTo(b.Item2));
        var rank = new int[keys.Length];
        var groupIndex = new Dictionary<(Committee, ReportingPeriod), int>(keys.Length);
        for (int k = 0; k < keys.Length; k++)
        {
            rank[groups[keys[k]]] = k;
            groupIndex.Add(keys[k], k);
        }

        var groupStart = new int[keys.Length + 1];
        for (int i = 0; i < n; i++)
        {
            if (valid[i])
            {
                groupStart[rank[groupOf[i]] + 1]++;
            }
        }

        for (int k = 0; k < keys.Length; k++)
        {
            groupStart[k + 1] += groupStart[k];
        }

        var next = groupStart[..^1];
        var position = new int[n];
        long coTotal = 0;
        for (int i = 0; i < n; i++)
        {
            if (valid[i])
            {
                position[i] = next[rank[groupOf[i]]]++;
                coTotal += all[i].CoUnits.Count;
            }
        }

        var columns = new Columns(validCount, checked((int)coTotal));
        var coCount = new int[validCount];
        for (int i = 0; i < n; i++)
        {
            if (valid[i])
            {
                coCount[position[i]] = all[i].CoUnits.Count;
            }
        }

        for (int p = 0; p < validCount; p++)
        {
            columns.CoStart[p + 1] = columns.CoStart[p] + coCount[p];
        }

        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            if (valid[i])
            {
                columns.Fill(position[i], all[i], policy, units);
            }
        }

        var unitNames = new string[units.Count];
        foreach (var (name, index) in units)
        {
            unitNames[index] = name;
        }

        return new ProposalRecordSet(
            policy,
            findings.AsReadOnly(),
            groupIndex,
            keys.Select(k => k.Item1).ToArray(),
            keys.Select(k => k.Item2).ToArray(),
            groupStart,
            columns,
            unitNames);
    }

    internal static LocalDate Today(IClock clock, DateTimeZone? zone) =>
        clock.GetCurrentInstant().InZone(zone ?? DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date;

    internal static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    internal static int DayNumber(LocalDate? date) => date is { } d ? DayNumber(d) : Never;

    private static readonly bool[] UnitSlots = CreateUnitSlots();

    private static bool[] CreateUnitSlots()
    {
        var slots = new bool[RecordCodes.MeasureCount];
        slots.AsSpan().Fill(true);
        slots[RecordCodes.Received] = false;
        slots[RecordCodes.NotFiled] = false;
        slots[RecordCodes.Merged] = false;
        return slots;
    }

    /// <summary>The columns under construction.</summary>
    private sealed class Columns
    {
        internal Columns(int count, int coTotal)
        {
            Code = new byte[count];
            Kind = new byte[count];
            FiledDay = new int[count];
            HandoverDay = new int[count];
            StartDay = new int[count];
            ReplyDay = new int[count];
            DeadlineDay = new int[count];
            LeadUnit = new int[count];
            CoStart = new int[count + 1];
            CoUnit = new int[coTotal];
        }

        internal byte[] Code { get; }

        internal byte[] Kind { get; }

        internal int[] FiledDay { get; }

        internal int[] HandoverDay { get; }

        internal int[] StartDay { get; }

        internal int[] ReplyDay { get; }

        internal int[] DeadlineDay { get; }

        internal int[] LeadUnit { get; }

        internal int[] CoStart { get; }

        internal int[] CoUnit { get; }

        internal void Fill(int p, ProposalRecord r, HandlingPolicy policy, Dictionary<string, int> units)
        {
            int state = r.Decision switch
            {
                FilingDecision.Filed => RecordCodes.Case,
                FilingDecision.NotFiled => RecordCodes.StateNotFiled,
                FilingDecision.Merged => r.FiledOn.HasValue ? RecordCodes.MergedAfterFiling : RecordCodes.MergedInstead,
                _ => RecordCodes.UnderReview,
            };
            var deadline = policy.DeadlineFor(r);
            bool replied = r.RepliedOn.HasValue;
            bool onTime = replied && deadline is { } d && r.RepliedOn!.Value <= d;
            Code[p] = RecordCodes.Encode(state, r.IsKey, replied, onTime, r.Answer, r.Feedback);
            Kind[p] = (byte)r.ProposerKind;
            FiledDay[p] = state == RecordCodes.Case ? DayNumber(r.FiledOn) : Never;
            HandoverDay[p] = DayNumber(r.HandedOverOn);
            StartDay[p] = DayNumber(policy.StartFor(r));
            ReplyDay[p] = DayNumber(r.RepliedOn);
            DeadlineDay[p] = DayNumber(deadline);
            LeadUnit[p] = r.LeadUnit is null ? -1 : Intern(r.LeadUnit, units);
            int j = CoStart[p];
            foreach (var unit in r.CoUnits)
            {
                CoUnit[j++] = Intern(unit, units);
            }
        }

        private static int Intern(string unit, Dictionary<string, int> units)
        {
            ref int index = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(units, unit, out bool exists);
            if (!exists)
            {
                index = units.Count - 1;
            }

            return index;
        }
    }
}
