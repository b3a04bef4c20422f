using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Records;

// The build shared by record objects and columns: a generic method over a struct source, so each field is
// read without a virtual call. The records are read once (the scan): each record's committee-period through
// arrays, its identifier's hash, its own checks (deadline from a table per start date) and, when they pass, its
// column values into a compact row in input order. Everything after the scan works on those rows and hashes,
// not on the records: the identifier index, the counting sort by committee-period (one gather of rows per
// record), the columns. Messages are built only for records that fail a check, in input order, by the same
// validator as before (RecordValidator.Check), so the findings are those of the check-every-record build.
public sealed partial class ProposalRecordSet
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ProposalRecordSet Build<TSource>(TSource source, HandlingPolicy policy, ValidationMode mode)
        where TSource : struct, IRecordSource
    {
        int n = source.Count;
        int size = Math.Max(1, n);
        var groupOf = ArrayPool<int>.Shared.Rent(size);
        var rows = ArrayPool<Row>.Shared.Rent(size);
        var idHashes = ArrayPool<uint>.Shared.Rent(size);
        int chunkCount = ChunkCount(n);
        int chunkSize = (n + chunkCount - 1) / chunkCount;
        var chunks = new ScanBuffers[chunkCount];
        for (int k = 0; k < chunkCount; k++)
        {
            chunks[k] = new ScanBuffers(Math.Min(size, 1024), k * chunkSize, Math.Min(n, (k + 1) * chunkSize));
        }

        bool[]? targetFound = null;
        int[]? allTargets = null;
        string[]? allTargetIds = null;
        uint[]? allTargetHashes = null;
        using var deadlines = new RecordDeadlines(policy);
        try
        {
            // The scan, in chunks of the input on as many threads as there are processors (one chunk for small inputs).
            if (chunkCount == 1)
            {
                ScanChunk(source, chunks[0], deadlines, rows, groupOf, idHashes);
            }
            else
            {
                Parallel.For(0, chunkCount, k => ScanChunk(source, chunks[k], deadlines, rows, groupOf, idHashes));
            }

            foreach (var chunk in chunks)
            {
                chunk.Error?.Throw();
            }

            // One numbering of committee-periods and units: the first chunk's, extended by the others'.
            var keys = chunks[0].Keys;
            var units = chunks[0].Units;
            int bad = chunks[0].Bad;
            int targetCount = chunks[0].Targets.Count;
            for (int k = 1; k < chunkCount; k++)
            {
                bad += chunks[k].Bad;
                targetCount += chunks[k].Targets.Count;
                chunks[k].Renumber(keys, units, groupOf);
            }

            ReadOnlySpan<int> targets = chunks[0].Targets.Span;
            ReadOnlySpan<string> targetIds = chunks[0].TargetIds.Span;
            ReadOnlySpan<uint> targetHashes = chunks[0].TargetHashes.Span;
            if (chunkCount > 1 && targetCount > 0)
            {
                allTargets = ArrayPool<int>.Shared.Rent(targetCount);
                allTargetHashes = ArrayPool<uint>.Shared.Rent(targetCount);
                allTargetIds = ArrayPool<string>.Shared.Rent(targetCount);
                int t = 0;
                foreach (var chunk in chunks)
                {
                    chunk.Targets.Span.CopyTo(allTargets.AsSpan(t));
                    chunk.TargetHashes.Span.CopyTo(allTargetHashes.AsSpan(t));
                    chunk.TargetIds.Span.CopyTo(allTargetIds.AsSpan(t));
                    t += chunk.Targets.Count;
                }

                targets = allTargets.AsSpan(0, targetCount);
                targetHashes = allTargetHashes.AsSpan(0, targetCount);
                targetIds = allTargetIds.AsSpan(0, targetCount);
            }

            if (targetCount > 0)
            {
                targetFound = ArrayPool<bool>.Shared.Rent(size);
                Array.Clear(targetFound, 0, n);
            }

            RecordIdIndex.Resolve(ref source, idHashes, targets, targetIds, targetHashes, targetFound, out int[]? copies, chunkCount);
            var valid = new ValidCounts[chunkCount];
            for (int k = 0; k < chunkCount; k++)
            {
                valid[k] = chunks[k].Counts(keys.Count);
            }

            bad += MarkIdentifierProblems(groupOf, rows, n, copies, targets, targetFound, valid, chunkSize);

            // The slow path, in input order: the validator reports every problem of each failing record.
            var findings = new List<ValidationFinding>();
            if (bad > 0)
            {
                var context = new RecordValidator.Context(deadlines, copies, targetFound, findings);
                for (int i = 0; i < n; i++)
                {
                    if (groupOf[i] < 0 && RecordValidator.Check(ref source, i, keys.PeriodFirstDay(~groupOf[i]), context, out _))
                    {
                        throw new InvalidOperationException("A record failed a check of the scan but passed the validator.");
                    }
                }

                if (findings.Count > 0 && mode == ValidationMode.Throw)
                {
                    throw new ValidationException(findings);
                }
            }

            var columns = Lay(rows, groupOf, chunks, valid, keys, units.Count, !deadlines.ClockStartsAtReceipt, out var order, out var groupStart);
            int groupCount = order.Length;
            var groupCommittee = new Committee[groupCount];
            var groupPeriod = new ReportingPeriod[groupCount];
            var groupIndex = new Dictionary<(Committee, ReportingPeriod), int>(groupCount);
            for (int k = 0; k < groupCount; k++)
            {
                (groupCommittee[k], groupPeriod[k]) = keys.Key(order[k]);
                groupIndex.Add((groupCommittee[k], groupPeriod[k]), k);
            }

            return new ProposalRecordSet(policy, findings.AsReadOnly(), groupIndex, groupCommittee, groupPeriod, groupStart, columns, units.ToArray());
        }
        finally
        {
            ArrayPool<int>.Shared.Return(groupOf);
            ArrayPool<Row>.Shared.Return(rows);
            ArrayPool<uint>.Shared.Return(idHashes);
            if (targetFound is not null)
            {
                ArrayPool<bool>.Shared.Return(targetFound);
            }

            if (allTargets is not null)
            {
                ArrayPool<int>.Shared.Return(allTargets);
                ArrayPool<uint>.Shared.Return(allTargetHashes!);
                ArrayPool<string>.Shared.Return(allTargetIds!, clearArray: true);
            }

            foreach (var chunk in chunks)
            {
                chunk.Dispose();
            }
        }
    }
}
