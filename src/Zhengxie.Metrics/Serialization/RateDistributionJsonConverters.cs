using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Serialization;

/// <summary><see cref="CommitteeRate"/> as <c>{"committee":"330324","rate":{"numerator":176,"denominator":178}}</c>.</summary>
internal sealed class CommitteeRateJsonConverter : JsonConverter<CommitteeRate>
{
    internal static readonly CommitteeRateJsonConverter Instance = new();

    public override CommitteeRate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var (rank, committee, rate) = RankedCommitteeJsonConverter.ReadParts(ref reader, options, false);
        _ = rank;
        return new CommitteeRate(committee, rate);
    }

    public override void Write(Utf8JsonWriter writer, CommitteeRate value, JsonSerializerOptions options) =>
        RankedCommitteeJsonConverter.WriteParts(writer, null, value.Committee, value.Rate, options);
}

/// <summary><see cref="RankedCommittee"/> as <c>{"rank":1,"committee":"330324","rate":{…}}</c>.</summary>
internal sealed class RankedCommitteeJsonConverter : JsonConverter<RankedCommittee>
{
    internal static readonly RankedCommitteeJsonConverter Instance = new();

    public override RankedCommittee Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var (rank, committee, rate) = ReadParts(ref reader, options, true);
        return new RankedCommittee(rank, committee, rate);
    }

    public override void Write(Utf8JsonWriter writer, RankedCommittee value, JsonSerializerOptions options) =>
        WriteParts(writer, value.Rank, value.Committee, value.Rate, options);

    internal static (int Rank, Committee Committee, Rate Rate) ReadParts(ref Utf8JsonReader reader, JsonSerializerOptions options, bool ranked)
    {
        string what = ranked ? "a ranked committee" : "a committee's rate";
        JsonRead.StartObject(ref reader, what);
        int? rank = null;
        Committee? committee = null;
        Rate? rate = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "rank" when ranked:
                    JsonRead.Once(ref seen, 1, name);
                    rank = JsonRead.Int32Property(ref reader, name);
                    if (rank < 1)
                    {
                        throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"a rank is 1 or more, found {rank}")).Below(".rank");
                    }

                    break;
                case "committee":
                    JsonRead.Once(ref seen, 2, name);
                    committee = JsonRead.Property(ref reader, name, TextJsonConverter<Committee>.Instance, options);
                    break;
                case "rate":
                    JsonRead.Once(ref seen, 4, name);
                    rate = JsonRead.Property(ref reader, name, RateJsonConverter.Instance, options);
                    break;
                default:
                    throw JsonRead.Unknown(name, what + (ranked ? " (rank, committee, rate)" : " (committee, rate)"));
            }
        }

        string upper = char.ToUpperInvariant(what[0]) + what[1..];
        return (
            ranked ? rank ?? throw JsonRead.Missing("rank", upper) : 0,
            committee ?? throw JsonRead.Missing("committee", upper),
            rate ?? throw JsonRead.Missing("rate", upper));
    }

    internal static void WriteParts(Utf8JsonWriter writer, int? rank, Committee committee, Rate rate, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (rank is { } r)
        {
            writer.WriteNumber("rank", r);
        }

        writer.WritePropertyName("committee");
        TextJsonConverter<Committee>.Instance.Write(writer, committee, options);
        writer.WritePropertyName("rate");
        RateJsonConverter.Instance.Write(writer, rate, options);
        writer.WriteEndObject();
    }
}

/// <summary>
/// <see cref="RateDistribution"/> as <c>{"group":{key},"period":"2020","definition":{rate definition},"group_size":15,
/// "count":3,"mean":0.9,"median":0.95,"entries":[{"committee":…,"rate":…}],"excluded":[…]}</c>. <c>entries</c> (highest
/// first) and <c>excluded</c> are the data; <c>count</c>, <c>mean</c> and <c>median</c> are derived and written for
/// readers (<c>null</c> when there are no entries); on reading they may be left out, and when present must equal
/// the derived ones. The ranking is derived from the entries.
/// </summary>
internal sealed class RateDistributionJsonConverter : JsonConverter<RateDistribution>
{
    internal static readonly RateDistributionJsonConverter Instance = new();

