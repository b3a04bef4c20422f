using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Statistics;

/// <summary>Every rate the seed reports state or imply, computed by the library from the seed figures (values from DOMAIN.md, by hand).</summary>
public class SeedRatesTest
{
    private static ProposalStatistics Of(string id) => ProposalStatistics.FromFigures(SeedReports.Get(id).Figures);

    [Fact]
    public void Wudang_acceptance_is_176_of_178()
    {
        var rate = Of("wudang-2022").AcceptanceRate!.Value;
        rate.Should().Be(Rate.Of(176, 178));
        rate.ToString().Should().Be("98.9% (176/178)");
    }

    [Fact]
    public void Wudang_reply_rate_of_100_percent_implies_176_replied()
    {
        var stats = Of("wudang-2022");
        stats.GetCount(Measures.Proposals.Replied).Should().Be(Bounds.Exactly(176));
        stats.ReplyRate.Should().Be(Rate.Of(176, 176));
        stats.GetStatedRate(Measures.Rates.Reply).Should().Be(100m);
    }

    [Fact]
    public void Wudang_satisfaction_is_stated_only()
    {
        var stats = Of("wudang-2022");
        stats.GetStatedRate(Measures.Rates.Satisfaction).Should().Be(100m);
        stats.SatisfactionRate.Should().BeNull();
        stats.TryGetCount(Measures.Proposals.Feedback, out _).Should().BeFalse();
        stats.TryGetCount(Measures.Proposals.Satisfied, out _).Should().BeFalse();
    }

    [Fact]
    public void Lishui_acceptance_of_78_5_percent_of_354_implies_278_filed()
    {
        var stats = Of("lishui-2020");
        stats.GetCount(Measures.Proposals.Filed).Should().Be(Bounds.Exactly(278));
        stats.AcceptanceRate.Should().Be(Rate.Of(278, 354));
        stats.GetStatedRate(Measures.Rates.Acceptance).Should().Be(78.5m);
    }

    [Fact]
    public void Lishui_region_total_is_not_a_committee_count()
    {
        var stats = Of("lishui-2020");
        stats.Counts.Keys.Should().BeEquivalentTo(new[] { Measures.Proposals.Received, Measures.Proposals.Filed });
    }

    [Fact]
    public void Yongjia_all_replied_on_time_and_adoption()
    {
        var stats = Of("yongjia-2020");
        stats.ReplyRate.Should().Be(Rate.Of(221, 221));
        stats.OnTimeReplyRate.Should().Be(Rate.Of(221, 221));
        stats.AdoptionRate.Should().Be(Rate.Of(125, 221));
        stats.AdoptionRate!.Value.ToString().Should().Be("56.6% (125/221)");
        stats.AdoptionIncludingPlannedRate.Should().Be(Rate.Of(205, 221));
        stats.AdoptionIncludingPlannedRate!.Value.ToString().Should().Be("92.8% (205/221)");
    }

    [Fact]
    public void Zhongxiang_all_replied()
    {
        var stats = Of("zhongxiang-2020");
        stats.ReplyRate.Should().Be(Rate.Of(121, 121));
        stats.AcceptanceRate.Should().BeNull("钟祥 does not state how many proposals it received");
    }

    [Fact]
    public void Shengzhou_has_no_proposal_rates()
    {
        var stats = Of("shengzhou-2024");
        stats.GetRates().Should().OnlyContain(kv => kv.Value == null);
    }

    [Fact]
    public void Every_expected_rate_of_the_file_is_reproduced()
    {
        var all = ProposalStatistics.FromFiguresByCommittee(SeedReports.AllFigures, ValidationMode.CollectFindings, out var findings);
        findings.Should().BeEmpty();
        all.Should().HaveCount(5);
        int checkedRates = 0;
        foreach (var report in SeedReports.Reports)
        {
            var stats = all.Single(s => s.Committee == report.Committee && s.Period == report.Period);
            foreach (var (rateId, text) in report.ExpectedRates)
            {
                string fraction = text.Split(' ')[0];
                long n = long.Parse(fraction.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture);
                long d = long.Parse(fraction.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);
                stats.GetRate(new Measure(rateId)).Should().Be(Rate.Of(n, d), $"{report.Id} {rateId}");
                checkedRates++;
            }
        }

        checkedRates.Should().Be(4 + 2 + 1 + 1);
    }
}
