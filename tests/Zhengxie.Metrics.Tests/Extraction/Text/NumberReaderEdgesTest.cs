using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction;
using Zhengxie.Metrics.Extraction.Text;

namespace Zhengxie.Metrics.Tests.Extraction.Text;

/// <summary>
/// Pins <see cref="NumberReader"/> at its edges: the numeral tables, the 18-digit limit, thousands separators (ASCII and
/// full-width, exactly three digits, at the end of the text), decimals, 万/亿 after Arabic digits (万元, 万字, 3万4000),
/// and Chinese numerals (十 at the start, 点, digit strings, 万 alone, names like 十四五, overflow at 10^18).
/// </summary>
public class NumberReaderEdgesTest
{
    [Theory]
    [InlineData('〇', 0)]
    [InlineData('零', 0)]
    [InlineData('O', 0)]
    [InlineData('一', 1)]
    [InlineData('二', 2)]
    [InlineData('两', 2)]
    [InlineData('三', 3)]
    [InlineData('四', 4)]
    [InlineData('五', 5)]
    [InlineData('六', 6)]
    [InlineData('七', 7)]
    [InlineData('八', 8)]
    [InlineData('九', 9)]
    [InlineData('十', -1)]
    [InlineData('1', -1)]
    [InlineData('o', -1)]
    public void Chinese_digits(char c, int expected) => NumberReader.ChineseDigit(c).Should().Be(expected);

    [Theory]
    [InlineData('十', 1)]
    [InlineData('百', 2)]
    [InlineData('千', 3)]
    [InlineData('万', 4)]
    [InlineData('亿', 8)]
    [InlineData('两', 0)]
    [InlineData('点', 0)]
    public void Chinese_units(char c, int expected) => NumberReader.ChineseUnit(c).Should().Be(expected);

    [Theory]
    [InlineData('〇', true)]
    [InlineData('零', true)]
    [InlineData('一', true)]
    [InlineData('两', true)]
    [InlineData('九', true)]
    [InlineData('十', true)]
    [InlineData('百', true)]
    [InlineData('千', true)]
    [InlineData('万', true)]
    [InlineData('亿', true)]
    [InlineData('O', false)]
    [InlineData('点', false)]
    [InlineData('件', false)]
    [InlineData('A', false)]
    [InlineData('1', false)]
    public void Where_a_chinese_numeral_can_start(char c, bool expected) =>
        NumberReader.IsChineseNumeralChar(c).Should().Be(expected);

    [Theory]
    [InlineData('0', true)]
    [InlineData('9', true)]
    [InlineData('/', false)] // U+002F, just before 0
    [InlineData(':', false)] // U+003A, just after 9
    [InlineData('０', false)]
    public void Ascii_digits(char c, bool expected) => NumberReader.IsAsciiDigit(c).Should().Be(expected);

