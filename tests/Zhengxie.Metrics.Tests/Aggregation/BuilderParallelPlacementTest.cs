using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// A build of 65,536 accepted rows or more places the proposal family's cells on a second thread, beside the other counts
/// (FigureDatasetBuilder.Build). Its dataset must be the one the single-threaded placement gives: every count and every
/// finding equal to those of two builds of half the committees each (each under the threshold, so placed on one thread).
/// </summary>
public class BuilderParallelPlacementTest
{
    private static readonly ReportingPeriod[] Years = [ReportingPeriod.CalendarYear(2021), ReportingPeriod.CalendarYear(2022), ReportingPeriod.CalendarYear(2023)];
    private static readonly Measure Consultations = new("activity.consultation");
    private static readonly Measure Inspections = new("activity.inspection");
    private static readonly Measure[] CountMeasures = [Measures.Proposals.Received, Measures.Proposals.Filed, Measures.Proposals.Replied, Consultations, Inspections, new("activity.research"), new("activity.forum"), new("activity.visit")];

    [Fact]
    public void A_large_build_places_every_cell_and_finding_as_two_small_builds_do()
    {
        var counties = RegionTable.Default.Counties.Take(2800).Select(r => new Committee(r.Code)).ToArray();
        var figures = new List<Figure>();
        for (int k = 0; k < counties.Length; k++)
        {
            figures.AddRange(FiguresOf(counties[k], k));
        }

        figures.Count.Should().BeGreaterThan(65_536 + 1000, "the large build must take the two-thread placement");
        var whole = Build(figures);
        var even = Build(figures.Where(f => Position(counties, f.Committee) % 2 == 0));
        var odd = Build(figures.Where(f => Position(counties, f.Committee) % 2 == 1));
        even.FigureCount.Should().BeLessThan(65_536);
        odd.FigureCount.Should().BeLessThan(65_536);

        // Every cell, both scopes, over every measure either build has (proposals.concluded only through 「全部办结」).
        var measures = whole.CountMeasures.Union(whole.RegionTotalMeasures).ToList();
        measures.Should().Contain(Measures.Proposals.Concluded);
        int cells = 0;
        for (int k = 0; k < counties.Length; k++)
        {
            var half = k % 2 == 0 ? even : odd;
            foreach (var year in Years)
            {
                foreach (var measure in measures)
                {
                    foreach (var scope in (FigureScope[])[FigureScope.Committee, FigureScope.RegionTotal])
                    {
                        bool inWhole = whole.TryGetCount(counties[k], year, measure, scope, out var a);
                        bool inHalf = half.TryGetCount(counties[k], year, measure, scope, out var b);
                        (inWhole, a).Should().Be((inHalf, b), "{0} {1} {2} {3}", counties[k], year, measure, scope);
                        cells += inWhole ? 1 : 0;
                    }
                }
            }
        }

        cells.Should().BeGreaterThan(65_000);

        // The special committees' cells, as the rules make them.
        whole.GetCount(counties[1], Years[0], Measures.Proposals.Concluded).Should().Be(Bounds.Exactly(38), "「全部办结」 stands for the 38 filed");
        whole.TryGetCount(counties[2], Years[0], Consultations, out _).Should().BeFalse("1.5次 is no whole count");
        whole.GetCount(counties[3], Years[0], Consultations).Should().Be(Bounds.Between(11, 19), "「10余次」");
        whole.GetCount(counties[5], Years[0], Inspections, FigureScope.RegionTotal).Should().Be(Bounds.Exactly(77));

        // The findings of both threads, in the builder's order: the same as the halves' together, in that same order.
        static string Text(ValidationFinding f) => $"{f.Rule} {f.Committee} {f.Period} {f.Measure} {f.Message}";
        whole.Findings.Select(f => f.Committee).Should().Contain([counties[2], counties[4]]);
        whole.Findings.Select(Text).Should().Equal(even.Findings.Concat(odd.Findings)
            .OrderBy(f => f.Committee).ThenBy(f => f.Period).ThenBy(f => f.Measure?.Id, System.StringComparer.Ordinal).ThenBy(f => f.Rule).ThenBy(f => f.Message, System.StringComparer.Ordinal)
            .Select(Text));
    }

    private static FigureDataset Build(IEnumerable<Figure> figures) =>
        new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(figures).Build();

    private static int Position(Committee[] counties, Committee committee) => System.Array.IndexOf(counties, committee);

    /// <summary>A committee's figures: plain counts (the proposal chain among them) for each year; committees 1 to 5 each with one case the rules treat apart in the first year: 「全部办结」, 1.5次, 「10余次」, more filed than received, a region total.</summary>
    private static IEnumerable<Figure> FiguresOf(Committee committee, int k)
    {
        foreach (var year in Years)
        {
            bool special = year == Years[0] && k is >= 1 and <= 5;
            long received = 40 + (k % 50) + year.Year - 2021;
            foreach (var measure in CountMeasures)
            {
                if (special && k == 2 && measure == Consultations)
                {
                    yield return new Figure(committee, year, measure, 1.5m, FigureUnit.Times);
                    continue;
                }

                if (special && k == 3 && measure == Consultations)
                {
                    yield return new Figure(committee, year, measure, 10, FigureUnit.Times, Qualifier.MoreThan);
                    continue;
                }

                long value = measure == Measures.Proposals.Received ? received
                    : measure == Measures.Proposals.Filed ? (special && k == 4 ? received + 20 : received - 3)
                    : measure == Measures.Proposals.Replied ? received - 9
                    : 1 + ((k + measure.Id.Length) % 17);
                var unit = measure.Family == Measures.Proposals.Received.Family ? FigureUnit.Piece : FigureUnit.Times;
                yield return new Figure(committee, year, measure, value, unit);
            }

            if (special && k == 1)
            {
                yield return new Figure(committee, year, Measures.Proposals.Concluded, null, FigureUnit.Piece, Qualifier.All);
            }

            if (special && k == 5)
            {
                yield return new Figure(committee, year, Inspections, 77, FigureUnit.Times, scope: FigureScope.RegionTotal);
            }
        }
    }
}
