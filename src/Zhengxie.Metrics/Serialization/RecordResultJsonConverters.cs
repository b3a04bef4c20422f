using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Serialization;

/// <summary>
/// <see cref="RecordStatisticsTable"/> as the array of its rows, each a <see cref="ProposalStatistics"/> object
/// with the table's 15 exact counts (<see cref="RecordStatisticsTable.CountMeasures"/>). Reading rebuilds the
/// table: every row must have exactly those counts, exact, and no stated rates, and the rows must be sorted by
/// committee, then period, each committee-period once.
/// </summary>
internal sealed class RecordStatisticsTableJsonConverter : JsonConverter<RecordStatisticsTable>
{
    internal static readonly RecordStatisticsTableJsonConverter Instance = new();

    public override RecordStatisticsTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var rows = JsonRead.ReadArray(ref reader, "a record statistics table", ProposalStatisticsJsonConverter.Instance, options);
        var measures = RecordStatisticsTable.CountMeasures;
        var committees = new Committee[rows.Count];
        var periods = new ReportingPeriod[rows.Count];
        var index = new Dictionary<(Committee, ReportingPeriod), int>(rows.Count);
        var counts = new long[checked(rows.Count * measures.Count)];
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            string at = "[" + r.ToString(CultureInfo.InvariantCulture) + "]";
            if (row.StatedRates.Count > 0)
            {
                throw JsonRead.Error("a row of a record statistics table has no stated rates").Below(at + ".stated_rates");
            }

            if (row.Counts.Count != measures.Count)
            {
                var missing = new List<string>();
                foreach (var m in measures)
                {
                    if (!row.Counts.ContainsKey(m))
                    {
                        missing.Add(m.Id);
                    }
                }

                throw JsonRead.Error(missing.Count > 0
                    ? "a row of a record statistics table needs every count of the table; missing " + string.Join(", ", missing)
                    : "a row of a record statistics table has only the counts " + string.Join(", ", measures)).Below(at + ".counts");
            }

            for (int m = 0; m < measures.Count; m++)
            {
                if (!row.Counts.TryGetValue(measures[m], out var count))
                {
                    throw JsonRead.Error($"'{FirstExtra(row, measures)}' is not a count of a record statistics table (only {string.Join(", ", measures)})").Below(at + ".counts");
                }

                if (!count.IsExact)
                {
                    throw JsonRead.Error($"a record statistics table has exact counts only, found {count}").Below(at + ".counts" + JsonRead.Segment(measures[m].Id));
                }

                counts[(r * measures.Count) + m] = count.Lower;
            }

            committees[r] = row.Committee;
            periods[r] = row.Period;
            if (r > 0)
            {
                int order = committees[r - 1] != row.Committee ? committees[r - 1].CompareTo(row.Committee) : periods[r - 1].CompareTo(row.Period);
                if (order >= 0)
                {
                    throw JsonRead.Error(order == 0
                        ? $"committee {row.Committee}, period {row.Period} appears twice"
                        : $"the rows must be sorted by committee, then period: {row.Committee} {row.Period} comes after {committees[r - 1]} {periods[r - 1]}").Below(at);
                }
            }

            index.Add((row.Committee, row.Period), r);
        }

        return new RecordStatisticsTable(committees, periods, index, counts);
    }

    private static string FirstExtra(ProposalStatistics row, IReadOnlyList<Measure> measures)
    {
        var sorted = new List<Measure>(row.Counts.Keys);
        sorted.Sort();
        foreach (var m in sorted)
        {
            if (!((ICollection<Measure>)measures).Contains(m))
            {
                return m.Id;
            }
        }

        return string.Empty;
    }

    public override void Write(Utf8JsonWriter writer, RecordStatisticsTable value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var row in value)
        {
            ProposalStatisticsJsonConverter.Instance.Write(writer, row, options);
        }

        writer.WriteEndArray();
    }
}

/// <summary>
/// <see cref="OpenProposalCounts"/> as <c>{"committee":"330324","period":"2022","as_of":"2022-06-30","open":12,
/// "overdue":3,"awaiting_handover":1}</c>. Reading checks that no count is negative and that overdue and
/// awaiting-handover cases are at most the open ones.
/// </summary>
internal sealed class OpenProposalCountsJsonConverter : JsonConverter<OpenProposalCounts>
{
    internal static readonly OpenProposalCountsJsonConverter Instance = new();

