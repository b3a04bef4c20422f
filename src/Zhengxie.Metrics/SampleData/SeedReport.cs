using System.Collections.Generic;
using System.Text.Json.Serialization;
using NodaTime;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.SampleData;

/// <summary>
/// One of the five seed reports of docs/domain.md: a real committee work report, with every figure it states
/// (each with its verbatim quote) and the rates it states or implies, as the embedded
/// <c>seed-figures.jsonl</c> lists them. Immutable and thread-safe.
/// </summary>
[Rendering.TypeFormatterSource(typeof(Rendering.NotebookFormatterSource))]
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class SeedReport
{
    internal SeedReport(
        string id,
        string committeeName,
        Committee committee,
        ReportingPeriod period,
        LocalDate? published,
        IReadOnlyList<Figure> figures,
        IReadOnlyDictionary<string, string> expectedRates)
    {
        Id = id;
        CommitteeName = committeeName;
        Committee = committee;
        Period = period;
        Published = published;
        Figures = figures;
        ExpectedRates = expectedRates;
    }

    /// <summary>Gets the report's identifier, such as <c>wudang-2022</c> (also each figure's <see cref="FigureSource.Document"/>).</summary>
    public string Id { get; }

    /// <summary>Gets the committee's Chinese name, such as 乌当区政协.</summary>
    public string CommitteeName { get; }

    /// <summary>Gets the committee.</summary>
    public Committee Committee { get; }

    /// <summary>Gets the period the report's figures belong to.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the report's publication date, or <see langword="null"/> when unknown.</summary>
    public LocalDate? Published { get; }

    /// <summary>Gets the report's figures, in the order the file lists them.</summary>
    public IReadOnlyList<Figure> Figures { get; }

    /// <summary>Gets the rates the report states or implies, by rate identifier, as the file words them (<c>176/178</c>, <c>278/354 (filed implied by the rounded rate)</c>).</summary>
    public IReadOnlyDictionary<string, string> ExpectedRates { get; }

    /// <summary>Returns the identifier and the committee's name.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Id + " " + CommitteeName;
}
