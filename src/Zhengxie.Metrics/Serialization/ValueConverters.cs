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

/// <summary><see cref="RegionCode"/> as its six digits, <c>"330324"</c>.</summary>
internal sealed class RegionCodeJsonConverter : JsonConverter<RegionCode>
{
    internal static readonly RegionCodeJsonConverter Instance = new();

    public override RegionCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.GetString(ref reader, "a region code");
        return RegionCode.TryParse(text, out var code) ? code : throw JsonRead.Error($"'{text}' is not a GB/T 2260 region code (six digits such as 330324)");
    }

    public override void Write(Utf8JsonWriter writer, RegionCode value, JsonSerializerOptions options)
    {
        if (value.IsDefault)
        {
            throw new ArgumentException("default(RegionCode) names no region and has no JSON form.", nameof(value));
        }

        writer.WriteStringValue(value.ToString());
    }
}

/// <summary><see cref="Committee"/> as its text form, <c>"330324"</c> or <c>"331100/county"</c>.</summary>
internal sealed class CommitteeJsonConverter : JsonConverter<Committee>
{
    internal static readonly CommitteeJsonConverter Instance = new();

    public override Committee Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.GetString(ref reader, "a committee");
        return Committee.TryParse(text, out var committee)
            ? committee
            : throw JsonRead.Error($"'{text}' is not a committee (a region code such as 330324, or 331100/county when the level differs from the code's shape)");
    }

    public override void Write(Utf8JsonWriter writer, Committee value, JsonSerializerOptions options)
    {
        if (value.IsDefault)
        {
            throw new ArgumentException("default(Committee) names no committee and has no JSON form.", nameof(value));
        }

        writer.WriteStringValue(value.ToString());
    }
}

/// <summary><see cref="ReportingPeriod"/> as its text form, <c>"2020"</c>, <c>"4.4@2020"</c>, <c>"11.1+@2022"</c>.</summary>
internal sealed class ReportingPeriodJsonConverter : JsonConverter<ReportingPeriod>
{
    internal static readonly ReportingPeriodJsonConverter Instance = new();

    public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.GetString(ref reader, "a reporting period");
        return ReportingPeriod.TryParse(text, out var period)
            ? period
            : throw JsonRead.Error($"'{text}' is not a reporting period (a year such as 2020, a session such as 4.4@2020, or 11.1+@2022)");
    }

    public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options)
    {
        if (value.IsDefault)
        {
            throw new ArgumentException("default(ReportingPeriod) is not a period and has no JSON form.", nameof(value));
        }

        writer.WriteStringValue(value.ToString());
    }
}

/// <summary><see cref="Measure"/> as its identifier, <c>"proposals.filed"</c>.</summary>
internal sealed class MeasureJsonConverter : JsonConverter<Measure>
{
    internal static readonly MeasureJsonConverter Instance = new();

    public override Measure Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.GetString(ref reader, "a measure");
        return Measure.IsWellFormed(text)
            ? new Measure(text)
            : throw JsonRead.Error($"'{text}' is not a measure identifier (dot-separated lower-case segments such as proposals.filed)");
    }

    public override void Write(Utf8JsonWriter writer, Measure value, JsonSerializerOptions options)
    {
        if (value.IsDefault)
        {
            throw new ArgumentException("default(Measure) has no identifier and no JSON form.", nameof(value));
        }

        writer.WriteStringValue(value.Id);
    }

    public override Measure ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = reader.GetString()!;
        return Measure.IsWellFormed(text)
            ? new Measure(text)
            : throw JsonRead.Error($"'{text}' is not a measure identifier (dot-separated lower-case segments such as proposals.filed)");
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Measure value, JsonSerializerOptions options)
    {
        if (value.IsDefault)
        {
            throw new ArgumentException("default(Measure) has no identifier and no JSON form.", nameof(value));
        }

        writer.WritePropertyName(value.Id);
    }
}

/// <summary><see cref="FigureUnit"/> as its printed symbol, <c>"万元"</c>.</summary>
internal sealed class FigureUnitJsonConverter : JsonConverter<FigureUnit>
{
    internal static readonly FigureUnitJsonConverter Instance = new();

    public override FigureUnit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.GetString(ref reader, "a unit");
        return JsonRead.Build(() => new FigureUnit(text), "unit");
    }

    public override void Write(Utf8JsonWriter writer, FigureUnit value, JsonSerializerOptions options)
    {
        if (value.Symbol.Length == 0)
        {
            throw new ArgumentException("default(FigureUnit) has no symbol and no JSON form.", nameof(value));
        }

        writer.WriteStringValue(value.Symbol);
    }
}

/// <summary><see cref="Qualifier"/> as its word (<c>"more_than"</c>), through <see cref="QualifierText"/>.</summary>
internal sealed class QualifierJsonConverter : JsonConverter<Qualifier>
{
    internal static readonly QualifierJsonConverter Instance = new();

    public override Qualifier Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.GetString(ref reader, "a qualifier");
        return QualifierText.TryParse(text, out var q)
            ? q
            : throw JsonRead.Error($"'{text}' is not a qualifier (exact, more_than, at_least, nearly, about, all or percent_reported)");
    }

    public override void Write(Utf8JsonWriter writer, Qualifier value, JsonSerializerOptions options) =>
        writer.WriteStringValue(QualifierText.ToWord(value));
}

/// <summary><see cref="FigureScope"/> as its word (<c>"committee"</c>, <c>"region_total"</c>), through <see cref="QualifierText"/>.</summary>
internal sealed class FigureScopeJsonConverter : JsonConverter<FigureScope>
{
    internal static readonly FigureScopeJsonConverter Instance = new();

    public override FigureScope Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonRead.GetString(ref reader, "a scope");
        return QualifierText.TryParseScope(text, out var scope)
            ? scope
            : throw JsonRead.Error($"'{text}' is not a scope (committee or region_total)");
    }

    public override void Write(Utf8JsonWriter writer, FigureScope value, JsonSerializerOptions options) =>
        writer.WriteStringValue(QualifierText.ToWord(value));
}
