using System;
using System.Data;
using NodaTime;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// Proposal records given by column, one element per record in every column (arrays, or slices of them, as
/// <see cref="ReadOnlyMemory{T}"/>): the input of <see cref="ProposalRecordSet.Create(ProposalRecordColumns, HandlingPolicy?, Validation.ValidationMode)"/>
/// without a <see cref="ProposalRecord"/> object per record. The fields and their rules are those of
/// <see cref="ProposalRecord"/>; the column names follow its JSON names (docs/records.md).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Ids"/>, <see cref="Committees"/>, <see cref="Periods"/> and <see cref="Submitted"/> are required (the
/// constructor's arguments). Every other column is optional: left empty, every record has that field's default
/// (<see cref="ProposerKind.Individual"/>, <see cref="FilingDecision.UnderReview"/>, no date, no unit, no answer,
/// <see cref="Records.Feedback.None"/>, not key); given, it has exactly <see cref="Count"/> elements. Co-handling units
/// are in CSR form: record <c>i</c>'s units are <c>CoUnits[CoUnitOffsets[i] .. CoUnitOffsets[i + 1]]</c>.
/// </para>
/// <para>
/// The columns are not copied: the caller must not change them until the set is built. A value that a
/// <see cref="ProposalRecord"/> would refuse (an empty identifier, a default committee, a non-ISO date, an undefined
/// enum value, a blank unit, a co-handling unit listed twice) makes the build throw an <see cref="ArgumentException"/>
/// naming the column, the row and the record; data errors between fields are validation findings, as for records.
/// </para>
/// </remarks>
public sealed class ProposalRecordColumns
{
    private readonly ReadOnlyMemory<ProposerKind> proposerKinds;
    private readonly ReadOnlyMemory<FilingDecision> decisions;
    private readonly ReadOnlyMemory<LocalDate?> filedOn;
    private readonly ReadOnlyMemory<string?> mergedInto;
    private readonly ReadOnlyMemory<LocalDate?> handedOverOn;
    private readonly ReadOnlyMemory<string?> leadUnits;
    private readonly ReadOnlyMemory<string> coUnits;
    private readonly ReadOnlyMemory<int> coUnitOffsets;
    private readonly ReadOnlyMemory<LocalDate?> repliedOn;
    private readonly ReadOnlyMemory<LocalDate?> extendedUntil;
    private readonly ReadOnlyMemory<AnswerClass?> answers;
    private readonly ReadOnlyMemory<Feedback> feedback;
    private readonly ReadOnlyMemory<bool> isKey;

    /// <summary>Creates the columns of records with their required fields.</summary>
    /// <param name="ids">Each record's identifier (提案号).</param>
    /// <param name="committees">Each record's committee.</param>
    /// <param name="periods">Each record's session or year.</param>
    /// <param name="submitted">Each record's submission date.</param>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public ProposalRecordColumns(ReadOnlyMemory<string> ids, ReadOnlyMemory<Committee> committees, ReadOnlyMemory<ReportingPeriod> periods, ReadOnlyMemory<LocalDate> submitted)
    {
        Count = ids.Length;
        CheckLength(committees.Length, nameof(committees));
        CheckLength(periods.Length, nameof(periods));
        CheckLength(submitted.Length, nameof(submitted));
        Ids = ids;
        Committees = committees;
        Periods = periods;
        Submitted = submitted;
    }

    /// <summary>Gets the number of records.</summary>
    public int Count { get; }

    /// <summary>Gets each record's identifier (<c>id</c>).</summary>
    public ReadOnlyMemory<string> Ids { get; }

    /// <summary>Gets each record's committee (<c>committee</c>).</summary>
    public ReadOnlyMemory<Committee> Committees { get; }

    /// <summary>Gets each record's period (<c>period</c>).</summary>
    public ReadOnlyMemory<ReportingPeriod> Periods { get; }

    /// <summary>Gets each record's submission date (<c>submitted</c>).</summary>
    public ReadOnlyMemory<LocalDate> Submitted { get; }

    /// <summary>Gets each record's proposer kind (<c>proposer_kind</c>), or empty for all individual.</summary>
    /// <exception cref="ArgumentException">(On init.) Neither empty nor <see cref="Count"/> long.</exception>
    public ReadOnlyMemory<ProposerKind> ProposerKinds { get => proposerKinds; init => proposerKinds = Checked(value, nameof(ProposerKinds)); }

    /// <summary>Gets each record's filing decision (<c>decision</c>), or empty for all under review.</summary>
    /// <exception cref="ArgumentException">(On init.) Neither empty nor <see cref="Count"/> long.</exception>
    public ReadOnlyMemory<FilingDecision> Decisions { get => decisions; init => decisions = Checked(value, nameof(Decisions)); }

    /// <summary>Gets each record's filing date (<c>filed_on</c>), or empty for none.</summary>
    /// <exception cref="ArgumentException">(On init.) Neither empty nor <see cref="Count"/> long.</exception>
    public ReadOnlyMemory<LocalDate?> FiledOn { get => filedOn; init => filedOn = Checked(value, nameof(FiledOn)); }

    /// <summary>Gets the identifier each record was merged into (<c>merged_into</c>), or empty for none.</summary>
    /// <exception cref="ArgumentException">(On init.) Neither empty nor <see cref="Count"/> long.</exception>
    public ReadOnlyMemory<string?> MergedInto { get => mergedInto; init => mergedInto = Checked(value, nameof(MergedInto)); }

