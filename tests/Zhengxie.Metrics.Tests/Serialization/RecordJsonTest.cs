using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CsCheck;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Tests.Serialization;

/// <summary>Proposal records, handling policies and the record result types in JSON: round trips, the pinned format, and errors.</summary>
public class RecordJsonTest
{
    private static readonly Committee Yongjia = new(new RegionCode(330324));
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.CalendarYear(2022);

    private static T RoundTrip<T>(T value)
    {
        string json = ZhengxieJson.Serialize(value);
        var back = ZhengxieJson.Deserialize<T>(json);
        ZhengxieJson.Serialize(back).Should().Be(json, "writing what was read gives the same JSON");
        return back;
    }

    private static JsonException Read<T>(string json) =>
        FluentActions.Invoking(() => ZhengxieJson.Deserialize<T>(json)).Should().Throw<JsonException>().Which;

    // ---- Round trips -------------------------------------------------------------------------

    [Fact]
    public void Records_round_trip() =>
        RecordJsonGenerators.AnyRecord.Sample(r => RecordJsonGenerators.AssertSameRecord(r, RoundTrip(r)));

    [Fact]
    public void Lists_of_records_round_trip() =>
        RecordJsonGenerators.AnyRecord.List[0, 10].Sample(
            records =>
            {
                var back = RoundTrip(records);
                back.Should().HaveCount(records.Count);
                for (int i = 0; i < records.Count; i++)
                {
                    RecordJsonGenerators.AssertSameRecord(records[i], back[i]);
                }

                var array = ZhengxieJson.Deserialize<ProposalRecord[]>(ZhengxieJson.Serialize(records.ToArray()));
                array.Select(r => r.Id).Should().Equal(records.Select(r => r.Id));
            },
            iter: 100);

    [Fact]
    public void Policies_round_trip() =>
        RecordJsonGenerators.Policy.Sample(p => RecordJsonGenerators.AssertSamePolicy(p, RoundTrip(p)));

    [Fact]
    public void Record_sets_rebuilt_from_json_give_the_same_statistics() =>
        RecordJsonGenerators.RecordSet.Sample(
            set =>
            {
                // Records and policy are the data; a set is rebuilt from them.
                var table = set.ComputeAll();
                var back = RoundTrip(table);
                back.Count.Should().Be(table.Count);
                for (int i = 0; i < table.Count; i++)
                {
                    RecordJsonGenerators.AssertSameStatistics(table[i], back[i]);
                    back.GetCommittee(i).Should().Be(table.GetCommittee(i));
                    back.GetPeriod(i).Should().Be(table.GetPeriod(i));
                    foreach (var m in RecordStatisticsTable.CountMeasures)
                    {
                        back.GetCount(i, m).Should().Be(table.GetCount(i, m));
                    }

                    back.TryGet(table.GetCommittee(i), table.GetPeriod(i), out var row).Should().BeTrue();
                    RecordJsonGenerators.AssertSameStatistics(table[i], row!);
                }
            },
            iter: 100);

    [Fact]
    public void Record_result_types_round_trip() =>
        Gen.Select(RecordJsonGenerators.RecordSet, Gen.Int[0, 1100].Select(d => new LocalDate(2021, 1, 1).PlusDays(d))).Sample(
            (set, asOf) =>
            {
                var open = set.OpenAsOf(asOf);
                var openBack = RoundTrip(open);
                openBack.Should().HaveCount(open.Count);
                for (int i = 0; i < open.Count; i++)
                {
                    openBack[i].Should().BeEquivalentTo(open[i]);
                }

                foreach (var (committee, period) in set.CommitteePeriods)
                {
                    var days = set.DaysToReply(committee, period);
                    var daysBack = RoundTrip(days);
                    daysBack.Days.Should().Equal(days.Days);
                    daysBack.Median.Should().Be(days.Median);
                    daysBack.Percentile90.Should().Be(days.Percentile90);

                    var units = set.ByHandlingUnit(committee, period);
                    var unitsBack = RoundTrip(units);
                    unitsBack.Should().HaveCount(units.Count);
                    for (int i = 0; i < units.Count; i++)
                    {
                        unitsBack[i].Unit.Should().Be(units[i].Unit);
                        unitsBack[i].Role.Should().Be(units[i].Role);
                        RecordJsonGenerators.AssertSameStatistics(units[i].Statistics, unitsBack[i].Statistics);
                    }

                    var key = set.ByKeyFlag(committee, period);
                    var keyBack = RoundTrip(key);
                    RecordJsonGenerators.AssertSameStatistics(key.Key, keyBack.Key);
                    RecordJsonGenerators.AssertSameStatistics(key.Other, keyBack.Other);
                }
            },
            iter: 50);

