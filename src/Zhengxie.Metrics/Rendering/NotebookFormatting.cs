using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.SampleData;

namespace Zhengxie.Metrics.Rendering;

/// <summary>
/// Marks a type for rich display in .NET Interactive (Polyglot) notebooks without a dependency on it:
/// the kernel looks for an attribute of this name in any namespace, reads <see cref="FormatterSourceType"/>,
/// creates it with its parameterless constructor and calls its public <c>CreateTypeFormatters()</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    internal TypeFormatterSourceAttribute([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicMethods)] Type formatterSourceType)
    {
        FormatterSourceType = formatterSourceType;
    }

    /// <summary>Gets the formatter source's type.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicMethods)]
    public Type FormatterSourceType { get; }

    /// <summary>Gets or sets the MIME types the kernel should prefer, best first.</summary>
    public string[]? PreferredMimeTypes { get; set; } = [NotebookFormatter.HtmlMimeType, NotebookFormatter.PlainTextMimeType];
}

/// <summary>The formatter source the notebook kernel creates: one HTML and one plain-text formatter.</summary>
internal sealed class NotebookFormatterSource
{
    /// <summary>Creates the formatters (called by the kernel, by name).</summary>
    /// <returns>The formatters.</returns>
#pragma warning disable CA1822 // The kernel's convention is an instance method on an instance it creates.
    public IEnumerable<object> CreateTypeFormatters() =>
#pragma warning restore CA1822
    [
        new NotebookFormatter(NotebookFormatter.HtmlMimeType),
        new NotebookFormatter(NotebookFormatter.PlainTextMimeType),
    ];
}

/// <summary>
/// Formats the library's results for a notebook, by the kernel's convention (a <c>MimeType</c> property
/// and a <c>bool Format(object, TextWriter)</c> method): result tables, statistics, rate distributions,
/// rates, figures and seed reports, as an HTML table or as the aligned text table.
/// </summary>
internal sealed class NotebookFormatter
{
    internal const string HtmlMimeType = "text/html";
    internal const string PlainTextMimeType = "text/plain";

    public NotebookFormatter(string mimeType)
    {
        MimeType = mimeType;
    }

    /// <summary>Gets the MIME type the formatter writes.</summary>
    public string MimeType { get; }

    /// <summary>Writes an object the formatter knows; returns <see langword="false"/> for any other.</summary>
    /// <param name="instance">The object displayed.</param>
    /// <param name="writer">Where to write.</param>
    /// <returns>Whether the object was written.</returns>
    public bool Format(object instance, TextWriter writer)
    {
        if (writer is null || ToReportTable(instance) is not { } table)
        {
            return false;
        }

        if (string.Equals(MimeType, HtmlMimeType, StringComparison.Ordinal))
        {
            TableRenderer.WriteHtml(table, writer);
        }
        else
        {
            writer.Write(instance is Rate rate ? rate.ToString() : TableRenderer.ToText(table));
        }

        return true;
    }

    /// <summary>The table an object shows as, or <see langword="null"/> when the formatter does not know it.</summary>
    internal static ReportTable? ToReportTable(object? instance)
    {
        var options = TableRenderOptions.Default;
        return instance switch
        {
            ReportTable t => t,
            IndicatorTable t => ReportTable.From(t, options),
            ProposalStatisticsTable t => ReportTable.From(t, options),
            ProposalStatistics s => ReportTable.From(new ProposalStatisticsTable([s]), options),
            RateDistribution d => ReportTable.From(d, options),
            Rate r => ReportTableBuilder.FromRate(r, options),
            Figure f => ReportTableBuilder.FromFigures([f], null, withCommittee: true, options),
            SeedReport s => ReportTableBuilder.FromSeedReport(s, options),
            _ => null,
        };
    }
}
