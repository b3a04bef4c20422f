using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using nietras.SeparatedValues;
using Zhengxie.Metrics.Aggregation;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// Reads figures from the long CSV format of <see cref="FigureCsvFormat"/> (see <c>docs/csv-format.md</c>),
/// parsed by Sep. Every problem in the file becomes a <see cref="FigureCsvFinding"/> naming its line
/// and column; reading never stops at the first one. The file is streamed: memory grows with the figures
/// kept (one per distinct committee, period, measure, scope and topic), not with the file. Thread-safe (stateless).
/// </summary>
public static partial class FigureCsvReader
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
        return new Session(progress, 0, null).Run(reader, null, null);
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
        return ReadCore(stream, encoding, progress, null);
    }

    /// <summary>
    /// Reads figures from a stream straight into a dataset builder, without a <see cref="Figure"/> per row: the rows
    /// are kept as columns and handed to <see cref="FigureDatasetBuilder.AddColumns(FigureColumns)"/> once the whole
    /// stream is read. The builder gets exactly the figures <see cref="Read(Stream, FigureCsvEncoding, IProgress{int}?)"/>
    /// returns (those of the valid rows, each distinct figure once), and the findings are the same, line for line.
    /// </summary>
    /// <param name="builder">The builder the figures of the valid rows are added to; nothing is added when the stream does not decode.</param>
    /// <param name="stream">The stream. Not closed.</param>
    /// <param name="encoding">The text's encoding: UTF-8 (the format's) or GB18030 (GBK).</param>
    /// <param name="progress">Told the number of data rows read so far; may be <see langword="null"/>.</param>
    /// <returns>The findings and counts; its <see cref="FigureCsvResult.Figures"/> is empty (the figures went to the builder), its <see cref="FigureCsvResult.FigureCount"/> says how many.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="encoding"/> is not defined.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static FigureCsvResult ReadInto(FigureDatasetBuilder builder, Stream stream, FigureCsvEncoding encoding = FigureCsvEncoding.Utf8, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(stream);
        return ReadCore(stream, encoding, progress, builder);
    }

    /// <summary>
    /// Reads figures from a CSV file straight into a dataset builder, without a <see cref="Figure"/> per row (see
    /// <see cref="ReadInto(FigureDatasetBuilder, Stream, FigureCsvEncoding, IProgress{int}?)"/>).
    /// </summary>
    /// <param name="builder">The builder the figures of the valid rows are added to; nothing is added when the file does not decode.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="encoding">The file's encoding.</param>
    /// <param name="progress">Told the number of data rows read so far; may be <see langword="null"/>.</param>
    /// <returns>The findings and counts; its <see cref="FigureCsvResult.Figures"/> is empty, its <see cref="FigureCsvResult.FigureCount"/> says how many figures went to the builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it is missing).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static FigureCsvResult ReadInto(FigureDatasetBuilder builder, string path, FigureCsvEncoding encoding = FigureCsvEncoding.Utf8, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        return ReadCore(stream, encoding, progress, builder);
    }

    /// <summary>
    /// Reads figures from a stream as columns, without a <see cref="Figure"/> per row, and hands them to
    /// <paramref name="handler"/> once the whole stream is read (so a stream that does not decode hands over no row):
    /// the rows <see cref="ReadInto(FigureDatasetBuilder, Stream, FigureCsvEncoding, IProgress{int}?)"/> would add to a
    /// builder, for a caller that does something else with them (such as <c>FigureValidator.Validate(FigureColumns, …)</c>).
    /// The reader's own tables (the duplicate look-up) are released before the call.
    /// </summary>
    /// <param name="stream">The stream. Not closed.</param>
    /// <param name="encoding">The text's encoding: UTF-8 (the format's) or GB18030 (GBK).</param>
    /// <param name="handler">Called once with the figures of the valid rows (each distinct figure once, in file order; none when the stream does not decode) and the result this method returns; the spans are valid during the call only.</param>
    /// <param name="progress">Told the number of data rows read so far; may be <see langword="null"/>.</param>
    /// <returns>The findings and counts; its <see cref="FigureCsvResult.Figures"/> is empty, its <see cref="FigureCsvResult.FigureCount"/> says how many figures the handler got.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="handler"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="encoding"/> is not defined.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static FigureCsvResult ReadColumns(Stream stream, FigureCsvEncoding encoding, FigureColumnsHandler handler, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(handler);
        return ReadCoreTo(stream, encoding, progress, new KeptColumns.Target(null, handler));
    }

    private static FigureCsvResult ReadCore(Stream stream, FigureCsvEncoding encoding, IProgress<int>? progress, FigureDatasetBuilder? builder) =>
        ReadCoreTo(stream, encoding, progress, builder is null ? null : new KeptColumns.Target(builder, null));

    private static FigureCsvResult ReadCoreTo(Stream stream, FigureCsvEncoding encoding, IProgress<int>? progress, KeptColumns.Target? builder)
    {
        if (encoding == FigureCsvEncoding.Utf8)
        {
            using var checking = new Utf8CheckingStream(stream);
            using var utf8 = new StreamReader(checking, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: true);
            return new Session(progress, RemainingBytes(stream), builder).Run(utf8, checking, encoding);
        }

        if (encoding != FigureCsvEncoding.Gb18030)
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Not a defined encoding.");
        }

        var gb18030 = Gb18030;
        using var checkingGb = new Gb18030CheckingStream(stream, gb18030);
        using var reader = new StreamReader(checkingGb, gb18030, detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: true);
        return new Session(progress, RemainingBytes(stream), builder).Run(reader, null, encoding);
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

    /// <summary>The bytes left in a seekable stream (to size the tables once), or 0.</summary>
    private static long RemainingBytes(Stream stream) => stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : 0;

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
    private sealed partial class Session
    {
        private const int MaxShown = 40;
        private static readonly Func<string, Measure> MakeMeasure = s => Measure.TryParse(s, out var m) ? m : default;
        private static readonly Func<string, FigureUnit> MakeUnit = s => s.Length == 0 || s is "万" or "亿" ? default : new FigureUnit(s);
        private static readonly Func<string, bool> NoValue = _ => false;
        private static readonly Func<string, FigureSource> MakeSource = s => new FigureSource(null, s);

        private const int SampleRows = 1024;
        private readonly IProgress<int>? progress;
        private readonly long expectedBytes;
        private long sampleBytes;
        private readonly List<Figure> figures = [];
        private readonly KeptColumns.Target? target;
        private readonly KeptColumns? kept;
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
        private readonly char[] lastCommitteeText = new char[32];
        private int lastCommitteeLength;
        private Committee lastCommittee;
        private string lastPeriodText = string.Empty;
        private ReportingPeriod lastPeriod;
        private ReportingPeriod slotPeriod;
        private int slotPeriodNumber = -1;
        private bool rowHasQuote;

        internal Session(IProgress<int>? progress, long expectedBytes, KeptColumns.Target? target)
        {
            this.progress = progress;
            this.expectedBytes = expectedBytes;
            this.target = target;
            kept = target is null ? null : new KeptColumns();
        }

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
                    if (rows <= SampleRows && expectedBytes > 0)
                    {
                        SizeTables(rows, row.Span);
                    }

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
                kept?.Clear();
            }
            else if (map is null && findings.Count == 0)
            {
                findings.Add(new FigureCsvFinding(0, null, FigureCsvFindingSeverity.Error, "The file is empty: it needs the header " + string.Join(",", FigureCsvFormat.RequiredColumns) + "."));
            }

            progress?.Report(rows);
            findings.Sort((a, b) => a.Line.CompareTo(b.Line));
            if (kept is null)
            {
                return new FigureCsvResult(figures.AsReadOnly(), findings.AsReadOnly(), rows, figures.Count);
            }

            // The duplicate look-up is done with: released before the rows are handed over.
            seen.Clear();
            seen.TrimExcess();
            seenWithTopic.Clear();
            seenWithTopic.TrimExcess();
            figureLines.Clear();
            figureLines.TrimExcess();
            var result = new FigureCsvResult(Array.Empty<Figure>(), findings.AsReadOnly(), rows, kept.Count);
            kept.HandTo(target!, result);
            return result;
        }

        /// <summary>
        /// After the first rows, sizes the figure list and the identity table for the rows the rest of the
        /// stream holds at their average length, so they never grow by copying (at most one row per 32 bytes).
        /// </summary>
        private void SizeTables(int rows, ReadOnlySpan<char> row)
        {
            sampleBytes += Encoding.UTF8.GetByteCount(row) + 2;
            if (rows < SampleRows)
            {
                return;
            }

            long estimate = Math.Min(expectedBytes / Math.Max(32, sampleBytes / rows), 1 << 26) + 1024;
            if (kept is not null)
            {
                kept.Resize((int)estimate);
                figureLines.Capacity = (int)estimate;
                seen.EnsureCapacity((int)estimate);
            }
            else if (estimate > figures.Capacity)
            {
                figures.Capacity = (int)estimate;
                figureLines.Capacity = (int)estimate;
                seen.EnsureCapacity((int)estimate);
            }
        }

        private static string Name(FigureCsvEncoding? encoding) => encoding == FigureCsvEncoding.Gb18030 ? "GB18030" : "UTF-8";

        private static string Hex(byte[]? bytes) => bytes is null ? "?" : Convert.ToHexString(bytes);

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
    }
}