    [Fact]
    public void Record_enums_round_trip()
    {
        Gen.OneOf(Enum.GetValues<ProposerKind>()).Sample(v => RoundTrip(v).Should().Be(v));
        Gen.OneOf(Enum.GetValues<FilingDecision>()).Sample(v => RoundTrip(v).Should().Be(v));
        Gen.OneOf(Enum.GetValues<AnswerClass>()).Nullable().Sample(v => RoundTrip(v).Should().Be(v));
        Gen.OneOf(Enum.GetValues<Feedback>()).Sample(v => RoundTrip(v).Should().Be(v));
        Gen.OneOf(Enum.GetValues<ClockStart>()).Sample(v => RoundTrip(v).Should().Be(v));
        Gen.OneOf(Enum.GetValues<HandlingRole>()).Sample(v => RoundTrip(v).Should().Be(v));
    }

    // ---- The pinned format -------------------------------------------------------------------

    private static ProposalRecord Replied() => new("2022-017", Yongjia, Y2022, new LocalDate(2022, 1, 10))
    {
        ProposerKind = ProposerKind.Joint,
        Decision = FilingDecision.Filed,
        FiledOn = new LocalDate(2022, 1, 20),
        HandedOverOn = new LocalDate(2022, 2, 1),
        LeadUnit = "县教育局",
        CoUnits = ["县财政局", "县住建局"],
        RepliedOn = new LocalDate(2022, 4, 20),
        ExtendedUntil = new LocalDate(2022, 5, 31),
        Answer = AnswerClass.SolvedOrAdopted,
        Feedback = Feedback.BasicallySatisfied,
        IsKey = true,
    };

    [Fact]
    public void A_record_is_written_in_snake_case_with_iso_dates_and_words()
    {
        ZhengxieJson.Serialize(Replied()).Should().Be(
            "{\"id\":\"2022-017\",\"committee\":\"330324\",\"period\":\"2022\",\"submitted\":\"2022-01-10\",\"proposer_kind\":\"joint\","
            + "\"decision\":\"filed\",\"filed_on\":\"2022-01-20\",\"handed_over_on\":\"2022-02-01\",\"lead_unit\":\"县教育局\","
            + "\"co_units\":[\"县财政局\",\"县住建局\"],\"replied_on\":\"2022-04-20\",\"extended_until\":\"2022-05-31\","
            + "\"answer\":\"solved_or_adopted\",\"feedback\":\"basically_satisfied\",\"is_key\":true}");

        var merged = new ProposalRecord("2022-018", Yongjia, Y2022, new LocalDate(2022, 1, 11)) { Decision = FilingDecision.Merged, MergedInto = "2022-017" };
        ZhengxieJson.Serialize(merged).Should().Be(
            "{\"id\":\"2022-018\",\"committee\":\"330324\",\"period\":\"2022\",\"submitted\":\"2022-01-11\",\"proposer_kind\":\"individual\",\"decision\":\"merged\",\"merged_into\":\"2022-017\"}");
    }

