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
/// <see cref="GroupKey"/> as <c>{"kind":"region","code":"330000","level":"province","name":"浙江省"}</c>,
/// <c>{"kind":"nation","name":"全国"}</c> or <c>{"kind":"custom","name":"长三角"}</c>.
/// </summary>
internal sealed class GroupKeyJsonConverter : JsonConverter<GroupKey>
{
    internal static readonly GroupKeyJsonConverter Instance = new();

    public override GroupKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a group key");
        GroupKind? kind = null;
        RegionCode? code = null;
        AdministrativeLevel? level = null;
        string? name = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string property))
        {
            switch (property)
            {
                case "kind":
                    JsonRead.Once(ref seen, 1, property);
                    kind = JsonRead.Property(ref reader, property, EnumJsonConverter<GroupKind>.Instance, options);
                    break;
                case "code":
                    JsonRead.Once(ref seen, 2, property);
                    code = JsonRead.Property(ref reader, property, RegionCodeJsonConverter.Instance, options);
                    break;
                case "level":
                    JsonRead.Once(ref seen, 4, property);
                    level = JsonRead.Property(ref reader, property, EnumJsonConverter<AdministrativeLevel>.Instance, options);
                    break;
                case "name":
                    JsonRead.Once(ref seen, 8, property);
                    name = JsonRead.RequiredString(ref reader, property);
                    break;
                default:
                    throw JsonRead.Unknown(property, "a group key (kind, code, level, name)");
            }
        }

        var k = kind ?? throw JsonRead.Missing("kind", "A group key");
        if (k != GroupKind.Region && (code is not null || level is not null))
        {
            throw JsonRead.Error($"only a region group has a code and a level, not a {EnumJsonConverter<GroupKind>.ToWord(k)} group");
        }

        switch (k)
        {
            case GroupKind.Nation:
                return name is null || name == GroupKey.Nation.Name
                    ? GroupKey.Nation
                    : throw JsonRead.Error($"the nation group is named {GroupKey.Nation.Name}, not '{name}'").Below(".name");
            case GroupKind.Custom:
                string custom = name ?? throw JsonRead.Missing("name", "A custom group key");
                return JsonRead.BuildNamed(() => GroupKey.Custom(custom), "group key", "name");
            default:
                var c = code ?? throw JsonRead.Missing("code", "A region group key");
                var l = level ?? throw JsonRead.Missing("level", "A region group key");
                string n = name ?? throw JsonRead.Missing("name", "A region group key");

                // GroupKey.ForRegion reads the region's code, level and name only; the parent is there to satisfy Region's own check.
                return JsonRead.BuildNamed(() => GroupKey.ForRegion(new Region(c, n, l, l == AdministrativeLevel.Province ? null : c)), "group key", "name");
        }
    }

    public override void Write(Utf8JsonWriter writer, GroupKey value, JsonSerializerOptions options)
    {
        if (value.Kind == GroupKind.Custom && string.IsNullOrWhiteSpace(value.Name))
        {
            throw new ArgumentException("default(GroupKey) names no group and has no JSON form.", nameof(value));
        }

        writer.WriteStartObject();
        writer.WriteString("kind", EnumJsonConverter<GroupKind>.ToWord(value.Kind));
        if (value.Kind == GroupKind.Region)
        {
            writer.WriteString("code", value.Code!.Value.ToString());
            writer.WriteString("level", EnumJsonConverter<AdministrativeLevel>.ToWord(value.Level!.Value));
        }

        writer.WriteString("name", value.Name);
        writer.WriteEndObject();
    }
}

/// <summary>
/// <see cref="PeriodBucket"/> as <c>{"label":"2018-2020","periods":["2018","2019","2020"],"first_year":2018,
/// "last_year":2020,"sums_across_periods":true}</c>. Reading checks that the periods are in ascending order, each
/// once, and within the years.
/// </summary>
internal sealed class PeriodBucketJsonConverter : JsonConverter<PeriodBucket>
{
    internal static readonly PeriodBucketJsonConverter Instance = new();

    public override PeriodBucket Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a period bucket");
        string? label = null;
        List<ReportingPeriod>? periods = null;
        int? first = null, last = null;
        bool? sums = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "label":
                    JsonRead.Once(ref seen, 1, name);
                    label = JsonRead.RequiredString(ref reader, name);
                    if (string.IsNullOrWhiteSpace(label))
                    {
                        throw JsonRead.Error("a period bucket's label must not be empty").Below(".label");
                    }

