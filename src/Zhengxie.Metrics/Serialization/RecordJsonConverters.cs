using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Serialization;

/// <summary><see cref="ProposalRecord"/> as <c>{"id":"2022-017","committee":"330324","period":"2022","submitted":"2022-01-10", "proposer_kind":"joint","decision":"filed","filed_on":…,"lead_unit":…,"co_units":[…],"answer":…,"feedback":…,"is_key":true}</c>. The first six are always written, the rest left out when absent and read as absent when missing or null; each property's own checks apply (a converter, so their rejection names the property's path).</summary>
internal sealed class ProposalRecordJsonConverter : ObjectJsonConverter<ProposalRecord>
{
    protected override ProposalRecord Read(JsonFields json) =>
        new(json.Get<string>("id"), json.Get<Committee>("committee"), json.Get<ReportingPeriod>("period"), json.Get<LocalDate>("submitted"))
        {
            ProposerKind = json.Opt("proposer_kind", ProposerKind.Individual),
            Decision = json.Opt("decision", FilingDecision.UnderReview),
            FiledOn = json.Opt<LocalDate?>("filed_on", null),
            MergedInto = json.Opt<string?>("merged_into", null),
            HandedOverOn = json.Opt<LocalDate?>("handed_over_on", null),
            LeadUnit = json.Opt<string?>("lead_unit", null),
            CoUnits = json.Opt<List<string>>("co_units", []),
            RepliedOn = json.Opt<LocalDate?>("replied_on", null),
            ExtendedUntil = json.Opt<LocalDate?>("extended_until", null),
            Answer = json.Opt<AnswerClass?>("answer", null),
            Feedback = json.Opt("feedback", Feedback.None),
            IsKey = json.Opt("is_key", false),
        };
    protected override void Write(JsonFieldWriter json, ProposalRecord value) => json
        .Add("id", value.Id).Add("committee", value.Committee).Add("period", value.Period).Add("submitted", value.Submitted)
        .Add("proposer_kind", value.ProposerKind).Add("decision", value.Decision).Opt("filed_on", value.FiledOn).Opt("merged_into", value.MergedInto)
        .Opt("handed_over_on", value.HandedOverOn).Opt("lead_unit", value.LeadUnit).If(value.CoUnits.Count > 0, "co_units", value.CoUnits)
        .Opt("replied_on", value.RepliedOn).Opt("extended_until", value.ExtendedUntil).Opt("answer", value.Answer)
        .If(value.Feedback != Feedback.None, "feedback", value.Feedback).If(value.IsKey, "is_key", true);
}

/// <summary><see cref="HandlingPolicy"/> as <c>{"reply_deadline":"P3M","clock_start":"handover","maximum_extension":"P6M"}</c>; a missing option takes its default; checked with <see cref="HandlingPolicy.Validate"/> (whose rejection names the option).</summary>
internal sealed class HandlingPolicyJsonConverter : ObjectJsonConverter<HandlingPolicy>
{
    protected override HandlingPolicy Read(JsonFields json) => new HandlingPolicy
    {
        ReplyDeadline = json.Opt("reply_deadline", HandlingPolicy.Default.ReplyDeadline),
        ClockStart = json.Opt("clock_start", HandlingPolicy.Default.ClockStart),
        MaximumExtension = json.Opt("maximum_extension", HandlingPolicy.Default.MaximumExtension),
    }.Validate();
    protected override void Write(JsonFieldWriter json, HandlingPolicy value) =>
        json.Add("reply_deadline", value.ReplyDeadline).Add("clock_start", value.ClockStart).Add("maximum_extension", value.MaximumExtension);
}

