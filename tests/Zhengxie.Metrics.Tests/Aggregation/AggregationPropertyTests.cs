using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

public class AggregationPropertyTests
{
    // A small region table: two provinces, prefectures with 0 to 3 counties, and counties directly under a province.
    private static readonly RegionTable Table = RegionTable.FromRegions(
    [
        new Region(new RegionCode(110000), "甲省", AdministrativeLevel.Province, null),
        new Region(new RegionCode(110101), "甲直辖区", AdministrativeLevel.County, new RegionCode(110000)),
        new Region(new RegionCode(110102), "甲直辖区二", AdministrativeLevel.County, new RegionCode(110000)),
        new Region(new RegionCode(110200), "甲一市", AdministrativeLevel.Prefecture, new RegionCode(110000)),
        new Region(new RegionCode(110201), "甲一县", AdministrativeLevel.County, new RegionCode(110200)),
        new Region(new RegionCode(110202), "甲二县", AdministrativeLevel.County, new RegionCode(110200)),
        new Region(new RegionCode(110203), "甲三县", AdministrativeLevel.County, new RegionCode(110200)),
        new Region(new RegionCode(110300), "甲空市", AdministrativeLevel.Prefecture, new RegionCode(110000)),
        new Region(new RegionCode(120000), "乙省", AdministrativeLevel.Province, null),
        new Region(new RegionCode(120100), "乙一市", AdministrativeLevel.Prefecture, new RegionCode(120000)),
        new Region(new RegionCode(120101), "乙一区", AdministrativeLevel.County, new RegionCode(120100)),
        new Region(new RegionCode(120102), "乙二区", AdministrativeLevel.County, new RegionCode(120100)),
        new Region(new RegionCode(120200), "乙二市", AdministrativeLevel.Prefecture, new RegionCode(120000)),
        new Region(new RegionCode(120201), "乙三县", AdministrativeLevel.County, new RegionCode(120200)),
        new Region(new RegionCode(129001), "乙省直辖市", AdministrativeLevel.County, new RegionCode(120000)),
    ]);

    private static readonly Measure Activity = new("activity.consultation");

    private static readonly RateDefinition[] Rates = [RateDefinition.Acceptance, RateDefinition.Reply, RateDefinition.AdoptionIncludingPlanned];

    private static readonly Measure[] CountMeasures =
    [
        Measures.Proposals.Received, Measures.Proposals.Filed, Measures.Proposals.Replied,
        Measures.Proposals.OutcomeA, Measures.Proposals.OutcomeB, Activity,
    ];

    /// <summary>Random figures: random committees and periods, missing cells, qualified activity counts, topic and region_total noise.</summary>
    private static readonly Gen<List<Figure>> GenFigures =
        Gen.Select(
            Gen.Int[0, Table.Count - 1],
            Gen.Int[2019, 2022],
            Gen.Int[0, 63],
            Gen.Int[0, 500],
            Gen.Int[0, 4],
            Gen.Int[0, 9])
        .Array[0, 40]
        .Select(rows =>
        {
            var seen = new HashSet<(int, int)>();
            var figures = new List<Figure>();
            foreach (var (c, year, mask, received, qual, noise) in rows)
            {
                if (!seen.Add((c, year)))
                {
                    continue;
                }

                var committee = Table.Regions[c].Committee;
                var period = ReportingPeriod.CalendarYear(year);
                long filed = received * 3 / 4;
                long replied = filed - (filed / 10);
                long a = replied / 2;
                long b = replied / 4;
                long[] values = [received, filed, replied, a, b];
                for (int m = 0; m < 5; m++)
                {
                    if ((mask & (1 << m)) != 0)
                    {
                        figures.Add(new Figure(committee, period, CountMeasures[m], values[m], FigureUnit.Piece));
                    }
                }

                if ((mask & 32) != 0)
                {
                    var qualifier = qual switch { 0 => Qualifier.MoreThan, 1 => Qualifier.AtLeast, 2 => Qualifier.Nearly, _ => Qualifier.Exact };
                    figures.Add(new Figure(committee, period, Activity, 10 + (received / 10 * 10), FigureUnit.Times, qualifier));
                }

                if (noise == 0)
                {
                    figures.Add(new Figure(committee, period, Activity, 5, FigureUnit.Times, topic: "专题"));
                }
                else if (noise == 1)
                {
                    figures.Add(new Figure(committee, period, Activity, 999, FigureUnit.Times, scope: FigureScope.RegionTotal));
                }
                else if (noise == 2)
                {
                    figures.Add(new Figure(committee, period, Measures.Proposals.Concluded, null, FigureUnit.Piece, Qualifier.All));
                }
            }

            return figures;
        });

    private static readonly Gen<Participation> GenParticipation = Gen.Int[0, 3].Select(i => (Participation)i);

    [Fact]
    public void Hierarchy_roll_up_equals_the_reference_for_every_group_period_measure_and_rate()
    {
        Gen.Select(GenFigures, GenParticipation).Sample((figures, participation) =>
        {
            var dataset = Build(figures);
            var table = dataset.RollUp(participation, options: new AggregationOptions { Measures = CountMeasures, Rates = Rates });
            AssertEqualsReference(table, figures, key => AggregationReference.Members(Table, key, participation));
        }, iter: 200);
    }

