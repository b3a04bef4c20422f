using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Benchmarks;

/// <summary>
/// The full hierarchy roll-up: county committees → prefectures → provinces → nation, every year, every
/// measure with coverage, every standard rate pooled. Against an idiomatic LINQ baseline producing the
/// same numbers, and the memory floor (one vectorised pass summing every value the roll-up reads).
/// </summary>
[MemoryDiagnoser]
public class RollupBenchmarks
{
    private FigureDataset dataset = null!;
    private List<FigureRecord> records = null!;
    private IReadOnlyList<RateDefinition> rates = null!;
    private long[][] columns = null!;

    /// <summary>Builds the dataset and checks once that the library and LINQ agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        dataset = BenchmarkData.Dataset;
        rates = RateOptions.Default.Definitions;
        records = LinqRollup.ToRecords(BenchmarkData.Figures, RegionTable.Default);
        columns = dataset.Columns.Values.Select(c => c.Values).ToArray();
        Console.WriteLine("// Dataset: " + BenchmarkData.Describe());
        Verify(RollUp(), Linq());
    }

    /// <summary>The baseline: LINQ GroupBy/Sum over a list of records.</summary>
    [Benchmark(Baseline = true)]
    public List<LinqRow> Linq() => LinqRollup.Run(records, rates);

    /// <summary>The library's roll-up.</summary>
    [Benchmark]
    public IndicatorTable RollUp() => dataset.RollUp(Participation.CountyLevel);

    /// <summary>The memory floor: one vectorised pass summing every value column the roll-up reads.</summary>
    [Benchmark]
    public long MemoryFloor()
    {
        var total = Vector<long>.Zero;
        foreach (var column in columns)
        {
            foreach (var v in MemoryMarshal.Cast<long, Vector<long>>(column.AsSpan()))
            {
                total += v;
            }
        }

        return Vector.Sum(total);
    }

    private static void Verify(IndicatorTable table, List<LinqRow> rows)
    {
        int checkedRows = 0;
        foreach (var row in rows)
        {
            var key = row.Group == 0 ? GroupKey.Nation : GroupKey.ForRegion(RegionTable.Default[new RegionCode(row.Group)]);
            int r = table[key, ReportingPeriod.CalendarYear(row.Year)].Index;
            var measure = new Measure(row.Measure);
            bool ok;
            if (measure.IsRate)
            {
                var pooled = table.GetRate(r, measure);
                ok = pooled.Contributors == row.Contributors && pooled.Rate!.Value.Numerator.Lower == row.Lower
                    && pooled.Rate.Value.Numerator.Upper == row.Upper && pooled.Rate.Value.Denominator.Lower == row.DenominatorLower
                    && pooled.Rate.Value.Denominator.Upper == row.DenominatorUpper;
            }
            else
            {
                var value = table.GetValue(r, measure);
                ok = value.Contributors == row.Contributors && value.Sum!.Value.Lower == row.Lower
                    && (row.Unbounded ? !value.Sum.Value.HasUpperBound : value.Sum.Value.Upper == row.Upper);
            }

            if (!ok)
            {
                throw new InvalidOperationException($"The roll-up and LINQ disagree on {key} {row.Year} {row.Measure}.");
            }

            checkedRows++;
        }

        // Every cell of the roll-up with a contributor is one LINQ row: no cell only the library has.
        int libraryCells = 0;
        var contributors = new int[table.RowCount];
        var lower = new long[table.RowCount];
        var upper = new long[table.RowCount];
        foreach (var column in table.MeasureColumns)
        {
            table.CopyColumn(column, lower, upper, contributors);
            libraryCells += contributors.Count(n => n > 0);
        }

        foreach (var column in table.RateColumns)
        {
            table.CopyColumn(column, lower, upper, contributors);
            libraryCells += contributors.Count(n => n > 0);
        }

        if (libraryCells != checkedRows)
        {
            throw new InvalidOperationException($"The roll-up has {libraryCells} cells with contributors, LINQ {checkedRows}.");
        }

        Console.WriteLine($"// Verified: the roll-up equals LINQ on {checkedRows} cells, and has no other.");
    }
}

/// <summary>Ranks the county committees' reply rates within each province for one year.</summary>
[MemoryDiagnoser]
public class RankingBenchmarks
{
    private static readonly Grouping Provinces = Grouping.Hierarchy(Participation.CountyLevel, RollupLevels.Province);
    private FigureDataset dataset = null!;
    private ReportingPeriod year;

    /// <summary>Builds the dataset.</summary>
    [GlobalSetup]
    public void Setup()
    {
        dataset = BenchmarkData.Dataset;
        year = dataset.Periods[^1];
    }

    /// <summary>Every province's ranking of its counties' reply rates.</summary>
    [Benchmark]
    public IReadOnlyList<RateDistribution> RankCountiesWithinProvinces() => dataset.GetRateDistributions(RateDefinition.Reply, Provinces, year);
}
