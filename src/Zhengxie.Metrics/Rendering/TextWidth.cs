using System;

namespace Zhengxie.Metrics.Rendering;

/// <summary>Display width of text in a terminal: East Asian wide and full-width characters take two columns.</summary>
internal static class TextWidth
{
    internal static int Of(string text)
    {
        int width = 0;
        foreach (char c in text)
        {
            width += IsWide(c) ? 2 : 1;
        }

        return width;
    }

    internal static string PadRight(string text, int width) => text + new string(' ', Math.Max(0, width - Of(text)));

    internal static string PadLeft(string text, int width) => new string(' ', Math.Max(0, width - Of(text))) + text;

    internal static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\u303E') or (>= '\u3041' and <= '\u33FF')
        or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uA000' and <= '\uA4CF')
        or (>= '\uAC00' and <= '\uD7A3') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F')
        or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
