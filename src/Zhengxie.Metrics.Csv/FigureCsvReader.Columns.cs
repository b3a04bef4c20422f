using System;
using System.Collections.Generic;
using Zhengxie.Metrics.Aggregation;

namespace Zhengxie.Metrics.Csv;

/// <content>The kept rows as columns, for <see cref="ReadInto(FigureDatasetBuilder, string, FigureCsvEncoding, IProgress{int}?)"/>: no <see cref="Figure"/> per row.</content>
public static partial class FigureCsvReader
{
    /// <summary>
    /// The kept rows (one per distinct committee, period, measure, scope and topic). For a builder they are added to it as
    /// they are taken, run by run (<c>FigureDatasetBuilder.AddDistinctRows</c>: no copy of their own, and the builder's
    /// ingestion overlaps the parse of later chunks), and dropped from it again when the file turns out not to decode or the
    /// read fails. For a handler they are kept in plain arrays and handed over once the whole file is read. Measures, units,
    /// words and sources are the reader's interned instances, so a row costs its value types and a few references.
    /// </summary>
    private sealed class KeptColumns
    {
        private readonly FigureDatasetBuilder? builder;
        private readonly int builderStart;
        private Committee[] committees = [];
        private ReportingPeriod[] periods = [];
        private Measure[] measures = [];
        private decimal?[] values = [];
        private FigureUnit[] units = [];
        private Qualifier[] qualifiers = [];
        private FigureScope[] scopes = [];
        private string?[] topics = [];
        private FigureSource?[] sources = [];

        /// <summary>Initializes the kept rows of a read into <paramref name="target"/>'s builder, or for its handler.</summary>
        internal KeptColumns(Target target)
        {
            builder = target.Handler is null ? target.Builder : null;
            if (builder is not null)
            {
                builderStart = builder.BeginDistinctLoad(0);
            }
            else
            {
                Resize(256);
            }
        }

        internal int Count { get; private set; }

        /// <summary>Keeps the candidates <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> of parsed rows, column by column (a block copy, not a row at a time).</summary>
        internal void AddRange(ParsedRows rows, int start, int count)
        {
            if (builder is not null)
            {
                builder.AddDistinctRows(new FigureColumns(rows.Committees.AsSpan(start, count), rows.Periods.AsSpan(start, count), rows.Measures.AsSpan(start, count), rows.Values.AsSpan(start, count), rows.Units.AsSpan(start, count))
                {
                    Qualifiers = rows.Qualifiers.AsSpan(start, count),
                    Scopes = rows.Scopes.AsSpan(start, count),
                    Topics = rows.Topics.AsSpan(start, count),
                    Sources = rows.Sources.AsSpan(start, count),
                }, rows.MeasureNumbers.AsSpan(start, count));
                Count += count;
                return;
            }

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
            CopyOptional(ref qualifiers, rows.Qualifiers, start, i, count);
            CopyOptional(ref scopes, rows.Scopes, start, i, count);
            CopyOptional(ref topics, rows.Topics, start, i, count);
            CopyOptional(ref sources, rows.Sources, start, i, count);
            Count = i + count;
        }

        /// <summary>
        /// Copies a run of an optional column. The column is made (zeroed, so the rows before read as the default) only when
        /// a row that is not the default comes: a file of exact figures of the committees' own work, without topics or
        /// sources, writes no memory for them (24 bytes a row).
        /// </summary>
        private void CopyOptional<T>(ref T[] column, T[] run, int start, int at, int count)
        {
            if (column.Length == 0)
            {
                var part = run.AsSpan(start, count);
                int k = 0;
                while (k < part.Length && EqualityComparer<T>.Default.Equals(part[k], default!))
                {
                    k++;
                }

                if (k == part.Length)
                {
                    return;
                }

                column = new T[committees.Length];
            }

            Array.Copy(run, start, column, at, count);
        }

        /// <summary>The figure of a kept row (made only to report a duplicate of it).</summary>
        internal Figure FigureAt(int i) =>
            builder is not null
                ? builder.FigureOfRow(builderStart + i)
                : Columns().ToFigure(i);

        /// <summary>Makes room for <paramref name="capacity"/> rows in all.</summary>
        internal void Resize(int capacity)
        {
            if (builder is not null)
            {
                builder.ReserveRows(capacity - Count);
                return;
            }

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
            ResizeOptional(ref qualifiers, capacity);
            ResizeOptional(ref scopes, capacity);
            ResizeOptional(ref topics, capacity);
            ResizeOptional(ref sources, capacity);
        }

        /// <summary>Grows an optional column once it is made (zeroed beyond the rows kept, as a column made later would be).</summary>
        private static void ResizeOptional<T>(ref T[] column, int capacity)
        {
            if (column.Length > 0)
            {
                Array.Resize(ref column, capacity);
            }
        }

        private static T[] Uninitialized<T>(T[] array, int capacity, int count)
        {
            var grown = GC.AllocateUninitializedArray<T>(capacity);
            Array.Copy(array, grown, count);
            return grown;
        }

        /// <summary>Forgets every row (the file did not decode: nothing is loaded).</summary>
        internal void Clear()
        {
            builder?.DropRowsFrom(builderStart);
            Count = 0;
        }

        /// <summary>Hands every kept row to the target in one call: the builder (nothing when there is no row) or the handler (always called).</summary>
        internal void HandTo(Target target, FigureCsvResult result)
        {
            if (target.Handler is { } handler)
            {
                handler(Columns(), result);
                return;
            }

            // A builder has the rows already.
        }

        private FigureColumns Columns()
        {
            int n = Count;
            return new FigureColumns(committees.AsSpan(0, n), periods.AsSpan(0, n), measures.AsSpan(0, n), values.AsSpan(0, n), units.AsSpan(0, n))
            {
                Qualifiers = Optional(qualifiers, n),
                Scopes = Optional(scopes, n),
                Topics = Optional(topics, n),
                Sources = Optional(sources, n),
            };
        }

        /// <summary>An optional column's rows, or empty when it was never made (every row has the default).</summary>
        private static ReadOnlySpan<T> Optional<T>(T[] column, int n) => column.Length == 0 ? default : column.AsSpan(0, n);

        /// <summary>Where the kept rows go: a builder, or a caller's handler.</summary>
        internal sealed record Target(FigureDatasetBuilder? Builder, FigureColumnsHandler? Handler);
    }
}
