using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Zhengxie.Metrics.Serialization;

/// <summary>
/// <see cref="Figure"/> as <c>{"committee":"520112","period":"11.1+@2022","measure":"proposals.received",
/// "value":178,"unit":"件","qualifier":"exact","scope":"committee","topic":…,"source":{…}}</c>. The value is
/// written with its printed digits (<c>78.5</c>) and is <c>null</c> only for <c>all</c>; <c>topic</c> and
/// <c>source</c> are left out when absent. On reading, <c>qualifier</c> defaults to <c>exact</c> and
/// <c>scope</c> to <c>committee</c>; the figure's own checks apply, and their message names the path.
/// </summary>
internal sealed class FigureJsonConverter : JsonConverter<Figure>
{
    internal static readonly FigureJsonConverter Instance = new();

    public override Figure Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a figure");
        Committee? committee = null;
        ReportingPeriod? period = null;
        Measure? measure = null;
        decimal? value = null;
        bool valueSeen = false;
        FigureUnit? unit = null;
        var qualifier = Qualifier.Exact;
        var scope = FigureScope.Committee;
        string? topic = null;
        FigureSource? source = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "committee":
                    JsonRead.Once(ref seen, 1, name);
                    committee = JsonRead.Property(ref reader, name, TextJsonConverter<Committee>.Instance, options);
                    break;
                case "period":
                    JsonRead.Once(ref seen, 2, name);
                    period = JsonRead.Property(ref reader, name, TextJsonConverter<ReportingPeriod>.Instance, options);
                    break;
                case "measure":
                    JsonRead.Once(ref seen, 4, name);
                    measure = JsonRead.Property(ref reader, name, TextJsonConverter<Measure>.Instance, options);
                    break;
                case "value":
                    JsonRead.Once(ref seen, 8, name);
                    valueSeen = true;
                    value = JsonRead.NullableProperty(ref reader, name, DecimalJsonConverter.Instance, options);
                    break;
                case "unit":
                    JsonRead.Once(ref seen, 16, name);
                    unit = JsonRead.Property(ref reader, name, TextJsonConverter<FigureUnit>.Instance, options);
                    break;
                case "qualifier":
                    JsonRead.Once(ref seen, 32, name);
                    qualifier = JsonRead.Property(ref reader, name, EnumJsonConverter<Qualifier>.Instance, options);
                    break;
                case "scope":
                    JsonRead.Once(ref seen, 64, name);
                    scope = JsonRead.Property(ref reader, name, EnumJsonConverter<FigureScope>.Instance, options);
                    break;
                case "topic":
                    JsonRead.Once(ref seen, 128, name);
                    topic = JsonRead.StringProperty(ref reader, name);
                    break;
                case "source":
                    JsonRead.Once(ref seen, 256, name);
                    source = JsonRead.NullableReference(ref reader, name, FigureSourceJsonConverter.Instance, options);
                    break;
                default:
                    throw JsonRead.Unknown(name, "a figure");
            }
        }

        var c = committee ?? throw JsonRead.Missing("committee", "A figure");
        var p = period ?? throw JsonRead.Missing("period", "A figure");
        var m = measure ?? throw JsonRead.Missing("measure", "A figure");
        var u = unit ?? throw JsonRead.Missing("unit", "A figure");
        if (!valueSeen)
        {
            throw JsonRead.Error("a figure needs the property 'value' (null for a figure qualified 'all')");
        }

        return JsonRead.Build(() => new Figure(c, p, m, value, u, qualifier, scope, topic, source), "figure");
    }

    public override void Write(Utf8JsonWriter writer, Figure value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("committee", value.Committee.ToString());
        writer.WriteString("period", value.Period.ToString());
        writer.WriteString("measure", value.Measure.Id);
        if (value.Value is { } v)
        {
            writer.WriteNumber("value", v);
        }
        else
        {
            writer.WriteNull("value");
        }

        writer.WriteString("unit", value.Unit.Symbol);
        writer.WriteString("qualifier", QualifierText.ToWord(value.Qualifier));
        writer.WriteString("scope", QualifierText.ToWord(value.Scope));
        if (value.Topic is not null)
        {
            writer.WriteString("topic", value.Topic);
        }

        if (value.Source is not null)
        {
            writer.WritePropertyName("source");
            FigureSourceJsonConverter.Instance.Write(writer, value.Source, options);
        }

        writer.WriteEndObject();
    }
}

/// <summary>
/// <see cref="FigureSource"/> as <c>{"document":"wudang-2022","quote":"收到提案178件","published":"2022-01-05"}</c>;
/// absent parts are left out (and read as absent when missing or null).
/// </summary>
internal sealed class FigureSourceJsonConverter : JsonConverter<FigureSource>
{
    internal static readonly FigureSourceJsonConverter Instance = new();

    public override FigureSource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a figure source");
        string? document = null;
        string? quote = null;
        LocalDate? published = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "document":
                    JsonRead.Once(ref seen, 1, name);
                    document = JsonRead.StringProperty(ref reader, name);
                    break;
                case "quote":
                    JsonRead.Once(ref seen, 2, name);
                    quote = JsonRead.StringProperty(ref reader, name);
                    break;
                case "published":
                    JsonRead.Once(ref seen, 4, name);
                    published = JsonRead.NullableProperty(ref reader, name, LocalDateJsonConverter.Instance, options);
                    break;
                default:
                    throw JsonRead.Unknown(name, "a figure source (document, quote, published)");
            }
        }

        return new FigureSource(document, quote, published);
    }

    public override void Write(Utf8JsonWriter writer, FigureSource value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        if (value.Document is not null)
        {
            writer.WriteString("document", value.Document);
        }

        if (value.Quote is not null)
        {
            writer.WriteString("quote", value.Quote);
        }

        if (value.Published is { } published)
        {
            writer.WritePropertyName("published");
            LocalDateJsonConverter.Instance.Write(writer, published, options);
        }

        writer.WriteEndObject();
    }
}

/// <summary>A JSON number as a <see cref="decimal"/> with its printed digits (used inside other converters).</summary>
internal sealed class DecimalJsonConverter : JsonConverter<decimal>
{
    internal static readonly DecimalJsonConverter Instance = new();

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonRead.GetDecimal(ref reader, "a number");

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