                    break;
                case "periods":
                    JsonRead.Once(ref seen, 2, name);
                    periods = JsonRead.ArrayProperty(ref reader, name, ReportingPeriodJsonConverter.Instance, options);
                    break;
                case "first_year":
                    JsonRead.Once(ref seen, 4, name);
                    first = JsonRead.Int32Property(ref reader, name);
                    break;
                case "last_year":
                    JsonRead.Once(ref seen, 8, name);
                    last = JsonRead.Int32Property(ref reader, name);
                    break;
                case "sums_across_periods":
                    JsonRead.Once(ref seen, 16, name);
                    sums = JsonRead.BooleanProperty(ref reader, name);
                    break;
                default:
                    throw JsonRead.Unknown(name, "a period bucket (label, periods, first_year, last_year, sums_across_periods)");
            }
        }

        const string What = "A period bucket";
        string l = label ?? throw JsonRead.Missing("label", What);
        var list = periods ?? throw JsonRead.Missing("periods", What);
        int f = first ?? throw JsonRead.Missing("first_year", What);
        int y = last ?? throw JsonRead.Missing("last_year", What);
        bool s = sums ?? throw JsonRead.Missing("sums_across_periods", What);
        if (y < f)
        {
            throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"the last year {y} is before the first year {f}")).Below(".last_year");
        }

        for (int i = 0; i < list.Count; i++)
        {
            string at = ".periods[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (i > 0 && list[i - 1].CompareTo(list[i]) >= 0)
            {
                throw JsonRead.Error($"the periods must be in ascending order, each once: {list[i]} comes after {list[i - 1]}").Below(at);
            }

            if (list[i].Year < f || list[i].Year > y)
            {
                throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"the period {list[i]} is outside the years {f} to {y}")).Below(at);
            }
        }

        return new PeriodBucket(l, list, f, y, s);
    }

    public override void Write(Utf8JsonWriter writer, PeriodBucket value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("label", value.Label);
        writer.WriteStartArray("periods");
        foreach (var p in value.Periods)
        {
            ReportingPeriodJsonConverter.Instance.Write(writer, p, options);
        }

        writer.WriteEndArray();
        writer.WriteNumber("first_year", value.FirstYear);
        writer.WriteNumber("last_year", value.LastYear);
        writer.WriteBoolean("sums_across_periods", value.SumsAcrossPeriods);
        writer.WriteEndObject();
    }
}

/// <summary>
/// The sum or pooled rate of one cell, with its coverage: <c>{"sum":1234,"contributors":12,"group_size":15}</c>
/// (<see cref="AggregateValue"/>) or <c>{"rate":{"numerator":176,"denominator":178},"contributors":2,"group_size":15}</c>
/// (<see cref="PooledRate"/>). The value is <c>null</c> exactly when no committee contributed. Inside an
/// <see cref="IndicatorTable"/> a cell leaves out <c>group_size</c>, which is its group's.
/// </summary>
internal static class CellJson
{
    internal static (T? Value, int Contributors, int GroupSize) Read<T>(
        ref Utf8JsonReader reader, string valueName, JsonConverter<T> converter, JsonSerializerOptions options, int? groupSize, string what)
        where T : struct
    {
        JsonRead.StartObject(ref reader, what);
        T? value = null;
        bool valueSeen = false;
        int? contributors = null, size = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            if (name == valueName)
            {
                JsonRead.Once(ref seen, 1, name);
                valueSeen = true;
                value = JsonRead.NullableProperty(ref reader, name, converter, options);
            }
            else if (name == "contributors")
            {
                JsonRead.Once(ref seen, 2, name);
                contributors = JsonRead.Int32Property(ref reader, name);
            }
            else if (name == "group_size")
            {
                JsonRead.Once(ref seen, 4, name);
                size = JsonRead.Int32Property(ref reader, name);
            }
            else
            {
                throw JsonRead.Unknown(name, what + " (" + valueName + ", contributors, group_size)");
            }
        }

        if (!valueSeen)
        {
            throw JsonRead.Error($"{what} needs the property '{valueName}' (null when no committee contributed)");
        }

