using System;
using System.IO;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Cli;

namespace Zhengxie.Metrics.Tests.Cli;

public class ProgressIndicatorTest
{
    [Fact]
    public void Shows_nothing_in_the_first_second_then_the_position_in_place_and_clears_it()
    {
        var elapsed = TimeSpan.Zero;
        var stderr = new StringWriter();
        using var stream = new MemoryStream(new byte[200]);
        using (var progress = new ProgressIndicator(stderr, "data.csv", stream, () => elapsed))
        {
            elapsed = TimeSpan.FromMilliseconds(900);
            progress.Report(1000);
            stderr.ToString().Should().BeEmpty();

            stream.Position = 50;
            elapsed = TimeSpan.FromSeconds(2);
            progress.Report(2000);
            stderr.ToString().Should().Be("\rreading data.csv: 25% (2000 rows)");

            elapsed += TimeSpan.FromMilliseconds(100);
            progress.Report(3000); // too soon to redraw
            stderr.ToString().Should().Be("\rreading data.csv: 25% (2000 rows)");
        }

        stderr.ToString().Should().EndWith("\r" + new string(' ', "reading data.csv: 25% (2000 rows)".Length) + "\r");
    }
}