    [Theory]
    // text, value, end, digits, fraction
    [InlineData("412", "412", 3, 3, false)]
    [InlineData("123456789012345678", "123456789012345678", 18, 18, false)] // 18 digits: the most that is read
    [InlineData("2,486件", "2486", 5, 4, false)]
    [InlineData("1,234", "1234", 5, 4, false)] // separator group at the very end
    [InlineData("1,234,567", "1234567", 9, 7, false)]
    [InlineData("1,23", "1", 1, 1, false)] // two digits after the comma: not a separator
    [InlineData("12,3", "12", 2, 2, false)]
    [InlineData("1,2345", "1", 1, 1, false)] // four digits: not a separator
    [InlineData("1,x23", "1", 1, 1, false)]
    [InlineData("１，２０８件", "1208", 5, 4, false)] // full-width comma after a full-width digit
    [InlineData("１０，０００", "10000", 6, 5, false)] // ０ before the comma (first of the range)
    [InlineData("９，９９９", "9999", 5, 4, false)] // ９ before the comma (last of the range)
    [InlineData("1，208", "1", 1, 1, false)] // full-width comma after an ASCII digit: a list comma
    [InlineData("1，２０８", "1", 1, 1, false)]
    [InlineData("98.9", "98.9", 4, 2, true)] // decimal at the very end
    [InlineData("1.25", "1.25", 4, 1, true)]
    [InlineData("12.", "12", 2, 2, false)] // a full stop, not a decimal point
    [InlineData("12.x", "12", 2, 2, false)]
    [InlineData("0.1234567890123", "0.123456789012", 15, 1, true)] // 12 decimals are kept
    [InlineData("3万", "30000", 2, 1, false)] // 万 at the end of the text
    [InlineData("3亿", "300000000", 2, 1, false)]
    [InlineData("1.2万人次", "12000", 4, 1, true)]
    [InlineData("3万4000人次", "34000", 6, 1, false)]
    [InlineData("3万40000", "30000", 2, 1, false)] // five digits after 万: a new number
    [InlineData("3万元", "3", 1, 1, false)]
    [InlineData("3亿元", "3", 1, 1, false)]
    [InlineData("3万字", "3", 1, 1, false)]
    [InlineData("3亿字", "300000000", 2, 1, false)] // 字 is a unit only after 万
    [InlineData("2万亿", "2000000000000", 3, 1, false)]
    public void Arabic(string text, string value, int end, int digits, bool fraction)
    {
        var tok = ReadArabic(text);
        tok.Start.Should().Be(0);
        tok.Value.Should().Be(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        tok.End.Should().Be(end);
        tok.Digits.Should().Be(digits);
        tok.HasFraction.Should().Be(fraction);
        tok.Overflow.Should().BeFalse();
        tok.Chinese.Should().BeFalse();
    }

    [Theory]
    [InlineData("1234567890123456789", 19, 19)] // 19 digits
    [InlineData("123456789012345678901234567890件", 30, 30)]
    [InlineData("100亿亿", 5, 3)] // 100 × 10^8 × 10^8 = 10^18, the limit
    [InlineData("3万1234567890123456789", 2, 1)] // what follows 万 overflows: 万 ends the number
    public void Arabic_overflow(string text, int end, int digits)
    {
        var tok = ReadArabic(text);
        if (text.StartsWith("3万", System.StringComparison.Ordinal))
        {
            tok.Overflow.Should().BeFalse();
            tok.Value.Should().Be(30000m);
        }
        else
        {
            tok.Overflow.Should().BeTrue();
            tok.Value.Should().Be(0m);
        }

        tok.End.Should().Be(end);
        tok.Digits.Should().Be(digits);
    }

    [Theory]
    [InlineData("收到412件", 2, "412", 5)]
    public void Arabic_in_the_middle(string text, int start, string value, int end)
    {
        var tok = ReadArabic(text, start);
        tok.Start.Should().Be(start);
        tok.Value.Should().Be(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        tok.End.Should().Be(end);
    }

    [Theory]
    // text, value, end, digit string, malformed, fraction
    [InlineData("十二", "12", 2, false, false, false)]
    [InlineData("十", "10", 1, false, false, false)]
    [InlineData("一百一十", "110", 4, false, false, false)]
    [InlineData("三百零五", "305", 4, false, false, false)]
    [InlineData("两千", "2000", 2, false, false, false)]
    [InlineData("百", "100", 1, false, false, false)]
    [InlineData("万", "10000", 1, false, false, false)] // 万 alone
    [InlineData("亿", "100000000", 1, false, false, false)]
    [InlineData("万元", "10000", 1, false, false, false)] // 万 at the start is the number, 元 ends it
    [InlineData("三万", "30000", 2, false, false, false)] // 万 at the very end
    [InlineData("三万元", "3", 1, false, false, false)]
    [InlineData("三万字", "3", 1, false, false, false)]
    [InlineData("三亿字", "300000000", 2, false, false, false)]
    [InlineData("三万四千", "34000", 4, false, false, false)]
    [InlineData("一万零五", "10005", 4, false, false, false)]
    [InlineData("一千零十", "1010", 4, false, false, false)] // 零十 = 零一十
    [InlineData("一千零一十", "1010", 5, false, false, false)]
    [InlineData("一万零十二", "10012", 5, false, false, false)]
    [InlineData("三亿五千万", "350000000", 5, false, false, false)]
    [InlineData("二〇二〇", "2020", 4, true, false, false)]
    [InlineData("一九九八", "1998", 4, true, false, false)]
    [InlineData("一九", "19", 2, true, false, false)]
    [InlineData("一〇", "10", 2, true, false, false)]
    [InlineData("〇", "0", 1, false, false, false)]
    [InlineData("九十八点九", "98.9", 5, false, false, true)]
    [InlineData("三点一五", "3.15", 4, false, false, true)]
    [InlineData("三点〇五", "3.05", 4, false, false, true)]
    [InlineData("三点五〇五", "3.505", 5, false, false, true)]
    [InlineData("三点五", "3.5", 3, false, false, true)] // decimals at the very end
    [InlineData("十点五", "10.5", 3, false, false, true)]
    [InlineData("九十八点", "98", 3, false, false, false)] // 点 at the end: no decimal part
    [InlineData("九十八点钟", "98", 3, false, false, false)]
    [InlineData("九十八件五", "98", 3, false, false, false)]
    [InlineData("十四五", "15", 3, false, true, false)] // a plan's name, not a number
    [InlineData("三百十", "310", 3, false, true, false)] // a digit is missing before 十
    [InlineData("三万十", "30010", 3, false, true, false)]
    [InlineData("三百二百", "500", 4, false, true, false)] // units out of order
    [InlineData("二〇二〇万", "2020", 5, true, true, false)] // a unit after a digit string
    public void Chinese(string text, string value, int end, bool digitString, bool malformed, bool fraction)
    {
        var tok = NumberReader.ReadChinese(text, 0);
        tok.Start.Should().Be(0);
        tok.Chinese.Should().BeTrue();
        tok.Value.Should().Be(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        tok.End.Should().Be(end);
        tok.DigitString.Should().Be(digitString);
        tok.Malformed.Should().Be(malformed);
        tok.HasFraction.Should().Be(fraction);
        tok.Overflow.Should().BeFalse();
    }

    [Fact]
    public void No_chinese_numeral()
    {
        var tok = NumberReader.ReadChinese("件", 0);
        tok.End.Should().Be(0);
        tok.Value.Should().Be(0m);
    }

    [Theory]
    [InlineData("点五")]
    [InlineData("点五件")]
    public void A_decimal_point_first_starts_no_number(string text)
    {
        var tok = NumberReader.ReadChinese(text, 0);
        tok.End.Should().Be(0);
        tok.Value.Should().Be(0m);
        tok.HasFraction.Should().BeFalse();
    }

    [Theory]
    [InlineData("零点五", 3, 0.5)]
    [InlineData("三点二五", 4, 3.25)]
    [InlineData("十点五", 3, 10.5)]
    public void A_decimal_point_after_a_whole_part_reads_the_fraction(string text, int end, double value)
    {
        var tok = NumberReader.ReadChinese(text, 0);
        tok.End.Should().Be(end);
        tok.Value.Should().Be((decimal)value);
        tok.HasFraction.Should().BeTrue();
    }

    [Theory]
    [InlineData("一〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇", 19)] // 10^18 as a digit string
    [InlineData("一百亿亿", 4)] // 100 × 10^8 × 10^8 = 10^18
    [InlineData("九千亿亿亿亿", 6)]
    public void Chinese_overflow(string text, int end)
    {
        var tok = NumberReader.ReadChinese(text, 0);
        tok.Overflow.Should().BeTrue();
        tok.Value.Should().Be(0m);
        tok.End.Should().Be(end);
    }

    [Fact]
    public void Just_below_the_limit_is_read()
    {
        var tok = NumberReader.ReadChinese("九九九九九九九九九九九九九九九九九九", 0); // eighteen 九
        tok.Overflow.Should().BeFalse();
        tok.Value.Should().Be(999_999_999_999_999_999m);
        tok = NumberReader.ReadChinese("九十九亿亿", 0); // 99 × 10^16
        tok.Overflow.Should().BeFalse();
        tok.Value.Should().Be(990_000_000_000_000_000m);
        ReadArabic("99亿亿").Value.Should().Be(990_000_000_000_000_000m);
    }

    private static NumberToken ReadArabic(string original, int start = 0)
    {
        var map = NormalizedText.Create(original);
        char[] buffer = map.Text.ToCharArray();
        var scanner = new ReportScanner(original, buffer, buffer.Length, map);
        return NumberReader.ReadArabic(map.Text, scanner, start);
    }
}
