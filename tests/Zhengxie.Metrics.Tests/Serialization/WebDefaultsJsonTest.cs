using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Serialization;

/// <summary>
/// Every public data type through plain <see cref="JsonSerializer"/> with the web defaults (what ASP.NET Core
/// uses) and no options of the library: the types carry their converters, so the JSON is the library's
/// format (the same as <see cref="ZhengxieJson"/> writes) and reads back to the same value.
/// </summary>
public class WebDefaultsJsonTest
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly Committee Yongjia = new(new RegionCode(330324));
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.CalendarYear(2022);

    private static T RoundTrip<T>(T value)
    {
        string json = JsonSerializer.Serialize(value, Web);
        json.Should().NotContain("\"Region\":{", "a committee is written as its text form, not its properties");
        Unescape(json).Should().Be(ZhengxieJson.Serialize(value), "the web defaults give the library's own format for {0}", typeof(T).Name);
        var back = JsonSerializer.Deserialize<T>(json, Web)!;
        JsonSerializer.Serialize(back, Web).Should().Be(json, "what was read writes the same JSON ({0})", typeof(T).Name);
        return back;
    }

    // The web defaults escape non-ASCII text as \uXXXX; the library's options write it as it is.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Unescape(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, Relaxed);
    }

    [Fact]
    public void The_value_types_round_trip_with_the_web_defaults()
    {
        RoundTrip(Yongjia).Should().Be(Yongjia);
        RoundTrip(new Committee(new RegionCode(331100), AdministrativeLevel.County)).Level.Should().Be(AdministrativeLevel.County);
        RoundTrip(new RegionCode(330324)).Should().Be(new RegionCode(330324));
        RoundTrip(ReportingPeriod.SinceSession(11, 1, 2022)).Should().Be(ReportingPeriod.SinceSession(11, 1, 2022));
        RoundTrip(Measures.Proposals.Filed).Should().Be(Measures.Proposals.Filed);
        RoundTrip(new FigureUnit("万元")).Should().Be(new FigureUnit("万元"));
        RoundTrip(Qualifier.MoreThan).Should().Be(Qualifier.MoreThan);
        RoundTrip(FigureScope.RegionTotal).Should().Be(FigureScope.RegionTotal);
        RoundTrip(AdministrativeLevel.Prefecture).Should().Be(AdministrativeLevel.Prefecture);
        RoundTrip(ValidationRule.FiledExceedsReceived).Should().Be(ValidationRule.FiledExceedsReceived);
        RoundTrip(Bounds.Between(101, 199)).Should().Be(Bounds.Between(101, 199));
        var rate = RoundTrip(Rate.Of(176, 178));
        rate.Should().Be(Rate.Of(176, 178));
        JsonSerializer.Serialize(Rate.Of(176, 178), Web).Should().Be("{\"numerator\":176,\"denominator\":178}", "a rate shows its numerator and denominator, not its internals");
        RoundTrip<Rate?>(null).Should().BeNull();
        RoundTrip(new Dictionary<Measure, Bounds> { [Measures.Proposals.Filed] = Bounds.Exactly(3) })[Measures.Proposals.Filed].Should().Be(Bounds.Exactly(3));
    }

    [Fact]
    public void Figures_statistics_definitions_regions_and_findings_round_trip_with_the_web_defaults()
    {
        var report = SeedReports.Get("yongjia-2020");
        RoundTrip(report.Figures.ToList()).Should().HaveCount(report.Figures.Count);
        RoundTrip(report.Figures[0].Source!).Should().Be(report.Figures[0].Source);
        RoundTrip(report).Id.Should().Be(report.Id);
        RoundTrip(SeedReports.Reports).Should().HaveCount(SeedReports.Reports.Count);
        var statistics = ProposalStatistics.FromFigures(report.Figures);
        RoundTrip(statistics).GetCount(Measures.Proposals.Filed).Should().Be(statistics.GetCount(Measures.Proposals.Filed));
        RoundTrip(RateDefinition.AdoptionIncludingPlanned).Should().Be(RateDefinition.AdoptionIncludingPlanned);
        RoundTrip(RateOptions.Default).Should().Be(RateOptions.Default);
        var options = new RateOptions { DownstreamBase = DownstreamBase.Cases }.WithDefinition(new RateDefinition(Measures.Rates.Adoption, [Measures.Proposals.OutcomeA], Measures.Proposals.Received));
        RoundTrip(options).Should().Be(options, "the formulas set outright are written too");
        var region = RegionTable.Default[new RegionCode(330324)];
        RoundTrip(region).Should().Be(region);
        RoundTrip(RegionTable.FromRegions(RegionTable.Default.Regions.Where(r => r.Code.ToString().StartsWith("33", StringComparison.Ordinal)))).Count.Should().BeGreaterThan(90);
        var definition = MeasureCatalog.Default.Definitions[0];
        RoundTrip(definition).Should().Be(definition);
        RoundTrip(MeasureCatalog.Default).Count.Should().Be(MeasureCatalog.Default.Count);
        var finding = new ValidationFinding(ValidationRule.FiledExceedsReceived, "filed 9 > received 8", Yongjia, Y2022, Measures.Proposals.Filed);
        RoundTrip(finding).Should().Be(finding);
    }

    [Fact]
    public void Records_and_their_results_round_trip_with_the_web_defaults()
    {
        var records = new List<ProposalRecord>
        {
            new("1", Yongjia, Y2022, new LocalDate(2022, 1, 10))
            {
                Decision = FilingDecision.Filed,
                FiledOn = new LocalDate(2022, 1, 20),
                HandedOverOn = new LocalDate(2022, 2, 1),
                LeadUnit = "县教育局",
                RepliedOn = new LocalDate(2022, 3, 3),
                Answer = AnswerClass.SolvedOrAdopted,
                Feedback = Feedback.Satisfied,
                IsKey = true,
            },
            new("2", Yongjia, Y2022, new LocalDate(2022, 1, 12)) { Decision = FilingDecision.NotFiled },
        };
        RoundTrip(records).Should().HaveCount(2);
        RoundTrip(HandlingPolicy.Default).ReplyDeadline.Should().Be(Period.FromMonths(3));
        var set = ProposalRecordSet.Create(records);
        RoundTrip(set.ComputeAll()).Count.Should().Be(1);
        RoundTrip(set.OpenAsOf(Yongjia, Y2022, new LocalDate(2022, 2, 15))).Open.Should().Be(1, "record 1 is handed over and not yet replied");
        RoundTrip(set.DaysToReply(Yongjia, Y2022)).Count.Should().Be(1);
        RoundTrip(set.ByHandlingUnit(Yongjia, Y2022).ToList()).Should().NotBeEmpty();
        RoundTrip(set.ByKeyFlag(Yongjia, Y2022)).Key.GetCount(Measures.Proposals.Key).Should().Be(Bounds.Exactly(1));
    }

    [Fact]
    public void Aggregation_results_round_trip_with_the_web_defaults()
    {
        var builder = FigureDataset.CreateBuilder(mode: ValidationMode.CollectFindings);
        builder.AddRange(SeedReports.AllFigures);
        var dataset = builder.Build();
        var table = dataset.RollUp();
        var back = RoundTrip(table);
        back.Rows.Should().HaveCount(table.Rows.Count);
        back.Groups.Should().Equal(table.Groups);
        RoundTrip(table.Groups[0]).Should().Be(table.Groups[0]);
        RoundTrip(table.Periods[0]).Should().Be(table.Periods[0]);
        RoundTrip(table.GetValue(0, table.MeasureColumns[0])).Should().Be(table.GetValue(0, table.MeasureColumns[0]));
        RoundTrip(table.GetRate(0, table.RateColumns[0])).Should().Be(table.GetRate(0, table.RateColumns[0]));

        var yongjia = SeedReports.Get("yongjia-2020");
        var distribution = dataset.GetRateDistributions(RateDefinition.Reply, Grouping.Hierarchy(), yongjia.Period).First(d => d.Entries.Count > 0);
        RoundTrip(distribution).Entries.Should().HaveCount(distribution.Entries.Count);
        RoundTrip(distribution.Entries[0]).Should().Be(distribution.Entries[0]);
        RoundTrip(distribution.Ranks[0]).Should().Be(distribution.Ranks[0]);

        string written = JsonSerializer.Serialize(dataset, Web);
        written.Should().Be(JsonSerializer.Serialize(dataset.Figures, Web), "a dataset is written as its figures");
    }

    [Fact]
    public void Rankings_and_tidy_observations_round_trip_with_the_web_defaults()
    {
        var builder = FigureDataset.CreateBuilder(mode: ValidationMode.CollectFindings);
        builder.AddRange(SeedReports.AllFigures);
        var dataset = builder.Build();
        var table = dataset.RollUp();
        var observations = table.Observations().ToList();
        observations.Should().Contain(o => o.Rate != null).And.Contain(o => o.Sum != null);
        RoundTrip(observations).Should().Equal(observations);
        using (var document = JsonDocument.Parse(JsonSerializer.Serialize(observations.First(o => o.Value != null), Web)))
        {
            document.RootElement.GetProperty("value").GetDecimal().Should().Be(observations.First(o => o.Value != null).Value!.Value, "the number to plot is written for charts");
        }

        var distribution = dataset.GetRateDistributions(RateDefinition.Reply, Grouping.Hierarchy(), SeedReports.Get("yongjia-2020").Period).First(d => d.Entries.Count > 0);
        var ranks = distribution.Ranks;
        var back = RoundTrip(ranks);
        back.Should().Equal(ranks);
        back.Select(r => r.Name).Should().Equal(ranks.Select(r => r.Name), "a ranking gives the committee's name");
        back[0].Name.Should().NotBe(back[0].Code.ToString(), "the seed committees are in the default region table");

        var records = new List<ProposalRecord>
        {
            new("1", Yongjia, Y2022, new LocalDate(2022, 1, 10)) { Decision = FilingDecision.Filed, FiledOn = new LocalDate(2022, 1, 20) },
            new("2", Yongjia, Y2022, new LocalDate(2022, 1, 12)) { Decision = FilingDecision.NotFiled },
        };
        var statistics = ProposalRecordSet.Create(records).ComputeAll();
        var recordObservations = statistics.Observations().ToList();
        recordObservations.Should().Contain(o => o.Rate != null).And.Contain(o => o.Count == 1);
        RoundTrip(recordObservations).Should().Equal(recordObservations);

        // A row is a view of its table: written with its statistics, not read back.
        var row = statistics.Rows[0];
        string json = JsonSerializer.Serialize(row, Web);
        Unescape(json).Should().Be(ZhengxieJson.Serialize(row));
        using (var document = JsonDocument.Parse(json))
        {
            document.RootElement.GetProperty("committee_name").GetString().Should().Be("永嘉县");
            JsonSerializer.Deserialize<ProposalStatistics>(document.RootElement.GetProperty("statistics").GetRawText(), Web).Should().Be(row.Statistics);
        }

        FluentActions.Invoking(() => JsonSerializer.Deserialize<RecordStatisticsRow>(json, Web)).Should().Throw<NotSupportedException>();
    }

    [Fact]
    public void Reading_errors_of_the_contracts_name_the_json_path()
    {
        const string Rate = "\"rate\":{\"numerator\":1,\"denominator\":2}";
        FluentActions.Invoking(() => JsonSerializer.Deserialize<List<RankedCommittee>>("[{\"rank\":1,\"committee\":\"33032x\"," + Rate + "}]", Web))
            .Should().Throw<JsonException>().Which.Message.Should().StartWith("$[0].committee: ");
        FluentActions.Invoking(() => JsonSerializer.Deserialize<RankedCommittee>("{\"rank\":1,\"committee\":\"330324\",\"rate\":{\"numerator\":1.5,\"denominator\":2}}", Web))
            .Should().Throw<JsonException>().Which.Message.Should().StartWith("$.rate.numerator: a count must be a whole number");
        FluentActions.Invoking(() => JsonSerializer.Deserialize<RankedCommittee>("{\"rank\":1,\"committee\":\"330324\",\"score\":3," + Rate + "}", Web))
            .Should().Throw<JsonException>().Which.Path.Should().Be("$.score", "System.Text.Json's own errors carry the path in JsonException.Path");
        FluentActions.Invoking(() => JsonSerializer.Deserialize<CommitteeRate>("{\"committee\":\"330324\"}", Web))
            .Should().Throw<JsonException>().Which.Message.Should().Contain("rate");
        FluentActions.Invoking(() => JsonSerializer.Deserialize<FigureSource>("{\"document\":\"d\",\"published\":\"2021-02-30\"}", Web))
            .Should().Throw<JsonException>().Which.Message.Should().StartWith("$.published: '2021-02-30' is not an ISO date");
    }

    [Fact]
    public void Reading_errors_name_the_json_path_with_the_web_defaults()
    {
        var ex = FluentActions.Invoking(() => JsonSerializer.Deserialize<List<Figure>>("[{\"committee\":\"330324\",\"period\":\"2020x\",\"measure\":\"proposals.filed\",\"value\":1,\"unit\":\"件\"}]", Web))
            .Should().Throw<JsonException>().Which;
        ex.Message.Should().StartWith("$[0].period: '2020x' is not a reporting period");

        // A constructor's rejection is a JsonException at the path of the property it names, the original exception inside.
        ex = FluentActions.Invoking(() => JsonSerializer.Deserialize<Dictionary<string, Figure>>("{\"a\":{\"committee\":\"330324\",\"period\":\"2020\",\"measure\":\"activity.consultation\",\"value\":5,\"unit\":\"%\",\"qualifier\":\"percent_reported\"}}", Web))
            .Should().Throw<JsonException>().Which;
        ex.Message.Should().StartWith("$.a.unit: not a valid figure: ");
        ex.InnerException.Should().BeOfType<ArgumentException>();
        FluentActions.Invoking(() => JsonSerializer.Deserialize<RateDistribution>("{\"group\":{\"kind\":\"nation\"},\"period\":\"2020\",\"group_size\":1,\"entries\":[]}", Web))
            .Should().Throw<JsonException>().WithMessage("$: A rate distribution needs the property 'definition'");
        FluentActions.Invoking(() => JsonSerializer.Deserialize<ProposalStatistics>("{\"committee\":\"330324\",\"period\":\"2020\",\"counts\":{},\"counts\":{}}", Web))
            .Should().Throw<JsonException>().WithMessage("$: the property 'counts' appears twice");
        FluentActions.Invoking(() => JsonSerializer.Deserialize<HandlingPolicy>("{\"reply_deadline\":\"P3M\",\"replyDeadline\":\"P3M\"}", Web))
            .Should().Throw<JsonException>().WithMessage("$: 'replyDeadline' is not a property of a handling policy*");
    }
}
