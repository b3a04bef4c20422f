using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Zhengxie.Metrics.SampleData;

namespace Zhengxie.Metrics.Serialization;

/// <summary>
/// <see cref="MeasureDefinition"/> as <c>{"measure":"activity.consultation.sector","chinese_label":"界别协商",
/// "english_name":"sector consultations","parent":"activity.consultation","default_unit":"次"}</c>;
/// <c>parent</c> and <c>default_unit</c> are left out when absent.
/// </summary>
internal sealed class MeasureDefinitionJsonConverter : JsonConverter<MeasureDefinition>
{
    internal static readonly MeasureDefinitionJsonConverter Instance = new();

    public override MeasureDefinition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a measure definition");
        Measure? measure = null;
        string? chinese = null;
        string? english = null;
        Measure? parent = null;
        FigureUnit? unit = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "measure":
                    JsonRead.Once(ref seen, 1, name);
                    measure = JsonRead.Property(ref reader, name, TextJsonConverter<Measure>.Instance, options);
                    break;
                case "chinese_label":
                    JsonRead.Once(ref seen, 2, name);
                    chinese = JsonRead.StringProperty(ref reader, name);
                    break;
                case "english_name":
                    JsonRead.Once(ref seen, 4, name);
                    english = JsonRead.StringProperty(ref reader, name);
                    break;
                case "parent":
                    JsonRead.Once(ref seen, 8, name);
                    parent = JsonRead.NullableProperty(ref reader, name, TextJsonConverter<Measure>.Instance, options);
                    break;
                case "default_unit":
                    JsonRead.Once(ref seen, 16, name);
                    unit = JsonRead.NullableProperty(ref reader, name, TextJsonConverter<FigureUnit>.Instance, options);
                    break;
                default:
                    throw JsonRead.Unknown(name, "a measure definition (measure, chinese_label, english_name, parent, default_unit)");
            }
        }

        var m = measure ?? throw JsonRead.Missing("measure", "A measure definition");
        var zh = chinese ?? throw JsonRead.Missing("chinese_label", "A measure definition");
        var en = english ?? throw JsonRead.Missing("english_name", "A measure definition");
        return JsonRead.Build(() => new MeasureDefinition(m, zh, en, parent, unit), "measure definition");
    }

    public override void Write(Utf8JsonWriter writer, MeasureDefinition value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("measure", value.Measure.Id);
        writer.WriteString("chinese_label", value.ChineseLabel);
        writer.WriteString("english_name", value.EnglishName);
        if (value.Parent is { } parent)
        {
            writer.WriteString("parent", parent.Id);
        }

        if (value.DefaultUnit is { } unit)
        {
            writer.WriteString("default_unit", unit.Symbol);
        }

        writer.WriteEndObject();
    }
}

/// <summary><see cref="MeasureCatalog"/> as the array of its definitions, ordered by measure; reading builds it with <see cref="MeasureCatalog.Create"/>.</summary>
internal sealed class MeasureCatalogJsonConverter : JsonConverter<MeasureCatalog>
{
    internal static readonly MeasureCatalogJsonConverter Instance = new();

    public override MeasureCatalog Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartArray(ref reader, "a measure catalog (an array of definitions)");
        var definitions = new List<MeasureDefinition>();
        while (JsonRead.NextElement(ref reader))
        {
            definitions.Add(JsonRead.Element(ref reader, definitions.Count, MeasureDefinitionJsonConverter.Instance, options));
        }

        return JsonRead.Build(() => MeasureCatalog.Create(definitions), "measure catalog");
    }

    public override void Write(Utf8JsonWriter writer, MeasureCatalog value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var definition in value.Definitions)
        {
            MeasureDefinitionJsonConverter.Instance.Write(writer, definition, options);
        }

        writer.WriteEndArray();
    }
}

/// <summary>
/// <see cref="SeedReport"/> as <c>{"id":"wudang-2022","committee_name":"乌当区政协","committee":"520112",
/// "period":"11.1+@2022","published":null,"figures":[…],"expected_rates":{"rate.acceptance":"176/178"}}</c>.
/// </summary>
internal sealed class SeedReportJsonConverter : JsonConverter<SeedReport>
{
    internal static readonly SeedReportJsonConverter Instance = new();

