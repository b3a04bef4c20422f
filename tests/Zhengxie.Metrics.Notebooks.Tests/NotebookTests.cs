using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Notebooks.Tests;

public class NotebookTests
{
    public static IEnumerable<object[]> Notebooks() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "docs", "notebooks"), "*.ipynb")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new object[] { Path.GetFileName(p) });

    [Fact]
    public void There_are_notebooks_to_run()
    {
        Notebooks().Should().HaveCountGreaterThanOrEqualTo(2);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_cell_runs_and_every_displayed_table_has_rows(string notebook)
    {
        string path = Path.Combine(RepositoryRoot(), "docs", "notebooks", notebook);
        var run = await NotebookRunner.RunAsync(path);

        run.CellsRun.Should().BeGreaterThan(0);
        run.Displayed.Should().NotBeEmpty("a notebook shows its results");
        run.Displayed.Should().OnlyContain(d => d.Html.Length > 0);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Zhengxie.Metrics.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Zhengxie.Metrics.sln not found above " + AppContext.BaseDirectory);
    }
}
