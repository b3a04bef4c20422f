using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Serialization;

/// <summary>
/// <see cref="ProposalStatistics"/> as <c>{"committee":"520112","period":"11.1+@2022","counts":
/// {"proposals.received":178,"proposals.filed":{"lower":101,"upper":199}},"stated_rates":{"rate.satisfaction":100}}</c>:
/// each count a whole number when exact, else a bounds object; missing counts are absent (never zero).
/// <c>stated_rates</c> (rates the report states as printed percentages, with their printed digits) is
/// left out when there are none.
/// </summary>
internal sealed class ProposalStatisticsJsonConverter : JsonConverter<ProposalStatistics>
{
    internal static readonly ProposalStatisticsJsonConverter Instance = new();

    public override ProposalStatistics Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "proposal statistics");
        Committee? committee = null;
        ReportingPeriod? period = null;
        List<KeyValuePair<Measure, Bounds>>? counts = null;
        List<KeyValuePair<Measure, decimal>>? statedRates = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "committee":
                    JsonRead.Once(ref seen, 1, name);
                    committee = JsonRead.Property(ref reader, name, TextJsonConverter<Committee>.Instance, options);
                    break;
                case "period":
                    JsonRead.Once(ref seen, 2, name);
                    period = JsonRead.Property(ref reader, name, TextJsonConverter<ReportingPeriod>.Instance, options);
                    break;
                case "counts":
                    JsonRead.Once(ref seen, 4, name);
                    try
                    {
                        counts = ReadMap(ref reader, CountJsonConverter.Instance, options);
                    }
                    catch (JsonReadException ex)
                    {
                        throw ex.Below(".counts");
                    }

                    break;
                case "stated_rates":
                    JsonRead.Once(ref seen, 8, name);
                    try
                    {
                        statedRates = ReadMap(ref reader, DecimalJsonConverter.Instance, options);
                    }
                    catch (JsonReadException ex)
                    {
                        throw ex.Below(".stated_rates");
                    }

                    break;
                default:
                    throw JsonRead.Unknown(name, "proposal statistics (committee, period, counts, stated_rates)");
            }
        }

        var c = committee ?? throw JsonRead.Missing("committee", "Proposal statistics");
        var p = period ?? throw JsonRead.Missing("period", "Proposal statistics");
        var list = counts ?? throw JsonRead.Missing("counts", "Proposal statistics");
        var rates = statedRates ?? [];
        return JsonRead.Build(() => ProposalStatistics.Restore(c, p, list, rates), "set of proposal statistics");
    }

    /// <summary>Reads an object keyed by measure identifier.</summary>
    internal static List<KeyValuePair<Measure, T>> ReadMap<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "an object keyed by measure");
        var list = new List<KeyValuePair<Measure, T>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            if (!names.Add(name))
            {
                throw JsonRead.Duplicate(name);
            }

            if (!Measure.IsWellFormed(name))
            {
                throw JsonRead.Error($"'{name}' is not a measure identifier (dot-separated lower-case segments such as proposals.filed)").Below(JsonRead.Segment(name));
            }

            var item = JsonRead.Property(ref reader, name, converter, options);
            list.Add(new KeyValuePair<Measure, T>(new Measure(name), item));
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, ProposalStatistics value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("committee", value.Committee.ToString());
        writer.WriteString("period", value.Period.ToString());
        writer.WriteStartObject("counts");
        var measures = new List<Measure>(value.Counts.Keys);
        measures.Sort();
        foreach (var measure in measures)
        {
            writer.WritePropertyName(measure.Id);
            CountJsonConverter.Instance.Write(writer, value.Counts[measure], options);
        }

        writer.WriteEndObject();
        if (value.StatedRates.Count > 0)
        {
            writer.WriteStartObject("stated_rates");
            var rates = new List<Measure>(value.StatedRates.Keys);
            rates.Sort();
            foreach (var rate in rates)
            {
                writer.WriteNumber(rate.Id, value.StatedRates[rate]);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}

/// <summary>
/// <see cref="RateDefinition"/> as <c>{"measure":"rate.adoption_including_planned","numerator":["proposals.outcome_a",
/// "proposals.outcome_b"],"denominator":"proposals.filed"}</c>.
/// </summary>
internal sealed class RateDefinitionJsonConverter : JsonConverter<RateDefinition>
{
    internal static readonly RateDefinitionJsonConverter Instance = new();

    public override RateDefinition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a rate definition");
        Measure? measure = null;
        List<Measure>? numerator = null;
        Measure? denominator = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "measure":
                    JsonRead.Once(ref seen, 1, name);
                    measure = JsonRead.Property(ref reader, name, TextJsonConverter<Measure>.Instance, options);
                    break;
                case "numerator":
                    JsonRead.Once(ref seen, 2, name);
                    numerator = ReadMeasures(ref reader, name, options);
                    break;
                case "denominator":
                    JsonRead.Once(ref seen, 4, name);
                    denominator = JsonRead.Property(ref reader, name, TextJsonConverter<Measure>.Instance, options);
                    break;
                default:
                    throw JsonRead.Unknown(name, "a rate definition (measure, numerator, denominator)");
            }
        }

        var m = measure ?? throw JsonRead.Missing("measure", "A rate definition");
        var n = numerator ?? throw JsonRead.Missing("numerator", "A rate definition");
        var d = denominator ?? throw JsonRead.Missing("denominator", "A rate definition");
        return JsonRead.Build(() => new RateDefinition(m, n, d), "rate definition");
    }

    internal static List<Measure> ReadMeasures(ref Utf8JsonReader reader, string name, JsonSerializerOptions options)
    {
        try
        {
            JsonRead.StartArray(ref reader, "a list of measures");
        }
        catch (JsonReadException ex)
        {
            throw ex.Below("." + name);
        }

        var list = new List<Measure>();
        while (JsonRead.NextElement(ref reader))
        {
            try
            {
                list.Add(JsonRead.Element(ref reader, list.Count, TextJsonConverter<Measure>.Instance, options));
            }
            catch (JsonReadException ex)
            {
                throw ex.Below("." + name);
            }
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, RateDefinition value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("measure", value.Measure.Id);
        writer.WriteStartArray("numerator");
        foreach (var m in value.Numerator)
        {
            writer.WriteStringValue(m.Id);
        }

        writer.WriteEndArray();
        writer.WriteString("denominator", value.Denominator.Id);
        writer.WriteEndObject();
    }
}

