using System.Linq;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.SampleData;

namespace Zhengxie.Metrics.Tests.SampleData;

public class SeedReportsTest
{
    [Fact]
    public void There_are_five_reports_and_77_figures()
    {
        SeedReports.Reports.Select(r => r.Id).Should().Equal("yongjia-2020", "wudang-2022", "lishui-2020", "zhongxiang-2020", "shengzhou-2024");
        SeedReports.Reports.Select(r => r.Figures.Count).Should().Equal(19, 18, 10, 10, 20);
        SeedReports.AllFigures.Should().HaveCount(77);
    }

    [Fact]
    public void Every_figure_keeps_its_quote_and_report()
    {
        foreach (var report in SeedReports.Reports)
        {
            report.Figures.Should().OnlyContain(f => f.Source != null && f.Source.Document == report.Id && !string.IsNullOrEmpty(f.Source.Quote) && f.Source.Published == report.Published);
            report.Figures.Should().OnlyContain(f => f.Committee == report.Committee && f.Period == report.Period);
        }

        SeedReports.Get("wudang-2022").Figures.Single(f => f.Measure == Measures.Proposals.Received).Source!.Quote.Should().Be("收到提案178件");
        SeedReports.Get("lishui-2020").Figures.Single(f => f.Measure == Measures.Rates.Acceptance).Source!.Quote.Should().Be("立案率78.5%");
    }

    [Fact]
    public void Committees_levels_periods_and_dates()
    {
        var yongjia = SeedReports.Get("yongjia-2020");
        yongjia.CommitteeName.Should().Be("永嘉县政协");
        yongjia.Committee.Should().Be(new Committee(RegionCode.Parse("330324"), AdministrativeLevel.County));
        yongjia.Period.Should().Be(ReportingPeriod.CalendarYear(2020));
        yongjia.Published.Should().Be(new LocalDate(2021, 2, 26));

        var wudang = SeedReports.Get("wudang-2022");
        wudang.Committee.Level.Should().Be(AdministrativeLevel.County, "a district is county-level");
        wudang.Period.Should().Be(ReportingPeriod.SinceSession(11, 1, 2022));
        wudang.Published.Should().BeNull();

        var lishui = SeedReports.Get("lishui-2020");
        lishui.Committee.Should().Be(new Committee(RegionCode.Parse("331100"), AdministrativeLevel.Prefecture));
        lishui.Period.Should().Be(ReportingPeriod.ForSession(4, 4, 2020));

        SeedReports.Get("zhongxiang-2020").Committee.Level.Should().Be(AdministrativeLevel.County, "a county-level city is county-level");
        SeedReports.Get("zhongxiang-2020").Period.Should().Be(ReportingPeriod.ForSession(7, 4, 2020));
        SeedReports.Get("shengzhou-2024").Period.Should().Be(ReportingPeriod.CalendarYear(2024));
    }

    [Fact]
    public void Figures_read_as_the_file_states_them()
    {
        var lishui = SeedReports.Get("lishui-2020").Figures;
        var rate = lishui.Single(f => f.Measure == Measures.Rates.Acceptance);
        (rate.Value, rate.Unit, rate.Qualifier).Should().Be((78.5m, FigureUnit.Percent, Qualifier.PercentReported));
        lishui.Single(f => f.Measure == new Measure("activity.consultation.invite_to_consult")).Scope.Should().Be(FigureScope.RegionTotal);

        var replied = SeedReports.Get("zhongxiang-2020").Figures.Single(f => f.Measure == Measures.Proposals.Replied);
        (replied.Value, replied.Qualifier).Should().Be(((decimal?)null, Qualifier.All));

        SeedReports.Get("wudang-2022").Figures.Where(f => f.Measure == new Measure("output.suggestions")).Select(f => f.Topic)
            .Should().Equal("全会期间委员议政建言", "常委会议和主席会议协商", "专项民主监督", "视察协商");
        SeedReports.Get("shengzhou-2024").ExpectedRates.Should().BeEmpty();
        SeedReports.Get("yongjia-2020").ExpectedRates["rate.adoption_including_planned"].Should().Be("205/221");
    }

