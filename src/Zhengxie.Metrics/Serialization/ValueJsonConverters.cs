using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
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

/// <summary><see cref="Bounds"/> as a count: a whole number when exact (<c>176</c>), else <c>{"lower":101,"upper":199}</c> with <c>"upper":null</c> when there is no upper bound. Reads both. Hand-written because a count has two shapes.</summary>
internal sealed class BoundsJsonConverter : JsonConverter<Bounds>
{
    /// <summary>A count read as a number; a rejection (a negative count) becomes an error at the current path. A method of its own, so the success path allocates no closure.</summary>
    private static Bounds Exactly(long count) => count >= 0 ? Bounds.Exactly(count) : JsonRead.Build(() => Bounds.Exactly(count), "count", Array.Empty<string>());

    public override Bounds Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out long count)
                ? Exactly(count)
                : throw JsonRead.Error($"a count must be a whole number that fits in 64 bits, found {(reader.HasValueSequence ? "a longer number" : Encoding.UTF8.GetString(reader.ValueSpan))}");
        }

        return JsonFields.Read(ref reader, options, "bounds").Build(json =>
        {
            long lower = json.Get<long>("lower");
            long? upper = json.Get<long?>("upper");
            json.Check(upper is null || upper >= lower, "upper", $"the upper bound {upper} is below the lower bound {lower}");
            return upper is { } u ? Bounds.Between(lower, u) : Bounds.AtLeast(lower);
        });
    }

    public override void Write(Utf8JsonWriter writer, Bounds value, JsonSerializerOptions options)
    {
        if (value.IsExact)
        {
            writer.WriteNumberValue(value.Lower);
        }
        else
        {
            new JsonFieldWriter(writer, JsonRead.Options(options)).Object(value, (w, b) => w.Add("lower", b.Lower).Add("upper", b.Upper));
        }
    }
}

/// <summary><see cref="Rate"/> as <c>{"numerator":176,"denominator":178}</c>, each part a count (a bounds object when not exact: <c>{"numerator":{"lower":101,"upper":199},"denominator":354}</c>). Hand-written: a rate's public surface is its value and bounds, not the two counts it is made of.</summary>
internal sealed class RateJsonConverter : ObjectJsonConverter<Rate>
{
    protected override Rate Read(JsonFields json) => Rate.FromBounds(json.Get<Bounds>("numerator"), json.Get<Bounds>("denominator"));
    protected override void Write(JsonFieldWriter json, Rate value) => json.Add("numerator", value.Numerator).Add("denominator", value.Denominator);
}
