using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

public class FigureDatasetBuilderTests
{
    private static readonly Committee Wudang = Committee.Parse("520112");
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.CalendarYear(2022);

    [Fact]
    public void Conflicting_duplicates_are_errors_naming_them()
    {
        var builder = new FigureDatasetBuilder()
            .Add(new Figure(Wudang, Y2022, Measures.Proposals.Received, 178, FigureUnit.Piece))
            .Add(new Figure(Wudang, Y2022, Measures.Proposals.Received, 179, FigureUnit.Piece));
        var error = builder.Invoking(b => b.Build()).Should().Throw<ValidationException>().Which;
        error.Findings.Should().ContainSingle().Which.Rule.Should().Be(ValidationRule.ConflictingDuplicate);
        error.Message.Should().Contain("520112").And.Contain("2022").And.Contain("proposals.received").And.Contain("178件").And.Contain("179件");
    }

    [Fact]
    public void The_same_figure_twice_is_kept_once_and_topics_are_other_figures()
    {
        var dataset = new FigureDatasetBuilder()
            .Add(new Figure(Wudang, Y2022, Measures.Proposals.Received, 178, FigureUnit.Piece))
            .Add(new Figure(Wudang, Y2022, Measures.Proposals.Received, 178, FigureUnit.Piece, source: new FigureSource("x", "y")))
            .Add(new Figure(Wudang, Y2022, new Measure("output.suggestions"), 29, new FigureUnit("条"), topic: "全会"))
            .Add(new Figure(Wudang, Y2022, new Measure("output.suggestions"), 12, new FigureUnit("条"), topic: "监督"))
            .Build();
        dataset.FigureCount.Should().Be(3);
        dataset.GetCount(Wudang, Y2022, Measures.Proposals.Received).Should().Be(Bounds.Exactly(178));
        dataset.TryGetCount(Wudang, Y2022, new Measure("output.suggestions"), out _).Should().BeFalse();
        dataset.GetFigures(Wudang, Y2022, new Measure("output.suggestions")).Select(f => f.Value).Should().Equal(29m, 12m);
    }

    [Fact]
    public void Findings_mode_collects_unknown_regions_unit_mismatches_and_conflicts()
    {
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings)
            .Add(new Figure(Committee.Parse("999999"), Y2022, Measures.Proposals.Received, 1, FigureUnit.Piece))
            .Add(new Figure(new Committee(new RegionCode(520112), AdministrativeLevel.Prefecture), Y2022, Measures.Proposals.Received, 1, FigureUnit.Piece))
            .Add(new Figure(Wudang, Y2022, new Measure("activity.consultation"), 3, FigureUnit.Times))
            .Add(new Figure(Committee.Parse("520113"), Y2022, new Measure("activity.consultation"), 3, FigureUnit.Piece))
            .Add(new Figure(Wudang, Y2022, Measures.Proposals.Filed, 1, FigureUnit.Piece))
            .Add(new Figure(Wudang, Y2022, Measures.Proposals.Filed, 2, FigureUnit.Piece))
            .Build();
        dataset.Findings.Select(f => f.Rule).Should().BeEquivalentTo(
        [
            ValidationRule.UnknownRegion, ValidationRule.UnknownRegion, ValidationRule.UnitMismatch, ValidationRule.ConflictingDuplicate,
        ]);
        dataset.GetCount(Wudang, Y2022, new Measure("activity.consultation")).Should().Be(Bounds.Exactly(3));
        dataset.TryGetCount(Committee.Parse("520113"), Y2022, new Measure("activity.consultation"), out _).Should().BeFalse();
        dataset.TryGetCount(Wudang, Y2022, Measures.Proposals.Filed, out _).Should().BeFalse();
    }

    [Fact]
    public void Figures_in_wan_are_summed_in_base_units_with_their_bounds()
    {
        var a = Committee.Parse("330324");
        var b = Committee.Parse("330683");
        var funds = new Measure("poverty.funds_raised");
        var dataset = new FigureDatasetBuilder()
            .Add(new Figure(a, Y2022, funds, 590, new FigureUnit("万元"), Qualifier.MoreThan))
            .Add(new Figure(b, Y2022, funds, 1000, new FigureUnit("元")))
            .Build();
        var table = dataset.Aggregate(Grouping.Within(new RegionCode(330000)));
        var value = table.GetValue(0, funds);
        value.Sum.Should().Be(Bounds.Between(5_900_001 + 1000, 5_999_999 + 1000));
        table.MeasureColumns.Single().Unit.Should().Be("元");
    }
}
