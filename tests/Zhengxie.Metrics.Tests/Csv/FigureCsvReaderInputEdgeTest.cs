using System;
using System.IO;
using System.Linq;
using System.Text;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Tests.Cli;

namespace Zhengxie.Metrics.Tests.Csv;

/// <summary>Issue 10 items 1, 3 and 8: encodings, overflow, strict numbers, unclosed quotes, long values, topics with spaces.</summary>
public class FigureCsvReaderInputEdgeTest
{
    private const string Header = "committee,period,measure,value,unit,qualifier,scope,source\n";

    private const string ChineseFile =
        Header +
        "520112,2022,proposals.received,178,件,exact,committee,乌当区政协工作报告\n" +
        "520112,2022,funds.raised,590,万元,more_than,committee,\n" +
        "520112,2022,activity.consultation,12,场,exact,committee,\n";

    private static FigureCsvResult ReadBytes(byte[] bytes, FigureCsvEncoding encoding = FigureCsvEncoding.Utf8) =>
        FigureCsvReader.Read(new MemoryStream(bytes), encoding);

    private static FigureCsvResult ReadText(string text) => ReadBytes(Encoding.UTF8.GetBytes(text));

    private static byte[] Gb18030Bytes(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }

    [Fact]
    public void Gb18030_bytes_read_as_utf8_are_an_error_naming_the_encoding_and_the_line_and_nothing_is_loaded()
    {
        var result = ReadBytes(Gb18030Bytes(ChineseFile));

        result.IsValid.Should().BeFalse();
        result.Figures.Should().BeEmpty();
        var finding = result.Findings.Should().ContainSingle(f => f.IsError).Which;
        finding.Line.Should().Be(2); // the header is ASCII; 件 on line 2 is the first non-UTF-8 byte
        finding.Message.Should().Contain("not valid UTF-8").And.Contain("GB18030");
    }

    [Fact]
    public void Gb18030_on_request_gives_the_same_figures_as_utf8()
    {
        var utf8 = ReadText(ChineseFile);
        var gb = ReadBytes(Gb18030Bytes(ChineseFile), FigureCsvEncoding.Gb18030);

        utf8.IsValid.Should().BeTrue();
        gb.IsValid.Should().BeTrue();
        gb.Figures.Should().Equal(utf8.Figures);
        gb.Figures.Select(f => f.Unit.Symbol).Should().Equal("件", "万元", "场");
        gb.Figures[1].Bounds!.Value.Lower.Should().Be(5_900_001);
    }

