using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Cli;
using Zhengxie.Metrics.Cli.Commands;
using Zhengxie.Metrics.Tests.Csv;

namespace Zhengxie.Metrics.Tests.Cli;

public class ExtractCommandTest
{
    private const string Passage = "2020年，县政协共收到提案178件，经审查立案176件，立案率98.9%；提案办复率、满意率均为100%。";

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    [Fact]
    public void Without_files_or_jsonl_it_is_bad_usage()
    {
        var (exit, _, err) = CliRunner.Run("extract");
        exit.Should().Be(ExitCodes.Usage);
        err.Should().Contain("give one or more report text files, or --jsonl");
    }

    [Fact]
    public void Files_and_jsonl_together_are_bad_usage()
    {
        using var folder = new TemporaryFolder();
        string file = folder.File("a.txt");
        File.WriteAllText(file, Passage);
        var (exit, _, err) = CliRunner.Run("extract", file, "--jsonl", file);
        exit.Should().Be(ExitCodes.Usage);
        err.Should().Contain("not both");
    }

    [Theory]
    [InlineData("--committee", "abc", "--committee: 'abc' is not a committee")]
    [InlineData("--committee", "12345", "--committee: '12345' is not a committee")]
    [InlineData("--period", "2020年", "--period: '2020年' is not a period")]
    [InlineData("--format", "xml", "--format: 'xml' is not one of table, csv, json")]
    [InlineData("--encoding", "big5", "--encoding: 'big5' is not one of utf-8, gb18030, gbk")]
    public void Bad_option_values_are_one_line_and_exit_2(string option, string value, string message)
    {
        using var folder = new TemporaryFolder();
        string file = folder.File("a.txt");
        File.WriteAllText(file, Passage);
        var (exit, output, err) = CliRunner.Run("extract", file, option, value);
        exit.Should().Be(ExitCodes.Usage);
        output.Should().BeEmpty();
        err.Should().Contain(message);
        err.TrimEnd().Should().NotContain("\n");
    }

    [Fact]
    public void The_committee_may_be_a_unique_region_name()
    {
        using var folder = new TemporaryFolder();
        string file = folder.File("a.txt");
        File.WriteAllText(file, Passage);
        var (exit, output, err) = CliRunner.Run("extract", file, "--committee", "永嘉县", "--period", "2020");
        exit.Should().Be(0, err);
        output.Should().Contain("committee 330324 永嘉县 (given), period 2020 (given)");
    }

    [Fact]
    public void A_missing_file_is_an_io_error()
    {
        using var folder = new TemporaryFolder();
        var (exit, _, err) = CliRunner.Run("extract", folder.File("missing.txt"));
        exit.Should().Be(ExitCodes.IOError);
        err.Should().Contain("missing.txt");
    }

    [Fact]
    public void Input_that_is_not_utf8_is_one_line_naming_the_encoding_problem_and_exit_2()
    {
        using var folder = new TemporaryFolder();
        string file = folder.File("gbk.txt");
        File.WriteAllBytes(file, Gb18030().GetBytes("第一行\n" + Passage));
        var (exit, output, err) = CliRunner.Run("extract", file);
        exit.Should().Be(ExitCodes.Usage);
        output.Should().BeEmpty();
        err.Should().StartWith("error: " + file + ": not valid UTF-8: byte 0 (line 1) begins 0xB5 0xDA");
        err.Should().Contain("--encoding gb18030");
        err.TrimEnd().Should().NotContain("\n");
    }

