using System;
using System.Collections.Concurrent;
using System.Threading;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// The units and sources of every read in the process (<see cref="Shared"/>), one instance per text. A read's rows refer
/// to these few objects from a builder's large columns (a reference per row); objects made anew by each read would be
/// young while the columns are old, and every young collection would trace the columns again (on a 1 M-row file,
/// 25–65 ms per collection instead of 2–5 ms). At most a fixed number of texts of each kind are kept; beyond that a
/// read makes its own. Thread-safe.
/// </summary>
internal sealed class LastingValues
{
    private readonly ConcurrentDictionary<string, FigureUnit> units = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FigureSource> sources = new(StringComparer.Ordinal);
    private readonly int maxEntries;
    private int unitCount;
    private int sourceCount;

    /// <summary>Initializes a table that keeps at most <paramref name="maxEntries"/> units and as many sources, 件, 次 and % among the units from the start.</summary>
    internal LastingValues(int maxEntries)
    {
        this.maxEntries = maxEntries;
        foreach (var unit in (FigureUnit[])[FigureUnit.Piece, FigureUnit.Times, FigureUnit.Percent])
        {
            units[unit.Symbol] = unit;
            unitCount++;
        }
    }

    /// <summary>Gets the table of every read in the process: 1,024 units and 1,024 sources at most.</summary>
    internal static LastingValues Shared { get; } = new(1024);

    /// <summary>The unit of a symbol the reader accepted (not empty, not 万 or 亿 alone, no digit).</summary>
    internal FigureUnit Unit(string symbol) => Get(units, ref unitCount, symbol, static s => new FigureUnit(s));

    /// <summary>The source of a row whose source column has this text.</summary>
    internal FigureSource Source(string text) => Get(sources, ref sourceCount, text, static s => new FigureSource(null, s));

    private T Get<T>(ConcurrentDictionary<string, T> kept, ref int count, string text, Func<string, T> create)
    {
        if (kept.TryGetValue(text, out var known))
        {
            return known;
        }

        var made = create(text);
        if (Volatile.Read(ref count) >= maxEntries)
        {
            return made;
        }

        if (kept.TryAdd(text, made))
        {
            Interlocked.Increment(ref count);
            return made;
        }

        // Another thread added it first: its instance is the one.
        return kept.TryGetValue(text, out known) ? known : made;
    }
}
