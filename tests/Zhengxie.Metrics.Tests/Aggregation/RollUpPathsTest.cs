using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// Every path of the roll-up engine (the fused pass, the general checked pass with rates pooled from the
/// measure rows or from the leaves, buckets of several periods, 32 and 64 periods, runs longer than 255
/// committees and blocks of several runs, the two-thread split) compared cell by cell with sums written
/// here with dictionaries, on fixed pseudo-random data (no property-test framework: each case is one
/// deterministic dataset, so it is fast enough for mutation testing).
/// </summary>
public class RollUpPathsTest
{
    private static readonly Measure Activity = new("activity.consultation");

    private static readonly Measure[] CountMeasures =
    [
        Measures.Proposals.Received, Measures.Proposals.Filed, Measures.Proposals.Replied,
        Measures.Proposals.OutcomeA, Measures.Proposals.OutcomeB, Activity,
    ];

    private static readonly RateDefinition[] Rates = [RateDefinition.Acceptance, RateDefinition.Reply, RateDefinition.AdoptionIncludingPlanned];

    private static readonly AggregationOptions Options = new() { Measures = CountMeasures, Rates = Rates };

    // Two provinces: prefectures with 3, 2 and no counties, counties directly under a province.
    private static readonly RegionTable Small = RegionTable.FromRegions(
    [
        new Region(new RegionCode(130000), "丙省", AdministrativeLevel.Province, null),
        new Region(new RegionCode(130100), "丙一市", AdministrativeLevel.Prefecture, new RegionCode(130000)),
        new Region(new RegionCode(130101), "丙一县", AdministrativeLevel.County, new RegionCode(130100)),
        new Region(new RegionCode(130102), "丙二县", AdministrativeLevel.County, new RegionCode(130100)),
        new Region(new RegionCode(130103), "丙三县", AdministrativeLevel.County, new RegionCode(130100)),
        new Region(new RegionCode(130200), "丙二市", AdministrativeLevel.Prefecture, new RegionCode(130000)),
        new Region(new RegionCode(130201), "丙四县", AdministrativeLevel.County, new RegionCode(130200)),
        new Region(new RegionCode(130202), "丙五县", AdministrativeLevel.County, new RegionCode(130200)),
        new Region(new RegionCode(130300), "丙空市", AdministrativeLevel.Prefecture, new RegionCode(130000)),
        new Region(new RegionCode(139001), "丙直辖县", AdministrativeLevel.County, new RegionCode(130000)),
        new Region(new RegionCode(140000), "丁省", AdministrativeLevel.Province, null),
        new Region(new RegionCode(140100), "丁一市", AdministrativeLevel.Prefecture, new RegionCode(140000)),
        new Region(new RegionCode(140101), "丁一区", AdministrativeLevel.County, new RegionCode(140100)),
        new Region(new RegionCode(140102), "丁二区", AdministrativeLevel.County, new RegionCode(140100)),
    ]);

    private static readonly int[] FourYears = [2019, 2020, 2021, 2022];

    private static readonly Participation[] AllParticipations =
        [Participation.CountyLevel, Participation.PrefectureLevel, Participation.ProvinceLevel, Participation.AllLevels];

    [Fact]
    public void Fused_pass_each_period_equals_the_reference_under_every_participation()
    {
        var figures = Figures(Small, seed: 1, FourYears, density: 0.8);
        var dataset = Build(Small, figures);
        foreach (var participation in AllParticipations)
        {
            var table = dataset.RollUp(participation, options: Options);
            table.Rows.Count.Should().BeGreaterThan(0);
            AssertEqualsReference(table, figures, FigureScope.Committee, Members(participation));
        }
    }

    [Fact]
    public void Fused_pass_with_buckets_that_are_not_the_dataset_periods_equals_the_reference()
    {
        var figures = Figures(Small, seed: 2, FourYears, density: 0.7);
        var dataset = Build(Small, figures);
        var members = Members(Participation.AllLevels);

        // A subset in another order than the dataset's, and years without data (empty buckets).
        AssertEqualsReference(dataset.RollUp(Participation.AllLevels, PeriodSelection.Each([Year(2022), Year(2020)]), Options), figures, FigureScope.Committee, members);
        AssertEqualsReference(dataset.RollUp(Participation.AllLevels, PeriodSelection.Years(2017, 2023), Options), figures, FigureScope.Committee, members);
        AssertEqualsReference(dataset.RollUp(Participation.AllLevels, PeriodSelection.Each([Year(2021)]), Options), figures, FigureScope.Committee, members);
    }

