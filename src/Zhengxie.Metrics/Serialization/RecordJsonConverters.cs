using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Serialization;

/// <summary>A string that must not be JSON null (an element of a list of names).</summary>
internal sealed class NonNullStringJsonConverter : JsonConverter<string>
{
    internal static readonly NonNullStringJsonConverter Instance = new();

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonRead.GetString(ref reader, "a name");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>
/// <see cref="ProposalRecord"/> as <c>{"id":"2022-017","committee":"330324","period":"2022","submitted":"2022-01-10",
/// "proposer_kind":"individual","decision":"filed","filed_on":"2022-01-20","handed_over_on":"2022-02-01",
/// "lead_unit":"县教育局","co_units":["县财政局"],"replied_on":"2022-04-20","answer":"solved_or_adopted",
/// "feedback":"satisfied","is_key":true}</c>. The first six are always written; the rest are left out when
/// absent (<c>null</c>, no co-units, no feedback, not key), and read as absent when missing or <c>null</c>.
/// </summary>
internal sealed class ProposalRecordJsonConverter : JsonConverter<ProposalRecord>
{
    internal static readonly ProposalRecordJsonConverter Instance = new();

    private static readonly string[] Properties =
    [
        "id", "committee", "period", "submitted", "proposer_kind", "decision", "filed_on", "merged_into", "handed_over_on",
        "lead_unit", "co_units", "replied_on", "extended_until", "answer", "feedback", "is_key",
    ];

    private static readonly string PropertyList = string.Join(", ", Properties);

    public override ProposalRecord Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a proposal record");
        string? id = null;
        Committee? committee = null;
        ReportingPeriod? period = null;
        LocalDate? submitted = null;
        var kind = ProposerKind.Individual;
        var decision = FilingDecision.UnderReview;
        LocalDate? filedOn = null, handedOverOn = null, repliedOn = null, extendedUntil = null;
        string? mergedInto = null, leadUnit = null;
        List<string>? coUnits = null;
        AnswerClass? answer = null;
        var feedback = Feedback.None;
        bool isKey = false;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            int bit = Array.IndexOf(Properties, name);
            if (bit < 0)
            {
                throw JsonRead.Unknown(name, "a proposal record (" + PropertyList + ")");
            }

            JsonRead.Once(ref seen, 1 << bit, name);
            switch (name)
            {
                case "id":
                    id = JsonRead.RequiredString(ref reader, name);
                    break;
                case "committee":
                    committee = JsonRead.Property(ref reader, name, CommitteeJsonConverter.Instance, options);
                    break;
                case "period":
                    period = JsonRead.Property(ref reader, name, ReportingPeriodJsonConverter.Instance, options);
                    break;
                case "submitted":
                    submitted = JsonRead.Property(ref reader, name, LocalDateJsonConverter.Instance, options);
                    break;
                case "proposer_kind":
                    kind = JsonRead.Property(ref reader, name, EnumJsonConverter<ProposerKind>.Instance, options);
                    break;
                case "decision":
                    decision = JsonRead.Property(ref reader, name, EnumJsonConverter<FilingDecision>.Instance, options);
                    break;
                case "filed_on":
                    filedOn = JsonRead.NullableProperty(ref reader, name, LocalDateJsonConverter.Instance, options);
                    break;
                case "merged_into":
                    mergedInto = JsonRead.StringProperty(ref reader, name);
                    break;
                case "handed_over_on":
                    handedOverOn = JsonRead.NullableProperty(ref reader, name, LocalDateJsonConverter.Instance, options);
                    break;
                case "lead_unit":
                    leadUnit = JsonRead.StringProperty(ref reader, name);
                    break;
                case "co_units":
                    coUnits = reader.TokenType == JsonTokenType.Null ? null : JsonRead.ArrayProperty(ref reader, name, NonNullStringJsonConverter.Instance, options);
                    break;
                case "replied_on":
                    repliedOn = JsonRead.NullableProperty(ref reader, name, LocalDateJsonConverter.Instance, options);
                    break;
                case "extended_until":
                    extendedUntil = JsonRead.NullableProperty(ref reader, name, LocalDateJsonConverter.Instance, options);
                    break;
                case "answer":
                    answer = JsonRead.NullableProperty(ref reader, name, EnumJsonConverter<AnswerClass>.Instance, options);
                    break;
                case "feedback":
                    feedback = JsonRead.NullableProperty(ref reader, name, EnumJsonConverter<Feedback>.Instance, options) ?? Feedback.None;
                    break;
                default:
                    isKey = JsonRead.BooleanProperty(ref reader, name);
                    break;
            }
        }

