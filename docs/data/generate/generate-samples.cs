// Generates the sample data of docs/data/ (see docs/data/README.md):
//   docs/data/seed-reports.csv       every figure of src/Zhengxie.Metrics/Data/seed-figures.jsonl, source = the quote
//   docs/data/zhejiang-synthetic.csv synthetic figures of Zhejiang's county-level committees, 2018..2024
// Run from the repository root:  dotnet run docs/data/generate/generate-samples.cs
// Deterministic: the same code gives the same bytes (its own SplitMix64 generator, no System.Random, no clock).
#:project ../../../src/Zhengxie.Metrics.Csv/Zhengxie.Metrics.Csv.csproj
#:property IsPackable=false

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Regions;

string root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
string dataDir = Path.Combine(root, "docs", "data");
string jsonl = Path.Combine(root, "src", "Zhengxie.Metrics", "Data", "seed-figures.jsonl");
if (!File.Exists(jsonl))
{
    Console.Error.WriteLine($"Cannot find {jsonl}: run from the repository root, or pass it as the first argument.");
    return 3;
}

var seed = Seeds.Read(jsonl);
FigureCsvWriter.WriteFile(seed, Path.Combine(dataDir, "seed-reports.csv"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed-reports.csv: {seed.Count} figures"));

var synthetic = Synthetic.Zhejiang();
FigureCsvWriter.WriteFile(synthetic, Path.Combine(dataDir, "zhejiang-synthetic.csv"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"zhejiang-synthetic.csv: {synthetic.Count} figures"));
return 0;

/// <summary>The seed reports of seed-figures.jsonl as figures.</summary>
internal static class Seeds
{
    internal static List<Figure> Read(string path)
    {
        var figures = new List<Figure>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var report = doc.RootElement;
            var committee = new Committee(RegionCode.Parse(report.GetProperty("region_code").GetString()!));
            int year = report.GetProperty("year").GetInt32();
            string periodText = report.GetProperty("period").GetString()!;
            var period = periodText == "calendar_year"
                ? ReportingPeriod.CalendarYear(year)
                : ReportingPeriod.Parse(periodText["session:".Length..] + "@" + year.ToString(CultureInfo.InvariantCulture));
            foreach (var f in report.GetProperty("figures").EnumerateArray())
            {
                var valueElement = f.GetProperty("value");
                decimal? value = valueElement.ValueKind == JsonValueKind.Null ? null : valueElement.GetDecimal();
                string? topic = f.TryGetProperty("topic", out var t) ? t.GetString() : null;
                figures.Add(new Figure(
                    committee,
                    period,
                    Measure.Parse(f.GetProperty("indicator").GetString()!),
                    value,
                    new FigureUnit(f.GetProperty("unit").GetString()!),
                    QualifierText.Parse(f.GetProperty("qualifier").GetString()!),
                    f.GetProperty("scope").GetString() == "region_total" ? FigureScope.RegionTotal : FigureScope.Committee,
                    topic,
                    new FigureSource(report.GetProperty("id").GetString(), f.GetProperty("quote").GetString())));
            }
        }

        return figures;
    }
}

/// <summary>Synthetic, realistic figures for every county-level committee of Zhejiang (330000), 2018..2024.</summary>
internal static class Synthetic
{
    private const string Source = "synthetic";

    // Districts and cities founded during the period report from their first full year.
    private static readonly Dictionary<int, int> FirstYear = new()
    {
        [330113] = 2021, // 临平区, split from 余杭区 in 2021
        [330114] = 2021, // 钱塘区, founded 2021
        [330383] = 2020, // 龙港市, founded in late 2019
    };

    internal static List<Figure> Zhejiang()
    {
        var table = RegionTable.Default;
        var counties = table.GetChildren(RegionCode.Parse("330000"))
            .SelectMany(prefecture => table.GetChildren(prefecture.Code))
            .Where(r => r.Level == AdministrativeLevel.County)
            .OrderBy(r => r.Code)
            .ToList();
        var figures = new List<Figure>();
        foreach (var county in counties)
        {
            int first = FirstYear.TryGetValue(county.Code.Value, out int y) ? y : 2018;
            var size = new SplitMix64((ulong)county.Code.Value);
            int baseReceived = size.Next(120, 380);
            for (int year = first; year <= 2024; year++)
            {
                AddYear(figures, county.Committee, year, baseReceived, new SplitMix64(((ulong)county.Code.Value * 10_000UL) + (ulong)year));
            }
        }

        return figures;
    }

    private static void AddYear(List<Figure> figures, Committee committee, int year, int baseReceived, SplitMix64 rng)
    {
        var period = ReportingPeriod.CalendarYear(year);
        void Add(string measure, decimal? value, string unit, Qualifier qualifier = Qualifier.Exact) =>
            figures.Add(new Figure(committee, period, Measure.Parse(measure), value, new FigureUnit(unit), qualifier, FigureScope.Committee, null, new FigureSource(null, Source)));

        // The chain received ≥ filed ≥ replied ≥ replied_on_time, outcome_a + outcome_b ≤ replied,
        // satisfied + basically_satisfied ≤ feedback ≤ replied holds in every committee-year.
        int received = (int)(baseReceived * (1 + (0.03 * (year - 2018)))) + rng.Next(-15, 16);
        int notFiled = (int)Math.Round(received * rng.Next(2, 13) / 100.0);
        int filed = received - notFiled;
        int replied = rng.Next(0, 10) == 0 ? filed - rng.Next(1, 4) : filed;
        int onTime = replied - rng.Next(0, 5);
        int outcomeA = (int)Math.Round(filed * rng.Next(45, 71) / 100.0);
        int outcomeB = Math.Max(0, Math.Min(replied - outcomeA - rng.Next(2, 10), (int)Math.Round(filed * rng.Next(20, 36) / 100.0)));
        int feedback = replied - rng.Next(0, 6);
        int satisfied = (int)Math.Round(feedback * rng.Next(80, 96) / 100.0);
        int basically = feedback - satisfied - rng.Next(0, 3);

        // A few missing figures (absent rows, never empty cells) and a few qualified ones.
        bool noReceived = rng.Next(0, 100) < 3;
        bool repliedAll = replied == filed && onTime == replied && rng.Next(0, 100) < 8;
        bool noOutcomeB = rng.Next(0, 100) < 6;
        int satisfactionForm = rng.Next(0, 100); // < 5: none reported; < 9: only the rate, stated

        if (!noReceived)
        {
            Add("proposals.received", received, "件");
            Add("proposals.not_filed", notFiled, "件");
        }

        Add("proposals.filed", filed, "件");
        if (repliedAll)
        {
            Add("proposals.replied", null, "件", Qualifier.All);
            Add("proposals.replied_on_time", null, "件", Qualifier.All);
        }
        else
        {
            Add("proposals.replied", replied, "件");
            Add("proposals.replied_on_time", onTime, "件");
        }

        Add("proposals.outcome_a", outcomeA, "件");
        if (!noOutcomeB)
        {
            Add("proposals.outcome_b", outcomeB, "件");
        }

        if (satisfactionForm >= 9)
        {
            Add("proposals.feedback", feedback, "件");
            Add("proposals.satisfied", satisfied, "件");
            Add("proposals.basically_satisfied", basically, "件");
        }
        else if (satisfactionForm >= 5)
        {
            decimal percent = Math.Round((satisfied + basically) * 100m / feedback, 1, MidpointRounding.AwayFromZero);
            Add("rate.satisfaction", percent, "%", Qualifier.PercentReported);
        }

        int consultations = rng.Next(20, 81);
        if (consultations % 10 != 0 && rng.Next(0, 100) < 6)
        {
            Add("activity.consultation", consultations / 10 * 10, "次", Qualifier.MoreThan); // 「60余次」
        }
        else
        {
            Add("activity.consultation", consultations, "次");
        }

        Add("activity.consultation.invite_to_consult", rng.Next(4, Math.Min(16, consultations / 3)), "次");
        Add("activity.supervision", rng.Next(5, 21), "次");
        int submitted = rng.Next(40, 201);
        Add("opinion_info.submitted", submitted, "篇");
        Add("opinion_info.adopted.prefecture", (int)Math.Round(submitted * rng.Next(15, 46) / 100.0), "篇");
    }
}

/// <summary>SplitMix64: a tiny generator whose output never changes between .NET versions.</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    /// <summary>Returns an integer in [min, max).</summary>
    internal int Next(int min, int max)
    {
        state += 0x9E3779B97F4A7C15UL;
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return min + (int)(z % (ulong)(max - min));
    }
}
