using System.IO;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.Csv;

namespace Zhengxie.Metrics.Tests.Cli;

public class CommandLineTest
{
    /// <summary>A figures file with a value that is not a number, an unknown qualifier and filed above received.</summary>
    internal const string FileWithBadLines =
        "committee,period,measure,value,unit,qualifier,scope,source\n" +
        "520112,2022,proposals.received,178,件,exact,committee,\n" +
        "520112,2022,proposals.filed,17x,件,exact,committee,\n" +
        "520112,2022,proposals.replied,5,件,sort_of,committee,\n" +
        "330324,2020,proposals.received,100,件,exact,committee,\n" +
        "330324,2020,proposals.filed,120,件,exact,committee,\n";

    [Fact]
    public void Validate_lists_every_finding_with_its_line_and_column_and_exits_1()
    {
        using var folder = new TemporaryFolder();
        string input = folder.File("bad.csv");
        File.WriteAllText(input, FileWithBadLines);

        var (exit, output, _) = CliRunner.Run("validate", input);
        exit.Should().Be(1);
        output.Should().Contain("line 3, column value").And.Contain("'17x' is not a number");
        output.Should().Contain("line 4, column qualifier").And.Contain("'sort_of'");
        output.Should().Contain("warning: [FiledExceedsReceived] (source inconsistency) committee 330324");
        output.Should().Contain("5 rows, 3 figures loaded, 2 error(s), 1 warning(s)");
    }

    [Fact]
    public void Validate_accepts_the_samples()
    {
        var (exit, output, _) = CliRunner.Run("validate", RepositoryFiles.SeedReportsCsv);
        exit.Should().Be(0, output);
        output.Should().Contain("77 rows, 77 figures loaded, 0 error(s), 0 warning(s)");

        (exit, output, _) = CliRunner.Run("validate", RepositoryFiles.ZhejiangSyntheticCsv);
        exit.Should().Be(0, output);
    }

    [Fact]
    public void Regions_looks_names_up()
    {
        var (exit, output, _) = CliRunner.Run("regions", "浙江");
        exit.Should().Be(0);
        output.Should().StartWith("330000 浙江省");

        (exit, output, _) = CliRunner.Run("regions", "永嘉");
        exit.Should().Be(0);
        output.Should().Contain("330324 永嘉县").And.Contain("浙江省 温州市");

        (exit, output, _) = CliRunner.Run("regions", "丽水", "--children");
        output.Should().Contain("331100 丽水市").And.Contain("  331181 龙泉市");

        (exit, _, var error) = CliRunner.Run("regions", "火星");
        exit.Should().Be(1);
        error.Should().Contain("火星");
    }

    [Theory]
    [InlineData("report", "--bogus")]
    [InlineData("report", "--group-by", "county")]
    [InlineData("report", "--years", "2024..2018")]
    [InlineData("report", "--rates", "happiness")]
    [InlineData("report", "--format", "xlsx")]
    [InlineData("validate")]
    [InlineData("frobnicate")]
    public void Bad_usage_exits_2_with_one_line(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run(args);
        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("error: ");
    }

    [Fact]
    public void No_command_is_bad_usage()
    {
        var (exit, _, error) = CliRunner.Run();
        exit.Should().Be(2);
        error.Should().Contain("--help");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("report", "--help")]
    [InlineData("validate", "--help")]
    [InlineData("regions", "-h")]
    public void Every_command_has_help_with_the_exit_codes(params string[] args)
    {
        var (exit, output, _) = CliRunner.Run(args);
        exit.Should().Be(0);
        output.Should().Contain("--help").And.Contain("Exit codes:").And.Contain("2  bad usage");
    }

    [Fact]
    public void Report_help_lists_its_options()
    {
        var (_, output, _) = CliRunner.Run("report", "--help");
        output.Should().Contain("--input").And.Contain("--group-by").And.Contain("--years").And.Contain("--rates").And.Contain("--format").And.Contain("--out");
    }
}
