using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Tests.Fuzz;

/// <summary>The JSON readers of the source-generated contract types (and the table cells), fuzzed from the JSON of real values.</summary>
public partial class FuzzTest
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The JSON of one value of each contract type, written by the library.</summary>
    private static string[] ContractCorpus()
    {
        var committee = new Committee(new RegionCode(330324));
        var period = ReportingPeriod.CalendarYear(2022);
        var statistics = ZhengxieJson.Deserialize<ProposalStatistics>("{\"committee\":\"330324\",\"period\":\"2022\",\"counts\":{\"proposals.filed\":3,\"proposals.replied\":{\"lower\":1,\"upper\":2}}}");
        var figure = SeedReports.Get("yongjia-2020").Figures[0];
        var years = new[] { 2018, 2019, 2020 }.Select(ReportingPeriod.CalendarYear).ToList();
        return
        [
            ZhengxieJson.Serialize(new OpenProposalCounts(committee, period, new LocalDate(2022, 6, 30), 12, 3, 1)),
            ZhengxieJson.Serialize(GroupKey.Nation),
            ZhengxieJson.Serialize(GroupKey.Custom("长三角")),
            ZhengxieJson.Serialize(new GroupKey(GroupKind.Region, new RegionCode(330000), AdministrativeLevel.Province, "浙江省")),
            ZhengxieJson.Serialize(PeriodBucket.Of(ReportingPeriod.Parse("4.4@2020"))),
            ZhengxieJson.Serialize(new PeriodBucket("2018-2020", years, 2018, 2020, true)),
            ZhengxieJson.Serialize(new HandlingUnitStatistics("县教育局", HandlingRole.Lead, statistics)),
            ZhengxieJson.Serialize(new KeyProposalBreakdown(statistics, statistics)),
            ZhengxieJson.Serialize(new SeedReport("r-2020", "永嘉县政协", figure.Committee, figure.Period, new LocalDate(2021, 2, 20), [figure], new Dictionary<string, string> { ["rate.reply"] = "1/1" })),
            ZhengxieJson.Serialize(new CommitteeRate(committee, Rate.Of(1, 4))),
            ZhengxieJson.Serialize(new RankedCommittee(1, committee, Rate.Of(1, 4))),
            ZhengxieJson.Serialize(figure.Source!),
            ZhengxieJson.Serialize(new IndicatorObservation(GroupKey.Nation, PeriodBucket.Of(period), Measures.Proposals.Filed, Bounds.Exactly(3), null, 1, 2)),
            ZhengxieJson.Serialize(new RecordObservation(committee, "永嘉县", period, Measures.Proposals.Filed, 3, null)),
            "{\"sum\":{\"lower\":3,\"upper\":null},\"contributors\":1,\"group_size\":2}",
            "{\"rate\":{\"numerator\":1,\"denominator\":4},\"contributors\":1,\"group_size\":2}",
        ];
    }

    /// <summary>Reads with plain <see cref="JsonSerializer"/> and the web defaults; what is accepted is written and read back the same.</summary>
    private static void WebRoundTrip<T>(string input)
    {
        var value = JsonSerializer.Deserialize<T>(input, Web);
        if (value is null)
        {
            return;
        }

        string json = JsonSerializer.Serialize(value, Web);
        var again = JsonSerializer.Deserialize<T>(json, Web);
        JsonSerializer.Serialize(again, Web).Should().Be(json);
        again.Should().Be(value, json);
    }

    private static readonly (Action<string> Library, Action<string> Web)[] ContractReaders =
    [
        (JsonRoundTrip<OpenProposalCounts>, WebRoundTrip<OpenProposalCounts>), (JsonRoundTrip<GroupKey>, WebRoundTrip<GroupKey>),
        (JsonRoundTrip<PeriodBucket>, WebRoundTrip<PeriodBucket>), (JsonRoundTrip<HandlingUnitStatistics>, WebRoundTrip<HandlingUnitStatistics>),
        (JsonRoundTrip<KeyProposalBreakdown>, WebRoundTrip<KeyProposalBreakdown>), (JsonRoundTrip<SeedReport>, WebRoundTrip<SeedReport>),
        (JsonRoundTrip<CommitteeRate>, WebRoundTrip<CommitteeRate>), (JsonRoundTrip<RankedCommittee>, WebRoundTrip<RankedCommittee>),
        (JsonRoundTrip<FigureSource>, WebRoundTrip<FigureSource>), (JsonRoundTrip<IndicatorObservation>, WebRoundTrip<IndicatorObservation>),
        (JsonRoundTrip<RecordObservation>, WebRoundTrip<RecordObservation>), (JsonRoundTrip<AggregateValue>, WebRoundTrip<AggregateValue>),
        (JsonRoundTrip<PooledRate>, WebRoundTrip<PooledRate>),
    ];

    [Fact]
    public void Json_readers_of_the_contract_types()
    {
        string[] corpus = ContractCorpus();

        // Each seed is read by at least one reader (they are valid inputs).
        corpus.Should().OnlyContain(seed => ContractReaders.Any(r => Accepts(r.Library, seed)));
        Fuzz("json-contracts", corpus, 6, input =>
        {
            foreach (var (library, web) in ContractReaders)
            {
                // The library's reader throws only JsonException, and its message names the path.
                try
                {
                    library(input);
                }
                catch (JsonException e)
                {
                    e.Message.Should().Contain("$", "every error of ZhengxieJson names the JSON path");
                }

                // Plain JsonSerializer: JsonException, or a contract constructor's ArgumentException (documented).
                try
                {
                    web(input);
                }
                catch (Exception e) when (e is JsonException or ArgumentException)
                {
                    // documented; the next reader may take it
                }
            }
        });
    }

    private static bool Accepts(Action<string> read, string input)
    {
        try
        {
            read(input);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
