using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Samples.Tests;

/// <summary>An application's own type holding the library's types.</summary>
/// <param name="Figure">A figure.</param>
/// <param name="Stats">Statistics.</param>
public sealed record Envelope(Figure Figure, ProposalStatistics Stats);

/// <summary>An application's type holding one value of (nearly) every public data type of the library.</summary>
/// <param name="Title">The application's own field.</param>
/// <param name="Committee">A committee.</param>
/// <param name="Period">A reporting period.</param>
/// <param name="Measure">A measure.</param>
/// <param name="Rate">A rate.</param>
/// <param name="Count">A count.</param>
/// <param name="Level">An enum of the library.</param>
/// <param name="Figures">Figures.</param>
/// <param name="Region">A region.</param>
/// <param name="Definition">A measure definition.</param>
/// <param name="Finding">A validation finding.</param>
/// <param name="Report">A seed report.</param>
/// <param name="Records">Proposal records.</param>
/// <param name="Policy">A handling policy.</param>
/// <param name="RateOptions">Rate options.</param>
/// <param name="Table">A roll-up.</param>
/// <param name="Distribution">A rate distribution.</param>
/// <param name="Ranks">Ranked committees.</param>
public sealed record Everything(
    string Title, Committee Committee, ReportingPeriod Period, Measure Measure, Rate Rate, Bounds Count, AdministrativeLevel Level,
    List<Figure> Figures, Region Region, MeasureDefinition Definition, ValidationFinding Finding, SeedReport Report,
    List<ProposalRecord> Records, HandlingPolicy Policy, RateOptions RateOptions, IndicatorTable Table, RateDistribution Distribution,
    IReadOnlyList<RankedCommittee> Ranks);

/// <summary>
/// An application's source-generated context that names library types, in an assembly that cannot see the library's internals
/// (unlike the unit tests): the source generator must be able to create every converter a <see cref="JsonConverterAttribute"/>
/// of the library names, or it skips the type (SYSLIB1220/SYSLIB1030, errors here) and serialization fails at run time.
/// </summary>
[JsonSerializable(typeof(Envelope))]
[JsonSerializable(typeof(Everything))]
[JsonSerializable(typeof(RecordStatisticsTable))]
[JsonSerializable(typeof(List<OpenProposalCounts>))]
[JsonSerializable(typeof(DaysToReplyDistribution))]
[JsonSerializable(typeof(KeyProposalBreakdown))]
[JsonSerializable(typeof(List<HandlingUnitStatistics>))]
[JsonSerializable(typeof(RegionTable))]
[JsonSerializable(typeof(MeasureCatalog))]
[JsonSerializable(typeof(FigureSource))]
[JsonSerializable(typeof(CommitteeRate))]
public sealed partial class AppJsonContext : JsonSerializerContext
{
}

/// <summary>An application's own source-generated context with the library's types in it, alone (no library resolver) and combined.</summary>
public class ApplicationJsonContextTests
{
    private static readonly SeedReport Wudang = SeedReports.Get("wudang-2022");
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.CalendarYear(2022);

    public static TheoryData<string> Setups => new() { "alone", "alone, web defaults", "combined after the library, library options", "combined first, web defaults" };

