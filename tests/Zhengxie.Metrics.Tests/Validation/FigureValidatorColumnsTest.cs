using System;
using System.Linq;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Validation;

/// <summary>
/// <see cref="FigureValidator.Validate(FigureColumns, RegionTable?, bool)"/> (no <see cref="Figure"/> per row) finds exactly
/// what <see cref="FigureValidator.Validate(System.Collections.Generic.IEnumerable{Figure}, RegionTable?, bool)"/> finds on
/// the figures the rows describe, in the same order, and refuses columns that make no figures.
/// </summary>
public class FigureValidatorColumnsTest
{
    [Fact]
    public void Columns_give_the_findings_of_figures_on_any_figures()
    {
        Gen.Select(FigureValidatorFastPathTest.AnyFigure.Array[0, 60], Gen.Bool, Gen.Bool).Sample(
            t =>
            {
                var (figures, strict, withRegions) = t;
                var regions = withRegions ? RegionTable.Default : null;
                var expected = FigureValidator.Validate(figures, regions, strict);

                var actual = Validate(figures, regions, strict, full: true);

                actual.Should().Equal(expected);
                actual.Select(f => f.ToString()).Should().Equal(expected.Select(f => f.ToString()));
            },
            iter: 3000);
    }

    [Fact]
    public void Exact_counts_of_committees_own_work_need_no_optional_column()
    {
        var c = Committee.Parse("520112");
        var y = ReportingPeriod.CalendarYear(2023);
        Figure[] figures =
        [
            new(c, y, Measures.Proposals.Received, 100, FigureUnit.Piece),
            new(c, y, Measures.Proposals.Filed, 120, FigureUnit.Piece),
            new(c, y, new Measure("activity.consultation"), 10, FigureUnit.Times),
            new(c, y, new Measure("activity.consultation.sector"), 11, FigureUnit.Times),
        ];

        var actual = Validate(figures, RegionTable.Default, strict: false, full: false);

        actual.Should().Equal(FigureValidator.Validate(figures, RegionTable.Default));
        actual.Select(f => f.Rule).Should().Equal(ValidationRule.FiledExceedsReceived, ValidationRule.BreakdownExceedsTotal);
    }

    [Fact]
    public void Columns_of_different_lengths_are_refused()
    {
        var act = () =>
        {
            var columns = new FigureColumns([Committee.Parse("520112")], [], [Measures.Proposals.Received], [1m], [FigureUnit.Piece]);
            FigureValidator.Validate(columns);
        };

        act.Should().Throw<ArgumentException>().WithParameterName("columns").WithMessage("The column periods has 0 elements; the committees column has 1.*");
    }

    [Fact]
    public void A_row_that_makes_no_figure_is_refused_with_its_index()
    {
        var act = () =>
        {
            var c = Committee.Parse("520112");
            var y = ReportingPeriod.CalendarYear(2023);
            var columns = new FigureColumns([c, c], [y, y], [Measures.Proposals.Received, Measures.Proposals.Filed], [1m, 2m], [FigureUnit.Piece, FigureUnit.Percent]);
            FigureValidator.Validate(columns);
        };

        act.Should().Throw<ArgumentException>().WithParameterName("columns").WithMessage("Row 1 does not make a figure: *");
    }

    private static System.Collections.Generic.IReadOnlyList<ValidationFinding> Validate(Figure[] figures, RegionTable? regions, bool strict, bool full)
    {
        var columns = new FigureColumns(
            figures.Select(f => f.Committee).ToArray(),
            figures.Select(f => f.Period).ToArray(),
            figures.Select(f => f.Measure).ToArray(),
            figures.Select(f => f.Value).ToArray(),
            figures.Select(f => f.Unit).ToArray())
        {
            Qualifiers = full ? figures.Select(f => f.Qualifier).ToArray() : [],
            Scopes = full ? figures.Select(f => f.Scope).ToArray() : [],
            Topics = full ? figures.Select(f => f.Topic).ToArray() : [],
            Sources = full ? figures.Select(f => f.Source).ToArray() : [],
        };
        return FigureValidator.Validate(columns, regions, strict);
    }
}