        string i = id ?? throw JsonRead.Missing("id", "A proposal record");
        var c = committee ?? throw JsonRead.Missing("committee", "A proposal record");
        var p = period ?? throw JsonRead.Missing("period", "A proposal record");
        var s = submitted ?? throw JsonRead.Missing("submitted", "A proposal record");
        return JsonRead.BuildNamed(
            () => new ProposalRecord(i, c, p, s)
            {
                ProposerKind = kind,
                Decision = decision,
                FiledOn = filedOn,
                MergedInto = mergedInto,
                HandedOverOn = handedOverOn,
                LeadUnit = leadUnit,
                CoUnits = coUnits ?? [],
                RepliedOn = repliedOn,
                ExtendedUntil = extendedUntil,
                Answer = answer,
                Feedback = feedback,
                IsKey = isKey,
            },
            "proposal record",
            Properties);
    }

    public override void Write(Utf8JsonWriter writer, ProposalRecord value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        writer.WriteString("committee", value.Committee.ToString());
        writer.WriteString("period", value.Period.ToString());
        WriteDate(writer, "submitted", value.Submitted, options);
        writer.WriteString("proposer_kind", EnumJsonConverter<ProposerKind>.ToWord(value.ProposerKind));
        writer.WriteString("decision", EnumJsonConverter<FilingDecision>.ToWord(value.Decision));
        WriteDate(writer, "filed_on", value.FiledOn, options);
        if (value.MergedInto is not null)
        {
            writer.WriteString("merged_into", value.MergedInto);
        }

        WriteDate(writer, "handed_over_on", value.HandedOverOn, options);
        if (value.LeadUnit is not null)
        {
            writer.WriteString("lead_unit", value.LeadUnit);
        }

        if (value.CoUnits.Count > 0)
        {
            writer.WriteStartArray("co_units");
            foreach (string unit in value.CoUnits)
            {
                writer.WriteStringValue(unit);
            }

            writer.WriteEndArray();
        }

        WriteDate(writer, "replied_on", value.RepliedOn, options);
        WriteDate(writer, "extended_until", value.ExtendedUntil, options);
        if (value.Answer is { } answer)
        {
            writer.WriteString("answer", EnumJsonConverter<AnswerClass>.ToWord(answer));
        }

        if (value.Feedback != Feedback.None)
        {
            writer.WriteString("feedback", EnumJsonConverter<Feedback>.ToWord(value.Feedback));
        }

        if (value.IsKey)
        {
            writer.WriteBoolean("is_key", true);
        }

        writer.WriteEndObject();
    }

    internal static void WriteDate(Utf8JsonWriter writer, string name, LocalDate? date, JsonSerializerOptions options)
    {
        if (date is { } d)
        {
            writer.WritePropertyName(name);
            LocalDateJsonConverter.Instance.Write(writer, d, options);
        }
    }
}

/// <summary>
/// <see cref="HandlingPolicy"/> as <c>{"reply_deadline":"P3M","clock_start":"handover","maximum_extension":"P6M"}</c>.
/// A missing option takes its default; the policy read is checked with <see cref="HandlingPolicy.Validate"/>,
/// and a rejected option is named by its path (<c>$.maximum_extension: not a valid handling policy: …</c>).
/// </summary>
internal sealed class HandlingPolicyJsonConverter : JsonConverter<HandlingPolicy>
{
    internal static readonly HandlingPolicyJsonConverter Instance = new();