    private static JsonSerializerOptions Options(string setup) => setup switch
    {
        "alone" => AppJsonContext.Default.Options,
        "alone, web defaults" => new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = AppJsonContext.Default },
        "combined after the library, library options" => new JsonSerializerOptions(ZhengxieJson.Options) { TypeInfoResolver = JsonTypeInfoResolver.Combine(ZhengxieJsonContext.Default, AppJsonContext.Default) },
        _ => new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = JsonTypeInfoResolver.Combine(AppJsonContext.Default, ZhengxieJsonContext.Default) },
    };

    private static T RoundTrip<T>(T value, JsonSerializerOptions options)
    {
        string json = JsonSerializer.Serialize(value, options);
        var back = JsonSerializer.Deserialize<T>(json, options)!;
        JsonSerializer.Serialize(back, options).Should().Be(json, "what was read writes the same JSON ({0})", typeof(T).Name);
        return back;
    }

    [Theory]
    [MemberData(nameof(Setups))]
    public void An_envelope_of_a_figure_and_statistics_round_trips(string setup)
    {
        var options = Options(setup);
        var envelope = new Envelope(Wudang.Figures[0], ProposalStatistics.FromFigures(Wudang.Figures));

        string json = JsonSerializer.Serialize(envelope, options);
        using (var document = JsonDocument.Parse(json))
        {
            var figure = document.RootElement.EnumerateObject().First(p => p.Name is "Figure" or "figure").Value;
            figure.GetProperty("committee").GetString().Should().Be("520112", "the library's types keep their format inside the application's");
            figure.GetProperty("period").GetString().Should().Be("11.1+@2022");
        }

        var back = RoundTrip(envelope, options);
        back.Figure.Should().Be(envelope.Figure);
        back.Stats.Should().Be(envelope.Stats);
    }

    [Theory]
    [MemberData(nameof(Setups))]
    public void Every_public_data_type_round_trips_through_the_applications_context(string setup)
    {
        var options = Options(setup);
        var builder = FigureDataset.CreateBuilder(mode: ValidationMode.CollectFindings);
        builder.AddRange(SeedReports.AllFigures);
        var dataset = builder.Build();
        var table = dataset.RollUp();
        var yongjia = SeedReports.Get("yongjia-2020");
        var distribution = dataset.GetRateDistributions(RateDefinition.Reply, Grouping.Hierarchy(), yongjia.Period).First(d => d.Entries.Count > 0);
        var records = new List<ProposalRecord>
        {
            new("1", Yongjia, Y2022, new LocalDate(2022, 1, 10))
            {
                Decision = FilingDecision.Filed, FiledOn = new LocalDate(2022, 1, 20), HandedOverOn = new LocalDate(2022, 2, 1), LeadUnit = "县教育局",
                RepliedOn = new LocalDate(2022, 3, 3), Answer = AnswerClass.SolvedOrAdopted, Feedback = Feedback.Satisfied, IsKey = true,
            },
            new("2", Yongjia, Y2022, new LocalDate(2022, 1, 12)) { Decision = FilingDecision.NotFiled },
        };
        var everything = new Everything(
            "年度", Yongjia, ReportingPeriod.SinceSession(11, 1, 2022), Measures.Proposals.Filed, Rate.Of(176, 178), Bounds.Between(101, 199),
            AdministrativeLevel.County, [.. yongjia.Figures], RegionTable.Default[new RegionCode(330324)], MeasureCatalog.Default.Definitions[0],
            new ValidationFinding(ValidationRule.FiledExceedsReceived, "filed 9 > received 8", Yongjia, Y2022, Measures.Proposals.Filed),
            Wudang, records, HandlingPolicy.Default, RateOptions.Default, table, distribution, distribution.Ranks);

        var back = RoundTrip(everything, options);

        back.Committee.Should().Be(Yongjia);
        back.Period.Should().Be(everything.Period);
        back.Rate.Should().Be(everything.Rate);
        back.Count.Should().Be(everything.Count);
        back.Level.Should().Be(AdministrativeLevel.County);
        back.Figures.Should().Equal(everything.Figures);
        back.Region.Should().Be(everything.Region);
        back.Definition.Should().Be(everything.Definition);
        back.Finding.Should().Be(everything.Finding);
        back.Report.Figures.Should().Equal(Wudang.Figures);
        back.Records.Should().HaveCount(2);
        back.Policy.Should().Be(HandlingPolicy.Default);
        back.RateOptions.Should().Be(RateOptions.Default);
        back.Table.Groups.Should().Equal(table.Groups);
        back.Distribution.Entries.Should().Equal(distribution.Entries);
        back.Ranks.Should().Equal(distribution.Ranks);
        back.Ranks[0].Name.Should().Be(distribution.Ranks[0].Name);

        var set = ProposalRecordSet.Create(records);
        RoundTrip(set.ComputeAll(), options).Count.Should().Be(1);
        RoundTrip(new List<OpenProposalCounts> { set.OpenAsOf(Yongjia, Y2022, new LocalDate(2022, 2, 15)) }, options)[0].Open.Should().Be(1);
        RoundTrip(set.DaysToReply(Yongjia, Y2022), options).Count.Should().Be(1);
        RoundTrip(set.ByKeyFlag(Yongjia, Y2022), options).Key.Should().Be(set.ByKeyFlag(Yongjia, Y2022).Key);
        RoundTrip(set.ByHandlingUnit(Yongjia, Y2022).ToList(), options).Should().NotBeEmpty();
        RoundTrip(MeasureCatalog.Default, options).Count.Should().Be(MeasureCatalog.Default.Count);
        RoundTrip(yongjia.Figures[0].Source!, options).Should().Be(yongjia.Figures[0].Source);
        RoundTrip(distribution.Entries[0], options).Should().Be(distribution.Entries[0]);
    }

    [Theory]
    [MemberData(nameof(Setups))]
    public void Errors_inside_the_applications_type_name_the_json_path(string setup)
    {
        var options = Options(setup);
        string json = JsonSerializer.Serialize(new Envelope(Wudang.Figures[0], ProposalStatistics.FromFigures(Wudang.Figures)), options);
        string bad = json.Replace("\"period\":\"11.1", "\"period\":\"x11.1", System.StringComparison.Ordinal).Replace("\\u002B", "+", System.StringComparison.Ordinal);

        var ex = FluentActions.Invoking(() => JsonSerializer.Deserialize<Envelope>(bad, options)).Should().Throw<JsonException>().Which;
        ex.Message.Should().MatchRegex(@"^\$\.(F|f)igure\.period: 'x11\.1\+@2022' is not a reporting period");
    }
}
