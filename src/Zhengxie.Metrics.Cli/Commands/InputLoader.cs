using System.Collections.Generic;
using System.IO;
using Zhengxie.Metrics.Csv;

namespace Zhengxie.Metrics.Cli.Commands;

/// <summary>Reads the figures a command works on: a CSV file, or the built-in seed reports.</summary>
internal static class InputLoader
{
    internal const string SeedName = "built-in seed reports";

    /// <summary>Reads a CSV file, with a progress indicator on stderr for inputs that take more than a moment.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    internal static FigureCsvResult ReadFile(string path, TextWriter stderr)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        using var progress = new ProgressIndicator(stderr, Path.GetFileName(path), stream);
        return FigureCsvReader.Read(stream, progress);
    }

    internal static IReadOnlyList<Figure> Seed() => SampleData.SeedReports.AllFigures;
}
