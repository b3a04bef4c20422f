using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Zhengxie.Metrics.Serialization;

/// <summary>NodaTime <see cref="LocalDate"/> as an ISO date string, <c>"2021-02-26"</c>. Only ISO-calendar dates.</summary>
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    internal static readonly LocalDateJsonConverter Instance = new();

    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.GetString(ref reader, "a date");
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw JsonRead.Error($"'{text}' is not an ISO date such as 2021-02-26");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        if (value.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException($"The date {value} is in the {value.Calendar.Id} calendar; only ISO-calendar dates are written to JSON.", nameof(value));
        }

        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}

/// <summary>NodaTime <see cref="Period"/> as an ISO-8601 duration string, <c>"P3M"</c> (NodaTime's round-trip pattern, which is ISO for years, months, weeks, days, hours, minutes and seconds).</summary>
internal sealed class PeriodJsonConverter : JsonConverter<Period>
{
    internal static readonly PeriodJsonConverter Instance = new();

    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.GetString(ref reader, "a period");
        var result = PeriodPattern.Roundtrip.Parse(text);
        if (!result.Success)
        {
            result = PeriodPattern.NormalizingIso.Parse(text);
        }

        return result.Success ? result.Value : throw JsonRead.Error($"'{text}' is not an ISO-8601 period such as P3M or P1M15D");
    }

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(PeriodPattern.Roundtrip.Format(value));
    }
}
