using System;
using System.Buffers;
using System.Collections.Generic;

namespace Zhengxie.Metrics.Aggregation;

/// <content>Duplicates and conflicts: found once over all rows, not per added figure.</content>
public sealed partial class FigureDatasetBuilder
{
    /// <summary>The most (committee, period) buckets the counting sort uses; beyond it (a pathological spread of periods) the rows are hashed.</summary>
    private const int MaxBuckets = 1 << 24;

    /// <summary>
    /// Finds the duplicates among the rows (cached until a row is added): the first row of each identity (committee, period,
    /// measure, scope, topic) is kept; a later row holding the same figure (every field but the source) is dropped; when the
    /// rows of one identity differ, all of them are dropped and the identity is a conflict listing each different figure once,
    /// the first row's first, the others in order of arrival. This is exactly what checking each figure as it was added did.
    /// </summary>
    /// <remarks>
    /// Topic-less rows are sorted by a stable counting sort on (committee number, period number), so each bucket holds one
    /// committee-period's rows in order of arrival, and each bucket is scanned with a table indexed by (measure number,
    /// scope): a few sequential passes, no hash per row. Rows with a topic (rare) are hashed by their identity.
    /// </remarks>
    private Duplicates FindDuplicates()
    {
        if (duplicates is { } known && known.RowCount == rows.Count)
        {
            return known;
        }

        int n = rows.Count;
        var result = new Duplicates(n);
        if (RowsKnownDistinct)
        {
            // Every row came from one reader's load into an empty builder, and that reader found the duplicates itself.
            duplicates = result;
            return result;
        }

        var committeeNumbers = rows.CommitteeNumbers;
        var periods = rows.Periods;
        var measures = rows.Measures;
        var topics = rows.Topics;
        int committeeCount = committeeIndex.Count + unknownList.Count;
        int periodCount = Math.Max(1, periodList.Count);
        long bucketCount = (long)committeeCount * periodCount;
        Dictionary<FigureKey, int>? hashed = null;
        FigureRows.Snapshot snapshot = default;
        bool frozen = false;

        if (bucketCount <= MaxBuckets)
        {
            int buckets = (int)bucketCount;
            var start = ArrayPool<int>.Shared.Rent(buckets + 1);
            var order = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
            var seenBucket = ArrayPool<int>.Shared.Rent(Math.Max(1, measureNumbers.Count * 2));
            var seenRow = ArrayPool<int>.Shared.Rent(Math.Max(1, measureNumbers.Count * 2));
            try
            {
                var counts = start.AsSpan(0, buckets + 1);
                counts.Clear();
                int sorted = 0;
                for (int i = 0; i < n; i++)
                {
                    if (topics is null || topics[i] is null)
                    {
                        counts[(committeeNumbers[i] * periodCount) + periods[i] + 1]++;
                        sorted++;
                    }
                }

                for (int b = 0; b < buckets; b++)
                {
                    counts[b + 1] += counts[b];
                }

                // Scatter: afterwards counts[b] is the end of bucket b (and the start of b + 1).
                for (int i = 0; i < n; i++)
                {
                    if (topics is null || topics[i] is null)
                    {
                        order[counts[(committeeNumbers[i] * periodCount) + periods[i]]++] = i;
                    }
                }

                seenBucket.AsSpan(0, measureNumbers.Count * 2).Fill(-1);
                int from = 0;
                for (int b = 0; b < buckets && from < sorted; b++)
                {
                    int to = counts[b];
                    for (int k = from; k < to; k++)
                    {
                        int i = order[k];
                        int slot = (measures[i] * 2) + (rows.ScopeAt(i) == FigureScope.Committee ? 0 : 1);
                        if (seenBucket[slot] != b)
                        {
                            seenBucket[slot] = b;
                            seenRow[slot] = i;
                        }
                        else
                        {
                            Duplicate(seenRow[slot], i);
                        }
                    }

                    from = to;
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(start);
                ArrayPool<int>.Shared.Return(order);
                ArrayPool<int>.Shared.Return(seenBucket);
                ArrayPool<int>.Shared.Return(seenRow);
            }

            for (int i = 0; i < n; i++)
            {
                if (topics is not null && topics[i] is not null)
                {
                    Hash(i);
                }
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                Hash(i);
            }
        }

        duplicates = result;
        return result;

        void Hash(int i)
        {
            hashed ??= [];
            var key = Freeze().KeyOf(i);
            if (hashed.TryAdd(key, i))
            {
                return;
            }

            Duplicate(hashed[key], i);
        }

        void Duplicate(int first, int i)
        {
            result.Drop(i);
            if (rows.SameFigure(first, i))
            {
                return;
            }

            var s = Freeze();
            var key = s.KeyOf(first);
            var figure = s.FigureAt(i);
            if (!result.Conflicts.TryGetValue(key, out var list))
            {
                result.Conflicts[key] = list = [s.FigureAt(first)];
                result.Drop(first);
            }

            if (!list.Contains(figure))
            {
                list.Add(figure);
            }
        }

        FigureRows.Snapshot Freeze()
        {
            if (!frozen)
            {
                snapshot = Snapshot();
                frozen = true;
            }

            return snapshot;
        }
    }

    /// <summary>The outcome of <see cref="FindDuplicates"/>: which rows are dropped and the conflicts.</summary>
    private sealed class Duplicates(int rowCount)
    {
        private bool[]? dropped;

        /// <summary>Gets the number of rows examined.</summary>
        internal int RowCount { get; } = rowCount;

        /// <summary>Gets the number of rows kept (distinct figures, conflicts included until <see cref="Build"/> drops them).</summary>
        internal int Distinct => RowCount - DroppedCount + ConflictedFirstCount;

        /// <summary>Gets the conflicts: each identity stated with different values, with each different figure once.</summary>
        internal Dictionary<FigureKey, List<Figure>> Conflicts { get; } = [];

        /// <summary>Gets whether any row is dropped.</summary>
        internal bool Any => dropped is not null;

        private int DroppedCount { get; set; }

        private int ConflictedFirstCount => Conflicts.Count;

        /// <summary>Whether row <paramref name="i"/> is dropped (a repeat, or part of a conflict).</summary>
        internal bool IsDropped(int i) => dropped is not null && dropped[i];

        internal void Drop(int i)
        {
            dropped ??= new bool[RowCount];
            if (!dropped[i])
            {
                dropped[i] = true;
                DroppedCount++;
            }
        }
    }
}
