using System;
using System.Linq;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Catalog;

/// <summary>
/// <see cref="MeasureCatalog"/> on catalogues of a few hand-made definitions (against Stryker run 4's survivors and uncovered
/// mutants in <c>MeasureCatalog.cs</c>): the order of <see cref="MeasureCatalog.Definitions"/>, the exact refusals of
/// <see cref="MeasureCatalog.Create"/> and <see cref="MeasureCatalog.With"/>, children, the text, and the built-in
/// proposal labels of docs/domain.md.
/// </summary>
public class MeasureCatalogContractTest
{
    private static readonly Measure Study = new("activity.study");
    private static readonly Measure PartyGroup = new("activity.study.party_group");
    private static readonly Measure StandingCommittee = new("activity.study.standing_committee");
    private static readonly Measure Inspection = new("activity.inspection");

    private static MeasureDefinition Define(Measure m, Measure? parent = null) => new(m, "标签" + m.Id.Length, m.Id.Replace('.', ' '), parent, FigureUnit.Times);

    [Fact]
    public void Definitions_are_ordered_by_identifier_whatever_the_input_order()
    {
        var catalog = MeasureCatalog.Create([Define(StandingCommittee, Study), Define(Inspection), Define(Study), Define(PartyGroup, Study)]);

        catalog.Definitions.Select(d => d.Measure.Id).Should().Equal(
            "activity.inspection", "activity.study", "activity.study.party_group", "activity.study.standing_committee");
        catalog.Count.Should().Be(4);
    }

    [Fact]
    public void Children_are_the_definitions_with_that_parent_only()
    {
        var catalog = MeasureCatalog.Create([Define(StandingCommittee, Study), Define(Inspection), Define(Study), Define(PartyGroup, Study)]);

        catalog.GetChildren(Study).Select(d => d.Measure).Should().Equal(PartyGroup, StandingCommittee);
        catalog.GetChildren(Inspection).Should().BeEmpty();
        catalog.GetChildren(PartyGroup).Should().BeEmpty();
    }

    [Fact]
    public void Create_refuses_null_by_name()
    {
        var act = () => MeasureCatalog.Create(null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("definitions");
    }

    [Fact]
    public void Create_refuses_a_null_definition_wherever_it_is()
    {
        var first = () => MeasureCatalog.Create([null!, Define(Study)]);
        var later = () => MeasureCatalog.Create([Define(Study), null!]);

        foreach (var act in new[] { first, later })
        {
            var e = act.Should().ThrowExactly<ArgumentException>().Which;
            e.ParamName.Should().Be("definitions");
            e.Message.Should().Be("A definition is null. (Parameter 'definitions')");
        }
    }

    [Fact]
    public void Create_names_a_measure_defined_twice()
    {
        var act = () => MeasureCatalog.Create([Define(Study), Define(Inspection), new MeasureDefinition(Study, "学习", "study")]);

        var e = act.Should().ThrowExactly<ArgumentException>().Which;
        e.ParamName.Should().Be("definitions");
        e.Message.Should().Be("Measure activity.study is defined twice. (Parameter 'definitions')");
    }

    [Fact]
    public void With_adds_to_a_new_catalog_and_refuses_null()
    {
        var one = MeasureCatalog.Empty.With(Define(Study));

        one.Count.Should().Be(1);
        one.Contains(Study).Should().BeTrue();
        one.TryGet(Study, out var found).Should().BeTrue();
        found.Should().Be(Define(Study));
        MeasureCatalog.Empty.Count.Should().Be(0);
        MeasureCatalog.Empty.Contains(Study).Should().BeFalse();
        var act = () => one.With(null!);
        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("definition");
    }

    [Fact]
    public void The_text_counts_measures_and_rates()
    {
        var catalog = MeasureCatalog.Create([Define(Study), Define(Inspection), new MeasureDefinition(Measures.Rates.Reply, "办复率", "reply rate", null, FigureUnit.Percent)]);

        catalog.ToString().Should().Be("MeasureCatalog: 3 measures (1 rates)");
        MeasureCatalog.Empty.ToString().Should().Be("MeasureCatalog: 0 measures (0 rates)");
    }

    [Fact]
    public void Labels_in_either_language_and_the_identifier_for_an_unknown_measure()
    {
        var catalog = MeasureCatalog.Create([new MeasureDefinition(Study, "学习会", "study sessions")]);

        catalog.GetLabel(Study).Should().Be("学习会");
        catalog.GetLabel(Study, LabelLanguage.English).Should().Be("study sessions");
        catalog.GetLabel(Inspection).Should().Be("activity.inspection");
        catalog.TryGet(Inspection, out var none).Should().BeFalse();
        none.Should().BeNull();
    }

    [Theory]
    [InlineData("proposals.received", "收到提案")]
    [InlineData("proposals.filed", "立案")]
    [InlineData("proposals.not_filed", "不予立案")]
    [InlineData("proposals.merged", "并案")]
    [InlineData("proposals.replied", "办复")]
    [InlineData("proposals.replied_on_time", "按时办复")]
    [InlineData("proposals.concluded", "办结")]
    [InlineData("proposals.satisfied", "满意")]
    [InlineData("proposals.basically_satisfied", "基本满意")]
    [InlineData("proposals.dissatisfied", "不满意")]
    [InlineData("proposals.key", "重点提案")]
    public void The_default_catalog_has_the_proposal_measures_of_the_domain(string id, string chinese)
    {
        var m = new Measure(id);

        MeasureCatalog.Default.Contains(m).Should().BeTrue(id);
        MeasureCatalog.Default.GetLabel(m).Should().Be(chinese);
        MeasureCatalog.Default.TryGet(m, out var d).Should().BeTrue();
        d!.Kind.Should().Be(MeasureKind.Count);
        d.DefaultUnit.Should().Be(FigureUnit.Piece);
    }

    [Fact]
    public void The_default_catalog_is_ordered_and_holds_counts_and_rates()
    {
        var ids = MeasureCatalog.Default.Definitions.Select(d => d.Measure.Id).ToList();

        ids.Should().BeInAscendingOrder(StringComparer.Ordinal);
        MeasureCatalog.Default.Definitions.Should().Contain(d => d.Kind == MeasureKind.Rate).And.Contain(d => d.Kind == MeasureKind.Count);
        MeasureCatalog.Default.GetChildren(new Measure("activity.study")).Select(d => d.Measure.Id).Should().Equal(
            "activity.study.committee_and_sector", "activity.study.party_group", "activity.study.standing_committee");
    }
}
