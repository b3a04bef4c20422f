using System;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using nietras.SeparatedValues;
using Sylvan.Data.Csv;

namespace Zhengxie.Metrics.Benchmarks;

/// <summary>
/// The CSV parsers the figures reader could stand on, reading every field of the same file
/// (<see cref="CsvBenchmarkData"/>, 1,000,000 rows, 61 MB) as text: Sep (the reader's parser, baseline),
/// Sylvan.Data.Csv and CsvHelper (benchmark-only references). Each returns the number of characters in
/// all fields plus the number of rows; the setup checks that the three agree.
/// </summary>
[MemoryDiagnoser]
public class CsvParserBenchmarks
{
    private string path = null!;

    /// <summary>Writes the file if needed and checks that the parsers agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        path = CsvBenchmarkData.EnsureFile();
        long sep = Sep();
        long sylvan = Sylvan();
        long csvHelper = CsvHelper();
        if (sep != sylvan || sep != csvHelper)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The parsers disagree: Sep {sep}, Sylvan {sylvan}, CsvHelper {csvHelper}."));
        }
    }

    /// <summary>Sep: each field as a span over its buffer (as <c>FigureCsvReader</c> reads it, with line numbers).</summary>
    [Benchmark(Baseline = true)]
    public long Sep()
    {
        long total = 0;
        using var reader = nietras.SeparatedValues.Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = false }).FromFile(path);
        foreach (var row in reader)
        {
            for (int i = 0; i < row.ColCount; i++)
            {
                total += row[i].Span.Length;
            }

            total++;
        }

        return total;
    }

    /// <summary>Sylvan.Data.Csv: each field as a span (<c>GetFieldSpan</c>).</summary>
    [Benchmark]
    public long Sylvan()
    {
        long total = 0;
        using var reader = global::Sylvan.Data.Csv.CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = false });
        while (reader.Read())
        {
            for (int i = 0; i < reader.FieldCount; i++)
            {
                total += reader.GetFieldSpan(i).Length;
            }

            total++;
        }

        return total;
    }

    /// <summary>CsvHelper: each field as a string (its parser has no span access).</summary>
    [Benchmark]
    public long CsvHelper()
    {
        long total = 0;
        using var text = new StreamReader(path);
        using var parser = new CsvParser(text, CultureInfo.InvariantCulture);
        while (parser.Read())
        {
            for (int i = 0; i < parser.Count; i++)
            {
                total += parser[i].Length;
            }

            total++;
        }

        return total;
    }
}
