using System;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction;

namespace Zhengxie.Metrics.Tests.Extraction;

/// <summary>Properties: numbers round-trip through their Chinese and 万 forms; Extract never throws.</summary>
public class ExtractionPropertyTest
{
    private static readonly ReportExtractor Extractor = new();

    private static decimal? ReadCount(string number)
    {
        var result = Extractor.Extract("全年共收到提案" + number + "件。");
        return result.Figures.SingleOrDefault(f => f.Measure.Id == "proposals.received")?.Value;
    }

    [Theory]
    [InlineData(108, "一百零八")]
    [InlineData(2000, "二千")]
    [InlineData(12, "十二")]
    [InlineData(30005, "三万零五")]
    [InlineData(1010, "一千零一十")]
    [InlineData(120000000, "一亿二千万")]
    public void The_formatter_writes_numerals_as_reports_do(long n, string expected) =>
        ChineseNumerals.Format(n).Should().Be(expected);

    [Fact]
    public void Any_integer_in_chinese_numerals_reads_back() =>
        Gen.Long[2, 999_999_999_999L].Sample(n =>
        {
            ReadCount(ChineseNumerals.Format(n)).Should().Be(n, ChineseNumerals.Format(n));
            ReadCount(ChineseNumerals.Format(n, liang: true)).Should().Be(n, ChineseNumerals.Format(n, liang: true));
        });

    [Fact]
    public void Any_integer_with_wan_reads_back() =>
        Gen.Long[1, 9_999_999_999L].Sample(n =>
        {
            long wan = n / 10_000, rest = n % 10_000;
            string text = wan == 0 ? rest.ToString(CultureInfo.InvariantCulture)
                : rest == 0 ? wan.ToString(CultureInfo.InvariantCulture) + "万"
                : wan.ToString(CultureInfo.InvariantCulture) + "万" + rest.ToString(CultureInfo.InvariantCulture);
            ReadCount(text).Should().Be(n, text);
        });

    [Fact]
    public void Any_decimal_with_wan_reads_back() =>
        Gen.Int[10, 999_999].Sample(n =>
        {
            int whole = n / 10, tenth = n % 10;
            string text = string.Create(CultureInfo.InvariantCulture, $"{whole}.{tenth}万");
            ReadCount(text).Should().Be(((whole * 10m) + tenth) * 1000m, text);
        });

    [Fact]
    public void Extract_never_throws_on_random_unicode() =>
        Gen.Char.Array[0, 400].Select(c => new string(c)).Sample(s => Extractor.Extract(s).Should().NotBeNull(), iter: 2000);

    [Fact]
    public void Extract_never_throws_on_report_like_noise()
    {
        string[] pieces =
        [
            "收到提案", "立案", "办复率", "均为", "、", "，", "。", "全部", "办复", "１", "9", "0", ",", ".", "万", "亿", "百分之", "十", "百", "千", "零", "两", "余", "多", "%", "％", "成", "“", "”", "《", "第", "届", "次", "会议", "年", "\n", "\u200B", "\u0301", "\uD83D\uDE00", "\uD800", "占", "方面", "类",
        ];
        Gen.Int[0, pieces.Length - 1].Array[0, 60].Select(ix => string.Concat(ix.Select(i => pieces[i]))).Sample(s =>
        {
            var r = Extractor.Extract(s);
            foreach (var f in r.Figures.Concat(r.Breakdowns))
            {
                s.Substring(f.Start, f.Length).Should().Be(f.Quote);
            }
        }, iter: 3000);
    }

    [Fact]
    public void Extract_never_throws_on_binary_like_text() =>
        Gen.Byte.Array[0, 600].Sample(bytes =>
        {
            Extractor.Extract(Encoding.Latin1.GetString(bytes)).Should().NotBeNull();
            Extractor.Extract(Encoding.UTF8.GetString(bytes)).Should().NotBeNull();
        }, iter: 500);

    [Fact]
    public void Extract_handles_ten_megabytes_and_empty()
    {
        var sb = new StringBuilder(10_500_000);
        var random = new Random(12);
        while (sb.Length < 10_000_000)
        {
            sb.Append("全年共收到提案").Append(random.Next(1, 99999)).Append("件，立案率").Append(random.Next(1, 100)).Append('%').Append((char)random.Next(0x4E00, 0x9FFF)).Append('。');
        }

        var result = Extractor.Extract(sb.ToString());
        result.Figures.Should().NotBeEmpty();
        Extractor.Extract(string.Empty).Figures.Should().BeEmpty();
    }
}
