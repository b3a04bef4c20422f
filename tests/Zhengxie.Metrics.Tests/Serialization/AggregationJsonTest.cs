using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Serialization;

/// <summary>The aggregation results in JSON: indicator tables and their parts round-trip; datasets are written as their figures.</summary>
public class AggregationJsonTest
{
    private static readonly Region[] ZhejiangCounties = RegionTable.Default.Regions
        .Where(r => r.Level == AdministrativeLevel.County && r.Code.ToString().StartsWith("33", StringComparison.Ordinal))
        .ToArray();

    private static readonly Measure Received = Measures.Proposals.Received;
    private static readonly Measure Filed = Measures.Proposals.Filed;
    private static readonly Measure Replied = Measures.Proposals.Replied;

    private static T RoundTrip<T>(T value)
    {
        string json = ZhengxieJson.Serialize(value);
        var back = ZhengxieJson.Deserialize<T>(json);
        ZhengxieJson.Serialize(back).Should().Be(json, "writing what was read gives the same JSON");
        return back;
    }

    private static JsonException Read<T>(string json) =>
        FluentActions.Invoking(() => ZhengxieJson.Deserialize<T>(json)).Should().Throw<JsonException>().Which;

    private static Figure Count(Region county, int year, Measure measure, long value, Qualifier qualifier = Qualifier.Exact) =>
        new(county.Committee, ReportingPeriod.CalendarYear(year), measure, value, FigureUnit.Piece, qualifier);

    /// <summary>Datasets of Zhejiang counties, 2019–2022: received ≥ filed ≥ replied, some received counts qualified 「余」.</summary>
    private static readonly Gen<FigureDataset> Dataset =
        Gen.Select(Gen.Int[0, ZhejiangCounties.Length - 1], Gen.Int[2019, 2022], Gen.Long[0, 400], Gen.Int[0, 100], Gen.Int[0, 100], Gen.Int[0, 9])
            .Select((c, year, received, filedPct, repliedPct, shape) =>
            {
                var county = ZhejiangCounties[c];
                bool about = shape == 0 && received >= 10;
                received = about ? received / 10 * 10 : received;
                long filed = received * filedPct / 100, replied = filed * repliedPct / 100;
                var list = new List<Figure> { Count(county, year, Received, received, about ? Qualifier.MoreThan : Qualifier.Exact) };
                if (shape != 1)
                {
                    list.Add(Count(county, year, Filed, filed));
                }

                if (shape is not (1 or 2))
                {
                    list.Add(Count(county, year, Replied, replied));
                }

                return list;
            })
            .Array[1, 40]
            .Select(draws => FigureDataset.CreateBuilder(RegionTable.Default, ValidationMode.CollectFindings)
                .AddRange(draws.DistinctBy(d => (d[0].Committee, d[0].Period)).SelectMany(d => d))
                .Build());

    private static void AssertSameTable(IndicatorTable expected, IndicatorTable actual)
    {
        actual.RowCount.Should().Be(expected.RowCount);
        actual.Groups.Should().Equal(expected.Groups);
        actual.Periods.Should().Equal(expected.Periods);
        actual.Columns.Select(c => (c.Name, c.Kind, c.Index)).Should().Equal(expected.Columns.Select(c => (c.Name, c.Kind, c.Index)));
        actual.MeasureColumns.Select(c => (c.Measure, c.Unit)).Should().Equal(expected.MeasureColumns.Select(c => (c.Measure, c.Unit)));
        actual.RateColumns.Select(c => c.Definition).Should().Equal(expected.RateColumns.Select(c => c.Definition));
        actual.Rows.Should().Equal(expected.Rows);
        for (int row = 0; row < expected.RowCount; row++)
        {
            for (int m = 0; m < expected.MeasureColumns.Count; m++)
            {
                actual.GetValue(row, actual.MeasureColumns[m]).Should().Be(expected.GetValue(row, expected.MeasureColumns[m]));
            }

            for (int r = 0; r < expected.RateColumns.Count; r++)
            {
                actual.GetRate(row, actual.RateColumns[r]).Should().Be(expected.GetRate(row, expected.RateColumns[r]));
            }
        }
    }

