using System;
using System.Globalization;
using System.Runtime.InteropServices;
using NodaTime;

namespace Zhengxie.Metrics.Records;

/// <summary>The fields of <see cref="ProposalRecordColumns"/>, read straight from the caller's arrays.</summary>
internal readonly struct RecordColumnSource : IRecordSource
{
    private readonly Column<string> ids;
    private readonly Column<Committee> committees;
    private readonly Column<ReportingPeriod> periods;
    private readonly Column<LocalDate> submitted;
    private readonly Column<ProposerKind> kinds;
    private readonly Column<FilingDecision> decisions;
    private readonly Column<LocalDate?> filedOn;
    private readonly Column<string?> mergedInto;
    private readonly Column<LocalDate?> handedOverOn;
    private readonly Column<string?> leadUnits;
    private readonly Column<string> coUnits;
    private readonly Column<int> coOffsets;
    private readonly Column<LocalDate?> repliedOn;
    private readonly Column<LocalDate?> extendedUntil;
    private readonly Column<AnswerClass?> answers;
    private readonly Column<Feedback> feedback;
    private readonly Column<bool> isKey;

    internal RecordColumnSource(ProposalRecordColumns columns)
    {
        Count = columns.Count;
        ids = new(columns.Ids);
        committees = new(columns.Committees);
        periods = new(columns.Periods);
        submitted = new(columns.Submitted);
        kinds = new(columns.ProposerKinds);
        decisions = new(columns.Decisions);
        filedOn = new(columns.FiledOn);
        mergedInto = new(columns.MergedInto);
        handedOverOn = new(columns.HandedOverOn);
        leadUnits = new(columns.LeadUnits);
        coUnits = new(columns.CoUnits);
        coOffsets = new(columns.CoUnitOffsets);
        repliedOn = new(columns.RepliedOn);
        extendedUntil = new(columns.ExtendedUntil);
        answers = new(columns.Answers);
        feedback = new(columns.Feedback);
        isKey = new(columns.IsKey);
        if (coOffsets.IsEmpty)
        {
            if (!coUnits.IsEmpty)
            {
                throw new ArgumentException($"The column {nameof(ProposalRecordColumns.CoUnits)} has units but {nameof(ProposalRecordColumns.CoUnitOffsets)} is empty.", nameof(columns));
            }

            return;
        }

        if (coOffsets[0] != 0 || coOffsets[Count] != coUnits.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The column {nameof(ProposalRecordColumns.CoUnitOffsets)} must run from 0 to the {coUnits.Length} co-handling units; it runs from {coOffsets[0]} to {coOffsets[Count]}."),
                nameof(columns));
        }

        for (int i = 0; i < Count; i++)
        {
            if (coOffsets[i + 1] < coOffsets[i])
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The column {nameof(ProposalRecordColumns.CoUnitOffsets)} decreases at row {i} (record {ids[i]}): {coOffsets[i]} then {coOffsets[i + 1]}."),
                    nameof(columns));
            }
        }
    }

    public int Count { get; }

    public void CheckArguments(int i)
    {
        string? id = ids[i];
        if (IsBlank(id))
        {
            Throw(nameof(ProposalRecordColumns.Ids), i, "the identifier is empty.");
        }

        if (committees[i].IsDefault)
        {
            Throw(nameof(ProposalRecordColumns.Committees), i, "a record needs a committee.");
        }

        if (periods[i].IsDefault)
        {
            Throw(nameof(ProposalRecordColumns.Periods), i, "a record needs a period.");
        }

        CheckIso(submitted[i], nameof(ProposalRecordColumns.Submitted), i);
        if (!kinds.IsEmpty && kinds[i] is not (>= ProposerKind.Individual and <= ProposerKind.Group))
        {
            Throw(nameof(ProposalRecordColumns.ProposerKinds), i, "not a defined proposer kind.");
        }

        if (!decisions.IsEmpty && decisions[i] is not (>= FilingDecision.UnderReview and <= FilingDecision.Merged))
        {
            Throw(nameof(ProposalRecordColumns.Decisions), i, "not a defined filing decision.");
        }

        if (!answers.IsEmpty && answers[i] is not (null or (>= AnswerClass.SolvedOrAdopted and <= AnswerClass.ForReference)))
        {
            Throw(nameof(ProposalRecordColumns.Answers), i, "not a defined answer class.");
        }

        if (!feedback.IsEmpty && feedback[i] is not (>= Records.Feedback.None and <= Records.Feedback.Understanding))
        {
            Throw(nameof(ProposalRecordColumns.Feedback), i, "not a defined feedback answer.");
        }

        CheckIso(filedOn, nameof(ProposalRecordColumns.FiledOn), i);
        CheckIso(handedOverOn, nameof(ProposalRecordColumns.HandedOverOn), i);
        CheckIso(repliedOn, nameof(ProposalRecordColumns.RepliedOn), i);
        CheckIso(extendedUntil, nameof(ProposalRecordColumns.ExtendedUntil), i);
        CheckName(mergedInto, nameof(ProposalRecordColumns.MergedInto), i);
        CheckName(leadUnits, nameof(ProposalRecordColumns.LeadUnits), i);
        if (coOffsets.IsEmpty)
        {
            return;
        }

        int start = coOffsets[i], end = coOffsets[i + 1];
        for (int j = start; j < end; j++)
        {
            if (IsBlank(coUnits[j]))
            {
                Throw(nameof(ProposalRecordColumns.CoUnits), i, "a co-handling unit is empty.");
            }

            for (int k = start; k < j; k++)
            {
                if (string.Equals(coUnits[j], coUnits[k], StringComparison.Ordinal))
                {
                    Throw(nameof(ProposalRecordColumns.CoUnits), i, "a co-handling unit is listed twice.");
                }
            }
        }
    }

    public string Id(int i) => ids[i];

    public Committee Committee(int i) => committees[i];

    public ReportingPeriod Period(int i) => periods[i];

    public int Submitted(int i) => RecordDays.Of(submitted[i]);

    public int FiledOn(int i) => filedOn.IsEmpty ? RecordDays.Never : RecordDays.Of(filedOn[i]);

    public int HandedOverOn(int i) => handedOverOn.IsEmpty ? RecordDays.Never : RecordDays.Of(handedOverOn[i]);

    public int RepliedOn(int i) => repliedOn.IsEmpty ? RecordDays.Never : RecordDays.Of(repliedOn[i]);

    public int ExtendedUntil(int i) => extendedUntil.IsEmpty ? RecordDays.Never : RecordDays.Of(extendedUntil[i]);

    public FilingDecision Decision(int i) => decisions.IsEmpty ? FilingDecision.UnderReview : decisions[i];

    public ProposerKind Kind(int i) => kinds.IsEmpty ? ProposerKind.Individual : kinds[i];

    public AnswerClass? Answer(int i) => answers.IsEmpty ? null : answers[i];

    public Feedback Feedback(int i) => feedback.IsEmpty ? Records.Feedback.None : feedback[i];

    public bool IsKey(int i) => !isKey.IsEmpty && isKey[i];

    public string? MergedInto(int i) => mergedInto.IsEmpty ? null : mergedInto[i];

    public string? LeadUnit(int i) => leadUnits.IsEmpty ? null : leadUnits[i];

    public int CoUnitCount(int i) => coOffsets.IsEmpty ? 0 : coOffsets[i + 1] - coOffsets[i];

    public string CoUnit(int i, int j) => coUnits[coOffsets[i] + j];

    public void Read(int i, out RecordFields fields)
    {
        CheckArguments(i);
        fields.Id = ids[i];
        fields.MergedInto = MergedInto(i);
        fields.Lead = LeadUnit(i);
        fields.Committee = committees[i];
        fields.Period = periods[i];
        fields.Submitted = Submitted(i);
        fields.Filed = FiledOn(i);
        fields.Handover = HandedOverOn(i);
        fields.Replied = RepliedOn(i);
        fields.Extended = ExtendedUntil(i);
        fields.CoCount = CoUnitCount(i);
        fields.Answer = Answer(i);
        fields.Decision = Decision(i);
        fields.Kind = Kind(i);
        fields.Feedback = Feedback(i);
        fields.IsKey = IsKey(i);
    }

    private void CheckIso(LocalDate date, string column, int i)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            Throw(column, i, "dates must be in the ISO calendar.");
        }
    }

    private void CheckIso(Column<LocalDate?> column, string name, int i)
    {
        if (!column.IsEmpty && column[i] is { } date)
        {
            CheckIso(date, name, i);
        }
    }

    private void CheckName(Column<string?> column, string name, int i)
    {
        if (!column.IsEmpty && column[i] is { } text && IsBlank(text))
        {
            Throw(name, i, "the name is blank (use null for none).");
        }
    }

    /// <summary>
    /// Returns whether a text is null, empty or white space, as <see cref="string.IsNullOrWhiteSpace"/> does, but without
    /// its general test when the first character is plainly not white space (printable ASCII, or above U+3000, the last
    /// white-space character: a Chinese name), which the general test looks up in the Unicode tables.
    /// </summary>
    internal static bool IsBlank(string? text) =>
        text is null || text.Length == 0 || (!IsPlainlyNotWhiteSpace(text[0]) && string.IsNullOrWhiteSpace(text));

    /// <summary>Returns whether a character is printable ASCII other than the space, or above U+3000 (no character above is white space).</summary>
    internal static bool IsPlainlyNotWhiteSpace(char c) => (uint)(c - '!') <= '~' - '!' || c > '\u3000';

    private void Throw(string column, int i, string problem)
    {
        string? id = ids[i];
        string record = string.IsNullOrWhiteSpace(id) ? string.Empty : " (record " + id + ")";
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Column {column}, row {i}{record}: {problem}"), column);
    }

    /// <summary>A column as an array and an offset (a copy when the memory is not an array's).</summary>
    private readonly struct Column<T>
    {
        private readonly T[]? array;
        private readonly int offset;

        internal Column(ReadOnlyMemory<T> memory)
        {
            if (memory.IsEmpty)
            {
                return;
            }

            if (MemoryMarshal.TryGetArray(memory, out var segment))
            {
                array = segment.Array;
                offset = segment.Offset;
            }
            else
            {
                array = memory.ToArray();
            }

            Length = memory.Length;
        }

        internal bool IsEmpty => array is null;

        internal int Length { get; }

        internal T this[int i] => array![offset + i];
    }
}