    public override OpenProposalCounts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "open proposal counts");
        Committee? committee = null;
        ReportingPeriod? period = null;
        LocalDate? asOf = null;
        long? open = null, overdue = null, awaiting = null;
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
                case "as_of":
                    JsonRead.Once(ref seen, 4, name);
                    asOf = JsonRead.Property(ref reader, name, LocalDateJsonConverter.Instance, options);
                    break;
                case "open":
                    JsonRead.Once(ref seen, 8, name);
                    open = NonNegative(ref reader, name);
                    break;
                case "overdue":
                    JsonRead.Once(ref seen, 16, name);
                    overdue = NonNegative(ref reader, name);
                    break;
                case "awaiting_handover":
                    JsonRead.Once(ref seen, 32, name);
                    awaiting = NonNegative(ref reader, name);
                    break;
                default:
                    throw JsonRead.Unknown(name, "open proposal counts (committee, period, as_of, open, overdue, awaiting_handover)");
            }
        }

        const string What = "Open proposal counts";
        var c = committee ?? throw JsonRead.Missing("committee", What);
        var p = period ?? throw JsonRead.Missing("period", What);
        var d = asOf ?? throw JsonRead.Missing("as_of", What);
        long o = open ?? throw JsonRead.Missing("open", What);
        long late = overdue ?? throw JsonRead.Missing("overdue", What);
        long waiting = awaiting ?? throw JsonRead.Missing("awaiting_handover", What);
        if (late > o)
        {
            throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"committee {c}, period {p}: {late} overdue is more than the {o} open")).Below(".overdue");
        }

        if (waiting > o)
        {
            throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"committee {c}, period {p}: {waiting} awaiting handover is more than the {o} open")).Below(".awaiting_handover");
        }

        return new OpenProposalCounts(c, p, d, o, late, waiting);
    }

    internal static long NonNegative(ref Utf8JsonReader reader, string name)
    {
        long value = JsonRead.Int64Property(ref reader, name);
        return value >= 0
            ? value
            : throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"'{name}' must not be negative, found {value}")).Below(JsonRead.Segment(name));
    }

    public override void Write(Utf8JsonWriter writer, OpenProposalCounts value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("committee", value.Committee.ToString());
        writer.WriteString("period", value.Period.ToString());
        ProposalRecordJsonConverter.WriteDate(writer, "as_of", value.AsOf, options);
        writer.WriteNumber("open", value.Open);
        writer.WriteNumber("overdue", value.Overdue);
        writer.WriteNumber("awaiting_handover", value.AwaitingHandover);
        writer.WriteEndObject();
    }
}

/// <summary>
/// <see cref="DaysToReplyDistribution"/> as <c>{"count":4,"minimum":10,"maximum":80,"median":45,"percentile90":71.9,
/// "days":[10,40,50,80]}</c>. <c>days</c> is the data; the statistics are derived from it and written for readers
/// (<c>null</c> when there are no days). On reading only <c>days</c> is needed (whole numbers, not negative, in any
/// order); a statistic that is present must equal the one derived from the days.
/// </summary>
internal sealed class DaysToReplyDistributionJsonConverter : JsonConverter<DaysToReplyDistribution>
{
    internal static readonly DaysToReplyDistributionJsonConverter Instance = new();