    [Fact]
    public void A_record_reads_with_defaults_and_nulls_for_absent_fields()
    {
        var r = ZhengxieJson.Deserialize<ProposalRecord>(
            "{\"id\":\"7\",\"committee\":\"331100/county\",\"period\":\"11.1+@2022\",\"submitted\":\"2022-03-01\",\"filed_on\":null,\"lead_unit\":null,\"co_units\":null,\"answer\":null,\"feedback\":null}");
        r.Id.Should().Be("7");
        r.Committee.Should().Be(new Committee(new RegionCode(331100), AdministrativeLevel.County));
        r.Period.Should().Be(ReportingPeriod.SinceSession(11, 1, 2022));
        r.Submitted.Should().Be(new LocalDate(2022, 3, 1));
        r.ProposerKind.Should().Be(ProposerKind.Individual);
        r.Decision.Should().Be(FilingDecision.UnderReview);
        r.FiledOn.Should().BeNull();
        r.LeadUnit.Should().BeNull();
        r.CoUnits.Should().BeEmpty();
        r.Answer.Should().BeNull();
        r.Feedback.Should().Be(Feedback.None);
        r.IsKey.Should().BeFalse();
    }

    [Fact]
    public void A_policy_is_written_with_iso_periods()
    {
        ZhengxieJson.Serialize(HandlingPolicy.Default).Should().Be("{\"reply_deadline\":\"P3M\",\"clock_start\":\"handover\",\"maximum_extension\":\"P6M\"}");
        var policy = ZhengxieJson.Deserialize<HandlingPolicy>("{\"reply_deadline\":\"P2M\",\"clock_start\":\"receipt\"}");
        policy.ReplyDeadline.Should().Be(Period.FromMonths(2));
        policy.ClockStart.Should().Be(ClockStart.Receipt);
        policy.MaximumExtension.Should().Be(Period.FromMonths(6), "a missing option takes its default");
        ZhengxieJson.Deserialize<HandlingPolicy>("{}").ReplyDeadline.Should().Be(Period.FromMonths(3));
    }

    /// <summary>Two records of 330324 in 2022 whose counts are worked out by hand from DOMAIN.md.</summary>
    private static ProposalRecordSet SmallSet() => ProposalRecordSet.Create(
    [
        new ProposalRecord("1", Yongjia, Y2022, new LocalDate(2022, 1, 10))
        {
            Decision = FilingDecision.Filed,
            FiledOn = new LocalDate(2022, 1, 20),
            HandedOverOn = new LocalDate(2022, 2, 1),
            LeadUnit = "县教育局",
            CoUnits = ["县财政局"],
            RepliedOn = new LocalDate(2022, 3, 3),
            Answer = AnswerClass.SolvedOrAdopted,
            Feedback = Feedback.Satisfied,
            IsKey = true,
        },
        new ProposalRecord("2", Yongjia, Y2022, new LocalDate(2022, 1, 12)) { Decision = FilingDecision.NotFiled },
        new ProposalRecord("3", Yongjia, Y2022, new LocalDate(2022, 1, 12))
        {
            Decision = FilingDecision.Filed,
            FiledOn = new LocalDate(2022, 1, 20),
            HandedOverOn = new LocalDate(2022, 2, 1),
            LeadUnit = "县教育局",
        },
    ]);

    [Fact]
    public void A_statistics_table_is_a_list_of_statistics()
    {
        // received 3, filed = cases = 2, not filed 1, replied 1 (30 days after handover: on time), A 1, satisfied 1, feedback 1, key 1.
        ZhengxieJson.Serialize(SmallSet().ComputeAll()).Should().Be(
            "[{\"committee\":\"330324\",\"period\":\"2022\",\"counts\":{\"proposals.basically_satisfied\":0,\"proposals.cases\":2,"
            + "\"proposals.dissatisfied\":0,\"proposals.feedback\":1,\"proposals.filed\":2,\"proposals.key\":1,\"proposals.merged\":0,"
            + "\"proposals.not_filed\":1,\"proposals.outcome_a\":1,\"proposals.outcome_b\":0,\"proposals.outcome_c\":0,\"proposals.received\":3,"
            + "\"proposals.replied\":1,\"proposals.replied_on_time\":1,\"proposals.satisfied\":1}}]");
    }

