using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CsvHelper;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.Csv;

namespace Zhengxie.Metrics.Tests.Cli;

public class ReportCommandTest
{
    /// <summary>The synthetic sample's exact counts, read here with a plain split (no commas or quotes in that file).</summary>
    private static Dictionary<(string Code, string Period), Dictionary<string, long>> SyntheticCounts()
    {
        var map = new Dictionary<(string, string), Dictionary<string, long>>();
        foreach (string line in File.ReadLines(RepositoryFiles.ZhejiangSyntheticCsv).Skip(1))
        {
            string[] f = line.Split(',');
            if (!map.TryGetValue((f[0], f[1]), out var counts))
            {
                map[(f[0], f[1])] = counts = [];
            }

            if (f[5] == "exact")
            {
                counts[f[2]] = long.Parse(f[3], CultureInfo.InvariantCulture);
            }
        }

        return map;
    }

    private static string Percent(long n, long d) =>
        Math.Round(n * 100m / d, 1, MidpointRounding.AwayFromZero).ToString("F1", CultureInfo.InvariantCulture) + "% (" + n + "/" + d + ")";

    [Fact]
    public void Report_without_arguments_prints_the_seed_reports()
    {
        var (exit, output, error) = CliRunner.Run("report");
        exit.Should().Be(0);
        error.Should().BeEmpty();
        foreach (string name in new[] { "永嘉县政协", "乌当区政协", "丽水市政协", "钟祥市政协", "嵊州市政协" })
        {
            output.Should().Contain(name);
        }

        string wudang = output.Split('\n').Single(l => l.StartsWith("乌当区政协", StringComparison.Ordinal));
        wudang.Should().Contain("520112").And.Contain("11.1+@2022").And.Contain("178").And.Contain("98.9% (176/178)").And.Contain("100% (stated)");

        // DOMAIN.md: 丽水 354 received at 78.5% ⇒ 278 filed; 永嘉 221 filed, all replied, A 125, B 80.
        string lishui = output.Split('\n').Single(l => l.StartsWith("丽水市政协", StringComparison.Ordinal));
        lishui.Should().Contain("4.4@2020").And.Contain("354").And.Contain("278 (implied)").And.Contain("78.5% (278/354)");
        string yongjia = output.Split('\n').Single(l => l.StartsWith("永嘉县政协", StringComparison.Ordinal));
        yongjia.Should().Contain("221 (全部)").And.Contain("100.0% (221/221)").And.Contain(Percent(125, 221)).And.Contain(Percent(205, 221));
        string zhongxiang = output.Split('\n').Single(l => l.StartsWith("钟祥市政协", StringComparison.Ordinal));
        zhongxiang.Should().Contain("7.4@2020").And.Contain("100.0% (121/121)");
    }