    private static readonly string[] Properties = ["reply_deadline", "clock_start", "maximum_extension"];

    public override HandlingPolicy Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a handling policy");
        var policy = HandlingPolicy.Default;
        Period? deadline = null, extension = null;
        ClockStart? start = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "reply_deadline":
                    JsonRead.Once(ref seen, 1, name);
                    deadline = JsonRead.Property(ref reader, name, PeriodJsonConverter.Instance, options);
                    break;
                case "clock_start":
                    JsonRead.Once(ref seen, 2, name);
                    start = JsonRead.Property(ref reader, name, EnumJsonConverter<ClockStart>.Instance, options);
                    break;
                case "maximum_extension":
                    JsonRead.Once(ref seen, 4, name);
                    extension = JsonRead.Property(ref reader, name, PeriodJsonConverter.Instance, options);
                    break;
                default:
                    throw JsonRead.Unknown(name, "a handling policy (" + string.Join(", ", Properties) + ")");
            }
        }

        return JsonRead.BuildNamed(
            () => new HandlingPolicy
            {
                ReplyDeadline = deadline ?? policy.ReplyDeadline,
                ClockStart = start ?? policy.ClockStart,
                MaximumExtension = extension ?? policy.MaximumExtension,
            }.Validate(),
            "handling policy",
            Properties);
    }

    public override void Write(Utf8JsonWriter writer, HandlingPolicy value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName("reply_deadline");
        PeriodJsonConverter.Instance.Write(writer, value.ReplyDeadline, options);
        writer.WriteString("clock_start", EnumJsonConverter<ClockStart>.ToWord(value.ClockStart));
        writer.WritePropertyName("maximum_extension");
        PeriodJsonConverter.Instance.Write(writer, value.MaximumExtension, options);
        writer.WriteEndObject();
    }
}

/// <summary>
/// <see cref="RecordStatisticsTable"/> as the array of its rows, each a <see cref="ProposalStatistics"/> object
/// with the table's 15 exact counts (<see cref="RecordStatisticsTable.CountMeasures"/>). Reading rebuilds the
/// table: every row must have exactly those counts, exact, and no stated rates, and the rows must be sorted by
/// committee, then period, each committee-period once.
/// </summary>
internal sealed class RecordStatisticsTableJsonConverter : JsonConverter<RecordStatisticsTable>
{
    internal static readonly RecordStatisticsTableJsonConverter Instance = new();

    public override RecordStatisticsTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var rows = JsonRead.ReadArray(ref reader, "a record statistics table", ProposalStatisticsJsonConverter.Instance, options);
        var measures = RecordStatisticsTable.CountMeasures;
        var committees = new Committee[rows.Count];
        var periods = new ReportingPeriod[rows.Count];
        var index = new Dictionary<(Committee, ReportingPeriod), int>(rows.Count);
        var counts = new long[checked(rows.Count * measures.Count)];
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            string at = "[" + r.ToString(CultureInfo.InvariantCulture) + "]";
            if (row.StatedRates.Count > 0)
            {
                throw JsonRead.Error("a row of a record statistics table has no stated rates").Below(at + ".stated_rates");
            }

            if (row.Counts.Count != measures.Count)
            {
                var missing = new List<string>();
                foreach (var m in measures)
                {
                    if (!row.Counts.ContainsKey(m))
                    {
                        missing.Add(m.Id);
                    }
                }

                throw JsonRead.Error(missing.Count > 0
                    ? "a row of a record statistics table needs every count of the table; missing " + string.Join(", ", missing)
                    : "a row of a record statistics table has only the counts " + string.Join(", ", measures)).Below(at + ".counts");
            }