    [Fact]
    public void Buckets_of_several_periods_equal_the_reference()
    {
        var figures = Figures(Small, seed: 3, FourYears, density: 0.6);
        var dataset = Build(Small, figures);
        foreach (var participation in AllParticipations)
        {
            var members = Members(participation);
            AssertEqualsReference(dataset.RollUp(participation, PeriodSelection.Total(2019, 2021), Options), figures, FigureScope.Committee, members);
            AssertEqualsReference(dataset.RollUp(participation, PeriodSelection.Total(2020, 2030), Options), figures, FigureScope.Committee, members);
        }
    }

    [Fact]
    public void General_path_when_a_column_alone_could_overflow_equals_the_reference()
    {
        // One activity count near 2^60: its column cannot be summed unchecked, so the fused pass declines;
        // the rates' own counts are small, so they are pooled from the measure rows.
        var figures = Figures(Small, seed: 4, FourYears, density: 0.8);
        figures.RemoveAll(f => f.Committee == Small.Regions[3].Committee && f.Period == Year(2020) && f.Measure == Activity);
        figures.Add(new Figure(Small.Regions[3].Committee, Year(2020), Activity, 1L << 60, FigureUnit.Times));
        var dataset = Build(Small, figures);
        foreach (var participation in AllParticipations)
        {
            var members = Members(participation);
            AssertEqualsReference(dataset.RollUp(participation, options: Options), figures, FigureScope.Committee, members);
            AssertEqualsReference(dataset.RollUp(participation, PeriodSelection.Each([Year(2022), Year(2020)]), Options), figures, FigureScope.Committee, members);
            AssertEqualsReference(dataset.RollUp(participation, PeriodSelection.Total(2019, 2022), Options), figures, FigureScope.Committee, members);
        }
    }

    [Fact]
    public void Rates_whose_counts_are_not_among_the_measures_asked_for_equal_the_reference_on_every_path()
    {
        // Only activity is asked for: the rates' counts have no measure rows to be pooled from.
        var figures = Figures(Small, seed: 13, FourYears, density: 0.8);
        var options = new AggregationOptions { Measures = [Activity], Rates = Rates };
        var members = Members(Participation.AllLevels);
        AssertEqualsReference(Build(Small, figures).RollUp(Participation.AllLevels, options: options), figures, FigureScope.Committee, members);
        figures.Add(new Figure(Small.Regions[5].Committee, Year(2030), Activity, 1L << 60, FigureUnit.Times));
        var general = Build(Small, figures);
        AssertEqualsReference(general.RollUp(Participation.AllLevels, options: options), figures, FigureScope.Committee, members);
        AssertEqualsReference(general.RollUp(Participation.AllLevels, options: new AggregationOptions { Measures = [Activity, Measures.Proposals.Received], Rates = Rates }), figures, FigureScope.Committee, members);
    }

    [Fact]
    public void A_sum_that_overflows_only_where_two_prefectures_meet_is_named()
    {
        // Each leaf sum fits; the province's and the nation's do not (the group sums of the checked path).
        long big = (1L << 62) + 5;
        var dataset = Build(Small,
        [
            new Figure(Small.Regions[2].Committee, Year(2020), Activity, big, FigureUnit.Times),
            new Figure(Small.Regions[6].Committee, Year(2020), Activity, big, FigureUnit.Times),
            new Figure(Small.Regions[6].Committee, Year(2021), Activity, 4, FigureUnit.Times),
        ]);
        var act = () => dataset.RollUp(Participation.CountyLevel, options: new AggregationOptions { Measures = [Activity], Rates = [] });
        var error = act.Should().Throw<ZhengxieMetricsException>().Which;
        error.InnerException.Should().BeOfType<OverflowException>();
        error.Message.Should().MatchRegex("^Group (全国|130000 丙省), period 2020, measure activity.consultation: the sum \\(9223372036854775818\\) does not fit in a 64-bit count");
        var fine = dataset.RollUp(Participation.CountyLevel, PeriodSelection.Each([Year(2021)]), new AggregationOptions { Measures = [Activity], Rates = [] });
        fine[GroupKey.Nation, "2021"][Activity].Sum.Should().Be(Bounds.Exactly(4));
    }