    [Fact]
    public void A_bad_byte_deep_in_the_file_names_its_line_and_a_sequence_split_across_reads_is_fine()
    {
        var text = new StringBuilder(Header);
        for (int i = 0; i < 5000; i++)
        {
            text.Append("520112,").Append(2000 + (i % 100)).Append(",activity.m").Append(i / 100).Append(",1,场,exact,committee,政协\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        ReadBytes(bytes).IsValid.Should().BeTrue();

        int line4000 = IndexOfLine(bytes, 4000);
        bytes[line4000 + 2] = 0xFF;
        var result = ReadBytes(bytes);
        result.Figures.Should().BeEmpty();
        result.Findings.Should().ContainSingle().Which.Line.Should().Be(4000);
    }

    [Theory]
    [InlineData("99999999999999999999", "件")]
    [InlineData("99999999999999999999999999999999", "件")]
    [InlineData("9999999999999999", "万元")]
    public void An_overflowing_value_is_a_finding_with_line_and_column(string value, string unit)
    {
        var result = ReadText(Header +
            "520112,2022,proposals.received,178,件,exact,committee,\n" +
            $"520112,2022,funds.raised,{value},{unit},exact,committee,\n");

        result.Figures.Should().ContainSingle();
        var finding = result.Findings.Should().ContainSingle().Which;
        finding.Should().Match<FigureCsvFinding>(f => f.Line == 3 && f.Column == "value" && f.IsError);
        finding.Message.Should().Contain("too large");
    }

    [Theory]
    [InlineData("+100")]
    [InlineData("-0")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("1e3")]
    [InlineData("1,000")]
    public void A_number_is_digits_without_sign(string value)
    {
        var result = ReadText(Header + $"520112,2022,proposals.received,\"{value}\",件,exact,committee,\n");

        result.Figures.Should().BeEmpty();
        result.Findings.Should().ContainSingle().Which.Should().Match<FigureCsvFinding>(f => f.Line == 2 && f.Column == "value" && f.IsError);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_on_the_line_where_it_opens()
    {
        var result = ReadText(Header +
            "520112,2022,proposals.received,178,件,exact,committee,\n" +
            "520112,2022,proposals.filed,170,件,exact,committee,\"报告第3页\n" +
            "520112,2022,proposals.replied,170,件,exact,committee,\n" +
            "520112,2022,proposals.concluded,170,件,exact,committee,\n");

        result.Figures.Should().ContainSingle();
        var finding = result.Findings.Should().ContainSingle().Which;
        finding.Line.Should().Be(3);
        finding.Message.Should().Contain("never closed");
    }

    [Fact]
    public void Lines_after_a_quoted_field_with_line_breaks_keep_their_numbers()
    {
        var result = ReadText(Header +
            "520112,2022,proposals.received,178,件,exact,committee,\"第一行\n第二行\"\n" +
            "520112,2022,proposals.filed,abc,件,exact,committee,\n");

        result.Figures.Should().ContainSingle().Which.Source!.Quote.Should().Be("第一行\n第二行");
        result.Findings.Should().ContainSingle().Which.Line.Should().Be(4);
    }

    [Fact]
    public void A_huge_bad_value_is_shortened_in_the_message()
    {
        string huge = new('x', 10_000_000);
        var result = ReadText(Header + $"520112,2022,proposals.received,{huge},件,exact,committee,\n");

        var finding = result.Findings.Should().ContainSingle().Which;
        finding.Message.Length.Should().BeLessThan(300);
        finding.Message.Should().Contain("10000000 characters");
    }

    [Fact]
    public void A_topic_with_surrounding_spaces_round_trips()
    {
        var figure = new Figure(
            new Committee(RegionCode.Parse("520112")),
            ReportingPeriod.CalendarYear(2022),
            new Measure("activity.consultation"),
            3m,
            new FigureUnit("场"),
            topic: "  视察协商 ");
        var writer = new StringWriter();
        FigureCsvWriter.Write([figure], writer);

        var result = FigureCsvReader.Read(new StringReader(writer.ToString()));

        result.IsValid.Should().BeTrue();
        result.Figures.Should().ContainSingle().Which.Topic.Should().Be("  视察协商 ");
        result.Figures[0].Should().Be(figure);
    }

    [Fact]
    public void Cli_validate_of_a_gb18030_file_fails_naming_the_encoding_and_reads_it_with_encoding_gb18030()
    {
        string dir = Path.Combine(Path.GetTempPath(), "zx-enc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string gbPath = Path.Combine(dir, "g.csv");
            string utf8Path = Path.Combine(dir, "u.csv");
            File.WriteAllBytes(gbPath, Gb18030Bytes(ChineseFile));
            File.WriteAllText(utf8Path, ChineseFile, new UTF8Encoding(false));

            var plain = CliRunner.Run("validate", gbPath);
            plain.Exit.Should().NotBe(0);
            plain.Out.Should().Contain("not valid UTF-8").And.Contain("--encoding gb18030");

            var gb = CliRunner.Run("validate", "--encoding", "gb18030", gbPath);
            var utf8 = CliRunner.Run("validate", utf8Path);
            gb.Exit.Should().Be(0, gb.Out + gb.Err);
            gb.Out.Replace(gbPath, "F", StringComparison.Ordinal).Should().Be(utf8.Out.Replace(utf8Path, "F", StringComparison.Ordinal));

            var gbReport = CliRunner.Run("report", "--input", gbPath, "--encoding", "gb18030", "--format", "csv");
            var utf8Report = CliRunner.Run("report", "--input", utf8Path, "--format", "csv");
            gbReport.Exit.Should().Be(0, gbReport.Err);
            gbReport.Out.Should().Be(utf8Report.Out);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int IndexOfLine(byte[] bytes, int line)
    {
        int current = 1;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (current == line)
            {
                return i;
            }

            if (bytes[i] == (byte)'\n')
            {
                current++;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(line));
    }
}
