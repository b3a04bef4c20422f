using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Zhengxie.Metrics.DependencyInjection;
using Zhengxie.Metrics.WebApi;

// A minimal API over Zhengxie.Metrics with ASP.NET Core's defaults: its JSON options are the web
// defaults (JsonSerializerDefaults.Web), and the library's types serialize in their own format through
// the converters they carry, with no options of the library.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddZhengxieMetrics();                  // RegionTable, RateOptions, ProposalStatisticsCalculator, …
builder.Services.AddProblemDetails();                   // errors as RFC 9457 problem details
builder.Services.AddSingleton<SampleDataset>();         // the built-in seed reports, built into a dataset once

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

// POST figures in the long format (text/csv or a JSON array): the statistics and rates of every committee and period.
app.MapPost("/statistics", StatisticsEndpoint.HandleAsync);

// GET a roll-up of the built-in sample data; POST figures to roll up your own.
app.MapGet("/rollup", RollupEndpoint.HandleSample);
app.MapPost("/rollup", RollupEndpoint.HandlePostedAsync);

app.Run();