            for (int m = 0; m < measures.Count; m++)
            {
                if (!row.Counts.TryGetValue(measures[m], out var count))
                {
                    throw JsonRead.Error($"'{FirstExtra(row, measures)}' is not a count of a record statistics table (only {string.Join(", ", measures)})").Below(at + ".counts");
                }

                if (!count.IsExact)
                {
                    throw JsonRead.Error($"a record statistics table has exact counts only, found {count}").Below(at + ".counts" + JsonRead.Segment(measures[m].Id));
                }

                counts[(r * measures.Count) + m] = count.Lower;
            }

            committees[r] = row.Committee;
            periods[r] = row.Period;
            if (r > 0)
            {
                int order = committees[r - 1] != row.Committee ? committees[r - 1].CompareTo(row.Committee) : periods[r - 1].CompareTo(row.Period);
                if (order >= 0)
                {
                    throw JsonRead.Error(order == 0
                        ? $"committee {row.Committee}, period {row.Period} appears twice"
                        : $"the rows must be sorted by committee, then period: {row.Committee} {row.Period} comes after {committees[r - 1]} {periods[r - 1]}").Below(at);
                }
            }

            index.Add((row.Committee, row.Period), r);
        }

        return new RecordStatisticsTable(committees, periods, index, counts);
    }

    private static string FirstExtra(ProposalStatistics row, IReadOnlyList<Measure> measures)
    {
        var sorted = new List<Measure>(row.Counts.Keys);
        sorted.Sort();
        foreach (var m in sorted)
        {
            if (!((ICollection<Measure>)measures).Contains(m))
            {
                return m.Id;
            }
        }

        return string.Empty;
    }

    public override void Write(Utf8JsonWriter writer, RecordStatisticsTable value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var row in value)
        {
            ProposalStatisticsJsonConverter.Instance.Write(writer, row, options);
        }

        writer.WriteEndArray();
    }
}

/// <summary>
/// <see cref="OpenProposalCounts"/> as <c>{"committee":"330324","period":"2022","as_of":"2022-06-30","open":12,
/// "overdue":3,"awaiting_handover":1}</c>. Reading checks that no count is negative and that overdue and
/// awaiting-handover cases are at most the open ones.
/// </summary>
internal sealed class OpenProposalCountsJsonConverter : JsonConverter<OpenProposalCounts>
{
    internal static readonly OpenProposalCountsJsonConverter Instance = new();

    public override OpenProposalCounts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "open proposal counts");
        Committee? committee = null;
        ReportingPeriod? period = null;
        LocalDate? asOf = null;
        long? open = null, overdue = null, awaiting = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "committee":
                    JsonRead.Once(ref seen, 1, name);
                    committee = JsonRead.Property(ref reader, name, CommitteeJsonConverter.Instance, options);
                    break;
                case "period":
                    JsonRead.Once(ref seen, 2, name);
                    period = JsonRead.Property(ref reader, name, ReportingPeriodJsonConverter.Instance, options);
                    break;
                case "as_of":
                    JsonRead.Once(ref seen, 4, name);
                    asOf = JsonRead.Property(ref reader, name, LocalDateJsonConverter.Instance, options);
                    break;
                case "open":
                    JsonRead.Once(ref seen, 8, name);
                    open = NonNegative(ref reader, name);
                    break;
                case "overdue":
                    JsonRead.Once(ref seen, 16, name);
                    overdue = NonNegative(ref reader, name);
                    break;
                case "awaiting_handover":
                    JsonRead.Once(ref seen, 32, name);
                    awaiting = NonNegative(ref reader, name);
                    break;
                default:
                    throw JsonRead.Unknown(name, "open proposal counts (committee, period, as_of, open, overdue, awaiting_handover)");
            }
        }

        const string What = "Open proposal counts";
        var c = committee ?? throw JsonRead.Missing("committee", What);
        var p = period ?? throw JsonRead.Missing("period", What);
        var d = asOf ?? throw JsonRead.Missing("as_of", What);
        long o = open ?? throw JsonRead.Missing("open", What);
        long late = overdue ?? throw JsonRead.Missing("overdue", What);
        long waiting = awaiting ?? throw JsonRead.Missing("awaiting_handover", What);
        if (late > o)
        {
            throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"committee {c}, period {p}: {late} overdue is more than the {o} open")).Below(".overdue");
        }

        if (waiting > o)
        {
            throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"committee {c}, period {p}: {waiting} awaiting handover is more than the {o} open")).Below(".awaiting_handover");
        }

        return new OpenProposalCounts(c, p, d, o, late, waiting);
    }

    internal static long NonNegative(ref Utf8JsonReader reader, string name)
    {
        long value = JsonRead.Int64Property(ref reader, name);
        return value >= 0
            ? value
            : throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"'{name}' must not be negative, found {value}")).Below(JsonRead.Segment(name));
    }

    public override void Write(Utf8JsonWriter writer, OpenProposalCounts value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("committee", value.Committee.ToString());
        writer.WriteString("period", value.Period.ToString());
        ProposalRecordJsonConverter.WriteDate(writer, "as_of", value.AsOf, options);
        writer.WriteNumber("open", value.Open);
        writer.WriteNumber("overdue", value.Overdue);
        writer.WriteNumber("awaiting_handover", value.AwaitingHandover);
        writer.WriteEndObject();
    }
}

