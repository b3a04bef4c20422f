using System;

namespace Zhengxie.Metrics.Extraction;

/// <summary>A number read from the text: where it is, its value, and how it was written.</summary>
internal struct NumberToken
{
    /// <summary>Index of the first character of the number (of 百分之 for a percentage in words).</summary>
    public int Start;

    /// <summary>Index after the last character of the number.</summary>
    public int End;

    /// <summary>The value (0 when <see cref="Overflow"/>).</summary>
    public decimal Value;

    /// <summary>Whether the number was in Chinese numerals.</summary>
    public bool Chinese;

    /// <summary>Whether it was a Chinese digit string (二〇二〇) rather than a numeral (两千零二十).</summary>
    public bool DigitString;

    /// <summary>Whether it was written 百分之… (a percentage).</summary>
    public bool PercentInWords;

    /// <summary>Whether the number does not fit the value type.</summary>
    public bool Overflow;

    /// <summary>Whether the text at this place only looks like a number (十四五, a numeral run that is a name).</summary>
    public bool Malformed;

    /// <summary>Number of Arabic digits (for years).</summary>
    public int Digits;

    /// <summary>Whether the number had a decimal part.</summary>
    public bool HasFraction;
}

/// <summary>
/// Reads numbers in place, over a span, allocating nothing: Arabic (1,234; 98.9; 1.2万; 3万4000), Chinese
/// numerals (一百二十三, 两千, 十二, 〇, 九十八点九) and 百分之…. 万 and 亿 multiply into the value except
/// where they begin the unit (万元, 亿元, 万字), which the caller reads.
/// </summary>
internal static class NumberReader
{
    private const decimal Limit = 1_000_000_000_000_000_000m;