    [Fact]
    public void A_committee_stating_a_measure_for_two_periods_of_one_year_is_refused_per_year_but_summed_over_a_span()
    {
        var county = Small.Regions[3].Committee;
        var other = Small.Regions[2].Committee;
        var session = ReportingPeriod.ForSession(4, 4, 2020);
        var dataset = Build(Small,
        [
            new Figure(other, Year(2020), Activity, 3, FigureUnit.Times),
            new Figure(county, Year(2020), Activity, 5, FigureUnit.Times),
            new Figure(county, session, Activity, 7, FigureUnit.Times),
            new Figure(county, Year(2021), Activity, 11, FigureUnit.Times),
        ]);
        var options = new AggregationOptions { Measures = [Activity], Rates = [] };
        var act = () => dataset.RollUp(Participation.CountyLevel, PeriodSelection.EachYear, options);
        act.Should().Throw<ZhengxieMetricsException>().WithMessage(
            $"Committee {county}, period 2020, measure activity.consultation: the committee reports it for both 2020 and {session}, which fall in the same year; a yearly aggregate would count it twice. Select the periods one by one (PeriodSelection.EachPeriod) instead.");

        // Over a span the committee counts once among the contributors, and every period's figure is added.
        var total = dataset.RollUp(Participation.CountyLevel, PeriodSelection.Total(2020, 2021), options);
        var prefecture = total[new RegionCode(130100), "2020-2021"][Activity];
        prefecture.Sum.Should().Be(Bounds.Exactly(3 + 5 + 7 + 11));
        prefecture.Contributors.Should().Be(2);
        total[GroupKey.Nation, "2020-2021"][Activity].Contributors.Should().Be(2);
    }

