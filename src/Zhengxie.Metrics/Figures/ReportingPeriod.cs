using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// The period a figure belongs to: a calendar year, or a plenary session (term and session number)
/// mapped to a year. Text form (stable, used in data files): <c>2020</c>, <c>4.4@2020</c> (四届四次, held
/// in 2020), <c>11.1+@2022</c> (since 十一届一次, reported for 2022).
/// </summary>
/// <remarks>
/// Equality compares kind, year, term and session. Ordering is by year, then kind, then term and session.
/// <c>default(ReportingPeriod)</c> is the calendar year 0, which is not a valid period
/// (<see cref="IsDefault"/>). Immutable and thread-safe.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
[JsonConverter(typeof(TextJsonConverter<ReportingPeriod>))]
public readonly struct ReportingPeriod : IEquatable<ReportingPeriod>, IComparable<ReportingPeriod>, IComparable, ISpanParsable<ReportingPeriod>, ISpanFormattable
{
    internal const int MinYear = 1949;
    internal const int MaxYear = 2200;

    private ReportingPeriod(PeriodKind kind, int year, int term, int session)
    {
        Kind = kind;
        Year = year;
        Term = term;
        Session = session;
    }

    /// <summary>Gets what the period counts.</summary>
    public PeriodKind Kind { get; }

    /// <summary>Gets the calendar year the period is mapped to.</summary>
    public int Year { get; }

    /// <summary>Gets the committee's term (届), or 0 for a calendar year.</summary>
    public int Term { get; }

    /// <summary>Gets the session number within the term (次), or 0 for a calendar year.</summary>
    public int Session { get; }

    /// <summary>Gets a value indicating whether this is <c>default(ReportingPeriod)</c>.</summary>
    public bool IsDefault => Year == 0;

    /// <summary>Creates a calendar-year period.</summary>
    /// <param name="year">The year, 1949 to 2200.</param>
    /// <returns>The period.</returns>
    public static ReportingPeriod CalendarYear(int year)
    {
        CheckYear(year);
        return new ReportingPeriod(PeriodKind.CalendarYear, year, 0, 0);
    }

    /// <summary>Creates the period of one plenary session: 四届四次会议 held in 2020 is <c>ForSession(4, 4, 2020)</c>.</summary>
    /// <param name="term">The term (届), 1 to 99.</param>
    /// <param name="session">The session within the term (次), 1 to 99.</param>
    /// <param name="year">The year the session was held.</param>
    /// <returns>The period.</returns>
    public static ReportingPeriod ForSession(int term, int session, int year)
    {
        CheckSession(term, session, year);
        return new ReportingPeriod(PeriodKind.Session, year, term, session);
    }

    /// <summary>Creates the period "since a plenary session" (「十一届一次会议以来」) as reported in <paramref name="year"/>.</summary>
    /// <param name="term">The term (届), 1 to 99.</param>
    /// <param name="session">The session within the term (次), 1 to 99.</param>
    /// <param name="year">The report's year.</param>
    /// <returns>The period.</returns>
    public static ReportingPeriod SinceSession(int term, int session, int year)
    {
        CheckSession(term, session, year);
        return new ReportingPeriod(PeriodKind.SinceSession, year, term, session);
    }

    private static void CheckYear(int year) =>
        Preconditions.CheckArgumentRange(year is >= MinYear and <= MaxYear, year, "The year must be from 1949 to 2200.");

    private static void CheckSession(int term, int session, int year)
    {
        Preconditions.CheckArgumentRange(term is >= 1 and <= 99, term, "The term (届) must be from 1 to 99.");
        Preconditions.CheckArgumentRange(session is >= 1 and <= 99, session, "The session number (次) must be from 1 to 99.");
        CheckYear(year);
    }

    /// <summary>Parses the text form: <c>2020</c>, <c>4.4@2020</c> or <c>11.1+@2022</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The period.</returns>
    /// <exception cref="FormatException">The text is not a period.</exception>
    public static ReportingPeriod Parse(string text)
    {
        Preconditions.CheckNotNull(text);
        return ParseText(text);
    }

    /// <inheritdoc />
    static ReportingPeriod IParsable<ReportingPeriod>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static ReportingPeriod ISpanParsable<ReportingPeriod>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => ParseText(s);

    private static ReportingPeriod ParseText(ReadOnlySpan<char> s) =>
        TryParse(s, out var period) ? period : throw new FormatException($"'{s}' is not a reporting period: expected a year such as 2020, a session such as 4.4@2020, or 11.1+@2022 for 'since a session'.");

    /// <inheritdoc />
    static bool IParsable<ReportingPeriod>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ReportingPeriod result) => TryParse(s.AsSpan(), out result);

    /// <inheritdoc />
    static bool ISpanParsable<ReportingPeriod>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ReportingPeriod result) => TryParse(s, out result);

    /// <summary>Tries to parse the text form.</summary>
    /// <param name="text">The text.</param>
    /// <param name="period">The period, when the text is one.</param>
    /// <returns>Whether the text is a valid period.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out ReportingPeriod period)
    {
        period = default;
        text = text.Trim();
        int at = text.IndexOf('@');
        if (at < 0)
        {
            if (!TryParseNumber(text, 4, out int y) || y is < MinYear or > MaxYear)
            {
                return false;
            }

            period = new ReportingPeriod(PeriodKind.CalendarYear, y, 0, 0);
            return true;
        }

        var session = text[..at];
        if (!TryParseNumber(text[(at + 1)..], 4, out int year) || year is < MinYear or > MaxYear)
        {
            return false;
        }

        var kind = PeriodKind.Session;
        if (session.Length > 0 && session[^1] == '+')
        {
            kind = PeriodKind.SinceSession;
            session = session[..^1];
        }

        int dot = session.IndexOf('.');
        if (dot < 0
            || !TryParseNumber(session[..dot], 2, out int term) || term < 1
            || !TryParseNumber(session[(dot + 1)..], 2, out int number) || number < 1)
        {
            return false;
        }

        period = new ReportingPeriod(kind, year, term, number);
        return true;
    }

    private static bool TryParseNumber(ReadOnlySpan<char> text, int maxDigits, out int value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > maxDigits)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>Formats the text form: <c>2020</c>, <c>4.4@2020</c> or <c>11.1+@2022</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        PeriodKind.CalendarYear => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Session => string.Create(CultureInfo.InvariantCulture, $"{Term}.{Session}@{Year}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Term}.{Session}+@{Year}"),
    };

    /// <summary>Formats the text form; with format <c>C</c>, the Chinese form (<c>2020年</c>, <c>4届4次会议(2020)</c>).</summary>
    /// <param name="format"><see langword="null"/>, <c>G</c> or <c>C</c>.</param>
    /// <param name="formatProvider">Ignored: the output is culture-invariant.</param>
    /// <returns>The text.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        null or "" or "G" => ToString(),
        "C" => Kind switch
        {
            PeriodKind.CalendarYear => string.Create(CultureInfo.InvariantCulture, $"{Year}年"),
            PeriodKind.Session => string.Create(CultureInfo.InvariantCulture, $"{Term}届{Session}次会议({Year})"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{Term}届{Session}次会议以来({Year})"),
        },
        _ => throw new FormatException($"Period format '{format}' is not supported: use G or C."),
    };

    /// <summary>Writes the text form (format <c>G</c> or none) or the Chinese form (<c>C</c>) into <paramref name="destination"/>; the text form without allocating.</summary>
    /// <param name="destination">The buffer.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <param name="format">Empty, <c>G</c> or <c>C</c>.</param>
    /// <param name="provider">Ignored: the output is culture-invariant.</param>
    /// <returns>Whether the buffer was large enough.</returns>
    /// <exception cref="FormatException">The format is not supported.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (!(format.IsEmpty || format.SequenceEqual("G")))
        {
            string text = ToString(format.ToString(), provider);
            charsWritten = text.TryCopyTo(destination) ? text.Length : 0;
            return charsWritten > 0;
        }

        return Kind switch
        {
            PeriodKind.CalendarYear => destination.TryWrite(CultureInfo.InvariantCulture, $"{Year}", out charsWritten),
            PeriodKind.Session => destination.TryWrite(CultureInfo.InvariantCulture, $"{Term}.{Session}@{Year}", out charsWritten),
            _ => destination.TryWrite(CultureInfo.InvariantCulture, $"{Term}.{Session}+@{Year}", out charsWritten),
        };
    }

    /// <inheritdoc />
    public bool Equals(ReportingPeriod other) => Kind == other.Kind && Year == other.Year && Term == other.Term && Session == other.Session;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReportingPeriod other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Year, Term, Session);

    /// <inheritdoc />
    public int CompareTo(ReportingPeriod other)
    {
        int c = Year.CompareTo(other.Year);
        if (c == 0)
        {
            c = Kind.CompareTo(other.Kind);
        }

        if (c == 0)
        {
            c = Term.CompareTo(other.Term);
        }

        return c != 0 ? c : Session.CompareTo(other.Session);
    }

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        ReportingPeriod other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a ReportingPeriod.", nameof(obj)),
    };

    /// <summary>Compares two periods for equality.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>Whether they are the same period.</returns>
    public static bool operator ==(ReportingPeriod left, ReportingPeriod right) => left.Equals(right);

    /// <summary>Compares two periods for inequality.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ReportingPeriod left, ReportingPeriod right) => !left.Equals(right);

    /// <summary>Orders periods (see the type's remarks).</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Orders periods (see the type's remarks).</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Orders periods (see the type's remarks).</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>Whether <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Orders periods (see the type's remarks).</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>Whether <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;
}
