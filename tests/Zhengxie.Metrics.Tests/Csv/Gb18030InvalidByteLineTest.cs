using System;
using System.IO;
using System.Linq;
using System.Text;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Csv;

namespace Zhengxie.Metrics.Tests.Csv;

/// <summary>Issue 10 item 1: an invalid byte in a file read as GB18030 is reported on its exact line, however far into the file.</summary>
public class Gb18030InvalidByteLineTest
{
    private const string Header = "committee,period,measure,value,unit,qualifier,scope,source\n";

    private static readonly Encoding Gb18030 = CreateGb18030();

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>A file of <paramref name="rows"/> data rows in real GB18030 bytes (件 is 0xBC 0xFE), the row on <paramref name="badLine"/> carrying <paramref name="bad"/> inside its source.</summary>
    private static byte[] File(int rows, int badLine, byte[] bad)
    {
        var bytes = new MemoryStream();
        bytes.Write(Gb18030.GetBytes(Header));
        for (int i = 0; i < rows; i++)
        {
            int line = i + 2;
            bytes.Write(Gb18030.GetBytes($"520112,{2000 + (i % 25)},activity.item_{i},{i},件,exact,committee,乌当区政协"));
            if (line == badLine)
            {
                bytes.Write(bad);
            }

            bytes.Write(Gb18030.GetBytes("工作报告\n"));
        }

        return bytes.ToArray();
    }

    [Theory]
    [InlineData(10, 5, new byte[] { 0x81, 0x20 })] // a lead byte followed by a space: no GB18030 character
    [InlineData(10, 11, new byte[] { 0xFF })] // 0xFF is never a GB18030 byte; on the last line
    [InlineData(6000, 4321, new byte[] { 0x81, 0x20 })] // past the reader's first 64 KB
    [InlineData(6000, 5999, new byte[] { 0x84, 0x31, 0xA5 })] // a four-byte sequence cut after three bytes
    public void An_invalid_gb18030_byte_is_reported_on_its_exact_line_and_nothing_is_loaded(int rows, int badLine, byte[] bad)
    {
        var bytes = File(rows, badLine, bad);
        var strict = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var check = () => strict.GetString(bytes);
        check.Should().Throw<DecoderFallbackException>("the test file must really be invalid GB18030");

        var result = FigureCsvReader.Read(new MemoryStream(bytes), FigureCsvEncoding.Gb18030);

        result.Figures.Should().BeEmpty();
        var error = result.Findings.Should().ContainSingle(f => f.IsError).Which;
        error.Line.Should().Be(badLine);
        error.Message.Should().Contain("not valid GB18030").And.Contain("on this line").And.NotContain("after line");
    }

    [Fact]
    public void The_same_file_without_the_bad_bytes_is_read_whole()
    {
        var result = FigureCsvReader.Read(new MemoryStream(File(6000, 0, [])), FigureCsvEncoding.Gb18030);

        result.IsValid.Should().BeTrue();
        result.Figures.Should().HaveCount(6000);
        result.Figures[4319].Unit.Symbol.Should().Be("件");
        result.Figures[4319].Source!.Quote.Should().Be("乌当区政协工作报告");
    }
}
