using System;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace Zhengxie.Metrics.Extraction.Text;

/// <summary>
/// A report's text as the extractor reads it, with a map from every offset of the normalised text back to
/// the original text (quotes are always cut from the original).
/// </summary>
/// <remarks>
/// <para>Normalisation, in one pass:</para>
/// <list type="bullet">
/// <item>NFKC: full-width digits, letters and punctuation become ASCII (１７８ → 178, ％ → %, ， → ,), compatibility
/// ideographs become unified ones. Enclosed and parenthesised numbers (①, ⑴, ⒈, ㈠, ㊀) are kept as they are: they are
/// list markers, and NFKC would turn ① into a bare digit.</item>
/// <item>Odd spaces (NBSP, ideographic space, tab, other space separators and control characters) become an ASCII space;
/// format characters (zero-width space and joiners, BOM, soft hyphen, direction marks) are removed.</item>
/// <item>Line breaks (<c>\r\n</c>, <c>\r</c>, <c>\n</c>, U+0085, U+2028, U+2029) become <c>\n</c>; a single line break
/// inside a sentence is removed with the spaces around it: after a CJK ideograph, a digit, <c>%</c>, <c>,</c> or
/// <c>、</c> and before a CJK ideograph or a digit (but not between two digits, and not before an indented line, that
/// is one starting with an ideographic space or two or more spaces).</item>
/// <item>Traditional characters become Simplified ones, one UTF-16 code unit for one, through the embedded table built
/// from OpenCC's <c>TSCharacters</c> (first candidate; see <c>Data/OPENCC-NOTICE.md</c>).</item>
/// </list>
/// <para>Characters that NFKC changes in length or that combine with their neighbours (combining marks, Hangul jamo,
/// ligatures such as ㎡) are normalised with <see cref="string.Normalize(NormalizationForm)"/> as a unit together with
/// the character they attach to; every output character of such a unit maps to the unit's start.</para>
/// <para>Instances are immutable and thread-safe. <see cref="Create"/> allocates nothing when the text needs no change,
/// and otherwise the normalised string plus an offset map proportional to the places where offsets shift (removed
/// line breaks and format characters, expansions), not to the text.</para>
/// </remarks>
internal sealed class NormalizedText
{
    // The offset map is a list of runs. For k in [runNorm[r], runNorm[r + 1]), the original offset is
    // runOrig[r] + (k - runNorm[r]) when runOrig[r] >= 0 (a linear run), or ~runOrig[r] for every k (a constant run:
    // the characters of one expanded unit). Before the first run, offsets are the identity. No runs: identity map.
    private readonly int[]? runNorm;
    private readonly int[]? runOrig;
    private readonly int runCount;

    private NormalizedText(string original, string text, int[]? runNorm, int[]? runOrig, int runCount)
    {
        Original = original;
        Text = text;
        this.runNorm = runNorm;
        this.runOrig = runOrig;
        this.runCount = runCount;
    }

    /// <summary>Gets the original text.</summary>
    public string Original { get; }

    /// <summary>Gets the normalised text (the same instance as <see cref="Original"/> when nothing changed).</summary>
    public string Text { get; }

    /// <summary>Normalises <paramref name="original"/>.</summary>
    /// <param name="original">The text as it came.</param>
    /// <returns>The normalised text with its offset map.</returns>
    public static NormalizedText Create(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        uint[] table = CharTable.Entries;
        int n = original.Length;
        int i = 0;
        while (i < n)
        {
            char c = original[i];
            if (table[c] != (CharTable.Map | c))
            {
                break;
            }

            i++;
        }

        if (i == n)
        {
            return new NormalizedText(original, original, null, null, 0);
        }

        var builder = new Builder(original, i);
        try
        {
            return builder.Run();
        }
        finally
        {
            builder.Release();
        }
    }

    /// <summary>
    /// Gets the offset in <see cref="Original"/> where the character at <paramref name="index"/> of <see cref="Text"/>
    /// came from (its unit's start); <c>ToOriginal(Text.Length)</c> is <c>Original.Length</c>. Offsets are
    /// non-decreasing in <paramref name="index"/>. Use it for the start of a span.
    /// </summary>
    /// <param name="index">An offset in <see cref="Text"/>, 0 to <c>Text.Length</c>.</param>
    /// <returns>The offset in <see cref="Original"/>.</returns>
    public int ToOriginal(int index)
    {
        if ((uint)index > (uint)Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "The index must be between 0 and the length of the normalised text.");
        }

        if (index == Text.Length)
        {
            return Original.Length;
        }

