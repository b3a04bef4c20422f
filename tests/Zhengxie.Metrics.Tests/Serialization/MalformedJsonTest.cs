using System;
using System.Collections.Generic;
using System.Text.Json;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Tests.Serialization;

/// <summary>Bad JSON gets a <see cref="JsonException"/> whose message starts with the JSON path and says what was wrong.</summary>
public class MalformedJsonTest
{
    private const string Good = "{\"committee\":\"330324\",\"period\":\"2020\",\"measure\":\"activity.consultation\",\"value\":75,\"unit\":\"次\"}";

    private static string Figures(params string[] items) => "[" + string.Join(",", items) + "]";

    private static JsonException Read<T>(string json)
    {
        var ex = FluentActions.Invoking(() => ZhengxieJson.Deserialize<T>(json)).Should().Throw<JsonException>().Which;
        return ex;
    }

    [Fact]
    public void A_bad_period_names_its_path()
    {
        var ex = Read<List<Figure>>(Figures(Good, Good, Good, Good.Replace("\"2020\"", "\"2020x\"", StringComparison.Ordinal)));
        ex.Message.Should().StartWith("$[3].period: '2020x' is not a reporting period");
        ex.Path.Should().Be("$[3]");
    }

    [Fact]
    public void The_path_is_in_the_message_through_the_context_too()
    {
        string json = Figures(Good, Good.Replace("\"330324\"", "\"33032\"", StringComparison.Ordinal));
        FluentActions.Invoking(() => JsonSerializer.Deserialize(json, ZhengxieJsonContext.Default.ListFigure))
            .Should().Throw<JsonException>().WithMessage("$[1].committee: '33032' is not a committee*");
    }

    [Fact]
    public void Nested_values_name_the_whole_path()
    {
        string bad = Good.Replace("}", ",\"source\":{\"document\":\"x\",\"published\":\"2021-02-30\"}}", StringComparison.Ordinal);
        Read<Figure[]>(Figures(Good, bad)).Message.Should().StartWith("$[1].source.published: '2021-02-30' is not an ISO date");

        Read<Rate>("{\"numerator\":{\"lower\":5,\"upper\":\"six\"},\"denominator\":9}")
            .Message.Should().StartWith("$.numerator.upper: The JSON value could not be converted to");

        Read<RateDefinition>("{\"measure\":\"rate.x\",\"numerator\":[\"proposals.a\",\"Proposals.B\"],\"denominator\":\"proposals.c\"}")
            .Message.Should().StartWith("$.numerator[1]: 'Proposals.B' is not a measure identifier");

        Read<ProposalStatistics>("{\"committee\":\"520112\",\"period\":\"2022\",\"counts\":{\"proposals.filed\":-1}}")
            .Message.Should().StartWith("$.counts: not a valid proposal statistics: ").And.Contain("negative");

        Read<ProposalStatistics>("{\"committee\":\"520112\",\"period\":\"2022\",\"counts\":{\"proposals.filed\":1.5}}")
            .Message.Should().StartWith("$.counts['proposals.filed']: a count must be a whole number");

        Read<RegionTable>("[{\"code\":\"110000\",\"name\":\"北京市\",\"level\":\"province\",\"parent\":null},{\"code\":\"110101\",\"name\":\"东城区\",\"level\":\"district\",\"parent\":\"110000\"}]")
            .Message.Should().StartWith("$[1].level: 'district' is not an administrative level (use province, prefecture, county)");
    }

    [Fact]
    public void A_figure_inside_a_seed_report_names_its_path()
    {
        string json = ZhengxieJson.Serialize(SeedReports.Get("wudang-2022"));
        string bad = json.Replace("\"period\":\"11.1+@2022\",\"measure\":\"proposals.received\"", "\"period\":\"2020x\",\"measure\":\"proposals.received\"", StringComparison.Ordinal);
        bad.Should().NotBe(json);
        Read<SeedReport>(bad).Message.Should().StartWith("$.figures[2].period: '2020x' is not a reporting period");
        Read<ProposalStatistics>("{\"committee\":\"520112\",\"period\":\"2022\",\"counts\":{\"proposals.filed\":1,\"proposals.filed\":2}}")
            .Message.Should().Be("$.counts['proposals.filed']: the property 'proposals.filed' appears twice");
        Read<ProposalStatistics>("{\"committee\":\"520112\",\"period\":\"2022\",\"counts\":{},\"stated_rates\":{\"proposals.filed\":1}}")
            .Message.Should().StartWith("$.stated_rates: not a valid proposal statistics: 'proposals.filed' is not a rate identifier");
    }

