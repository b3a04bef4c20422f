using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Zhengxie.Metrics.Csv;

/// <content>
/// The parallel read of UTF-8: the bytes are cut into chunks at line breaks that are not inside quotes, each chunk is
/// decoded (checked as it is decoded) and parsed on a worker thread, and the session takes the chunks' rows in file order.
/// </content>
public static partial class FigureCsvReader
{
    /// <summary>How a stream is read: in parallel chunks of <paramref name="ChunkBytes"/> bytes, or on one thread.</summary>
    /// <param name="Parallel">Whether UTF-8 is read in chunks parsed on worker threads.</param>
    /// <param name="ChunkBytes">The bytes of a chunk (a chunk ends at the last line break before that, outside quotes; a longer row makes a longer chunk).</param>
    internal readonly record struct ReadOptions(bool Parallel, int ChunkBytes)
    {
        /// <summary>Gets the options of the public methods: parallel with more than one processor, in chunks of 256 KiB.</summary>
        internal static ReadOptions Default { get; } = new(Environment.ProcessorCount > 1, 1 << 18);
    }

    /// <summary>A chunk of the stream: whole rows (it ends after a line break outside quotes, or at the end of the stream).</summary>
    private sealed record Chunk(byte[] Bytes, int Length, bool Last);

    private sealed partial class Session
    {
        /// <summary>Reads UTF-8 on this thread: the bytes checked by <see cref="Utf8CheckingStream"/>, decoded by a <see cref="StreamReader"/>.</summary>
        internal FigureCsvResult RunUtf8(Stream stream)
        {
            using var checking = new Utf8CheckingStream(stream);
            using var utf8 = new StreamReader(checking, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: true);
            return Run(utf8, checking, FigureCsvEncoding.Utf8);
        }

        /// <summary>
        /// Reads UTF-8 in chunks: the first on this thread (it holds the header), the others on worker threads, at most
        /// two per processor at once; each chunk's rows are taken in file order as soon as it and those before it are
        /// parsed. A file whose first chunk has no usable header is read on this thread from its first byte.
        /// </summary>
        internal FigureCsvResult RunChunked(Stream stream, int chunkBytes)
        {
            var feeder = new ChunkFeeder(stream, chunkBytes);
            var first = feeder.Next();
            var parser = new RowParser(kept is null, new Interners());
            var parsed = new ParsedRows();
            if (first is not null)
            {
                Parse(parser, first, parsed);
            }

            if (first is null || parser.Map is null)
            {
                // Empty, only blank lines, or a header that is not usable: read as the single-threaded reader always did.
                return RunUtf8(new ReplayStream(feeder.Unread(first), stream));
            }

            if (!first.Last && parsed.Rows > 0)
            {
                SizeTables(first.Length / parsed.Rows);
            }

            int lineOffset = 0;
            long lineFeeds = 0;
            int invalidLine = Take(parsed, ref lineOffset, ref lineFeeds);
            byte invalidByte = parsed.InvalidByte;
            parsed.Clear();
            var pending = new Queue<ChunkJob>();
            var idle = new ConcurrentBag<RowParser> { parser };
            var spare = new ConcurrentBag<ParsedRows> { parsed };
            int inFlight = 2 * Math.Max(2, Environment.ProcessorCount);
            try
            {
                while (invalidLine == 0)
                {
                    while (pending.Count < inFlight && feeder.Next() is { } chunk)
                    {
                        var job = new ChunkJob(chunk, parser, idle, spare, feeder);
                        pending.Enqueue(job);
                        ThreadPool.UnsafeQueueUserWorkItem(static j => j.Run(), job, preferLocal: false);
                    }

                    if (pending.Count == 0)
                    {
                        break;
                    }

                    // The next chunk in file order: parsed here if no worker has started it (so a busy thread pool never
                    // stalls the read), else awaited.
                    var next = pending.Dequeue();
                    parsed = next.Result();
                    invalidLine = Take(parsed, ref lineOffset, ref lineFeeds);
                    invalidByte = parsed.InvalidByte;
                    parsed.Clear();
                    spare.Add(parsed);
                }
            }
            finally
            {
                // After an invalid byte the file ends, as read: the chunks not yet parsed are dropped, those being parsed
                // are awaited (no work left running) and dropped, whatever became of them.
                while (pending.Count > 0)
                {
                    pending.Dequeue().Abandon();
                }
            }

            if (invalidLine > 0)
            {
                NotUtf8(invalidLine, invalidByte);
            }

            return Finish(invalidLine > 0, parser.Map);
        }

        /// <summary>Takes a chunk's rows; returns the file's line of the chunk's invalid byte, or 0 when it has none.</summary>
        private int Take(ParsedRows parsed, ref int lineOffset, ref long lineFeeds)
        {
            Merge(parsed, lineOffset);
            int invalid = parsed.InvalidLine > 0 ? (int)Math.Min(int.MaxValue, lineFeeds + parsed.InvalidLine) : 0;
            lineOffset += parsed.LastLine;
            lineFeeds += parsed.LineFeeds;
            return invalid;
        }

        /// <summary>Decodes and parses one chunk (its lines counted from 1).</summary>
        internal static void Parse(RowParser parser, Chunk chunk, ParsedRows rows)
        {
            var text = new Utf8ChunkReader(chunk.Bytes, chunk.Length);
            using (var reader = NewSepReader(text))
            {
                foreach (var row in reader)
                {
                    if (!parser.Parse(row, rows))
                    {
                        break;
                    }
                }
            }

            var bytes = chunk.Bytes.AsSpan(0, chunk.Length);
            rows.LineFeeds = bytes.Count((byte)'\n');
            if (text.InvalidAt >= 0)
            {
                rows.InvalidLine = bytes[..text.InvalidAt].Count((byte)'\n') + 1;
                rows.InvalidByte = bytes[text.InvalidAt];
            }
        }
    }

