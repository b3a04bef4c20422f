using System;
using System.Linq;

namespace Zhengxie.Metrics.Regions;

/// <summary>
/// Short forms of division names for look-up: <c>浙江省</c> → <c>浙江</c>, <c>永嘉县</c> → <c>永嘉</c>,
/// <c>恩施土家族苗族自治州</c> → <c>恩施</c>, <c>新疆维吾尔自治区</c> → <c>新疆</c>.
/// </summary>
/// <remarks>
/// The longest matching generic suffix is removed once (<c>特别行政区</c>, <c>自治区</c>, <c>地区</c>, <c>省</c>,
/// <c>市</c>, <c>县</c>, <c>区</c>, <c>旗</c>, <c>盟</c>, <c>州</c> ...); after an autonomous suffix (<c>自治…</c>) the names of
/// the peoples before it are removed too. Nothing is removed that would leave fewer than two characters,
/// so <c>城区</c> and <c>义县</c> stay as they are, and so does <c>鄂伦春自治旗</c>'s <c>鄂伦春</c>.
/// </remarks>
internal static class RegionNames
{
    private const int MinimumLength = 2;

    private static readonly string[] Suffixes = new[]
    {
        "特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区",
        "省", "市", "县", "区", "旗", "盟",

        // Only autonomous prefectures end in 州, but people write 恩施州 for 恩施土家族苗族自治州.
        "州",
    }.OrderByDescending(s => s.Length).ToArray();

    // The 56 peoples of China. Each is matched with 族 and, for names of two or more characters, also
    // without it (新疆维吾尔自治区, 巴里坤哈萨克自治县); 各族 stands for several peoples (龙胜各族自治县).
    private static readonly string[] PeopleNames =
    [
        "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
        "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西",
        "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌",
        "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
        "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
    ];

    private static readonly string[] Peoples = PeopleNames
        .Select(p => p + "族")
        .Concat(PeopleNames.Where(p => p.Length >= 2))
        .OrderByDescending(p => p.Length)
        .ThenBy(p => p, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Returns the short form of a name (the name itself when nothing can be removed).</summary>
    /// <param name="name">The name, trimmed.</param>
    /// <returns>The short form.</returns>
    internal static string Shorten(string name)
    {
        string s = name;
        bool autonomous = false;
        foreach (string suffix in Suffixes)
        {
            if (s.Length - suffix.Length >= MinimumLength && s.EndsWith(suffix, StringComparison.Ordinal))
            {
                s = s[..^suffix.Length];
                autonomous = suffix.StartsWith("自治", StringComparison.Ordinal);
                break;
            }
        }

        if (!autonomous)
        {
            return s;
        }

        bool removed;
        do
        {
            removed = false;
            foreach (string people in Peoples)
            {
                if (s.Length - people.Length >= MinimumLength && s.EndsWith(people, StringComparison.Ordinal))
                {
                    s = s[..^people.Length];
                    removed = true;
                    break;
                }
            }
        }
        while (removed);

        return s;
    }
}
