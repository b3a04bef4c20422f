using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Serialization;

/// <summary>
/// The library's own converters, for the types that need one: <see cref="Bounds"/> and <see cref="Rate"/>, the objects whose constructors check
/// several values together (a rejection becomes a <see cref="JsonException"/> at its JSON path), the tables read back through their checks, and
/// NodaTime's <c>LocalDate</c> (<c>"2021-02-26"</c>) and <c>Period</c> (<c>"P3M"</c>). The types name this factory in their
/// <see cref="JsonConverterAttribute"/>, so any options and an application's own source-generated context use them; it is public because such a
/// context creates the converter an attribute names (the converters it returns are internal).
/// </summary>
public sealed class ZhengxieJsonConverterFactory : JsonConverterFactory
{
    private static readonly Dictionary<Type, JsonConverter> ByType = new JsonConverter[]
    {
        LocalDateJsonConverter.Instance, PeriodJsonConverter.Instance, new BoundsJsonConverter(), new RateJsonConverter(), new FigureJsonConverter(), new ProposalStatisticsJsonConverter(),
        new RateDefinitionJsonConverter(), new ValidationFindingJsonConverter(), new RegionJsonConverter(), new RegionTableJsonConverter(), new MeasureDefinitionJsonConverter(),
        new MeasureCatalogJsonConverter(), new RateOptionsJsonConverter(), new AggregateValueJsonConverter(), new PooledRateJsonConverter(), new RateDistributionJsonConverter(),
        new FigureDatasetJsonConverter(), new IndicatorTableJsonConverter(), new ProposalRecordJsonConverter(), new HandlingPolicyJsonConverter(),
        new RecordStatisticsTableJsonConverter(), new DaysToReplyDistributionJsonConverter(), new RecordStatisticsRowJsonConverter(),
    }.ToDictionary(c => c.Type!);

    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => ByType.ContainsKey(typeToConvert);

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        ByType.TryGetValue(typeToConvert, out var converter) ? converter : throw new ArgumentException($"Zhengxie.Metrics has no converter of its own for {typeToConvert}.", nameof(typeToConvert));
}
