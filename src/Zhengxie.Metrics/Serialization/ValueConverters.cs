using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Zhengxie.Metrics.Serialization;

/// <summary>NodaTime <see cref="LocalDate"/> as an ISO date string, <c>"2021-02-26"</c> (ISO-calendar dates only). NodaTime's types carry no converter, so the library adds this one to the options it reads its own objects with.</summary>
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    internal static readonly LocalDateJsonConverter Instance = new();

    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.String(ref reader, "a date");
        return LocalDatePattern.Iso.Parse(text) is { Success: true } result ? result.Value : throw JsonRead.Error($"'{text}' is not an ISO date such as 2021-02-26");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) => writer.WriteStringValue(value.Calendar == CalendarSystem.Iso
        ? LocalDatePattern.Iso.Format(value)
        : throw new ArgumentException($"The date {value} is in the {value.Calendar.Id} calendar; only ISO-calendar dates are written to JSON.", nameof(value)));
}

/// <summary>NodaTime <see cref="Period"/> as an ISO-8601 string, <c>"P3M"</c> (NodaTime's round-trip pattern; ISO decimals such as <c>PT1.5S</c> are read too).</summary>
internal sealed class PeriodJsonConverter : JsonConverter<Period>
{
    internal static readonly PeriodJsonConverter Instance = new();

    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.String(ref reader, "a period");
        return (PeriodPattern.Roundtrip.Parse(text) is { Success: true } result ? result : PeriodPattern.NormalizingIso.Parse(text)) is { Success: true } read
            ? read.Value
            : throw JsonRead.Error($"'{text}' is not an ISO-8601 period such as P3M or P1M15D");
    }

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options) =>
        writer.WriteStringValue(PeriodPattern.Roundtrip.Format(value ?? throw new ArgumentNullException(nameof(value))));
}