    /// <summary>Gets each record's handover date (<c>handed_over_on</c>), or empty for none.</summary>
    /// <exception cref="ArgumentException">(On init.) Neither empty nor <see cref="Count"/> long.</exception>
    public ReadOnlyMemory<LocalDate?> HandedOverOn { get => handedOverOn; init => handedOverOn = Checked(value, nameof(HandedOverOn)); }

    /// <summary>Gets each record's lead unit (<c>lead_unit</c>), or empty for none.</summary>
    /// <exception cref="ArgumentException">(On init.) Neither empty nor <see cref="Count"/> long.</exception>
    public ReadOnlyMemory<string?> LeadUnits { get => leadUnits; init => leadUnits = Checked(value, nameof(LeadUnits)); }

    /// <summary>Gets the co-handling units (<c>co_units</c>) of all records, one after another; see <see cref="CoUnitOffsets"/>.</summary>
    public ReadOnlyMemory<string> CoUnits { get => coUnits; init => coUnits = value; }

    /// <summary>
    /// Gets where each record's co-handling units start in <see cref="CoUnits"/>: <see cref="Count"/> + 1 ascending
    /// offsets from 0 to the length of <see cref="CoUnits"/>, or empty when no record has any.
    /// </summary>
    /// <exception cref="ArgumentException">(On init.) Neither empty nor <see cref="Count"/> + 1 long.</exception>
    public ReadOnlyMemory<int> CoUnitOffsets
    {
        get => coUnitOffsets;
        init
        {
            Preconditions.CheckArgument(value.IsEmpty || value.Length == Count + 1, nameof(CoUnitOffsets), $"The column {nameof(CoUnitOffsets)} has {value.Length} elements; it must be empty or have one more than the {Count} records.");
            coUnitOffsets = value;
        }
    }

    /// <summary>Gets each record's reply date (<c>replied_on</c>), or empty for none.</summary>
    /// <exception cref="ArgumentException">(On init.) Neither empty nor <see cref="Count"/> long.</exception>
    public ReadOnlyMemory<LocalDate?> RepliedOn { get => repliedOn; init => repliedOn = Checked(value, nameof(RepliedOn)); }

    /// <summary>Gets the date each record's extension runs to (<c>extended_until</c>), or empty for none.</summary>
    /// <exception cref="ArgumentException">(On init.) Neither empty nor <see cref="Count"/> long.</exception>
    public ReadOnlyMemory<LocalDate?> ExtendedUntil { get => extendedUntil; init => extendedUntil = Checked(value, nameof(ExtendedUntil)); }

    /// <summary>Gets each record's answer class (<c>answer</c>), or empty for none.</summary>
    /// <exception cref="ArgumentException">(On init.) Neither empty nor <see cref="Count"/> long.</exception>
    public ReadOnlyMemory<AnswerClass?> Answers { get => answers; init => answers = Checked(value, nameof(Answers)); }

    /// <summary>Gets each record's proposer feedback (<c>feedback</c>), or empty for none.</summary>
    /// <exception cref="ArgumentException">(On init.) Neither empty nor <see cref="Count"/> long.</exception>
    public ReadOnlyMemory<Feedback> Feedback { get => feedback; init => feedback = Checked(value, nameof(Feedback)); }

    /// <summary>Gets each record's key-proposal flag (<c>is_key</c>), or empty for none key.</summary>
    /// <exception cref="ArgumentException">(On init.) Neither empty nor <see cref="Count"/> long.</exception>
    public ReadOnlyMemory<bool> IsKey { get => isKey; init => isKey = Checked(value, nameof(IsKey)); }

    /// <summary>
    /// Reads records from an ADO.NET data reader (any database: SQLite, DuckDB and its Parquet files, SQL Server, …), matching
    /// columns by name: <c>id</c>, <c>committee</c>, <c>period</c>, <c>submitted</c> (required), <c>proposer_kind</c>, <c>decision</c>,
    /// <c>filed_on</c>, <c>merged_into</c>, <c>handed_over_on</c>, <c>lead_unit</c>, <c>co_units</c>, <c>replied_on</c>,
    /// <c>extended_until</c>, <c>answer</c>, <c>feedback</c>, <c>is_key</c> (optional; NULL or a missing column is the default).
    /// Other columns are ignored. See docs/records.md for the values each column takes.
    /// </summary>
    /// <param name="reader">The reader, positioned before the first row; read to the end.</param>
    /// <returns>The columns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="RecordReadException">A required column is missing or a column is repeated, or a value cannot be the field; the message names the column, the row (from 1) and the record.</exception>
    public static ProposalRecordColumns Read(IDataReader reader)
    {
        Preconditions.CheckNotNull(reader);
        return RecordDataReader.Read(reader);
    }

    private ReadOnlyMemory<T> Checked<T>(ReadOnlyMemory<T> column, string name)
    {
        Preconditions.CheckArgument(column.IsEmpty || column.Length == Count, name, $"The column {name} has {column.Length} elements; it must be empty or have one per record ({Count}).");
        return column;
    }

    private void CheckLength(int length, string name) =>
        Preconditions.CheckArgument(length == Count, name, $"The column {name} has {length} elements, the identifiers {Count}.");
}
