using System;
using System.Collections;
using System.Collections.Generic;
using System.Data;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// Reads proposal records from an ADO.NET <see cref="IDataReader"/> into <see cref="ProposalRecordColumns"/>: columns
/// matched by name (the record's JSON names, case-insensitive), values converted by their database type.
/// </summary>
internal static class RecordDataReader
{
    /// <summary>The column names, in the order of the fields.</summary>
    internal static readonly string[] ColumnNames =
    [
        "id", "committee", "period", "submitted", "proposer_kind", "decision", "filed_on", "merged_into", "handed_over_on",
        "lead_unit", "co_units", "replied_on", "extended_until", "answer", "feedback", "is_key",
    ];

    private const int IdCol = 0, CommitteeCol = 1, PeriodCol = 2, SubmittedCol = 3, KindCol = 4, DecisionCol = 5, FiledCol = 6, MergedCol = 7,
        HandoverCol = 8, LeadCol = 9, CoCol = 10, RepliedCol = 11, ExtendedCol = 12, AnswerCol = 13, FeedbackCol = 14, KeyCol = 15;

    internal static ProposalRecordColumns Read(IDataReader reader)
    {
        var ordinal = new int[ColumnNames.Length];
        ordinal.AsSpan().Fill(-1);
        for (int f = 0; f < reader.FieldCount; f++)
        {
            string name = reader.GetName(f).Trim();
            int c = Array.FindIndex(ColumnNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (c < 0)
            {
                continue;
            }

            if (ordinal[c] >= 0)
            {
                throw new RecordReadException($"The reader has two columns named {ColumnNames[c]} (columns {ordinal[c] + 1} and {f + 1}).", ColumnNames[c], 0, null);
            }

            ordinal[c] = f;
        }

        for (int c = IdCol; c <= SubmittedCol; c++)
        {
            if (ordinal[c] < 0)
            {
                throw new RecordReadException(
                    $"The reader has no column {ColumnNames[c]}; a proposal record needs id, committee, period and submitted (optional: {string.Join(", ", ColumnNames, 4, ColumnNames.Length - 4)}).",
                    ColumnNames[c],
                    0,
                    null);
            }
        }

        var ids = new Buffer<string>();
        var committees = new Buffer<Committee>();
        var periods = new Buffer<ReportingPeriod>();
        var submitted = new Buffer<LocalDate>();
        var kinds = new Buffer<ProposerKind>();
        var decisions = new Buffer<FilingDecision>();
        var filed = new Buffer<LocalDate?>();
        var merged = new Buffer<string?>();
        var handover = new Buffer<LocalDate?>();
        var leads = new Buffer<string?>();
        var coUnits = new Buffer<string>();
        var coOffsets = new Buffer<int>();
        var replied = new Buffer<LocalDate?>();
        var extended = new Buffer<LocalDate?>();
        var answers = new Buffer<AnswerClass?>();
        var feedback = new Buffer<Feedback>();
        var keys = new Buffer<bool>();
        coOffsets.Add(0);
        long row = 0;
        while (reader.Read())
        {
            row++;
            var cells = new Row(reader, ordinal, row);
            string id = cells.ReadId();
            cells.RecordId = id;
            ids.Add(id);
            committees.Add(cells.ReadCommittee());
            periods.Add(cells.ReadPeriod());
            submitted.Add(cells.Date(SubmittedCol) ?? throw cells.Error(SubmittedCol, "a record needs a submission date."));
            kinds.Add(cells.ReadEnum(KindCol, ProposerKind.Individual));
            decisions.Add(cells.ReadEnum(DecisionCol, FilingDecision.UnderReview));
            filed.Add(cells.Date(FiledCol));
            merged.Add(cells.Text(MergedCol));
            handover.Add(cells.Date(HandoverCol));
            leads.Add(cells.Text(LeadCol));
            cells.CoUnits(coUnits);
            coOffsets.Add(coUnits.Count);
            replied.Add(cells.Date(RepliedCol));
            extended.Add(cells.Date(ExtendedCol));
            answers.Add(cells.IsNull(AnswerCol) ? null : cells.ReadEnum(AnswerCol, AnswerClass.SolvedOrAdopted));
            feedback.Add(cells.ReadEnum(FeedbackCol, Records.Feedback.None));
            keys.Add(cells.Bool(KeyCol));
        }

        return new ProposalRecordColumns(ids.Memory, committees.Memory, periods.Memory, submitted.Memory)
        {
            ProposerKinds = kinds.Memory,
            Decisions = decisions.Memory,
            FiledOn = filed.Memory,
            MergedInto = merged.Memory,
            HandedOverOn = handover.Memory,
            LeadUnits = leads.Memory,
            CoUnits = coUnits.Memory,
            CoUnitOffsets = coUnits.Count == 0 ? ReadOnlyMemory<int>.Empty : coOffsets.Memory,
            RepliedOn = replied.Memory,
            ExtendedUntil = extended.Memory,
            Answers = answers.Memory,
            Feedback = feedback.Memory,
            IsKey = keys.Memory,
        };
    }

    /// <summary>The cells of the current row.</summary>
    private struct Row
    {
        private readonly IDataReader reader;
        private readonly int[] ordinal;
        private readonly long row;

        internal Row(IDataReader reader, int[] ordinal, long row)
        {
            this.reader = reader;
            this.ordinal = ordinal;
            this.row = row;
            RecordId = null;
        }

        internal string? RecordId { get; set; }

        internal readonly bool IsNull(int c) => ordinal[c] < 0 || reader.IsDBNull(ordinal[c]);

        internal readonly string ReadId()
        {
            object value = IsNull(IdCol) ? throw Error(IdCol, "a record needs an identifier.") : reader.GetValue(ordinal[IdCol]);
            string? id = value switch
            {
                string s => s,
                int or long or short => Convert.ToString(value, CultureInfo.InvariantCulture),
                _ => null,
            };
            return string.IsNullOrWhiteSpace(id) ? throw Error(IdCol, $"'{value}' is not a proposal identifier (a non-empty text or an integer).") : id;
        }

        internal readonly Committee ReadCommittee()
        {
            object value = IsNull(CommitteeCol) ? throw Error(CommitteeCol, "a record needs a committee.") : reader.GetValue(ordinal[CommitteeCol]);
            switch (value)
            {
                case string s when Committee.TryParse(s.AsSpan().Trim(), out var committee):
                    return committee;
                case int or long:
                    long code = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    if (code is >= 110_000 and <= 999_999 && RegionCode.TryParse(code.ToString(CultureInfo.InvariantCulture), out var region))
                    {
                        return new Committee(region);
                    }

                    break;
            }

            throw Error(CommitteeCol, $"'{value}' is not a committee (a six-digit GB/T 2260 code such as 330324, optionally with /province, /prefecture or /county).");
        }

        internal readonly ReportingPeriod ReadPeriod()
        {
            object value = IsNull(PeriodCol) ? throw Error(PeriodCol, "a record needs a period.") : reader.GetValue(ordinal[PeriodCol]);
            switch (value)
            {
                case string s when ReportingPeriod.TryParse(s.AsSpan().Trim(), out var period):
                    return period;
                case int or long or short:
                    long year = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    if (year is >= ReportingPeriod.MinYear and <= ReportingPeriod.MaxYear)
                    {
                        return ReportingPeriod.CalendarYear((int)year);
                    }

                    break;
            }

            throw Error(PeriodCol, $"'{value}' is not a period (a year such as 2022, or a session such as 11.1@2022).");
        }

        internal readonly LocalDate? Date(int c)
        {
            if (IsNull(c))
            {
                return null;
            }

            object value = reader.GetValue(ordinal[c]);
            switch (value)
            {
                case DateOnly d:
                    return LocalDate.FromDateOnly(d);
                case DateTime t when t.TimeOfDay == TimeSpan.Zero:
                    return LocalDate.FromDateTime(t);
                case string s:
                    var parsed = LocalDatePattern.Iso.Parse(s.Trim());
                    if (parsed.Success)
                    {
                        return parsed.Value;
                    }

                    break;
            }

            throw Error(c, $"'{Show(value)}' is not a date (a DATE, or text yyyy-MM-dd).");
        }

        internal readonly string? Text(int c)
        {
            if (IsNull(c))
            {
                return null;
            }

            object value = reader.GetValue(ordinal[c]);
            return value is string s
                ? (string.IsNullOrWhiteSpace(s) ? throw Error(c, "the name is blank (use NULL for none).") : s)
                : throw Error(c, $"'{Show(value)}' is not a text.");
        }

        internal readonly void CoUnits(Buffer<string> units)
        {
            if (IsNull(CoCol))
            {
                return;
            }

            object value = reader.GetValue(ordinal[CoCol]);
            int start = units.Count;
            if (value is string text)
            {
                foreach (var part in text.Split(';'))
                {
                    string unit = part.Trim();
                    if (unit.Length > 0)
                    {
                        AddUnit(units, start, unit);
                    }
                }

                return;
            }

            if (value is IEnumerable list)
            {
                foreach (object? item in list)
                {
                    AddUnit(units, start, item is string s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : throw Error(CoCol, $"'{Show(item)}' in the list is not a unit's name."));
                }

                return;
            }

            throw Error(CoCol, $"'{Show(value)}' is not a list of units (text with names separated by ';', or a list of texts).");
        }

        private readonly void AddUnit(Buffer<string> units, int start, string unit)
        {
            for (int j = start; j < units.Count; j++)
            {
                if (string.Equals(units[j], unit, StringComparison.Ordinal))
                {
                    throw Error(CoCol, $"the co-handling unit {unit} is listed twice.");
                }
            }

            units.Add(unit);
        }

        internal readonly TEnum ReadEnum<TEnum>(int c, TEnum missing)
            where TEnum : struct, Enum
        {
            if (IsNull(c))
            {
                return missing;
            }

            object value = reader.GetValue(ordinal[c]);
            if (value is string s && Words<TEnum>.ByWord.TryGetValue(s.Trim(), out var word))
            {
                return word;
            }

            if (value is int or long or short or byte or sbyte)
            {
                long number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                foreach (var defined in System.Enum.GetValues<TEnum>())
                {
                    if (Convert.ToInt64(defined, CultureInfo.InvariantCulture) == number)
                    {
                        return defined;
                    }
                }
            }

            throw Error(c, $"'{Show(value)}' is not one of {Words<TEnum>.List}.");
        }

        internal readonly bool Bool(int c)
        {
            if (IsNull(c))
            {
                return false;
            }

            object value = reader.GetValue(ordinal[c]);
            switch (value)
            {
                case bool b:
                    return b;
                case int or long or short or byte:
                    long number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    if (number is 0 or 1)
                    {
                        return number == 1;
                    }

                    break;
                case string s:
                    switch (s.Trim().ToUpperInvariant())
                    {
                        case "TRUE" or "1":
                            return true;
                        case "FALSE" or "0":
                            return false;
                    }

                    break;
            }

            throw Error(c, $"'{Show(value)}' is not a flag (true/false or 1/0).");
        }

        internal readonly RecordReadException Error(int c, string problem)
        {
            string record = RecordId is null ? string.Empty : " (record " + RecordId + ")";
            return new RecordReadException(
                string.Create(CultureInfo.InvariantCulture, $"Row {row}{record}, column {ColumnNames[c]}: {problem}"),
                ColumnNames[c],
                row,
                RecordId);
        }

        private static string Show(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
    }

    /// <summary>An enum's members by their snake_case word (as in JSON).</summary>
    private static class Words<TEnum>
        where TEnum : struct, Enum
    {
        internal static readonly Dictionary<string, TEnum> ByWord = Create();

        internal static readonly string List = string.Join(", ", ByWord.Keys);

        private static Dictionary<string, TEnum> Create()
        {
            var words = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in System.Enum.GetValues<TEnum>())
            {
                words[JsonNamingPolicy.SnakeCaseLower.ConvertName(System.Enum.GetName(value)!)] = value;
            }

            return words;
        }
    }

    /// <summary>A growing array whose filled part becomes a column without a copy.</summary>
    private sealed class Buffer<T>
    {
        private T[] items = new T[256];

        internal int Count { get; private set; }

        internal ReadOnlyMemory<T> Memory => new(items, 0, Count);

        internal T this[int index] => items[index];

        internal void Add(T item)
        {
            if (Count == items.Length)
            {
                Array.Resize(ref items, items.Length * 2);
            }

            items[Count++] = item;
        }
    }
}
