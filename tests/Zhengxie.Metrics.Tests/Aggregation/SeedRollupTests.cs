using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

public class SeedRollupTests
{
    private static readonly GroupKey Zhejiang = GroupKey.ForRegion(RegionTable.Default[new RegionCode(330000)]);
    private static readonly Measure Consultation = new("activity.consultation");
    private static readonly Measure InviteToConsult = new("activity.consultation.invite_to_consult");
    private static readonly Committee Lishui = Committee.Parse("331100");
    private static readonly ReportingPeriod Session44 = ReportingPeriod.ForSession(4, 4, 2020);

    // Zhejiang's county-level committees, counted from the region table: the coverage denominator.
    private static readonly int ZhejiangCounties = RegionTable.Default.Regions.Count(r => r.Code.ProvinceCode.Value == 330000 && r.Level == AdministrativeLevel.County);
    private static readonly int ZhejiangAll = RegionTable.Default.Regions.Count(r => r.Code.ProvinceCode.Value == 330000);

    private static FigureDataset Dataset() => new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(Zhengxie.Metrics.SampleData.SeedReports.AllFigures).Build();

    [Fact]
    public void The_seed_figures_have_no_unit_conflict()
    {
        // 钟祥 counts media reports in 篇次 (「宣传报道17篇」 is recorded as 17篇次), 嵊州 in 篇: for outreach.* the
        // unit table (UnitEquivalence.Default) says they count the same thing, so they add up.
        var dataset = Dataset();
        dataset.Findings.Should().BeEmpty();
        dataset.GetFigures(Committee.Parse("420881"), ReportingPeriod.ForSession(7, 4, 2020), new Measure("outreach.media_reports")).Should().ContainSingle();
        UnitEquivalence.Default.AreEquivalent(new Measure("outreach.media_reports"), new FigureUnit("篇"), new FigureUnit("篇次")).Should().BeTrue();
    }

    [Fact]
    public void Yongjia_and_Shengzhou_roll_up_into_Zhejiang_with_coverage_per_measure()
    {
        var dataset = Dataset();

        var table = dataset.RollUp(Participation.CountyLevel);
        int y2020 = table[Zhejiang, "2020"].Index;
        int y2024 = table[Zhejiang, "2024"].Index;

        // 永嘉 2020: 「召开各类协商会议75次」, 「立案的提案221件」; nobody else in Zhejiang reports them for 2020.
        table.GetValue(y2020, Consultation).Should().Be(Expected(Bounds.Exactly(75), 1, ZhejiangCounties));
        table.GetValue(y2020, Measures.Proposals.Filed).Should().Be(Expected(Bounds.Exactly(221), 1, ZhejiangCounties));
        table.GetValue(y2020, InviteToConsult).Sum.Should().Be(Bounds.Exactly(22));

        // 「全部按时协商办复」: replied and replied on time are all of the 221 filed.
        table.GetValue(y2020, Measures.Proposals.Replied).Should().Be(Expected(Bounds.Exactly(221), 1, ZhejiangCounties));
        table.GetValue(y2020, Measures.Proposals.RepliedOnTime).Should().Be(Expected(Bounds.Exactly(221), 1, ZhejiangCounties));
        table.GetRate(y2020, Measures.Rates.Reply).Rate.Should().Be(Rate.Of(221, 221));

        // 嵊州 2024: 「全年高质量各类协商39次」; 「读书活动75场」 plus its topic part 「崇学系列 10多场」, which is not added.
        table.GetValue(y2024, Consultation).Should().Be(Expected(Bounds.Exactly(39), 1, ZhejiangCounties));
        table.GetValue(y2024, new Measure("activity.reading")).Sum.Should().Be(Bounds.Exactly(75));
        table.GetValue(y2024, Measures.Proposals.Filed).HasValue.Should().BeFalse();

        // Pooled adoption rate (A + B) / filed for 永嘉: 205/221.
        table.GetRate(y2020, Measures.Rates.AdoptionIncludingPlanned).Rate.Should().Be(Rate.Of(205, 221));
        table.GetRate(y2020, Measures.Rates.AdoptionIncludingPlanned).Contributors.Should().Be(1);

        // The nation row holds the same, plus nothing else for these measures in 2020 (乌当 and 钟祥 are other periods or measures).
        table[GroupKey.Nation, "2020"][Consultation].Sum.Should().Be(Bounds.Exactly(75));
    }