        return OriginalAt(index);
    }

    /// <summary>
    /// Gets the offset in <see cref="Original"/> just after the character at <c>index - 1</c> of <see cref="Text"/>
    /// (the end of its unit), leaving out what normalisation removed after it (a joined line break, the spaces around
    /// it, format characters). Use it for the end of a span: the original of <c>Text[a..b]</c> is
    /// <c>Original[ToOriginal(a)..ToOriginalEnd(b)]</c>.
    /// </summary>
    /// <param name="index">An offset in <see cref="Text"/>, 0 to <c>Text.Length</c>.</param>
    /// <returns>The offset in <see cref="Original"/>.</returns>
    public int ToOriginalEnd(int index)
    {
        if ((uint)index > (uint)Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "The index must be between 0 and the length of the normalised text.");
        }

        if (index == 0)
        {
            return OriginalAt(0);
        }

        int last = index - 1;
        int start = OriginalAt(last);
        if (Text[last] == '\n')
        {
            return start + (Original[start] == '\r' && start + 1 < Original.Length && Original[start + 1] == '\n' ? 2 : 1);
        }

        int end = NextUnitStart(index, start);
        while (end > start + 1 && CharTable.IsDroppable(Original[end - 1]))
        {
            end--;
        }

        return end;
    }

    private int OriginalAt(int index)
    {
        if (index >= Text.Length)
        {
            return Original.Length;
        }

        int r = FindRun(index);
        if (r < 0)
        {
            return index;
        }

        int o = runOrig![r];
        return o >= 0 ? o + (index - runNorm![r]) : ~o;
    }

    // The original offset of the first output at or after index that starts a later unit than the one at `start`.
    private int NextUnitStart(int index, int start)
    {
        if (index >= Text.Length)
        {
            return Original.Length;
        }

        int at = OriginalAt(index);
        if (at > start)
        {
            return at;
        }

        // Inside a constant run (one expanded unit): its end is where the next run starts.
        int r = FindRun(index);
        return r + 1 < runCount ? OriginalAt(runNorm![r + 1]) : Original.Length;
    }

    private int FindRun(int index)
    {
        if (runCount == 0)
        {
            return -1;
        }

        int lo = 0;
        int hi = runCount - 1;
        int found = -1;
        int[] starts = runNorm!;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= index)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private struct Builder
    {
        private readonly string s;
        private readonly uint[] table;
        private char[] buf;
        private int o;
        private int[] runNorm;
        private int[] runOrig;
        private int runCount;
        private bool changed;

        // The last unit that a following combining character may attach to (-1: none).
        private int unitOrig;
        private int unitOut;
        private int i;

        public Builder(string original, int prefix)
        {
            s = original;
            table = CharTable.Entries;
            buf = ArrayPool<char>.Shared.Rent(Math.Max(16, original.Length + 16));
            original.AsSpan(0, prefix).CopyTo(buf);
            o = prefix;
            runNorm = [];
            runOrig = [];
            runCount = 0;
            changed = false;
            unitOrig = prefix > 0 ? prefix - 1 : -1;
            unitOut = prefix - 1;
            i = prefix;
        }

        public void Release()
        {
            if (buf.Length > 0)
            {
                ArrayPool<char>.Shared.Return(buf);
                buf = [];
            }
        }

        public NormalizedText Run()
        {
            int n = s.Length;
            while (i < n)
            {
                char c = s[i];
                uint e = table[c];
                if (e == 0)
                {
                    e = CharTable.Compute(c);
                }

                switch (e & CharTable.KindMask)
                {
                    case CharTable.Map:
                        char m = (char)e;
                        changed |= m != c;
                        unitOrig = i;
                        unitOut = o;
                        Emit(m, i);
                        i++;
                        break;
                    case CharTable.Remove:
                        changed = true;
                        i++;
                        break;
                    case CharTable.Break:
                        LineBreak(c);
                        break;
                    case CharTable.Combining:
                        Combine();
                        break;
                    case CharTable.Expand:
                        unitOrig = i;
                        unitOut = o;
                        changed = true;
                        EmitGroup(CharTable.Expansion(c), i);
                        i++;
                        break;
                    default:
                        Surrogate(c);
                        break;
                }
            }

            if (!changed && o == n)
            {
                return new NormalizedText(s, s, null, null, 0);
            }

            var text = new string(buf, 0, o);
            int[]? norms = runCount == 0 ? null : runNorm.AsSpan(0, runCount).ToArray();
            int[]? origs = runCount == 0 ? null : runOrig.AsSpan(0, runCount).ToArray();
            return new NormalizedText(s, text, norms, origs, runCount);
        }

        private void LineBreak(char c)
        {
            int n = s.Length;
            int breakEnd = c == '\r' && i + 1 < n && s[i + 1] == '\n' ? i + 2 : i + 1;
            unitOrig = -1;
            int trailing = 0;
            while (o - trailing > 0 && buf[o - trailing - 1] == ' ')
            {
                trailing++;
            }

            char prev = o - trailing > 0 ? buf[o - trailing - 1] : '\0';
            if (CharTable.JoinsAfter(prev))
            {
                int j = breakEnd;
                int spaces = 0;
                bool indent = false;
                while (j < n)
                {
                    char d = s[j];
                    uint k = CharTable.Lookup(d);
                    if (k == (CharTable.Map | ' '))
                    {
                        indent |= d == '\u3000';
                        spaces++;
                    }
                    else if ((k & CharTable.KindMask) != CharTable.Remove)
                    {
                        break;
                    }

                    j++;
                }

                if (!indent && spaces <= 1 && j < n)
                {
                    uint k = CharTable.Lookup(s[j]);
                    char next = (char)k;
                    if ((k & CharTable.KindMask) == CharTable.Map
                        && (CharTable.IsIdeograph(next) || char.IsAsciiDigit(next))
                        && !(char.IsAsciiDigit(prev) && char.IsAsciiDigit(next)))
                    {
                        Truncate(o - trailing);
                        changed = true;
                        i = j;
                        return;
                    }
                }
            }

            changed |= c != '\n';
            Emit('\n', i);
            i = breakEnd;
        }

        private void Combine()
        {
            int n = s.Length;
            int segStart = i;
            if (unitOrig >= 0)
            {
                segStart = unitOrig;
                Truncate(unitOut);
            }

            int j = i;
            while (j < n)
            {
                char d = s[j];
                if (char.IsHighSurrogate(d) && j + 1 < n && char.IsLowSurrogate(s[j + 1]))
                {
                    if (!CharTable.IsMark(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(d, s[j + 1]))))
                    {
                        break;
                    }

                    j += 2;
                }
                else if ((CharTable.Lookup(d) & CharTable.KindMask) == CharTable.Combining)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            changed = true;
            unitOrig = segStart;
            unitOut = o;
            string normalized = CharTable.NormalizeUnit(s.Substring(segStart, j - segStart));
            EmitGroup(normalized, segStart);
            i = j;
        }

        private void Surrogate(char c)
        {
            int n = s.Length;
            if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(s[i + 1]))
            {
                int cp = char.ConvertToUtf32(c, s[i + 1]);
                UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(cp);
                if (CharTable.IsMark(category))
                {
                    Combine();
                    return;
                }

                if (category == UnicodeCategory.Format)
                {
                    changed = true;
                    i += 2;
                    return;
                }

                unitOrig = i;
                unitOut = o;
                if (CharTable.SupplementaryMayChange(cp))
                {
                    string normalized = CharTable.NormalizeUnit(s.Substring(i, 2));
                    if (normalized.Length != 2 || normalized[0] != c || normalized[1] != s[i + 1])
                    {
                        changed = true;
                        EmitGroup(normalized, i);
                        i += 2;
                        return;
                    }
                }

                Emit(c, i);
                Emit(s[i + 1], i + 1);
                i += 2;
                return;
            }

            // A lone surrogate stays as it is; nothing attaches to it.
            unitOrig = -1;
            Emit(c, i);
            i++;
        }

        // Emits the characters of one unit (already normalised), each mapped to the unit's start; applies the
        // character table to them (Traditional → Simplified, spaces, format characters).
        private void EmitGroup(string chars, int origin)
        {
            foreach (char ch in chars)
            {
                if (char.IsSurrogate(ch))
                {
                    Emit(ch, origin);
                    continue;
                }

                uint k = CharTable.Lookup(ch);
                switch (k & CharTable.KindMask)
                {
                    case CharTable.Map:
                        Emit((char)k, origin);
                        break;
                    case CharTable.Remove:
                        break;
                    case CharTable.Break:
                        Emit('\n', origin);
                        break;
                    default:
                        Emit(ch, origin);
                        break;
                }
            }
        }

        private void Emit(char ch, int origin)
        {
            if (o == buf.Length)
            {
                char[] bigger = ArrayPool<char>.Shared.Rent(buf.Length * 2);
                buf.AsSpan(0, o).CopyTo(bigger);
                ArrayPool<char>.Shared.Return(buf);
                buf = bigger;
            }

            buf[o] = ch;

            // Runs starting at or after o were removed by Truncate, so the last run (if any) covers o - 1.
            int expected;
            int previous;
            if (runCount == 0)
            {
                expected = o;
                previous = o - 1;
            }
            else
            {
                int start = runOrig[runCount - 1];
                if (start >= 0)
                {
                    expected = start + (o - runNorm[runCount - 1]);
                    previous = expected - 1;
                }
                else
                {
                    expected = ~start;
                    previous = expected;
                }
            }

            if (expected != origin)
            {
                AddRun(o, o > 0 && previous == origin ? ~origin : origin);
            }

            o++;
        }

        private void AddRun(int norm, int orig)
        {
            if (runCount == runNorm.Length)
            {
                int size = Math.Max(8, runCount * 2);
                Array.Resize(ref runNorm, size);
                Array.Resize(ref runOrig, size);
            }

            runNorm[runCount] = norm;
            runOrig[runCount] = orig;
            runCount++;
        }

        private void Truncate(int length)
        {
            o = length;
            while (runCount > 0 && runNorm[runCount - 1] >= length)
            {
                runCount--;
            }
        }
    }
}
