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
                    code = JsonRead.Property(ref reader, property, TextJsonConverter<RegionCode>.Instance, options);
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
                    periods = JsonRead.ArrayProperty(ref reader, name, TextJsonConverter<ReportingPeriod>.Instance, options);
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
            TextJsonConverter<ReportingPeriod>.Instance.Write(writer, p, options);
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
