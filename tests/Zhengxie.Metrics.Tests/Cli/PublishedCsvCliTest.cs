using System.IO;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.Csv;

namespace Zhengxie.Metrics.Tests.Cli;

/// <summary>The CLI on figures as reports publish them (issue 11): shares, 全部 with a count, qualified rates, source inconsistencies.</summary>
public sealed class PublishedCsvCliTest : System.IDisposable
{
    private const string Header = "committee,period,measure,value,unit,qualifier,scope,source";
    private readonly string dir = Directory.CreateTempSubdirectory("zhengxie-published-").FullName;

    private static string PublishedCsv => Path.Combine(RepositoryFiles.Root, "docs", "data", "published-examples.csv");

    public void Dispose() => Directory.Delete(dir, true);

    private string Write(string name, params string[] rows)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllLines(path, [Header, .. rows]);
        return path;
    }

    private string Inconsistent() => Write(
        "inconsistent.csv",
        "330324,2020,proposals.received,100,件,exact,committee,收到提案100件",
        "330324,2020,proposals.filed,90,件,exact,committee,立案90件",
        "330324,2020,proposals.replied,95,件,exact,committee,已办复95件");

    [Fact]
    public void Published_examples_validate_with_no_errors()
    {
        var (exit, stdout, stderr) = CliRunner.Run("validate", PublishedCsv);
        (stdout + stderr).Should().Contain("8 figures loaded, 0 error(s), 0 warning(s)");
        exit.Should().Be(0);
    }

    [Fact]
    public void Report_gives_each_committees_stated_rates_back()
    {
        var (exit, stdout, stderr) = CliRunner.Run("report", "--input", PublishedCsv);
        exit.Should().Be(0, stderr);
        stderr.Should().NotContain("error");
        var shunde = stdout.Split('\n').Single(l => l.Contains("440606"));
        shunde.Should().Contain("53.4% (362/678)", "顺德's share of A is over the 678 cases after merging");
        shunde.Should().Contain("39.7% (269/678)");
        shunde.Should().Contain("99%以上");
        shunde.Should().Contain("987");
        var yongjia = stdout.Split('\n').Single(l => l.Contains("330324"));
        yongjia.Should().Contain("145 (全部)").And.Contain("100.0% (145/145)");
    }

    [Fact]
    public void Only_source_inconsistencies_are_warnings_and_strict_makes_them_errors()
    {
        string path = Inconsistent();
        var (exit, stdout, stderr) = CliRunner.Run("validate", path);
        string all = stdout + stderr;
        all.Should().Contain("warning: [RepliedExceedsFiled] (source inconsistency)").And.Contain("0 error(s), 1 warning(s)");
        exit.Should().Be(0);

        var strict = CliRunner.Run("validate", "--strict", path);
        (strict.Out + strict.Err).Should().Contain("error: [RepliedExceedsFiled]").And.Contain("1 error(s), 0 warning(s)");
        strict.Exit.Should().NotBe(0);
    }

    [Fact]
    public void Report_marks_the_inconsistent_counts_and_keeps_the_acceptance_rate()
    {
        var (exit, stdout, stderr) = CliRunner.Run("report", "--input", Inconsistent());
        exit.Should().Be(0, stderr);
        var row = stdout.Split('\n').Single(l => l.Contains("330324"));
        row.Should().Contain(" 100 ").And.Contain("90 (!)").And.Contain("95 (!)");
        row.Should().Contain("90.0% (90/100)");
        row.Should().Contain("invalid", "replied 95 over filed 90 is no rate");
        stderr.Split('\n').Count(l => l.Contains("RepliedExceedsFiled")).Should().Be(1, "each warning is printed once");
    }

    [Fact]
    public void Report_strict_refuses_source_inconsistencies()
    {
        var (exit, stdout, stderr) = CliRunner.Run("report", "--input", Inconsistent(), "--strict");
        exit.Should().Be(1);
        stderr.Should().Contain("error: [RepliedExceedsFiled]").And.Contain("1 error(s) under --strict");
        stdout.Should().NotContain("330324");

        CliRunner.Run("report", "--input", PublishedCsv, "--strict").Exit.Should().Be(0);
    }
}
