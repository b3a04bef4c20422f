using System.IO;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.Csv;

namespace Zhengxie.Metrics.Tests.Cli;

/// <summary>Issue 10 item 5: with two broken links (filed and replied above received), report shows every count marked, validate lists both links (100/90/95 is in PublishedCsvCliTest).</summary>
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
    public void Filed_and_replied_above_received_show_all_counts_marked_and_exit_zero_unless_strict()
    {
        using var folder = new TemporaryFolder();
        string input = Write(folder, 100, 120, 130);

        var (exit, output, error) = CliRunner.Run("report", "--input", input);
        exit.Should().Be(0, "source inconsistencies are warnings (docs/cli.md): " + error);
        output.Should().Contain("100 (!)", output).And.Contain("120 (!)", output).And.Contain("130 (!)", output);
        output.Should().Contain("invalid", "filed 120 of 100 received is a rate above 100 %: " + output);
        Occurrences(error, "FiledExceedsReceived").Should().Be(1, error);
        Occurrences(error, "RepliedExceedsFiled").Should().Be(1, error);

        (exit, output, error) = CliRunner.Run("report", "--input", input, "--strict");
        exit.Should().Be(1, error);
        output.Should().BeEmpty();
        error.Should().Contain("[FiledExceedsReceived]").And.Contain("[RepliedExceedsFiled]").And.Contain("2 error(s)");
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
