using System;
using System.Collections.Generic;
using System.Text.Json;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Tests.Serialization;

/// <summary>
/// "Errors still name the JSON path": a bad value inside a converter type and inside a contract type gives an exception whose
/// <see cref="Exception.Message"/> (not only <see cref="JsonException.Path"/>) holds the whole path, under the web defaults and through
/// <see cref="ZhengxieJson"/>; a contract constructor's rejection is placed at the property it names.
/// </summary>
public class JsonErrorPathTest
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private const string Good = "{\"numerator\":1,\"denominator\":4}";
    private const string Bad = "{\"numerator\":{\"lower\":3,\"upper\":2},\"denominator\":4}";

    private static string Entry(string committee, string rate) => "{\"committee\":\"" + committee + "\",\"rate\":" + rate + "}";

    [Fact]
    public void A_bad_value_inside_a_converter_type_names_its_path_in_the_message()
    {
        // RateDistribution has a converter; its entries are CommitteeRate contracts holding a Rate (converter) holding Bounds.
        string json = "{\"group\":{\"kind\":\"nation\"},\"period\":\"2020\",\"definition\":{\"measure\":\"rate.acceptance\",\"numerator\":[\"proposals.filed\"],\"denominator\":\"proposals.received\"},"
            + "\"group_size\":5,\"entries\":[" + Entry("330324", Good) + "," + Entry("330326", Good) + "," + Entry("330327", Bad) + "]}";
        foreach (var read in new Func<RateDistribution>[] { () => JsonSerializer.Deserialize<RateDistribution>(json, Web)!, () => ZhengxieJson.Deserialize<RateDistribution>(json) })
        {
            FluentActions.Invoking(read).Should().Throw<JsonException>().Which.Message.Should().StartWith("$.entries[2].rate.numerator.upper: the upper bound 2 is below the lower bound 3");
        }
    }

    [Fact]
    public void A_bad_value_inside_a_contract_type_names_its_path_in_the_message()
    {
        string json = "{\"rates\":[" + Entry("330324", Good) + "," + Entry("330326", Good) + "," + Entry("330327", Bad) + "]}";
        FluentActions.Invoking(() => JsonSerializer.Deserialize<Dictionary<string, List<CommitteeRate>>>(json, Web)).Should().Throw<JsonException>()
            .Which.Message.Should().StartWith("$.rates[2].rate.numerator.upper: the upper bound 2 is below the lower bound 3");
        FluentActions.Invoking(() => ZhengxieJson.Deserialize<List<CommitteeRate>>("[" + Entry("330324", Good) + "," + Entry("33032x", Good) + "]")).Should().Throw<JsonException>()
            .Which.Message.Should().StartWith("$[1].committee: '33032x' is not");
    }

    [Fact]
    public void A_contract_constructors_rejection_is_placed_at_the_property_it_names()
    {
        const string Counts = "{\"committee\":\"330324\",\"period\":\"2022\",\"as_of\":\"2022-06-30\",\"open\":1,\"overdue\":2,\"awaiting_handover\":0}";

        // Through the library's reader: a JsonException whose message starts with the path of the property.
        var ex = FluentActions.Invoking(() => ZhengxieJson.Deserialize<OpenProposalCounts>(Counts)).Should().Throw<JsonException>().Which;
        ex.Message.Should().Be("$.overdue: The overdue cases of 330324 2022 must be from 0 to the 1 open, found 2");
        ex.InnerException.Should().BeOfType<ArgumentException>().Which.ParamName.Should().Be("overdue");

        // Inside an object of the library's (a converter type), at its full path.
        string table = "{\"measures\":[],\"rates\":[],\"periods\":[{\"label\":\"2020\",\"periods\":[\"2021\"],\"first_year\":2020,\"last_year\":2020,\"sums_across_periods\":false}],\"groups\":[]}";
        FluentActions.Invoking(() => JsonSerializer.Deserialize<IndicatorTable>(table, Web)).Should().Throw<JsonException>()
            .Which.Message.Should().StartWith("$.periods: The period 2021 is not within the years 2020 to 2020");

        // With plain JsonSerializer a contract read on its own passes the constructor's ArgumentException on (System.Text.Json does not
        // wrap it); its ParamName names the property (documented in docs/json-and-di.md).
        FluentActions.Invoking(() => JsonSerializer.Deserialize<OpenProposalCounts>(Counts, Web)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("overdue");
    }

    [Fact]
    public void System_text_jsons_own_errors_of_a_contract_name_the_path_in_the_message_through_the_library()
    {
        const string Unknown = "[{\"rank\":1,\"committee\":\"330324\",\"score\":3,\"rate\":" + Good + "}]";
        FluentActions.Invoking(() => JsonSerializer.Deserialize<List<RankedCommittee>>(Unknown, Web)).Should().Throw<JsonException>().Which.Path.Should().Be("$[0].score");
        FluentActions.Invoking(() => ZhengxieJson.Deserialize<IReadOnlyList<RankedCommittee>>(Unknown)).Should().Throw<JsonException>()
            .Which.Message.Should().StartWith("$[0].score: The JSON property 'score' could not be mapped");
        FluentActions.Invoking(() => ZhengxieJson.Deserialize<RankedCommittee>("{\"rank\":\"first\",\"committee\":\"330324\",\"rate\":" + Good + "}")).Should().Throw<JsonException>()
            .Which.Message.Should().Contain("$.rank");
    }
}
