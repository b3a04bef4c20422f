using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Records;

// Statistics, open proposals, days to reply and breakdowns derived from the stored columns.
public sealed partial class ProposalRecordSet
{
    /// <summary>Returns whether the set has records of a committee and period.</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <returns>Whether any record belongs to them.</returns>
    public bool Contains(Committee committee, ReportingPeriod period) => groupIndex.ContainsKey((committee, period));

    /// <summary>Derives the proposal statistics (every count measure, and so every rate) of one committee and period.</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <returns>The statistics, with every count of <see cref="Measures.Proposals"/> but <c>concluded</c> (records carry no conclusion date).</returns>
    /// <exception cref="KeyNotFoundException">The set has no records of that committee and period (the counts are unknown, not zero).</exception>
    public ProposalStatistics ComputeStatistics(Committee committee, ReportingPeriod period)
    {
        int g = GroupOf(committee, period);
        Span<long> totals = stackalloc long[RecordCodes.MeasureCount];
        CountRange(groupStart[g], groupStart[g + 1], totals);
        return ToStatistics(committee, period, totals, null);
    }

    /// <summary>Derives the proposal statistics of every committee and period in the set, in one pass.</summary>
    /// <returns>The table, one row per committee-period, sorted by committee, then period.</returns>
    public RecordStatisticsTable ComputeAll()
    {
        int groups = groupCommittee.Length;
        var counts = new long[groups * RecordCodes.MeasureCount];
        int parts = Count / 2 >= MinimumChunk && groups > 1 ? Math.Min(groups, Environment.ProcessorCount) : 1;
        if (parts == 1)
        {
            CountGroups(0, groups, counts);
        }
        else
        {
            // Each part of the committee-periods on its own core (each writes its own rows of the counts).
            Parallel.For(0, parts, k => CountGroups((int)((long)groups * k / parts), (int)((long)groups * (k + 1) / parts), counts));
        }

        return new RecordStatisticsTable(groupCommittee, groupPeriod, groupIndex, counts);
    }

    /// <summary>
    /// Counts the proposals of one committee and period that are open on a date: cases filed on or before
    /// it with no reply on or before it; overdue ones, whose deadline was before it; and those not handed over yet.
    /// </summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="asOf">The date (in the ISO calendar).</param>
    /// <returns>The counts.</returns>
    /// <exception cref="KeyNotFoundException">The set has no records of that committee and period.</exception>
    public OpenProposalCounts OpenAsOf(Committee committee, ReportingPeriod period, LocalDate asOf)
    {
        Preconditions.CheckArgument(asOf.Calendar == CalendarSystem.Iso, nameof(asOf), "Dates must be in the ISO calendar.");
        int g = GroupOf(committee, period);
        return CountOpen(g, asOf);
    }

    /// <summary>Counts the open proposals of every committee and period on a date (see <see cref="OpenAsOf(Committee, ReportingPeriod, LocalDate)"/>).</summary>
    /// <param name="asOf">The date (in the ISO calendar).</param>
    /// <returns>One entry per committee-period, sorted by committee, then period.</returns>
    public IReadOnlyList<OpenProposalCounts> OpenAsOf(LocalDate asOf)
    {
        Preconditions.CheckArgument(asOf.Calendar == CalendarSystem.Iso, nameof(asOf), "Dates must be in the ISO calendar.");
        var result = new OpenProposalCounts[groupCommittee.Length];
        for (int g = 0; g < result.Length; g++)
        {
            result[g] = CountOpen(g, asOf);
        }

        return Array.AsReadOnly(result);
    }

    /// <summary>Counts the open proposals of one committee and period today: the clock's current date in the given time zone.</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <param name="clock">The clock ("now"; a <c>FakeClock</c> in tests).</param>
    /// <param name="zone">The time zone whose date is today, or <see langword="null"/> for China Standard Time (<c>Asia/Shanghai</c>).</param>
    /// <returns>The counts.</returns>
    public OpenProposalCounts OpenNow(Committee committee, ReportingPeriod period, IClock clock, DateTimeZone? zone = null)
    {
        Preconditions.CheckNotNull(clock);
        return OpenAsOf(committee, period, Today(clock, zone));
    }

    /// <summary>Returns the distribution of days from clock start (handover by default) to reply over the replied cases of one committee and period.</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <returns>The distribution (empty when nothing was replied).</returns>
    /// <exception cref="KeyNotFoundException">The set has no records of that committee and period.</exception>
    public DaysToReplyDistribution DaysToReply(Committee committee, ReportingPeriod period)
    {
        int g = GroupOf(committee, period);
        var days = new List<int>();
        for (int i = groupStart[g]; i < groupStart[g + 1]; i++)
        {
            if (replyDay[i] != Never)
            {
                days.Add(replyDay[i] - startDay[i]);
            }
        }

        return new DaysToReplyDistribution(days.ToArray());
    }

