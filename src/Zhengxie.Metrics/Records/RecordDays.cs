using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// Day numbers of ISO dates (days since 0001-01-01, as <see cref="System.DateOnly.DayNumber"/>; negative before year 1),
/// computed from year, month and day without allocation, for every year NodaTime can hold.
/// </summary>
internal static class RecordDays
{
    /// <summary>The day number of a missing date: later than every real date.</summary>
    internal const int Never = int.MaxValue;

    /// <summary>The day number of the first of each month of 1949..2200, by (year − 1949) × 12 + month − 1 (12 KB, built once from <see cref="Civil"/>).</summary>
    private static readonly int[] MonthFirst = BuildMonthFirst();

    /// <summary>The day number of 1949-01-01, the first day a record's date may fall on.</summary>
    internal static readonly int First = Of(ReportingPeriod.MinYear, 1, 1);

    /// <summary>The day number of 2200-12-31, the last day a record's date may fall on.</summary>
    internal static readonly int Last = Of(ReportingPeriod.MaxYear, 12, 31);

    /// <summary>Returns the day number of a date.</summary>
    internal static int Of(LocalDate date) => Of(date.Year, date.Month, date.Day);

    /// <summary>Returns the day number of a date, or <see cref="Never"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Of(LocalDate? date) => date is { } d ? Of(d.Year, d.Month, d.Day) : Never;

    /// <summary>Returns the day number of a proleptic Gregorian date (days since 0001-01-01).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Of(int year, int month, int day)
    {
        // Years a record may use from a table (the same numbers as the formula), others through the formula.
        int slot = ((year - ReportingPeriod.MinYear) * 12) + month - 1;
        return (uint)slot < (uint)MonthFirst.Length && (uint)(month - 1) < 12 ? MonthFirst[slot] + day - 1 : Civil(year, month, day);
    }

    private static int[] BuildMonthFirst()
    {
        var table = new int[(ReportingPeriod.MaxYear - ReportingPeriod.MinYear + 1) * 12];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = Civil(ReportingPeriod.MinYear + (i / 12), 1 + (i % 12), 1);
        }

        return table;
    }

    /// <summary>Returns the day number of a proleptic Gregorian date by the formula.</summary>
    private static int Civil(int year, int month, int day)
    {
        // Days from civil (H. Hinnant's algorithm), shifted so that 0001-01-01 is 0.
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - (era * 400);
        int doy = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        int doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146097) + doe - 306;
    }

    /// <summary>Returns the date of a day number.</summary>
    internal static LocalDate ToDate(int dayNumber)
    {
        int z = dayNumber + 306;
        int era = (z >= 0 ? z : z - 146096) / 146097;
        int doe = z - (era * 146097);
        int yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
        int y = yoe + (era * 400);
        int doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        int mp = ((5 * doy) + 2) / 153;
        int d = doy - (((153 * mp) + 2) / 5) + 1;
        int m = mp < 10 ? mp + 3 : mp - 9;
        return new LocalDate(m <= 2 ? y + 1 : y, m, d);
    }

    /// <summary>Formats a day number as <c>yyyy-MM-dd</c>.</summary>
    internal static string Format(int dayNumber) => Format(ToDate(dayNumber));

    /// <summary>Formats a date as <c>yyyy-MM-dd</c>, culture-invariant.</summary>
    internal static string Format(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