        int n = contributors ?? throw JsonRead.Missing("contributors", what);
        int g = size ?? groupSize ?? throw JsonRead.Missing("group_size", what);
        if (groupSize is { } expected && g != expected)
        {
            throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"the cell's group size {g} is not its group's, {expected}")).Below(".group_size");
        }

        if (g < 0)
        {
            throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"'group_size' must not be negative, found {g}")).Below(".group_size");
        }

        if (n < 0 || n > g)
        {
            throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"'contributors' must be from 0 to the group size {g}, found {n}")).Below(".contributors");
        }

        if ((n == 0) != (value is null))
        {
            throw JsonRead.Error(n == 0 ? $"'{valueName}' must be null when no committee contributed" : $"'{valueName}' must not be null when committees contributed").Below("." + valueName);
        }

        return (value, n, g);
    }

    internal static void Write<T>(Utf8JsonWriter writer, string valueName, T? value, JsonConverter<T> converter, int contributors, int? groupSize, JsonSerializerOptions options)
        where T : struct
    {
        writer.WriteStartObject();
        writer.WritePropertyName(valueName);
        if (value is { } v)
        {
            converter.Write(writer, v, options);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteNumber("contributors", contributors);
        if (groupSize is { } g)
        {
            writer.WriteNumber("group_size", g);
        }

        writer.WriteEndObject();
    }

    internal static AggregateValue ReadValue(ref Utf8JsonReader reader, JsonSerializerOptions options, int? groupSize)
    {
        var (sum, n, g) = Read(ref reader, "sum", CountJsonConverter.Instance, options, groupSize, "an aggregate value");
        return new AggregateValue(sum ?? default, n, g);
    }

    internal static PooledRate ReadRate(ref Utf8JsonReader reader, JsonSerializerOptions options, int? groupSize)
    {
        var (rate, n, g) = Read(ref reader, "rate", RateJsonConverter.Instance, options, groupSize, "a pooled rate");
        return new PooledRate(rate ?? Rate.None, n, g);
    }
}

/// <summary><see cref="AggregateValue"/> as <c>{"sum":1234,"contributors":12,"group_size":15}</c> (see <see cref="CellJson"/>).</summary>
internal sealed class AggregateValueJsonConverter : JsonConverter<AggregateValue>
{
    internal static readonly AggregateValueJsonConverter Instance = new();

    public override AggregateValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => CellJson.ReadValue(ref reader, options, null);

    public override void Write(Utf8JsonWriter writer, AggregateValue value, JsonSerializerOptions options) =>
        CellJson.Write(writer, "sum", value.Sum, CountJsonConverter.Instance, value.Contributors, value.GroupSize, options);
}

/// <summary><see cref="PooledRate"/> as <c>{"rate":{"numerator":176,"denominator":178},"contributors":2,"group_size":15}</c> (see <see cref="CellJson"/>).</summary>
internal sealed class PooledRateJsonConverter : JsonConverter<PooledRate>
{
    internal static readonly PooledRateJsonConverter Instance = new();

    public override PooledRate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => CellJson.ReadRate(ref reader, options, null);

    public override void Write(Utf8JsonWriter writer, PooledRate value, JsonSerializerOptions options) =>
        CellJson.Write(writer, "rate", value.Rate, RateJsonConverter.Instance, value.Contributors, value.GroupSize, options);
}

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
                        measure = JsonRead.Property(ref reader, name, MeasureJsonConverter.Instance, options);
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

/// <summary><see cref="CommitteeRate"/> as <c>{"committee":"330324","rate":{"numerator":176,"denominator":178}}</c>.</summary>
internal sealed class CommitteeRateJsonConverter : JsonConverter<CommitteeRate>
{
    internal static readonly CommitteeRateJsonConverter Instance = new();

    public override CommitteeRate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var (rank, committee, rate) = RankedCommitteeJsonConverter.ReadParts(ref reader, options, false);
        _ = rank;
        return new CommitteeRate(committee, rate);
    }

    public override void Write(Utf8JsonWriter writer, CommitteeRate value, JsonSerializerOptions options) =>
        RankedCommitteeJsonConverter.WriteParts(writer, null, value.Committee, value.Rate, options);
}

/// <summary><see cref="RankedCommittee"/> as <c>{"rank":1,"committee":"330324","rate":{…}}</c>.</summary>
internal sealed class RankedCommitteeJsonConverter : JsonConverter<RankedCommittee>
{
    internal static readonly RankedCommitteeJsonConverter Instance = new();