    public static TheoryData<string, string, string?, long, long> QualifiedBounds => new()
    {
        // 乌当
        { "wudang-2022", "activity.consultation.grassroots", null, 101, 199 }, // 100余场次
        { "wudang-2022", "output.problems_solved", null, 151, 159 }, // 150余个
        { "wudang-2022", "output.suggestions", "常委会议和主席会议协商", 31, 39 }, // 30余条
        { "wudang-2022", "output.suggestions", "视察协商", 51, 59 }, // 50余条
        { "wudang-2022", "activity.inspections_hosted", null, 21, 29 }, // 20余次
        { "wudang-2022", "output.cultural_history_articles", null, 71, 79 }, // 70余篇
        { "wudang-2022", "output.cultural_history_characters", null, 100_001, 199_999 }, // 近20万字: 10万..20万, exclusive
        // 丽水
        { "lishui-2020", "activity.publicity", null, 381, 389 }, // 380多场次
        { "lishui-2020", "poverty.households_helped", null, 2401, 2499 }, // 2400多
        { "lishui-2020", "poverty.funds_raised", null, 5_900_001, 5_999_999 }, // 590余万元: 590万..600万, exclusive
        // 钟祥
        { "zhongxiang-2020", "members.donations", null, 3_200_001, 3_299_999 }, // 近330万元: below 3,300,000
        // 嵊州
        { "shengzhou-2024", "activity.reading.participants", null, 1001, 1999 }, // 1000多人次
        { "shengzhou-2024", "activity.reading.contributions", null, 5301, 5399 }, // 5300多条
        { "shengzhou-2024", "activity.consultation.grassroots", "民生议事堂", 61, 69 }, // 60多场
        { "shengzhou-2024", "output.suggestions", "民生议事堂", 261, 269 }, // 260多条
        { "shengzhou-2024", "output.problems_solved", null, 221, 229 }, // 220多个
        { "shengzhou-2024", "outreach.sales_supported", null, 1_400_001, 1_499_999 }, // 140多万元
        { "shengzhou-2024", "activity.charity", null, 81, 89 }, // 80多场
        { "shengzhou-2024", "outreach.media_reports", null, 101, 199 }, // 100多篇
        { "shengzhou-2024", "activity.reading", "崇学系列", 11, 19 }, // 10多场
    };

    [Theory]
    [MemberData(nameof(QualifiedBounds))]
    public void Qualified_figure_bounds(string report, string measure, string? topic, long lower, long upper)
    {
        var figure = SeedReports.Get(report).Figures.Single(f => f.Measure == new Measure(measure) && f.Topic == topic);
        figure.Bounds.Should().Be(Bounds.Between(lower, upper));
    }

    [Fact]
    public void Every_qualified_figure_is_covered_above()
    {
        var qualified = SeedReports.AllFigures.Where(f => f.Qualifier is not (Qualifier.Exact or Qualifier.All or Qualifier.PercentReported)).ToList();
        qualified.Should().HaveCount(QualifiedBounds.Count);
    }

    [Fact]
    public void Exact_figures_are_exact()
    {
        foreach (var f in SeedReports.AllFigures.Where(f => f.Qualifier == Qualifier.Exact))
        {
            f.Bounds.Should().Be(Bounds.Exactly((long)f.Value!.Value * f.Unit.Scale), f.ToString());
        }
    }

    [Fact]
    public void Malformed_lines_name_the_line()
    {
        using var reader = new System.IO.StringReader("\n{\"id\": \"x\"}\n");
        var act = () => SeedReports.Parse(reader);
        act.Should().Throw<ZhengxieMetricsException>().WithMessage("*line 2*");
    }
}
