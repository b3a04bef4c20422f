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
    /// <param name="handler">Called once with the figures of the valid rows (each distinct figure once, in file order; none when the stream does not decode) and the result this method returns; the spans are valid during the call only. An optional column whose every row has its default (every figure exact, of the committee's own work, without topic or without source) comes empty, as <see cref="FigureColumns"/> allows.</param>
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

    private static FigureCsvResult ReadCoreTo(Stream stream, FigureCsvEncoding encoding, IProgress<int>? progress, KeptColumns.Target? builder) =>
        ReadCoreTo(stream, encoding, progress, builder, ReadOptions.Default);

    /// <summary>
    /// Reads with the given options (tests compare the parallel read with the single-threaded one): a figure list
    /// (<paramref name="builder"/> and <paramref name="handler"/> <see langword="null"/>), a builder, or a handler.
    /// </summary>
    internal static FigureCsvResult Read(Stream stream, FigureCsvEncoding encoding, ReadOptions options, FigureDatasetBuilder? builder = null, FigureColumnsHandler? handler = null, IProgress<int>? progress = null) =>
        ReadCoreTo(stream, encoding, progress, builder is null && handler is null ? null : new KeptColumns.Target(builder, handler), options);

    private static FigureCsvResult ReadCoreTo(Stream stream, FigureCsvEncoding encoding, IProgress<int>? progress, KeptColumns.Target? builder, ReadOptions options)
    {
        if (encoding is not (FigureCsvEncoding.Utf8 or FigureCsvEncoding.Gb18030))
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Not a defined encoding.");
        }

        // A builder gets the rows as they are read: a read that fails (an IOException, the caller's progress throwing)
        // drops them again, so the builder is as it was before the call.
        var session = new Session(progress, RemainingBytes(stream), builder);
        try
        {
            if (encoding == FigureCsvEncoding.Utf8)
            {
                return options.Parallel ? session.RunChunked(stream, options.ChunkBytes) : session.RunUtf8(stream);
            }

            var gb18030 = Gb18030;
            using var checkingGb = new Gb18030CheckingStream(stream, gb18030);
            using var reader = new StreamReader(checkingGb, gb18030, detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: true);
            return session.Run(reader, null, encoding);
        }
        catch
        {
            session.Abort();
            throw;
        }
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
}