    public override RankedCommittee Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var (rank, committee, rate) = ReadParts(ref reader, options, true);
        return new RankedCommittee(rank, committee, rate);
    }

    public override void Write(Utf8JsonWriter writer, RankedCommittee value, JsonSerializerOptions options) =>
        WriteParts(writer, value.Rank, value.Committee, value.Rate, options);

    internal static (int Rank, Committee Committee, Rate Rate) ReadParts(ref Utf8JsonReader reader, JsonSerializerOptions options, bool ranked)
    {
        string what = ranked ? "a ranked committee" : "a committee's rate";
        JsonRead.StartObject(ref reader, what);
        int? rank = null;
        Committee? committee = null;
        Rate? rate = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "rank" when ranked:
                    JsonRead.Once(ref seen, 1, name);
                    rank = JsonRead.Int32Property(ref reader, name);
                    if (rank < 1)
                    {
                        throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"a rank is 1 or more, found {rank}")).Below(".rank");
                    }

                    break;
                case "committee":
                    JsonRead.Once(ref seen, 2, name);
                    committee = JsonRead.Property(ref reader, name, CommitteeJsonConverter.Instance, options);
                    break;
                case "rate":
                    JsonRead.Once(ref seen, 4, name);
                    rate = JsonRead.Property(ref reader, name, RateJsonConverter.Instance, options);
                    break;
                default:
                    throw JsonRead.Unknown(name, what + (ranked ? " (rank, committee, rate)" : " (committee, rate)"));
            }
        }

        string upper = char.ToUpperInvariant(what[0]) + what[1..];
        return (
            ranked ? rank ?? throw JsonRead.Missing("rank", upper) : 0,
            committee ?? throw JsonRead.Missing("committee", upper),
            rate ?? throw JsonRead.Missing("rate", upper));
    }

    internal static void WriteParts(Utf8JsonWriter writer, int? rank, Committee committee, Rate rate, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (rank is { } r)
        {
            writer.WriteNumber("rank", r);
        }

        writer.WritePropertyName("committee");
        CommitteeJsonConverter.Instance.Write(writer, committee, options);
        writer.WritePropertyName("rate");
        RateJsonConverter.Instance.Write(writer, rate, options);
        writer.WriteEndObject();
    }
}

/// <summary>
/// <see cref="RateDistribution"/> as <c>{"group":{key},"period":"2020","definition":{rate definition},"group_size":15,
/// "count":3,"mean":0.9,"median":0.95,"entries":[{"committee":…,"rate":…}],"excluded":[…]}</c>. <c>entries</c> (highest
/// first) and <c>excluded</c> are the data; <c>count</c>, <c>mean</c> and <c>median</c> are derived and written for
/// readers (<c>null</c> when there are no entries); on reading they may be left out, and when present must equal
/// the derived ones. The ranking is derived from the entries.
/// </summary>
internal sealed class RateDistributionJsonConverter : JsonConverter<RateDistribution>
{
    internal static readonly RateDistributionJsonConverter Instance = new();

