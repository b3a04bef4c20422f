using System.Collections.Generic;
using System.Linq;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Serialization;

/// <summary><see cref="Figure"/> as <c>{"committee":"520112","period":"11.1+@2022","measure":"proposals.received","value":178, "unit":"件","qualifier":"exact","scope":"committee","topic":…,"source":{…}}</c>: <c>value</c> keeps its printed digits and is <c>null</c> only for <c>all</c>; <c>topic</c>/<c>source</c> left out when absent; <c>qualifier</c> defaults to <c>exact</c> and <c>scope</c> to <c>committee</c>. A converter because the constructor checks the figure.</summary>
internal sealed class FigureJsonConverter : ObjectJsonConverter<Figure>
{
    protected override Figure Read(JsonFields json) => new(
        json.Get<Committee>("committee"), json.Get<ReportingPeriod>("period"), json.Get<Measure>("measure"), json.Get<decimal?>("value"), json.Get<FigureUnit>("unit"),
        json.Opt("qualifier", Qualifier.Exact), json.Opt("scope", FigureScope.Committee), json.Opt<string?>("topic", null), json.Opt<FigureSource?>("source", null));
    protected override void Write(JsonFieldWriter json, Figure value) => json
        .Add("committee", value.Committee).Add("period", value.Period).Add("measure", value.Measure).Add("value", value.Value)
        .Add("unit", value.Unit).Add("qualifier", value.Qualifier).Add("scope", value.Scope).Opt("topic", value.Topic).Opt("source", value.Source);
}

/// <summary><see cref="ProposalStatistics"/> as <c>{"committee":"520112","period":"2022","counts":{"proposals.filed":176, "proposals.received":{"lower":101,"upper":199}},"stated_rates":{"rate.satisfaction":100}}</c>: missing counts are absent (never 0); <c>stated_rates</c> left out when empty. A converter: the counts are checked as by <c>FromCounts</c>.</summary>
internal sealed class ProposalStatisticsJsonConverter : ObjectJsonConverter<ProposalStatistics>
{
    protected override ProposalStatistics Read(JsonFields json) => ProposalStatistics.Restore(
        json.Get<Committee>("committee"), json.Get<ReportingPeriod>("period"), json.Measures<Bounds>("counts"), json.Measures<decimal>("stated_rates", optional: true));
    protected override void Write(JsonFieldWriter json, ProposalStatistics value) => json.Add("committee", value.Committee).Add("period", value.Period)
        .Map("counts", value.Counts.Select(p => KeyValuePair.Create(p.Key.Id, p.Value)))
        .If(value.StatedRates.Count > 0, "stated_rates", value.StatedRates.OrderBy(p => p.Key).ToDictionary(p => p.Key.Id, p => p.Value));
}

/// <summary><see cref="RateDefinition"/> as <c>{"measure":"rate.adoption","numerator":["proposals.outcome_a"],"denominator":"proposals.filed"}</c>.</summary>
internal sealed class RateDefinitionJsonConverter : ObjectJsonConverter<RateDefinition>
{
    protected override RateDefinition Read(JsonFields json) =>
        new(json.Get<Measure>("measure"), json.Get<List<Measure>>("numerator"), json.Get<Measure>("denominator"));
    protected override void Write(JsonFieldWriter json, RateDefinition value) =>
        json.Add("measure", value.Measure).Add("numerator", value.Numerator).Add("denominator", value.Denominator);
}

/// <summary><see cref="ValidationFinding"/> as <c>{"rule":"filed_exceeds_received","message":"…","committee":"520112","period":"2022","measure":"proposals.filed","record_id":…}</c>.</summary>
internal sealed class ValidationFindingJsonConverter : ObjectJsonConverter<ValidationFinding>
{
    protected override ValidationFinding Read(JsonFields json) => new(json.Get<ValidationRule>("rule"), json.Get<string>("message"),
        json.Opt<Committee?>("committee", null), json.Opt<ReportingPeriod?>("period", null), json.Opt<Measure?>("measure", null), json.Opt<string?>("record_id", null));
    protected override void Write(JsonFieldWriter json, ValidationFinding value) => json.Add("rule", value.Rule).Add("message", value.Message)
        .Opt("committee", value.Committee).Opt("period", value.Period).Opt("measure", value.Measure).Opt("record_id", value.RecordId);
}

