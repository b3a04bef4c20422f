using System;
using System.Buffers;
using System.IO;
using System.Text.Unicode;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// Text from a block of UTF-8 bytes, checked as it is decoded (one pass: no separate validation). At the first
/// invalid byte it ends (the reader sees the end of the input there) and records where, as
/// <see cref="Utf8CheckingStream"/> does for a stream. The block is taken as whole: a character cut at its end is invalid.
/// </summary>
internal sealed class Utf8ChunkReader : TextReader
{
    private readonly byte[] bytes;
    private readonly int length;
    private int position;
    private char pending;
    private bool hasPending;

    /// <summary>Initializes a reader over the first <paramref name="length"/> bytes of <paramref name="bytes"/>.</summary>
    internal Utf8ChunkReader(byte[] bytes, int length)
    {
        this.bytes = bytes;
        this.length = length;
    }

    /// <summary>Gets the offset of the first invalid byte in the block, or -1 when every byte so far was valid.</summary>
    internal int InvalidAt { get; private set; } = -1;

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        int written = 0;
        if (hasPending)
        {
            buffer[0] = pending;
            hasPending = false;
            written = 1;
        }

        if (InvalidAt >= 0 || position >= length)
        {
            return written;
        }

        var status = Utf8.ToUtf16(bytes.AsSpan(position, length - position), buffer[written..], out int read, out int decoded, replaceInvalidSequences: false, isFinalBlock: true);
        position += read;
        written += decoded;
        if (status == OperationStatus.InvalidData)
        {
            InvalidAt = position;
        }
        else if (status == OperationStatus.DestinationTooSmall && written == 0)
        {
            // Room for one character and a surrogate pair next: the pair is decoded aside, its second half kept.
            Span<char> pair = stackalloc char[2];
            Utf8.ToUtf16(bytes.AsSpan(position, Math.Min(4, length - position)), pair, out read, out decoded, replaceInvalidSequences: false, isFinalBlock: true);
            position += read;
            buffer[0] = pair[0];
            pending = pair[1];
            hasPending = decoded == 2;
            written = 1;
        }

        return written;
    }

    /// <inheritdoc/>
    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }
}
