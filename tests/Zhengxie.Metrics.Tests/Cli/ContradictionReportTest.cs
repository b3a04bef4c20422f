using System.IO;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.Csv;

namespace Zhengxie.Metrics.Tests.Cli;

/// <summary>Issue 10 item 5: report shows contradicting counts marked instead of hiding them; validate lists every broken link.</summary>
public class ContradictionReportTest
{
    private const string Header = "committee,period,measure,value,unit,qualifier,scope,source\n";

    private static string Write(TemporaryFolder folder, int received, int filed, int replied)
    {
        string input = folder.File("chain.csv");
        File.WriteAllText(input,
            Header +
            $"330324,2020,proposals.received,{received},件,exact,committee,\n" +
            $"330324,2020,proposals.filed,{filed},件,exact,committee,\n" +
            $"330324,2020,proposals.replied,{replied},件,exact,committee,\n");
        return input;
    }

    private static int Occurrences(string text, string part) => Regex.Count(text, Regex.Escape(part));

    [Fact]
    public void Replied_above_filed_shows_every_count_the_marked_contradiction_and_the_valid_acceptance_rate()
    {
        using var folder = new TemporaryFolder();
        string input = Write(folder, 100, 90, 95);

        var (exit, output, error) = CliRunner.Run("report", "--input", input, "--format", "csv");
        exit.Should().Be(0, error);
        output.Should().Contain("100", output).And.Contain("90", output).And.Contain("95", output);
        output.Should().Contain("(!)", output);
        output.Should().Contain("90.0", "the acceptance rate 90/100 stays valid: " + output);
        Occurrences(error, "RepliedExceedsFiled").Should().Be(1, error);

        (exit, output, _) = CliRunner.Run("report", "--input", input);
        exit.Should().Be(0);
        output.Should().Contain("95 (!)", output).And.Contain("90 (!)", output).And.Contain("90.0", output);
    }

    [Fact]
    public void Filed_and_replied_above_received_show_all_counts_marked_and_exit_zero()
    {
        using var folder = new TemporaryFolder();
        string input = Write(folder, 100, 120, 130);

        var (exit, output, error) = CliRunner.Run("report", "--input", input);
        exit.Should().Be(0, "source inconsistencies are warnings (docs/cli.md): " + error);
        output.Should().Contain("100 (!)", output).And.Contain("120 (!)", output).And.Contain("130", output);
        output.Should().Contain("invalid", "filed 120 of 100 received is a rate above 100 %: " + output);
        Occurrences(error, "FiledExceedsReceived").Should().Be(1, error);
        Occurrences(error, "RepliedExceedsFiled").Should().Be(1, error);
    }

    [Fact]
    public void Validate_reports_every_broken_link_of_the_chain_once()
    {
        using var folder = new TemporaryFolder();
        string input = Write(folder, 100, 120, 130);

        var (exit, output, _) = CliRunner.Run("validate", input);
        exit.Should().Be(0, output);
        Occurrences(output, "[FiledExceedsReceived]").Should().Be(1, output);
        Occurrences(output, "[RepliedExceedsFiled]").Should().Be(1, output);
        output.Should().Contain("0 error(s), 2 warning(s)", output);

        (exit, output, _) = CliRunner.Run("validate", input, "--strict");
        exit.Should().Be(1, output);
        output.Should().Contain("2 error(s)", output);
    }
}