/// <summary><see cref="Region"/> as <c>{"code":"330324","name":"永嘉县","level":"county","parent":"330300"}</c>; <c>parent</c> null for a province.</summary>
internal sealed class RegionJsonConverter : ObjectJsonConverter<Region>
{
    protected override Region Read(JsonFields json) =>
        new(json.Get<RegionCode>("code"), json.Get<string>("name"), json.Get<AdministrativeLevel>("level"), json.Get<RegionCode?>("parent"));
    protected override void Write(JsonFieldWriter json, Region value) =>
        json.Add("code", value.Code).Add("name", value.Name).Add("level", value.Level).Add("parent", value.ParentCode);
}

/// <summary><see cref="RegionTable"/> as the array of its regions, sorted by code; read through <see cref="RegionTable.FromRegions"/>.</summary>
internal sealed class RegionTableJsonConverter : ArrayJsonConverter<RegionTable, Region>
{
    protected override RegionTable Create(List<Region> items) => RegionTable.FromRegions(items);
    protected override IEnumerable<Region> Items(RegionTable value) => value.Regions;
}

/// <summary><see cref="MeasureDefinition"/> as <c>{"measure":"activity.consultation.sector","chinese_label":"界别协商","english_name":"sector consultations","parent":…,"default_unit":"次"}</c>.</summary>
internal sealed class MeasureDefinitionJsonConverter : ObjectJsonConverter<MeasureDefinition>
{
    protected override MeasureDefinition Read(JsonFields json) => new(
        json.Get<Measure>("measure"), json.Get<string>("chinese_label"), json.Get<string>("english_name"), json.Opt<Measure?>("parent", null), json.Opt<FigureUnit?>("default_unit", null));
    protected override void Write(JsonFieldWriter json, MeasureDefinition value) => json.Add("measure", value.Measure)
        .Add("chinese_label", value.ChineseLabel).Add("english_name", value.EnglishName).Opt("parent", value.Parent).Opt("default_unit", value.DefaultUnit);
}

/// <summary><see cref="MeasureCatalog"/> as the array of its definitions; read through <see cref="MeasureCatalog.Create"/>.</summary>
internal sealed class MeasureCatalogJsonConverter : ArrayJsonConverter<MeasureCatalog, MeasureDefinition>
{
    protected override MeasureCatalog Create(List<MeasureDefinition> items) => MeasureCatalog.Create(items);
    protected override IEnumerable<MeasureDefinition> Items(MeasureCatalog value) => value.Definitions;
}

/// <summary><see cref="RateOptions"/> as <c>{"downstream_base":"filed","satisfaction_counting":"satisfied_and_basically_satisfied","satisfaction_base":"feedback"}</c>, with <c>"overrides":[rate definitions]</c> when formulas are set outright; a missing choice takes its default.</summary>
internal sealed class RateOptionsJsonConverter : ObjectJsonConverter<RateOptions>
{
    protected override RateOptions Read(JsonFields json) => new()
    {
        DownstreamBase = json.Opt("downstream_base", RateOptions.Default.DownstreamBase),
        SatisfactionCounting = json.Opt("satisfaction_counting", RateOptions.Default.SatisfactionCounting),
        SatisfactionBase = json.Opt("satisfaction_base", RateOptions.Default.SatisfactionBase),
        Overrides = json.Opt<List<RateDefinition>>("overrides", []),
    };
    protected override void Write(JsonFieldWriter json, RateOptions value) => json.Add("downstream_base", value.DownstreamBase)
        .Add("satisfaction_counting", value.SatisfactionCounting).Add("satisfaction_base", value.SatisfactionBase).If(value.Overrides.Count > 0, "overrides", value.Overrides);
}