    [Fact]
    public void Lishui_region_total_is_not_added_to_county_figures()
    {
        var dataset = Dataset();

        // Every committee in Zhejiang, every period of 2020 in one row (2020 and 4.4@2020).
        var all = dataset.RollUp(Participation.AllLevels, PeriodSelection.EachYear);
        int row = all[Zhejiang, "2020"].Index;
        all.GetValue(row, InviteToConsult).Should().Be(Expected(Bounds.Exactly(22), 1, ZhejiangAll));

        // 丽水's own committee-scope figures do count: 「开展宣讲活动380多场次」 is 381..389.
        all.GetValue(row, new Measure("activity.publicity")).Sum.Should().Be(Bounds.Between(381, 389));

        // The region total is kept and can be queried.
        var totals = dataset.GetFigures(Lishui, Session44, InviteToConsult, FigureScope.RegionTotal);
        totals.Should().ContainSingle().Which.Value.Should().Be(155);
        dataset.GetCount(Lishui, Session44, InviteToConsult, FigureScope.RegionTotal).Should().Be(Bounds.Exactly(155));
        dataset.TryGetCount(Lishui, Session44, InviteToConsult, out _).Should().BeFalse();

        // Summed on request, alone.
        var regionTotals = dataset.RollUp(Participation.AllLevels, PeriodSelection.EachYear, new AggregationOptions { Scope = AggregationScope.RegionTotal });
        regionTotals[Zhejiang, "2020"][InviteToConsult].Sum.Should().Be(Bounds.Exactly(155));
    }

    [Fact]
    public void Counts_implied_by_stated_rates_enter_the_dataset()
    {
        var dataset = Dataset();

        // 丽水: 354 received at a printed 78.5 % ⇒ 278 filed; 乌当: reply rate 100 % of 176 filed ⇒ 176 replied.
        dataset.GetCount(Lishui, Session44, Measures.Proposals.Filed).Should().Be(Bounds.Exactly(278));
        dataset.GetCount(Committee.Parse("520112"), ReportingPeriod.SinceSession(11, 1, 2022), Measures.Proposals.Replied).Should().Be(Bounds.Exactly(176));

        // 乌当's satisfaction rate of 100 % has no feedback count to imply anything from.
        dataset.TryGetCount(Committee.Parse("520112"), ReportingPeriod.SinceSession(11, 1, 2022), Measures.Proposals.Satisfied, out _).Should().BeFalse();
    }

    [Fact]
    public void A_request_adding_a_region_total_to_its_own_parts_says_why()
    {
        // 莲都区 (331102, under 丽水) states its own 「请你来协商」 for the same session.
        var figures = Zhengxie.Metrics.SampleData.SeedReports.AllFigures.ToList();
        figures.Add(new Figure(Committee.Parse("331102"), Session44, InviteToConsult, 12, FigureUnit.Times));
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(figures).Build();

        var act = () => dataset.RollUp(Participation.AllLevels, options: new AggregationOptions { Scope = AggregationScope.CommitteeAndRegionTotal });
        var error = act.Should().Throw<ValidationException>().Which;
        error.Findings.Should().ContainSingle().Which.Rule.Should().Be(ValidationRule.RegionTotalWithParts);
        error.Findings[0].Committee.Should().Be(Lishui);
        error.Findings[0].Measure.Should().Be(InviteToConsult);
        error.Message.Should().Contain("331100").And.Contain("331102").And.Contain("counted twice");

        // Committee scope alone is fine: 12 from 莲都区, and 22 from 永嘉 in calendar 2020.
        var table = dataset.RollUp(Participation.AllLevels, PeriodSelection.EachPeriod);
        table[Zhejiang, Session44][InviteToConsult].Sum.Should().Be(Bounds.Exactly(12));
    }

    private static AggregateValue Expected(Bounds sum, int contributors, int size) => AggregationReference.Make(sum, contributors, size);
}
