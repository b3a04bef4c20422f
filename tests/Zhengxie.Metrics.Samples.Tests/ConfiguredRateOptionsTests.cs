using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Zhengxie.Metrics.DependencyInjection;

namespace Zhengxie.Metrics.Samples.Tests;

/// <summary>
/// The sample computes rates through the registered <see cref="ProposalStatisticsCalculator"/>: a host that
/// adds its own <c>AddZhengxieMetrics(configure)</c> (composed with the sample's) changes the rates it returns.
/// </summary>
public class ConfiguredRateOptionsTests(WebApplicationFactory<Program> factory) : WebApiTestBase(factory)
{
    private static readonly RateOptions OverCases = RateOptions.Default with { DownstreamBase = DownstreamBase.Cases };

    [Fact]
    public async Task Rate_options_configured_by_the_host_are_applied_to_the_rates()
    {
        // 200 received, 180 filed, merged into 150 cases, all 150 replied: the reply rate is 150/180 over
        // filed proposals (the default) and 150/150 over cases.
        var committee = Committee.Parse("330324");
        var year = ReportingPeriod.CalendarYear(2023);
        Figure[] figures =
        [
            new(committee, year, Measures.Proposals.Received, 200m, FigureUnit.Piece),
            new(committee, year, Measures.Proposals.Filed, 180m, FigureUnit.Piece),
            new(committee, year, Measures.Proposals.Cases, 150m, FigureUnit.Piece),
            new(committee, year, Measures.Proposals.Replied, 150m, FigureUnit.Piece),
        ];
        var statistics = ProposalStatistics.FromFigures(figures);
        var overFiled = statistics.GetRate(Measures.Rates.Reply);
        var overCases = statistics.GetRate(Measures.Rates.Reply, OverCases);
        overCases.Should().NotBe(overFiled, "the two variants differ on these counts");

        using var configured = Factory.WithWebHostBuilder(host => host.ConfigureServices(
            services => services.AddZhengxieMetrics(options => options.RateOptions = OverCases)));

        (await ReplyRateAsync(Factory.CreateClient(), figures)).Should().Be(overFiled);
        (await ReplyRateAsync(configured.CreateClient(), figures)).Should().Be(overCases);
    }

    private static async Task<Rate?> ReplyRateAsync(System.Net.Http.HttpClient client, Figure[] figures)
    {
        using (client)
        {
            using var response = await client.PostAsync("/statistics", Json(figures));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var items = await response.Content.ReadFromJsonAsync<JsonElement>();
            return items[0].GetProperty("rates").EnumerateArray()
                .Single(r => r.GetProperty("measure").GetString() == Measures.Rates.Reply.Id)
                .GetProperty("rate").Deserialize<Rate?>(Web);
        }
    }
}
