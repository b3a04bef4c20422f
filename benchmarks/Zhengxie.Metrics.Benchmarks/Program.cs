using System;
using System.Globalization;
using BenchmarkDotNet.Running;
using Zhengxie.Metrics.Benchmarks;

if (args is ["write-figures-csv", string path, ..])
{
    // The 1 M-row file of docs/performance.md: dotnet run -c Release --project benchmarks/Zhengxie.Metrics.Benchmarks -- write-figures-csv big.csv [rows]
    int rows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : CsvBenchmarkData.FullRows;
    CsvBenchmarkData.Write(path, rows);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {rows} rows"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