/// <summary>
/// <see cref="RateOptions"/> as <c>{"downstream_base":"filed","satisfaction_counting":
/// "satisfied_and_basically_satisfied","satisfaction_base":"feedback"}</c>; a missing choice takes its default.
/// </summary>
internal sealed class RateOptionsJsonConverter : JsonConverter<RateOptions>
{
    internal static readonly RateOptionsJsonConverter Instance = new();

    public override RateOptions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "rate options");
        var result = RateOptions.Default;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "downstream_base":
                    JsonRead.Once(ref seen, 1, name);
                    result = result with { DownstreamBase = JsonRead.Property(ref reader, name, EnumJsonConverter<DownstreamBase>.Instance, options) };
                    break;
                case "satisfaction_counting":
                    JsonRead.Once(ref seen, 2, name);
                    result = result with { SatisfactionCounting = JsonRead.Property(ref reader, name, EnumJsonConverter<SatisfactionCounting>.Instance, options) };
                    break;
                case "satisfaction_base":
                    JsonRead.Once(ref seen, 4, name);
                    result = result with { SatisfactionBase = JsonRead.Property(ref reader, name, EnumJsonConverter<SatisfactionBase>.Instance, options) };
                    break;
                default:
                    throw JsonRead.Unknown(name, "rate options (downstream_base, satisfaction_counting, satisfaction_base)");
            }
        }

        return result;
    }

    public override void Write(Utf8JsonWriter writer, RateOptions value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("downstream_base", EnumJsonConverter<DownstreamBase>.ToWord(value.DownstreamBase));
        writer.WriteString("satisfaction_counting", EnumJsonConverter<SatisfactionCounting>.ToWord(value.SatisfactionCounting));
        writer.WriteString("satisfaction_base", EnumJsonConverter<SatisfactionBase>.ToWord(value.SatisfactionBase));
        writer.WriteEndObject();
    }
}
