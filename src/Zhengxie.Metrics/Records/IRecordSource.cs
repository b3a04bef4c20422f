namespace Zhengxie.Metrics.Records;

/// <summary>
/// The fields of the records a <see cref="ProposalRecordSet"/> is built from, by record index: implemented by
/// structs over <see cref="ProposalRecord"/> objects and over <see cref="ProposalRecordColumns"/>, so that the
/// build (a generic method over the struct) reads either without a virtual call or an object per record.
/// Dates are day numbers (<see cref="RecordDays"/>; <see cref="RecordDays.Never"/> when missing).
/// </summary>
internal interface IRecordSource
{
    /// <summary>Gets the number of records.</summary>
    int Count { get; }

    /// <summary>Throws <see cref="System.ArgumentException"/> when a field of the record is not a valid value on its own (what <see cref="ProposalRecord"/> checks when it is made).</summary>
    void CheckArguments(int i);

    string Id(int i);

    Committee Committee(int i);

    ReportingPeriod Period(int i);

    int Submitted(int i);

    int FiledOn(int i);

    int HandedOverOn(int i);

    int RepliedOn(int i);

    int ExtendedUntil(int i);

    FilingDecision Decision(int i);

    ProposerKind Kind(int i);

    AnswerClass? Answer(int i);

    Feedback Feedback(int i);

    bool IsKey(int i);

    string? MergedInto(int i);

    string? LeadUnit(int i);

    int CoUnitCount(int i);

    string CoUnit(int i, int j);

    /// <summary>
    /// Checks record <paramref name="i"/> as <see cref="CheckArguments"/> does and reads the fields the build's scan needs
    /// (all but the co-handling units themselves) in one go, so that the record is looked up once.
    /// </summary>
    void Read(int i, out RecordFields fields);
}

/// <summary>The fields of one record as the build's scan reads them (dates as day numbers).</summary>
internal struct RecordFields
{
    internal string Id;
    internal string? MergedInto;
    internal string? Lead;
    internal Committee Committee;
    internal ReportingPeriod Period;
    internal int Submitted;
    internal int Filed;
    internal int Handover;
    internal int Replied;
    internal int Extended;
    internal int CoCount;
    internal AnswerClass? Answer;
    internal FilingDecision Decision;
    internal ProposerKind Kind;
    internal Feedback Feedback;
    internal bool IsKey;
}
