using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using Zhengxie.Metrics.Extraction;
using Zhengxie.Metrics.Tests.Extraction.Scoring;

namespace Zhengxie.Metrics.Tests.Extraction;

/// <summary>
/// The extractor scored on the hand-made gold (every figure of the five seeds; the passages in the phrasing of other
/// reports) with the rules of score_extraction.py: at least 95 % precision, 90 % recall and 90 % measure agreement.
/// </summary>
public class ExtractionQualityTest(ITestOutputHelper output)
{
    private static readonly ReportExtractor Extractor = new();

    internal static IReadOnlyList<GoldFigure> Predict(GoldReport report)
    {
        var result = Extractor.Extract(report.Text);
        return result.Figures.Select(GoldFigure.From).ToList();
    }

    private ExtractionScore ScoreAndReport(string name, IReadOnlyList<GoldReport> gold)
    {
        gold.Should().NotBeEmpty();
        var score = ExtractionScorer.Score(gold.Select(g => (g, Predict(g))));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {score}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: precision {score.Precision:P1}, recall {score.Recall:P1}, measure {score.IndicatorRate:P1}, qualifier {score.QualifierRate:P1}"));
        foreach (string line in score.Missed.Concat(score.Extra).Concat(score.Mismatch))
        {
            output.WriteLine("  " + line);
        }

        return score;
    }

    [Fact]
    public void Seeds_gold()
    {
        var score = ScoreAndReport("seeds", ExtractionGold.LoadSeeds());
        score.Precision.Should().BeGreaterThanOrEqualTo(0.95);
        score.Recall.Should().BeGreaterThanOrEqualTo(0.90);
        score.IndicatorRate.Should().BeGreaterThanOrEqualTo(0.90);
    }

    [Fact]
    public void Passages_gold()
    {
        var score = ScoreAndReport("passages", ExtractionGold.LoadPassages());
        score.Precision.Should().BeGreaterThanOrEqualTo(0.95);
        score.Recall.Should().BeGreaterThanOrEqualTo(0.90);
        score.IndicatorRate.Should().BeGreaterThanOrEqualTo(0.90);
    }

    [Fact]
    public void Breakdowns_of_the_passages_are_found_apart()
    {
        var gold = ExtractionGold.LoadPassages().Where(g => g.Breakdowns.Count > 0).ToList();
        var score = ExtractionScorer.Score(gold.Select(g => (
            g with { Figures = g.Breakdowns },
            (IReadOnlyList<GoldFigure>)Extractor.Extract(g.Text).Breakdowns.Select(GoldFigure.From).ToList())));
        output.WriteLine("breakdowns: " + score);
        score.Recall.Should().BeGreaterThanOrEqualTo(0.90);
        score.Precision.Should().BeGreaterThanOrEqualTo(0.90);
    }
}
