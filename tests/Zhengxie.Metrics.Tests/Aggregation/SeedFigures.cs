using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>Reads src/Zhengxie.Metrics/Data/seed-figures.jsonl (until the library's SampleData.SeedReports is wired in).</summary>
internal static class SeedFigures
{
    internal static List<Figure> Load()
    {
        string path = Path.Combine(FindRoot(), "src", "Zhengxie.Metrics", "Data", "seed-figures.jsonl");
        var figures = new List<Figure>();
        foreach (string line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var report = doc.RootElement;
            var code = RegionCode.Parse(report.GetProperty("region_code").GetString()!);
            var committee = RegionTable.Default[code].Committee;
            int year = report.GetProperty("year").GetInt32();
            string period = report.GetProperty("period").GetString()!;
            var reportingPeriod = period == "calendar_year" ? ReportingPeriod.CalendarYear(year) : ReportingPeriod.Parse(period["session:".Length..] + "@" + year.ToString(CultureInfo.InvariantCulture));
            foreach (var f in report.GetProperty("figures").EnumerateArray())
            {
                var value = f.GetProperty("value");
                figures.Add(new Figure(
                    committee,
                    reportingPeriod,
                    new Measure(f.GetProperty("indicator").GetString()!),
                    value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal(),
                    new FigureUnit(f.GetProperty("unit").GetString()!),
                    QualifierText.Parse(f.GetProperty("qualifier").GetString()!),
                    f.GetProperty("scope").GetString() == "region_total" ? FigureScope.RegionTotal : FigureScope.Committee,
                    f.TryGetProperty("topic", out var topic) ? topic.GetString() : null,
                    new FigureSource(report.GetProperty("id").GetString(), f.GetProperty("quote").GetString())));
            }
        }

        return figures;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zhengxie.Metrics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Zhengxie.Metrics.sln) was not found.");
    }
}
