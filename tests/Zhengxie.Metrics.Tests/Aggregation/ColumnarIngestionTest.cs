using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// Figures given as columns (<see cref="FigureDatasetBuilder.AddColumns(FigureColumns)"/> and its exact-count overloads)
/// build exactly the dataset the same figures give as objects: the same figures kept, findings, count cells and roll-up,
/// whatever the figures (qualified, 「全部」, stated rates, region totals, topics, duplicates, conflicts, unknown
/// committees, malformed values, overflow).
/// </summary>
public class ColumnarIngestionTest
{
    private static readonly Committee[] Committees =
        new[] { 330302, 330303, 330324, 330381, 330300, 331100, 331102, 330000 }
            .Select(c => RegionTable.Default.GetCommittee(new RegionCode(c)))
            .Append(new Committee(new RegionCode(330302), AdministrativeLevel.Prefecture)) // not a committee: unknown region
            .ToArray();

    private static readonly ReportingPeriod[] Periods =
        [ReportingPeriod.CalendarYear(2020), ReportingPeriod.CalendarYear(2021), ReportingPeriod.ForSession(4, 4, 2021), ReportingPeriod.SinceSession(11, 1, 2022)];

    private static readonly Measure[] CountMeasures =
    [
        Measures.Proposals.Received, Measures.Proposals.Filed, Measures.Proposals.Replied, Measures.Proposals.OutcomeA,
        new("activity.consultation"), new("poverty.funds_raised"),
    ];

    private static readonly FigureUnit[] CountUnits = [FigureUnit.Piece, FigureUnit.Piece, FigureUnit.Piece, FigureUnit.Piece, FigureUnit.Times, new("万元")];

    private static readonly Qualifier[] CountQualifiers = [Qualifier.Exact, Qualifier.Exact, Qualifier.Exact, Qualifier.MoreThan, Qualifier.About, Qualifier.Nearly, Qualifier.AtLeast, Qualifier.All];

    /// <summary>One random figure: mostly exact counts, with every kind of trouble now and then.</summary>
    private static readonly Gen<Figure> GenFigure =
        Gen.Select(Gen.Int[0, Committees.Length - 1], Gen.Int[0, Periods.Length - 1], Gen.Int[0, CountMeasures.Length], Gen.Int[0, 400], Gen.Int[0, 19], Gen.Int[0, 9])
            .Select((c, p, m, v, kind, noise) =>
            {
                var committee = Committees[c];
                var period = Periods[p];
                var scope = noise == 0 ? FigureScope.RegionTotal : FigureScope.Committee;
                string? topic = noise == 1 ? "视察" : null;
                var source = noise == 2 ? new FigureSource("report", "quote") : null;
                if (m == CountMeasures.Length)
                {
                    // A stated rate, sometimes out of range (an error finding) or qualified.
                    decimal rate = kind == 0 ? 130m : v % 101 + (v % 2 == 0 ? 0.5m : 0m);
                    return new Figure(committee, period, Measures.Rates.Reply, Math.Min(rate, kind == 0 ? 130m : 100m), FigureUnit.Percent, kind == 1 ? Qualifier.AtLeast : Qualifier.PercentReported, scope, topic, source);
                }

                var qualifier = kind < 12 ? Qualifier.Exact : CountQualifiers[kind % CountQualifiers.Length];
                decimal? value = kind switch
                {
                    19 => -v,                       // negative: an error finding
                    18 => v + 0.5m,                 // 1.5件: no whole count
                    17 => 99_999_999_999_999_999m,  // overflows as 万元, an error finding (and a huge count otherwise)
                    _ => v,
                };
                if (qualifier == Qualifier.All && v % 2 == 0)
                {
                    value = null;
                }

                return new Figure(committee, period, CountMeasures[m], value, CountUnits[m], qualifier, scope, topic, source);
            });

    /// <summary>Random figure lists, with duplicates of earlier figures (identical or with another value) mixed in.</summary>
    private static readonly Gen<List<Figure>> GenFigures =
        Gen.Select(GenFigure.Array[0, 60], Gen.Int.Array[0, 10])
            .Select((figures, repeats) =>
            {
                var list = figures.ToList();
                foreach (int r in repeats)
                {
                    if (list.Count == 0)
                    {
                        break;
                    }

                    var f = list[(int)((uint)r % (uint)list.Count)];
                    list.Add(r % 3 == 0 && f.Value is { } v && !f.Unit.IsPercent
                        ? new Figure(f.Committee, f.Period, f.Measure, v + 1, f.Unit, f.Qualifier, f.Scope, f.Topic, f.Source)
                        : f);
                }

                return list;
            });

