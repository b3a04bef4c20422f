using System;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// Maps the text of a field to one string (and a value made from it) without allocating for text seen
/// before: a file repeats a few measures, units and words millions of times. Open addressing over a
/// power-of-two table; each entry's number is its order of arrival. Beyond <see cref="MaxEntries"/>
/// distinct texts new ones are no longer remembered, and numbered -1 (no number: a figure identity keyed by the
/// number then uses the full key). With a <see cref="SharedInterner{T}"/> parent (the parsers of one parallel read,
/// one per thread), a text new to this table takes the parent's string, value and number, so every thread hands out
/// the same instances and numbers.
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
    private readonly SharedInterner<T>? parent;

    /// <summary>Initializes a table of its own (<paramref name="parent"/> <see langword="null"/>) or one in front of a shared one.</summary>
    /// <param name="parent">The table shared by the threads of one read, or <see langword="null"/>.</param>
    internal SpanInterner(SharedInterner<T>? parent = null) => this.parent = parent;

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
        Entry entry;
        if (parent is null)
        {
            entry = new Entry(s, create(s), hash, count < MaxEntries ? next++ : -1);
        }
        else
        {
            var shared = parent.Get(s, create);
            entry = new Entry(shared.Text, shared.Value, hash, shared.Number);
        }

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
