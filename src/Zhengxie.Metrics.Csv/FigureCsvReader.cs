using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using nietras.SeparatedValues;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// Reads figures from the long CSV format of <see cref="FigureCsvFormat"/> (see <c>docs/csv-format.md</c>),
/// parsed by Sep. Every problem in the file becomes a <see cref="FigureCsvFinding"/> naming its line
/// and column; reading never stops at the first one. The file is streamed: memory grows with the figures
/// kept (one per distinct committee, period, measure, scope and topic), not with the file. Thread-safe (stateless).
/// </summary>
public static class FigureCsvReader
{
    /// <summary>Reads figures from text.</summary>
    /// <param name="reader">The CSV text; a leading byte-order mark is ignored. Not closed.</param>
    /// <param name="progress">Told the number of data rows read so far, every 1,000 rows and at the end; may be <see langword="null"/>.</param>
    /// <returns>The figures of the valid rows and every finding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The text cannot be read.</exception>
    public static FigureCsvResult Read(TextReader reader, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new Session(progress).Run(reader, null, null);
    }

    /// <summary>Reads figures from a stream of UTF-8 text (a byte-order mark is allowed).</summary>
    /// <param name="stream">The stream. Not closed.</param>
    /// <param name="progress">Told the number of data rows read so far; may be <see langword="null"/>.</param>
    /// <returns>The figures of the valid rows and every finding; bytes that are not UTF-8 are an error naming their line, and nothing is loaded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static FigureCsvResult Read(Stream stream, IProgress<int>? progress = null) => Read(stream, FigureCsvEncoding.Utf8, progress);

    /// <summary>Reads figures from a stream of text in the given encoding.</summary>
    /// <param name="stream">The stream. Not closed.</param>
    /// <param name="encoding">The text's encoding: UTF-8 (the format's) or GB18030 (GBK), as Excel saves CSV in China.</param>
    /// <param name="progress">Told the number of data rows read so far; may be <see langword="null"/>.</param>
    /// <returns>The figures of the valid rows and every finding; bytes that are not valid in <paramref name="encoding"/> are an error, and nothing is loaded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="encoding"/> is not defined.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static FigureCsvResult Read(Stream stream, FigureCsvEncoding encoding, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (encoding == FigureCsvEncoding.Utf8)
        {
            using var checking = new Utf8CheckingStream(stream);
            using var utf8 = new StreamReader(checking, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: true);
            return new Session(progress).Run(utf8, checking, encoding);
        }

