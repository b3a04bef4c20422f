using System;
using System.Buffers;
using System.IO;
using System.Text.Unicode;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// Passes bytes through while checking they are valid UTF-8. At the first invalid byte it stops (the
/// reader sees the end of the input there) and records the line (1 + the line feeds before it) and the
/// byte; a sequence split between two reads is carried over to the next.
/// </summary>
internal sealed class Utf8CheckingStream : Stream
{
    private readonly Stream inner;
    private readonly byte[] carry = new byte[4];
    private char[] scratch = [];
    private int carryLength;
    private long lineFeeds;
    private bool stopped;

    internal Utf8CheckingStream(Stream inner) => this.inner = inner;

    /// <summary>Gets the line of the first invalid byte, or 0 when every byte so far was valid.</summary>
    internal int InvalidLine { get; private set; }

    /// <summary>Gets the first invalid byte (meaningful when <see cref="InvalidLine"/> is set).</summary>
    internal byte InvalidByte { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (stopped || buffer.Length < 8)
        {
            return stopped ? 0 : ReadSmall(buffer);
        }

        while (true)
        {
            int n = carryLength;
            carry.AsSpan(0, carryLength).CopyTo(buffer);
            carryLength = 0;
            int read = inner.Read(buffer[n..]);
            bool final = read == 0;
            n += read;
            if (n == 0)
            {
                return 0;
            }

            var bytes = buffer[..n];
            int valid = ValidPrefix(bytes, final, out bool invalid);
            lineFeeds += bytes[..valid].Count((byte)'\n');
            if (invalid)
            {
                InvalidLine = (int)Math.Min(int.MaxValue, lineFeeds + 1);
                InvalidByte = bytes[valid];
                stopped = true;
                return valid;
            }

            bytes[valid..].CopyTo(carry);
            carryLength = n - valid;
            if (valid > 0)
            {
                return valid;
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int ReadSmall(Span<byte> buffer)
    {
        Span<byte> big = stackalloc byte[64];
        int n = Read(big);
        if (n <= buffer.Length)
        {
            big[..n].CopyTo(buffer);
            return n;
        }

        // Not expected from StreamReader (its buffers are larger); kept correct by carrying the rest.
        throw new NotSupportedException("Read buffers of fewer than 8 bytes are not supported.");
    }

    /// <summary>The length of the longest prefix of whole, valid UTF-8 characters; <paramref name="invalid"/> when it ends at an invalid byte.</summary>
    private int ValidPrefix(ReadOnlySpan<byte> bytes, bool final, out bool invalid)
    {
        invalid = false;
        int firstNonAscii = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        if (firstNonAscii < 0)
        {
            return bytes.Length;
        }

        // Whole valid text (the usual case): checked without transcoding. Otherwise (an invalid byte, or a character
        // split at the end of the buffer) the transcoder finds where the valid prefix ends.
        if (Utf8.IsValid(bytes[firstNonAscii..]))
        {
            return bytes.Length;
        }

        if (scratch.Length < bytes.Length)
        {
            scratch = new char[Math.Max(bytes.Length, 4096)];
        }

        var status = Utf8.ToUtf16(bytes, scratch, out int read, out _, replaceInvalidSequences: false, isFinalBlock: final);
        invalid = status == OperationStatus.InvalidData;
        return read;
    }
}
