using System;
using System.IO;
using System.Text;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// Passes GB18030 bytes through while decoding them once more with its own decoder, so that an invalid
/// byte is named by its exact line: the bytes before it are passed on, and the next read throws a
/// <see cref="Gb18030DecodingException"/> with the line (1 + the line feeds before it). A line feed is
/// never part of a multi-byte GB18030 character (trail bytes are 0x30 and above), so counting 0x0A bytes
/// counts lines. A sequence split between two reads is kept by the decoder.
/// </summary>
internal sealed class Gb18030CheckingStream : Stream
{
    private readonly Stream inner;
    private readonly Decoder decoder;
    private long lineFeeds;
    private Gb18030DecodingException? pending;

    internal Gb18030CheckingStream(Stream inner, Encoding gb18030)
    {
        this.inner = inner;
        decoder = gb18030.GetDecoder();
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (pending is not null)
        {
            throw pending;
        }

        int n = inner.Read(buffer);
        try
        {
            decoder.GetCharCount(buffer[..n], flush: n == 0 && buffer.Length > 0);
        }
        catch (DecoderFallbackException e)
        {
            // The bad bytes start at e.Index of this read (negative when they began in the previous one).
            int valid = Math.Clamp(e.Index, 0, n);
            long line = lineFeeds + buffer[..valid].Count((byte)'\n') + 1;
            pending = new Gb18030DecodingException((int)Math.Min(int.MaxValue, line), e.BytesUnknown ?? []);
            if (valid == 0)
            {
                throw pending;
            }

            return valid;
        }

        lineFeeds += buffer[..n].Count((byte)'\n');
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Bytes that are not valid GB18030, with the line they are on.</summary>
internal sealed class Gb18030DecodingException : Exception
{
    internal Gb18030DecodingException(int line, byte[] bytes)
        : base("Invalid GB18030 bytes on line " + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".")
    {
        Line = line;
        BytesUnknown = bytes;
    }

    /// <summary>Gets the line of the first invalid byte (1-based).</summary>
    internal int Line { get; }

    /// <summary>Gets the invalid bytes.</summary>
    internal byte[] BytesUnknown { get; }
}
