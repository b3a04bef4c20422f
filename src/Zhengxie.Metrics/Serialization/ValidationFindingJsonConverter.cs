using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Serialization;

/// <summary>
/// <see cref="ValidationFinding"/> as <c>{"rule":"filed_exceeds_received","message":"…","committee":"520112",
/// "period":"2022","measure":"proposals.filed","record_id":…}</c>; absent parts are left out.
/// </summary>
internal sealed class ValidationFindingJsonConverter : JsonConverter<ValidationFinding>
{
    internal static readonly ValidationFindingJsonConverter Instance = new();

    public override ValidationFinding Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a validation finding");
        ValidationRule? rule = null;
        string? message = null;
        Committee? committee = null;
        ReportingPeriod? period = null;
        Measure? measure = null;
        string? recordId = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "rule":
                    JsonRead.Once(ref seen, 1, name);
                    rule = JsonRead.Property(ref reader, name, EnumJsonConverter<ValidationRule>.Instance, options);
                    break;
                case "message":
                    JsonRead.Once(ref seen, 2, name);
                    message = JsonRead.StringProperty(ref reader, name);
                    break;
                case "committee":
                    JsonRead.Once(ref seen, 4, name);
                    committee = JsonRead.NullableProperty(ref reader, name, TextJsonConverter<Committee>.Instance, options);
                    break;
                case "period":
                    JsonRead.Once(ref seen, 8, name);
                    period = JsonRead.NullableProperty(ref reader, name, TextJsonConverter<ReportingPeriod>.Instance, options);
                    break;
                case "measure":
                    JsonRead.Once(ref seen, 16, name);
                    measure = JsonRead.NullableProperty(ref reader, name, TextJsonConverter<Measure>.Instance, options);
                    break;
                case "record_id":
                    JsonRead.Once(ref seen, 32, name);
                    recordId = JsonRead.StringProperty(ref reader, name);
                    break;
                default:
                    throw JsonRead.Unknown(name, "a validation finding");
            }
        }

        var r = rule ?? throw JsonRead.Missing("rule", "A validation finding");
        var text = message ?? throw JsonRead.Missing("message", "A validation finding");
        return JsonRead.Build(() => new ValidationFinding(r, text, committee, period, measure, recordId), "validation finding");
    }

    public override void Write(Utf8JsonWriter writer, ValidationFinding value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("rule", EnumJsonConverter<ValidationRule>.ToWord(value.Rule));
        writer.WriteString("message", value.Message);
        if (value.Committee is { } c)
        {
            writer.WriteString("committee", c.ToString());
        }

        if (value.Period is { } p)
        {
            writer.WriteString("period", p.ToString());
        }

        if (value.Measure is { } m)
        {
            writer.WriteString("measure", m.Id);
        }

        if (value.RecordId is not null)
        {
            writer.WriteString("record_id", value.RecordId);
        }

        writer.WriteEndObject();
    }
}
