using System;
using System.Collections.Generic;
using System.Data;
using System.Globalization;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Aggregation;

/// <content>Ingestion from an ADO.NET <see cref="IDataReader"/>, columns matched by name as in the figures CSV format.</content>
public sealed partial class FigureDatasetBuilder
{
    private static readonly string[] ReaderColumns = ["committee", "period", "measure", "value", "unit", "qualifier", "scope", "source", "topic"];

    /// <summary>
    /// Adds the figures of every remaining row of an ADO.NET reader (SQLite, DuckDB, SQL Server, a Parquet file read
    /// through DuckDB, ...), one figure a row, without creating a <see cref="Figure"/> per row. Columns are matched by
    /// name exactly as in the figures CSV format (<c>docs/csv-format.md</c>; case-sensitive, surrounding spaces ignored,
    /// any order, other columns ignored): <c>committee</c>, <c>period</c>, <c>measure</c>, <c>value</c> and <c>unit</c>
    /// are required; <c>qualifier</c> (default <c>exact</c>), <c>scope</c> (default <c>committee</c>), <c>source</c> and
    /// <c>topic</c> are optional, and a NULL in them means the default. Rename other names in the query
    /// (<c>SELECT code AS committee, ...</c>).
    /// </summary>
    /// <param name="reader">The reader, positioned before its first row; read to the end, not closed.</param>
    /// <returns>This builder.</returns>
    /// <remarks>
    /// <para>Each field is read as the CSV reader reads its text: <c>committee</c> a six-digit code, optionally with a
    /// level (<c>331100/county</c>), as text or as an integer; <c>period</c> a year (integer or text) or a session
    /// (<c>4.4@2020</c>, <c>11.1+@2022</c>); <c>value</c> a non-negative number as text (invariant: digits, optionally a
    /// decimal point and digits) or of a numeric type (integer, <see cref="decimal"/>, <see cref="double"/>), NULL only
    /// when the qualifier is <c>all</c>; <c>unit</c>, <c>qualifier</c>, <c>scope</c> the words of the format.</para>
    /// <para>Fields are read with the reader's typed getters (<see cref="IDataRecord.GetString"/>, <see cref="IDataRecord.GetInt64"/>,
    /// <see cref="IDataRecord.GetDecimal"/>, ...) by ordinal, the ordinals resolved once by name: no value is boxed unless
    /// the provider gives a type other than text, integers, <see cref="decimal"/> and <see cref="double"/>.</para>
    /// <para>A row that does not make a figure stops the load with a <see cref="ZhengxieMetricsException"/> naming the row
    /// (from 1), the column and, once read, the committee, period and measure. The load is all or nothing: when it throws
    /// (a bad row, or the reader itself failing), none of its rows is kept and the builder holds exactly the figures it held
    /// before the call; the reader is left where it stopped. Everything else (duplicates, unknown regions, the chain of counts) is validated by
    /// <see cref="Build"/>, as for figures added any other way.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ZhengxieMetricsException">A required column is missing, or a row does not make a figure.</exception>
    public FigureDatasetBuilder Load(IDataReader reader)
    {
        Preconditions.CheckNotNull(reader);
        var ordinals = FindColumns(reader);
        var session = new ReaderSession(reader, ordinals);
        int start = rows.Count;
        try
        {
            LoadRows(reader, session);
        }
        catch
        {
            // All or nothing: the rows this load added are dropped, so the builder is as it was before the call.
            rows.Truncate(start);
            duplicates = null;
            throw;
        }

        return this;
    }

    private void LoadRows(IDataReader reader, ReaderSession session)
    {
        while (reader.Read())
        {
            session.StartRow();
            var committee = session.ReadCommittee();
            var period = session.ReadPeriod();
            var measure = session.ReadMeasure();
            var qualifier = session.ReadQualifier();
            var value = session.ReadValue(qualifier);
            var unit = session.ReadUnit();
            var scope = session.ReadScope();
            var source = session.ReadSource();
            var topic = session.ReadTopic();
            if (!MakesFigure(committee, period, measure, value, unit, qualifier, scope))
            {
                try
                {
                    ThrowRow(session.Row, committee, period, measure, value, unit, qualifier, scope);
                }
                catch (ArgumentException e)
                {
                    throw new ZhengxieMetricsException(session.Where() + " does not make a figure: " + e.InnerException?.Message, e);
                }
            }

            AddRow(committee, PeriodNumber(period), measureNumbers.NumberOf(measure), value, unit, qualifier, scope, topic, source, null);
        }
    }