    /// <summary>Returns the distribution of days to reply of one committee and period per lead unit (the unit that replies).</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <returns>Each lead unit with a case in that committee-period, by name (ordinal), with its distribution (empty if it replied to none).</returns>
    /// <exception cref="KeyNotFoundException">The set has no records of that committee and period.</exception>
    public IReadOnlyDictionary<string, DaysToReplyDistribution> DaysToReplyByLeadUnit(Committee committee, ReportingPeriod period)
    {
        int g = GroupOf(committee, period);
        var byUnit = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = groupStart[g]; i < groupStart[g + 1]; i++)
        {
            if (leadUnit[i] < 0)
            {
                continue;
            }

            string name = unitNames[leadUnit[i]];
            if (!byUnit.TryGetValue(name, out var days))
            {
                byUnit.Add(name, days = []);
            }

            if (replyDay[i] != Never)
            {
                days.Add(replyDay[i] - startDay[i]);
            }
        }

        var result = new SortedDictionary<string, DaysToReplyDistribution>(StringComparer.Ordinal);
        foreach (var (name, days) in byUnit)
        {
            result.Add(name, new DaysToReplyDistribution(days.ToArray()));
        }

        return new ReadOnlyDictionary<string, DaysToReplyDistribution>(result);
    }

    /// <summary>
    /// Breaks the statistics of one committee and period down by handling unit, as offices report them: each
    /// unit once as lead (主办) over the cases it leads, and once as co-handling unit (协办) over the cases it
    /// co-handles, so a case counts for its lead unit and for each of its co-handling units. Each entry has
    /// <c>filed</c> = <c>cases</c> = the unit's cases, and <c>replied</c>, <c>replied_on_time</c>, outcomes,
    /// feedback and <c>key</c> over them; <c>received</c>, <c>not_filed</c> and <c>merged</c> are missing.
    /// </summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <returns>One entry per unit and role, sorted by unit name (ordinal), lead before co-handling.</returns>
    /// <exception cref="KeyNotFoundException">The set has no records of that committee and period.</exception>
    public IReadOnlyList<HandlingUnitStatistics> ByHandlingUnit(Committee committee, ReportingPeriod period)
    {
        int g = GroupOf(committee, period);
        int codes = RecordCodes.Count;
        var slots = new Dictionary<(int Unit, HandlingRole Role), int>();
        var histograms = new List<int[]>();
        int j = groupCoStart[g];
        for (int i = groupStart[g]; i < groupStart[g + 1]; i++)
        {
            if (leadUnit[i] >= 0)
            {
                Histogram(leadUnit[i], HandlingRole.Lead)[code[i]]++;
            }

            for (int end = j + coCount[i]; j < end; j++)
            {
                Histogram(coUnit[j], HandlingRole.CoHandling)[code[i]]++;
            }
        }

        var result = new List<HandlingUnitStatistics>(slots.Count);
        Span<long> totals = stackalloc long[RecordCodes.MeasureCount];
        foreach (var ((unit, role), slot) in slots.OrderBy(s => unitNames[s.Key.Unit], StringComparer.Ordinal).ThenBy(s => s.Key.Role))
        {
            totals.Clear();
            RecordCodes.Expand(histograms[slot], totals);
            result.Add(new HandlingUnitStatistics(unitNames[unit], role, ToStatistics(committee, period, totals, UnitSlots)));
        }

        return result.AsReadOnly();

        int[] Histogram(int unit, HandlingRole role)
        {
            ref int slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(slots, (unit, role), out bool exists);
            if (!exists)
            {
                slot = histograms.Count;
                histograms.Add(new int[codes]);
            }

            return histograms[slot];
        }
    }

    /// <summary>Breaks the statistics of one committee and period down by proposer kind (individual, joint, group 集体).</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <returns>Full statistics for each of the three kinds (zero counts for a kind with no records).</returns>
    /// <exception cref="KeyNotFoundException">The set has no records of that committee and period.</exception>
    public IReadOnlyDictionary<ProposerKind, ProposalStatistics> ByProposerKind(Committee committee, ReportingPeriod period)
    {
        int g = GroupOf(committee, period);
        int codes = RecordCodes.Count;
        Span<int> histogram = stackalloc int[3 * codes];
        histogram.Clear();
        for (int i = groupStart[g]; i < groupStart[g + 1]; i++)
        {
            histogram[(kind[i] * codes) + code[i]]++;
        }

        var result = new SortedDictionary<ProposerKind, ProposalStatistics>();
        Span<long> totals = stackalloc long[RecordCodes.MeasureCount];
        for (int k = 0; k < 3; k++)
        {
            totals.Clear();
            RecordCodes.Expand(histogram.Slice(k * codes, codes), totals);
            result.Add((ProposerKind)k, ToStatistics(committee, period, totals, null));
        }

        return new ReadOnlyDictionary<ProposerKind, ProposalStatistics>(result);
    }

    /// <summary>Breaks the statistics of one committee and period down by the key-proposal flag (重点提案).</summary>
    /// <param name="committee">The committee.</param>
    /// <param name="period">The period.</param>
    /// <returns>The statistics of key proposals and of the others.</returns>
    /// <exception cref="KeyNotFoundException">The set has no records of that committee and period.</exception>
    public KeyProposalBreakdown ByKeyFlag(Committee committee, ReportingPeriod period)
    {
        int g = GroupOf(committee, period);
        int codes = RecordCodes.Count;
        Span<int> histogram = stackalloc int[codes];
        histogram.Clear();
        for (int i = groupStart[g]; i < groupStart[g + 1]; i++)
        {
            histogram[code[i]]++;
        }

        Span<int> keyHistogram = stackalloc int[codes];
        Span<int> otherHistogram = stackalloc int[codes];
        var inc = RecordCodes.Increments;
        for (int c = 0; c < codes; c++)
        {
            bool isKey = inc[(c * RecordCodes.MeasureCount) + RecordCodes.Key] == 1;
            keyHistogram[c] = isKey ? histogram[c] : 0;
            otherHistogram[c] = isKey ? 0 : histogram[c];
        }

        Span<long> totals = stackalloc long[RecordCodes.MeasureCount];
        RecordCodes.Expand(keyHistogram, totals);
        var key = ToStatistics(committee, period, totals, null);
        totals.Clear();
        RecordCodes.Expand(otherHistogram, totals);
        return new KeyProposalBreakdown(key, ToStatistics(committee, period, totals, null));
    }

    private static ProposalStatistics ToStatistics(Committee committee, ReportingPeriod period, ReadOnlySpan<long> totals, bool[]? include)
    {
        var counts = new List<KeyValuePair<Measure, Bounds>>(RecordCodes.MeasureCount);
        for (int m = 0; m < RecordCodes.MeasureCount; m++)
        {
            if (include is null || include[m])
            {
                counts.Add(new(RecordCodes.SlotMeasures[m], Bounds.Exactly(totals[m])));
            }
        }

        return ProposalStatistics.FromCounts(committee, period, counts);
    }

    private int GroupOf(Committee committee, ReportingPeriod period) =>
        groupIndex.TryGetValue((committee, period), out int g)
            ? g
            : throw new KeyNotFoundException($"The record set has no proposals of committee {committee}, period {period}: their counts are unknown.");

    private void CountGroups(int first, int end, long[] counts)
    {
        for (int g = first; g < end; g++)
        {
            CountRange(groupStart[g], groupStart[g + 1], counts.AsSpan(g * RecordCodes.MeasureCount, RecordCodes.MeasureCount));
        }
    }

    private void CountRange(int start, int end, Span<long> totals)
    {
        // Four interleaved histograms, so that runs of equal codes do not wait on one counter.
        int codes = RecordCodes.Count;
        Span<int> histogram = stackalloc int[4 * codes];
        histogram.Clear();
        var column = code.AsSpan(start, end - start);
        var h0 = histogram[..codes];
        var h1 = histogram.Slice(codes, codes);
        var h2 = histogram.Slice(2 * codes, codes);
        var h3 = histogram.Slice(3 * codes, codes);
        int i = 0;
        for (; i + 4 <= column.Length; i += 4)
        {
            h0[column[i]]++;
            h1[column[i + 1]]++;
            h2[column[i + 2]]++;
            h3[column[i + 3]]++;
        }

        for (; i < column.Length; i++)
        {
            h0[column[i]]++;
        }

        for (int c = 0; c < codes; c++)
        {
            h0[c] += h1[c] + h2[c] + h3[c];
        }

        RecordCodes.Expand(h0, totals);
    }

    private OpenProposalCounts CountOpen(int g, LocalDate asOf)
    {
        // A date before year 1 (which DateOnly cannot hold) is before every record: nothing is open.
        int day = asOf.Year < 1 ? int.MinValue : DayNumber(asOf);
        long open = 0, overdue = 0, awaiting = 0;
        var inc = RecordCodes.Increments;
        for (int i = groupStart[g]; i < groupStart[g + 1]; i++)
        {
            if (filedDay[i] <= day && replyDay[i] > day && inc[(code[i] * RecordCodes.MeasureCount) + RecordCodes.Cases] == 1)
            {
                open++;
                overdue += deadlineDay[i] < day ? 1 : 0;
                awaiting += handoverDay[i] > day ? 1 : 0;
            }
        }

        return new OpenProposalCounts(groupCommittee[g], groupPeriod[g], asOf, open, overdue, awaiting);
    }
}
