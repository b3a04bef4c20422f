using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Zhengxie.Metrics.SampleData;

/// <summary>
/// The five seed reports of docs/domain.md (永嘉 2020, 乌当 2022, 丽水 2020, 钟祥 2020, 嵊州 2024) as built-in
/// sample data: 77 figures with their quotes, read from the embedded <c>seed-figures.jsonl</c>.
/// Loaded once, on first use; thread-safe.
/// </summary>
public static class SeedReports
{
    private const string ResourceName = "Zhengxie.Metrics.Data.seed-figures.jsonl";
    private static readonly Lazy<ReadOnlyCollection<SeedReport>> Loaded = new(LoadEmbedded);
    private static readonly Lazy<ReadOnlyCollection<Figure>> Flattened = new(() => Loaded.Value.SelectMany(r => r.Figures).ToList().AsReadOnly());

    /// <summary>Gets the seed reports, in the file's order.</summary>
    public static IReadOnlyList<SeedReport> Reports => Loaded.Value;

    /// <summary>Gets every figure of every seed report (77), in the file's order.</summary>
    public static IReadOnlyList<Figure> AllFigures => Flattened.Value;

    /// <summary>Returns a seed report by identifier, such as <c>lishui-2020</c>.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KeyNotFoundException">No seed report has that identifier.</exception>
    public static SeedReport Get(string id) =>
        Loaded.Value.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"There is no seed report '{id}'.");

    private static ReadOnlyCollection<SeedReport> LoadEmbedded()
    {
        using var stream = typeof(SeedReports).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new ZhengxieMetricsException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>Reads seed reports in the <c>seed-figures.jsonl</c> format: one JSON object per line.</summary>
    internal static ReadOnlyCollection<SeedReport> Parse(TextReader reader)
    {
        var reports = new List<SeedReport>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                reports.Add(ReadReport(doc.RootElement));
            }
            catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException or UnparsableValueException)
            {
                throw new ZhengxieMetricsException(string.Create(CultureInfo.InvariantCulture, $"Seed figures, line {lineNumber}: {e.Message}"), e);
            }
        }

        return reports.AsReadOnly();
    }

    private static SeedReport ReadReport(JsonElement root)
    {
        string id = root.GetProperty("id").GetString()!;
        string name = root.GetProperty("committee").GetString()!;
        var region = RegionCode.Parse(root.GetProperty("region_code").GetString()!);
        var level = ParseLevel(root.GetProperty("admin_level").GetString()!);
        var committee = new Committee(region, level);
        int year = root.GetProperty("year").GetInt32();
        var period = ParsePeriod(root.GetProperty("period").GetString()!, year);
        LocalDate? published = root.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String
            ? LocalDatePattern.Iso.Parse(p.GetString()!).GetValueOrThrow()
            : null;

        var figures = new List<Figure>();
        foreach (var f in root.GetProperty("figures").EnumerateArray())
        {
            var measure = Measure.Parse(f.GetProperty("indicator").GetString()!);
            var valueElement = f.GetProperty("value");
            decimal? value = valueElement.ValueKind == JsonValueKind.Null ? null : valueElement.GetDecimal();
            var unit = new FigureUnit(f.GetProperty("unit").GetString()!);
            var qualifier = QualifierText.Parse(f.GetProperty("qualifier").GetString()!);
            string scopeWord = f.TryGetProperty("scope", out var s) ? s.GetString()! : "committee";
            if (!QualifierText.TryParseScope(scopeWord, out var scope))
            {
                throw new FormatException($"'{scopeWord}' is not a scope: use committee or region_total.");
            }

            string? topic = f.TryGetProperty("topic", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            string? quote = f.TryGetProperty("quote", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
            figures.Add(new Figure(committee, period, measure, value, unit, qualifier, scope, topic, new FigureSource(id, quote, published)));
        }

        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("expected_rates", out var rates) && rates.ValueKind == JsonValueKind.Object)
        {
            foreach (var rate in rates.EnumerateObject())
            {
                expected[Measure.Aliases.TryGetValue(rate.Name, out string? current) ? current : rate.Name] = rate.Value.GetString()!;
            }
        }

        return new SeedReport(id, name, committee, period, published, figures.AsReadOnly(), expected.AsReadOnly());
    }

    /// <summary>Maps the file's admin_level: county, district, county_city (and banner) → county; prefecture; province.</summary>
    internal static AdministrativeLevel ParseLevel(string word) => word switch
    {
        "county" or "district" or "county_city" or "banner" => AdministrativeLevel.County,
        "prefecture" or "prefecture_city" => AdministrativeLevel.Prefecture,
        "province" => AdministrativeLevel.Province,
        _ => throw new FormatException($"'{word}' is not an administrative level."),
    };

    /// <summary>Maps the file's period: <c>calendar_year</c>, <c>session:4.4</c>, <c>session:11.1+</c> (since that session), with the report's year.</summary>
    internal static ReportingPeriod ParsePeriod(string text, int year)
    {
        if (text == "calendar_year")
        {
            return ReportingPeriod.CalendarYear(year);
        }

        const string prefix = "session:";
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new FormatException($"'{text}' is not a period: use calendar_year or session:T.S (or session:T.S+).");
        }

        string rest = text[prefix.Length..];
        bool since = rest.EndsWith('+');
        if (since)
        {
            rest = rest[..^1];
        }

        int dot = rest.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0
            || !int.TryParse(rest.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out int term)
            || !int.TryParse(rest.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int session))
        {
            throw new FormatException($"'{text}' is not a period: use calendar_year or session:T.S (or session:T.S+).");
        }

        return since ? ReportingPeriod.SinceSession(term, session, year) : ReportingPeriod.ForSession(term, session, year);
    }
}
