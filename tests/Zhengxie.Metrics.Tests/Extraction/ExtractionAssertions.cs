using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Zhengxie.Metrics.Extraction;

namespace Zhengxie.Metrics.Tests.Extraction;

/// <summary>Shared helpers for the extractor's tests.</summary>
internal static class ExtractionAssertions
{
    public static readonly ReportExtractor Extractor = new();

    public static ExtractionResult Extract(string text) => Extractor.Extract(text);

    /// <summary>The single figure of a measure.</summary>
    public static ExtractedFigure Figure(this ExtractionResult result, string measure)
    {
        var found = result.Figures.Where(f => f.Measure.Id == measure).ToList();
        found.Should().ContainSingle($"one {measure} in [{string.Join("; ", result.Figures)}]");
        return found[0];
    }

    public static IEnumerable<string> Measures(this ExtractionResult result) => result.Figures.Select(f => f.Measure.Id);

    /// <summary>Checks value, unit, qualifier, and that the quote is the original text at its offsets.</summary>
    public static ExtractedFigure Is(this ExtractedFigure figure, decimal? value, string unit, Qualifier qualifier = Qualifier.Exact)
    {
        figure.Value.Should().Be(value, figure.ToString());
        figure.Unit.Symbol.Should().Be(unit, figure.ToString());
        figure.Qualifier.Should().Be(qualifier, figure.ToString());
        return figure;
    }

    public static void QuoteIsAt(this ExtractedFigure figure, string original)
    {
        original.Substring(figure.Start, figure.Length).Should().Be(figure.Quote);
    }
}
