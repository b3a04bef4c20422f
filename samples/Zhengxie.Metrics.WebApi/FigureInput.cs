using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Zhengxie.Metrics.Csv;

namespace Zhengxie.Metrics.WebApi;

/// <summary>
/// Reads the figures of a request body: <c>text/csv</c> in the library's long format
/// (docs/csv-format.md) or <c>application/json</c>, an array of figures in the library's JSON format.
/// Either gives the figures, or the problem that names what is wrong (line and column, or JSON path).
/// </summary>
internal static class FigureInput
{
    public static async Task<(IReadOnlyList<Figure>? Figures, IResult? Problem)> ReadAsync(HttpRequest request, JsonSerializerOptions json, CancellationToken cancellation)
    {
        if (request.HasJsonContentType())
        {
            return await ReadJsonAsync(request, json, cancellation);
        }

        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadCsvAsync(request, cancellation);
        }

        return (null, Problems.UnsupportedMediaType(request.ContentType));
    }

    private static async Task<(IReadOnlyList<Figure>?, IResult?)> ReadJsonAsync(HttpRequest request, JsonSerializerOptions json, CancellationToken cancellation)
    {
        List<Figure>? figures;
        try
        {
            figures = await JsonSerializer.DeserializeAsync<List<Figure>>(request.Body, json, cancellation);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadJson(e));
        }

        if (figures is null || figures.Count == 0)
        {
            return (null, Problems.NoFigures());
        }

        return (figures, null);
    }

    private static async Task<(IReadOnlyList<Figure>?, IResult?)> ReadCsvAsync(HttpRequest request, CancellationToken cancellation)
    {
        // The reader is synchronous; the body is buffered first, as servers refuse synchronous reads of it.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellation);
        buffer.Position = 0;
        var result = FigureCsvReader.Read(buffer);
        if (!result.IsValid)
        {
            return (null, Problems.BadCsv(result.Findings.Where(f => f.IsError).ToList()));
        }

        if (result.Figures.Count == 0)
        {
            return (null, Problems.NoFigures());
        }

        return (result.Figures, null);
    }
}