    public override RateDistribution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a rate distribution");
        GroupKey? group = null;
        ReportingPeriod? period = null;
        RateDefinition? definition = null;
        int? size = null;
        List<CommitteeRate>? entries = null, excluded = null;
        var stated = new List<(string Name, decimal? Value)>();
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "group":
                    JsonRead.Once(ref seen, 1, name);
                    group = JsonRead.Property(ref reader, name, GroupKeyJsonConverter.Instance, options);
                    break;
                case "period":
                    JsonRead.Once(ref seen, 2, name);
                    period = JsonRead.Property(ref reader, name, ReportingPeriodJsonConverter.Instance, options);
                    break;
                case "definition":
                    JsonRead.Once(ref seen, 4, name);
                    definition = JsonRead.Property(ref reader, name, RateDefinitionJsonConverter.Instance, options);
                    break;
                case "group_size":
                    JsonRead.Once(ref seen, 8, name);
                    size = JsonRead.Int32Property(ref reader, name);
                    break;
                case "entries":
                    JsonRead.Once(ref seen, 16, name);
                    entries = JsonRead.ArrayProperty(ref reader, name, CommitteeRateJsonConverter.Instance, options);
                    break;
                case "excluded":
                    JsonRead.Once(ref seen, 32, name);
                    excluded = JsonRead.ArrayProperty(ref reader, name, CommitteeRateJsonConverter.Instance, options);
                    break;
                case "count":
                case "mean":
                case "median":
                    JsonRead.Once(ref seen, name switch { "count" => 64, "mean" => 128, _ => 256 }, name);
                    stated.Add((name, JsonRead.NullableProperty(ref reader, name, DecimalJsonConverter.Instance, options)));
                    break;
                default:
                    throw JsonRead.Unknown(name, "a rate distribution (group, period, definition, group_size, count, mean, median, entries, excluded)");
            }
        }

        const string What = "A rate distribution";
        var g = group ?? throw JsonRead.Missing("group", What);
        var p = period ?? throw JsonRead.Missing("period", What);
        var d = definition ?? throw JsonRead.Missing("definition", What);
        int n = size ?? throw JsonRead.Missing("group_size", What);
        var e = entries ?? throw JsonRead.Missing("entries", What);
        var x = excluded ?? [];
        var committees = new HashSet<Committee>();
        Check(e, "entries", true, committees);
        Check(x, "excluded", false, committees);
        if (n < committees.Count)
        {
            throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"the group size {n} is less than the {committees.Count} committees listed")).Below(".group_size");
        }

        var result = new RateDistribution(g, p, d, n, e, x);
        foreach (var (name, value) in stated)
        {
            decimal? derived = name switch { "count" => result.Count, "mean" => result.Mean, _ => result.Median };
            if (value != derived)
            {
                throw JsonRead.Error($"'{name}' is {Show(value)} but the entries give {Show(derived)}").Below("." + name);
            }
        }

        return result;
    }

    private static void Check(List<CommitteeRate> list, string property, bool exact, HashSet<Committee> committees)
    {
        for (int i = 0; i < list.Count; i++)
        {
            string at = "." + property + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (!committees.Add(list[i].Committee))
            {
                throw JsonRead.Error($"committee {list[i].Committee} is listed twice").Below(at);
            }

            if (exact != list[i].Rate.Value.HasValue)
            {
                throw JsonRead.Error(exact
                    ? $"an entry's rate has an exact value; {list[i].Rate} has none (list it under 'excluded')"
                    : $"an excluded rate has no exact value; {list[i].Rate} has one (list it under 'entries')").Below(at + ".rate");
            }
        }
    }

    private static string Show(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";

    public override void Write(Utf8JsonWriter writer, RateDistribution value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName("group");
        GroupKeyJsonConverter.Instance.Write(writer, value.Group, options);
        writer.WritePropertyName("period");
        ReportingPeriodJsonConverter.Instance.Write(writer, value.Period, options);
        writer.WritePropertyName("definition");
        RateDefinitionJsonConverter.Instance.Write(writer, value.Definition, options);
        writer.WriteNumber("group_size", value.GroupSize);
        writer.WriteNumber("count", value.Count);
        WriteNullable(writer, "mean", value.Mean);
        WriteNullable(writer, "median", value.Median);
        WriteList(writer, "entries", value.Entries, options);
        WriteList(writer, "excluded", value.Excluded, options);
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<CommitteeRate> list, JsonSerializerOptions options)
    {
        writer.WriteStartArray(name);
        foreach (var e in list)
        {
            CommitteeRateJsonConverter.Instance.Write(writer, e, options);
        }

        writer.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}

/// <summary>
/// <see cref="FigureDataset"/>, written as the array of its figures (<see cref="FigureDataset.Figures"/>), like
/// <c>ZhengxieJson.Serialize(dataset.Figures)</c>. Write-only: a dataset is an index built over figures under a
/// region table and a validation mode; read the figures as a <c>List&lt;Figure&gt;</c> and build it again with
/// <see cref="FigureDataset.CreateBuilder"/>.
/// </summary>
internal sealed class FigureDatasetJsonConverter : JsonConverter<FigureDataset>
{
    internal static readonly FigureDatasetJsonConverter Instance = new();

    public override FigureDataset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A FigureDataset is written as its figures and is not read back: read a List<Figure> and build the dataset with FigureDataset.CreateBuilder(regions).");

    public override void Write(Utf8JsonWriter writer, FigureDataset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var figure in value.Figures)
        {
            FigureJsonConverter.Instance.Write(writer, figure, options);
        }

        writer.WriteEndArray();
    }
}
