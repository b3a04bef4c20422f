using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.SampleData;

namespace Zhengxie.Metrics.Samples.Tests;

/// <summary><c>GET /rollup</c> over the built-in seed reports and <c>POST /rollup</c> over posted figures.</summary>
public class RollupEndpointTests(WebApplicationFactory<Program> factory) : WebApiTestBase(factory)
{
    private static FigureDataset Seeds() => FigureDataset.CreateBuilder().AddRange(SeedReports.AllFigures).Build();

    [Fact]
    public async Task The_sample_data_rolled_up_by_prefecture_for_2022_is_the_librarys_table()
    {
        var expected = Seeds().Aggregate(Grouping.ByPrefecture(), PeriodSelection.Years(2022, 2022));

        using var response = await Client.GetAsync("/rollup?grouping=prefecture&years=2022");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        string text = await response.Content.ReadAsStringAsync();
        var table = JsonSerializer.Deserialize<IndicatorTable>(text, Web)!;
        table.Groups.Should().Equal(expected.Groups);
        table.Observations().Select(o => o.ToString()).Should().Equal(expected.Observations().Select(o => o.ToString()));

        // 乌当区 (520112) counts in its prefecture, 贵阳市, with the 178 proposals its report states.
        var guiyang = RegionTable.Default.GetParent(RegionCode.Parse("520112"))!;
        var row = table[guiyang.Code, "2022"];
        row[Measures.Proposals.Received].Sum.Should().Be(expected[guiyang.Code, "2022"][Measures.Proposals.Received].Sum);
        row[Measures.Proposals.Received].Sum!.Value.Lower.Should().Be(
            ProposalStatistics.FromFigures(SeedReports.Get("wudang-2022").Figures).GetCount(Measures.Proposals.Received).Lower);
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("groups").EnumerateArray()
            .Select(g => g.GetProperty("group").GetProperty("name").GetString())
            .Should().Contain(guiyang.Name);
    }

    [Fact]
    public async Task Without_a_query_the_sample_data_is_rolled_up_by_province_for_each_year()
    {
        var expected = Seeds().Aggregate(Grouping.ByProvince(), PeriodSelection.EachYear);

        var table = await Client.GetFromJsonAsync<IndicatorTable>("/rollup", Web);

        table!.Observations().Select(o => o.ToString()).Should().Equal(expected.Observations().Select(o => o.ToString()));
    }

    [Fact]
    public async Task Posted_figures_are_rolled_up_as_the_library_rolls_them_up()
    {
        var figures = SeedReports.Get("lishui-2020").Figures.Concat(SeedReports.Get("yongjia-2020").Figures).ToList();
        var zhejiang = RegionCode.Parse("330000");
        var expected = FigureDataset.CreateBuilder().AddRange(figures).Build()
            .Aggregate(Grouping.ByLevel(zhejiang), PeriodSelection.Years(2020, 2020));

        using var response = await Client.PostAsync("/rollup?grouping=level&within=330000&years=2020..2020", Csv(figures));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var table = await response.Content.ReadFromJsonAsync<IndicatorTable>(Web);
        table!.Observations().Select(o => o.ToString()).Should().Equal(expected.Observations().Select(o => o.ToString()));
        table.Observations().Should().Contain(o => o.Measure == Measures.Proposals.Received && o.Contributors > 0);
    }
}