    [Fact]
    public void Result_types_have_their_documented_shape()
    {
        var set = SmallSet();

        // As of 2022-06-30 record 3 is open and past its deadline (2022-02-01 + 3 months = 2022-05-01); it was handed over.
        ZhengxieJson.Serialize(set.OpenAsOf(Yongjia, Y2022, new LocalDate(2022, 6, 30))).Should().Be(
            "{\"committee\":\"330324\",\"period\":\"2022\",\"as_of\":\"2022-06-30\",\"open\":1,\"overdue\":1,\"awaiting_handover\":0}");

        // One reply, 30 days after handover.
        ZhengxieJson.Serialize(set.DaysToReply(Yongjia, Y2022)).Should().Be(
            "{\"count\":1,\"minimum\":30,\"maximum\":30,\"median\":30,\"percentile90\":30,\"days\":[30]}");

        var units = ZhengxieJson.Serialize(set.ByHandlingUnit(Yongjia, Y2022));
        units.Should().StartWith("[{\"unit\":\"县教育局\",\"role\":\"lead\",\"statistics\":{\"committee\":\"330324\",\"period\":\"2022\",\"counts\":{");
        units.Should().Contain("{\"unit\":\"县财政局\",\"role\":\"co_handling\",\"statistics\":");

        ZhengxieJson.Serialize(set.ByKeyFlag(Yongjia, Y2022)).Should().StartWith("{\"key\":{\"committee\":\"330324\",\"period\":\"2022\",\"counts\":{").And.Contain("},\"other\":{");
    }

    [Fact]
    public void A_distribution_reads_from_its_days_alone_in_any_order()
    {
        var d = ZhengxieJson.Deserialize<DaysToReplyDistribution>("{\"days\":[10,9,8,7,6,5,4,3,2,1]}");
        d.Days.Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        d.Percentile90.Should().Be(9.1m, "type 7: h = 9 × 0.9 = 8.1, so 9 + 0.1 × (10 − 9)");
        d.Median.Should().Be(5.5m);
        ZhengxieJson.Serialize(ZhengxieJson.Deserialize<DaysToReplyDistribution>("{\"days\":[]}"))
            .Should().Be("{\"count\":0,\"minimum\":null,\"maximum\":null,\"median\":null,\"percentile90\":null,\"days\":[]}");
    }

    // ---- Errors name the path ----------------------------------------------------------------

    private const string GoodRecord = "{\"id\":\"1\",\"committee\":\"330324\",\"period\":\"2022\",\"submitted\":\"2022-01-10\"}";

    private static string WithRecord(string extra) => GoodRecord.Replace("}", "," + extra + "}", StringComparison.Ordinal);

    [Fact]
    public void A_bad_record_field_names_its_path()
    {
        Read<List<ProposalRecord>>("[" + GoodRecord + "," + WithRecord("\"replied_on\":\"2022-02-30\"") + "]")
            .Message.Should().StartWith("$[1].replied_on: '2022-02-30' is not an ISO date");
        Read<ProposalRecord>(WithRecord("\"decision\":\"accepted\""))
            .Message.Should().StartWith("$.decision: 'accepted' is not a filing decision (use under_review, filed, not_filed, merged)");
        Read<ProposalRecord>(WithRecord("\"answer\":\"A\""))
            .Message.Should().StartWith("$.answer: 'A' is not an answer class (use solved_or_adopted, being_solved_or_planned, for_reference)");
        Read<ProposalRecord>(WithRecord("\"co_units\":[\"县财政局\",7]"))
            .Message.Should().StartWith("$.co_units[1]: The JSON value could not be converted to System.String");
        Read<ProposalRecord>(WithRecord("\"co_units\":[\"县财政局\",\"县财政局\"]"))
            .Message.Should().StartWith("$.co_units: not a valid proposal record: A co-handling unit is listed twice.");
        Read<ProposalRecord>(WithRecord("\"lead_unit\":\"  \""))
            .Message.Should().StartWith("$.lead_unit: not a valid proposal record: ");
        Read<ProposalRecord>(WithRecord("\"is_key\":\"yes\""))
            .Message.Should().StartWith("$.is_key: The JSON value could not be converted to System.Boolean");
        Read<ProposalRecord>(GoodRecord.Replace("\"1\"", "\" \"", StringComparison.Ordinal))
            .Message.Should().StartWith("$.id: not a valid proposal record: ");
        Read<ProposalRecord>(GoodRecord.Replace("\"1\"", "null", StringComparison.Ordinal))
            .Message.Should().Be("$.id: expected 'id', found null");
    }

