using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Zhengxie.Metrics.DependencyInjection;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.WebApi;

/// <summary><c>POST /statistics</c>: figures in, the statistics and rates of every committee and period out.</summary>
internal static class StatisticsEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        ProposalStatisticsCalculator calculator,
        ZhengxieMetricsSettings settings,
        IOptions<JsonOptions> json,
        CancellationToken cancellation)
    {
        var (figures, problem) = await FigureInput.ReadAsync(request, json.Value.SerializerOptions, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        // Duplicates, conflicts, unknown regions and contradictory counts, each named by committee, period and measure.
        var findings = FigureValidator.Validate(figures!, settings.RegionTable);
        if (findings.Any(f => f.IsError))
        {
            return Problems.Invalid(findings);
        }

        IReadOnlyList<ProposalStatistics> statistics;
        try
        {
            statistics = ProposalStatistics.FromFiguresByCommittee(figures!);
        }
        catch (ValidationException e)
        {
            return Problems.Invalid(e.Findings);
        }

        var results = statistics.Select(s => new CommitteeStatistics(
            s.Committee,
            settings.RegionTable.TryGet(s.Committee.Region, out var region) ? region.Name : null,
            s.Period,
            s,
            Rates(s, calculator),
            s.Inconsistencies)).ToList();
        return TypedResults.Ok(results);
    }

    /// <summary>Every standard rate under the registered options; a rate whose counts contradict each other (filed above received) carries the library's message instead.</summary>
    private static List<RateResult> Rates(ProposalStatistics statistics, ProposalStatisticsCalculator calculator)
    {
        var rates = new List<RateResult>();
        foreach (var definition in calculator.RateOptions.Definitions)
        {
            try
            {
                Rate? rate = calculator.TryGetRate(statistics, definition.Measure, out var computed) ? computed : null;
                rates.Add(new RateResult(definition.Measure, definition.Formula, rate, rate?.ToString(), null));
            }
            catch (ZhengxieMetricsException e)
            {
                rates.Add(new RateResult(definition.Measure, definition.Formula, null, null, e.Message));
            }
        }

        return rates;
    }
}