    /// <summary>
    /// One chunk to parse: run by a worker of the thread pool or, if none has started it when its rows are needed, by the
    /// reading thread itself; whichever claims it first parses it.
    /// </summary>
    private sealed class ChunkJob
    {
        private readonly Chunk chunk;
        private readonly RowParser first;
        private readonly ConcurrentBag<RowParser> idle;
        private readonly ConcurrentBag<ParsedRows> spare;
        private readonly ChunkFeeder feeder;
        private readonly object gate = new();
        private bool done;
        private ParsedRows? rows;
        private ExceptionDispatchInfo? failure;
        private int claimed;

        internal ChunkJob(Chunk chunk, RowParser first, ConcurrentBag<RowParser> idle, ConcurrentBag<ParsedRows> spare, ChunkFeeder feeder)
        {
            this.chunk = chunk;
            this.first = first;
            this.idle = idle;
            this.spare = spare;
            this.feeder = feeder;
        }

        /// <summary>Parses the chunk unless another thread has claimed it.</summary>
        internal void Run()
        {
            if (Interlocked.Exchange(ref claimed, 1) != 0)
            {
                return;
            }

            try
            {
                var parser = idle.TryTake(out var p) ? p : first.Sibling();
                var parsed = spare.TryTake(out var r) ? r : new ParsedRows();
                Session.Parse(parser, chunk, parsed);
                idle.Add(parser);
                feeder.Return(chunk.Bytes);
                rows = parsed;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                lock (gate)
                {
                    done = true;
                    Monitor.PulseAll(gate);
                }
            }
        }

        /// <summary>The chunk's rows: parsed on this thread when no worker has started, else awaited; a parser's exception is rethrown here.</summary>
        internal ParsedRows Result()
        {
            Run();
            Wait();
            failure?.Throw();
            return rows!;
        }

        /// <summary>Drops the chunk: claimed so no worker starts it, or awaited when one has.</summary>
        internal void Abandon()
        {
            if (Interlocked.Exchange(ref claimed, 1) != 0)
            {
                Wait();
            }
        }

        private void Wait()
        {
            lock (gate)
            {
                while (!done)
                {
                    Monitor.Wait(gate);
                }
            }
        }
    }

    /// <summary>
    /// Cuts a stream into chunks of whole rows: fills a buffer, then cuts after the last line feed at which the quotes
    /// since the chunk's start are even (so not inside a quoted field, as Sep counts quotes); the bytes after the cut
    /// begin the next chunk. Used by one thread; <see cref="Return"/> may be called from any.
    /// </summary>
    private sealed class ChunkFeeder
    {
        private readonly Stream stream;
        private readonly int size;
        private readonly ConcurrentBag<byte[]> free = [];
        private byte[] carry = new byte[256];
        private int carryLength;
        private bool end;

        internal ChunkFeeder(Stream stream, int size)
        {
            this.stream = stream;
            this.size = Math.Max(1, size);
        }

        /// <summary>The next chunk, or <see langword="null"/> at the end of the stream.</summary>
        internal Chunk? Next()
        {
            if (end && carryLength == 0)
            {
                return null;
            }

            byte[] buffer = free.TryTake(out var reused) && reused.Length >= Math.Max(size, carryLength + 1) ? reused : new byte[Math.Max(size, carryLength * 2)];
            carry.AsSpan(0, carryLength).CopyTo(buffer);
            int filled = carryLength;
            carryLength = 0;
            while (true)
            {
                while (!end && filled < buffer.Length)
                {
                    int n = stream.Read(buffer, filled, buffer.Length - filled);
                    if (n == 0)
                    {
                        end = true;
                    }

                    filled += n;
                }

                if (end)
                {
                    return filled == 0 ? null : new Chunk(buffer, filled, true);
                }

                int cut = Cut(buffer.AsSpan(0, filled));
                if (cut > 0)
                {
                    int rest = filled - cut;
                    if (carry.Length < rest)
                    {
                        carry = new byte[rest * 2];
                    }

                    buffer.AsSpan(cut, rest).CopyTo(carry);
                    carryLength = rest;
                    return new Chunk(buffer, cut, false);
                }

                // No row ends in the buffer (a long row, or a quoted field across it): a longer buffer.
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }

        /// <summary>Gives a chunk's buffer back for a later chunk.</summary>
        internal void Return(byte[] buffer) => free.Add(buffer);

        /// <summary>The bytes taken from the stream so far that the first chunk left, with it: the stream's start.</summary>
        internal byte[] Unread(Chunk? first)
        {
            int length = first?.Length ?? 0;
            var bytes = new byte[length + carryLength];
            first?.Bytes.AsSpan(0, length).CopyTo(bytes);
            carry.AsSpan(0, carryLength).CopyTo(bytes.AsSpan(length));
            return bytes;
        }

        /// <summary>The offset after the last line feed outside quotes, or -1 when there is none.</summary>
        private static int Cut(ReadOnlySpan<byte> bytes)
        {
            int quotes = bytes.Count((byte)'"');
            int stop = bytes.Length;
            while (true)
            {
                int feed = bytes[..stop].LastIndexOf((byte)'\n');
                if (feed < 0)
                {
                    return -1;
                }

                quotes -= bytes[(feed + 1)..stop].Count((byte)'"');
                if ((quotes & 1) == 0)
                {
                    return feed + 1;
                }

                stop = feed;
            }
        }
    }
}
