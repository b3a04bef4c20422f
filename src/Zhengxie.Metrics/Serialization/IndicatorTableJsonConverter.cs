using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Serialization;

/// <summary><see cref="IndicatorTable"/> whole: <c>{"measures":[{"measure":"proposals.filed","unit":"件"}],"rates":[{rate definition}], "periods":[{bucket}],"region_table":"default","groups":[{"group":{key},"group_size":15,"rows":[{"period":"2020", "values":{"proposals.filed":{"sum":1234,"contributors":12}},"rates":{"rate.reply":{"rate":{…},"contributors":2}}}]}]}</c>. One row per bucket in the order of <c>periods</c>, one cell per column. <c>region_table</c> is <c>"default"</c> for <see cref="RegionTable.Default"/>, the table as an array of regions for another, absent for none. A converter: the table is columns of numbers, not objects.</summary>
internal sealed class IndicatorTableJsonConverter : ObjectJsonConverter<IndicatorTable>
{
    private sealed record Group(GroupKey Key, int Size, List<(Dictionary<string, AggregateValue> Values, Dictionary<string, PooledRate> Rates)> Rows);

    protected override IndicatorTable Read(JsonFields json)
    {
        var measures = json.Each("measures", "a measure column", c =>
        {
            var measure = c.Get<Measure>("measure");
            c.Check(!measure.IsRate, "measure", $"'{measure}' is a rate; rate columns go in 'rates'");
            return (Measure: measure, Unit: c.Get<string>("unit"));
        });
        var rates = json.Get<List<RateDefinition>>("rates");
        var buckets = json.Get<List<PeriodBucket>>("periods");
        Unique(json, "measures", measures.ConvertAll(m => m.Measure.Id));
        Unique(json, "rates", rates.ConvertAll(r => r.Measure.Id));
        Unique(json, "periods", buckets.ConvertAll(b => b.Label));
        var table = json.Opt<JsonElement>("region_table", default);
        json.Check(table.ValueKind != JsonValueKind.String || table.GetString() == "default", "region_table", $"'{(table.ValueKind == JsonValueKind.String ? table.GetString() : null)}' is not a region table (use \"default\" or an array of regions)");
        var regions = table.ValueKind switch
        {
            JsonValueKind.Undefined => null,
            JsonValueKind.String => RegionTable.Default,
            _ => json.Get<RegionTable>("region_table"),
        };
        var groups = json.Each("groups", "a group of an indicator table", g =>
        {
            var (key, size) = (g.Get<GroupKey>("group"), g.Get<int>("group_size"));
            g.Check(size >= 0, "group_size", $"'group_size' must not be negative, found {size}");
            int b = 0;
            var rows = g.Each("rows", "a row of an indicator table", r =>
            {
                r.Check(b < buckets.Count, string.Empty, $"a group has one row per period bucket, {buckets.Count}");
                string label = buckets[b++].Label, period = r.Get<string>("period");
                r.Check(period == label, "period", $"expected the row of period bucket '{label}' here, found '{period}' (rows follow the order of 'periods')");
                return (Cells(r, "values", measures.ConvertAll(m => m.Measure.Id), c => AggregateValueJsonConverter.Cell(c, size)),
                    Cells(r, "rates", rates.ConvertAll(d => d.Measure.Id), c => PooledRateJsonConverter.Cell(c, size)));
            });
            g.Check(rows.Count == buckets.Count, "rows", $"a group has one row per period bucket, {buckets.Count}; found {rows.Count}");
            return new Group(key, size, rows);
        });
        return IndicatorTableRestore.Restore(measures, rates, buckets, groups.ConvertAll(g => g.Key), groups.ConvertAll(g => g.Size), groups.SelectMany(g => g.Rows).ToList(), regions);
    }

    private static void Unique(JsonFields json, string property, List<string> names)
    {
        for (int i = 0; i < names.Count; i++)
        {
            json.CheckAt(names.IndexOf(names[i]) == i, $"{JsonRead.Segment(property)}[{i}]", $"'{names[i]}' appears twice");
        }
    }

    private static Dictionary<string, T> Cells<T>(JsonFields row, string property, List<string> columns, System.Func<JsonFields, T> read)
    {
        var cells = columns.Count == 0 && !row.Has(property) ? new Dictionary<string, T>() : row.Map(property, "a cell", read).ToDictionary(p => p.Key, p => p.Value);
        foreach (string name in cells.Keys)
        {
            row.CheckAt(columns.Contains(name), $"{JsonRead.Segment(property)}{JsonRead.Segment(name)}", $"'{name}' is not a column of the table (the columns are {string.Join(", ", columns)})");
        }

        string? missing = columns.Find(c => !cells.ContainsKey(c));
        row.Check(missing is null, property, $"the row has no cell for the column '{missing}'");
        return cells;
    }

    protected override void Write(JsonFieldWriter json, IndicatorTable value)
    {
        json.Each("measures", value.MeasureColumns, (c, m) => c.Add("measure", m.Measure).Add("unit", m.Unit))
            .Add("rates", value.RateColumns.Select(r => r.Definition).ToList()).Add("periods", value.Periods);
        if (value.Regions is { } regions)
        {
            _ = ReferenceEquals(regions, RegionTable.Default) ? json.Add("region_table", "default") : json.Add("region_table", regions);
        }

        int buckets = value.Periods.Count;
        json.Each("groups", Enumerable.Range(0, value.Groups.Count), (g, i) => g.Add("group", value.Groups[i]).Add("group_size", value.GroupSizes[i])
            .Each("rows", Enumerable.Range(i * buckets, buckets), (r, row) => r.Add("period", value.Periods[row % buckets].Label)
                .Members("values", value.MeasureColumns, (c, m) => c.Object(m.Name, value.GetValue(row, m), (v, x) => AggregateValueJsonConverter.Write(v, "sum", x.Sum, x.Contributors, null)))
                .Members("rates", value.RateColumns, (c, m) => c.Object(m.Name, value.GetRate(row, m), (v, x) => AggregateValueJsonConverter.Write(v, "rate", x.Rate, x.Contributors, null)))));
    }
}