    [Fact]
    public void The_invalid_byte_is_located_by_offset_and_line()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("收到提案\n178件"), 0xFF, .. "ok"u8];
        var act = () => TextInput.Decode(bytes, TextEncoding.Utf8, "x.txt");
        act.Should().Throw<UsageException>().WithMessage("x.txt: not valid UTF-8: byte 19 (line 2) begins 0xFF 0x6F 0x6B*");

        byte[] truncated = [.. "立案"u8, 0xE4, 0xB8];
        var cut = () => TextInput.Decode(truncated, TextEncoding.Utf8, "y.txt");
        cut.Should().Throw<UsageException>().WithMessage("y.txt: not valid UTF-8: byte 6 (line 1) begins 0xE4 0xB8*");

        var utf16 = () => TextInput.Decode(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("提案")).ToArray(), TextEncoding.Utf8, "z.txt");
        utf16.Should().Throw<UsageException>().WithMessage("*UTF-16*");
    }

    [Fact]
    public void Utf8_with_and_without_bom_and_gb18030_decode_to_the_same_text()
    {
        byte[] plain = Encoding.UTF8.GetBytes(Passage);
        TextInput.Decode(plain, TextEncoding.Utf8, "a").Should().Be(Passage);
        TextInput.Decode([.. Encoding.UTF8.GetPreamble(), .. plain], TextEncoding.Utf8, "b").Should().Be(Passage);
        TextInput.Decode([.. Encoding.UTF8.GetPreamble(), .. plain], TextEncoding.Gb18030, "c").Should().Be(Passage, "a UTF-8 byte-order mark means UTF-8");
        TextInput.Decode(Gb18030().GetBytes(Passage), TextEncoding.Gb18030, "d").Should().Be(Passage);
        TextInput.Decode(Gb18030().GetBytes("政協 𠀀 €"), TextEncoding.Gb18030, "e").Should().Be("政協 𠀀 €", "GB18030 covers all of Unicode");
    }

    [Fact]
    public void A_gb18030_file_is_read_with_the_option()
    {
        using var folder = new TemporaryFolder();
        string gbk = folder.File("gbk.txt");
        string utf8 = folder.File("utf8.txt");
        File.WriteAllBytes(gbk, Gb18030().GetBytes(Passage));
        File.WriteAllText(utf8, Passage, new UTF8Encoding(true));
        var (exit, fromGbk, err) = CliRunner.Run("extract", gbk, "--encoding", "gb18030", "--committee", "330324", "--format", "json");
        exit.Should().Be(0, err);
        var (exit2, fromUtf8, err2) = CliRunner.Run("extract", utf8, "-c", "330324", "-f", "json");
        exit2.Should().Be(0, err2);
        fromGbk.Replace("gbk.txt", "x", StringComparison.Ordinal).Should().Be(fromUtf8.Replace("utf8.txt", "x", StringComparison.Ordinal));
        fromGbk.Should().MatchRegex("\"quote\": \"[^\"]*立案176件\"", "the GB18030 text was read: its figures carry their quotes");
        var (exit3, _, err3) = CliRunner.Run("extract", gbk, "--encoding", "gbk");
        exit3.Should().Be(0, err3);
    }

    [Fact]
    public void Csv_without_a_committee_is_an_error_naming_the_option()
    {
        using var folder = new TemporaryFolder();
        string file = folder.File("nameless.txt");
        File.WriteAllText(file, "全年共收到提案178件，立案176件。");
        var (exit, output, err) = CliRunner.Run("extract", file, "--format", "csv", "--period", "2020");
        exit.Should().Be(ExitCodes.Usage);
        output.Should().BeEmpty();
        err.Should().Contain("nameless.txt: the text does not name its committee").And.Contain("pass --committee CODE");

        (exit, output, err) = CliRunner.Run("extract", file, "--format", "json");
        exit.Should().Be(0, err);
        using var json = JsonDocument.Parse(output);
        json.RootElement[0].GetProperty("committee").ValueKind.Should().Be(JsonValueKind.Null);
        json.RootElement[0].GetProperty("committee_origin").GetString().Should().Be("unknown");
    }

    [Fact]
    public void Jsonl_writes_one_line_a_passage_in_the_scorers_format()
    {
        using var folder = new TemporaryFolder();
        string input = folder.File("in.jsonl");
        File.WriteAllText(input,
            "{\"id\":\"a\",\"text\":\"" + Passage + "\",\"committee\":\"330324\",\"period\":\"2020\"}\n" +
            "\n" +
            "{\"id\":\"b\",\"text\":\"全年共收到提案178件。\"}\n" +
            "{\"id\":3,\"text\":\"立案率98.9%\",\"committee\":null,\"period\":\"4.4@2020\"}\n");
        var (exit, output, err) = CliRunner.Run("extract", "--jsonl", input);
        exit.Should().Be(0, err);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3);
        using (var a = JsonDocument.Parse(lines[0]))
        {
            a.RootElement.GetProperty("id").GetString().Should().Be("a");
            a.RootElement.GetProperty("committee").GetString().Should().Be("330324");
            a.RootElement.GetProperty("period").GetString().Should().Be("2020");
            a.RootElement.GetProperty("figures").ValueKind.Should().Be(JsonValueKind.Array);
            a.RootElement.GetProperty("breakdowns").ValueKind.Should().Be(JsonValueKind.Array);
        }

        using (var b = JsonDocument.Parse(lines[1]))
        {
            b.RootElement.GetProperty("id").GetString().Should().Be("b");
            b.RootElement.GetProperty("committee").ValueKind.Should().Be(JsonValueKind.Null);
        }

        using (var c = JsonDocument.Parse(lines[2]))
        {
            c.RootElement.GetProperty("id").GetString().Should().Be("3");
            c.RootElement.GetProperty("period").GetString().Should().Be("4.4@2020");
        }

        File.WriteAllText(input, "{\"id\":\"s\",\"text\":\"收到提案178件\",\"period\":\"11.1+@2022\"}\n");
        (exit, output, err) = CliRunner.Run("extract", "--jsonl", input);
        exit.Should().Be(0, err);
        output.Should().Contain("\"period\":\"11.1+@2022\"").And.Contain("\"quote\":\"收到提案178件\"");
    }

    [Fact]
    public void Jsonl_options_are_defaults_that_a_line_overrides()
    {
        using var folder = new TemporaryFolder();
        string input = folder.File("in.jsonl");
        File.WriteAllText(input,
            "{\"id\":\"a\",\"text\":\"收到提案178件\"}\n" +
            "{\"id\":\"b\",\"text\":\"收到提案178件\",\"committee\":\"520112\"}\n");
        var (exit, output, err) = CliRunner.Run("extract", "--jsonl", input, "--committee", "330324", "--period", "2020");
        exit.Should().Be(0, err);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Contain("\"committee\":\"330324\"").And.Contain("\"period\":\"2020\"");
        lines[1].Should().Contain("\"committee\":\"520112\"").And.Contain("\"period\":\"2020\"");
    }

    [Fact]
    public void Jsonl_lines_that_cannot_be_read_are_named_and_exit_1()
    {
        using var folder = new TemporaryFolder();
        string input = folder.File("in.jsonl");
        File.WriteAllText(input,
            "{\"id\":\"a\",\"text\":\"收到提案178件\"}\n" +
            "not json\n" +
            "{\"text\":\"收到提案178件\"}\n" +
            "{\"id\":\"d\",\"text\":\"收到提案178件\",\"committee\":\"abc\"}\n" +
            "{\"id\":\"e\",\"text\":\"收到提案178件\",\"period\":\"二〇二〇\"}\n" +
            "[1]\n");
        var (exit, output, err) = CliRunner.Run("extract", "--jsonl", input);
        exit.Should().Be(ExitCodes.DataErrors);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1);
        err.Should().Contain("line 2: not a JSON object")
            .And.Contain("line 3: \"id\" is missing")
            .And.Contain("line 4: passage d: \"committee\" 'abc'")
            .And.Contain("line 5: passage e: \"period\" '二〇二〇'")
            .And.Contain("line 6: not a JSON object")
            .And.Contain("5 line(s) could not be read; 1 passage(s) extracted");
    }

    [Fact]
    public void Jsonl_reads_a_text_file_relative_to_it_as_the_gold_files_do()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("texts"));
        File.WriteAllText(folder.File(Path.Combine("texts", "a.txt")), Passage);
        string input = folder.File("in.jsonl");
        File.WriteAllText(input,
            "{\"id\":\"a\",\"text_file\":\"texts/a.txt\"}\n" +
            "{\"id\":\"b\",\"text_file\":\"texts/missing.txt\"}\n");
        var (exit, output, err) = CliRunner.Run("extract", "--jsonl", input);
        exit.Should().Be(ExitCodes.DataErrors);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().StartWith("{\"id\":\"a\"");
        err.Should().Contain("line 2: passage b: \"text_file\":").And.Contain("missing.txt");
    }

    [Fact]
    public void Jsonl_with_format_is_bad_usage()
    {
        using var folder = new TemporaryFolder();
        string input = folder.File("in.jsonl");
        File.WriteAllText(input, "{\"id\":\"a\",\"text\":\"x\"}\n");
        var (exit, _, err) = CliRunner.Run("extract", "--jsonl", input, "--format", "csv");
        exit.Should().Be(ExitCodes.Usage);
        err.Should().Contain("--format applies to report files only");
    }

    [Fact]
    public void Table_lists_each_figure_with_its_quote_and_where_committee_and_period_came_from()
    {
        using var folder = new TemporaryFolder();
        string file = folder.File("yongjia.txt");
        File.WriteAllText(file, "政协永嘉县委员会2020年提案工作情况：" + Passage);
        var (exit, output, err) = CliRunner.Run("extract", file);
        exit.Should().Be(0, err);
        output.Should().Contain("committee 330324 永嘉县 (from the text), period 2020 (from the text)");
        output.Should().MatchRegex(@"proposals\.received\s+178 件\s+exact\s+«[^»]*收到提案178件»");
        output.Should().MatchRegex(@"rate\.acceptance\s+98\.9 %\s+percent_reported\s+«[^»]*立案率98\.9%»");
        output.Should().MatchRegex(@"rate\.satisfaction\s+100 %\s+percent_reported\s+«[^»]*办复率、满意率均为100%»");
    }

    [Fact]
    public void Json_and_jsonl_carry_the_figures_in_the_scorers_words()
    {
        using var folder = new TemporaryFolder();
        string input = folder.File("in.jsonl");
        File.WriteAllText(input, "{\"id\":\"p\",\"text\":\"全年共收到提案145件，全部办复。" + Passage[5..] + "\"}\n");
        var (exit, output, err) = CliRunner.Run("extract", "--jsonl", input);
        exit.Should().Be(0, err);
        using var line = JsonDocument.Parse(output);
        var figures = line.RootElement.GetProperty("figures").EnumerateArray().ToList();
        figures.Should().NotBeEmpty();
        foreach (var figure in figures)
        {
            figure.EnumerateObject().Select(p => p.Name).Should().Equal("indicator", "value", "unit", "qualifier", "quote", "scope", "topic");
        }

        var received = figures.First(f => f.GetProperty("indicator").GetString() == "proposals.received");
        received.GetProperty("value").GetDecimal().Should().Be(145);
        received.GetProperty("unit").GetString().Should().Be("件");
        received.GetProperty("qualifier").GetString().Should().Be("exact");
        received.GetProperty("scope").GetString().Should().Be("committee");
        received.GetProperty("topic").ValueKind.Should().Be(JsonValueKind.Null);
        var rate = figures.First(f => f.GetProperty("indicator").GetString() == "rate.acceptance");
        rate.GetProperty("value").GetDecimal().Should().Be(98.9m);
        rate.GetProperty("qualifier").GetString().Should().Be("percent_reported");
        var all = figures.Where(f => f.GetProperty("qualifier").GetString() == "all").ToList();
        all.Should().NotBeEmpty();
        all.Should().OnlyContain(f => f.GetProperty("value").ValueKind == JsonValueKind.Null || f.GetProperty("value").GetDecimal() == 145);
    }

    [Fact]
    public void Help_lists_the_options()
    {
        var (exit, output, _) = CliRunner.Run("extract", "--help");
        exit.Should().Be(0);
        output.Should().Contain("--committee").And.Contain("--period").And.Contain("--format").And.Contain("--encoding").And.Contain("--jsonl");
    }
}