    private sealed class DayConverter : JsonConverter<int>
    {
        internal static readonly DayConverter Instance = new();

        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            long value = JsonRead.GetInt64(ref reader, "a number of days");
            return value is >= 0 and <= int.MaxValue
                ? (int)value
                : throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"a number of days to reply must be from 0 to {int.MaxValue}, found {value}"));
        }

        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    public override DaysToReplyDistribution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a days-to-reply distribution");
        List<int>? days = null;
        var stated = new List<(string Name, decimal? Value)>();
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "days":
                    JsonRead.Once(ref seen, 1, name);
                    days = JsonRead.ArrayProperty(ref reader, name, DayConverter.Instance, options);
                    break;
                case "count":
                case "minimum":
                case "maximum":
                case "median":
                case "percentile90":
                    JsonRead.Once(ref seen, name switch { "count" => 2, "minimum" => 4, "maximum" => 8, "median" => 16, _ => 32 }, name);
                    stated.Add((name, JsonRead.NullableProperty(ref reader, name, DecimalJsonConverter.Instance, options)));
                    break;
                default:
                    throw JsonRead.Unknown(name, "a days-to-reply distribution (count, minimum, maximum, median, percentile90, days)");
            }
        }

        var list = days ?? throw JsonRead.Missing("days", "A days-to-reply distribution");
        var result = new DaysToReplyDistribution(list.ToArray());
        foreach (var (name, value) in stated)
        {
            decimal? derived = name switch
            {
                "count" => result.Count,
                "minimum" => result.Minimum,
                "maximum" => result.Maximum,
                "median" => result.Median,
                _ => result.Percentile90,
            };
            if (value != derived)
            {
                throw JsonRead.Error(string.Create(CultureInfo.InvariantCulture, $"'{name}' is {Show(value)} but the days give {Show(derived)}")).Below("." + name);
            }
        }

        return result;
    }

    private static string Show(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";

    public override void Write(Utf8JsonWriter writer, DaysToReplyDistribution value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("count", value.Count);
        WriteNullable(writer, "minimum", value.Minimum);
        WriteNullable(writer, "maximum", value.Maximum);
        WriteNullable(writer, "median", value.Median);
        WriteNullable(writer, "percentile90", value.Percentile90);
        writer.WriteStartArray("days");
        foreach (int d in value.Days)
        {
            writer.WriteNumberValue(d);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
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

/// <summary><see cref="HandlingUnitStatistics"/> as <c>{"unit":"县教育局","role":"lead","statistics":{…}}</c>.</summary>
internal sealed class HandlingUnitStatisticsJsonConverter : JsonConverter<HandlingUnitStatistics>
{
    internal static readonly HandlingUnitStatisticsJsonConverter Instance = new();

    public override HandlingUnitStatistics Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "handling-unit statistics");
        string? unit = null;
        HandlingRole? role = null;
        ProposalStatistics? statistics = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "unit":
                    JsonRead.Once(ref seen, 1, name);
                    unit = JsonRead.RequiredString(ref reader, name);
                    if (string.IsNullOrWhiteSpace(unit))
                    {
                        throw JsonRead.Error("a handling unit's name must not be empty").Below(".unit");
                    }

                    break;
                case "role":
                    JsonRead.Once(ref seen, 2, name);
                    role = JsonRead.Property(ref reader, name, EnumJsonConverter<HandlingRole>.Instance, options);
                    break;
                case "statistics":
                    JsonRead.Once(ref seen, 4, name);
                    statistics = JsonRead.Property(ref reader, name, ProposalStatisticsJsonConverter.Instance, options);
                    break;
                default:
                    throw JsonRead.Unknown(name, "handling-unit statistics (unit, role, statistics)");
            }
        }

        const string What = "Handling-unit statistics";
        return new HandlingUnitStatistics(
            unit ?? throw JsonRead.Missing("unit", What),
            role ?? throw JsonRead.Missing("role", What),
            statistics ?? throw JsonRead.Missing("statistics", What));
    }

    public override void Write(Utf8JsonWriter writer, HandlingUnitStatistics value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("unit", value.Unit);
        writer.WriteString("role", EnumJsonConverter<HandlingRole>.ToWord(value.Role));
        writer.WritePropertyName("statistics");
        ProposalStatisticsJsonConverter.Instance.Write(writer, value.Statistics, options);
        writer.WriteEndObject();
    }
}

/// <summary>
/// <see cref="KeyProposalBreakdown"/> as <c>{"key":{…},"other":{…}}</c>, two <see cref="ProposalStatistics"/>
/// objects of the same committee and period.
/// </summary>
internal sealed class KeyProposalBreakdownJsonConverter : JsonConverter<KeyProposalBreakdown>
{
    internal static readonly KeyProposalBreakdownJsonConverter Instance = new();

    public override KeyProposalBreakdown Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a key-proposal breakdown");
        ProposalStatistics? key = null, other = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "key":
                    JsonRead.Once(ref seen, 1, name);
                    key = JsonRead.Property(ref reader, name, ProposalStatisticsJsonConverter.Instance, options);
                    break;
                case "other":
                    JsonRead.Once(ref seen, 2, name);
                    other = JsonRead.Property(ref reader, name, ProposalStatisticsJsonConverter.Instance, options);
                    break;
                default:
                    throw JsonRead.Unknown(name, "a key-proposal breakdown (key, other)");
            }
        }

        var k = key ?? throw JsonRead.Missing("key", "A key-proposal breakdown");
        var o = other ?? throw JsonRead.Missing("other", "A key-proposal breakdown");
        if (k.Committee != o.Committee || k.Period != o.Period)
        {
            throw JsonRead.Error($"both halves of a key-proposal breakdown have one committee and period; 'key' is {k.Committee} {k.Period} and 'other' {o.Committee} {o.Period}").Below(".other");
        }

        return new KeyProposalBreakdown(k, o);
    }

    public override void Write(Utf8JsonWriter writer, KeyProposalBreakdown value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName("key");
        ProposalStatisticsJsonConverter.Instance.Write(writer, value.Key, options);
        writer.WritePropertyName("other");
        ProposalStatisticsJsonConverter.Instance.Write(writer, value.Other, options);
        writer.WriteEndObject();
    }
}