    [Fact]
    public void Report_of_the_synthetic_sample_as_csv_has_one_row_per_committee_and_year_with_the_right_rates()
    {
        using var folder = new TemporaryFolder();
        string input = folder.File("zhejiang.csv");
        File.Copy(RepositoryFiles.ZhejiangSyntheticCsv, input);
        var (exit, output, error) = CliRunner.Run("report", "--input", input, "--format", "csv");
        exit.Should().Be(0, error);

        using var csv = new CsvReader(new StringReader(output), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var expected = SyntheticCounts();
        rows.Should().HaveCount(expected.Count);
        rows.Select(r => ((string)r["code"], (string)r["period"])).Should().BeEquivalentTo(expected.Keys);

        foreach (var row in rows)
        {
            var counts = expected[((string)row["code"], (string)row["period"])];
            if (counts.TryGetValue("proposals.received", out long received))
            {
                long filed = counts["proposals.filed"];
                row["rate.acceptance"].Should().Be(Percent(filed, received));
                row["rate.acceptance.numerator"].Should().Be(filed.ToString(CultureInfo.InvariantCulture));
                row["rate.acceptance.denominator"].Should().Be(received.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                row["rate.acceptance"].Should().Be(string.Empty);
            }
        }

        var hangzhou = rows.Single(r => (string)r["code"] == "330102" && (string)r["period"] == "2018");
        hangzhou["committee"].Should().Be("上城区政协");
    }

    [Fact]
    public void Report_as_markdown_and_html()
    {
        var (exit, output, _) = CliRunner.Run("report", "--format", "md");
        exit.Should().Be(0);
        output.Should().StartWith("## ");
        output.Should().Contain("| 政协 | 代码 | 时期 |").And.Contain("| 乌当区政协 | 520112 | 11.1+@2022 |").And.Contain("98.9% (176/178)");

        (exit, output, _) = CliRunner.Run("report", "-f", "html");
        exit.Should().Be(0);
        output.Should().StartWith("<!DOCTYPE html>").And.Contain("<table class=\"zhengxie-metrics\">").And.Contain("<th scope=\"row\">乌当区政协</th>").And.Contain("98.9% (176/178)");
    }

    [Fact]
    public void Report_as_json_gives_the_numbers_behind_every_cell()
    {
        using var folder = new TemporaryFolder();
        string input = folder.File("zhejiang.csv");
        File.Copy(RepositoryFiles.ZhejiangSyntheticCsv, input);
        var (exit, output, error) = CliRunner.Run("report", "-i", input, "--format", "json", "--years", "2024");
        exit.Should().Be(0, error);

        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        var expected = SyntheticCounts().Where(k => k.Key.Period == "2024").ToDictionary(k => k.Key.Code, k => k.Value);
        rows.Should().HaveCount(expected.Count);
        foreach (var row in rows)
        {
            var counts = expected[row.GetProperty("code").GetString()!];
            row.GetProperty("period").GetString().Should().Be("2024");
            row.GetProperty("proposals.filed").GetProperty("value").GetInt64().Should().Be(counts["proposals.filed"]);
            if (counts.TryGetValue("proposals.outcome_a", out long a))
            {
                var adoption = row.GetProperty("rate.adoption");
                adoption.GetProperty("numerator").GetInt64().Should().Be(a);
                adoption.GetProperty("denominator").GetInt64().Should().Be(counts["proposals.filed"]);
                adoption.GetProperty("percent").GetDecimal().Should().Be(Math.Round(a * 100m / counts["proposals.filed"], 4, MidpointRounding.AwayFromZero));
            }
        }
    }

    [Fact]
    public void Report_grouped_by_prefecture_sums_counts_of_the_committees_under_it()
    {
        using var folder = new TemporaryFolder();
        string input = folder.File("zhejiang.csv");
        File.Copy(RepositoryFiles.ZhejiangSyntheticCsv, input);
        string output = folder.File("out.csv");
        var (exit, stdout, error) = CliRunner.Run("report", "-i", input, "-g", "prefecture", "-y", "2022..2023", "-f", "csv", "-o", output, "--rates", "reply");
        exit.Should().Be(0, error);
        stdout.Should().BeEmpty();

        using var csv = new CsvReader(new StringReader(File.ReadAllText(output)), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        rows.Should().HaveCount(22); // 11 prefectures × 2 years
        rows[0].Keys.Should().Contain("rate.reply").And.NotContain("rate.acceptance");

        // 丽水 (3311xx) in 2023: filed summed over its counties, computed here from the file.
        var lishui = SyntheticCounts().Where(k => k.Key.Code.StartsWith("3311", StringComparison.Ordinal) && k.Key.Period == "2023").ToList();
        long filed = lishui.Sum(k => k.Value["proposals.filed"]);
        var row = rows.Single(r => (string)r["code"] == "331100" && (string)r["period"] == "2023");
        row["group"].Should().Be("丽水市");

        // The group holds the county-level committees of the region table under 丽水 (as in the library's
        // Grouping.ByPrefecture and RollUp); the contributors are those with figures.
        int groupSize = CountiesUnder("331100");
        row["committees"].Should().Be(lishui.Count + " of " + groupSize + " committees");
        row["proposals.filed"].Should().Be(filed.ToString(CultureInfo.InvariantCulture));
        row["proposals.filed.contributors"].Should().Be(lishui.Count.ToString(CultureInfo.InvariantCulture));
    }

    private static readonly string[] Shown = ["proposals.received", "proposals.filed", "proposals.replied", "proposals.outcome_a", "proposals.outcome_b"];

    private static int CountiesUnder(string prefecture) =>
        File.ReadLines(Path.Combine(RepositoryFiles.Root, "src", "Zhengxie.Metrics", "Data", "gbt2260-counties.csv"))
            .Select(l => l.Split(','))
            .Count(f => f.Length > 3 && f[3] == prefecture && f[2] == "county");

    [Fact]
    public void Report_by_prefecture_flags_no_prefecture_whose_every_county_reports_and_says_n_of_m_committees()
    {
        var (exit, output, error) = CliRunner.Run("report", "-i", RepositoryFiles.ZhejiangSyntheticCsv, "-g", "prefecture", "--rates", "acceptance");
        exit.Should().Be(0, error);
        var counts = SyntheticCounts();
        var lines = output.Split('\n');
        int complete = 0;
        foreach (var year in counts.Keys.Select(k => k.Period).Distinct())
        {
            for (int p = 1; p <= 11; p++)
            {
                string prefecture = "33" + p.ToString("D2", CultureInfo.InvariantCulture) + "00";
                int size = CountiesUnder(prefecture);
                int reporting = counts.Count(k => k.Key.Period == year && k.Key.Code.StartsWith(prefecture[..4], StringComparison.Ordinal)
                    && Shown.All(k.Value.ContainsKey));
                string line = lines.Single(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var code, var period, ..] && code == prefecture && period == year);
                if (reporting == size)
                {
                    complete++;
                    line.Should().Contain(size + " of " + size + " committees").And.NotContain("n=", "every county of {0} reports in {1}", prefecture, year);
                }
            }
        }

        complete.Should().BeGreaterThan(0, "the sample has prefectures whose every county reports");
        output.Should().NotContain("n/a (0/");
    }

    [Fact]
    public void Report_grouped_by_level_counts_the_committees_of_the_inputs_provinces_only()
    {
        var (exit, output, error) = CliRunner.Run("report", "-i", RepositoryFiles.ZhejiangSyntheticCsv, "-g", "level", "-y", "2024", "--headers", "en");
        exit.Should().Be(0, error);
        int zhejiangCounties = File.ReadLines(Path.Combine(RepositoryFiles.Root, "src", "Zhengxie.Metrics", "Data", "gbt2260-counties.csv"))
            .Select(l => l.Split(',')).Count(f => f[0].StartsWith("33", StringComparison.Ordinal) && f.Length > 2 && f[2] == "county");
        output.Split('\n').Should().Contain(l => l.StartsWith("县级 county", StringComparison.Ordinal) && l.Contains(" of " + zhejiangCounties + " committees", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_grouped_by_level_with_english_headers_and_two_decimals()
    {
        var (exit, output, error) = CliRunner.Run("report", "-g", "level", "--headers", "en", "--decimals", "2", "-f", "md");
        exit.Should().Be(0, error);
        output.Should().Contain("| group | period | committees | proposals received | proposals filed |");

        // 永嘉 2020, the only county-level committee with counts that year: 125 of 221 filed = 56.561…%.
        output.Split('\n').Should().Contain(l => l.StartsWith("| 县级 county | 2020 |", StringComparison.Ordinal) && l.Contains("56.56% (125/221)", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_refuses_an_invalid_file_in_one_line_unless_told_to_skip_invalid_rows()
    {
        using var folder = new TemporaryFolder();
        string input = folder.File("bad.csv");
        File.WriteAllText(input, "committee,period,measure,value,unit,qualifier,scope,source\n520112,2022,proposals.received,178,件,exact,committee,\n520112,2022,proposals.filed,x,件,exact,committee,\n");

        var (exit, output, error) = CliRunner.Run("report", "-i", input);
        exit.Should().Be(1);
        output.Should().BeEmpty();
        error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().Contain("line 3, column value");

        (exit, output, error) = CliRunner.Run("report", "-i", input, "--skip-invalid");
        exit.Should().Be(0);
        output.Should().Contain("乌当区政协");
        error.Should().Contain("1 error(s)");
    }

    [Fact]
    public void A_missing_input_file_is_an_io_error_in_one_line()
    {
        using var folder = new TemporaryFolder();
        var (exit, output, error) = CliRunner.Run("report", "--input", folder.File("none.csv"));
        exit.Should().Be(3);
        output.Should().BeEmpty();
        error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("error: ").And.Contain("none.csv");
    }
}
