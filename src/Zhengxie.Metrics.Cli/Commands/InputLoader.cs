using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Zhengxie.Metrics.Csv;

namespace Zhengxie.Metrics.Cli.Commands;

/// <summary>Reads the figures a command works on: a CSV file, or the built-in seed reports.</summary>
internal static class InputLoader
{
    internal const string SeedName = "built-in seed reports";

    /// <summary>Creates the <c>--encoding</c> option every command that reads a file has: utf-8 (default) or gb18030 (gbk is its subset).</summary>
    internal static Option<string> EncodingOption()
    {
        var encoding = new Option<string>("--encoding")
        {
            Description = "The file's encoding: utf-8 (default) or gb18030 (also reads GBK), as Excel saves CSV in China.",
            DefaultValueFactory = _ => "utf-8",
        };
        Suggestions.AcceptOnly(encoding, "utf-8", "gb18030", "gbk");
        return encoding;
    }

    /// <summary>Reads a CSV file, with a progress indicator on stderr for inputs that take more than a moment.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    internal static FigureCsvResult ReadFile(string path, TextWriter stderr, string? encoding = null)
    {
        var csvEncoding = encoding is "gb18030" or "gbk" ? FigureCsvEncoding.Gb18030 : FigureCsvEncoding.Utf8;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        using var progress = new ProgressIndicator(stderr, Path.GetFileName(path), stream);
        return FigureCsvReader.Read(stream, csvEncoding, progress);
    }

    /// <summary>Reads a CSV file as columns (no <see cref="Figure"/> per row), handing them to <paramref name="handler"/> once read; with a progress indicator on stderr.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    internal static FigureCsvResult ReadColumns(string path, TextWriter stderr, string? encoding, FigureColumnsHandler handler)
    {
        var csvEncoding = encoding is "gb18030" or "gbk" ? FigureCsvEncoding.Gb18030 : FigureCsvEncoding.Utf8;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        using var progress = new ProgressIndicator(stderr, Path.GetFileName(path), stream);
        return FigureCsvReader.ReadColumns(stream, csvEncoding, handler, progress);
    }

    internal static IReadOnlyList<Figure> Seed() => SampleData.SeedReports.AllFigures;
}