    /// <summary>Whether <paramref name="c"/> is a Chinese digit (〇 零 一 … 九, 两).</summary>
    public static int ChineseDigit(char c) => c switch
    {
        '〇' or '零' or 'O' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    /// <summary>The power of ten of a Chinese numeral unit (十 1, 百 2, 千 3, 万 4, 亿 8), or 0.</summary>
    public static int ChineseUnit(char c) => c switch
    {
        '十' => 1,
        '百' => 2,
        '千' => 3,
        '万' => 4,
        '亿' => 8,
        _ => 0,
    };

    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>Whether a Chinese numeral can start at <paramref name="c"/>.</summary>
    public static bool IsChineseNumeralChar(char c) => c != 'O' && (ChineseDigit(c) >= 0 || c is '十' or '百' or '千' or '万' or '亿');

    /// <summary>Reads an Arabic number at <paramref name="i"/> (a digit).</summary>
    public static NumberToken ReadArabic(ReadOnlySpan<char> t, ReportScanner original, int i)
    {
        var tok = new NumberToken { Start = i };
        int j = i;
        decimal value = 0;
        int digits = 0;
        while (j < t.Length)
        {
            char c = t[j];
            if (IsAsciiDigit(c))
            {
                digits++;
                if (digits > 18)
                {
                    tok.Overflow = true;
                }
                else
                {
                    value = (value * 10) + (c - '0');
                }

                j++;
                continue;
            }

            // A thousands separator: an ASCII comma in the original, followed by exactly three digits.
            if (c == ',' && (original.Original(j) == ',' || (original.Original(j) == '，' && original.Original(j - 1) is >= '０' and <= '９')) && digits > 0 && j + 3 < t.Length
                && IsAsciiDigit(t[j + 1]) && IsAsciiDigit(t[j + 2]) && IsAsciiDigit(t[j + 3])
                && (j + 4 >= t.Length || !IsAsciiDigit(t[j + 4])))
            {
                j++;
                continue;
            }

            break;
        }

        tok.Digits = digits;
        if (j + 1 < t.Length && t[j] == '.' && IsAsciiDigit(t[j + 1]))
        {
            j++;
            decimal scale = 0.1m;
            int fraction = 0;
            while (j < t.Length && IsAsciiDigit(t[j]))
            {
                if (fraction < 12)
                {
                    value += (t[j] - '0') * scale;
                    scale /= 10;
                }

                fraction++;
                j++;
            }

            tok.HasFraction = true;
        }

        // 万/亿 multiply unless they begin 万元, 亿元, 万字.
        while (j < t.Length && (t[j] == '万' || t[j] == '亿') && !tok.Overflow)
        {
            if (j + 1 < t.Length && (t[j + 1] == '元' || (t[j] == '万' && t[j + 1] == '字')))
            {
                break;
            }

            value *= t[j] == '万' ? 10_000m : 100_000_000m;
            j++;
            if (value >= Limit)
            {
                tok.Overflow = true;
            }

            // 3万4000: the rest is added.
            if (j < t.Length && IsAsciiDigit(t[j]))
            {
                var rest = ReadArabic(t, original, j);
                if (rest.Overflow || rest.End > j + 4)
                {
                    break;
                }

                value += rest.Value;
                j = rest.End;
            }
        }

        tok.End = j;
        tok.Value = tok.Overflow ? 0 : value;
        return tok;
    }

    /// <summary>Reads Chinese numerals at <paramref name="i"/>; <see cref="NumberToken.End"/> equals <paramref name="i"/> when there is none.</summary>
    public static NumberToken ReadChinese(ReadOnlySpan<char> t, int i)
    {
        var tok = new NumberToken { Start = i, Chinese = true };
        decimal total = 0, section = 0;
        int number = -1;
        int lastUnit = 99;
        bool sawUnit = false, digitString = false, malformed = false;
        int prevDigit = -1;
        decimal digitValue = 0;
        int j = i;
        while (j < t.Length)
        {
            char c = t[j];
            int d = ChineseDigit(c);
            if (d >= 0 && c != 'O')
            {
                if (prevDigit >= 1)
                {
                    // Two digits in a row (二〇二〇, 十四五): a digit string, or a name when units came before.
                    digitString = true;
                    if (sawUnit)
                    {
                        malformed = true;
                    }
                }

                digitValue = (digitValue * 10) + d;
                if (digitValue >= Limit)
                {
                    tok.Overflow = true;
                }

                number = d;
                prevDigit = d == 0 ? 0 : d;
                j++;
                continue;
            }

            int u = ChineseUnit(c);
            if (u == 0)
            {
                // 点 followed by a digit, after a whole part (零点五, 三点二): a decimal part; 点 first starts no number.
                if (c == '点' && j > i && j + 1 < t.Length && ChineseDigit(t[j + 1]) >= 0 && !digitString)
                {
                    decimal whole = total + section + Math.Max(number, 0);
                    j++;
                    decimal scale = 0.1m;
                    while (j < t.Length && ChineseDigit(t[j]) is int fd && fd >= 0)
                    {
                        whole += fd * scale;
                        scale /= 10;
                        j++;
                    }

                    tok.HasFraction = true;
                    tok.End = j;
                    tok.Value = whole;
                    tok.Malformed = malformed;
                    return tok;
                }

                break;
            }

            if (digitString)
            {
                malformed = true;
                j++;
                continue;
            }

            sawUnit = true;
            prevDigit = -1;
            if (u < 4)
            {
                if (number == 0 && u == 1 && section + total > 0)
                {
                    number = 1; // 一千零十 = 一千零一十 = 1010
                }

                if (number < 0)
                {
                    if (u == 1 && section == 0 && total == 0)
                    {
                        number = 1; // 十二 = 12
                    }
                    else if (j == i)
                    {
                        number = 1; // 百, 千 alone (逾百条, 逾千人次)
                    }
                    else
                    {
                        malformed = true;
                        number = 1;
                    }
                }

                if (u >= lastUnit && lastUnit < 4)
                {
                    malformed = true;
                }

                section += number * Pow10(u);
                lastUnit = u;
                number = -1;
            }
            else
            {
                // 万 or 亿: not when it begins 万元, 亿元, 万字.
                if (j + 1 < t.Length && (t[j + 1] == '元' || (c == '万' && t[j + 1] == '字')) && j > i)
                {
                    break;
                }

                section += Math.Max(number, 0);
                if (section == 0 && total == 0)
                {
                    section = 1; // 万 alone
                }

                if (u == 4)
                {
                    total += section * 10_000m;
                }
                else
                {
                    total = (total + section) * 100_000_000m;
                }

                if (total >= Limit)
                {
                    tok.Overflow = true;
                    total = 0;
                }

                section = 0;
                number = -1;
                lastUnit = 99;
            }

            j++;
        }

        tok.End = j;
        tok.DigitString = digitString && !sawUnit;
        tok.Malformed = malformed;
        if (tok.Overflow)
        {
            tok.Value = 0;
        }
        else if (tok.DigitString)
        {
            tok.Value = digitValue;
        }
        else
        {
            tok.Value = total + section + Math.Max(number, 0);
        }

        return tok;
    }

    private static decimal Pow10(int u) => u switch
    {
        1 => 10m,
        2 => 100m,
        _ => 1000m,
    };
}
