using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.Csv;

namespace Zhengxie.Metrics.Tests.Cli;

/// <summary>The tool's edges (issue 10, items 2, 4 and 10): bad option values, suggestions, counts, --bom, empty years, region contents.</summary>
public class CliEdgeTest
{
    private static void ShouldBeOneUsageLine(int exit, string output, string error)
    {
        exit.Should().Be(2, error);
        output.Should().BeEmpty();
        var lines = error.TrimEnd().Split('\n');
        lines.Should().ContainSingle(error).Which.Should().StartWith("error: ");
        error.Should().NotContain("\t").And.NotContain("?.");
        Regex.IsMatch(error, @"(?<!\d)\.\.(\s|$)").Should().BeFalse("no message ends in '..': " + error);
    }

    [Theory]
    [InlineData("--decimals", "abc")]
    [InlineData("--decimals", "1.5")]
    [InlineData("--decimals", "９")]
    [InlineData("--decimals", "-1")]
    [InlineData("--decimals", "11")]
    [InlineData("--decimals", "+3")]
    [InlineData("--decimals", "")]
    [InlineData("--group-by", "county")]
    [InlineData("--years", "abc")]
    [InlineData("--years", "1900")]
    [InlineData("--rates", ",")]
    [InlineData("--format", "xlsx")]
    [InlineData("--headers", "fr")]
    [InlineData("--bom", "maybe")]
    [InlineData("--skip-invalid", "perhaps")]
    public void Every_bad_option_value_of_report_is_exit_2_with_one_line(string option, string value)
    {
        var (exit, output, error) = CliRunner.Run("report", option, value);
        ShouldBeOneUsageLine(exit, output, error);
    }

    [Theory]
    [InlineData("report", "--decimals")]
    [InlineData("report", "--input")]
    [InlineData("report", "--out")]
    [InlineData("regions")]
    [InlineData("regions", "浙江", "--children", "yes")]
    [InlineData("validate", "a.csv", "b.csv")]
    public void Missing_or_extra_values_are_exit_2_with_one_line(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run(args);
        ShouldBeOneUsageLine(exit, output, error);
    }

    [Fact]
    public void Decimals_takes_a_whole_number_from_0_to_10()
    {
        var (exit, output, error) = CliRunner.Run("report", "--decimals", "3");
        exit.Should().Be(0, error);
        output.Should().Contain("78.531% (278/354)");
    }

    [Theory]
    [InlineData("reprot", "did you mean report?")]
    [InlineData("valdiate", "did you mean validate?")]
    [InlineData("region", "did you mean regions?")]
    public void A_misspelt_command_gets_a_suggestion(string typed, string suggestion)
    {
        var (exit, output, error) = CliRunner.Run(typed);
        ShouldBeOneUsageLine(exit, output, error);
        error.Should().Contain($"'{typed}' is not a command").And.Contain(suggestion);
    }

    [Theory]
    [InlineData("--group-by", "prefectur", "did you mean prefecture?")]
    [InlineData("--group-by", "provnice", "did you mean province?")]
    [InlineData("--format", "mdd", "did you mean md?")]
    [InlineData("--headers", "english", "en")]
    public void A_misspelt_choice_gets_a_suggestion_without_tabs(string option, string value, string expected)
    {
        var (exit, output, error) = CliRunner.Run("report", option, value);
        ShouldBeOneUsageLine(exit, output, error);
        error.Should().Contain($"'{value}'").And.Contain(expected);
    }

    [Fact]
    public void A_misspelt_option_gets_a_suggestion()
    {
        var (exit, output, error) = CliRunner.Run("report", "--decimal", "2");
        ShouldBeOneUsageLine(exit, output, error);
        error.Should().Contain("did you mean --decimals?");
    }

    [Fact]
    public void Bom_without_out_is_bad_usage()
    {
        var (exit, output, error) = CliRunner.Run("report", "--bom");
        ShouldBeOneUsageLine(exit, output, error);
        error.Should().Contain("--out");
    }

    [Fact]
    public void Bom_with_out_begins_the_file_with_a_byte_order_mark()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("out.csv");
        var (exit, _, error) = CliRunner.Run("report", "--format", "csv", "--out", path, "--bom");
        exit.Should().Be(0, error);
        File.ReadAllBytes(path).Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
    }

    [Fact]
    public void A_year_selection_without_data_is_exit_1_and_says_so()
    {
        var (exit, output, error) = CliRunner.Run("report", "-y", "1990");
        exit.Should().Be(1);
        output.Should().BeEmpty();
        error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().Contain("no figures in the years 1990").And.Contain("2020..2024");
    }

    [Fact]
    public void Report_and_validate_count_the_errors_of_a_file_the_same_way()
    {
        using var folder = new TemporaryFolder();
        string input = folder.File("bad.csv");
        File.WriteAllText(input, CommandLineTest.FileWithBadLines);

        var (validateExit, validateOut, _) = CliRunner.Run("validate", input);
        validateExit.Should().Be(1);
        int validateCount = int.Parse(Regex.Match(validateOut, @"(\d+) error\(s\)").Groups[1].Value);
        validateCount.Should().Be(2, "filed 120 of 100 received is a source inconsistency, a warning");

        var (reportExit, _, reportError) = CliRunner.Run("report", "--input", input);
        reportExit.Should().Be(1);
        reportError.Should().Contain($"{validateCount} error(s)");
        Regex.IsMatch(reportError, @"(?<!\d)\.\.(\s|$)").Should().BeFalse(reportError);

        (_, _, reportError) = CliRunner.Run("report", "--input", input, "--skip-invalid");
        reportError.Should().Contain($"{validateCount} error(s)");
    }

    [Fact]
    public void Validate_checks_a_committees_level_against_the_region_table()
    {
        using var folder = new TemporaryFolder();
        string input = folder.File("level.csv");
        File.WriteAllText(input,
            "committee,period,measure,value,unit,qualifier,scope,source\n" +
            "330324/province,2020,proposals.received,100,件,exact,committee,\n" +
            "330324/province,2021,proposals.received,100,件,exact,committee,\n" +
            "330324,2020,proposals.received,90,件,exact,committee,\n");

        var (exit, output, _) = CliRunner.Run("validate", input);
        exit.Should().Be(1);
        output.Should().Contain("RegionUnderWrongParent").And.Contain("330324/province");
        output.Should().Contain("1 error(s)");
    }

    [Fact]
    public void Regions_children_and_tree_list_what_a_region_contains()
    {
        var (exit, output, _) = CliRunner.Run("regions", "浙江", "--children");
        exit.Should().Be(0);
        var lines = output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("330000 浙江省");
        lines.Skip(1).Should().HaveCount(11).And.OnlyContain(l => l.StartsWith("  33") && l.EndsWith("prefecture"));

        (exit, output, _) = CliRunner.Run("regions", "温州市", "--tree");
        exit.Should().Be(0);
        output.Should().Contain("  330324 永嘉县  county");

        (exit, output, _) = CliRunner.Run("regions", "浙江", "--tree");
        output.Should().Contain("\n  330300 温州市  prefecture\n").And.Contain("\n    330324 永嘉县  county\n");

        (exit, output, _) = CliRunner.Run("regions", "441900", "--children");
        exit.Should().Be(0);
        output.Should().Contain("441900 东莞市").And.Contain("counts as county level");
    }
}
