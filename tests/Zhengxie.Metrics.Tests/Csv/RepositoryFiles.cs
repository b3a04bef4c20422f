using System;
using System.IO;

namespace Zhengxie.Metrics.Tests.Csv;

/// <summary>Files of the repository (docs/data, the seed jsonl) found from the test's output folder, and temporary folders.</summary>
internal static class RepositoryFiles
{
    internal static string Root { get; } = FindRoot();

    internal static string SeedReportsCsv => Path.Combine(Root, "docs", "data", "seed-reports.csv");

    internal static string ZhejiangSyntheticCsv => Path.Combine(Root, "docs", "data", "zhejiang-synthetic.csv");

    internal static string SeedJsonl => Path.Combine(Root, "src", "Zhengxie.Metrics", "Data", "seed-figures.jsonl");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "data", "seed-reports.csv")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (docs/data/seed-reports.csv) above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder, deleted on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    internal TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "zhengxie-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    internal string Path { get; }

    internal string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
