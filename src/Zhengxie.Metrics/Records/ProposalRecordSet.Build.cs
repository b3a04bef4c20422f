using System;
using System.Runtime.CompilerServices;
using System.Buffers;
using System.Collections.Generic;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Records;

// The build shared by record objects and columns: a generic method over a struct source, so each field is
// read without a virtual call. Passes over the records: (1) argument checks and committee-period, through
// arrays; (2) identifiers, hashed into cache-sized partitions; (3) validation with deadlines looked up per
// distinct start date; (4) the columns, placed by a counting sort; (5) the co-handling units.
public sealed partial class ProposalRecordSet
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ProposalRecordSet Build<TSource>(TSource source, HandlingPolicy policy, ValidationMode mode)
        where TSource : struct, IRecordSource
    {
        int n = source.Count;
        var groupOf = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        try
        {
            var keys = new GroupKeys();
            for (int i = 0; i < n; i++)
            {
                source.CheckArguments(i);
                groupOf[i] = keys.GroupOf(source.Committee(i), source.Period(i));
            }

            RecordIdIndex.Resolve(source, out int[]? copies, out bool[]? targetFound);
            var findings = new List<ValidationFinding>();
            int groupCount = keys.Count;
            var groupStart = new int[groupCount + 1];
            using var deadlines = new RecordDeadlines(policy);
            var context = new RecordValidator.Context(deadlines, copies, targetFound, findings);
            for (int i = 0; i < n; i++)
            {
                int g = groupOf[i];
                if (RecordValidator.Check(source, i, keys.PeriodFirstDay(g), context, out _))
                {
                    groupStart[g + 1]++;
                }
                else
                {
                    groupOf[i] = -1;
                }
            }

            if (findings.Count > 0 && mode == ValidationMode.Throw)
            {
                throw new ValidationException(findings);
            }

            // Sort the committee-periods; count each one's records; place each record (a stable counting sort).
            // A committee-period whose records were all bad is left out: its counts are unknown, not zero.
            var order = Array.FindAll(keys.SortedOrder(), g => groupStart[g + 1] > 0);
            groupCount = order.Length;
            var rank = new int[keys.Count];
            var sortedCount = new int[groupCount + 1];
            for (int k = 0; k < groupCount; k++)
            {
                rank[order[k]] = k;
                sortedCount[k + 1] = groupStart[order[k] + 1];
            }

            for (int k = 0; k < groupCount; k++)
            {
                sortedCount[k + 1] += sortedCount[k];
            }

            groupStart = sortedCount;
            int validCount = groupStart[groupCount];
            var next = groupStart.AsSpan(0, groupCount).ToArray();
            var columns = new Columns(validCount);
            var units = new UnitNames();
            long coTotal = 0;
            for (int i = 0; i < n; i++)
            {
                int g = groupOf[i];
                if (g < 0)
                {
                    continue;
                }

                int p = next[rank[g]]++;
                groupOf[i] = p;
                columns.Fill(p, source, i, deadlines, units);
                int co = source.CoUnitCount(i);
                columns.CoStart[p + 1] = co;
                coTotal += co;
            }

            for (int p = 0; p < validCount; p++)
            {
                columns.CoStart[p + 1] += columns.CoStart[p];
            }

            columns.CoUnit = new int[checked((int)coTotal)];
            if (coTotal > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    int co;
                    if (groupOf[i] < 0 || (co = source.CoUnitCount(i)) == 0)
                    {
                        continue;
                    }

                    int j = columns.CoStart[groupOf[i]];
                    for (int u = 0; u < co; u++)
                    {
                        columns.CoUnit[j + u] = units.IndexOf(source.CoUnit(i, u));
                    }
                }
            }

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
        }
    }

    /// <summary>The columns under construction.</summary>
    private sealed class Columns
    {
        internal Columns(int count)
        {
            Code = new byte[count];
            Kind = new byte[count];
            FiledDay = new int[count];
            HandoverDay = new int[count];
            StartDay = new int[count];
            ReplyDay = new int[count];
            DeadlineDay = new int[count];
            LeadUnit = new int[count];
            CoStart = new int[count + 1];
            CoUnit = [];
        }

        internal byte[] Code { get; }

        internal byte[] Kind { get; }

        internal int[] FiledDay { get; }

        internal int[] HandoverDay { get; }

        internal int[] StartDay { get; }

        internal int[] ReplyDay { get; }

        internal int[] DeadlineDay { get; }

        internal int[] LeadUnit { get; }

        internal int[] CoStart { get; }

        internal int[] CoUnit { get; set; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal void Fill<TSource>(int p, in TSource source, int i, RecordDeadlines deadlines, UnitNames units)
            where TSource : struct, IRecordSource
        {
            int filed = source.FiledOn(i), handover = source.HandedOverOn(i), replied = source.RepliedOn(i);
            int state = source.Decision(i) switch
            {
                FilingDecision.Filed => RecordCodes.Case,
                FilingDecision.NotFiled => RecordCodes.StateNotFiled,
                FilingDecision.Merged => filed != Never ? RecordCodes.MergedAfterFiling : RecordCodes.MergedInstead,
                _ => RecordCodes.UnderReview,
            };
            int start = deadlines.Start(source.Submitted(i), handover);
            deadlines.TryDeadline(start, source.ExtendedUntil(i), out int deadline);
            bool isReplied = replied != Never;
            bool onTime = isReplied && deadline != Never && replied <= deadline;
            Code[p] = RecordCodes.Encode(state, source.IsKey(i), isReplied, onTime, source.Answer(i), source.Feedback(i));
            Kind[p] = (byte)source.Kind(i);
            FiledDay[p] = state == RecordCodes.Case ? filed : Never;
            HandoverDay[p] = handover;
            StartDay[p] = start;
            ReplyDay[p] = replied;
            DeadlineDay[p] = deadline;
            LeadUnit[p] = source.LeadUnit(i) is { } lead ? units.IndexOf(lead) : -1;
        }
    }
}
