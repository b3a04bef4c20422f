using System;
using System.IO;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.Csv;

namespace Zhengxie.Metrics.Tests.Cli;

/// <summary>The five seed reports through extract, validate and report: the must-show.</summary>
public class ExtractSeedsPipelineTest
{
    [Fact]
    public void The_seed_reports_csv_lists_every_figure_with_its_quote_and_validate_accepts_it()
    {
        string seeds = Path.Combine(RepositoryFiles.Root, "docs", "seeds");
        string[] files = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).ToArray();
        files.Should().HaveCount(5);
        var (exit, csv, err) = CliRunner.Run(["extract", .. files, "--format", "csv"]);
        exit.Should().Be(0, err);

        // Every data row has its quote, and the quote is in the report's text.
        string allText = string.Concat(files.Select(File.ReadAllText));
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        rows.Should().HaveCountGreaterThan(77);
        foreach (string row in rows)
        {
            string quote = row.Split(',')[7].Trim('"');
            quote.Should().NotBeEmpty(row);
            allText.Should().Contain(quote, row);
        }

        foreach (string committee in new[] { "330324", "520112", "331100", "420881", "330683" })
        {
            rows.Should().Contain(r => r.StartsWith(committee + ",", StringComparison.Ordinal), "every seed's committee comes from its text");
        }

        // Piped into validate: no errors.
        using var folder = new TemporaryFolder();
        string path = folder.File("seeds.csv");
        File.WriteAllText(path, csv);
        var (validateExit, findings, _) = CliRunner.Run("validate", path);
        findings.Should().Contain("0 error(s)");
        validateExit.Should().Be(0, findings);

        var (reportExit, table, reportErr) = CliRunner.Run("report", "--input", path);
        reportExit.Should().Be(0, reportErr);
        table.Should().Contain("98.9% (176/178)").And.Contain("78.5% (278/354)").And.Contain("56.6% (125/221)");
    }
}