/// <summary><see cref="RecordStatisticsTable"/> as the array of its rows, each a <see cref="ProposalStatistics"/> with the table's exact counts (<see cref="RecordStatisticsTable.CountMeasures"/>) and no stated rates, sorted by committee, then period.</summary>
internal sealed class RecordStatisticsTableJsonConverter : ArrayJsonConverter<RecordStatisticsTable, ProposalStatistics>
{
    protected override IEnumerable<ProposalStatistics> Items(RecordStatisticsTable value) => value;
    protected override RecordStatisticsTable Create(List<ProposalStatistics> items)
    {
        var measures = RecordStatisticsTable.CountMeasures;
        var committees = new Committee[items.Count];
        var periods = new ReportingPeriod[items.Count];
        var index = new Dictionary<(Committee, ReportingPeriod), int>(items.Count);
        var counts = new long[checked(items.Count * measures.Count)];
        for (int r = 0; r < items.Count; r++)
        {
            var row = items[r];
            // Paths and messages are interpolated handlers: formatted only when a check fails.
            JsonRead.CheckAt(row.StatedRates.Count == 0, $"[{r}].stated_rates", $"a row of a record statistics table has no stated rates");
            foreach (var m in row.Counts.Keys)
            {
                JsonRead.CheckAt(((ICollection<Measure>)measures).Contains(m), $"[{r}].counts{JsonRead.Segment(m.Id)}", $"'{m}' is not a count of a record statistics table (only {string.Join(", ", measures)})");
            }

            for (int m = 0; m < measures.Count; m++)
            {
                JsonRead.CheckAt(row.Counts.TryGetValue(measures[m], out var count), $"[{r}].counts", $"a row of a record statistics table needs every count of the table; missing {measures[m]}");
                JsonRead.CheckAt(count.IsExact, $"[{r}].counts{JsonRead.Segment(measures[m].Id)}", $"a record statistics table has exact counts only, found {count}");
                counts[(r * measures.Count) + m] = count.Lower;
            }

            (committees[r], periods[r]) = (row.Committee, row.Period);
            int order = r == 0 ? -1 : committees[r - 1] != row.Committee ? committees[r - 1].CompareTo(row.Committee) : periods[r - 1].CompareTo(row.Period);
            JsonRead.CheckAt(order != 0, $"[{r}]", $"committee {row.Committee}, period {row.Period} appears twice");
            JsonRead.CheckAt(order < 0, $"[{r}]", $"the rows must be sorted by committee, then period: {row.Committee} {row.Period} comes after {(r > 0 ? committees[r - 1] + " " + periods[r - 1] : string.Empty)}");
            index.Add((row.Committee, row.Period), r);
        }

        return new RecordStatisticsTable(committees, periods, index, counts);
    }
}

/// <summary><see cref="DaysToReplyDistribution"/> as <c>{"count":4,"minimum":10,"maximum":80,"median":45,"percentile90":71.9,"days":[10,40,50,80]}</c>: <c>days</c> is the data (any order, none negative); the statistics are derived, optional on reading and checked when present.</summary>
internal sealed class DaysToReplyDistributionJsonConverter : ObjectJsonConverter<DaysToReplyDistribution>
{
    protected override DaysToReplyDistribution Read(JsonFields json)
    {
        var days = json.Get<List<int>>("days");
        int bad = days.FindIndex(d => d < 0);
        json.CheckAt(bad < 0, $".days[{bad}]", $"a number of days to reply must not be negative, found {(bad < 0 ? 0 : days[bad])}");
        var result = new DaysToReplyDistribution([.. days]);
        json.Derived("count", result.Count, "days");
        json.Derived("minimum", result.Minimum, "days");
        json.Derived("maximum", result.Maximum, "days");
        json.Derived("median", result.Median, "days");
        json.Derived("percentile90", result.Percentile90, "days");
        return result;
    }

    protected override void Write(JsonFieldWriter json, DaysToReplyDistribution value) => json.Add("count", value.Count).Add("minimum", value.Minimum)
        .Add("maximum", value.Maximum).Add("median", value.Median).Add("percentile90", value.Percentile90).Add("days", value.Days);
}

/// <summary><see cref="RecordStatisticsRow"/>, write-only: <c>{"committee":"330324","committee_name":"永嘉县","period":"2022","statistics":{…}}</c>. A row is a view of its table: read the table, or the row's statistics.</summary>
internal sealed class RecordStatisticsRowJsonConverter : JsonConverter<RecordStatisticsRow>
{
    public override RecordStatisticsRow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A RecordStatisticsRow is a view of its table and is not read back: read the RecordStatisticsTable, or the row's ProposalStatistics.");
    public override void Write(Utf8JsonWriter writer, RecordStatisticsRow value, JsonSerializerOptions options) => new JsonFieldWriter(writer, JsonRead.Options(options))
        .Object(value, (w, r) => w.Add("committee", r.Committee).Add("committee_name", r.CommitteeName).Add("period", r.Period).Add("statistics", r.Statistics));
}
