using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Aggregation;

namespace Zhengxie.Metrics.Serialization;

/// <summary>The cells: <see cref="AggregateValue"/> as <c>{"sum":1234,"contributors":12,"group_size":15}</c>, <see cref="PooledRate"/> as <c>{"rate":{…},"contributors":2,"group_size":15}</c>; the value is <c>null</c> exactly when no committee contributed. Inside an <see cref="IndicatorTable"/> a cell leaves out <c>group_size</c>, which is its group's.</summary>
internal sealed class AggregateValueJsonConverter : ObjectJsonConverter<AggregateValue>
{
    internal static AggregateValue Cell(JsonFields json, int? groupSize)
    {
        var (sum, n, g) = Cell<Bounds>(json, "sum", groupSize);
        return new AggregateValue(sum ?? default, n, g);
    }

    internal static (T? Value, int Contributors, int GroupSize) Cell<T>(JsonFields json, string name, int? groupSize)
        where T : struct
    {
        var (value, n) = (json.Get<T?>(name), json.Get<int>("contributors"));
        int g = groupSize is { } known && !json.Has("group_size") ? known : json.Get<int>("group_size");
        json.Check(groupSize is null || g == groupSize, "group_size", $"the cell's group size {g} is not its group's, {groupSize}");
        json.Check(g >= 0, "group_size", $"'group_size' must not be negative, found {g}");
        json.Check(n >= 0 && n <= g, "contributors", $"'contributors' must be from 0 to the group size {g}, found {n}");
        json.Check(n > 0 || value is null, name, $"'{name}' must be null when no committee contributed").Check(n == 0 || value is not null, name, $"'{name}' must not be null when committees contributed");
        return (value, n, g);
    }

    internal static void Write<T>(JsonFieldWriter json, string name, T? value, int contributors, int? groupSize)
        where T : struct => json.Add(name, value).Add("contributors", contributors).Opt("group_size", groupSize);
    protected override AggregateValue Read(JsonFields json) => Cell(json, null);
    protected override void Write(JsonFieldWriter json, AggregateValue value) => Write(json, "sum", value.Sum, value.Contributors, value.GroupSize);
}

/// <summary><see cref="PooledRate"/> as <c>{"rate":{"numerator":176,"denominator":178},"contributors":2,"group_size":15}</c> (see <see cref="AggregateValueJsonConverter"/>).</summary>
internal sealed class PooledRateJsonConverter : ObjectJsonConverter<PooledRate>
{
    internal static PooledRate Cell(JsonFields json, int? groupSize)
    {
        var (rate, n, g) = AggregateValueJsonConverter.Cell<Rate>(json, "rate", groupSize);
        return new PooledRate(rate ?? Rate.None, n, g);
    }

    protected override PooledRate Read(JsonFields json) => Cell(json, null);
    protected override void Write(JsonFieldWriter json, PooledRate value) => AggregateValueJsonConverter.Write(json, "rate", value.Rate, value.Contributors, value.GroupSize);
}

/// <summary><see cref="RateDistribution"/> as <c>{"group":{…},"period":"2020","definition":{…},"group_size":15,"count":3,"mean":0.9,"median":0.95, "entries":[…],"excluded":[…]}</c>: <c>entries</c> (exact rates) and <c>excluded</c> are the data; <c>count</c>, <c>mean</c> and <c>median</c> are derived, optional on reading and checked when present.</summary>
internal sealed class RateDistributionJsonConverter : ObjectJsonConverter<RateDistribution>
{
    protected override RateDistribution Read(JsonFields json)
    {
        var (group, period, definition, size) = (json.Get<GroupKey>("group"), json.Get<ReportingPeriod>("period"), json.Get<RateDefinition>("definition"), json.Get<int>("group_size"));
        var (entries, excluded) = (json.Get<List<CommitteeRate>>("entries"), json.Opt<List<CommitteeRate>>("excluded", []));
        var committees = new HashSet<Committee>();
        foreach (var (list, name, exact) in new[] { (entries, "entries", true), (excluded, "excluded", false) })
        {
            for (int i = 0; i < list.Count; i++)
            {
                json.CheckAt(committees.Add(list[i].Committee), $".{name}[{i}]", $"committee {list[i].Committee} is listed twice")
                    .CheckAt(!exact || list[i].Rate.Value.HasValue, $".{name}[{i}].rate", $"an entry's rate has an exact value; {list[i].Rate} has none (list it under 'excluded')")
                    .CheckAt(exact || !list[i].Rate.Value.HasValue, $".{name}[{i}].rate", $"an excluded rate has no exact value; {list[i].Rate} has one (list it under 'entries')");
            }
        }

        json.Check(size >= committees.Count, "group_size", $"the group size {size} is less than the {committees.Count} committees listed");
        var result = new RateDistribution(group, period, definition, size, entries, excluded);
        json.Derived("count", result.Count, "entries");
        json.Derived("mean", result.Mean, "entries");
        json.Derived("median", result.Median, "entries");
        return result;
    }

    protected override void Write(JsonFieldWriter json, RateDistribution value) => json.Add("group", value.Group).Add("period", value.Period)
        .Add("definition", value.Definition).Add("group_size", value.GroupSize).Add("count", value.Count).Add("mean", value.Mean)
        .Add("median", value.Median).Add("entries", value.Entries).Add("excluded", value.Excluded);
}

/// <summary><see cref="FigureDataset"/>, written as the array of its figures. Write-only: a dataset is an index over figures under a region table and a validation mode; read a <c>List&lt;Figure&gt;</c> and build it with <see cref="FigureDataset.CreateBuilder"/>.</summary>
internal sealed class FigureDatasetJsonConverter : JsonConverter<FigureDataset>
{
    public override FigureDataset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A FigureDataset is written as its figures and is not read back: read a List<Figure> and build the dataset with FigureDataset.CreateBuilder(regions).");
    public override void Write(Utf8JsonWriter writer, FigureDataset value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Figures, JsonRead.Info<IReadOnlyList<Figure>>(JsonRead.Options(options)));
}
