using System;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// Maps the text of a field to one string (and a value made from it) without allocating for text seen
/// before: a file repeats a few measures, units and words millions of times. Open addressing over a
/// power-of-two table; each entry's number is its order of arrival. Beyond <see cref="MaxEntries"/>
/// distinct texts new ones are still numbered but no longer remembered.
/// </summary>
/// <typeparam name="T">The value kept with each text.</typeparam>
internal sealed class SpanInterner<T>
{
    internal const int MaxEntries = 1 << 16;

    private Entry[] table = new Entry[64];
    private int[] follow = NoSuccessors(64);
    private int count;
    private int next;
    private Entry overflow;
    private int last = -1;

    /// <summary>Looks the text up; when it is new, <paramref name="create"/> makes its value from the string.</summary>
    internal ref readonly Entry Get(ReadOnlySpan<char> text, Func<string, T> create)
    {
        // A column often repeats the text of the row before (exact, committee, 件): compared before hashing.
        if (last >= 0 && text.SequenceEqual(table[last].Text))
        {
            return ref table[last];
        }

        // Or the text that followed it last time (measures come in the same order for each committee and period).
        int predicted = last >= 0 ? follow[last] : -1;
        if (predicted >= 0 && text.SequenceEqual(table[predicted].Text))
        {
            last = predicted;
            return ref table[predicted];
        }

        int hash = string.GetHashCode(text);
        int mask = table.Length - 1;
        int i = hash & mask;
        while (table[i].Text is { } existing)
        {
            if (table[i].Hash == hash && text.SequenceEqual(existing))
            {
                Follow(i);
                return ref table[i];
            }

            i = (i + 1) & mask;
        }

        string s = text.ToString();
        var entry = new Entry(s, create(s), hash, next++);
        if (count >= MaxEntries)
        {
            overflow = entry;
            return ref overflow;
        }

        if ((count + 1) * 2 > table.Length)
        {
            Grow();
            mask = table.Length - 1;
            i = hash & mask;
            while (table[i].Text is not null)
            {
                i = (i + 1) & mask;
            }
        }

        table[i] = entry;
        count++;
        Follow(i);
        return ref table[i];
    }

    /// <summary>Makes entry <paramref name="i"/> the last one, remembered as the successor of the one before.</summary>
    private void Follow(int i)
    {
        if (last >= 0)
        {
            follow[last] = i;
        }

        last = i;
    }

    private void Grow()
    {
        var old = table;
        table = new Entry[old.Length * 2];
        follow = NoSuccessors(table.Length);
        last = -1;
        int mask = table.Length - 1;
        foreach (var e in old)
        {
            if (e.Text is null)
            {
                continue;
            }

            int i = e.Hash & mask;
            while (table[i].Text is not null)
            {
                i = (i + 1) & mask;
            }

            table[i] = e;
        }
    }

    private static int[] NoSuccessors(int length)
    {
        var result = new int[length];
        Array.Fill(result, -1);
        return result;
    }

    /// <summary>A remembered text, its value and its number.</summary>
    internal readonly record struct Entry(string Text, T Value, int Hash, int Number);
}
