using Zhengxie.Metrics.Aggregation;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// Receives the figures of a file as columns, from
/// <see cref="FigureCsvReader.ReadColumns(System.IO.Stream, FigureCsvEncoding, FigureColumnsHandler, System.IProgress{int}?)"/>:
/// the spans are valid only for the length of the call (copy what must outlive it).
/// </summary>
/// <param name="columns">The figures of the file's valid rows, each distinct figure once, in file order.</param>
/// <param name="result">The read's findings and counts (what <c>ReadColumns</c> returns after the call), so the handler can tell a file with errors.</param>
public delegate void FigureColumnsHandler(FigureColumns columns, FigureCsvResult result);
