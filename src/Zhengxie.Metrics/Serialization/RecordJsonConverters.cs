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
                    committee = JsonRead.Property(ref reader, name, TextJsonConverter<Committee>.Instance, options);
                    break;
                case "period":
                    period = JsonRead.Property(ref reader, name, TextJsonConverter<ReportingPeriod>.Instance, options);
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
