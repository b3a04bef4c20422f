using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Rendering;

namespace Zhengxie.Metrics.Tests.Rendering;

public class ProposalStatisticsTableTest
{
    [Fact]
    public void Rows_show_counts_as_reported_with_markers_and_rates_with_fractions()
    {
        var table = ProposalStatisticsTable.FromFigures(RenderFixture.MarkerFigures(), out var findings);
        findings.Should().BeEmpty();
        table.Should().HaveCount(3);
        table.Select(s => s.Committee).Should().Equal(RenderFixture.Liandu, RenderFixture.Qingtian, RenderFixture.Jinyun);

        var report = ReportTable.From(table, RenderFixture.Options());
        report.Columns.Select(c => c.Key).Should().Equal(
            "committee", "code", "period", "proposals.received", "proposals.filed", "proposals.replied", "rate.acceptance", "rate.reply", "rate.satisfaction");
        report.Columns.Select(c => c.Header).Should().Equal("政协", "代码", "时期", "收到提案", "立案", "办复", "立案率", "办复率", "满意率");

        // 莲都: 83.3% of 120 implies 100 filed (99/120 = 82.5%, 101/120 = 84.2%).
        report.Rows[0].Select(c => c.Text).Should().Equal("莲都区政协", "331102", "2023", "120", "100 (implied)", string.Empty, "83.3% (100/120)", string.Empty, string.Empty);

        // 青田: 「100余」 as reported, its bounds 101..199 behind it; 90 over 101..199 is 45.2%..89.2% (90/199 = 45.23%, 90/101 = 89.11%, rounded outward).
        report.Rows[1].Select(c => c.Text).Should().Equal("青田县政协", "331121", "2023", "100余", "90", string.Empty, "45.2%..89.2% (90/101..199)", string.Empty, string.Empty);
        report.Rows[1][3].Count.Should().Be(Bounds.Between(101, 199));

        // 缙云: 「全部办复」 is the 50 filed; 满意率 stated without counts.
        report.Rows[2].Select(c => c.Text).Should().Equal("缙云县政协", "331122", "2023", string.Empty, "50", "50 (全部)", string.Empty, "100.0% (50/50)", "100% (stated)");
        report.Rows[2][8].StatedPercent.Should().Be(100m);
        report.Rows[2][7].Rate.Should().Be(Rate.Of(50, 50));
    }

    [Fact]
    public void Statistics_without_figures_show_plain_counts()
    {
        var computed = ProposalStatistics.FromFiguresByCommittee(RenderFixture.MarkerFigures());
        var report = ReportTable.From(new ProposalStatisticsTable(computed), RenderFixture.Options());
        report.Rows[0][4].Text.Should().Be("100");
        report.Rows[1][3].Text.Should().Be("101..199");
        report.Rows[2][5].Text.Should().Be("50");
    }

    [Fact]
    public void Chosen_rates_are_kept_even_when_empty_and_text_is_readable()
    {
        var table = ProposalStatisticsTable.FromFigures(RenderFixture.MarkerFigures());
        var report = ReportTable.From(table, RenderFixture.Options() with { Rates = [RateDefinition.Conclusion], OmitEmptyColumns = false });
        report.Columns.Select(c => c.Key).Should().EndWith(["proposals.outcome_b", "rate.conclusion"]);
        report.Rows.Select(r => r[r.Count - 1].IsMissing).Should().OnlyContain(m => m);

        string text = table.ToString();
        text.Should().Contain("提案统计").And.Contain("100余").And.Contain("83.3% (100/120)");
        text.Split('\n').Should().Contain(l => l.StartsWith("缙云县政协", System.StringComparison.Ordinal) && l.Contains("100% (stated)", System.StringComparison.Ordinal));
    }
}
