using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Serialization;

/// <summary>
/// <see cref="IndicatorTable"/> as <c>{"measures":[{"measure":"proposals.filed","unit":"件"}],"rates":[{rate definition}],
/// "periods":[{bucket}],"region_table":"default","groups":[{"group":{key},"group_size":15,"rows":[{"period":"2020",
/// "values":{"proposals.filed":{"sum":1234,"contributors":12}},"rates":{"rate.reply":{"rate":{…},"contributors":2}}}]}]}</c>.
/// Each group has one row per bucket, in the order of <c>periods</c>, and each row a cell per column.
/// <c>region_table</c> (the hierarchy <see cref="IndicatorTable.GetShareOfParent"/> walks) is <c>"default"</c>
/// for <see cref="RegionTable.Default"/>, the table itself as an array of regions for another, and absent for none.
/// </summary>
internal sealed class IndicatorTableJsonConverter : JsonConverter<IndicatorTable>
{
    internal static readonly IndicatorTableJsonConverter Instance = new();

    private sealed record GroupJson(GroupKey Key, int Size, List<(string Period, Dictionary<string, AggregateValue> Values, Dictionary<string, PooledRate> Rates)> Rows);

    public override IndicatorTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "an indicator table");
        List<(Measure Measure, string Unit)>? measures = null;
        List<RateDefinition>? rates = null;
        List<PeriodBucket>? buckets = null;
        RegionTable? regions = null;
        var groups = new List<GroupJson>();
        bool groupsSeen = false;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "measures":
                    JsonRead.Once(ref seen, 1, name);
                    measures = JsonRead.ArrayProperty(ref reader, name, MeasureColumnConverter.Instance, options);
                    CheckUnique(measures.ConvertAll(m => m.Measure.Id), name);
                    break;
                case "rates":
                    JsonRead.Once(ref seen, 2, name);
                    rates = JsonRead.ArrayProperty(ref reader, name, RateDefinitionJsonConverter.Instance, options);
                    CheckUnique(rates.ConvertAll(r => r.Measure.Id), name);
                    break;
                case "periods":
                    JsonRead.Once(ref seen, 4, name);
                    buckets = JsonRead.ArrayProperty(ref reader, name, PeriodBucketJsonConverter.Instance, options);
                    CheckUnique(buckets.ConvertAll(b => b.Label), name);
                    break;
                case "region_table":
                    JsonRead.Once(ref seen, 8, name);
                    regions = ReadRegions(ref reader, options);
                    break;
                case "groups":
                    JsonRead.Once(ref seen, 16, name);
                    groupsSeen = true;
                    var (m, r, b) = (
                        measures ?? throw JsonRead.Error("'measures' must come before 'groups'"),
                        rates ?? throw JsonRead.Error("'rates' must come before 'groups'"),
                        buckets ?? throw JsonRead.Error("'periods' must come before 'groups'"));
                    try
                    {
                        JsonRead.StartArray(ref reader, "the groups");
                        while (JsonRead.NextElement(ref reader))
                        {
                            try
                            {
                                groups.Add(ReadGroup(ref reader, m, r, b, options));
                            }
                            catch (JsonReadException ex)
                            {
                                throw ex.Below("[" + groups.Count.ToString(CultureInfo.InvariantCulture) + "]");
                            }
                        }
                    }
                    catch (JsonReadException ex)
                    {
                        throw ex.Below(".groups");
                    }

                    break;
                default:
                    throw JsonRead.Unknown(name, "an indicator table (measures, rates, periods, region_table, groups)");
            }
        }

        if (!groupsSeen)
        {
            throw JsonRead.Missing("groups", "An indicator table");
        }

        return Build(measures!, rates!, buckets!, groups, regions);
    }

    private static IndicatorTable Build(List<(Measure Measure, string Unit)> measures, List<RateDefinition> rates, List<PeriodBucket> buckets, List<GroupJson> groups, RegionTable? regions)
    {
        var measureColumns = new MeasureColumn[measures.Count];
        for (int j = 0; j < measures.Count; j++)
        {
            measureColumns[j] = new MeasureColumn(j, j, measures[j].Measure, measures[j].Unit);
        }

        var rateColumns = new RateColumn[rates.Count];
        for (int k = 0; k < rates.Count; k++)
        {
            rateColumns[k] = new RateColumn(measures.Count + k, k, rates[k]);
        }

        int rowCount = checked(groups.Count * buckets.Count);
        var data = new AggregationResult(rowCount, measures.Count, rates.Count);

        // A column keeps upper bounds only when one of its cells is not exact; then it keeps them for every row.
        var measureBounded = new bool[measures.Count];
        var rateBounded = new bool[rates.Count];
        foreach (var cells in groups.SelectMany(g => g.Rows))
        {
            for (int j = 0; j < measures.Count; j++)
            {
                measureBounded[j] |= cells.Values[measures[j].Measure.Id].Sum is { IsExact: false };
            }

            for (int k = 0; k < rates.Count; k++)
            {
                rateBounded[k] |= cells.Rates[rates[k].Measure.Id].Rate is { IsExact: false };
            }
        }

        for (int g = 0; g < groups.Count; g++)
        {
            for (int b = 0; b < buckets.Count; b++)
            {
                int row = (g * buckets.Count) + b;
                var cells = groups[g].Rows[b];
                for (int j = 0; j < measures.Count; j++)
                {
                    var v = cells.Values[measures[j].Measure.Id];
                    int i = (j * rowCount) + row;
                    var sum = v.Sum ?? Bounds.Exactly(0);
                    data.MeasureLower[i] = sum.Lower;
                    if (measureBounded[j])
                    {
                        AggregationResult.Ensure(data.MeasureUpper, j, rowCount)[row] = sum.HasUpperBound ? sum.Upper!.Value : -1;
                    }

                    data.MeasureContributors[i] = v.Contributors;
                }

                for (int k = 0; k < rates.Count; k++)
                {
                    var p = cells.Rates[rates[k].Measure.Id];
                    int i = (k * rowCount) + row;
                    data.RateContributors[i] = p.Contributors;
                    if (p.Rate is { } rate)
                    {
                        data.NumeratorLower[i] = rate.Numerator.Lower;
                        data.DenominatorLower[i] = rate.Denominator.Lower;
                        if (rateBounded[k])
                        {
                            AggregationResult.Ensure(data.NumeratorUpper, k, rowCount)[row] = rate.Numerator.HasUpperBound ? rate.Numerator.Upper!.Value : -1;
                            AggregationResult.Ensure(data.DenominatorUpper, k, rowCount)[row] = rate.Denominator.HasUpperBound ? rate.Denominator.Upper!.Value : -1;
                        }
                    }
                }
            }
        }

        return new IndicatorTable(
            groups.ConvertAll(g => g.Key).ToArray(),
            groups.ConvertAll(g => g.Size).ToArray(),
            buckets.ToArray(),
            measureColumns,
            rateColumns,
            data,
            regions);
    }

    private static void CheckUnique(List<string> names, string property)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            if (!set.Add(names[i]))
            {
                throw JsonRead.Error($"'{names[i]}' appears twice").Below(JsonRead.Segment(property) + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
            }
        }
    }

    private static RegionTable? ReadRegions(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                string text = reader.GetString()!;
                return text == "default"
                    ? RegionTable.Default
                    : throw JsonRead.Error($"'{text}' is not a region table (use \"default\" or an array of regions)").Below(".region_table");
            default:
                return JsonRead.Property(ref reader, "region_table", RegionTableJsonConverter.Instance, options);
        }
    }

    private static GroupJson ReadGroup(ref Utf8JsonReader reader, List<(Measure Measure, string Unit)> measures, List<RateDefinition> rates, List<PeriodBucket> buckets, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a group of an indicator table");
        GroupKey? key = null;
        int? size = null;
        List<(string, Dictionary<string, AggregateValue>, Dictionary<string, PooledRate>)>? rows = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "group":
                    JsonRead.Once(ref seen, 1, name);
                    key = JsonRead.Property(ref reader, name, GroupKeyJsonConverter.Instance, options);
                    break;
                case "group_size":
                    JsonRead.Once(ref seen, 2, name);
                    size = JsonRead.Int32Property(ref reader, name);
                    if (size < 0)
                    {
                        throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"'group_size' must not be negative, found {size}")).Below(".group_size");
                    }

                    break;
                case "rows":
                    JsonRead.Once(ref seen, 4, name);
                    int groupSize = size ?? throw JsonRead.Error("'group_size' must come before 'rows'");
                    rows = [];
                    try
                    {
                        JsonRead.StartArray(ref reader, "the rows of a group");
                        while (JsonRead.NextElement(ref reader))
                        {
                            string at = "[" + rows.Count.ToString(CultureInfo.InvariantCulture) + "]";
                            if (rows.Count >= buckets.Count)
                            {
                                throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"a group has one row per period bucket, {buckets.Count}")).Below(at);
                            }

                            try
                            {
                                rows.Add(ReadRow(ref reader, measures, rates, buckets[rows.Count], groupSize, options));
                            }
                            catch (JsonReadException ex)
                            {
                                throw ex.Below(at);
                            }
                        }
                    }
                    catch (JsonReadException ex)
                    {
                        throw ex.Below(".rows");
                    }

                    if (rows.Count != buckets.Count)
                    {
                        throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"a group has one row per period bucket, {buckets.Count}; found {rows.Count}")).Below(".rows");
                    }

                    break;
                default:
                    throw JsonRead.Unknown(name, "a group of an indicator table (group, group_size, rows)");
            }
        }

        const string What = "A group of an indicator table";
        return new GroupJson(
            key ?? throw JsonRead.Missing("group", What),
            size ?? throw JsonRead.Missing("group_size", What),
            rows ?? throw JsonRead.Missing("rows", What));
    }

    private static (string, Dictionary<string, AggregateValue>, Dictionary<string, PooledRate>) ReadRow(
        ref Utf8JsonReader reader, List<(Measure Measure, string Unit)> measures, List<RateDefinition> rates, PeriodBucket bucket, int groupSize, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a row of an indicator table");
        string? period = null;
        Dictionary<string, AggregateValue>? values = null;
        Dictionary<string, PooledRate>? rateCells = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "period":
                    JsonRead.Once(ref seen, 1, name);
                    period = JsonRead.RequiredString(ref reader, name);
                    if (period != bucket.Label)
                    {
                        throw JsonRead.Error($"expected the row of period bucket '{bucket.Label}' here, found '{period}' (rows follow the order of 'periods')").Below(".period");
                    }

                    break;
                case "values":
                    JsonRead.Once(ref seen, 2, name);
                    values = ReadCells(ref reader, name, measures.ConvertAll(m => m.Measure.Id), (ref Utf8JsonReader r) => CellJson.ReadValue(ref r, options, groupSize));
                    break;
                case "rates":
                    JsonRead.Once(ref seen, 4, name);
                    rateCells = ReadCells(ref reader, name, rates.ConvertAll(r => r.Measure.Id), (ref Utf8JsonReader r) => CellJson.ReadRate(ref r, options, groupSize));
                    break;
                default:
                    throw JsonRead.Unknown(name, "a row of an indicator table (period, values, rates)");
            }
        }

        const string What = "A row of an indicator table";
        return (
            period ?? throw JsonRead.Missing("period", What),
            values ?? (measures.Count == 0 ? [] : throw JsonRead.Missing("values", What)),
            rateCells ?? (rates.Count == 0 ? [] : throw JsonRead.Missing("rates", What)));
    }

    private delegate T CellReader<T>(ref Utf8JsonReader reader);

    private static Dictionary<string, T> ReadCells<T>(ref Utf8JsonReader reader, string property, List<string> columns, CellReader<T> read)
    {
        try
        {
            JsonRead.StartObject(ref reader, "cells keyed by column");
            var cells = new Dictionary<string, T>(StringComparer.Ordinal);
            while (JsonRead.NextProperty(ref reader, out string name))
            {
                if (!columns.Contains(name))
                {
                    throw JsonRead.Error($"'{name}' is not a column of the table (the columns are {string.Join(", ", columns)})").Below(JsonRead.Segment(name));
                }

                if (cells.ContainsKey(name))
                {
                    throw JsonRead.Duplicate(name);
                }

                try
                {
                    cells.Add(name, read(ref reader));
                }
                catch (JsonReadException ex)
                {
                    throw ex.Below(JsonRead.Segment(name));
                }
            }

            foreach (string column in columns)
            {
                if (!cells.ContainsKey(column))
                {
                    throw JsonRead.Error($"the row has no cell for the column '{column}'");
                }
            }

            return cells;
        }
        catch (JsonReadException ex)
        {
            throw ex.Below(JsonRead.Segment(property));
        }
    }

    public override void Write(Utf8JsonWriter writer, IndicatorTable value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteStartArray("measures");
        foreach (var m in value.MeasureColumns)
        {
            MeasureColumnConverter.Instance.Write(writer, (m.Measure, m.Unit), options);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rates");
        foreach (var r in value.RateColumns)
        {
            RateDefinitionJsonConverter.Instance.Write(writer, r.Definition, options);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("periods");
        foreach (var b in value.Periods)
        {
            PeriodBucketJsonConverter.Instance.Write(writer, b, options);
        }

        writer.WriteEndArray();
        if (value.Regions is { } regions)
        {
            if (ReferenceEquals(regions, RegionTable.Default))
            {
                writer.WriteString("region_table", "default");
            }
            else
            {
                writer.WritePropertyName("region_table");
                RegionTableJsonConverter.Instance.Write(writer, regions, options);
            }
        }

        writer.WriteStartArray("groups");
        int buckets = value.Periods.Count;
        for (int g = 0; g < value.Groups.Count; g++)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("group");
            GroupKeyJsonConverter.Instance.Write(writer, value.Groups[g], options);
            writer.WriteNumber("group_size", value.GroupSizes[g]);
            writer.WriteStartArray("rows");
            for (int b = 0; b < buckets; b++)
            {
                int row = (g * buckets) + b;
                writer.WriteStartObject();
                writer.WriteString("period", value.Periods[b].Label);
                writer.WriteStartObject("values");
                foreach (var m in value.MeasureColumns)
                {
                    var v = value.GetValue(row, m);
                    writer.WritePropertyName(m.Name);
                    CellJson.Write(writer, "sum", v.Sum, CountJsonConverter.Instance, v.Contributors, null, options);
                }

                writer.WriteEndObject();
                writer.WriteStartObject("rates");
                foreach (var r in value.RateColumns)
                {
                    var p = value.GetRate(row, r);
                    writer.WritePropertyName(r.Name);
                    CellJson.Write(writer, "rate", p.Rate, RateJsonConverter.Instance, p.Contributors, null, options);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A measure column as <c>{"measure":"proposals.filed","unit":"件"}</c> (the unit is empty when no figure had the measure).</summary>
    private sealed class MeasureColumnConverter : JsonConverter<(Measure Measure, string Unit)>
    {
        internal static readonly MeasureColumnConverter Instance = new();

        public override (Measure Measure, string Unit) Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            JsonRead.StartObject(ref reader, "a measure column");
            Measure? measure = null;
            string? unit = null;
            int seen = 0;
            while (JsonRead.NextProperty(ref reader, out string name))
            {
                switch (name)
                {
                    case "measure":
                        JsonRead.Once(ref seen, 1, name);
                        measure = JsonRead.Property(ref reader, name, TextJsonConverter<Measure>.Instance, options);
                        if (measure.Value.IsRate)
                        {
                            throw JsonRead.Error($"'{measure}' is a rate; rate columns go in 'rates'").Below(".measure");
                        }

                        break;
                    case "unit":
                        JsonRead.Once(ref seen, 2, name);
                        unit = JsonRead.RequiredString(ref reader, name);
                        break;
                    default:
                        throw JsonRead.Unknown(name, "a measure column (measure, unit)");
                }
            }

            return (measure ?? throw JsonRead.Missing("measure", "A measure column"), unit ?? throw JsonRead.Missing("unit", "A measure column"));
        }

        public override void Write(Utf8JsonWriter writer, (Measure Measure, string Unit) value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("measure", value.Measure.Id);
            writer.WriteString("unit", value.Unit);
            writer.WriteEndObject();
        }
    }
}
