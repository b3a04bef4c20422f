using System;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction;

namespace Zhengxie.Metrics.Tests.Extraction;

/// <summary>
/// Issue 9: the extraction results have JSON forms (source-generated contracts read through their public constructors), round-trip
/// with the web defaults to equal values, and reject JSON that breaks their invariants, naming the field.
/// </summary>
public class ExtractionJsonTest
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static ExtractionResult Extract() => new ReportExtractor().Extract(
        "政协永嘉县委员会一年来共收到提案178件，经审查立案165件，办复率100%。", new ExtractionContext(period: ReportingPeriod.CalendarYear(2022), document: "yongjia-2022"));

    [Fact]
    public void An_extraction_result_round_trips_with_the_web_defaults_in_snake_case()
    {
        var result = Extract();
        result.Figures.Should().NotBeEmpty();
        string json = JsonSerializer.Serialize(result, Web);
        using (var document = JsonDocument.Parse(json))
        {
            var root = document.RootElement;
            root.GetProperty("committee").GetString().Should().Be("330324");
            root.GetProperty("period").GetString().Should().Be("2022");
            root.GetProperty("committee_origin").GetString().Should().Be("text");
            root.GetProperty("period_origin").GetString().Should().Be("caller");
            root.GetProperty("document").GetString().Should().Be("yongjia-2022");
            var first = root.GetProperty("figures")[0];
            first.GetProperty("measure").GetString().Should().Be(result.Figures[0].Measure.Id);
            first.GetProperty("quote").GetString().Should().Be(result.Figures[0].Quote);
            first.TryGetProperty("topic", out _).Should().BeFalse("an absent topic is left out");
        }

        var back = JsonSerializer.Deserialize<ExtractionResult>(json, Web)!;
        back.Should().NotBeSameAs(result);
        back.Should().Be(result);
        back.GetHashCode().Should().Be(result.GetHashCode());
        back.ToFigures().Should().Equal(result.ToFigures());
        back.ToString().Should().Be(result.ToString()).And.StartWith("ExtractionResult 330324 2022 (yongjia-2022): ").And.Contain(result.Figures.Count + " figures");
    }

    [Fact]
    public void An_unknown_committee_is_left_out_and_reads_back_as_unknown()
    {
        var result = new ReportExtractor().Extract("共收到提案178件。");
        result.Committee.Should().BeNull();
        result.CommitteeOrigin.Should().Be(ContextOrigin.Unknown);
        string json = JsonSerializer.Serialize(result, Web);
        json.Should().NotContain("\"committee\":");
        JsonSerializer.Deserialize<ExtractionResult>(json, Web).Should().Be(result);
        result.ToString().Should().StartWith("ExtractionResult ? ");
    }

    [Theory]
    [InlineData("""{"figures":[],"breakdowns":[],"unclassified":[],"findings":[],"committee":"330324","committee_origin":"unknown","period_origin":"unknown"}""", "committeeOrigin")]
    [InlineData("""{"figures":[],"breakdowns":[],"unclassified":[],"findings":[],"committee_origin":"text","period_origin":"unknown"}""", "committeeOrigin")]
    [InlineData("""{"breakdowns":[],"unclassified":[],"findings":[],"committee_origin":"unknown","period_origin":"unknown"}""", "figures")]
    [InlineData("""{"figures":[null],"breakdowns":[],"unclassified":[],"findings":[],"committee_origin":"unknown","period_origin":"unknown"}""", "figures")]
    public void An_extraction_result_that_breaks_its_invariants_is_refused_naming_the_field(string json, string field) =>
        FluentActions.Invoking(() => JsonSerializer.Deserialize<ExtractionResult>(json, Web)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be(field);

    [Theory]
    [InlineData("""{"measure":"proposals.filed","value":165,"unit":"件","qualifier":"exact","scope":"committee","quote":"立案165件","start":-1,"length":6}""", "start")]
    [InlineData("""{"value":165,"unit":"件","qualifier":"exact","scope":"committee","quote":"立案165件","start":1,"length":6}""", "measure")]
    [InlineData("""{"measure":"proposals.filed","unit":"件","qualifier":"exact","scope":"committee","quote":"立案165件","start":1,"length":6}""", "value")]
    [InlineData("""{"measure":"proposals.filed","value":165,"qualifier":"exact","scope":"committee","quote":"立案165件","start":1,"length":6}""", "unit")]
    public void An_extracted_figure_that_breaks_its_invariants_is_refused_naming_the_field(string json, string field) =>
        FluentActions.Invoking(() => JsonSerializer.Deserialize<ExtractedFigure>(json, Web)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be(field);

    [Fact]
    public void Findings_and_unclassified_numbers_refuse_negative_offsets_and_unknown_properties()
    {
        FluentActions.Invoking(() => JsonSerializer.Deserialize<ExtractionFinding>("""{"message":"m","start":-2,"length":0}""", Web)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("start");
        FluentActions.Invoking(() => JsonSerializer.Deserialize<UnclassifiedNumber>("""{"unit":"","quote":"q","start":0,"length":-1}""", Web)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("length");
        FluentActions.Invoking(() => JsonSerializer.Deserialize<ExtractionFinding>("""{"message":"m","start":0,"length":0,"extra":1}""", Web)).Should().Throw<JsonException>();
        var number = new UnclassifiedNumber(null, "元", "资金支持很多元", 0, 7);
        string json = JsonSerializer.Serialize(number, Web);
        json.Should().NotContain("\"value\"");
        JsonSerializer.Deserialize<UnclassifiedNumber>(json, Web).Should().Be(number);
    }
}
