using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.DependencyInjection;
using Zhengxie.Metrics.Extraction;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Rendering;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Serialization;

/// <summary>
/// Issue 9's "Must show": every public data type of the core, found by reflection (so a new type cannot be missed: it must get
/// a sample here or be named as not data, with the reason), serializes with <c>new JsonSerializerOptions(JsonSerializerDefaults.Web)</c>
/// and no options of the library, in the library's format, and reads back to the same value and the same JSON. Every public enum
/// is written as its word and read back.
/// </summary>
public class EveryPublicTypeJsonTest
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly Committee Yongjia = new(new RegionCode(330324));
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.CalendarYear(2022);

    /// <summary>The public types that are not data, each with why it has no JSON form of its own.</summary>
    private static readonly Dictionary<Type, string> NotData = new()
    {
        [typeof(AggregationOptions)] = "a request to the aggregation engine (which measures, rates and scope), not a result",
        [typeof(AnswerClassScheme)] = "a mapping of answer descriptions to classes: behaviour, not data",
        [typeof(SatisfactionScale)] = "a mapping of feedback words to classes: behaviour, not data",
        [typeof(UnitEquivalence)] = "configuration of unit comparison",
        [typeof(UnitGroup)] = "one group of UnitEquivalence's configuration",
        [typeof(ExtractionContext)] = "the caller's hints to the extractor",
        [typeof(ReportExtractor)] = "a service",
        [typeof(FigureDatasetBuilder)] = "a builder",
        [typeof(Grouping)] = "a grouping function of the engine",
        [typeof(PeriodSelection)] = "a selection function of the engine",
        [typeof(IndicatorRow)] = "a view of an IndicatorTable: serialize the table or its Observations()",
        [typeof(IndicatorCell)] = "a view of an IndicatorTable",
        [typeof(IndicatorColumn)] = "a view of an IndicatorTable",
        [typeof(MeasureColumn)] = "a view of an IndicatorTable",
        [typeof(RateColumn)] = "a view of an IndicatorTable",
        [typeof(ValueChange)] = "computed from two rows of an IndicatorTable",
        [typeof(Growth)] = "computed from two rows of an IndicatorTable",
        [typeof(NumeratorInference)] = "the diagnostic answer of RateInference",
        [typeof(ProposalRecordColumns)] = "columnar input of ProposalRecordSet (serialize the ProposalRecords)",
        [typeof(ProposalRecordSet)] = "an index built from records under a policy: serialize the records and the HandlingPolicy",
        [typeof(ProposalRecordSetFactory)] = "a service",
        [typeof(ProposalStatisticsCalculator)] = "a service",
        [typeof(ProposalStatisticsTable)] = "input of the renderer (serialize the ProposalStatistics)",
        [typeof(ReportTable)] = "the display model of the renderers",
        [typeof(ReportColumn)] = "part of the display model",
        [typeof(ReportCell)] = "part of the display model",
        [typeof(TableRenderOptions)] = "rendering options",
        [typeof(ZhengxieMetricsOptions)] = "the mutable options of AddZhengxieMetrics' callback",
        [typeof(ZhengxieMetricsSettings)] = "the DI snapshot of those options",
    };

    /// <summary>The exported types to classify: not static, not an interface, exception, attribute, converter, context or ref struct.</summary>
    private static IEnumerable<Type> PublicTypes() => typeof(Figure).Assembly.GetExportedTypes().Where(t =>
        !t.IsInterface && !(t.IsAbstract && t.IsSealed) && !t.IsByRefLike && !t.IsGenericTypeDefinition
        && !typeof(Exception).IsAssignableFrom(t) && !typeof(Attribute).IsAssignableFrom(t)
        && !typeof(JsonConverter).IsAssignableFrom(t) && !typeof(JsonSerializerContext).IsAssignableFrom(t));

    private static readonly Lazy<Dictionary<Type, object>> Samples = new(CreateSamples);

    private static Dictionary<Type, object> CreateSamples()
    {
        var report = SeedReports.Get("yongjia-2020");
        var builder = FigureDataset.CreateBuilder(mode: ValidationMode.CollectFindings);
        builder.AddRange(SeedReports.AllFigures);
        var dataset = builder.Build();
        var table = dataset.RollUp();
        var distribution = dataset.GetRateDistributions(RateDefinition.Reply, Grouping.Hierarchy(), report.Period).First(d => d.Entries.Count > 0);
        var records = new List<ProposalRecord>
        {
            new("1", Yongjia, Y2022, new LocalDate(2022, 1, 10))
            {
                Decision = FilingDecision.Filed, FiledOn = new LocalDate(2022, 1, 20), HandedOverOn = new LocalDate(2022, 2, 1), LeadUnit = "县教育局",
                CoUnits = ["县财政局"], RepliedOn = new LocalDate(2022, 3, 3), Answer = AnswerClass.SolvedOrAdopted, Feedback = Feedback.Satisfied, IsKey = true,
            },
            new("2", Yongjia, Y2022, new LocalDate(2022, 1, 12)) { Decision = FilingDecision.Filed, FiledOn = new LocalDate(2022, 1, 25) },
        };
        var set = ProposalRecordSet.Create(records);
        var extraction = new ReportExtractor().Extract(
            "政协永嘉县委员会一年来共收到提案178件，经审查立案165件，办复率100%。共协调市区两级资金支持50余万元。", new ExtractionContext(period: Y2022, document: "yongjia-2022"));
        var statistics = set.ComputeAll();
        var samples = new object[]
        {
            Bounds.Between(101, 199), Rate.Of(176, 178), Yongjia, new RegionCode(330324), ReportingPeriod.SinceSession(11, 1, 2022), Measures.Proposals.Filed,
            new FigureUnit("万元"), report.Figures[0], report.Figures[0].Source!, report, ProposalStatistics.FromFigures(report.Figures),
            RateDefinition.AdoptionIncludingPlanned, new RateOptions { DownstreamBase = DownstreamBase.Cases }, RegionTable.Default[new RegionCode(330324)],
            RegionTable.FromRegions(RegionTable.Default.Regions.Where(r => r.Code.ToString().StartsWith("3303", StringComparison.Ordinal) || r.Code == new RegionCode(330000))),
            MeasureCatalog.Default.Definitions[0], MeasureCatalog.Default,
            new ValidationFinding(ValidationRule.FiledExceedsReceived, "filed 9 > received 8", Yongjia, Y2022, Measures.Proposals.Filed),
            table, table.Groups[0], table.Periods[0], table.GetValue(0, table.MeasureColumns[0]), table.GetRate(0, table.RateColumns[0]),
            table.Observations().First(o => o.Rate is not null), distribution, distribution.Entries[0], distribution.Ranks[0], dataset,
            records[0], HandlingPolicy.Default, statistics, statistics.Rows[0], statistics.Observations().First(),
            set.OpenAsOf(Yongjia, Y2022, new LocalDate(2022, 2, 15)), set.DaysToReply(Yongjia, Y2022), set.ByHandlingUnit(Yongjia, Y2022)[0], set.ByKeyFlag(Yongjia, Y2022),
            extraction, extraction.Figures[0], new UnclassifiedNumber(null, "元", "资金支持99999999999999999999999999999元", 3, 34), new ExtractionFinding("「某某政协」 names several committees", 3, 6),
        };
        return samples.ToDictionary(s => s.GetType());
    }

    /// <summary>Written, not read back (documented): a view of its table, and an index over figures.</summary>
    private static readonly HashSet<Type> WriteOnly = [typeof(FigureDataset), typeof(RecordStatisticsRow)];

    [Fact]
    public void Every_public_type_is_a_sampled_data_type_or_named_as_not_data()
    {
        var unclassified = PublicTypes().Where(t => !t.IsEnum && !Samples.Value.ContainsKey(t) && !NotData.ContainsKey(t)).Select(t => t.FullName).ToList();
        unclassified.Should().BeEmpty("every public data type needs a sample in this test (or a reason in NotData why it is not data)");
        Samples.Value.Keys.Should().OnlyContain(t => t.IsPublic && t.Assembly == typeof(Figure).Assembly);
        NotData.Keys.Intersect(Samples.Value.Keys).Should().BeEmpty();
    }

    [Fact]
    public void Every_public_data_type_round_trips_with_the_web_defaults_and_no_library_options()
    {
        foreach (var (type, value) in Samples.Value)
        {
            string json = JsonSerializer.Serialize(value, type, Web);
            using (var document = JsonDocument.Parse(json))
            {
                JsonSerializer.Serialize(document.RootElement, Relaxed).Should().Be(JsonSerializer.Serialize(value, type, ZhengxieJson.Options), "the web defaults give the library's format for {0}", type.Name);
            }

            if (WriteOnly.Contains(type))
            {
                FluentActions.Invoking(() => JsonSerializer.Deserialize(json, type, Web)).Should().Throw<NotSupportedException>(type.Name);
                continue;
            }

            object back = JsonSerializer.Deserialize(json, type, Web)!;
            back.Should().BeOfType(type);
            JsonSerializer.Serialize(back, type, Web).Should().Be(json, "{0} reads back to the same JSON", type.Name);
            if (type.GetMethod(nameof(Equals), [typeof(object)])!.DeclaringType == type)
            {
                back.Should().Be(value, "{0} has value equality, so what was read equals what was written", type.Name);
            }
        }
    }

    [Fact]
    public void Every_public_enum_is_written_as_its_word_and_read_back_with_the_web_defaults()
    {
        // A [Flags] enum (RollupLevels) is a request option whose combinations have no word each; it is not data.
        var enums = PublicTypes().Where(t => t.IsEnum && !t.IsDefined(typeof(FlagsAttribute))).ToList();
        enums.Should().HaveCountGreaterThan(20);
        foreach (var type in enums)
        {
            foreach (object value in Enum.GetValues(type))
            {
                string json = JsonSerializer.Serialize(value, type, Web);
                json.Should().StartWith("\"", "{0}.{1} is written as a word, not a number", type.Name, value);
                JsonSerializer.Deserialize(json, type, Web).Should().Be(value);
            }
        }
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