    [Fact]
    public void Missing_unknown_and_repeated_record_properties_are_errors()
    {
        Read<ProposalRecord>(GoodRecord.Replace(",\"submitted\":\"2022-01-10\"", string.Empty, StringComparison.Ordinal))
            .Message.Should().Be("$: A proposal record needs the property 'submitted'");
        Read<ProposalRecord>(WithRecord("\"handled_on\":\"2022-02-01\""))
            .Message.Should().StartWith("$: 'handled_on' is not a property of a proposal record (id, committee");
        Read<ProposalRecord>(WithRecord("\"id\":\"2\"")).Message.Should().Be("$: the property 'id' appears twice");
    }

    [Fact]
    public void A_bad_policy_names_the_option()
    {
        Read<HandlingPolicy>("{\"reply_deadline\":\"P3M\",\"maximum_extension\":\"P2M\"}")
            .Message.Should().StartWith("$.maximum_extension: not a valid handling policy: The maximum extension P2M ends before the reply deadline P3M");
        Read<HandlingPolicy>("{\"reply_deadline\":\"PT5H\"}")
            .Message.Should().StartWith("$.reply_deadline: not a valid handling policy: ReplyDeadline (PT5H) must be in years, months, weeks and days only.");
        Read<HandlingPolicy>("{\"reply_deadline\":\"P0D\"}")
            .Message.Should().StartWith("$.reply_deadline: not a valid handling policy: The reply deadline P0D must be positive");
        Read<HandlingPolicy>("{\"clock_start\":\"filing\"}")
            .Message.Should().StartWith("$.clock_start: 'filing' is not a clock start (use handover, receipt)");
        Read<HandlingPolicy>("{\"deadline\":\"P3M\"}")
            .Message.Should().Be("$: 'deadline' is not a property of a handling policy (reply_deadline, clock_start, maximum_extension)");
    }

    private static string Row(string committee, string period, string counts = "") =>
        "{\"committee\":\"" + committee + "\",\"period\":\"" + period + "\",\"counts\":{" + (counts.Length > 0 ? counts : AllCounts()) + "}}";

    private static string AllCounts(string? replace = null, string? with = null) =>
        string.Join(",", RecordStatisticsTable.CountMeasures.Select(m => "\"" + m.Id + "\":" + (m.Id == replace ? with : "0")));