    [Fact]
    public void A_rejected_constructor_names_the_object_and_the_reason()
    {
        string bad = Good.Replace("\"value\":75", "\"value\":75,\"qualifier\":\"percent_reported\"", StringComparison.Ordinal);
        var ex = Read<List<Figure>>(Figures(Good, bad));
        ex.Message.Should().StartWith("$[1].measure: not a valid figure: A stated percentage (percent_reported) belongs to a rate or share measure");
        ex.InnerException.Should().BeOfType<ArgumentException>();

        Read<Rate>("{\"numerator\":9,\"denominator\":5}").Message.Should().StartWith("$.numerator: not a valid rate: ").And.Contain("must not exceed its denominator");
        Read<Bounds>("{\"lower\":9,\"upper\":5}").Message.Should().Be("$.upper: the upper bound 5 is below the lower bound 9");
    }

    [Fact]
    public void Missing_unknown_and_repeated_properties_are_errors()
    {
        Read<Figure>("{\"committee\":\"330324\",\"period\":\"2020\",\"value\":1,\"unit\":\"次\"}").Message.Should().Be("$: A figure needs the property 'measure'");
        Read<Figure>(Good.Replace("\"value\":75,", string.Empty, StringComparison.Ordinal)).Message.Should().StartWith("$: A figure needs the property 'value'");
        Read<Figure>(Good.Replace("\"unit\"", "\"units\"", StringComparison.Ordinal)).Message.Should().Be("$: A figure needs the property 'unit'", "a missing property is reported before an unknown one");
        Read<Figure>(Good.Replace("}", ",\"value\":76}", StringComparison.Ordinal)).Message.Should().Be("$: the property 'value' appears twice");
        Read<Bounds>("{\"lower\":5}").Message.Should().StartWith("$: Bounds needs the property 'upper'");
    }

    [Fact]
    public void Wrong_tokens_say_what_was_expected()
    {
        Read<Figure>("[1]").Message.Should().Be("$: expected a figure as an object, found an array");
        Read<Figure>(Good.Replace("75", "\"75\"", StringComparison.Ordinal)).Message.Should().StartWith("$.value: The JSON value could not be converted to");
        Read<Figure>(Good.Replace("\"exact\"", "1", StringComparison.Ordinal).Replace("}", ",\"qualifier\":1}", StringComparison.Ordinal))
            .Message.Should().Be("$.qualifier: expected a qualifier as a string, found a number");
        Read<Figure>(Good.Replace("}", ",\"qualifier\":\"about_\"}", StringComparison.Ordinal))
            .Message.Should().StartWith("$.qualifier: 'about_' is not a qualifier (use exact, more_than");
        Read<Figure>(Good.Replace("}", ",\"scope\":\"regional\"}", StringComparison.Ordinal))
            .Message.Should().StartWith("$.scope: 'regional' is not a figure scope");
        Read<Bounds>("{\"lower\":99999999999999999999,\"upper\":null}").Message.Should().StartWith("$.lower: The JSON value could not be converted to System.Int64");
    }

    [Fact]
    public void Malformed_syntax_and_null_are_json_exceptions_with_a_path()
    {
        var ex = Read<List<Figure>>("[" + Good + ",{\"committee\":}]");
        ex.Path.Should().Be("$[1]");
        ex.Message.Should().Contain("$[1]");
        Read<Figure>("null").Message.Should().Be("$: expected Figure, found null");
        ZhengxieJson.Deserialize<Rate?>("null").Should().BeNull();
    }
}
