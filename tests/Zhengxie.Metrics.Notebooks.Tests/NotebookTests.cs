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
        var run = await RunAsync(notebook);

        run.CellsRun.Should().BeGreaterThan(0);
        run.Displayed.Should().NotBeEmpty("a notebook shows its results");
        run.Displayed.Should().OnlyContain(d => d.Html.Length > 0);
    }

    [Fact]
    public void The_analysis_notebook_reads_its_tables_through_tidy_rows_not_row_indices()
    {
        string code = string.Concat(NotebookRunner.ReadCells(Path.Combine(RepositoryRoot(), "docs", "notebooks", "analysis.ipynb")).Select(c => c.Source));

        code.Should().Contain(".Observations()", "the chart is drawn from the tidy observations");
        code.Should().NotContain("FindRow").And.NotContain("GetValue(", "rows are read by group and period, or as observations, never by index");
    }

    /// <summary>
    /// The committed notebooks carry the outputs a fresh run gives (tables as HTML and text, charts as SVG),
    /// so they read well on a repository page. With ZHENGXIE_UPDATE_NOTEBOOKS=1 the test writes them first:
    /// <c>ZHENGXIE_UPDATE_NOTEBOOKS=1 dotnet test tests/Zhengxie.Metrics.Notebooks.Tests</c>.
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task The_committed_outputs_are_those_of_a_fresh_run(string notebook)
    {
        string path = Path.Combine(RepositoryRoot(), "docs", "notebooks", notebook);
        var run = await RunAsync(notebook);
        if (Environment.GetEnvironmentVariable(NotebookOutputs.UpdateVariable) == "1")
        {
            NotebookOutputs.Write(path, run);
        }

        NotebookOutputs.Differences(path, run).Should().BeEmpty(
            "docs/notebooks/{0} must be committed with the outputs of a fresh run; refresh them with {1}=1 dotnet test tests/Zhengxie.Metrics.Notebooks.Tests (see docs/notebooks/README.md)",
            notebook,
            NotebookOutputs.UpdateVariable);
    }

    /// <summary>Runs each notebook once for all the tests of this class (they run one after another).</summary>
    private static Task<NotebookRun> RunAsync(string notebook)
    {
        lock (Runs)
        {
            if (!Runs.TryGetValue(notebook, out var run))
            {
                run = NotebookRunner.RunAsync(Path.Combine(RepositoryRoot(), "docs", "notebooks", notebook));
                Runs.Add(notebook, run);
            }

            return run;
        }
    }

    private static readonly Dictionary<string, Task<NotebookRun>> Runs = new(StringComparer.Ordinal);

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