        if (encoding != FigureCsvEncoding.Gb18030)
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Not a defined encoding.");
        }

        var gb18030 = Gb18030;
        using var checkingGb = new Gb18030CheckingStream(stream, gb18030);
        using var reader = new StreamReader(checkingGb, gb18030, detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: true);
        return new Session(progress).Run(reader, null, encoding);
    }

    /// <summary>Reads figures from a UTF-8 CSV file (a byte-order mark is allowed).</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="progress">Told the number of data rows read so far; may be <see langword="null"/>.</param>
    /// <returns>The figures of the valid rows and every finding.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it is missing).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static FigureCsvResult ReadFile(string path, IProgress<int>? progress = null) => ReadFile(path, FigureCsvEncoding.Utf8, progress);

    /// <summary>Reads figures from a CSV file in the given encoding.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="encoding">The file's encoding.</param>
    /// <param name="progress">Told the number of data rows read so far; may be <see langword="null"/>.</param>
    /// <returns>The figures of the valid rows and every finding.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it is missing).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static FigureCsvResult ReadFile(string path, FigureCsvEncoding encoding, IProgress<int>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        return Read(stream, encoding, progress);
    }

    /// <summary>Gets GB18030 with exception fallbacks (so an invalid byte is an error, not U+FFFD).</summary>
    private static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
    }

    /// <summary>One read of one file.</summary>
    private sealed class Session
    {
        private const int MaxShown = 40;
        private static readonly Func<string, Measure> MakeMeasure = s => Measure.TryParse(s, out var m) ? m : default;
        private static readonly Func<string, FigureUnit> MakeUnit = s => s.Length == 0 || s is "万" or "亿" ? default : new FigureUnit(s);
        private static readonly Func<string, bool> NoValue = _ => false;
        private static readonly Func<string, FigureSource> MakeSource = s => new FigureSource(null, s);

        private readonly IProgress<int>? progress;
        private readonly List<Figure> figures = [];
        private readonly List<int> figureLines = [];
        private readonly List<FigureCsvFinding> findings = [];
        private readonly Dictionary<long, int> seen = [];
        private readonly Dictionary<(Committee, ReportingPeriod, Measure, FigureScope, string?), int> seenWithTopic = [];
        private readonly Dictionary<ReportingPeriod, int> periodNumbers = [];
        private readonly SpanInterner<Measure> measures = new();
        private readonly SpanInterner<FigureUnit> units = new();
        private readonly SpanInterner<bool> words = new();
        private readonly SpanInterner<FigureSource> sources = new();
        private int currentLine;
        private int headerLength;
        private string lastPeriodText = string.Empty;
        private ReportingPeriod lastPeriod;

        internal Session(IProgress<int>? progress) => this.progress = progress;

        internal FigureCsvResult Run(TextReader text, Utf8CheckingStream? utf8, FigureCsvEncoding? encoding)
        {
            int[]? map = null;
            int rows = 0;
            int lastLine = 0;
            bool decodingFailed = false;
            try
            {
                using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = false }).From(text);
                foreach (var row in reader)
                {
                    // Sep numbers the lines of the first row from 2 (its look-ahead); every later row's are right.
                    currentLine = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
                    lastLine = row.LineNumberToExcl - 1;
                    int n = row.ColCount;
                    if (n == 1 && row[0].Span.Trim().Length == 0)
                    {
                        continue; // a blank line
                    }

                    if (map is null)
                    {
                        var header = new string[n];
                        for (int i = 0; i < n; i++)
                        {
                            header[i] = Unquote(row[i].Span, out _, out _).ToString();
                        }

                        map = ReadHeader(header);
                        if (map is null)
                        {
                            break;
                        }

                        continue;
                    }

                    rows++;
                    ReadRow(row, map);
                    if (rows % 1000 == 0)
                    {
                        progress?.Report(rows);
                    }
                }

            }
            catch (DecoderFallbackException e)
            {
                decodingFailed = true;
                findings.Add(new FigureCsvFinding(
                    lastLine + 1,
                    null,
                    FigureCsvFindingSeverity.Error,
                    string.Create(CultureInfo.InvariantCulture, $"the file is not valid {Name(encoding)} after line {lastLine} (bytes {Hex(e.BytesUnknown)}); save it as UTF-8, or name its encoding. Nothing is loaded.")));
            }
            catch (Gb18030DecodingException e)
            {
                // The line with the bad byte was cut short there: what the parser said of it is moot.
                decodingFailed = true;
                findings.RemoveAll(f => f.Line >= e.Line);
                findings.Add(new FigureCsvFinding(
                    e.Line,
                    null,
                    FigureCsvFindingSeverity.Error,
                    string.Create(CultureInfo.InvariantCulture, $"the file is not valid GB18030 (bytes {Hex(e.BytesUnknown)} on this line); save it as UTF-8, or name its encoding. Nothing is loaded.")));
            }

            if (utf8 is { InvalidLine: > 0 })
            {
                // The line with the bad byte was cut short there: what the parser said of it is moot.
                decodingFailed = true;
                findings.RemoveAll(f => f.Line >= utf8.InvalidLine);
                findings.Add(new FigureCsvFinding(
                    utf8.InvalidLine,
                    null,
                    FigureCsvFindingSeverity.Error,
                    string.Create(CultureInfo.InvariantCulture, $"the file is not valid UTF-8 (byte 0x{utf8.InvalidByte:X2} on this line); it may be GB18030/GBK, as Excel saves CSV in China: read it as GB18030 (CLI: --encoding gb18030) or save it as UTF-8. Nothing is loaded.")));
            }

            if (decodingFailed)
            {
                figures.Clear();
            }
            else if (map is null && findings.Count == 0)
            {
                findings.Add(new FigureCsvFinding(0, null, FigureCsvFindingSeverity.Error, "The file is empty: it needs the header " + string.Join(",", FigureCsvFormat.RequiredColumns) + "."));
            }

            progress?.Report(rows);
            findings.Sort((a, b) => a.Line.CompareTo(b.Line));
            return new FigureCsvResult(figures.AsReadOnly(), findings.AsReadOnly(), rows);
        }

        private static string Name(FigureCsvEncoding? encoding) => encoding == FigureCsvEncoding.Gb18030 ? "GB18030" : "UTF-8";

        private static string Hex(byte[]? bytes) => bytes is null ? "?" : Convert.ToHexString(bytes);

        /// <summary>
        /// A field's text: a quoted field without its quotes and with doubled quotes single; an unquoted
        /// one as it is. <paramref name="malformed"/> when a quote is misplaced (RFC 4180) or never closed.
        /// </summary>
        private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> raw, out bool quoted, out bool malformed)
        {
            quoted = false;
            malformed = false;
            int q = raw.IndexOf('"');
            if (q < 0)
            {
                return raw;
            }

            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] != '"')
            {
                malformed = true;
                return raw;
            }

            quoted = true;
            if (trimmed.Length < 2 || trimmed[^1] != '"')
            {
                malformed = true;
                return trimmed[1..];
            }

            var inner = trimmed[1..^1];
            int firstQuote = inner.IndexOf('"');
            if (firstQuote < 0)
            {
                return inner;
            }

            var chars = new char[inner.Length];
            int k = 0;
            for (int i = 0; i < inner.Length; i++)
            {
                char c = inner[i];
                if (c == '"')
                {
                    if (i + 1 >= inner.Length || inner[i + 1] != '"')
                    {
                        malformed = true;
                        return inner;
                    }

                    i++;
                }

                chars[k++] = c;
            }

            return chars.AsSpan(0, k);
        }

        /// <summary>Maps each known column to its index in the record; <see langword="null"/> when a required column is missing.</summary>
        private int[]? ReadHeader(string[] header)
        {
            var columns = new List<string>(FigureCsvFormat.RequiredColumns) { FigureCsvFormat.TopicColumn };
            headerLength = header.Length;
            int[] map = new int[columns.Count];
            Array.Fill(map, -1);
            for (int i = 0; i < header.Length; i++)
            {
                string name = i == 0 ? header[i].TrimStart('\uFEFF').Trim() : header[i].Trim();
                int known = columns.IndexOf(name);
                if (known < 0)
                {
                    findings.Add(new FigureCsvFinding(currentLine, Shorten(name), FigureCsvFindingSeverity.Warning, $"unknown column '{Shorten(name)}' is ignored."));
                }
                else if (map[known] >= 0)
                {
                    findings.Add(new FigureCsvFinding(currentLine, name, FigureCsvFindingSeverity.Error, $"column '{name}' appears twice in the header."));
                    return null;
                }
                else
                {
                    map[known] = i;
                }
            }

            var missing = new List<string>();
            for (int k = 0; k < FigureCsvFormat.RequiredColumns.Count; k++)
            {
                if (map[k] < 0)
                {
                    missing.Add(FigureCsvFormat.RequiredColumns[k]);
                }
            }

            if (missing.Count > 0)
            {
                findings.Add(new FigureCsvFinding(
                    currentLine,
                    null,
                    FigureCsvFindingSeverity.Error,
                    $"the header lacks the column(s) {string.Join(", ", missing)}; expected {string.Join(",", FigureCsvFormat.RequiredColumns)} (topic optional). No row can be read."));
                return null;
            }

            return map;
        }

        private void ReadRow(SepReader.Row record, int[] map)
        {
            int fieldCount = record.ColCount;

            // Quotes first: a misplaced or unclosed quote makes the row unreadable (RFC 4180).
            for (int i = 0; i < fieldCount; i++)
            {
                var raw = record[i].Span;
                if (raw.IndexOf('"') < 0)
                {
                    continue;
                }

                Unquote(raw, out bool quoted, out bool malformed);
                if (!malformed)
                {
                    continue;
                }

                bool unclosed = quoted && CountQuotes(raw) % 2 == 1;
                Error(null, unclosed
                    ? "a quoted field opened on this line is never closed: the rest of the file would be inside it. Close the quote (RFC 4180)."
                    : "malformed CSV near \"" + Shorten(raw) + "\": a quote inside a field must be doubled, and a quoted field must be closed before the next separator (RFC 4180).");
                return;
            }

            if (fieldCount != headerLength)
            {
                Error(null, string.Create(CultureInfo.InvariantCulture, $"the row has {fieldCount} fields; the header has {headerLength}.{(fieldCount > headerLength ? " Quote a field that contains a comma, and write numbers without thousands separators." : string.Empty)}"));
                return;
            }

            bool ok = true;

            // committee
            var committeeText = Field(record, map[0]);
            if (!TryParseCommittee(committeeText, out var committee, out string? committeeProblem))
            {
                ok = Error(FigureCsvFormat.CommitteeColumn, committeeProblem);
            }

            // period
            var periodText = Field(record, map[1]);
            ReportingPeriod period;
            if (periodText.SequenceEqual(lastPeriodText) && lastPeriodText.Length > 0)
            {
                period = lastPeriod;
            }
            else if (ReportingPeriod.TryParse(periodText, out period) && periodText.Length > 0)
            {
                lastPeriodText = periodText.ToString();
                lastPeriod = period;
            }
            else
            {
                ok = Error(FigureCsvFormat.PeriodColumn, periodText.Length == 0
                    ? "the period is empty; write a year (2020), a session (4.4@2020) or 11.1+@2022 for 'since a session'."
                    : $"'{Shorten(periodText)}' is not a period; write a year (2020), a session (4.4@2020) or 11.1+@2022 for 'since a session'.");
            }

            // measure
            var measureText = Field(record, map[2]);
            Measure measure = default;
            int measureNumber = -1;
            if (measureText.Length > 0 && measureText.Length <= 128)
            {
                ref readonly var entry = ref measures.Get(measureText, MakeMeasure);
                measure = entry.Value;
                measureNumber = entry.Number;
            }

            if (measure.IsDefault)
            {
                ok = Error(FigureCsvFormat.MeasureColumn, measureText.Length == 0
                    ? "the measure is empty; write an identifier such as proposals.filed."
                    : $"'{Shorten(measureText)}' is not a measure identifier; use dot-separated lower-case segments such as proposals.filed.");
            }

            // qualifier (before value: 'all' has no value)
            var qualifierSpan = Field(record, map[5]);
            string qualifierText = qualifierSpan.Length <= MaxShown ? words.Get(qualifierSpan, NoValue).Text : Shorten(qualifierSpan);
            bool qualifierOk = QualifierText.TryParse(qualifierText, out var qualifier);
            if (!qualifierOk)
            {
                ok = Error(FigureCsvFormat.QualifierColumn, $"'{qualifierText}' is not a qualifier; use exact, more_than, at_least, nearly, about, all or percent_reported.");
            }

            // value: digits, optionally a decimal point and more digits; no sign, no exponent, no separators.
            var valueText = Field(record, map[3]);
            decimal? value = null;
            if (valueText.Length == 0)
            {
                if (qualifierOk && qualifier != Qualifier.All)
                {
                    ok = Error(FigureCsvFormat.ValueColumn, $"the value is empty; only a figure qualified 'all' may have no value (this one is '{qualifierText}').");
                }
            }
            else if (valueText[0] == '-' && IsPlainNumber(valueText[1..]))
            {
                ok = Error(FigureCsvFormat.ValueColumn, IsZero(valueText[1..])
                    ? $"the value {Shorten(valueText)} has a sign; write {Shorten(valueText[1..])} (digits without a sign)."
                    : $"the value {Shorten(valueText)} is negative; counts and rates are never negative.");
            }
            else if (valueText[0] == '+' && IsPlainNumber(valueText[1..]))
            {
                ok = Error(FigureCsvFormat.ValueColumn, $"the value {Shorten(valueText)} has a sign; write {Shorten(valueText[1..])} (digits without a sign).");
            }
            else if (!IsPlainNumber(valueText))
            {
                ok = Error(FigureCsvFormat.ValueColumn, $"'{Shorten(valueText)}' is not a number; write digits with an optional decimal point and digits after it, without sign, separators or units (1234.5).");
            }
            else if (!decimal.TryParse(valueText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal parsed))
            {
                ok = Error(FigureCsvFormat.ValueColumn, $"the value {Shorten(valueText)} is too large: counts must fit in 64 bits (up to 9223372036854775807 base units).");
            }
            else
            {
                // A figure qualified 'all' may carry the count the report states with it (「145件提案全部办复」 → 145).
                value = parsed;
            }

            // unit
            var unitText = Field(record, map[4]);
            FigureUnit unit = default;
            if (unitText.Length == 0)
            {
                ok = Error(FigureCsvFormat.UnitColumn, "the unit is empty; write it as printed (件, 次, 万元, % ...).");
            }
            else if (unitText.SequenceEqual("万") || unitText.SequenceEqual("亿"))
            {
                ok = Error(FigureCsvFormat.UnitColumn, "'万' or '亿' alone is a scale, not a unit; write 万元, 亿元, 万字, ...");
            }
            else
            {
                unit = units.Get(unitText, MakeUnit).Value;
            }

            // The rules of a figure (docs/csv-format.md): a rate or share (rate.*, share.*) is in % and qualified
            // percent_reported, at_least, more_than, nearly or about, at most 100 %; a count is never in %.
            if (qualifierOk && !measure.IsDefault && !unit.Equals(default(FigureUnit)))
            {
                ok &= CheckFigureRules(measure, unit, ref qualifier, qualifierText, value, valueText);
            }

            // scope
            var scopeSpan = Field(record, map[6]);
            string scopeText = scopeSpan.Length <= MaxShown ? words.Get(scopeSpan, NoValue).Text : Shorten(scopeSpan);
            if (!QualifierText.TryParseScope(scopeText, out var scope))
            {
                ok = Error(FigureCsvFormat.ScopeColumn, $"'{scopeText}' is not a scope; use committee or region_total.");
            }

            if (!ok)
            {
                return;
            }

            // Sources repeat (a document's name, "synthetic"): one FigureSource per distinct text.
            var sourceText = Unquote(record[map[7]].Span, out _, out _).Trim();
            FigureSource? source = sourceText.IsEmpty ? null : sources.Get(sourceText, MakeSource).Value;

            // topic: a quoted topic is kept as written (surrounding spaces included), an unquoted one trimmed.
            string? topic = null;
            if (map[8] >= 0)
            {
                var topicText = Unquote(record[map[8]].Span, out bool topicQuoted, out _);
                if (!topicText.IsWhiteSpace())
                {
                    topic = words.Get(topicQuoted ? topicText : topicText.Trim(), NoValue).Text;
                }
            }

            Figure figure;
            try
            {
                figure = new Figure(committee, period, measure, value, unit, qualifier, scope, topic, source);
            }
            catch (ArgumentException e)
            {
                Error(null, e.Message);
                return;
            }

            if (!IsPlainCount(figure))
            {
                try
                {
                    _ = figure.Bounds; // a value that makes no bounds (1.5件 exact, 0 qualified 'more_than') is an error here
                }
                catch (ZhengxieMetricsException e)
                {
                    Error(FigureCsvFormat.ValueColumn, e.Message);
                    return;
                }
                catch (OverflowException)
                {
                    Error(FigureCsvFormat.ValueColumn, $"the value {Shorten(valueText)} {unit.Symbol} is too large: it does not fit a 64-bit count of {unit.BaseSymbol} (up to 9223372036854775807).");
                    return;
                }
                catch (ArgumentException)
                {
                    Error(FigureCsvFormat.ValueColumn, $"{Shorten(valueText)} qualified '{qualifierText}' stands for no whole number of {unit.BaseSymbol} (「近5件」 would have to lie strictly between 4 and 5).");
                    return;
                }
            }

            ref int slot = ref SlotOf(figure, period, measureNumber, out bool exists);
            if (exists)
            {
                var earlier = figures[slot];
                int earlierLine = figureLines[slot];
                if (earlier.Equals(figure))
                {
                    Warning(null, string.Create(CultureInfo.InvariantCulture, $"the same figure as line {earlierLine} ({figure}); it is loaded once."));
                    return;
                }

                Error(null, string.Create(CultureInfo.InvariantCulture, $"committee {figure.Committee}, period {figure.Period}, measure {figure.Measure}: {figure.FormatAsReported()} contradicts {earlier.FormatAsReported()} on line {earlierLine} (same committee, period, measure, scope and topic)."));
                return;
            }

            slot = figures.Count;
            figures.Add(figure);
            figureLines.Add(currentLine);
        }

        /// <summary>The slot of the figure's identity: a packed long for a topic-less figure, the full key otherwise.</summary>
        private ref int SlotOf(Figure figure, ReportingPeriod period, int measureNumber, out bool exists)
        {
            if (figure.Topic is null && measureNumber is >= 0 and < (1 << 21))
            {
                ref int p = ref CollectionsMarshal.GetValueRefOrAddDefault(periodNumbers, period, out bool known);
                if (!known)
                {
                    p = periodNumbers.Count - 1;
                }

                if (p < (1 << 20))
                {
                    long key = ((long)figure.Committee.GetHashCode() << 42) | ((long)p << 22) | ((long)measureNumber << 1) | (long)figure.Scope;
                    return ref CollectionsMarshal.GetValueRefOrAddDefault(seen, key, out exists);
                }
            }

            return ref CollectionsMarshal.GetValueRefOrAddDefault(seenWithTopic, (figure.Committee, figure.Period, figure.Measure, figure.Scope, figure.Topic), out exists);
        }

        /// <summary>An exact whole count in a unit of scale 1 always has bounds; anything else is checked through <see cref="Figure.Bounds"/>.</summary>
        private static bool IsPlainCount(Figure f) =>
            f.Qualifier == Qualifier.Exact && f.Value is { } v && decimal.IsInteger(v) && v <= long.MaxValue && f.Unit.Scale == 1;

        private static ReadOnlySpan<char> Field(SepReader.Row record, int index) => Unquote(record[index].Span, out _, out _).Trim();

        private static int CountQuotes(ReadOnlySpan<char> text) => text.Count('"');

        /// <summary>Digits, optionally followed by a decimal point and at least one digit.</summary>
        private static bool IsPlainNumber(ReadOnlySpan<char> text)
        {
            int i = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == 0)
            {
                return false;
            }

            if (i == text.Length)
            {
                return true;
            }

            if (text[i] != '.' || i + 1 == text.Length)
            {
                return false;
            }

            for (i++; i < text.Length; i++)
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsZero(ReadOnlySpan<char> number) => number.IndexOfAnyExcept('0', '.') < 0;

        private static bool TryParseCommittee(ReadOnlySpan<char> text, out Committee committee, out string problem)
        {
            committee = default;
            problem = string.Empty;
            if (text.Length == 0)
            {
                problem = "the committee is empty; write its six-digit region code (520112).";
                return false;
            }

            int slash = text.IndexOf('/');
            var codeText = slash < 0 ? text : text[..slash];
            if (!RegionCode.TryParse(codeText, out var code))
            {
                problem = $"'{Shorten(codeText)}' is not a six-digit region code (such as 520112).";
                return false;
            }

            if (slash < 0)
            {
                committee = new Committee(code);
                return true;
            }

            var word = text[(slash + 1)..];
            AdministrativeLevel? level = word switch
            {
                "province" => AdministrativeLevel.Province,
                "prefecture" => AdministrativeLevel.Prefecture,
                "county" => AdministrativeLevel.County,
                _ => null,
            };
            if (level is null)
            {
                problem = $"'{Shorten(word)}' is not a level; write code/province, code/prefecture or code/county.";
                return false;
            }

            committee = new Committee(code, level.Value);
            return true;
        }

        /// <summary>The rules that tie measure, unit, qualifier and value together; each broken one is an error on the row.</summary>
        private bool CheckFigureRules(Measure measure, FigureUnit unit, ref Qualifier qualifier, string qualifierText, decimal? value, ReadOnlySpan<char> valueText)
        {
            if (measure.IsRate != unit.IsPercent)
            {
                return Error(FigureCsvFormat.UnitColumn, measure.IsRate
                    ? $"a rate or share ({measure}) is stated in %, not '{unit}'."
                    : $"the unit % belongs to rates and shares (rate.*, share.*), not to the count {measure}.");
            }

            if (!measure.IsRate)
            {
                return qualifier != Qualifier.PercentReported
                    || Error(FigureCsvFormat.QualifierColumn, $"only a rate or share (rate.*, share.*) can be qualified percent_reported; {measure} is a count.");
            }

            if (qualifier == Qualifier.Exact)
            {
                // A printed percentage marked 'exact' is read as the stated rate it is (rounded to its digits).
                Warning(FigureCsvFormat.QualifierColumn, $"the rate {measure} is qualified 'exact'; a printed percentage is read as percent_reported.");
                qualifier = Qualifier.PercentReported;
            }

            if (qualifier == Qualifier.All)
            {
                return Error(FigureCsvFormat.QualifierColumn, $"the rate {measure} cannot be qualified 'all'; write 「均为100%」 as 100, percent_reported.");
            }

            return value is not > 100m
                || Error(FigureCsvFormat.ValueColumn, $"the stated rate {Shorten(valueText)}% ({qualifierText}) is above 100%.");
        }

        private bool Error(string? column, string message)
        {
            findings.Add(new FigureCsvFinding(currentLine, column, FigureCsvFindingSeverity.Error, message));
            return false;
        }

        private void Warning(string? column, string message) =>
            findings.Add(new FigureCsvFinding(currentLine, column, FigureCsvFindingSeverity.Warning, message));

        /// <summary>Text echoed into a message: at most 40 characters, then an ellipsis and the full length, so a huge bad value does not flood the output.</summary>
        private static string Shorten(ReadOnlySpan<char> text) =>
            text.Length <= MaxShown ? text.ToString() : string.Create(CultureInfo.InvariantCulture, $"{text[..MaxShown]}… ({text.Length} characters)");
    }
}
