using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Zhengxie.Metrics.Records;

/// <summary>The fields of <see cref="ProposalRecord"/> objects (already checked by the records themselves).</summary>
internal readonly struct RecordObjectSource : IRecordSource
{
    private readonly ProposalRecord[] records;

    /// <param name="records">The records: the first <paramref name="count"/> (the array may be a rented, longer one).</param>
    /// <param name="count">The number of records.</param>
    internal RecordObjectSource(ProposalRecord[] records, int count)
    {
        this.records = records;
        Count = count;
    }

    public int Count { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CheckArguments(int i)
    {
        if (records[i] is null)
        {
            ThrowNullRecord(records);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNullRecord(ProposalRecord[] records) =>
        throw new ArgumentNullException(nameof(records), "A record is null.");

    public string Id(int i) => records[i].Id;

    public Committee Committee(int i) => records[i].Committee;

    public ReportingPeriod Period(int i) => records[i].Period;

    public int Submitted(int i) => RecordDays.Of(records[i].Submitted);

    public int FiledOn(int i) => RecordDays.Of(records[i].FiledOn);

    public int HandedOverOn(int i) => RecordDays.Of(records[i].HandedOverOn);

    public int RepliedOn(int i) => RecordDays.Of(records[i].RepliedOn);

    public int ExtendedUntil(int i) => RecordDays.Of(records[i].ExtendedUntil);

    public FilingDecision Decision(int i) => records[i].Decision;

    public ProposerKind Kind(int i) => records[i].ProposerKind;

    public AnswerClass? Answer(int i) => records[i].Answer;

    public Feedback Feedback(int i) => records[i].Feedback;

    public bool IsKey(int i) => records[i].IsKey;

    public string? MergedInto(int i) => records[i].MergedInto;

    public string? LeadUnit(int i) => records[i].LeadUnit;

    public int CoUnitCount(int i) => records[i].CoUnitArray.Length;

    public string CoUnit(int i, int j) => records[i].CoUnitArray[j];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Read(int i, out RecordFields fields)
    {
        var record = records[i];
        if (record is null)
        {
            ThrowNullRecord(records);
        }

        fields.Id = record.Id;
        fields.MergedInto = record.MergedInto;
        fields.Lead = record.LeadUnit;
        fields.Committee = record.Committee;
        fields.Period = record.Period;
        fields.Submitted = RecordDays.Of(record.Submitted);
        fields.Filed = RecordDays.Of(record.FiledOn);
        fields.Handover = RecordDays.Of(record.HandedOverOn);
        fields.Replied = RecordDays.Of(record.RepliedOn);
        fields.Extended = RecordDays.Of(record.ExtendedUntil);
        fields.CoCount = record.CoUnitArray.Length;
        fields.Answer = record.Answer;
        fields.Decision = record.Decision;
        fields.Kind = record.ProposerKind;
        fields.Feedback = record.Feedback;
        fields.IsKey = record.IsKey;
    }
}