/// <summary>
/// <see cref="DaysToReplyDistribution"/> as <c>{"count":4,"minimum":10,"maximum":80,"median":45,"percentile90":71.9,
/// "days":[10,40,50,80]}</c>. <c>days</c> is the data; the statistics are derived from it and written for readers
/// (<c>null</c> when there are no days). On reading only <c>days</c> is needed (whole numbers, not negative, in any
/// order); a statistic that is present must equal the one derived from the days.
/// </summary>
internal sealed class DaysToReplyDistributionJsonConverter : JsonConverter<DaysToReplyDistribution>
{
    internal static readonly DaysToReplyDistributionJsonConverter Instance = new();

    private sealed class DayConverter : JsonConverter<int>
    {
        internal static readonly DayConverter Instance = new();

        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            long value = JsonRead.GetInt64(ref reader, "a number of days");
            return value is >= 0 and <= int.MaxValue
                ? (int)value
                : throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"a number of days to reply must be from 0 to {int.MaxValue}, found {value}"));
        }

        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    public override DaysToReplyDistribution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a days-to-reply distribution");
        List<int>? days = null;
        var stated = new List<(string Name, decimal? Value)>();
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "days":
                    JsonRead.Once(ref seen, 1, name);
                    days = JsonRead.ArrayProperty(ref reader, name, DayConverter.Instance, options);
                    break;
                case "count":
                case "minimum":
                case "maximum":
                case "median":
                case "percentile90":
                    JsonRead.Once(ref seen, name switch { "count" => 2, "minimum" => 4, "maximum" => 8, "median" => 16, _ => 32 }, name);
                    stated.Add((name, JsonRead.NullableProperty(ref reader, name, DecimalJsonConverter.Instance, options)));
                    break;
                default:
                    throw JsonRead.Unknown(name, "a days-to-reply distribution (count, minimum, maximum, median, percentile90, days)");
            }
        }

        var list = days ?? throw JsonRead.Missing("days", "A days-to-reply distribution");
        var result = new DaysToReplyDistribution(list.ToArray());
        foreach (var (name, value) in stated)
        {
            decimal? derived = name switch
            {
                "count" => result.Count,
                "minimum" => result.Minimum,
                "maximum" => result.Maximum,
                "median" => result.Median,
                _ => result.Percentile90,
            };
            if (value != derived)
            {
                throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"'{name}' is {Show(value)} but the days give {Show(derived)}")).Below("." + name);
            }
        }

        return result;
    }

    private static string Show(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";

    public override void Write(Utf8JsonWriter writer, DaysToReplyDistribution value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("count", value.Count);
        WriteNullable(writer, "minimum", value.Minimum);
        WriteNullable(writer, "maximum", value.Maximum);
        WriteNullable(writer, "median", value.Median);
        WriteNullable(writer, "percentile90", value.Percentile90);
        writer.WriteStartArray("days");
        foreach (int d in value.Days)
        {
            writer.WriteNumberValue(d);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}

/// <summary><see cref="HandlingUnitStatistics"/> as <c>{"unit":"县教育局","role":"lead","statistics":{…}}</c>.</summary>
internal sealed class HandlingUnitStatisticsJsonConverter : JsonConverter<HandlingUnitStatistics>
{
    internal static readonly HandlingUnitStatisticsJsonConverter Instance = new();

    public override HandlingUnitStatistics Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "handling-unit statistics");
        string? unit = null;
        HandlingRole? role = null;
        ProposalStatistics? statistics = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "unit":
                    JsonRead.Once(ref seen, 1, name);
                    unit = JsonRead.RequiredString(ref reader, name);
                    if (string.IsNullOrWhiteSpace(unit))
                    {
                        throw JsonRead.Error("a handling unit's name must not be empty").Below(".unit");
                    }

                    break;
                case "role":
                    JsonRead.Once(ref seen, 2, name);
                    role = JsonRead.Property(ref reader, name, EnumJsonConverter<HandlingRole>.Instance, options);
                    break;
                case "statistics":
                    JsonRead.Once(ref seen, 4, name);
                    statistics = JsonRead.Property(ref reader, name, ProposalStatisticsJsonConverter.Instance, options);
                    break;
                default:
                    throw JsonRead.Unknown(name, "handling-unit statistics (unit, role, statistics)");
            }
        }

        const string What = "Handling-unit statistics";
        return new HandlingUnitStatistics(
            unit ?? throw JsonRead.Missing("unit", What),
            role ?? throw JsonRead.Missing("role", What),
            statistics ?? throw JsonRead.Missing("statistics", What));
    }

    public override void Write(Utf8JsonWriter writer, HandlingUnitStatistics value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("unit", value.Unit);
        writer.WriteString("role", EnumJsonConverter<HandlingRole>.ToWord(value.Role));
        writer.WritePropertyName("statistics");
        ProposalStatisticsJsonConverter.Instance.Write(writer, value.Statistics, options);
        writer.WriteEndObject();
    }
}

