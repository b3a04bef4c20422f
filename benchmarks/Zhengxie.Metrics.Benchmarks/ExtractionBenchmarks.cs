using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Zhengxie.Metrics.Extraction;

namespace Zhengxie.Metrics.Benchmarks;

/// <summary>
/// Extraction throughput on one thread over a corpus of at least 10 million characters: the five seed reports
/// and the gold test passages, repeated with their numbers varied (every digit run replaced by a random number
/// of the same length, so dates stay dates and counts stay counts). The baseline is one pass over the same text
/// that only counts the characters a number can start with: the floor of any single-pass reader. Divide the
/// corpus size (printed by the setup) by the mean time for characters per second, and the allocation by the
/// number of reports for allocation per report. With ZHENGXIE_BENCH_DRY set the corpus is 100,000 characters.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ExtractionBenchmarks
{
    private static readonly ReportExtractor Extractor = new();
    private string[] reports = [];

    /// <summary>Gets the number of characters of the corpus.</summary>
    public long Characters { get; private set; }

    /// <summary>Builds the corpus and checks once that extraction finds figures in it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        long target = BenchmarkData.Dry ? 100_000 : 10_000_000;
        reports = ExtractionCorpus.Build(target);
        Characters = reports.Sum(r => (long)r.Length);
        int figures = Extract();
        Console.WriteLine($"// Extraction corpus: {reports.Length} reports, {Characters} characters, {figures} figures.");
        if (figures == 0)
        {
            throw new InvalidOperationException("The extractor found no figure in the corpus.");
        }
    }

    /// <summary>One pass counting the characters a number can start with.</summary>
    /// <returns>The count.</returns>
    [Benchmark(Baseline = true)]
    public int ScanOnly()
    {
        int n = 0;
        foreach (string report in reports)
        {
            foreach (char c in report)
            {
                if ((uint)(c - '0') <= 9 || c is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' or '百' or '千' or '万' or '两')
                {
                    n++;
                }
            }
        }

        return n;
    }

    /// <summary>Extracts every report of the corpus.</summary>
    /// <returns>The number of figures found.</returns>
    [Benchmark]
    public int Extract()
    {
        int n = 0;
        foreach (string report in reports)
        {
            n += Extractor.Extract(report).Figures.Count;
        }

        return n;
    }
}

/// <summary>The benchmark corpus: the seeds and the gold passages, with varied numbers, up to a size.</summary>
internal static class ExtractionCorpus
{
    public static string[] Build(long targetCharacters)
    {
        var sources = Sources();
        var random = new Random(20261129);
        var reports = new List<string>();
        long total = 0;
        while (total < targetCharacters)
        {
            foreach (string source in sources)
            {
                string varied = Vary(source, random);
                reports.Add(varied);
                total += varied.Length;
            }
        }

        return reports.ToArray();
    }

    private static List<string> Sources()
    {
        string root = FindRoot();
        var texts = Directory.GetFiles(Path.Combine(root, "docs", "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        string passages = Path.Combine(root, "tests", "Zhengxie.Metrics.Tests", "Extraction", "Data", "passages-gold.jsonl");
        if (File.Exists(passages))
        {
            // Passages come in groups of ten, as a report's paragraphs.
            var all = File.ReadLines(passages).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
            for (int i = 0; i < all.Count; i += 10)
            {
                texts.Add(string.Join("\n", all.Skip(i).Take(10)));
            }
        }

        return texts;
    }

    private static string Vary(string text, Random random)
    {
        var sb = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                int start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                int digits = i - start;
                sb.Append((char)('1' + random.Next(9)));
                for (int d = 1; d < digits; d++)
                {
                    sb.Append((char)('0' + random.Next(10)));
                }

                continue;
            }

            sb.Append(text[i]);
            i++;
        }

        return sb.ToString();
    }

    private static string FindRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Zhengxie.Metrics.sln")))
                {
                    return dir.FullName;
                }

                dir = dir.Parent;
            }
        }

        throw new InvalidOperationException("The repository root (Zhengxie.Metrics.sln) was not found above the benchmark.");
    }
}
