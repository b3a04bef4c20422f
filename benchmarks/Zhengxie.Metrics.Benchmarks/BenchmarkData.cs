using System;
using System.Collections.Generic;
using System.Globalization;
using Zhengxie.Metrics.Aggregation;

namespace Zhengxie.Metrics.Benchmarks;

/// <summary>
/// The shared fixture: the synthetic dataset, built once per benchmark process. With the environment
/// variable <c>ZHENGXIE_BENCH_DRY</c> set (as <c>.ci/bench-dry.sh</c> passes it with <c>--envVars</c>)
/// it spans 2 years instead of 30, so the dry run is quick.
/// </summary>
internal static class BenchmarkData
{
    private static readonly Lazy<(List<Figure> Figures, FigureDataset Dataset)> Data = new(() =>
    {
        var figures = SyntheticData.Generate(Years);
        var dataset = new FigureDatasetBuilder().AddRange(figures).Build();
        return (figures, dataset);
    });

    internal static bool Dry => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ZHENGXIE_BENCH_DRY"));

    internal static int Years => Dry ? 2 : 30;

    internal static List<Figure> Figures => Data.Value.Figures;

    internal static FigureDataset Dataset => Data.Value.Dataset;

    internal static string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Dataset.Committees.Count} committees × {Dataset.Periods.Count} years × {Dataset.CountMeasures.Count} measures, {Figures.Count} figures");
}