    public override SeedReport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a seed report");
        string? id = null;
        string? committeeName = null;
        Committee? committee = null;
        ReportingPeriod? period = null;
        LocalDate? published = null;
        List<Figure>? figures = null;
        Dictionary<string, string>? rates = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "id":
                    JsonRead.Once(ref seen, 1, name);
                    id = JsonRead.StringProperty(ref reader, name);
                    break;
                case "committee_name":
                    JsonRead.Once(ref seen, 2, name);
                    committeeName = JsonRead.StringProperty(ref reader, name);
                    break;
                case "committee":
                    JsonRead.Once(ref seen, 4, name);
                    committee = JsonRead.Property(ref reader, name, TextJsonConverter<Committee>.Instance, options);
                    break;
                case "period":
                    JsonRead.Once(ref seen, 8, name);
                    period = JsonRead.Property(ref reader, name, TextJsonConverter<ReportingPeriod>.Instance, options);
                    break;
                case "published":
                    JsonRead.Once(ref seen, 16, name);
                    published = JsonRead.NullableProperty(ref reader, name, LocalDateJsonConverter.Instance, options);
                    break;
                case "figures":
                    JsonRead.Once(ref seen, 32, name);
                    figures = JsonRead.Property(ref reader, name, FigureListJsonConverter.Instance, options);
                    break;
                case "expected_rates":
                    JsonRead.Once(ref seen, 64, name);
                    rates = ReadStrings(ref reader, name);
                    break;
                default:
                    throw JsonRead.Unknown(name, "a seed report");
            }
        }

        var i = id ?? throw JsonRead.Missing("id", "A seed report");
        var n = committeeName ?? throw JsonRead.Missing("committee_name", "A seed report");
        var c = committee ?? throw JsonRead.Missing("committee", "A seed report");
        var p = period ?? throw JsonRead.Missing("period", "A seed report");
        var f = figures ?? throw JsonRead.Missing("figures", "A seed report");
        var r = rates ?? [];
        return new SeedReport(i, n, c, p, published, f.AsReadOnly(), r.AsReadOnly());
    }

    private static Dictionary<string, string> ReadStrings(ref Utf8JsonReader reader, string property)
    {
        try
        {
            JsonRead.StartObject(ref reader, "an object of strings");
        }
        catch (JsonReadException ex)
        {
            throw ex.Below(JsonRead.Segment(property));
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            string? text = null;
            try
            {
                text = JsonRead.StringProperty(ref reader, name) ?? throw JsonRead.Error("expected a string, found null").Below(JsonRead.Segment(name));
                if (!map.TryAdd(name, text))
                {
                    throw JsonRead.Duplicate(name);
                }
            }
            catch (JsonReadException ex)
            {
                throw ex.Below(JsonRead.Segment(property));
            }
        }

        return map;
    }

    public override void Write(Utf8JsonWriter writer, SeedReport value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        writer.WriteString("committee_name", value.CommitteeName);
        writer.WriteString("committee", value.Committee.ToString());
        writer.WriteString("period", value.Period.ToString());
        writer.WritePropertyName("published");
        if (value.Published is { } date)
        {
            LocalDateJsonConverter.Instance.Write(writer, date, options);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WritePropertyName("figures");
        FigureListJsonConverter.WriteFigures(writer, value.Figures, options);
        writer.WriteStartObject("expected_rates");
        var keys = new List<string>(value.ExpectedRates.Keys);
        keys.Sort(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            writer.WriteString(key, value.ExpectedRates[key]);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}

/// <summary>A list of figures inside another value; errors name the element (<c>.figures[3].period</c>).</summary>
internal sealed class FigureListJsonConverter : JsonConverter<List<Figure>>
{
    internal static readonly FigureListJsonConverter Instance = new();

    public override List<Figure> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartArray(ref reader, "a list of figures");
        var list = new List<Figure>();
        while (JsonRead.NextElement(ref reader))
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                throw JsonRead.Error("expected a figure, found null").Below("[" + list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
            }

            list.Add(JsonRead.Element(ref reader, list.Count, FigureJsonConverter.Instance, options));
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, List<Figure> value, JsonSerializerOptions options) => WriteFigures(writer, value, options);

    internal static void WriteFigures(Utf8JsonWriter writer, IReadOnlyList<Figure> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var figure in value)
        {
            FigureJsonConverter.Instance.Write(writer, figure, options);
        }

        writer.WriteEndArray();
    }
}