    [Fact]
    public void ColumnsBuildTheSameDatasetAsObjects()
    {
        GenFigures.Sample(figures =>
        {
            var fromObjects = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(figures).Build();
            var fromColumns = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddColumns(ToColumns(figures)).Build();
            ShouldBeSame(fromColumns, fromObjects, figures);
        });
    }

    [Fact]
    public void ColumnsThrowTheSameValidationExceptionAsObjects()
    {
        GenFigures.Sample(figures =>
        {
            var fromObjects = Record.Exception(() => new FigureDatasetBuilder().AddRange(figures).Build());
            var fromColumns = Record.Exception(() => new FigureDatasetBuilder().AddColumns(ToColumns(figures)).Build());
            (fromColumns?.GetType()).Should().Be(fromObjects?.GetType());
            fromColumns?.Message.Should().Be(fromObjects!.Message);
        });
    }

    [Fact]
    public void ColumnsAndObjectsMixInAnyOrder()
    {
        GenFigures.Sample(figures =>
        {
            int half = figures.Count / 2;
            var mixed = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings)
                .AddColumns(ToColumns(figures[..half]))
                .AddRange(figures[half..])
                .Build();
            var fromObjects = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(figures).Build();
            ShouldBeSame(mixed, fromObjects, figures);
        });
    }

    [Fact]
    public void ExactCountOverloadsBuildTheSameDatasetAsObjects()
    {
        Gen.Select(Gen.Int[0, Committees.Length - 1], Gen.Int[2019, 2022], Gen.Int[0, CountMeasures.Length - 2], Gen.Long[0, 1000])
            .Array[0, 80]
            .Sample(rows =>
            {
                var committees = rows.Select(r => Committees[r.Item1]).ToArray();
                var years = rows.Select(r => r.Item2).ToArray();
                var measures = rows.Select(r => CountMeasures[r.Item3]).ToArray();
                var values = rows.Select(r => r.Item4).ToArray();
                var units = rows.Select(r => CountUnits[r.Item3]).ToArray();
                var figures = rows.Select((_, i) => new Figure(committees[i], ReportingPeriod.CalendarYear(years[i]), measures[i], values[i], units[i])).ToList();
                var fromObjects = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(figures).Build();
                var byYear = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddColumns(committees, years, measures, values, units).Build();
                var byPeriod = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings)
                    .AddColumns(committees, years.Select(ReportingPeriod.CalendarYear).ToArray(), measures, values, units)
                    .Build();
                ShouldBeSame(byYear, fromObjects, figures);
                ShouldBeSame(byPeriod, fromObjects, figures);
            });
    }

    [Fact]
    public void TheNationalExactCaseRollsUpAsObjects()
    {
        // Every county of the default table, two years, proposals and an activity: the roll-up of columns equals that of objects.
        var counties = RegionTable.Default.Regions.Where(r => r.Level == AdministrativeLevel.County).Select(r => r.Committee).ToArray();
        var measures = new[] { Measures.Proposals.Received, Measures.Proposals.Filed, Measures.Proposals.Replied, new Measure("activity.study") };
        var units = new[] { FigureUnit.Piece, FigureUnit.Piece, FigureUnit.Piece, FigureUnit.Times };
        int n = counties.Length * 2 * measures.Length;
        var c = new Committee[n];
        var y = new int[n];
        var m = new Measure[n];
        var v = new long[n];
        var u = new FigureUnit[n];
        int k = 0;
        foreach (var county in counties)
        {
            for (int year = 2023; year <= 2024; year++)
            {
                long received = (county.Region.Value % 97) + year - 2000;
                long[] values = [received, received - 3, received - 5, county.Region.Value % 13];
                for (int j = 0; j < measures.Length; j++, k++)
                {
                    (c[k], y[k], m[k], v[k], u[k]) = (county, year, measures[j], values[j], units[j]);
                }
            }
        }

        var figures = Enumerable.Range(0, n).Select(i => new Figure(c[i], ReportingPeriod.CalendarYear(y[i]), m[i], v[i], u[i])).ToList();
        var fromColumns = new FigureDatasetBuilder().AddColumns(c, y, m, v, u).Build();
        var fromObjects = new FigureDatasetBuilder().AddRange(figures).Build();
        fromColumns.FigureCount.Should().Be(n);
        fromColumns.RollUp().Observations().Should().Equal(fromObjects.RollUp().Observations());
        var table = fromColumns.RollUp();
        var received2024 = table[GroupKey.Nation, "2024"][Measures.Proposals.Received].Sum!.Value.Lower;
        received2024.Should().Be(counties.Sum(x => (x.Region.Value % 97) + 24L));
    }

    [Fact]
    public void ColumnsOfDifferentLengthsAreRefused()
    {
        var builder = new FigureDatasetBuilder();
        var act = () => builder.AddColumns([Committees[0], Committees[1]], [2020, 2021], [Measures.Proposals.Filed], [1L, 2L], [FigureUnit.Piece, FigureUnit.Piece]);
        act.Should().Throw<ArgumentException>().WithParameterName("measures").WithMessage("*measures has 1 elements; the committees column has 2*");
        var optional = () => builder.AddColumns(new FigureColumns([Committees[0]], [Periods[0]], [Measures.Proposals.Filed], [1m], [FigureUnit.Piece]) { Qualifiers = [Qualifier.Exact, Qualifier.Exact] });
        optional.Should().Throw<ArgumentException>().WithParameterName("qualifiers");
        builder.Count.Should().Be(0);
    }

    [Fact]
    public void ARowThatMakesNoFigureIsRefusedNamingItAndNothingIsAdded()
    {
        var builder = new FigureDatasetBuilder();
        var committees = new[] { Committees[0], Committees[1], Committees[2] };
        var periods = new[] { Periods[0], Periods[0], Periods[1] };
        var measures = new[] { Measures.Proposals.Filed, Measures.Proposals.Replied, Measures.Rates.Reply };
        var values = new decimal?[] { 10, 9, 90 };
        var units = new[] { FigureUnit.Piece, FigureUnit.Piece, FigureUnit.Piece };
        var act = () => builder.AddColumns(new FigureColumns(committees, periods, measures, values, units) { Qualifiers = [Qualifier.Exact, Qualifier.Exact, Qualifier.PercentReported] });
        act.Should().Throw<ArgumentException>()
            .WithMessage("Row 2 (committee 330324, period 2021, measure rate.reply) does not make a figure: A rate or share (rate.reply) is stated in %*")
            .WithParameterName("unit");
        builder.Count.Should().Be(0);

        var noValue = () => builder.AddColumns(new FigureColumns(committees.AsSpan(0, 1), periods.AsSpan(0, 1), measures.AsSpan(0, 1), [null], units.AsSpan(0, 1)));
        noValue.Should().Throw<ArgumentException>().WithMessage("Row 0 (committee 330302, period 2020, measure proposals.filed)*Only a figure qualified 'all' may have no value*");

        var noCommittee = () => builder.AddColumns([default(Committee)], [2020], [Measures.Proposals.Filed], [1L], [FigureUnit.Piece]);
        noCommittee.Should().Throw<ArgumentException>().WithMessage("Row 0 *A figure needs a committee*");

        var percentCount = () => builder.AddColumns([Committees[0]], [Periods[0]], [Measures.Proposals.Filed], [1L], [FigureUnit.Percent]);
        percentCount.Should().Throw<ArgumentException>().WithMessage("Row 0 *Only a rate or share*not proposals.filed*");

        var badYear = () => builder.AddColumns([Committees[0], Committees[0]], [2020, 1900], [Measures.Proposals.Filed, Measures.Proposals.Filed], [1L, 2L], [FigureUnit.Piece, FigureUnit.Piece]);
        badYear.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("years").WithMessage("Row 1 (committee 330302, year 1900, measure proposals.filed)*1949 to 2200*");
        builder.Count.Should().Be(0);
    }

    [Fact]
    public void AnOverflowingScaledValueFromColumnsIsTheFindingOfObjects()
    {
        // 9,999,999,999,999,999 万元 does not fit a 64-bit count of 元: a finding naming committee, period and measure.
        var funds = new Measure("poverty.funds_raised");
        var figure = new Figure(Committees[0], Periods[0], funds, 9_999_999_999_999_999m, new FigureUnit("万元"));
        var fromColumns = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings)
            .AddColumns([Committees[0]], [Periods[0]], [funds], [9_999_999_999_999_999L], [new FigureUnit("万元")])
            .Build();
        var fromObjects = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).Add(figure).Build();
        fromColumns.Findings.Should().ContainSingle().Which.Rule.Should().Be(ValidationRule.InvalidValue);
        fromColumns.Findings[0].Should().Be(fromObjects.Findings[0]);
        fromColumns.Findings[0].Committee.Should().Be(Committees[0]);
        fromColumns.Findings[0].Measure.Should().Be(funds);
        fromColumns.TryGetCount(Committees[0], Periods[0], funds, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ObjectsAndColumnsInOneBuilderKeepTheObjectsThemselves(bool columnsFirst)
    {
        // A builder keeps a row's Figure only once some row came as one: the objects are handed back as they were, the
        // column rows made into equal figures, whichever came first.
        var measure = new Measure("activity.consultation");
        var objects = new[] { new Figure(Committees[0], Periods[0], measure, 3, FigureUnit.Times), new Figure(Committees[1], Periods[0], measure, 4, FigureUnit.Times) };
        var columns = new[] { new Figure(Committees[0], Periods[1], measure, 5, FigureUnit.Times), new Figure(Committees[1], Periods[1], measure, 6, FigureUnit.Times) };
        var builder = new FigureDatasetBuilder();
        if (columnsFirst)
        {
            builder.AddColumns(ToColumns(columns)).AddRange(objects);
        }
        else
        {
            builder.AddRange(objects).AddColumns(ToColumns(columns));
        }

        var figures = builder.Build().Figures;
        figures.Should().BeEquivalentTo(objects.Concat(columns));
        figures.Where(f => objects.Any(o => ReferenceEquals(o, f))).Should().HaveCount(2, "the objects are the ones added");
        figures.Where(f => columns.Any(c => ReferenceEquals(c, f))).Should().BeEmpty("column rows are made into figures of their own");
    }

    [Fact]
    public void EachRowKeepsItsUnitThroughTheBuildersUnitTableAndItsGrowth()
    {
        // The builder numbers units by symbol; a dataset built before more units came still reads its rows' units.
        string[] symbols = ["件", "次", "条", "篇", "万元", "人次", "个", "家"];
        var measures = symbols.Select((_, k) => new Measure("activity.m" + k.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var builder = new FigureDatasetBuilder();
        var figures = new List<Figure>();
        for (int k = 0; k < symbols.Length; k++)
        {
            // A new string each time: the same symbol from another instance is the same unit.
            var figure = new Figure(Committees[k % 2], Periods[0], measures[k], 10 + k, new FigureUnit(new string(symbols[k].ToCharArray())));
            figures.Add(figure);
            builder.AddColumns(ToColumns([figure]));
        }

        var early = new FigureDatasetBuilder().AddColumns(ToColumns(figures.Take(3).ToList()));
        var first = early.Build();
        early.AddColumns(ToColumns(figures.Skip(3).ToList()));
        var second = early.Build();
        var whole = builder.Build();
        first.Figures.Select(f => f.Unit.Symbol).Should().BeEquivalentTo(symbols.Take(3));
        second.Figures.Select(f => f.Unit.Symbol).Should().BeEquivalentTo(symbols);
        whole.Figures.Select(f => (f.Measure, f.Unit.Symbol)).Should().BeEquivalentTo(measures.Zip(symbols));
        for (int k = 0; k < symbols.Length; k++)
        {
            whole.GetCount(Committees[k % 2], Periods[0], measures[k]).Should().Be(Bounds.Exactly((10 + k) * (symbols[k] == "万元" ? 10_000 : 1)));
        }
    }

    private static FigureColumns ToColumns(IReadOnlyList<Figure> figures) =>
        new(
            figures.Select(f => f.Committee).ToArray(),
            figures.Select(f => f.Period).ToArray(),
            figures.Select(f => f.Measure).ToArray(),
            figures.Select(f => f.Value).ToArray(),
            figures.Select(f => f.Unit).ToArray())
        {
            Qualifiers = figures.Select(f => f.Qualifier).ToArray(),
            Scopes = figures.Select(f => f.Scope).ToArray(),
            Topics = figures.Select(f => f.Topic).ToArray(),
            Sources = figures.Select(f => f.Source).ToArray(),
        };

    private static void ShouldBeSame(FigureDataset actual, FigureDataset expected, IReadOnlyList<Figure> figures)
    {
        actual.FigureCount.Should().Be(expected.FigureCount);
        actual.Figures.Should().Equal(expected.Figures);
        actual.Figures.Select(f => f.Source).Should().Equal(expected.Figures.Select(f => f.Source));
        actual.Findings.Should().Equal(expected.Findings);
        actual.Periods.Should().Equal(expected.Periods);
        actual.CountMeasures.Should().Equal(expected.CountMeasures);
        actual.RegionTotalMeasures.Should().Equal(expected.RegionTotalMeasures);
        foreach (var f in figures)
        {
            actual.TryGetCount(f.Committee, f.Period, f.Measure, f.Scope, out var actualCount).Should().Be(expected.TryGetCount(f.Committee, f.Period, f.Measure, f.Scope, out var expectedCount));
            actualCount.Should().Be(expectedCount);
            actual.GetFigures(f.Committee, f.Period, f.Measure, f.Scope).Should().Equal(expected.GetFigures(f.Committee, f.Period, f.Measure, f.Scope));
        }

        var a = Record.Exception(() => actual.RollUp(Participation.AllLevels).Observations().ToList());
        var e = Record.Exception(() => expected.RollUp(Participation.AllLevels).Observations().ToList());
        (a?.Message).Should().Be(e?.Message);
        if (e is null)
        {
            actual.RollUp(Participation.AllLevels).Observations().Should().Equal(expected.RollUp(Participation.AllLevels).Observations());
        }
    }
}
