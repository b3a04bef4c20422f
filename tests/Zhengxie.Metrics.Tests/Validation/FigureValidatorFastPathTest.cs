using System.Collections.Generic;
using System.Linq;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Validation;

/// <summary>
/// The validator's pass checks the common case (each measure once, no topic, exact counts) on arrays and
/// sends the rest through the general checks: on any figures it must find exactly what the general checks
/// find for every committee-period, in the same order.
/// </summary>
public class FigureValidatorFastPathTest
{
    private static readonly string[] MeasureIds =
    [
        "proposals.received", "proposals.filed", "proposals.replied", "proposals.outcome_a", "proposals.outcome_b", "proposals.outcome_c",
        "activity.consultation", "activity.consultation.counterpart", "activity.consultation.sector", "activity.reading", "rate.reply",
    ];

    private static readonly Committee[] Committees = [Committee.Parse("520112"), Committee.Parse("330324"), Committee.Parse("520100/county")];

    internal static readonly Gen<Figure> AnyFigure =
        Gen.Select(Gen.Int[0, Committees.Length - 1], Gen.Int[2022, 2023], Gen.Int[0, MeasureIds.Length - 1], Gen.Int[0, 150], Gen.Int[0, 19], Gen.Int[0, 9])
            .Select(t =>
            {
                var (c, year, m, value, shape, where) = t;
                var measure = new Measure(MeasureIds[m]);
                var scope = where == 0 ? FigureScope.RegionTotal : FigureScope.Committee;
                string? topic = where == 1 ? "视察" : null;
                var committee = Committees[c];
                var period = ReportingPeriod.CalendarYear(year);
                if (measure.IsRate)
                {
                    return new Figure(committee, period, measure, value % 101, FigureUnit.Percent, shape == 0 ? Qualifier.AtLeast : Qualifier.PercentReported, scope, topic);
                }

                var unit = measure.Family == "activity" ? new FigureUnit(shape == 1 ? "人次" : shape == 2 ? "万次" : "次") : FigureUnit.Piece;
                return shape switch
                {
                    3 => new Figure(committee, period, measure, value * 10 + 10, unit, Qualifier.MoreThan, scope, topic),
                    4 => new Figure(committee, period, measure, value + 1, unit, Qualifier.Nearly, scope, topic),
                    5 => new Figure(committee, period, measure, value == 0 ? null : value, unit, Qualifier.All, scope, topic),
                    6 => new Figure(committee, period, measure, value + 0.5m, unit, Qualifier.Exact, scope, topic),
                    _ => new Figure(committee, period, measure, value, unit, Qualifier.Exact, scope, topic),
                };
            });

    /// <summary>Whole reports of one committee-period: every measure once, exact counts (the fast path), sometimes inconsistent.</summary>
    private static readonly Gen<Figure[]> AnyReport =
        Gen.Select(Gen.Int[0, Committees.Length - 1], Gen.Int[0, 200].Array[MeasureIds.Length], Gen.Bool.Array[MeasureIds.Length])
            .Select(t =>
            {
                var (c, values, present) = t;
                var period = ReportingPeriod.CalendarYear(2024);
                var figures = new List<Figure>();
                for (int m = 0; m < MeasureIds.Length; m++)
                {
                    var measure = new Measure(MeasureIds[m]);
                    if (!present[m])
                    {
                        continue;
                    }

                    figures.Add(measure.IsRate
                        ? new Figure(Committees[c], period, measure, values[m] % 101, FigureUnit.Percent, Qualifier.PercentReported)
                        : new Figure(Committees[c], period, measure, values[m], measure.Family == "activity" ? FigureUnit.Times : FigureUnit.Piece));
                }

                return figures.ToArray();
            });

    [Fact]
    public void The_pass_finds_what_the_general_checks_find_on_any_figures()
    {
        AnyFigure.Array[0, 40].Sample(
            figures => Same(figures),
            iter: 3000);
    }

    [Fact]
    public void The_pass_finds_what_the_general_checks_find_on_whole_reports()
    {
        AnyReport.Array[1, 6].Sample(
            reports => Same(reports.SelectMany(r => r).ToArray()),
            iter: 3000);
    }

    [Fact]
    public void Breakdowns_above_their_total_are_found_on_the_fast_path_as_on_the_general_one()
    {
        var c = Committees[0];
        var y = ReportingPeriod.CalendarYear(2024);
        Figure[] figures =
        [
            new(c, y, new Measure("activity.consultation.sector"), 40, FigureUnit.Times),
            new(c, y, new Measure("activity.consultation"), 70, FigureUnit.Times),
            new(c, y, new Measure("activity.consultation.counterpart"), 31, FigureUnit.Times),
            new(c, y, new Measure("activity.consultation.online"), 20, FigureUnit.Times, Qualifier.MoreThan),
            new(c, y, new Measure("activity.consultation.grassroots"), 5, new FigureUnit("人次")),
        ];

        var findings = FigureValidator.Validate(figures, RegionTable.Default);

        findings.Should().ContainSingle().Which.Message.Should().Be(
            "the parts activity.consultation.counterpart = 31次 + activity.consultation.online = 20余次 + activity.consultation.sector = 40次 add up to at least 92, more than the total 70次 (70).");
        findings.Should().Equal(FigureValidator.Validate(figures, RegionTable.Default, strict: false, generalOnly: true));
    }

    private static void Same(Figure[] figures)
    {
        var fast = FigureValidator.Validate(figures, RegionTable.Default);
        var general = FigureValidator.Validate(figures, RegionTable.Default, strict: false, generalOnly: true);
        fast.Select(f => f.ToString()).Should().Equal(general.Select(f => f.ToString()));
    }
}
