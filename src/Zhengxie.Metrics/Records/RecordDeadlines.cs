using System;
using System.Runtime.CompilerServices;
using System.Buffers;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// The reply deadlines of a <see cref="HandlingPolicy"/> worked out once per distinct start date (a record's
/// dates are 1949..2200, so two tables of day numbers indexed by the start day): start + reply deadline, and
/// start + maximum extension. A build of millions of records does a few thousand NodaTime date additions.
/// </summary>
internal sealed class RecordDeadlines : IDisposable
{
    private const int Unknown = 0;
    private const int BeyondCalendar = -1;

    private readonly HandlingPolicy policy;
    private readonly int[] due;
    private readonly int[] cap;

    internal RecordDeadlines(HandlingPolicy policy)
    {
        this.policy = policy;
        int days = RecordDays.Last - RecordDays.First + 1;
        due = ArrayPool<int>.Shared.Rent(days);
        cap = ArrayPool<int>.Shared.Rent(days);
        due.AsSpan(0, days).Clear();
        cap.AsSpan(0, days).Clear();
        ClockStartsAtReceipt = policy.ClockStart == ClockStart.Receipt;
    }

    /// <summary>Gets a value indicating whether the clock starts at receipt (else at handover).</summary>
    internal bool ClockStartsAtReceipt { get; }

    /// <summary>Gets the policy.</summary>
    internal HandlingPolicy Policy => policy;

    /// <summary>Returns the day the record's clock starts, or <see cref="RecordDays.Never"/>.</summary>
    internal int Start(int submitted, int handedOver) => ClockStartsAtReceipt ? submitted : handedOver;

    /// <summary>
    /// Works out a deadline as <see cref="HandlingPolicy.DeadlineFor(ProposalRecord)"/> does, from day numbers in
    /// 1949..2200 (or <see cref="RecordDays.Never"/>).
    /// </summary>
    /// <returns>Whether the deadline lies inside the calendar (it does not when start + the policy's periods passes 9999-12-31).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool TryDeadline(int start, int extended, out int deadline)
    {
        deadline = RecordDays.Never;
        if (start == RecordDays.Never)
        {
            return true;
        }

        int slot = start - RecordDays.First;
        int d = due[slot];
        if (d == Unknown)
        {
            due[slot] = d = Add(start, policy.ReplyDeadline);
        }

        if (d == BeyondCalendar)
        {
            return false;
        }

        if (extended != RecordDays.Never)
        {
            int c = cap[slot];
            if (c == Unknown)
            {
                cap[slot] = c = Add(start, policy.MaximumExtension);
            }

            if (c == BeyondCalendar)
            {
                return false;
            }

            int granted = extended < c ? extended : c;
            if (granted > d)
            {
                d = granted;
            }
        }

        deadline = d;
        return true;
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(due);
        ArrayPool<int>.Shared.Return(cap);
    }

    private static int Add(int start, NodaTime.Period period)
    {
        try
        {
            return RecordDays.Of(RecordDays.ToDate(start) + period);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return BeyondCalendar;
        }
    }
}
