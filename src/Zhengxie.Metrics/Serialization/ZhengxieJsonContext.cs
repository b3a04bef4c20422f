using System.Collections.Generic;
using System.Text.Json.Serialization;
using NodaTime;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Extraction;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Serialization;

/// <summary>
/// The source-generated System.Text.Json context of every public data type of the library (and the lists and nullable forms
/// its converters use): identifiers, periods and units as strings (<c>"330324"</c>, <c>"4.4@2020"</c>, <c>"万元"</c>), enums as
/// snake_case words, NodaTime dates as ISO strings. Works under trimming and native AOT. Use it with
/// <see cref="System.Text.Json.JsonSerializer"/> (<c>JsonSerializer.Serialize(figure, ZhengxieJsonContext.Default.Figure)</c>),
/// through <see cref="ZhengxieJson"/>, or combined with an application's context in either order:
/// <c>JsonTypeInfoResolver.Combine(ZhengxieJsonContext.Default, MyContext.Default)</c>. Reading is strict, and errors name the
/// JSON path (<c>$.figures[3].period: '2020x' is not a reporting period …</c>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(LocalDateJsonConverter), typeof(PeriodJsonConverter) })]
[JsonSerializable(typeof(bool)), JsonSerializable(typeof(Dictionary<string, decimal>)), JsonSerializable(typeof(int)), JsonSerializable(typeof(int?)), JsonSerializable(typeof(long)), JsonSerializable(typeof(long?)), JsonSerializable(typeof(decimal)), JsonSerializable(typeof(decimal?)), JsonSerializable(typeof(string)), JsonSerializable(typeof(List<string>)), JsonSerializable(typeof(IReadOnlyList<string>)), JsonSerializable(typeof(List<int>)), JsonSerializable(typeof(IReadOnlyList<int>))]
[JsonSerializable(typeof(Measure?)), JsonSerializable(typeof(List<Measure>)), JsonSerializable(typeof(IReadOnlyList<Measure>)), JsonSerializable(typeof(Measure)), JsonSerializable(typeof(Dictionary<Measure, Bounds>)), JsonSerializable(typeof(Dictionary<Measure, Rate>))]
[JsonSerializable(typeof(Committee?)), JsonSerializable(typeof(Committee))]
[JsonSerializable(typeof(ReportingPeriod?)), JsonSerializable(typeof(List<ReportingPeriod>)), JsonSerializable(typeof(IReadOnlyList<ReportingPeriod>)), JsonSerializable(typeof(ReportingPeriod))]
[JsonSerializable(typeof(RegionCode?)), JsonSerializable(typeof(RegionCode)), JsonSerializable(typeof(FigureUnit?)), JsonSerializable(typeof(FigureUnit))]
[JsonSerializable(typeof(AdministrativeLevel?)), JsonSerializable(typeof(AdministrativeLevel))]
[JsonSerializable(typeof(List<PeriodBucket>)), JsonSerializable(typeof(IReadOnlyList<PeriodBucket>)), JsonSerializable(typeof(PeriodBucket))]
[JsonSerializable(typeof(List<CommitteeRate>)), JsonSerializable(typeof(IReadOnlyList<CommitteeRate>)), JsonSerializable(typeof(CommitteeRate))]
[JsonSerializable(typeof(List<MeasureDefinition>)), JsonSerializable(typeof(MeasureDefinition)), JsonSerializable(typeof(LocalDate)), JsonSerializable(typeof(LocalDate?)), JsonSerializable(typeof(Period))]
[JsonSerializable(typeof(Qualifier)), JsonSerializable(typeof(FigureScope)), JsonSerializable(typeof(PeriodKind)), JsonSerializable(typeof(PercentRounding))]
[JsonSerializable(typeof(DownstreamBase)), JsonSerializable(typeof(SatisfactionCounting)), JsonSerializable(typeof(SatisfactionBase)), JsonSerializable(typeof(ValidationRule)), JsonSerializable(typeof(ValidationMode))]
[JsonSerializable(typeof(Bounds)), JsonSerializable(typeof(Bounds?)), JsonSerializable(typeof(Rate)), JsonSerializable(typeof(Rate?)), JsonSerializable(typeof(List<Rate>))]
[JsonSerializable(typeof(Figure)), JsonSerializable(typeof(List<Figure>)), JsonSerializable(typeof(IReadOnlyList<Figure>)), JsonSerializable(typeof(Figure[])), JsonSerializable(typeof(FigureSource))]
[JsonSerializable(typeof(ProposalStatistics)), JsonSerializable(typeof(List<ProposalStatistics>)), JsonSerializable(typeof(IReadOnlyList<ProposalStatistics>))]
[JsonSerializable(typeof(RateDefinition)), JsonSerializable(typeof(List<RateDefinition>)), JsonSerializable(typeof(IReadOnlyList<RateDefinition>)), JsonSerializable(typeof(RateOptions))]
[JsonSerializable(typeof(Region)), JsonSerializable(typeof(List<Region>)), JsonSerializable(typeof(IReadOnlyList<Region>)), JsonSerializable(typeof(RegionTable))]
[JsonSerializable(typeof(ValidationFinding)), JsonSerializable(typeof(List<ValidationFinding>)), JsonSerializable(typeof(IReadOnlyList<ValidationFinding>))]
[JsonSerializable(typeof(MeasureKind)), JsonSerializable(typeof(LabelLanguage)), JsonSerializable(typeof(MeasureCatalog)), JsonSerializable(typeof(SeedReport)), JsonSerializable(typeof(IReadOnlyList<SeedReport>))]
[JsonSerializable(typeof(ProposerKind)), JsonSerializable(typeof(FilingDecision)), JsonSerializable(typeof(AnswerClass)), JsonSerializable(typeof(AnswerClass?))]
[JsonSerializable(typeof(Feedback)), JsonSerializable(typeof(ClockStart)), JsonSerializable(typeof(HandlingRole))]
[JsonSerializable(typeof(ProposalRecord)), JsonSerializable(typeof(List<ProposalRecord>)), JsonSerializable(typeof(IReadOnlyList<ProposalRecord>)), JsonSerializable(typeof(ProposalRecord[]))]
[JsonSerializable(typeof(HandlingPolicy)), JsonSerializable(typeof(RecordStatisticsTable))]
[JsonSerializable(typeof(OpenProposalCounts)), JsonSerializable(typeof(List<OpenProposalCounts>)), JsonSerializable(typeof(IReadOnlyList<OpenProposalCounts>)), JsonSerializable(typeof(DaysToReplyDistribution))]
[JsonSerializable(typeof(HandlingUnitStatistics)), JsonSerializable(typeof(List<HandlingUnitStatistics>)), JsonSerializable(typeof(IReadOnlyList<HandlingUnitStatistics>)), JsonSerializable(typeof(KeyProposalBreakdown))]
[JsonSerializable(typeof(GroupKind)), JsonSerializable(typeof(GroupKey)), JsonSerializable(typeof(AggregateValue)), JsonSerializable(typeof(PooledRate)), JsonSerializable(typeof(IndicatorTable))]
[JsonSerializable(typeof(RankedCommittee)), JsonSerializable(typeof(IReadOnlyList<RankedCommittee>))]
[JsonSerializable(typeof(RateDistribution)), JsonSerializable(typeof(List<RateDistribution>)), JsonSerializable(typeof(IReadOnlyList<RateDistribution>)), JsonSerializable(typeof(FigureDataset))]
[JsonSerializable(typeof(IndicatorObservation)), JsonSerializable(typeof(List<IndicatorObservation>)), JsonSerializable(typeof(IEnumerable<IndicatorObservation>))]
[JsonSerializable(typeof(RecordObservation)), JsonSerializable(typeof(List<RecordObservation>)), JsonSerializable(typeof(IEnumerable<RecordObservation>))]
[JsonSerializable(typeof(RecordStatisticsRow)), JsonSerializable(typeof(List<RecordStatisticsRow>))]
[JsonSerializable(typeof(ExtractionResult)), JsonSerializable(typeof(List<ExtractedFigure>))]
public sealed partial class ZhengxieJsonContext : JsonSerializerContext
{
}