    private static int[] FindColumns(IDataReader reader)
    {
        var ordinals = new int[ReaderColumns.Length];
        Array.Fill(ordinals, -1);
        for (int i = 0; i < reader.FieldCount; i++)
        {
            int k = Array.IndexOf(ReaderColumns, reader.GetName(i).Trim());
            if (k >= 0 && ordinals[k] < 0)
            {
                ordinals[k] = i;
            }
        }

        var missing = new List<string>();
        for (int k = 0; k < 5; k++)
        {
            if (ordinals[k] < 0)
            {
                missing.Add(ReaderColumns[k]);
            }
        }

        if (missing.Count > 0)
        {
            var names = new string[reader.FieldCount];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = reader.GetName(i);
            }

            throw new ZhengxieMetricsException(
                $"The reader has no column {string.Join(", ", missing)}: figures need the columns committee, period, measure, value and unit (qualifier, scope, source and topic are optional), named as in the figures CSV format; it has {(names.Length == 0 ? "no columns" : string.Join(", ", names))}. Rename columns in the query (SELECT code AS committee, ...).");
        }

        return ordinals;
    }

    /// <summary>Reads one reader's fields, remembering the texts it has seen (measures, units, sources repeat).</summary>
    private sealed class ReaderSession(IDataReader reader, int[] ordinals)
    {
        private readonly Dictionary<string, Measure> measures = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FigureUnit> units = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FigureSource?> sources = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> topics = new(StringComparer.Ordinal);
        private string? lastPeriodText;
        private ReportingPeriod lastPeriod;

        private Committee committee;
        private ReportingPeriod period;
        private Measure measure;

        internal int Row { get; private set; }

        internal void StartRow()
        {
            Row++;
            committee = default;
            period = default;
            measure = default;
        }

        /// <summary>Names the row and, once read, its committee, period and measure (for messages only).</summary>
        internal string Where()
        {
            var text = new System.Text.StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Row {Row}");
            if (!committee.IsDefault)
            {
                text.Append(CultureInfo.InvariantCulture, $" (committee {committee}");
                if (!period.IsDefault)
                {
                    text.Append(CultureInfo.InvariantCulture, $", period {period}");
                }

                if (!measure.IsDefault)
                {
                    text.Append(CultureInfo.InvariantCulture, $", measure {measure}");
                }

                text.Append(')');
            }

            return text.ToString();
        }

        internal Committee ReadCommittee()
        {
            int i = ordinals[0];
            var raw = Read(i);
            if (raw.Text is { } text)
            {
                return committee = Committee.TryParse(text.AsSpan().Trim(), out var parsed)
                    ? parsed
                    : throw Bad(i, $"'{Shorten(text)}' is not a committee: write a six-digit region code such as 330324, optionally with a level such as 331100/county.");
            }

            if (raw.TryWhole(out long code) && code is >= 110000 and <= 999999)
            {
                return committee = new Committee(new RegionCode((int)code));
            }

            throw Bad(i, raw.IsNull ? "the committee is NULL." : $"{Shorten(raw.Format())} is not a committee: write a six-digit region code such as 330324.");
        }

        internal ReportingPeriod ReadPeriod()
        {
            int i = ordinals[1];
            var raw = Read(i);
            if (raw.Text is { } text)
            {
                if (string.Equals(text, lastPeriodText, StringComparison.Ordinal))
                {
                    return period = lastPeriod;
                }

                if (ReportingPeriod.TryParse(text.AsSpan().Trim(), out var parsed))
                {
                    lastPeriodText = text;
                    lastPeriod = parsed;
                    return period = parsed;
                }

                throw Bad(i, $"'{Shorten(text)}' is not a period: write a year (2020), a session (4.4@2020) or since a session (11.1+@2022).");
            }

            if (raw.TryWhole(out long year) && year is >= ReportingPeriod.MinYear and <= ReportingPeriod.MaxYear)
            {
                return period = ReportingPeriod.CalendarYear((int)year);
            }

            throw Bad(i, raw.IsNull
                ? "the period is NULL."
                : $"{Shorten(raw.Format())} is not a period: a calendar year is from {ReportingPeriod.MinYear} to {ReportingPeriod.MaxYear}.");
        }

        internal Measure ReadMeasure()
        {
            int i = ordinals[2];
            if (Read(i).Text is not { } text)
            {
                throw Bad(i, $"the measure is {(reader.IsDBNull(i) ? "NULL" : "not text")}; write its identifier, such as proposals.filed.");
            }

            if (measures.TryGetValue(text, out var known))
            {
                return measure = known;
            }

            string id = text.Trim();
            if (!Measure.TryParse(id, out known))
            {
                throw Bad(i, $"'{Shorten(text)}' is not a measure identifier (dot-separated lower-case segments, such as proposals.filed).");
            }

            measures[text] = known;
            return measure = known;
        }

        internal Qualifier ReadQualifier()
        {
            int i = ordinals[5];
            if (i < 0 || reader.IsDBNull(i))
            {
                return Qualifier.Exact;
            }

            string text = reader.GetString(i).Trim();
            return QualifierText.TryParse(text, out var qualifier)
                ? qualifier
                : throw Bad(i, $"'{Shorten(text)}' is not a qualifier; use exact, more_than, at_least, nearly, about, all or percent_reported.");
        }

        internal decimal? ReadValue(Qualifier qualifier)
        {
            int i = ordinals[3];
            var raw = Read(i);
            switch (raw.Kind)
            {
                case FieldKind.Null:
                    return qualifier == Qualifier.All
                        ? null
                        : throw Bad(i, $"the value is NULL; only a figure qualified 'all' may have no value (this one is '{QualifierText.ToWord(qualifier)}').");
                case FieldKind.Text:
                    string text = raw.Text!;
                    var span = text.AsSpan().Trim();
                    if (span.IsEmpty)
                    {
                        return qualifier == Qualifier.All
                            ? null
                            : throw Bad(i, $"the value is empty; only a figure qualified 'all' may have no value (this one is '{QualifierText.ToWord(qualifier)}').");
                    }

                    if (!IsPlainNumber(span))
                    {
                        throw Bad(i, $"'{Shorten(text)}' is not a number; write digits with an optional decimal point and digits after it, without sign, separators or units (1234.5).");
                    }

                    return decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal parsed)
                        ? parsed
                        : throw Bad(i, $"the value {Shorten(text)} is too large: counts must fit in 64 bits (up to 9223372036854775807 base units).");
                case FieldKind.Decimal:
                    // A DECIMAL(38, 4) column's scale is storage, not print: 90.0000 is read as 90.
                    return NonNegative(i, raw.Decimal / 1.000000000000000000000000000000000m);
                case FieldKind.Integer:
                    return NonNegative(i, raw.Integer);
                case FieldKind.Double:
                    double x = raw.Double;
                    if (!double.IsFinite(x) || Math.Abs(x) > 7.9e28)
                    {
                        throw Bad(i, $"the value {x.ToString(CultureInfo.InvariantCulture)} is not a finite number a count or rate can have.");
                    }

                    return NonNegative(i, (decimal)x);
                default:
                    object other = raw.Other!;
                    try
                    {
                        return NonNegative(i, Convert.ToDecimal(other, CultureInfo.InvariantCulture));
                    }
                    catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException)
                    {
                        throw Bad(i, $"the value {Shorten(raw.Format())} of type {other.GetType().Name} is not a number a count can have ({e.Message}).");
                    }
            }
        }

        internal FigureUnit ReadUnit()
        {
            int i = ordinals[4];
            if (Read(i).Text is not { } text || text.AsSpan().Trim().IsEmpty)
            {
                throw Bad(i, "the unit is empty; write it as printed (件, 次, 万元, % ...).");
            }

            if (units.TryGetValue(text, out var unit))
            {
                return unit;
            }

            string symbol = text.Trim();
            if (symbol is "万" or "亿")
            {
                throw Bad(i, "'万' or '亿' alone is a scale, not a unit; write 万元, 亿元, 万字, ...");
            }

            if (FigureUnit.HasDigit(symbol))
            {
                throw Bad(i, FigureUnit.DigitMessage(symbol));
            }

            unit = new FigureUnit(symbol);
            units[text] = unit;
            return unit;
        }

        internal FigureScope ReadScope()
        {
            int i = ordinals[6];
            if (i < 0 || reader.IsDBNull(i))
            {
                return FigureScope.Committee;
            }

            string text = reader.GetString(i).Trim();
            return QualifierText.TryParseScope(text, out var scope)
                ? scope
                : throw Bad(i, $"'{Shorten(text)}' is not a scope; use committee or region_total.");
        }

        internal FigureSource? ReadSource()
        {
            int i = ordinals[7];
            if (i < 0 || reader.IsDBNull(i))
            {
                return null;
            }

            string text = reader.GetString(i);
            if (!sources.TryGetValue(text, out var source))
            {
                string trimmed = text.Trim();
                source = trimmed.Length == 0 ? null : new FigureSource(null, trimmed);
                sources[text] = source;
            }

            return source;
        }

        internal string? ReadTopic()
        {
            int i = ordinals[8];
            if (i < 0 || reader.IsDBNull(i))
            {
                return null;
            }

            string text = reader.GetString(i);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (!topics.TryGetValue(text, out var topic))
            {
                topics[text] = topic = text;
            }

            return topic;
        }

        private static bool IsPlainNumber(ReadOnlySpan<char> s)
        {
            int dot = s.IndexOf('.');
            var whole = dot < 0 ? s : s[..dot];
            var fraction = dot < 0 ? ReadOnlySpan<char>.Empty : s[(dot + 1)..];
            return !whole.IsEmpty && !whole.ContainsAnyExceptInRange('0', '9')
                && (dot < 0 || (!fraction.IsEmpty && !fraction.ContainsAnyExceptInRange('0', '9')));
        }

        internal static bool TryWhole(object raw, out long value)
        {
            switch (raw)
            {
                case long l: value = l; return true;
                case int n: value = n; return true;
                case short s: value = s; return true;
                case decimal d when decimal.IsInteger(d) && d is >= long.MinValue and <= long.MaxValue: value = (long)d; return true;
                case double x when double.IsInteger(x) && Math.Abs(x) < 1e15: value = (long)x; return true;
                case uint u: value = u; return true;
                case ulong u when u <= long.MaxValue: value = (long)u; return true;
                default: value = 0; return false;
            }
        }

        private static string Shorten(string? text) =>
            text is null ? string.Empty : text.Length <= 40 ? text : string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, 40)}… ({text.Length} characters)");

        private decimal NonNegative(int i, decimal value) =>
            value >= 0 ? value : throw Bad(i, $"the value {value.ToString(CultureInfo.InvariantCulture)} is negative; counts and rates are never negative.");

        /// <summary>
        /// The field's value through the reader's typed getter for its type (asked per row: SQLite's types are per value), so
        /// text, integers, decimals and doubles are read without boxing; any other type through <see cref="IDataRecord.GetValue"/>.
        /// </summary>
        private Field Read(int i)
        {
            if (reader.IsDBNull(i))
            {
                return default;
            }

            var type = reader.GetFieldType(i);
            return type == typeof(string) ? new Field(FieldKind.Text) { Text = reader.GetString(i) }
                : type == typeof(long) ? new Field(FieldKind.Integer) { Integer = reader.GetInt64(i) }
                : type == typeof(int) ? new Field(FieldKind.Integer) { Integer = reader.GetInt32(i) }
                : type == typeof(short) ? new Field(FieldKind.Integer) { Integer = reader.GetInt16(i) }
                : type == typeof(byte) ? new Field(FieldKind.Integer) { Integer = reader.GetByte(i) }
                : type == typeof(decimal) ? new Field(FieldKind.Decimal) { Decimal = reader.GetDecimal(i) }
                : type == typeof(double) ? new Field(FieldKind.Double) { Double = reader.GetDouble(i) }
                : type == typeof(float) ? new Field(FieldKind.Double) { Double = reader.GetFloat(i) }
                : reader.GetValue(i) switch
                {
                    null or DBNull => default,
                    string text => new Field(FieldKind.Text) { Text = text },
                    var other => new Field(FieldKind.Other) { Other = other },
                };
        }

        private ZhengxieMetricsException Bad(int ordinal, string message) =>
            new(Where() + ", column " + reader.GetName(ordinal).Trim() + ": " + message);
    }

    private enum FieldKind
    {
        Null,
        Text,
        Integer,
        Decimal,
        Double,
        Other,
    }

    /// <summary>One field as read by its typed getter: NULL, text, an integer, a decimal, a double, or (any other type) the provider's object.</summary>
    private readonly struct Field(FieldKind kind)
    {
        internal FieldKind Kind { get; } = kind;

        internal bool IsNull => Kind == FieldKind.Null;

        internal string? Text { get; init; }

        internal long Integer { get; init; }

        internal decimal Decimal { get; init; }

        internal double Double { get; init; }

        internal object? Other { get; init; }

        /// <summary>Whether the field is a whole number (an integer, or a decimal or double without fraction) and which.</summary>
        internal bool TryWhole(out long value)
        {
            switch (Kind)
            {
                case FieldKind.Integer: value = Integer; return true;
                case FieldKind.Decimal when decimal.IsInteger(Decimal) && Decimal is >= long.MinValue and <= long.MaxValue: value = (long)Decimal; return true;
                case FieldKind.Double when double.IsInteger(Double) && Math.Abs(Double) < 1e15: value = (long)Double; return true;
                case FieldKind.Other: return ReaderSession.TryWhole(Other!, out value);
                default: value = 0; return false;
            }
        }

        /// <summary>The value as invariant text (for messages only).</summary>
        internal string Format() => Kind switch
        {
            FieldKind.Text => Text!,
            FieldKind.Integer => Integer.ToString(CultureInfo.InvariantCulture),
            FieldKind.Decimal => Decimal.ToString(CultureInfo.InvariantCulture),
            FieldKind.Double => Double.ToString(CultureInfo.InvariantCulture),
            FieldKind.Other => Convert.ToString(Other, CultureInfo.InvariantCulture) ?? string.Empty,
            _ => string.Empty,
        };
    }
}
