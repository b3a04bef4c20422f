using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.SampleData;

namespace Zhengxie.Metrics.Samples.Tests;

/// <summary><c>POST /statistics</c>: real seed figures in, the library's own statistics and rates out.</summary>
public class StatisticsEndpointTests(WebApplicationFactory<Program> factory) : WebApiTestBase(factory)
{
    [Fact]
    public async Task A_seed_report_posted_as_csv_comes_back_with_the_librarys_statistics_and_rates()
    {
        var seed = SeedReports.Get("wudang-2022");
        var expected = ProposalStatistics.FromFigures(seed.Figures);

        using var response = await Client.PostAsync("/statistics", Csv(seed.Figures));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var item = json.RootElement.EnumerateArray().Should().ContainSingle().Subject;
        item.GetProperty("committee").GetString().Should().Be(seed.Committee.ToString());
        item.GetProperty("committee_name").GetString().Should().Be(RegionTable.Default[seed.Committee.Region].Name);
        item.GetProperty("period").GetString().Should().Be(seed.Period.ToString());

        // The statistics in the library's format: read back with the web defaults, they equal the library's.
        var statistics = item.GetProperty("statistics");
        statistics.Deserialize<ProposalStatistics>(Web).Should().Be(expected);
        var counts = statistics.GetProperty("counts");
        counts.GetProperty("proposals.received").GetInt64().Should().Be(expected.GetCount(Measures.Proposals.Received).Lower);
        counts.GetProperty("proposals.filed").GetInt64().Should().Be(expected.GetCount(Measures.Proposals.Filed).Lower);

        // Every standard rate, as numerator and denominator (the JSON format's fraction) and as text.
        var rates = item.GetProperty("rates").EnumerateArray().ToDictionary(r => r.GetProperty("measure").GetString()!);
        var expectedRates = expected.GetRates();
        rates.Keys.Should().Equal(expectedRates.Select(r => r.Key.Measure.Id));
        foreach (var (definition, rate) in expectedRates)
        {
            var actual = rates[definition.Measure.Id];
            actual.GetProperty("formula").GetString().Should().Be(definition.Formula);
            if (rate is not { } r)
            {
                actual.GetProperty("rate").ValueKind.Should().Be(JsonValueKind.Null, definition.Measure.Id);
                continue;
            }

            actual.GetProperty("rate").Deserialize<Rate>(Web).Should().Be(r, definition.Measure.Id);
            actual.GetProperty("text").GetString().Should().Be(r.ToString());
        }

        var acceptance = rates[Measures.Rates.Acceptance.Id].GetProperty("rate");
        acceptance.GetProperty("numerator").GetInt64().Should().Be(expected.AcceptanceRate!.Value.Numerator.Lower);
        acceptance.GetProperty("denominator").GetInt64().Should().Be(expected.AcceptanceRate!.Value.Denominator.Lower);
        expected.AcceptanceRate!.Value.FormatFraction().Should().Be("176/178", "the seed report states 收到提案178件, 立案176件");
    }

    [Fact]
    public async Task Every_seed_report_posted_as_json_gives_one_entry_per_committee_and_period()
    {
        var expected = ProposalStatistics.FromFiguresByCommittee(SeedReports.AllFigures);

        using var response = await Client.PostAsync("/statistics", Json(SeedReports.AllFigures));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = json.RootElement.EnumerateArray().ToList();
        items.Select(i => i.GetProperty("statistics").Deserialize<ProposalStatistics>(Web)).Should().Equal(expected);
        for (int i = 0; i < items.Count; i++)
        {
            var rates = items[i].GetProperty("rates").EnumerateArray()
                .Select(r => r.GetProperty("rate").Deserialize<Rate?>(Web))
                .ToList();
            rates.Should().Equal(expected[i].GetRates().Select(r => r.Value), expected[i].Committee.ToString());
        }
    }

    [Fact]
    public async Task Figures_that_disagree_are_kept_and_their_inconsistency_listed()
    {
        // 170 received but 176 filed: a source inconsistency (kept as published, flagged), not malformed input.
        var committee = Committee.Parse("520112");
        var year = ReportingPeriod.CalendarYear(2022);
        Figure[] figures =
        [
            new(committee, year, Measures.Proposals.Received, 170m, FigureUnit.Piece),
            new(committee, year, Measures.Proposals.Filed, 176m, FigureUnit.Piece),
        ];
        var expected = ProposalStatistics.FromFigures(figures);
        expected.Inconsistencies.Should().NotBeEmpty("the library flags filed > received");

        using var response = await Client.PostAsync("/statistics", Json(figures));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var items = await response.Content.ReadFromJsonAsync<JsonElement>();
        var item = items.EnumerateArray().Should().ContainSingle().Subject;
        item.GetProperty("statistics").Deserialize<ProposalStatistics>(Web).Should().Be(expected);
        item.GetProperty("inconsistencies").EnumerateArray().Select(f => f.GetProperty("rule").GetString())
            .Should().Equal(expected.Inconsistencies.Select(f => JsonSerializer.SerializeToElement(f, Web).GetProperty("rule").GetString()));
        item.GetProperty("inconsistencies")[0].GetProperty("committee").GetString().Should().Be("520112");

        // The acceptance rate is not computed from counts that contradict each other: the library's message says why.
        string why = FluentActions.Invoking(() => expected.GetRate(Measures.Rates.Acceptance))
            .Should().Throw<ZhengxieMetricsException>().Which.Message;
        var acceptance = item.GetProperty("rates").EnumerateArray().Single(r => r.GetProperty("measure").GetString() == Measures.Rates.Acceptance.Id);
        acceptance.GetProperty("rate").ValueKind.Should().Be(JsonValueKind.Null);
        acceptance.GetProperty("error").GetString().Should().Be(why);
    }
}
