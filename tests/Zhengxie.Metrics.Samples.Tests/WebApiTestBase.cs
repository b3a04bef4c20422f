using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;
using Zhengxie.Metrics.Csv;

namespace Zhengxie.Metrics.Samples.Tests;

/// <summary>The sample app, run in-process once per test class, and helpers to send figures to it.</summary>
public abstract class WebApiTestBase : IClassFixture<WebApplicationFactory<Program>>
{
    /// <summary>The options ASP.NET Core uses (JsonSerializerDefaults.Web), with no options of the library.</summary>
    protected static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    protected WebApiTestBase(WebApplicationFactory<Program> factory)
    {
        Factory = factory;
        Client = factory.CreateClient();
    }

    protected WebApplicationFactory<Program> Factory { get; }

    protected HttpClient Client { get; }

    protected static StringContent Csv(IEnumerable<Figure> figures)
    {
        using var writer = new StringWriter();
        FigureCsvWriter.Write(figures, writer);
        return Csv(writer.ToString());
    }

    protected static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    protected static StringContent Json(IEnumerable<Figure> figures) =>
        new(JsonSerializer.Serialize(figures, Web), Encoding.UTF8, "application/json");

    protected static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