    public override RateDistribution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a rate distribution");
        GroupKey? group = null;
        ReportingPeriod? period = null;
        RateDefinition? definition = null;
        int? size = null;
        List<CommitteeRate>? entries = null, excluded = null;
        var stated = new List<(string Name, decimal? Value)>();
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "group":
                    JsonRead.Once(ref seen, 1, name);
                    group = JsonRead.Property(ref reader, name, GroupKeyJsonConverter.Instance, options);
                    break;
                case "period":
                    JsonRead.Once(ref seen, 2, name);
                    period = JsonRead.Property(ref reader, name, TextJsonConverter<ReportingPeriod>.Instance, options);
                    break;
                case "definition":
                    JsonRead.Once(ref seen, 4, name);
                    definition = JsonRead.Property(ref reader, name, RateDefinitionJsonConverter.Instance, options);
                    break;
                case "group_size":
                    JsonRead.Once(ref seen, 8, name);
                    size = JsonRead.Int32Property(ref reader, name);
                    break;
                case "entries":
                    JsonRead.Once(ref seen, 16, name);
                    entries = JsonRead.ArrayProperty(ref reader, name, CommitteeRateJsonConverter.Instance, options);
                    break;
                case "excluded":
                    JsonRead.Once(ref seen, 32, name);
                    excluded = JsonRead.ArrayProperty(ref reader, name, CommitteeRateJsonConverter.Instance, options);
                    break;
                case "count":
                case "mean":
                case "median":
                    JsonRead.Once(ref seen, name switch { "count" => 64, "mean" => 128, _ => 256 }, name);
                    stated.Add((name, JsonRead.NullableProperty(ref reader, name, DecimalJsonConverter.Instance, options)));
                    break;
                default:
                    throw JsonRead.Unknown(name, "a rate distribution (group, period, definition, group_size, count, mean, median, entries, excluded)");
            }
        }

        const string What = "A rate distribution";
        var g = group ?? throw JsonRead.Missing("group", What);
        var p = period ?? throw JsonRead.Missing("period", What);
        var d = definition ?? throw JsonRead.Missing("definition", What);
        int n = size ?? throw JsonRead.Missing("group_size", What);
        var e = entries ?? throw JsonRead.Missing("entries", What);
        var x = excluded ?? [];
        var committees = new HashSet<Committee>();
        Check(e, "entries", true, committees);
        Check(x, "excluded", false, committees);
        if (n < committees.Count)
        {
            throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"the group size {n} is less than the {committees.Count} committees listed")).Below(".group_size");
        }

        var result = new RateDistribution(g, p, d, n, e, x);
        foreach (var (name, value) in stated)
        {
            decimal? derived = name switch { "count" => result.Count, "mean" => result.Mean, _ => result.Median };
            if (value != derived)
            {
                throw JsonRead.Error($"'{name}' is {Show(value)} but the entries give {Show(derived)}").Below("." + name);
            }
        }

        return result;
    }

    private static void Check(List<CommitteeRate> list, string property, bool exact, HashSet<Committee> committees)
    {
        for (int i = 0; i < list.Count; i++)
        {
            string at = "." + property + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (!committees.Add(list[i].Committee))
            {
                throw JsonRead.Error($"committee {list[i].Committee} is listed twice").Below(at);
            }

            if (exact != list[i].Rate.Value.HasValue)
            {
                throw JsonRead.Error(exact
                    ? $"an entry's rate has an exact value; {list[i].Rate} has none (list it under 'excluded')"
                    : $"an excluded rate has no exact value; {list[i].Rate} has one (list it under 'entries')").Below(at + ".rate");
            }
        }
    }

    private static string Show(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";

    public override void Write(Utf8JsonWriter writer, RateDistribution value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName("group");
        GroupKeyJsonConverter.Instance.Write(writer, value.Group, options);
        writer.WritePropertyName("period");
        TextJsonConverter<ReportingPeriod>.Instance.Write(writer, value.Period, options);
        writer.WritePropertyName("definition");
        RateDefinitionJsonConverter.Instance.Write(writer, value.Definition, options);
        writer.WriteNumber("group_size", value.GroupSize);
        writer.WriteNumber("count", value.Count);
        WriteNullable(writer, "mean", value.Mean);
        WriteNullable(writer, "median", value.Median);
        WriteList(writer, "entries", value.Entries, options);
        WriteList(writer, "excluded", value.Excluded, options);
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<CommitteeRate> list, JsonSerializerOptions options)
    {
        writer.WriteStartArray(name);
        foreach (var e in list)
        {
            CommitteeRateJsonConverter.Instance.Write(writer, e, options);
        }

        writer.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
