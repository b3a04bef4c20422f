using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using FluentAssertions.Execution;
using Xunit;

namespace Zhengxie.Metrics.Tests.Extraction.Scoring;

/// <summary>Every gold file is well-formed: library identifiers and qualifiers, EXTRACTION.md's units, values as printed, quotes found in their texts.</summary>
public class GoldWellFormedTest
{
    /// <summary>EXTRACTION.md's units, plus 批次, which the seed oracle (seed-figures.jsonl, 钟祥) uses.</summary>
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "件", "次", "场", "场次", "篇", "篇次", "条", "个", "名", "位", "人", "人次", "家", "家次", "户", "项", "份", "期",
        "万元", "亿元", "元", "万字", "%", "批次",
    };

    public static TheoryData<string> GoldFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in ExtractionGold.Files("*gold*.jsonl"))
        {
            data.Add(System.IO.Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void There_is_seed_gold_and_every_report_id_is_unique()
    {
        var seeds = ExtractionGold.LoadSeeds();
        var all = seeds.Concat(ExtractionGold.LoadPassages()).ToList();

        seeds.Should().NotBeEmpty();
        all.Select(r => r.Id).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void Every_gold_figure_is_well_formed_and_its_quote_occurs_in_its_text(string fileName)
    {
        var reports = ExtractionGold.Load(System.IO.Path.Combine(ExtractionGold.Files(fileName).Single()));
        reports.Should().NotBeEmpty();

        using var scope = new AssertionScope();
        foreach (var report in reports)
        {
            report.Text.Should().NotBeNullOrWhiteSpace($"{report.Id} has a text");
            if (report.Committee is { } committee)
            {
                RegionCode.TryParse(committee, out _).Should().BeTrue($"{report.Id}: committee '{committee}' is a region code");
            }

            if (report.Period is { } period)
            {
                FluentActions.Invoking(() => ReportingPeriod.Parse(period)).Should().NotThrow($"{report.Id}: period '{period}' is a period");
            }

            string text = ExtractionScorer.Normalize(report.Text);
            foreach (var (f, kind) in report.Figures.Select(f => (f, "figure")).Concat(report.Breakdowns.Select(b => (b, "breakdown"))))
            {
                string where = $"{report.Id} {kind} {f.Indicator} {f.Value}{f.Unit} «{f.Quote}»";
                Measure.IsWellFormed(f.Indicator).Should().BeTrue($"{where}: the indicator is a measure identifier");
                QualifierText.TryParse(f.Qualifier, out var qualifier).Should().BeTrue($"{where}: the qualifier is one of the library's");
                Units.Should().Contain(f.Unit, $"{where}: the unit is one of EXTRACTION.md's");
                new[] { "committee", "region_total" }.Should().Contain(f.Scope, $"{where}: the scope is committee or region_total");
                f.Quote.Should().NotBeNullOrWhiteSpace(where);
                ExtractionScorer.Spans(text, f.Quote).Should().NotBeEmpty($"{where}: the quote occurs in the text (after NFKC)");
                (f.Unit == "%").Should().Be(qualifier == Qualifier.PercentReported, $"{where}: rates and shares, and only they, are in % and percent_reported");
                if (f.Value is { } value)
                {
                    value.Should().BeGreaterThanOrEqualTo(0m, where);
                    if (f.Unit == "%")
                    {
                        value.Should().BeLessThanOrEqualTo(100m, where);
                    }

                    PrintedValues(ExtractionScorer.Normalize(f.Quote), f.Unit).Should().Contain(value, $"{where}: the value is the number as printed in the quote");
                }
                else
                {
                    qualifier.Should().Be(Qualifier.All, $"{where}: only an `all` figure may have no value");
                }
            }
        }
    }

    [Fact]
    public void Printed_values_read_Arabic_万_Chinese_and_percent_forms()
    {
        PrintedValues("参与委员1.2万人次", "人次").Should().Contain(12000m);
        PrintedValues("筹措资金590余万元", "万元").Should().Contain(590m);
        PrintedValues("共3万4000人", "人").Should().Contain(34000m);
        PrintedValues("开展二十余次", "次").Should().Contain(20m);
        PrintedValues("一百二十三件", "件").Should().Contain(123m);
        PrintedValues("百分之九十八点九", "%").Should().Contain(98.9m);
        PrintedValues("1,234件", "件").Should().Contain(1234m);
        PrintedValues("三成", "%").Should().Contain(30m);
        PrintedValues("受眾3.2萬人次", "人次").Should().Contain(32000m);
        PrintedValues("兩萬餘人", "人").Should().Contain(20000m);
    }

    /// <summary>Every number the quote prints, read the ways EXTRACTION.md allows (万/亿 multiplying unless the unit is 万元/亿元/万字).</summary>
    internal static IReadOnlySet<decimal> PrintedValues(string quote, string unit)
    {
        var values = new HashSet<decimal>();
        bool scaledUnit = unit is "万元" or "亿元" or "万字";
        foreach (Match m in Regex.Matches(quote, @"(\d+(?:,\d{3})*(?:\.\d+)?)(?:([万萬亿億])(\d+)?)?"))
        {
            decimal n = decimal.Parse(m.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
            values.Add(n);
            if (m.Groups[2].Success && !scaledUnit)
            {
                decimal scale = m.Groups[2].Value is "万" or "萬" ? 10_000m : 100_000_000m;
                values.Add((n * scale) + (m.Groups[3].Success ? decimal.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0m));
            }
        }

        foreach (Match m in Regex.Matches(quote, "[零〇一二两兩三四五六七八九十百千万萬亿億]+(?:[点點][零〇一二三四五六七八九]+)?"))
        {
            if (ParseChinese(m.Value) is { } n)
            {
                values.Add(n);
                if (quote.AsSpan(m.Index + m.Length).StartsWith("成", StringComparison.Ordinal))
                {
                    values.Add(n * 10m);
                }
            }
        }

        return values;
    }

    private static decimal? ParseChinese(string s)
    {
        const string Digits = "零一二三四五六七八九";
        string integer = s, fraction = string.Empty;
        int point = s.IndexOfAny(['点', '點']);
        if (point >= 0)
        {
            integer = s[..point];
            fraction = s[(point + 1)..];
        }

        decimal total = 0m, section = 0m, digit = 0m;
        bool any = false;
        foreach (char raw in integer)
        {
            char c = raw switch { '〇' => '零', '两' or '兩' => '二', '萬' => '万', '億' => '亿', _ => raw };
            int d = Digits.IndexOf(c, StringComparison.Ordinal);
            if (d >= 0)
            {
                digit = d;
                any = true;
                continue;
            }

            decimal unit = c switch { '十' => 10m, '百' => 100m, '千' => 1000m, '万' => 10_000m, '亿' => 100_000_000m, _ => 0m };
            if (unit == 0m)
            {
                return null;
            }

            if (unit >= 10_000m)
            {
                total = (total + section + digit) * unit;
                section = 0m;
            }
            else
            {
                section += (digit == 0m && !any ? 1m : digit) * unit;
            }

            digit = 0m;
            any = true;
        }

        decimal value = total + section + digit;
        decimal place = 0.1m;
        foreach (char raw in fraction)
        {
            value += Digits.IndexOf(raw == '〇' ? '零' : raw, StringComparison.Ordinal) * place;
            place /= 10m;
        }

        return any ? value : null;
    }
}