    [Fact]
    public void Roll_ups_round_trip() =>
        Dataset.Sample(
            ds =>
            {
                var table = ds.RollUp();
                var back = RoundTrip(table);
                AssertSameTable(table, back);

                // The hierarchy comes back too: shares of the parent group still work.
                var prefecture = table.Groups.FirstOrDefault(g => g.Kind == GroupKind.Region && g.Level == AdministrativeLevel.Prefecture);
                if (prefecture != default && table.Periods.Count > 0)
                {
                    string label = table.Periods[0].Label;
                    back.GetShareOfParent(prefecture, Received, label).Should().Be(table.GetShareOfParent(prefecture, Received, label));
                }

                AssertSameTable(ds.RollUp(periods: PeriodSelection.Total(2019, 2022)), RoundTrip(ds.RollUp(periods: PeriodSelection.Total(2019, 2022))));
            },
            iter: 30);

    [Fact]
    public void Custom_groups_and_year_buckets_round_trip() =>
        Dataset.Sample(
            ds =>
            {
                var pilots = Grouping.Of("试点 \"A\"", ZhejiangCounties.Take(30).Select(r => r.Committee));
                var table = ds.Aggregate(pilots, PeriodSelection.Years(2018, 2023));
                AssertSameTable(table, RoundTrip(table));
            },
            iter: 30);

    [Fact]
    public void Rate_distributions_round_trip() =>
        Gen.Select(Dataset, Gen.Int[2019, 2022]).Sample(
            (ds, year) =>
            {
                var definition = RateOptions.Default.Resolve(Measures.Rates.Acceptance);
                var distributions = ds.GetRateDistributions(definition, Grouping.Hierarchy(), ReportingPeriod.CalendarYear(year));
                var back = RoundTrip(distributions);
                back.Should().HaveCount(distributions.Count);
                for (int i = 0; i < distributions.Count; i++)
                {
                    var (e, a) = (distributions[i], back[i]);
                    a.Group.Should().Be(e.Group);
                    a.Period.Should().Be(e.Period);
                    a.Definition.Should().Be(e.Definition);
                    a.GroupSize.Should().Be(e.GroupSize);
                    a.Entries.Should().Equal(e.Entries);
                    a.Excluded.Should().Equal(e.Excluded);
                    a.Ranks.Should().Equal(e.Ranks);
                    a.Mean.Should().Be(e.Mean);
                    a.Median.Should().Be(e.Median);
                    RoundTrip(e.Ranks).Should().Equal(e.Ranks);
                }
            },
            iter: 30);

    [Fact]
    public void Group_keys_buckets_and_cells_round_trip()
    {
        Gen.Int[0, RegionTable.Default.Count - 1].Sample(i =>
        {
            var key = GroupKey.ForRegion(RegionTable.Default.Regions[i]);
            var back = RoundTrip(key);
            back.Should().Be(key);
            back.Level.Should().Be(key.Level);
        });
        JsonGenerators.Text.Sample(name => RoundTrip(GroupKey.Custom(name)).Should().Be(GroupKey.Custom(name)));
        RoundTrip(GroupKey.Nation).Should().Be(GroupKey.Nation);
        JsonGenerators.Period.Sample(p => RoundTrip(PeriodBucket.Of(p)).Should().Be(PeriodBucket.Of(p)));

        Gen.Select(JsonGenerators.Count, Gen.Int[0, 1000], Gen.Int[0, 1000]).Sample((sum, a, b) =>
        {
            int size = Math.Max(a, b), contributors = Math.Min(a, b);
            var value = new AggregateValue(sum, contributors, size);
            RoundTrip(value).Should().Be(value);
            var rate = new PooledRate(contributors == 0 ? Rate.None : Rate.FromBounds(Bounds.Between(0, 0), sum), contributors, size);
            RoundTrip(rate).Should().Be(rate);
        });
    }

