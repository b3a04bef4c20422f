using System;
using System.Collections.Generic;
using System.Globalization;

namespace Zhengxie.Metrics.Extraction;

/// <summary>The scanner, one number at a time: its unit, its qualifier, and whether it is a figure at all.</summary>
internal sealed partial class ReportScanner
{
    /// <summary>Handles one number; returns where scanning resumes.</summary>
    private int Process(NumberToken tok)
    {
        var t = T;
        int s = tok.Start;
        int j = tok.End;
        if (tok.End <= s)
        {
            return s + 1;
        }

        // Names in quotes (“4+X”, “十四五”), ordinals (第三, 一是), joined names (1+3+N).
        if (quoteOpen >= 0 && s - quoteOpen < 24)
        {
            return j;
        }

        char before = s > 0 ? t[s - 1] : '\0';
        char after = j < t.Length ? t[j] : '\0';
        if (before is '第' or '+' || after == '+' || before == '届' || after == '届')
        {
            return j;
        }

        if (tok.Chinese)
        {
            // 二次会议, 第五次全体会议: session ordinals.
            var rest = t[j..];
            if (rest.StartsWith("次会议", StringComparison.Ordinal) || rest.StartsWith("次全体会议", StringComparison.Ordinal) || rest.StartsWith("次全会", StringComparison.Ordinal) || rest.StartsWith("中全会", StringComparison.Ordinal))
            {
                return j;
            }

            if (tok.Malformed || (tok.End - s == 1 && t[s] == '一') || after is '是' or '要' or '、' or ')' or '）' or '来' || before is '(' or '（')
            {
                return j;
            }

            // 逾百, 逾千: a lone 百/千/万 is a number only after 逾/近/超.
            if (!tok.PercentInWords && NumberReader.ChineseUnit(t[s]) >= 2 && !(before is '逾' or '近' or '超'))
            {
                return j;
            }
        }
        else
        {
            // Dates, times, phone numbers, ranges, list numbers.
            if ((before is '-' or '/' or ':' or '—' or '–' or '~' or '.' && s >= 2 && NumberReader.IsAsciiDigit(t[s - 2]))
                || (after is '-' or '/' or ':' or '—' or '–' or '~' && j + 1 < t.Length && NumberReader.IsAsciiDigit(t[j + 1]))
                || after == '、' || (after == '.' && !tok.HasFraction))
            {
                return j;
            }
        }

        if (tok.Overflow)
        {
            var cut = Cut(s, j);
            AddFinding(string.Create(CultureInfo.InvariantCulture, $"The number «{cut.Text}» is too large to be a figure; it was left out."), cut.Start, cut.Length);
            return j;
        }

        int k = j;
        while (k < t.Length && t[k] == ' ')
        {
            k++;
        }

        // Dates, years, durations, ages, differences of rates.
        if (k < t.Length)
        {
            char u = t[k];
            if (u is '年' or '月' or '日' or '号' or '时' or '岁' or '天' or '倍' or '届' or '中' or '季' or '周' or '世' or '辑' or '号' or '版')
            {
                return k + 1;
            }

            if (u == '个' && k + 1 < t.Length && (t[k + 1] is '月' or '百' or '小' or '季' or '工'))
            {
                return k + 1;
            }

            if (u == '点' && !tok.Chinese)
            {
                return k + 1;
            }
        }

        bool percent = tok.PercentInWords;
        decimal value = tok.Value;
        var qualifier = Qualifier.Exact;
        string unit = string.Empty;
        var unitClass = UnitClass.None;
        int unitEnd = k;

        if (!percent && k < t.Length && t[k] == '%')
        {
            percent = true;
            unitEnd = k + 1;
        }
        else if (!percent && k < t.Length && t[k] == '成' && tok.Value is >= 1 and <= 10 && !tok.HasFraction && IsChengEnd(k + 1))
        {
            percent = true;
            value = tok.Value * 10;
            unitEnd = k + 1;
        }
        else if (percent)
        {
            unitEnd = k;
        }
        else
        {
            if (k < t.Length && t[k] is '余' or '多')
            {
                qualifier = Qualifier.MoreThan;
                k++;
            }
            else if (k < t.Length && t[k] is '几' or '来')
            {
                return k + 1; // 十几, 二十来: vague
            }

            foreach (var (text, cls) in Lexicon.Units)
            {
                if (t[k..].StartsWith(text, StringComparison.Ordinal))
                {
                    unit = text;
                    unitClass = cls;
                    unitEnd = k + text.Length;
                    break;
                }
            }

            if (unit.Length == 0)
            {
                if (!tok.Chinese)
                {
                    AddUnclassified(value, string.Empty, s, j);
                }

                return Math.Max(j, s + 1);
            }

            // 2400多个困难户: the counted noun that is itself a unit.
            if (unit == "个")
            {
                int look = TailEnd(unitEnd);
                for (int m = unitEnd; m < look && m < unitEnd + 6; m++)
                {
                    if (t[m] == '户' && (m + 1 >= t.Length || t[m + 1] != '籍'))
                    {
                        unit = "户";
                        break;
                    }
                }
            }

            // Enumerations in small Chinese numerals (三项职能, 两个维护, 四位一体) are not counts.
            if (tok.Chinese && value < 10 && qualifier == Qualifier.Exact && unitClass is UnitClass.Item or UnitClass.Person)
            {
                return unitEnd;
            }
        }

        // Qualifier words after (以上, 左右) and before (超过, 逾, 不少于, 至少, 近, 将近, 接近, 约).
        if (unitEnd + 1 < t.Length && t[unitEnd] == '以' && t[unitEnd + 1] == '上')
        {
            if (!percent)
            {
                qualifier = Qualifier.MoreThan;
            }

            unitEnd += 2;
        }
        else if (unitEnd + 1 < t.Length && t[unitEnd] == '左' && t[unitEnd + 1] == '右')
        {
            if (!percent)
            {
                qualifier = Qualifier.About;
            }

            unitEnd += 2;
        }

        int prefixStart = s;
        var head = t[..s];
        if (head.EndsWith("不少于", StringComparison.Ordinal) || head.EndsWith("不低于", StringComparison.Ordinal))
        {
            qualifier = Qualifier.AtLeast;
            prefixStart = s - 3;
        }
        else if (head.EndsWith("至少", StringComparison.Ordinal))
        {
            qualifier = Qualifier.AtLeast;
            prefixStart = s - 2;
        }
        else if (head.EndsWith("超过", StringComparison.Ordinal) || head.EndsWith("将近", StringComparison.Ordinal) || head.EndsWith("接近", StringComparison.Ordinal) || head.EndsWith("大约", StringComparison.Ordinal))
        {
            qualifier = t[s - 2] switch { '超' => Qualifier.MoreThan, '大' => Qualifier.About, _ => Qualifier.Nearly };
            prefixStart = s - 2;
        }
        else if (before is '逾' or '超')
        {
            qualifier = Qualifier.MoreThan;
            prefixStart = s - 1;
        }
        else if (before == '近')
        {
            qualifier = Qualifier.Nearly;
            prefixStart = s - 1;
        }
        else if (before == '约' || (before == '为' && s >= 2 && t[s - 2] == '约'))
        {
            qualifier = Qualifier.About;
            prefixStart = before == '约' ? s - 1 : s - 2;
        }

        // Per-member norms and plans (每位委员…不少于1件) are not figures.
        if (SentenceHasNorm(s))
        {
            prevTokenEnd = unitEnd;
            return unitEnd;
        }

        if (percent)
        {
            HandlePercent(tok, s, prefixStart, unitEnd, value);
        }
        else
        {
            HandleCount(tok, s, prefixStart, unitEnd, value, unit, unitClass, qualifier);
        }

        prevTokenEnd = unitEnd;
        return unitEnd;
    }

    private bool IsChengEnd(int k)
    {
        var t = T;
        if (k >= t.Length)
        {
            return true;
        }

        char c = t[k];
        return c < 0x80 || IsStrongBoundary(c) || c is '以' or '左' or '的' or '多' or '余' or '、' or '。';
    }
}