    [Fact]
    public void A_bad_table_row_names_its_index()
    {
        ZhengxieJson.Deserialize<RecordStatisticsTable>("[" + Row("330324", "2021") + "," + Row("330324", "2022") + "]").Count.Should().Be(2);
        Read<RecordStatisticsTable>("[" + Row("330324", "2022") + "," + Row("330324", "2021") + "]")
            .Message.Should().StartWith("$[1]: the rows must be sorted by committee, then period: 330324 2021 comes after 330324 2022");
        Read<RecordStatisticsTable>("[" + Row("330324", "2022") + "," + Row("330324", "2022") + "]")
            .Message.Should().Be("$[1]: committee 330324, period 2022 appears twice");
        Read<RecordStatisticsTable>("[" + Row("330324", "2022", "\"proposals.received\":3") + "]")
            .Message.Should().StartWith("$[0].counts: a row of a record statistics table needs every count of the table; missing proposals.filed");
        Read<RecordStatisticsTable>("[" + Row("330324", "2022", AllCounts("proposals.filed", "{\"lower\":1,\"upper\":2}")) + "]")
            .Message.Should().Be("$[0].counts['proposals.filed']: a record statistics table has exact counts only, found 1..2");
        Read<RecordStatisticsTable>("[" + Row("330324", "2022", AllCounts("proposals.filed", "-1")) + "]")
            .Message.Should().StartWith("$[0].counts: not a valid proposal statistics: ").And.Contain("negative");
        Read<RecordStatisticsTable>("{}").Message.Should().Be("$: expected a record statistics table as an array, found an object");
        Read<RecordStatisticsTable>("[" + Row("330324", "2021") + ",null]").Message.Should().Be("$[1]: expected proposal statistics, found null");
    }

    [Fact]
    public void Bad_result_values_name_their_path()
    {
        Read<OpenProposalCounts>("{\"committee\":\"330324\",\"period\":\"2022\",\"as_of\":\"2022-06-30\",\"open\":1,\"overdue\":2,\"awaiting_handover\":0}")
            .Message.Should().Be("$.overdue: The overdue cases of 330324 2022 must be from 0 to the 1 open, found 2");
        Read<OpenProposalCounts>("{\"committee\":\"330324\",\"period\":\"2022\",\"as_of\":\"2022-06-30\",\"open\":-1,\"overdue\":0,\"awaiting_handover\":0}")
            .Message.Should().Be("$.open: The number of open cases of 330324 2022 must not be negative, found -1");
        Read<OpenProposalCounts>("{\"committee\":\"330324\",\"period\":\"2022\",\"as_of\":\"2022-06-30\",\"open\":1,\"overdue\":0,\"awaiting_handover\":0,\"closed\":0}")
            .Message.Should().StartWith("$.closed: The JSON property 'closed' could not be mapped", "a contract refuses an unknown property, and ZhengxieJson puts the path in the message");
        Read<DaysToReplyDistribution>("{\"days\":[1,2,-3]}").Message.Should().StartWith("$.days[2]: a number of days to reply must not be negative, found -3");
        ZhengxieJson.Deserialize<DaysToReplyDistribution>("{\"median\":2,\"days\":[1,2,4]}").Median.Should().Be(2m);
        Read<DaysToReplyDistribution>("{\"median\":3,\"days\":[1,2,4]}").Message.Should().Be("$.median: 'median' is 3 but the days give 2");
        Read<DaysToReplyDistribution>("{\"count\":3}").Message.Should().Be("$: A days to reply distribution needs the property 'days'");
        Read<HandlingUnitStatistics>("{\"unit\":\"县教育局\",\"role\":\"host\",\"statistics\":{}}").Message.Should().StartWith("$.role: 'host' is not a handling role (use lead, co_handling)");
        Read<HandlingUnitStatistics>("{\"unit\":\"县教育局\",\"role\":\"lead\",\"statistics\":{\"committee\":\"330324\",\"period\":\"2022x\",\"counts\":{}}}")
            .Message.Should().StartWith("$.statistics.period: '2022x' is not a reporting period");
        Read<KeyProposalBreakdown>("{\"key\":{\"committee\":\"330324\",\"period\":\"2022\",\"counts\":{}},\"other\":{\"committee\":\"330324\",\"period\":\"2021\",\"counts\":{}}}")
            .Message.Should().StartWith("$.other: Both halves of a key-proposal breakdown have one committee and period");
        Read<HandlingUnitStatistics>("{\"unit\":\" \",\"role\":\"lead\",\"statistics\":{\"committee\":\"330324\",\"period\":\"2022\",\"counts\":{}}}")
            .Message.Should().StartWith("$.unit: The value must not be empty");
    }
}