    [Fact]
    public void A_table_has_its_documented_shape()
    {
        // 永嘉 received 100 and filed 90 in 2020; 平阳 received 50 and stated no filed count.
        var yongjia = RegionTable.Default[new RegionCode(330324)];
        var pingyang = RegionTable.Default[new RegionCode(330326)];
        var ds = FigureDataset.CreateBuilder()
            .Add(Count(yongjia, 2020, Received, 100))
            .Add(Count(yongjia, 2020, Filed, 90))
            .Add(Count(pingyang, 2020, Received, 50))
            .Build();
        var acceptance = RateOptions.Default.Resolve(Measures.Rates.Acceptance);
        var table = ds.Aggregate(
            Grouping.Of("试点", [yongjia.Committee, pingyang.Committee]),
            options: new AggregationOptions { Measures = [Filed, Received], Rates = [acceptance] });

        // received 100 + 50 from both; filed 90 from one; the acceptance rate pools only 永嘉, which states both.
        ZhengxieJson.Serialize(table).Should().Be(
            "{\"measures\":[{\"measure\":\"proposals.filed\",\"unit\":\"件\"},{\"measure\":\"proposals.received\",\"unit\":\"件\"}],"
            + "\"rates\":[{\"measure\":\"rate.acceptance\",\"numerator\":[\"proposals.filed\"],\"denominator\":\"proposals.received\"}],"
            + "\"periods\":[{\"label\":\"2020\",\"periods\":[\"2020\"],\"first_year\":2020,\"last_year\":2020,\"sums_across_periods\":false}],"
            + "\"region_table\":\"default\","
            + "\"groups\":[{\"group\":{\"kind\":\"custom\",\"name\":\"试点\"},\"group_size\":2,\"rows\":[{\"period\":\"2020\","
            + "\"values\":{\"proposals.filed\":{\"sum\":90,\"contributors\":1},\"proposals.received\":{\"sum\":150,\"contributors\":2}},"
            + "\"rates\":{\"rate.acceptance\":{\"rate\":{\"numerator\":90,\"denominator\":100},\"contributors\":1}}}]}]}");

        ZhengxieJson.Serialize(GroupKey.ForRegion(RegionTable.Default[new RegionCode(330000)]))
            .Should().Be("{\"kind\":\"region\",\"code\":\"330000\",\"level\":\"province\",\"name\":\"浙江省\"}");
        ZhengxieJson.Serialize(GroupKey.Nation).Should().Be("{\"kind\":\"nation\",\"name\":\"全国\"}");
        ZhengxieJson.Serialize(table.GetValue(0, Received)).Should().Be("{\"sum\":150,\"contributors\":2,\"group_size\":2}");
        ZhengxieJson.Serialize(table.GetRate(0, Measures.Rates.Acceptance)).Should().Be("{\"rate\":{\"numerator\":90,\"denominator\":100},\"contributors\":1,\"group_size\":2}");
    }

    [Fact]
    public void A_dataset_is_written_as_its_figures_and_not_read_back()
    {
        var ds = FigureDataset.CreateBuilder(mode: ValidationMode.CollectFindings).AddRange(SeedReports.AllFigures).Build();
        ZhengxieJson.Serialize(ds).Should().Be(ZhengxieJson.Serialize(ds.Figures));
        ZhengxieJson.Deserialize<List<Figure>>(ZhengxieJson.Serialize(ds)).Should().Equal(ds.Figures);
        FluentActions.Invoking(() => ZhengxieJson.Deserialize<FigureDataset>("[]")).Should().Throw<NotSupportedException>().WithMessage("*FigureDataset.CreateBuilder*");
    }

    private const string Bucket = "{\"label\":\"2020\",\"periods\":[\"2020\"],\"first_year\":2020,\"last_year\":2020,\"sums_across_periods\":false}";

    private static string Table(string rows, string group = "{\"kind\":\"nation\"}", int size = 3) =>
        "{\"measures\":[{\"measure\":\"proposals.received\",\"unit\":\"件\"}],\"rates\":[],\"periods\":[" + Bucket + "],"
        + "\"groups\":[{\"group\":" + group + ",\"group_size\":" + size + ",\"rows\":[" + rows + "]}]}";

