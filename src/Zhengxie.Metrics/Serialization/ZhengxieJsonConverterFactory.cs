using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Serialization;

/// <summary>
/// The converters of the library's types that have one of their own: <see cref="Bounds"/> and <see cref="Rate"/> (a count has two
/// shapes; a rate is written as its two counts), the objects whose constructors check several values together (so that a rejection
/// is a <see cref="JsonException"/> at its JSON path), the tables read back through their checks, and NodaTime's <c>LocalDate</c>
/// (<c>"2021-02-26"</c>) and <c>Period</c> (<c>"P3M"</c>). The types name this factory in their <see cref="JsonConverterAttribute"/>,
/// so the converters are used under any options and by an application's own source-generated context, which must be able to create
/// the converter an attribute names (this factory is public for that reason; the converters it returns are not). Add it to your
/// options' <see cref="JsonSerializerOptions.Converters"/> to write NodaTime dates and periods in the library's format too.
/// </summary>
public sealed class ZhengxieJsonConverterFactory : JsonConverterFactory
{
    private static readonly Dictionary<Type, JsonConverter> ByType = new JsonConverter[]
    {
        LocalDateJsonConverter.Instance, PeriodJsonConverter.Instance, new BoundsJsonConverter(), new RateJsonConverter(),
        new FigureJsonConverter(), new FigureSourceJsonConverter(), new ProposalStatisticsJsonConverter(), new RateDefinitionJsonConverter(),
        new ValidationFindingJsonConverter(), new RegionJsonConverter(), new RegionTableJsonConverter(), new MeasureDefinitionJsonConverter(),
        new MeasureCatalogJsonConverter(), new SeedReportJsonConverter(), new RateOptionsJsonConverter(), new GroupKeyJsonConverter(),
        new PeriodBucketJsonConverter(), new AggregateValueJsonConverter(), new PooledRateJsonConverter(),
        new RateDistributionJsonConverter(), new FigureDatasetJsonConverter(), new IndicatorTableJsonConverter(),
        new ProposalRecordJsonConverter(), new HandlingPolicyJsonConverter(), new RecordStatisticsTableJsonConverter(), new OpenProposalCountsJsonConverter(),
        new DaysToReplyDistributionJsonConverter(), new HandlingUnitStatisticsJsonConverter(), new KeyProposalBreakdownJsonConverter(),
    }.ToDictionary(c => c.Type!);

    /// <summary>Gets whether the library has a converter of its own for a type.</summary>
    /// <param name="typeToConvert">The type.</param>
    /// <returns><see langword="true"/> for the types listed in the class summary.</returns>
    public override bool CanConvert(Type typeToConvert) => ByType.ContainsKey(typeToConvert);

    /// <summary>Gets the library's converter of a type (one shared, stateless instance).</summary>
    /// <param name="typeToConvert">A type for which <see cref="CanConvert"/> is <see langword="true"/>.</param>
    /// <param name="options">The options (not used: each converter reads its properties with the options it is called with).</param>
    /// <returns>The converter.</returns>
    /// <exception cref="ArgumentException">The library has no converter of its own for the type.</exception>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        ByType.TryGetValue(typeToConvert, out var converter) ? converter : throw new ArgumentException($"Zhengxie.Metrics has no converter of its own for {typeToConvert}.", nameof(typeToConvert));
}
