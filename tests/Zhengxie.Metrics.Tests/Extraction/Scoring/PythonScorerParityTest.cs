using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.Csv;

namespace Zhengxie.Metrics.Tests.Extraction.Scoring;

/// <summary>The C# scorer and ../shared/tools/score_extraction.py give the same counts on the same files.</summary>
public class PythonScorerParityTest
{
    [PythonScorerFact]
    public void The_hand_made_cases_score_the_same_as_with_the_python_scorer()
    {
        var cases = ScoringCases.All().ToList();

        AssertSameCounts(cases);
    }

    [PythonScorerFact]
    public void The_seed_gold_against_a_perturbed_copy_scores_the_same_as_with_the_python_scorer()
    {
        var seeds = ExtractionGold.LoadSeeds();
        seeds.Should().NotBeEmpty();
        var cases = seeds.Select(r => (r, (IReadOnlyList<GoldFigure>)Perturb(r.Figures))).ToList();

        AssertSameCounts(cases);
    }

    [PythonScorerFact]
    public void The_passage_gold_against_a_perturbed_copy_scores_the_same_as_with_the_python_scorer()
    {
        var passages = ExtractionGold.LoadPassages();
        passages.Should().NotBeEmpty();
        var cases = passages.Select(r => (r, (IReadOnlyList<GoldFigure>)Perturb(r.Figures))).ToList();

        AssertSameCounts(cases);
    }

    [PythonScorerFact]
    public void The_seed_gold_against_itself_scores_the_same_as_with_the_python_scorer()
    {
        var seeds = ExtractionGold.LoadSeeds();
        var cases = seeds.Select(r => (r, r.Figures)).ToList();

        AssertSameCounts(cases);
        PythonCounts(cases).Should().Contain(c => c > 0);
    }

    /// <summary>Drops, renames, requalifies, re-units and moves figures, so that every rule is exercised.</summary>
    private static List<GoldFigure> Perturb(IReadOnlyList<GoldFigure> figures)
    {
        var output = new List<GoldFigure>();
        for (int i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            switch (i % 7)
            {
                case 0: output.Add(f); break;
                case 1: break;
                case 2: output.Add(f with { Indicator = f.Indicator.StartsWith("activity.", StringComparison.Ordinal) ? "activity.other" : "proposals.replied" }); break;
                case 3: output.Add(f with { Qualifier = "about" }); break;
                case 4: output.Add(f with { Unit = f.Unit == "场次" ? "场" : "次" }); break;
                case 5: output.Add(f with { Quote = f.Quote.Length > 2 ? f.Quote[..2] : f.Quote }); break;
                default: output.Add(f with { Value = f.Value + 1 }); break;
            }
        }

        output.Reverse();
        return output;
    }

    private static void AssertSameCounts(List<(GoldReport Gold, IReadOnlyList<GoldFigure> Predicted)> cases)
    {
        var score = ExtractionScorer.Score(cases);

        PythonCounts(cases).Should().Equal(score.Gold, score.Predicted, score.Matched, score.IndicatorAgreement, score.QualifierAgreement);
    }

    private static int[] PythonCounts(List<(GoldReport Gold, IReadOnlyList<GoldFigure> Predicted)> cases)
    {
        cases.Select(c => c.Gold.Id).Should().OnlyHaveUniqueItems("the python scorer keys reports by id");
        using var folder = new TemporaryFolder();
        string gold = folder.File("gold.jsonl");
        string predicted = folder.File("pred.jsonl");
        ExtractionGold.WriteGold(gold, cases.Select(c => c.Gold));
        ExtractionGold.WritePredictions(predicted, cases.Select(c => (c.Gold.Id, c.Predicted)));
        string output = PythonScorer.Run(gold, predicted);
        var m = Regex.Match(output, @"figures: gold (\d+), predicted (\d+), matched (\d+);.*indicator agreement (\d+)/\d+, qualifier agreement (\d+)/\d+");
        m.Success.Should().BeTrue("the python scorer prints its summary line, not: " + output);
        return Enumerable.Range(1, 5).Select(i => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
    }
}

/// <summary>Finds and runs ../shared/tools/score_extraction.py (beside the repository root) with python3.</summary>
internal static class PythonScorer
{
    internal static string Script { get; } = FindScript();

    internal static string? Python { get; } = FindPython();

    internal static string? WhyUnavailable =>
        Python is null ? "python3 is not on PATH: the comparison with score_extraction.py is skipped"
        : !File.Exists(Script) ? $"{Script} is absent: the comparison with the python scorer is skipped"
        : null;

    internal static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.ArgumentList.Add(Script);
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, "score_extraction.py fails with: " + stderr.Result);
        return stdout;
    }

    /// <summary>
    /// The script at ../shared/tools beside the repository root (or beside a folder above it, for a clone kept
    /// in a sub-folder), or where ZHENGXIE_SCORE_EXTRACTION points.
    /// </summary>
    private static string FindScript()
    {
        string relative = Path.Combine("shared", "tools", "score_extraction.py");
        if (Environment.GetEnvironmentVariable("ZHENGXIE_SCORE_EXTRACTION") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        try
        {
            string first = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "..", relative));
            for (var dir = Directory.GetParent(RepositoryFiles.Root); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return first;
        }
        catch (InvalidOperationException)
        {
            return "../shared/tools/score_extraction.py (no repository root found)";
        }
    }

    private static string? FindPython()
    {
        string[] names = OperatingSystem.IsWindows() ? ["python3.exe", "python.exe"] : ["python3"];
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in names)
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>A fact that is skipped, with the reason, when python3 or score_extraction.py is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PythonScorerFactAttribute : FactAttribute
{
    public PythonScorerFactAttribute()
    {
        if (PythonScorer.WhyUnavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
