using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Serialization;

/// <summary><see cref="Region"/> as <c>{"code":"330324","name":"永嘉县","level":"county","parent":"330300"}</c>; <c>parent</c> is null for a province.</summary>
internal sealed class RegionJsonConverter : JsonConverter<Region>
{
    internal static readonly RegionJsonConverter Instance = new();

    public override Region Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a region");
        RegionCode? code = null;
        string? name = null;
        AdministrativeLevel? level = null;
        RegionCode? parent = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string property))
        {
            switch (property)
            {
                case "code":
                    JsonRead.Once(ref seen, 1, property);
                    code = JsonRead.Property(ref reader, property, TextJsonConverter<RegionCode>.Instance, options);
                    break;
                case "name":
                    JsonRead.Once(ref seen, 2, property);
                    name = JsonRead.StringProperty(ref reader, property);
                    break;
                case "level":
                    JsonRead.Once(ref seen, 4, property);
                    level = JsonRead.Property(ref reader, property, EnumJsonConverter<AdministrativeLevel>.Instance, options);
                    break;
                case "parent":
                    JsonRead.Once(ref seen, 8, property);
                    parent = JsonRead.NullableProperty(ref reader, property, TextJsonConverter<RegionCode>.Instance, options);
                    break;
                default:
                    throw JsonRead.Unknown(property, "a region (code, name, level, parent)");
            }
        }

        var c = code ?? throw JsonRead.Missing("code", "A region");
        var n = name ?? throw JsonRead.Missing("name", "A region");
        var l = level ?? throw JsonRead.Missing("level", "A region");
        return JsonRead.Build(() => new Region(c, n, l, parent), "region");
    }

    public override void Write(Utf8JsonWriter writer, Region value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("code", value.Code.ToString());
        writer.WriteString("name", value.Name);
        writer.WriteString("level", EnumJsonConverter<AdministrativeLevel>.ToWord(value.Level));
        if (value.ParentCode is { } parent)
        {
            writer.WriteString("parent", parent.ToString());
        }
        else
        {
            writer.WriteNull("parent");
        }

        writer.WriteEndObject();
    }
}

/// <summary><see cref="RegionTable"/> as the array of its regions, sorted by code; reading builds the table with <see cref="RegionTable.FromRegions"/> and its checks.</summary>
internal sealed class RegionTableJsonConverter : JsonConverter<RegionTable>
{
    internal static readonly RegionTableJsonConverter Instance = new();

    public override RegionTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartArray(ref reader, "a region table (an array of regions)");
        var regions = new List<Region>();
        while (JsonRead.NextElement(ref reader))
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                throw JsonRead.Error("a region table cannot hold null").Below("[" + regions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
            }

            regions.Add(JsonRead.Element(ref reader, regions.Count, RegionJsonConverter.Instance, options));
        }

        return JsonRead.Build(() => RegionTable.FromRegions(regions), "region table");
    }

    public override void Write(Utf8JsonWriter writer, RegionTable value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var region in value.Regions)
        {
            RegionJsonConverter.Instance.Write(writer, region, options);
        }

        writer.WriteEndArray();
    }
}
