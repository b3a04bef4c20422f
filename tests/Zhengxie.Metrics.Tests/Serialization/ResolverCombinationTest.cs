using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Tests.Serialization;

/// <summary>An application's own type that holds the library's types.</summary>
/// <param name="Title">The application's own field.</param>
/// <param name="Figure">A figure.</param>
/// <param name="Statistics">Statistics.</param>
public sealed record ReportEnvelope(string Title, Figure Figure, List<ProposalStatistics> Statistics);

/// <summary>An application's source-generated context, with camelCase names of its own.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReportEnvelope))]
public sealed partial class ApplicationJsonContext : JsonSerializerContext
{
}

/// <summary><see cref="ZhengxieJsonContext"/> combined with an application's context in one resolver, as the docs show.</summary>
public class ResolverCombinationTest
{
    private static readonly Figure AFigure = SeedReports.Get("yongjia-2020").Figures[0];

    public static TheoryData<string> Resolvers => new() { "library first, library options", "application first, web defaults" };

    [Theory]
    [MemberData(nameof(Resolvers))]
    public void The_library_context_combines_with_an_applications_context(string order)
    {
        var options = order.StartsWith("library", System.StringComparison.Ordinal)
            ? new JsonSerializerOptions(ZhengxieJson.Options) { TypeInfoResolver = JsonTypeInfoResolver.Combine(ZhengxieJsonContext.Default, ApplicationJsonContext.Default) }
            : new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = JsonTypeInfoResolver.Combine(ApplicationJsonContext.Default, ZhengxieJsonContext.Default) };
        var statistics = ProposalStatistics.FromFigures(SeedReports.Get("wudang-2022").Figures);
        var envelope = new ReportEnvelope("年度报告", AFigure, [statistics]);

        string json = JsonSerializer.Serialize(envelope, options);

        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("title").GetString().Should().Be("年度报告", "the application's names follow its own policy");
        document.RootElement.GetProperty("figure").GetRawText().Should().Be(JsonSerializer.Serialize(AFigure, options), "the library's types keep their format inside");
        document.RootElement.GetProperty("figure").GetProperty("committee").GetString().Should().Be(AFigure.Committee.ToString());
        document.RootElement.GetProperty("statistics")[0].GetProperty("counts").GetProperty("proposals.filed").GetInt64().Should().Be(statistics.GetCount(Measures.Proposals.Filed).Lower);
        var back = JsonSerializer.Deserialize<ReportEnvelope>(json, options)!;
        back.Figure.Should().Be(AFigure);
        back.Statistics[0].Should().Be(statistics);
        JsonSerializer.Deserialize<List<Figure>>("[" + JsonSerializer.Serialize(AFigure, options) + "]", options).Should().Equal(AFigure);
    }

    [Fact]
    public void Errors_inside_the_applications_type_name_the_whole_path()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = JsonTypeInfoResolver.Combine(ApplicationJsonContext.Default, ZhengxieJsonContext.Default) };
        string json = JsonSerializer.Serialize(new ReportEnvelope("t", AFigure, []), options).Replace("\"period\":\"2020\"", "\"period\":\"2020x\"", System.StringComparison.Ordinal);
        FluentActions.Invoking(() => JsonSerializer.Deserialize<ReportEnvelope>(json, options))
            .Should().Throw<JsonException>().Which.Message.Should().StartWith("$.figure.period: '2020x' is not a reporting period");
    }
}
