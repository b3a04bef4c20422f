using System;
using System.IO;
using System.Linq;
using Zhengxie.Metrics.Csv;

namespace Zhengxie.Metrics.Benchmarks;

/// <summary>
/// The figures CSV of the CSV benchmarks and of the <c>validate</c> measurement in docs/performance.md:
/// the synthetic national dataset (<see cref="SyntheticData"/>, 13 years, 2012–2024) cut at 1,000,000 rows,
/// written by <see cref="FigureCsvWriter"/> (64 MB). With <c>ZHENGXIE_BENCH_DRY</c> set, 20,000 rows.
/// Written once per machine into the temporary folder and reused while its size matches.
/// </summary>
internal static class CsvBenchmarkData
{
    internal const int FullRows = 1_000_000;

    internal static int Rows => BenchmarkData.Dry ? 20_000 : FullRows;

    /// <summary>The path of the file with <see cref="Rows"/> rows, written if it is not there yet.</summary>
    internal static string EnsureFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"zhengxie-figures-{Rows}.csv");
        if (!File.Exists(path))
        {
            Write(path, Rows);
        }

        return path;
    }

    /// <summary>Writes the first <paramref name="rows"/> figures of the 13-year synthetic dataset to <paramref name="path"/>.</summary>
    internal static void Write(string path, int rows)
    {
        var figures = SyntheticData.Generate(13);
        if (rows > figures.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"The synthetic dataset has {figures.Count} figures.");
        }

        string temporary = path + ".partial";
        FigureCsvWriter.WriteFile(figures.Take(rows), temporary);
        File.Move(temporary, path, overwrite: true);
    }
}