    [Fact]
    public void Bad_aggregation_values_name_their_path()
    {
        string good = "{\"period\":\"2020\",\"values\":{\"proposals.received\":{\"sum\":5,\"contributors\":2}},\"rates\":{}}";
        ZhengxieJson.Deserialize<IndicatorTable>(Table(good)).GetValue(0, Received).Should().Be(new AggregateValue(Bounds.Exactly(5), 2, 3));

        Read<IndicatorTable>(Table(good.Replace("\"contributors\":2", "\"contributors\":4", StringComparison.Ordinal)))
            .Message.Should().Be("$.groups[0].rows[0].values['proposals.received'].contributors: 'contributors' must be from 0 to the group size 3, found 4");
        Read<IndicatorTable>(Table(good.Replace("\"sum\":5", "\"sum\":null", StringComparison.Ordinal)))
            .Message.Should().Be("$.groups[0].rows[0].values['proposals.received'].sum: 'sum' must not be null when committees contributed");
        Read<IndicatorTable>(Table(good.Replace("\"2020\"", "\"2021\"", StringComparison.Ordinal)))
            .Message.Should().StartWith("$.groups[0].rows[0].period: expected the row of period bucket '2020' here, found '2021'");
        Read<IndicatorTable>(Table(good.Replace("proposals.received\":{", "proposals.filed\":{", StringComparison.Ordinal)))
            .Message.Should().StartWith("$.groups[0].rows[0].values['proposals.filed']: 'proposals.filed' is not a column of the table");
        Read<IndicatorTable>(Table(good + "," + good)).Message.Should().Be("$.groups[0].rows[1]: a group has one row per period bucket, 1");
        Read<IndicatorTable>(Table(string.Empty)).Message.Should().Be("$.groups[0].rows: a group has one row per period bucket, 1; found 0");
        Read<IndicatorTable>(Table(good, "{\"kind\":\"region\",\"code\":\"330000\",\"name\":\"浙江省\"}"))
            .Message.Should().StartWith("$.groups[0].group.level: A region group has a defined administrative level");
        Read<IndicatorTable>(Table(good, "{\"kind\":\"custom\",\"name\":\" \"}"))
            .Message.Should().StartWith("$.groups[0].group.name: A region or custom group needs a name");
        Read<GroupKey>("{\"kind\":\"nation\",\"code\":\"330000\"}").Message.Should().Be("$.code: A region group has a region code; the nation and a custom group have none");
        Read<GroupKey>("{\"kind\":\"province\"}").Message.Should().StartWith("$.kind: 'province' is not a group kind (use region, nation, custom)");
        Read<PeriodBucket>(Bucket.Replace("[\"2020\"]", "[\"2020\",\"2019\"]", StringComparison.Ordinal).Replace("\"first_year\":2020", "\"first_year\":2019", StringComparison.Ordinal))
            .Message.Should().Be("$.periods: The periods must be in ascending order, each once: 2019 comes after 2020");
        Read<PeriodBucket>(Bucket.Replace("\"last_year\":2020", "\"last_year\":2019", StringComparison.Ordinal))
            .Message.Should().Be("$.last_year: The last year 2019 is before the first year 2020");
        Read<AggregateValue>("{\"sum\":{\"lower\":3,\"upper\":2},\"contributors\":1,\"group_size\":1}").Message.Should().Be("$.sum.upper: the upper bound 2 is below the lower bound 3");
        Read<PooledRate>("{\"rate\":{\"numerator\":1,\"denominator\":2},\"contributors\":0,\"group_size\":1}").Message.Should().Be("$.rate: 'rate' must be null when no committee contributed");
        Read<RateDistribution>(
            "{\"group\":{\"kind\":\"nation\"},\"period\":\"2020\",\"definition\":{\"measure\":\"rate.acceptance\",\"numerator\":[\"proposals.filed\"],\"denominator\":\"proposals.received\"},"
            + "\"group_size\":5,\"median\":0.5,\"entries\":[{\"committee\":\"330324\",\"rate\":{\"numerator\":1,\"denominator\":4}}]}")
            .Message.Should().Be("$.median: 'median' is 0.5 but the entries give 0.25");
        Read<RateDistribution>(
            "{\"group\":{\"kind\":\"nation\"},\"period\":\"2020\",\"definition\":{\"measure\":\"rate.acceptance\",\"numerator\":[\"proposals.filed\"],\"denominator\":\"proposals.received\"},"
            + "\"group_size\":5,\"entries\":[{\"committee\":\"330324\",\"rate\":{\"numerator\":{\"lower\":1,\"upper\":2},\"denominator\":4}}]}")
            .Message.Should().StartWith("$.entries[0].rate: an entry's rate has an exact value");
        const string Head = "{\"group\":{\"kind\":\"nation\"},\"period\":\"2020\",\"definition\":{\"measure\":\"rate.acceptance\",\"numerator\":[\"proposals.filed\"],\"denominator\":\"proposals.received\"},\"group_size\":5,";
        const string Entry = "{\"committee\":\"330324\",\"rate\":{\"numerator\":1,\"denominator\":4}}";
        Read<RateDistribution>(Head + "\"entries\":[" + Entry + "," + Entry + "]}")
            .Message.Should().Be("$.entries[1]: committee 330324 is listed twice");
        Read<RateDistribution>(Head + "\"entries\":[],\"excluded\":[" + Entry.Replace("330324", "330326", StringComparison.Ordinal) + "]}")
            .Message.Should().Be("$.excluded[0].rate: an excluded rate has no exact value; 25.0% (1/4) has one (list it under 'entries')");
    }
}
