using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;
using Zhengxie.Metrics.SampleData;

namespace Zhengxie.Metrics.Samples.Tests;

/// <summary>Bad input: a 400 problem details that names the line, path, committee, period or measure.</summary>
public class BadInputTests(WebApplicationFactory<Program> factory) : WebApiTestBase(factory)
{
    private static readonly SeedReport Wudang = SeedReports.Get("wudang-2022");

    [Fact]
    public async Task A_bad_csv_line_is_named_by_line_and_column()
    {
        using var csv = Csv(Wudang.Figures);
        string text = await csv.ReadAsStringAsync();
        var lines = text.Split('\n');
        lines[2] = lines[2].Replace(Wudang.Period.ToString() + ",", "2022x,");

        var problem = await PostProblemAsync("/statistics", Csv(string.Join('\n', lines)));

        problem.GetProperty("status").GetInt32().Should().Be(400);
        problem.GetProperty("detail").GetString().Should().Contain("line 3").And.Contain("2022x");
        var error = problem.GetProperty("errors").EnumerateArray().Should().ContainSingle().Subject;
        error.GetProperty("line").GetInt32().Should().Be(3);
        error.GetProperty("column").GetString().Should().Be("period");
    }

    [Fact]
    public async Task A_bad_json_figure_is_named_by_its_path()
    {
        var array = JsonSerializer.SerializeToNode(Wudang.Figures.Take(2).ToList(), Web)!.AsArray();
        array[1]!["period"] = "2022x";
        string json = array.ToJsonString();

        var problem = await PostProblemAsync("/statistics", Json(json));

        problem.GetProperty("status").GetInt32().Should().Be(400);
        problem.GetProperty("path").GetString().Should().Be("$[1].period");
        problem.GetProperty("detail").GetString().Should().StartWith("$[1].period").And.Contain("2022x");
    }

    [Fact]
    public async Task Malformed_json_is_named_by_its_path_and_line()
    {
        var problem = await PostProblemAsync("/statistics", Json("[\n{\"committee\": \"520112\",\n \"period\": }]"));

        problem.GetProperty("path").GetString().Should().Be("$[0]", "System.Text.Json names the figure being read");
        problem.GetProperty("line").GetInt64().Should().Be(3);
    }

    [Fact]
    public async Task Conflicting_figures_are_named_by_committee_period_and_measure()
    {
        var received = Wudang.Figures.Single(f => f.Measure == Measures.Proposals.Received && f.Topic is null);
        var conflicting = new Figure(received.Committee, received.Period, received.Measure, received.Value + 1, received.Unit);

        var problem = await PostProblemAsync("/statistics", Json(Wudang.Figures.Append(conflicting)));

        problem.GetProperty("status").GetInt32().Should().Be(400);
        var error = problem.GetProperty("errors")[0];
        error.GetProperty("committee").GetString().Should().Be(Wudang.Committee.ToString());
        error.GetProperty("period").GetString().Should().Be(Wudang.Period.ToString());
        error.GetProperty("measure").GetString().Should().Be(Measures.Proposals.Received.Id);
        problem.GetProperty("detail").GetString().Should().Contain(Wudang.Committee.ToString()).And.Contain(Measures.Proposals.Received.Id);
    }

    [Fact]
    public async Task Conflicting_figures_posted_for_a_rollup_are_refused_the_same_way()
    {
        var received = Wudang.Figures.Single(f => f.Measure == Measures.Proposals.Received && f.Topic is null);
        var conflicting = new Figure(received.Committee, received.Period, received.Measure, received.Value + 1, received.Unit);

        var problem = await PostProblemAsync("/rollup?grouping=prefecture", Json(Wudang.Figures.Append(conflicting)));

        var error = problem.GetProperty("errors")[0];
        error.GetProperty("committee").GetString().Should().Be(Wudang.Committee.ToString());
        error.GetProperty("measure").GetString().Should().Be(Measures.Proposals.Received.Id);
    }

    [Fact]
    public async Task Conflicting_figures_in_a_csv_are_named_by_their_lines()
    {
        var received = Wudang.Figures.Single(f => f.Measure == Measures.Proposals.Received && f.Topic is null);
        var conflicting = new Figure(received.Committee, received.Period, received.Measure, received.Value + 1, received.Unit);

        var problem = await PostProblemAsync("/statistics", Csv(Wudang.Figures.Append(conflicting)));

        var error = problem.GetProperty("errors")[0];
        error.GetProperty("line").GetInt32().Should().Be(Wudang.Figures.Count + 2, "the conflicting figure is the last line");
        problem.GetProperty("detail").GetString().Should().Contain(Measures.Proposals.Received.Id);
    }

    [Theory]
    [InlineData("/rollup?grouping=county", "grouping")]
    [InlineData("/rollup?years=1800", "years")]
    [InlineData("/rollup?years=2024..2020", "years")]
    [InlineData("/rollup?grouping=prefecture&within=52", "within")]
    public async Task A_bad_query_parameter_is_named(string url, string parameter)
    {
        using var response = await Client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("parameter").GetString().Should().Be(parameter);
        problem.GetProperty("detail").GetString().Should().StartWith("'" + parameter + "'");
    }

    [Fact]
    public async Task An_empty_body_is_refused()
    {
        var problem = await PostProblemAsync("/statistics", Json("[]"));

        problem.GetProperty("title").GetString().Should().Be("No figures.");
    }

    [Fact]
    public async Task Another_media_type_is_415()
    {
        using var response = await Client.PostAsync("/statistics", new StringContent("178", System.Text.Encoding.UTF8, "text/plain"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    private async Task<JsonElement> PostProblemAsync(string url, HttpContent content)
    {
        using (content)
        {
            using var response = await Client.PostAsync(url, content);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }
}
