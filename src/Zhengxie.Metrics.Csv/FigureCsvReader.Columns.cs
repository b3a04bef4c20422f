using System;
using Zhengxie.Metrics.Aggregation;

namespace Zhengxie.Metrics.Csv;

/// <content>The kept rows as columns, for <see cref="ReadInto(FigureDatasetBuilder, string, FigureCsvEncoding, IProgress{int}?)"/>: no <see cref="Figure"/> per row.</content>
public static partial class FigureCsvReader
{
    /// <summary>
    /// The fields of every kept row (one per distinct committee, period, measure, scope and topic) in plain arrays,
    /// handed to <see cref="FigureDatasetBuilder.AddColumns(FigureColumns)"/> once the whole file is read, so a file
    /// that turns out not to decode loads nothing. Measures, units, words and sources are the reader's interned
    /// instances, so a row costs its value types and a few references.
    /// </summary>
    private sealed class KeptColumns
    {
        private Committee[] committees = new Committee[256];
        private ReportingPeriod[] periods = new ReportingPeriod[256];
        private Measure[] measures = new Measure[256];
        private decimal?[] values = new decimal?[256];
        private FigureUnit[] units = new FigureUnit[256];
        private Qualifier[] qualifiers = new Qualifier[256];
        private FigureScope[] scopes = new FigureScope[256];
        private string?[] topics = new string?[256];
        private FigureSource?[] sources = new FigureSource?[256];

        internal int Count { get; private set; }

        internal int Capacity => committees.Length;

        /// <summary>Keeps a row; returns its index.</summary>
        internal int Add(Committee committee, ReportingPeriod period, Measure measure, decimal? value, FigureUnit unit, Qualifier qualifier, FigureScope scope, string? topic, FigureSource? source)
        {
            int i = Count;
            if (i == committees.Length)
            {
                Resize(i * 2);
            }

            committees[i] = committee;
            periods[i] = period;
            measures[i] = measure;
            values[i] = value;
            units[i] = unit;
            qualifiers[i] = qualifier;
            scopes[i] = scope;
            topics[i] = topic;
            sources[i] = source;
            Count = i + 1;
            return i;
        }

        /// <summary>Keeps the candidates <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> of parsed rows, column by column (a block copy, not a row at a time).</summary>
        internal void AddRange(ParsedRows rows, int start, int count)
        {
            int i = Count;
            if (i + count > committees.Length)
            {
                Resize(Math.Max(i + count, i * 2));
            }

            Array.Copy(rows.Committees, start, committees, i, count);
            Array.Copy(rows.Periods, start, periods, i, count);
            Array.Copy(rows.Measures, start, measures, i, count);
            Array.Copy(rows.Values, start, values, i, count);
            Array.Copy(rows.Units, start, units, i, count);
            Array.Copy(rows.Qualifiers, start, qualifiers, i, count);
            Array.Copy(rows.Scopes, start, scopes, i, count);
            Array.Copy(rows.Topics, start, topics, i, count);
            Array.Copy(rows.Sources, start, sources, i, count);
            Count = i + count;
        }

        /// <summary>The figure of a kept row (made only to report a duplicate of it).</summary>
        internal Figure FigureAt(int i) =>
            new(committees[i], periods[i], measures[i], values[i], units[i], qualifiers[i], scopes[i], topics[i], sources[i]);

        /// <summary>Makes room for <paramref name="capacity"/> rows in all.</summary>
        internal void Resize(int capacity)
        {
            if (capacity <= committees.Length)
            {
                return;
            }

            // The columns of plain values are not zeroed (only the first Count rows are ever read): a 1 M-row file's
            // 40 MB of them cost no clearing.
            committees = Uninitialized(committees, capacity, Count);
            periods = Uninitialized(periods, capacity, Count);
            Array.Resize(ref measures, capacity);
            values = Uninitialized(values, capacity, Count);
            Array.Resize(ref units, capacity);
            qualifiers = Uninitialized(qualifiers, capacity, Count);
            scopes = Uninitialized(scopes, capacity, Count);
            Array.Resize(ref topics, capacity);
            Array.Resize(ref sources, capacity);
        }

        private static T[] Uninitialized<T>(T[] array, int capacity, int count)
        {
            var grown = GC.AllocateUninitializedArray<T>(capacity);
            Array.Copy(array, grown, count);
            return grown;
        }

        /// <summary>Forgets every row (the file did not decode: nothing is loaded).</summary>
        internal void Clear() => Count = 0;

        /// <summary>Hands every kept row to the target in one call: the builder (nothing when there is no row) or the handler (always called).</summary>
        internal void HandTo(Target target, FigureCsvResult result)
        {
            if (target.Handler is { } handler)
            {
                handler(Columns(), result);
                return;
            }

            if (Count > 0)
            {
                target.Builder!.AddColumns(Columns());
            }
        }

        private FigureColumns Columns()
        {
            int n = Count;
            return new FigureColumns(committees.AsSpan(0, n), periods.AsSpan(0, n), measures.AsSpan(0, n), values.AsSpan(0, n), units.AsSpan(0, n))
            {
                Qualifiers = qualifiers.AsSpan(0, n),
                Scopes = scopes.AsSpan(0, n),
                Topics = topics.AsSpan(0, n),
                Sources = sources.AsSpan(0, n),
            };
        }

        /// <summary>Where the kept rows go: a builder, or a caller's handler.</summary>
        internal sealed record Target(FigureDatasetBuilder? Builder, FigureColumnsHandler? Handler);
    }
}
