using System;
using System.Collections.Generic;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// The texts of one parallel read shared by its threads: the first thread to meet a text makes its string and value,
/// and every thread gets those same instances and the same number (numbered in order of arrival, so the numbers name
/// texts consistently within the read but depend on which thread came first: they are used as keys, never shown).
/// Thread-safe (one lock); asked only when a thread's own <see cref="SpanInterner{T}"/> meets a text new to it.
/// Beyond <see cref="MaxEntries"/> texts new ones are made but not remembered, and numbered -1.
/// </summary>
/// <typeparam name="T">The value kept with each text.</typeparam>
internal sealed class SharedInterner<T>
{
    internal const int MaxEntries = 1 << 20;

    private readonly Dictionary<string, Shared> entries = new(StringComparer.Ordinal);
    private readonly object gate = new();

    /// <summary>The text's shared string, value and number; <paramref name="create"/> makes the value of a text new to the read.</summary>
    internal Shared Get(string text, Func<string, T> create)
    {
        lock (gate)
        {
            if (entries.TryGetValue(text, out var known))
            {
                return known;
            }

            if (entries.Count >= MaxEntries)
            {
                return new Shared(text, create(text), -1);
            }

            var made = new Shared(text, create(text), entries.Count);
            entries.Add(text, made);
            return made;
        }
    }

    /// <summary>A shared text, its value and its number.</summary>
    internal readonly record struct Shared(string Text, T Value, int Number);
}
