using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Data;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
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
/// state, one byte of proposer kind, its dates (two bytes each when the set's dates lie within 179 years of each
/// other, as in any real set), its units and its number of co-handling units per record: about 15 bytes a record
/// plus two per co-handling unit. Deriving statistics then reads those
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
    private readonly CompactColumn filedDay;
    private readonly CompactColumn handoverDay;
    private readonly CompactColumn startDay;
    private readonly CompactColumn replyDay;
    private readonly CompactColumn deadlineDay;
    private readonly CompactColumn leadUnit;
    private readonly CompactColumn coCount;
    private readonly int[] groupCoStart;
    private readonly CompactColumn coUnit;
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
        coCount = columns.CoCount;
        groupCoStart = columns.GroupCoStart;
        coUnit = columns.CoUnit;
        this.unitNames = unitNames;
    }

    /// <summary>Gets the handling policy the deadlines were worked out under.</summary>
    public HandlingPolicy Policy { get; }

    /// <summary>Gets the problems found in the input (empty unless built with <see cref="ValidationMode.CollectFindings"/>); the records concerned are not in the set.</summary>
    public IReadOnlyList<ValidationFinding> Findings { get; }

    /// <summary>Gets a value indicating whether the set holds its days as 16-bit offsets (for tests).</summary>
    internal bool HasNarrowDays => filedDay.IsNarrow;

    /// <summary>Gets a value indicating whether the set holds its unit numbers in 16 bits (for tests).</summary>
    internal bool HasNarrowUnits => leadUnit.IsNarrow;

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
        if (records is ProposalRecord[] array)
        {
            return Build(new RecordObjectSource(array, array.Length), policy, mode);
        }

        if (records is not ICollection<ProposalRecord> collection)
        {
            var copy = records.ToArray();
            return Build(new RecordObjectSource(copy, copy.Length), policy, mode);
        }

        // A list or other collection is copied into a rented array (references only), given back cleared (the part
        // written, not the whole rented length). A long list is copied and cleared in parts on all cores.
        int count = collection.Count;
        var rented = ArrayPool<ProposalRecord>.Shared.Rent(Math.Max(1, count));
        int parts = count / 2 >= MinimumChunk ? Environment.ProcessorCount : 1;
        try
        {
            if (records is List<ProposalRecord> list && parts > 1)
            {
                Parallel.For(0, parts, k => list.CopyTo(Part(count, k, parts), rented, Part(count, k, parts), Part(count, k + 1, parts) - Part(count, k, parts)));
            }
            else
            {
                collection.CopyTo(rented, 0);
            }

            return Build(new RecordObjectSource(rented, count), policy, mode);
        }
        finally
        {
            if (parts > 1)
            {
                Parallel.For(0, parts, k => Array.Clear(rented, Part(count, k, parts), Part(count, k + 1, parts) - Part(count, k, parts)));
            }
            else
            {
                Array.Clear(rented, 0, Math.Min(rented.Length, Math.Max(count, collection.Count)));
            }

            ArrayPool<ProposalRecord>.Shared.Return(rented);
        }

        static int Part(int count, int k, int parts) => (int)((long)count * k / parts);
    }

    /// <summary>
    /// Validates records given by column and builds a set from them, as <see cref="Create(IEnumerable{ProposalRecord}, HandlingPolicy?, ValidationMode)"/>
    /// does from record objects (same rules, findings and statistics), without an object per record.
    /// </summary>
    /// <param name="columns">The records' fields, one column each.</param>
    /// <param name="policy">The handling policy, or <see langword="null"/> for <see cref="HandlingPolicy.Default"/>.</param>
    /// <param name="mode">Throw on bad records (the default), or collect them in <see cref="Findings"/> and leave them out.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The policy is invalid, or a value is one a <see cref="ProposalRecord"/> would refuse (an empty identifier, a default committee or
    /// period, a non-ISO date, an undefined enum value, a blank unit, a co-handling unit listed twice, offsets out of order); the message
    /// names the column, the row and the record.
    /// </exception>
    /// <exception cref="ValidationException">A record is bad and <paramref name="mode"/> is <see cref="ValidationMode.Throw"/>; the message names the record.</exception>
    public static ProposalRecordSet Create(ProposalRecordColumns columns, HandlingPolicy? policy = null, ValidationMode mode = ValidationMode.Throw)
    {
        Preconditions.CheckNotNull(columns);
        policy = (policy ?? HandlingPolicy.Default).Validate();
        Preconditions.CheckArgument(mode is ValidationMode.Throw or ValidationMode.CollectFindings, nameof(mode), "Unknown validation mode.");
        return Build(new RecordColumnSource(columns), policy, mode);
    }

    /// <summary>
    /// Reads records from an ADO.NET data reader (columns matched by name; see <see cref="ProposalRecordColumns.Read(IDataReader)"/>),
    /// validates them and builds a set, as <see cref="Create(ProposalRecordColumns, HandlingPolicy?, ValidationMode)"/> does.
    /// </summary>
    /// <param name="reader">The reader, positioned before the first row; read to the end.</param>
    /// <param name="policy">The handling policy, or <see langword="null"/> for <see cref="HandlingPolicy.Default"/>.</param>
    /// <param name="mode">Throw on bad records (the default), or collect them in <see cref="Findings"/> and leave them out.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="RecordReadException">A required column is missing, or a value cannot be the field; the message names the column, the row and the record.</exception>
    /// <exception cref="ValidationException">A record is bad and <paramref name="mode"/> is <see cref="ValidationMode.Throw"/>; the message names the record.</exception>
    public static ProposalRecordSet Create(IDataReader reader, HandlingPolicy? policy = null, ValidationMode mode = ValidationMode.Throw) =>
        Create(ProposalRecordColumns.Read(reader), policy, mode);

    internal static LocalDate Today(IClock clock, DateTimeZone? zone) =>
        clock.GetCurrentInstant().InZone(zone ?? DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date;

    internal static int DayNumber(LocalDate date) => RecordDays.Of(date);

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
}
