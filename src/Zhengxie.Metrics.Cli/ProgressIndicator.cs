using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace Zhengxie.Metrics.Cli;

/// <summary>
/// Shows reading progress on stderr (<c>reading data.csv: 45% (12000 rows)</c>, rewritten in place),
/// but only once reading has taken more than a second, so small inputs print nothing.
/// </summary>
internal sealed class ProgressIndicator : IProgress<int>, IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly TextWriter stderr;
    private readonly Stream? stream;
    private readonly string name;
    private readonly Func<TimeSpan> elapsedTime;
    private TimeSpan? lastShown;
    private int shownWidth;

    internal ProgressIndicator(TextWriter stderr, string name, Stream? stream)
        : this(stderr, name, stream, Stopwatch.StartNew())
    {
    }

    private ProgressIndicator(TextWriter stderr, string name, Stream? stream, Stopwatch clock)
        : this(stderr, name, stream, () => clock.Elapsed)
    {
    }

    /// <summary>Creates the indicator with a source of elapsed time (the tests drive it by hand).</summary>
    internal ProgressIndicator(TextWriter stderr, string name, Stream? stream, Func<TimeSpan> elapsedTime)
    {
        this.stderr = stderr;
        this.name = name;
        this.stream = stream;
        this.elapsedTime = elapsedTime;
    }

    public void Report(int value)
    {
        var elapsed = elapsedTime();
        if (elapsed < Delay || (lastShown is { } last && elapsed - last < Interval))
        {
            return;
        }

        lastShown = elapsed;
        string percent = stream is { CanSeek: true, Length: > 0 }
            ? string.Create(CultureInfo.InvariantCulture, $"{stream.Position * 100 / stream.Length}% ")
            : string.Empty;
        string text = string.Create(CultureInfo.InvariantCulture, $"reading {name}: {percent}({value} rows)");
        stderr.Write("\r" + text.PadRight(shownWidth));
        shownWidth = text.Length;
    }

    public void Dispose()
    {
        if (shownWidth > 0)
        {
            stderr.Write("\r" + new string(' ', shownWidth) + "\r");
            shownWidth = 0;
        }
    }
}
