using System;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.SampleData;

namespace Zhengxie.Metrics.Tests.SampleData;

public class MeasureCatalogTest
{
    private static readonly MeasureCatalog Catalog = MeasureCatalog.Default;

    [Theory]
    [InlineData("activity.consultation", "协商")]
    [InlineData("activity.consultation.special_topic_meeting", "专题议政性常委会议")]
    [InlineData("activity.consultation.counterpart", "对口协商")]
    [InlineData("activity.consultation.sector", "界别协商")]
    [InlineData("activity.consultation.proposal_handling", "提案办理协商")]
    [InlineData("activity.consultation.invite_to_consult", "“请你来协商”")]
    [InlineData("activity.consultation.grassroots", "基层协商")]
    [InlineData("activity.consultation.online", "网络议政")]
    [InlineData("activity.supervision", "民主监督")]
    [InlineData("activity.inspection", "视察")]
    [InlineData("activity.research", "调研")]
    [InlineData("output.research_reports", "调研报告")]
    [InlineData("activity.study", "学习会")]
    [InlineData("activity.reading", "读书活动")]
    [InlineData("activity.publicity", "宣讲")]
    [InlineData("output.suggestions", "意见建议")]
    [InlineData("output.recommendation_reports", "建议案")]
    [InlineData("proposals.filed", "立案")]
    [InlineData("rate.acceptance", "立案率")]
    public void Common_measures_are_built_in(string id, string label)
    {
        Catalog.GetLabel(new Measure(id)).Should().Be(label);
    }

    [Fact]
    public void Consultation_kinds_have_their_parent()
    {
        Catalog.GetChildren(new Measure("activity.consultation")).Select(d => d.Measure.Id).Should().BeEquivalentTo(
            "activity.consultation.special_topic_meeting", "activity.consultation.counterpart", "activity.consultation.sector",
            "activity.consultation.proposal_handling", "activity.consultation.invite_to_consult", "activity.consultation.grassroots",
            "activity.consultation.online");
        Catalog.Definitions.Count(d => d.Measure.Family is "activity" or "output").Should().BeGreaterThanOrEqualTo(14);
    }

    [Fact]
    public void Every_proposal_measure_and_standard_rate_is_defined()
    {
        var proposalMeasures = typeof(Measures.Proposals).GetProperties().Select(p => (Measure)p.GetValue(null)!);
        var opinion = typeof(Measures.OpinionInfo).GetProperties().Select(p => (Measure)p.GetValue(null)!);
        foreach (var m in proposalMeasures.Concat(opinion).Concat(RateDefinition.Standard.Select(d => d.Measure)))
        {
            Catalog.TryGet(m, out var d).Should().BeTrue(m.Id);
            d!.Kind.Should().Be(m.IsRate ? MeasureKind.Rate : MeasureKind.Count);
        }

        Catalog.TryGet(Measures.Rates.Satisfaction, out var s).Should().BeTrue();
        s!.DefaultUnit.Should().Be(FigureUnit.Percent);
    }

    [Fact]
    public void Every_seed_indicator_is_in_the_catalog()
    {
        SeedReports.AllFigures.Select(f => f.Measure).Distinct().Where(m => !Catalog.Contains(m)).Should().BeEmpty();
    }

    [Fact]
    public void Unknown_measures_are_open_and_labelled_by_their_id()
    {
        var m = new Measure("activity.consultation.river_chief");
        Catalog.Contains(m).Should().BeFalse();
        Catalog.GetLabel(m).Should().Be("activity.consultation.river_chief");
        Catalog.GetLabel(m, LabelLanguage.English).Should().Be("activity.consultation.river_chief");
    }

    [Fact]
    public void With_returns_a_new_catalog()
    {
        var m = new Measure("activity.consultation.river_chief");
        var def = new MeasureDefinition(m, "河长协商", "river chief consultations", new Measure("activity.consultation"), FigureUnit.Times);
        var extended = Catalog.With(def);
        extended.GetLabel(m).Should().Be("河长协商");
        extended.GetLabel(m, LabelLanguage.English).Should().Be("river chief consultations");
        extended.Count.Should().Be(Catalog.Count + 1);
        extended.GetChildren(new Measure("activity.consultation")).Should().Contain(def);
        Catalog.Contains(m).Should().BeFalse();

        var relabelled = extended.With(new MeasureDefinition(m, "河湖长协商", "river chief consultations"));
        relabelled.Count.Should().Be(extended.Count);
        relabelled.GetLabel(m).Should().Be("河湖长协商");
    }

    [Fact]
    public void Definitions_are_checked()
    {
        var act = () => new MeasureDefinition(Measures.Rates.Reply, "办复率", "reply rate", null, FigureUnit.Piece);
        act.Should().Throw<ArgumentException>();
        var self = () => new MeasureDefinition(Measures.Proposals.Filed, "立案", "filed", Measures.Proposals.Filed);
        self.Should().Throw<ArgumentException>();
        var twice = () => MeasureCatalog.Create([new MeasureDefinition(Measures.Proposals.Filed, "立案", "filed"), new MeasureDefinition(Measures.Proposals.Filed, "立案", "filed")]);
        twice.Should().Throw<ArgumentException>();
    }
}
