using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.DependencyInjection;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.WebApi;

/// <summary>
/// <c>GET /rollup</c> (the built-in sample data) and <c>POST /rollup</c> (the posted figures): an
/// <see cref="IndicatorTable"/> in the library's JSON format. Query: <c>grouping</c> = <c>province</c>
/// (default), <c>prefecture</c>, <c>level</c> or <c>hierarchy</c>; <c>within</c> = a region code that
/// narrows <c>prefecture</c> and <c>level</c>; <c>years</c> = <c>2022</c> or <c>2020..2024</c> (each
/// year; default: every year of the data).
/// </summary>
internal static class RollupEndpoint
{
    private const string GroupingsExpected = "province, prefecture, level or hierarchy";
    private const string YearsExpected = "a year such as 2022 or a range such as 2020..2024, from 1949 to 2200";

    public static IResult HandleSample(string? grouping, string? years, string? within, SampleDataset sample) =>
        TryParse(grouping, years, within, out var by, out var periods, out var problem)
            ? RollUp(sample.Dataset, by, periods)
            : problem;

    public static async Task<IResult> HandlePostedAsync(
        HttpRequest request,
        string? grouping,
        string? years,
        string? within,
        ZhengxieMetricsSettings settings,
        IOptions<JsonOptions> json,
        CancellationToken cancellation)
    {
        if (!TryParse(grouping, years, within, out var by, out var periods, out var problem))
        {
            return problem;
        }

        var (figures, inputProblem) = await FigureInput.ReadAsync(request, json.Value.SerializerOptions, cancellation);
        if (inputProblem is not null)
        {
            return inputProblem;
        }

        FigureDataset dataset;
        try
        {
            dataset = FigureDataset.CreateBuilder(settings.RegionTable, ValidationMode.Throw).AddRange(figures!).Build();
        }
        catch (ValidationException e)
        {
            return Problems.Invalid(e.Findings);
        }

        return RollUp(dataset, by, periods);
    }

    private static IResult RollUp(FigureDataset dataset, Grouping grouping, PeriodSelection periods)
    {
        try
        {
            return TypedResults.Ok(dataset.Aggregate(grouping, periods));
        }
        catch (ZhengxieMetricsException e)
        {
            // A sum beyond 64 bits: the message names the group, period, measure and largest committee.
            return Problems.Failed(e);
        }
    }

    private static bool TryParse(string? grouping, string? years, string? within, out Grouping by, out PeriodSelection periods, out IResult problem)
    {
        by = Grouping.ByProvince();
        periods = PeriodSelection.EachYear;
        problem = Results.Empty;
        RegionCode? region = null;
        if (within is not null)
        {
            if (!RegionCode.TryParse(within, out var code))
            {
                problem = Problems.BadParameter("within", within, "a region code such as 520000");
                return false;
            }

            region = code;
        }

        switch (grouping?.ToUpperInvariant())
        {
            case null or "PROVINCE":
                break;
            case "PREFECTURE":
                by = region is { } r ? Grouping.ByPrefecture(r) : Grouping.ByPrefecture();
                break;
            case "LEVEL":
                by = region is { } l ? Grouping.ByLevel(l) : Grouping.ByLevel();
                break;
            case "HIERARCHY":
                by = Grouping.Hierarchy();
                break;
            default:
                problem = Problems.BadParameter("grouping", grouping, GroupingsExpected);
                return false;
        }

        if (years is not null && !TryParseYears(years, out periods))
        {
            problem = Problems.BadParameter("years", years, YearsExpected);
            return false;
        }

        return true;
    }

    private static bool TryParseYears(string text, out PeriodSelection periods)
    {
        periods = PeriodSelection.EachYear;
        int dots = text.IndexOf("..", StringComparison.Ordinal);
        var first = dots < 0 ? text.AsSpan() : text.AsSpan(0, dots);
        var last = dots < 0 ? text.AsSpan() : text.AsSpan(dots + 2);
        if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out int from)
            || !int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out int to)
            || from > to || from < 1949 || to > 2200)
        {
            return false;
        }

        periods = PeriodSelection.Years(from, to);
        return true;
    }
}
