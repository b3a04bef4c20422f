using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Figures;

/// <summary>The seed figures (docs/seeds, data/seed-figures.jsonl) as an oracle for qualifier bounds and numerator inference.</summary>
public class SeedFiguresTest
{
    private static List<JsonElement> Records()
    {
        using var stream = typeof(Rate).Assembly.GetManifestResourceStream("Zhengxie.Metrics.Data.seed-figures.jsonl");
        stream.Should().NotBeNull();
        using var reader = new StreamReader(stream!);
        string? line;
        var records = new List<JsonElement>();
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length > 0)
            {
                records.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        }

        return records;
    }

    private static Figure ToFigure(JsonElement record, JsonElement f)
    {
        var level = record.GetProperty("admin_level").GetString() switch
        {
            "province" => AdministrativeLevel.Province,
            "prefecture" => AdministrativeLevel.Prefecture,
            _ => AdministrativeLevel.County,
        };
        var committee = new Committee(RegionCode.Parse(record.GetProperty("region_code").GetString()!), level);
        int year = record.GetProperty("year").GetInt32();
        string period = record.GetProperty("period").GetString()!;
        var reportingPeriod = period == "calendar_year"
            ? ReportingPeriod.CalendarYear(year)
            : ReportingPeriod.Parse(period["session:".Length..] + "@" + year.ToString(CultureInfo.InvariantCulture));
        var value = f.GetProperty("value");
        return new Figure(
            committee,
            reportingPeriod,
            new Measure(f.GetProperty("indicator").GetString()!),
            value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal(),
            new FigureUnit(f.GetProperty("unit").GetString()!),
            QualifierText.Parse(f.GetProperty("qualifier").GetString()!),
            f.TryGetProperty("scope", out var scope) && scope.GetString() == "region_total" ? FigureScope.RegionTotal : FigureScope.Committee,
            f.TryGetProperty("topic", out var topic) ? topic.GetString() : null);
    }

    [Fact]
    public void Every_seed_figure_has_the_bounds_its_qualifier_gives()
    {
        int checkedFigures = 0;
        foreach (var record in Records())
        {
            foreach (var f in record.GetProperty("figures").EnumerateArray())
            {
                var figure = ToFigure(record, f);
                string qualifier = f.GetProperty("qualifier").GetString()!;
                if (qualifier is "all" or "percent_reported")
                {
                    figure.Bounds.Should().BeNull();
                    continue;
                }

                // Reference reading from the printed digits (every seed value is a whole number).
                string digits = f.GetProperty("value").GetRawText();
                long n = long.Parse(digits, CultureInfo.InvariantCulture);
                long unit = (long)Math.Pow(10, digits.Length - digits.TrimEnd('0').Length);
                long scale = f.GetProperty("unit").GetString()!.StartsWith('万') ? 10_000 : 1;
                var expected = qualifier switch
                {
                    "exact" => Bounds.Exactly(n * scale),
                    "more_than" => Bounds.Between((n * scale) + 1, ((n + unit) * scale) - 1),
                    "nearly" => Bounds.Between(((n - unit) * scale) + 1, (n * scale) - 1),
                    "at_least" => Bounds.AtLeast(n * scale),
                    _ => throw new InvalidOperationException(qualifier),
                };
                figure.Bounds.Should().Be(expected, "{0} ({1})", figure, f.GetProperty("quote").GetString());
                checkedFigures++;
            }
        }

        checkedFigures.Should().BeGreaterThan(60);
    }

    [Fact]
    public void Every_stated_rate_with_an_expected_fraction_implies_its_numerator()
    {
        var denominators = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["rate.acceptance"] = "proposals.received",
            ["rate.reply"] = "proposals.filed",
        };
        int inferred = 0;
        foreach (var record in Records())
        {
            var figures = record.GetProperty("figures").EnumerateArray().ToList();
            var expectedRates = record.GetProperty("expected_rates");
            foreach (var f in figures.Where(f => f.GetProperty("qualifier").GetString() == "percent_reported"))
            {
                string rate = f.GetProperty("indicator").GetString()!;
                if (!denominators.TryGetValue(rate, out var denominatorMeasure)
                    || !expectedRates.TryGetProperty(rate, out var expectedText))
                {
                    continue;
                }

                long denominator = figures
                    .Where(g => g.GetProperty("indicator").GetString() == denominatorMeasure && g.GetProperty("qualifier").GetString() == "exact")
                    .Select(g => g.GetProperty("value").GetInt64())
                    .Single();
                string[] fraction = expectedText.GetString()!.Split(' ')[0].Split('/');
                long.Parse(fraction[1], CultureInfo.InvariantCulture).Should().Be(denominator);

                var inference = RateInference.InferNumerator(f.GetProperty("value").GetDecimal(), denominator);
                inference.Numerator.Should().Be(long.Parse(fraction[0], CultureInfo.InvariantCulture), "{0} of {1}", rate, record.GetProperty("id").GetString());
                inferred++;
            }
        }

        inferred.Should().Be(2, "丽水's acceptance rate and 乌当's reply rate");
    }
}