    [Fact]
    public void Custom_groupings_and_spans_equal_the_reference()
    {
        Gen.Select(GenFigures, Gen.Int[0, 7]).Sample((figures, salt) =>
        {
            var dataset = Build(figures);
            string? Key(Region r) => (r.Code.Value + salt) % 3 == 0 ? null : "zone" + ((r.Code.Value + salt) % 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var pilot = Table.Regions.Where((r, i) => (i + salt) % 4 == 0).Select(r => r.Committee).ToList();
            var grouping = Grouping.By(Key).And(Grouping.Of("pilot", pilot)).And(Grouping.Where("counties", r => r.Level == AdministrativeLevel.County));
            var options = new AggregationOptions { Measures = CountMeasures, Rates = Rates };
            var members = new Dictionary<GroupKey, HashSet<Committee>>
            {
                [GroupKey.Custom("zone1")] = Table.Regions.Where(r => Key(r) == "zone1").Select(r => r.Committee).ToHashSet(),
                [GroupKey.Custom("zone2")] = Table.Regions.Where(r => Key(r) == "zone2").Select(r => r.Committee).ToHashSet(),
                [GroupKey.Custom("pilot")] = pilot.ToHashSet(),
                [GroupKey.Custom("counties")] = Table.Regions.Where(r => r.Level == AdministrativeLevel.County).Select(r => r.Committee).ToHashSet(),
            };
            AssertEqualsReference(dataset.Aggregate(grouping, PeriodSelection.EachPeriod, options), figures, key => members[key]);
            AssertEqualsReference(dataset.Aggregate(grouping, PeriodSelection.Total(2019, 2021), options), figures, key => members[key]);
            AssertEqualsReference(dataset.Aggregate(grouping, PeriodSelection.Years(2018, 2022), options), figures, key => members[key]);
        }, iter: 100);
    }

    [Fact]
    public void Results_do_not_depend_on_input_order_or_on_how_the_input_was_split()
    {
        Gen.Select(GenFigures, Gen.Int, Gen.Int[1, 5]).Sample((figures, seed, parts) =>
        {
            var random = new Random(seed);
            var shuffled = figures.OrderBy(_ => random.Next()).ToList();
            var builder = new FigureDatasetBuilder(Table);
            int size = (shuffled.Count / parts) + 1;
            for (int i = 0; i < shuffled.Count; i += size)
            {
                var chunk = shuffled.Skip(i).Take(size).ToList();
                if (chunk.Count == 1)
                {
                    builder.Add(chunk[0]);
                }
                else
                {
                    builder.AddRange(chunk);
                }
            }

            var a = Build(figures).RollUp(Participation.AllLevels);
            var b = builder.Build().RollUp(Participation.AllLevels);
            Cells(b).Should().Equal(Cells(a));
        }, iter: 100);
    }

    [Fact]
    public void Children_sums_add_up_to_their_parent()
    {
        GenFigures.Sample(figures =>
        {
            var dataset = Build(figures);
            var options = new AggregationOptions { Measures = CountMeasures, Rates = [] };
            var table = dataset.RollUp(Participation.CountyLevel, options: options);
            var provinces = Table.Regions.Where(r => r.Level == AdministrativeLevel.Province).ToList();
            foreach (var period in table.Periods)
            {
                foreach (var measure in CountMeasures)
                {
                    var nation = table[GroupKey.Nation, period.Label][measure];
                    var perProvince = provinces.Select(p => table[GroupKey.ForRegion(p), period.Label][measure]).ToList();
                    nation.Contributors.Should().Be(perProvince.Sum(v => v.Contributors));
                    nation.Sum.Should().Be(nation.HasValue ? Bounds.Sum(perProvince.Where(v => v.HasValue).Select(v => v.Sum!.Value)) : null);

                    foreach (var province in provinces)
                    {
                        // A province's counties: those of its prefectures and those directly under it.
                        var whole = table[GroupKey.ForRegion(province), period.Label][measure];
                        var children = Table.GetChildren(province.Code)
                            .Where(c => c.Level == AdministrativeLevel.Prefecture)
                            .Select(c => table[GroupKey.ForRegion(c), period.Label][measure])
                            .ToList();
                        var direct = dataset.Aggregate(
                            Grouping.Where("direct", r => r.ParentCode == province.Code && r.Level == AdministrativeLevel.County),
                            PeriodSelection.Each(period.Periods),
                            options);
                        children.Add(direct.GetValue(0, measure));
                        whole.Contributors.Should().Be(children.Sum(v => v.Contributors));
                        whole.GroupSize.Should().Be(children.Sum(v => v.GroupSize));
                        whole.Sum.Should().Be(whole.HasValue ? Bounds.Sum(children.Where(v => v.HasValue).Select(v => v.Sum!.Value)) : null);
                    }
                }
            }
        }, iter: 100);
    }

    private static FigureDataset Build(List<Figure> figures) => new FigureDatasetBuilder(Table).AddRange(figures).Build();

    private static List<string> Cells(IndicatorTable table)
    {
        var cells = new List<string>();
        foreach (var row in table.Rows)
        {
            foreach (var column in table.Columns)
            {
                cells.Add(row + " " + column.Name + " " + table[row.Index, column.Index]);
            }
        }

        return cells;
    }

    private static void AssertEqualsReference(IndicatorTable table, List<Figure> figures, Func<GroupKey, HashSet<Committee>> membersOf)
    {
        var cells = AggregationReference.Cells(figures);
        foreach (var row in table.Rows)
        {
            var members = membersOf(row.Group);
            row.GroupSize.Should().Be(members.Count, "group size of {0}", row);
            foreach (var column in table.MeasureColumns)
            {
                var expected = AggregationReference.Sum(cells, members, row.Period.Periods.ToList(), column.Measure);
                table.GetValue(row.Index, column).Should().Be(expected, "{0} {1}", row, column.Name);
            }

            foreach (var column in table.RateColumns)
            {
                var expected = AggregationReference.Pool(cells, members, row.Period.Periods.ToList(), column.Definition);
                table.GetRate(row.Index, column).Should().Be(expected, "{0} {1}", row, column.Name);
            }
        }
    }
}