/// <summary>
/// <see cref="KeyProposalBreakdown"/> as <c>{"key":{…},"other":{…}}</c>, two <see cref="ProposalStatistics"/>
/// objects of the same committee and period.
/// </summary>
internal sealed class KeyProposalBreakdownJsonConverter : JsonConverter<KeyProposalBreakdown>
{
    internal static readonly KeyProposalBreakdownJsonConverter Instance = new();

    public override KeyProposalBreakdown Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a key-proposal breakdown");
        ProposalStatistics? key = null, other = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "key":
                    JsonRead.Once(ref seen, 1, name);
                    key = JsonRead.Property(ref reader, name, ProposalStatisticsJsonConverter.Instance, options);
                    break;
                case "other":
                    JsonRead.Once(ref seen, 2, name);
                    other = JsonRead.Property(ref reader, name, ProposalStatisticsJsonConverter.Instance, options);
                    break;
                default:
                    throw JsonRead.Unknown(name, "a key-proposal breakdown (key, other)");
            }
        }

        var k = key ?? throw JsonRead.Missing("key", "A key-proposal breakdown");
        var o = other ?? throw JsonRead.Missing("other", "A key-proposal breakdown");
        if (k.Committee != o.Committee || k.Period != o.Period)
        {
            throw JsonRead.Error($"both halves of a key-proposal breakdown have one committee and period; 'key' is {k.Committee} {k.Period} and 'other' {o.Committee} {o.Period}").Below(".other");
        }

        return new KeyProposalBreakdown(k, o);
    }

    public override void Write(Utf8JsonWriter writer, KeyProposalBreakdown value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName("key");
        ProposalStatisticsJsonConverter.Instance.Write(writer, value.Key, options);
        writer.WritePropertyName("other");
        ProposalStatisticsJsonConverter.Instance.Write(writer, value.Other, options);
        writer.WriteEndObject();
    }
}
