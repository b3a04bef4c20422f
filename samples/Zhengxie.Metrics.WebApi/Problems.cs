using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.WebApi;

/// <summary>
/// The 400 answers (RFC 9457 problem details): each says what is wrong and where, as the library does
/// (the CSV line and column, the JSON path, or the committee, period and measure of a finding), with
/// every error listed under <c>errors</c>.
/// </summary>
internal static class Problems
{
    public static IResult BadCsv(IReadOnlyList<FigureCsvFinding> errors) => TypedResults.Problem(
        title: "The CSV has errors.",
        detail: errors[0] + More(errors.Count),
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = errors.Select(e => new CsvError(e.Line, e.Column, e.Message)).ToList(),
        });

    public static IResult BadJson(JsonException exception) => TypedResults.Problem(
        title: "The JSON is not an array of figures.",
        detail: exception.Message,
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?>
        {
            ["path"] = PathOf(exception),
            ["line"] = exception.LineNumber + 1,
        });

    public static IResult Invalid(IReadOnlyList<ValidationFinding> findings)
    {
        var errors = findings.Where(f => f.IsError).ToList();
        return TypedResults.Problem(
            title: "The figures are not valid.",
            detail: errors[0] + More(errors.Count),
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    public static IResult Failed(ZhengxieMetricsException exception) => TypedResults.Problem(
        title: "The figures cannot be rolled up.",
        detail: exception.Message,
        statusCode: StatusCodes.Status400BadRequest);

    public static IResult NoFigures() => TypedResults.Problem(
        title: "No figures.",
        detail: "The body has no figures: send at least one, in the long format (text/csv) or as a JSON array (application/json).",
        statusCode: StatusCodes.Status400BadRequest);

    public static IResult UnsupportedMediaType(string? contentType) => TypedResults.Problem(
        title: "Unsupported media type.",
        detail: string.Create(CultureInfo.InvariantCulture, $"The body is '{contentType ?? "(none)"}'; send text/csv (the long format) or application/json (an array of figures)."),
        statusCode: StatusCodes.Status415UnsupportedMediaType);

    public static IResult BadParameter(string name, string? value, string expected) => TypedResults.Problem(
        title: "A query parameter is not valid.",
        detail: string.Create(CultureInfo.InvariantCulture, $"'{name}' is '{value}'; expected {expected}."),
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["parameter"] = name });

    /// <summary>The JSON path of the error: the library's messages start with the exact one (<c>$[1].period: …</c>); System.Text.Json's own is the fallback.</summary>
    private static string? PathOf(JsonException exception)
    {
        string message = exception.Message;
        int colon = message.IndexOf(": ", System.StringComparison.Ordinal);
        return message.StartsWith('$') && colon > 0 ? message[..colon] : exception.Path;
    }

    private static string More(int count) =>
        count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {count - 1} more errors)") : string.Empty;
}
