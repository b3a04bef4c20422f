using System;
using System.IO;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// Bytes already taken from a stream, then the rest of that stream: a read that started in parallel and falls back to
/// the single-threaded reader starts again from the first byte. A read is filled from both parts where it spans them,
/// so the reader sees the same reads as from the stream itself.
/// </summary>
internal sealed class ReplayStream : Stream
{
    private readonly byte[] prefix;
    private readonly Stream inner;
    private int position;

    /// <summary>Initializes a stream of <paramref name="prefix"/>, then of what <paramref name="inner"/> still holds.</summary>
    internal ReplayStream(byte[] prefix, Stream inner)
    {
        this.prefix = prefix;
        this.inner = inner;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, prefix.Length - position);
        prefix.AsSpan(position, n).CopyTo(buffer);
        position += n;
        return n == buffer.Length ? n : n + inner.Read(buffer[n..]);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
