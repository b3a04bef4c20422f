using System;
using System.Buffers;
using System.Collections.Generic;
using Zhengxie.Metrics.Extraction.Text;
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
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        try
        {
            // One character for one (full-width → ASCII, Traditional → Simplified, odd spaces) in a pooled buffer:
            // offsets do not move and nothing is allocated. Only text that NFKC changes in length (combining marks,
            // ligatures, format characters, surrogates) or with a line break that may be joined goes through
            // NormalizedText and its offset map, so both paths read a text the same way.
            int length = text.Length;
            NormalizedText? map = null;
            if (!FoldOneToOne(text, buffer))
            {
                map = NormalizedText.Create(text);
                if (map.Text.Length > buffer.Length)
                {
                    ArrayPool<char>.Shared.Return(buffer);
                    buffer = ArrayPool<char>.Shared.Rent(map.Text.Length);
                }

                map.Text.CopyTo(0, buffer, 0, map.Text.Length);
                length = map.Text.Length;
            }

            var scanner = new ReportScanner(text, buffer, length, map);
            scanner.Scan();

            var findings = scanner.Findings;
            var span = buffer.AsSpan(0, length);
            Committee? committee = context?.Committee;
            var committeeOrigin = ContextOrigin.Caller;
            if (committee is null)
            {
                committee = ContextReader.FindCommittee(span, Regions, ref findings);
                committeeOrigin = ContextOrigin.Text;
            }

            ReportingPeriod? period = context?.Period;
            var periodOrigin = ContextOrigin.Caller;
            if (period is null)
            {
                period = ContextReader.FindPeriod(span);
                periodOrigin = ContextOrigin.Text;
            }

            return new ExtractionResult(
                (IReadOnlyList<ExtractedFigure>?)scanner.Figures?.AsReadOnly() ?? Array.Empty<ExtractedFigure>(),
                (IReadOnlyList<ExtractedFigure>?)scanner.Breakdowns?.AsReadOnly() ?? Array.Empty<ExtractedFigure>(),
                (IReadOnlyList<UnclassifiedNumber>?)scanner.Unclassified?.AsReadOnly() ?? Array.Empty<UnclassifiedNumber>(),
                findings is null || findings.Count == 0 ? Array.Empty<ExtractionFinding>() : findings.AsReadOnly(),
                committee,
                period,
                committee is null ? ContextOrigin.Unknown : committeeOrigin,
                period is null ? ContextOrigin.Unknown : periodOrigin,
                context?.Document);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool FoldOneToOne(string text, char[] buffer)
    {
        for (int i = 0; i < text.Length; i++)
        {
            uint e = CharTable.Lookup(text[i]);
            uint kind = e & CharTable.KindMask;
            if (kind == CharTable.Map)
            {
                buffer[i] = (char)(e & 0xFFFF);
            }
            else if (kind == CharTable.Break)
            {
                // A line break inside a sentence (after an ideograph, a digit, %, a comma or 、) may be joined away,
                // which moves offsets: NormalizedText applies the whole rule. A break after anything else stays one.
                int p = i;
                while (p > 0 && buffer[p - 1] == ' ')
                {
                    p--;
                }

                if (p > 0 && CharTable.JoinsAfter(buffer[p - 1]))
                {
                    return false;
                }

                buffer[i] = '\n';
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