    [Fact]
    public void General_path_when_a_rate_could_overflow_equals_the_reference()
    {
        // A committee whose proposal counts are near 2^59: every rate is pooled on the checked path.
        var figures = Figures(Small, seed: 5, FourYears, density: 0.8);
        var big = Small.Regions[6].Committee;
        figures.RemoveAll(f => f.Committee == big && f.Period == Year(2021));
        long received = 1L << 59;
        figures.Add(new Figure(big, Year(2021), Measures.Proposals.Received, received, FigureUnit.Piece));
        figures.Add(new Figure(big, Year(2021), Measures.Proposals.Filed, received - 1000, FigureUnit.Piece));
        figures.Add(new Figure(big, Year(2021), Measures.Proposals.Replied, received - 2000, FigureUnit.Piece));
        figures.Add(new Figure(big, Year(2021), Measures.Proposals.OutcomeA, received / 2, FigureUnit.Piece));
        var dataset = Build(Small, figures);
        foreach (var participation in AllParticipations)
        {
            var members = Members(participation);
            AssertEqualsReference(dataset.RollUp(participation, options: Options), figures, FigureScope.Committee, members);
            AssertEqualsReference(dataset.RollUp(participation, PeriodSelection.Years(2018, 2022), Options), figures, FigureScope.Committee, members);
            AssertEqualsReference(dataset.RollUp(participation, PeriodSelection.Total(2020, 2022), Options), figures, FigureScope.Committee, members);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Period_counts_that_leave_part_of_a_vector_on_every_path_equal_the_reference(int yearCount)
    {
        // Rows of 1, 2, 3 or 5 buckets: the vector adds and subtractions end in a scalar tail. Each roll-up
        // runs twice, since the engine's rented buffers must start cleared whatever the previous one left.
        int[] years = Enumerable.Range(2019, yearCount).ToArray();
        var figures = Figures(Small, seed: 10 + yearCount, years, density: 0.9);
        var members = Members(Participation.AllLevels);
        var fused = Build(Small, figures);
        figures.Add(new Figure(Small.Regions[4].Committee, Year(2030), Activity, 1L << 60, FigureUnit.Times));
        var general = Build(Small, figures);
        foreach (var dataset in new[] { fused, general })
        {
            for (int i = 0; i < 2; i++)
            {
                AssertEqualsReference(dataset.RollUp(Participation.AllLevels, PeriodSelection.Each(years.Select(Year)), Options), figures, FigureScope.Committee, members);
                AssertEqualsReference(dataset.RollUp(Participation.AllLevels, PeriodSelection.Total(2019, 2019 + yearCount - 1), Options), figures, FigureScope.Committee, members);
            }
        }
    }

    [Fact]
    public void Sixty_four_periods_on_every_path_equal_the_reference()
    {
        // 40 years: the period axis is padded to two byte vectors.
        int[] years = Enumerable.Range(1981, 40).ToArray();
        var figures = Figures(Small, seed: 6, years, density: 0.3);
        var dataset = Build(Small, figures);
        var members = Members(Participation.AllLevels);
        AssertEqualsReference(dataset.RollUp(Participation.AllLevels, options: Options), figures, FigureScope.Committee, members);
        AssertEqualsReference(dataset.RollUp(Participation.AllLevels, PeriodSelection.Years(1990, 2000), Options), figures, FigureScope.Committee, members);
        AssertEqualsReference(dataset.RollUp(Participation.AllLevels, PeriodSelection.Total(1981, 2020), Options), figures, FigureScope.Committee, members);

        figures.Add(new Figure(Small.Regions[2].Committee, Year(2025), Activity, 1L << 60, FigureUnit.Times));
        var unsafeDataset = Build(Small, figures);
        AssertEqualsReference(unsafeDataset.RollUp(Participation.AllLevels, options: Options), figures, FigureScope.Committee, members);
        AssertEqualsReference(unsafeDataset.RollUp(Participation.AllLevels, PeriodSelection.Years(2015, 2025), Options), figures, FigureScope.Committee, members);
    }

    [Fact]
    public void Custom_groupings_equal_the_reference()
    {
        var figures = Figures(Small, seed: 7, FourYears, density: 0.8);
        var dataset = Build(Small, figures);
        var regions = Small.Regions;
        string? Key(Region r) => r.Code.Value % 2 == 0 ? "even" : r.Level == AdministrativeLevel.County ? "odd county" : null;
        var pilot = new[] { regions[2], regions[5], regions[11], regions[0] }.Select(r => r.Committee).ToList();
        var grouping = Grouping.By(Key).And(Grouping.Of("pilot", pilot)).And(Grouping.Where("all", _ => true));
        var members = new Dictionary<GroupKey, HashSet<Committee>>
        {
            [GroupKey.Custom("even")] = regions.Where(r => Key(r) == "even").Select(r => r.Committee).ToHashSet(),
            [GroupKey.Custom("odd county")] = regions.Where(r => Key(r) == "odd county").Select(r => r.Committee).ToHashSet(),
            [GroupKey.Custom("pilot")] = pilot.ToHashSet(),
            [GroupKey.Custom("all")] = regions.Select(r => r.Committee).ToHashSet(),
        };
        var table = dataset.Aggregate(grouping, PeriodSelection.EachPeriod, Options);
        table.Rows.Select(r => r.Group).Distinct().Should().Equal(GroupKey.Custom("even"), GroupKey.Custom("odd county"), GroupKey.Custom("pilot"), GroupKey.Custom("all"));
        AssertEqualsReference(table, figures, FigureScope.Committee, key => members[key]);
        AssertEqualsReference(dataset.Aggregate(grouping, PeriodSelection.Total(2019, 2022), Options), figures, FigureScope.Committee, key => members[key]);
    }

    [Fact]
    public void Region_total_scope_equals_the_reference()
    {
        // Region totals only on committees with nothing under them, so no group holds a total and its parts.
        var figures = Figures(Small, seed: 8, FourYears, density: 0.8);
        var leaves = Small.Regions.Where(r => Small.GetChildren(r.Code).Count == 0).Select(r => r.Committee).ToHashSet();
        var random = new Random(80);
        foreach (var c in leaves)
        {
            foreach (int y in FourYears)
            {
                if (random.NextDouble() < 0.6)
                {
                    long received = random.Next(0, 300);
                    figures.Add(new Figure(c, Year(y), Measures.Proposals.Received, received, FigureUnit.Piece, scope: FigureScope.RegionTotal));
                    figures.Add(new Figure(c, Year(y), Measures.Proposals.Filed, received / 2, FigureUnit.Piece, scope: FigureScope.RegionTotal));
                }
            }
        }

        var dataset = Build(Small, figures);
        var options = new AggregationOptions { Measures = [Measures.Proposals.Received, Measures.Proposals.Filed], Rates = [RateDefinition.Acceptance], Scope = AggregationScope.RegionTotal };
        var members = Members(Participation.CountyLevel);
        AssertEqualsReference(dataset.RollUp(Participation.CountyLevel, options: options), figures, FigureScope.RegionTotal, members);
        AssertEqualsReference(dataset.RollUp(Participation.CountyLevel, PeriodSelection.Total(2019, 2022), options), figures, FigureScope.RegionTotal, members);
    }

    [Fact]
    public void Tables_whose_rows_cross_the_chunks_of_the_result_equal_the_reference()
    {
        // One group per committee and 5 periods: 10,005 rows per column, more than one chunk (8,192) of the
        // result's arrays, so some groups' rows straddle two chunks and are written one by one.
        var large = LargeTable();
        var byCommittee = large.Regions.ToDictionary(r => GroupKey.Custom(r.Code.Value.ToString(CultureInfo.InvariantCulture)), r => new HashSet<Committee> { r.Committee });
        int[] years = [2018, 2019, 2020, 2021, 2022];
        var figures = Figures(large, seed: 12, years, density: 0.2);
        var cells = Index(figures, FigureScope.Committee);
        var grouping = Grouping.By(r => r.Code.Value.ToString(CultureInfo.InvariantCulture));
        AssertEqualsReference(Build(large, figures).Aggregate(grouping, PeriodSelection.EachPeriod, Options), cells, key => byCommittee[key]);
        figures.Add(new Figure(large.Regions[7].Committee, Year(2030), Activity, 1L << 60, FigureUnit.Times));
        AssertEqualsReference(Build(large, figures).Aggregate(grouping, PeriodSelection.EachPeriod, Options), Index(figures, FigureScope.Committee), key => byCommittee[key]);
    }

    [Fact]
    public void Long_runs_blocks_and_the_two_thread_split_equal_the_reference()
    {
        // 1,980 counties in 20 prefectures and 40 years: runs of 99 committees, blocks of several runs,
        // one run of 1,980 committees in the nation-only roll-up (longer than 255), and more than 2^20 cells
        // (committees x 64 periods x 9 columns), where the fused pass splits its columns over two threads.
        var large = LargeTable();
        int[] years = Enumerable.Range(1981, 40).ToArray();
        var figures = Figures(large, seed: 9, years, density: 0.02);
        var dataset = Build(large, figures);
        var cells = Index(figures, FigureScope.Committee);
        foreach (var levels in new[] { RollupLevels.All, RollupLevels.Nation })
        {
            var table = dataset.Aggregate(Grouping.Hierarchy(Participation.CountyLevel, levels), PeriodSelection.EachPeriod, Options);
            AssertEqualsReference(table, cells, Members(large, Participation.CountyLevel));
        }
    }

    /// <summary>1,980 counties in 20 prefectures of one province.</summary>
    private static RegionTable LargeTable()
    {
        var regions = new List<Region> { new(new RegionCode(150000), "戊省", AdministrativeLevel.Province, null) };
        for (int p = 1; p <= 20; p++)
        {
            var prefecture = new RegionCode(150000 + (p * 100));
            regions.Add(new Region(prefecture, "戊" + p.ToString(CultureInfo.InvariantCulture) + "市", AdministrativeLevel.Prefecture, new RegionCode(150000)));
            for (int c = 1; c <= 99; c++)
            {
                var code = new RegionCode(prefecture.Value + c);
                regions.Add(new Region(code, "戊县" + code.Value.ToString(CultureInfo.InvariantCulture), AdministrativeLevel.County, prefecture));
            }
        }

        return RegionTable.FromRegions(regions);
    }

    private static Func<GroupKey, HashSet<Committee>> Members(Participation participation) => Members(Small, participation);

    private static Func<GroupKey, HashSet<Committee>> Members(RegionTable table, Participation participation)
    {
        var cache = new Dictionary<GroupKey, HashSet<Committee>>();
        return key => cache.TryGetValue(key, out var set) ? set : cache[key] = AggregationReference.Members(table, key, participation);
    }

    private static ReportingPeriod Year(int year) => ReportingPeriod.CalendarYear(year);

    private static FigureDataset Build(RegionTable table, List<Figure> figures) => new FigureDatasetBuilder(table).AddRange(figures).Build();

    /// <summary>
    /// Deterministic figures: each committee-year reports a random subset of a consistent proposal chain
    /// (received ≥ filed ≥ replied ≥ A + B), so the rates have committees reporting only some of their
    /// counts, some of them qualified; activity counts exact or qualified (more than, at least: unbounded,
    /// nearly); and noise the roll-up must leave out (topics, region totals).
    /// </summary>
    private static List<Figure> Figures(RegionTable table, int seed, int[] years, double density)
    {
        var random = new Random(seed);
        var figures = new List<Figure>();
        foreach (var region in table.Regions)
        {
            foreach (int year in years)
            {
                if (random.NextDouble() >= density)
                {
                    continue;
                }

                var c = region.Committee;
                var period = Year(year);
                // Some counts of the rates qualified: received 「300余件」 (301..309) or 「至少300件」, then filed
                // 「至少」 too (a numerator without upper bound), outcome B 「近20件」 (11..19, where replied − A leaves room for 19).
                long received = random.Next(0, 600);
                var receivedQualifier = random.Next(8) switch
                {
                    0 when received >= 10 => Qualifier.MoreThan,
                    1 => Qualifier.AtLeast,
                    _ => Qualifier.Exact,
                };
                long statedReceived = receivedQualifier == Qualifier.MoreThan ? received / 10 * 10 : received;
                long lowestReceived = receivedQualifier == Qualifier.MoreThan ? statedReceived + 1 : received;
                long filed = lowestReceived * random.Next(50, 101) / 100;
                long replied = filed * random.Next(60, 101) / 100;
                long a = replied * random.Next(0, 60) / 100;
                long b = (replied - a) * random.Next(0, 100) / 100;
                var filedQualifier = receivedQualifier == Qualifier.AtLeast && random.Next(2) == 0 ? Qualifier.AtLeast : Qualifier.Exact;
                var bQualifier = b > 10 && b % 10 != 0 && a + ((b / 10) + 1) * 10 - 1 <= replied && random.Next(3) == 0 ? Qualifier.Nearly : Qualifier.Exact;
                long statedB = bQualifier == Qualifier.Nearly ? ((b / 10) + 1) * 10 : b;
                long[] values = [statedReceived, filed, replied, a, statedB];
                Qualifier[] qualifiers = [receivedQualifier, filedQualifier, Qualifier.Exact, Qualifier.Exact, bQualifier];
                int mask = random.Next(1, 64);
                for (int m = 0; m < 5; m++)
                {
                    if ((mask & (1 << m)) != 0)
                    {
                        figures.Add(new Figure(c, period, CountMeasures[m], values[m], FigureUnit.Piece, qualifiers[m]));
                    }
                }

                if ((mask & 32) != 0)
                {
                    var qualifier = random.Next(5) switch { 0 => Qualifier.MoreThan, 1 => Qualifier.AtLeast, 2 => Qualifier.Nearly, _ => Qualifier.Exact };
                    figures.Add(new Figure(c, period, Activity, 10 + (random.Next(0, 50) * 10), FigureUnit.Times, qualifier));
                }

                switch (random.Next(8))
                {
                    case 0:
                        figures.Add(new Figure(c, period, Activity, 5, FigureUnit.Times, topic: "专题"));
                        break;
                    case 1 when table.GetChildren(region.Code).Count > 0:
                        figures.Add(new Figure(c, period, Activity, 999, FigureUnit.Times, scope: FigureScope.RegionTotal));
                        break;
                    default:
                        break;
                }
            }
        }

        return figures;
    }

    private static Dictionary<(Committee, ReportingPeriod), Dictionary<Measure, Bounds>> Index(List<Figure> figures, FigureScope scope)
    {
        var cells = new Dictionary<(Committee, ReportingPeriod), Dictionary<Measure, Bounds>>();
        foreach (var f in figures.Where(f => f.Scope == scope && f.Topic is null && f.Qualifier is not (Qualifier.All or Qualifier.PercentReported) && !f.Measure.IsRate))
        {
            if (!cells.TryGetValue((f.Committee, f.Period), out var byMeasure))
            {
                cells[(f.Committee, f.Period)] = byMeasure = [];
            }

            byMeasure.Add(f.Measure, f.Bounds!.Value);
        }

        return cells;
    }

    private static void AssertEqualsReference(IndicatorTable table, List<Figure> figures, FigureScope scope, Func<GroupKey, HashSet<Committee>> membersOf) =>
        AssertEqualsReference(table, Index(figures, scope), membersOf);

    private static void AssertEqualsReference(IndicatorTable table, Dictionary<(Committee, ReportingPeriod), Dictionary<Measure, Bounds>> cells, Func<GroupKey, HashSet<Committee>> membersOf)
    {
        table.Rows.Count.Should().BeGreaterThan(0);
        var measureColumns = table.MeasureColumns.ToArray();
        var rateColumns = table.RateColumns.ToArray();
        foreach (var row in table.Rows)
        {
            var members = membersOf(row.Group);
            row.GroupSize.Should().Be(members.Count, "group size of {0}", row);
            var sums = new Bounds[measureColumns.Length];
            var counts = new int[measureColumns.Length];
            var rates = new Rate[rateColumns.Length];
            var rateCounts = new int[rateColumns.Length];
            Array.Fill(sums, Bounds.Zero);
            Array.Fill(rates, Rate.None);
            foreach (var c in members)
            {
                var seen = new bool[measureColumns.Length];
                var seenRate = new bool[rateColumns.Length];
                foreach (var p in row.Period.Periods)
                {
                    if (!cells.TryGetValue((c, p), out var byMeasure))
                    {
                        continue;
                    }

                    for (int j = 0; j < measureColumns.Length; j++)
                    {
                        if (byMeasure.TryGetValue(measureColumns[j].Measure, out var v))
                        {
                            sums[j] += v;
                            seen[j] = true;
                        }
                    }

                    for (int k = 0; k < rateColumns.Length; k++)
                    {
                        var rate = rateColumns[k].Definition;
                        if (byMeasure.TryGetValue(rate.Denominator, out var den) && rate.Numerator.All(byMeasure.ContainsKey))
                        {
                            rates[k] += Rate.FromBounds(Bounds.Sum(rate.Numerator.Select(m => byMeasure[m])), den);
                            seenRate[k] = true;
                        }
                    }
                }

                for (int j = 0; j < seen.Length; j++)
                {
                    counts[j] += seen[j] ? 1 : 0;
                }

                for (int k = 0; k < seenRate.Length; k++)
                {
                    rateCounts[k] += seenRate[k] ? 1 : 0;
                }
            }

            for (int j = 0; j < measureColumns.Length; j++)
            {
                table.GetValue(row.Index, measureColumns[j]).Should().Be(AggregationReference.Make(sums[j], counts[j], members.Count), "{0} {1}", row, measureColumns[j].Name);
            }

            for (int k = 0; k < rateColumns.Length; k++)
            {
                table.GetRate(row.Index, rateColumns[k]).Should().Be(AggregationReference.MakeRate(rates[k], rateCounts[k], members.Count), "{0} {1}", row, rateColumns[k].Name);
            }
        }
    }
}
