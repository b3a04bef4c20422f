using System;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.DependencyInjection;
using Zhengxie.Metrics.SampleData;

namespace Zhengxie.Metrics.WebApi;

/// <summary>The five seed reports that ship with the library, as one dataset, built on first use.</summary>
internal sealed class SampleDataset
{
    private readonly Lazy<FigureDataset> dataset;

    public SampleDataset(ZhengxieMetricsSettings settings)
    {
        dataset = new Lazy<FigureDataset>(() => FigureDataset.CreateBuilder(settings.RegionTable).AddRange(SeedReports.AllFigures).Build());
    }

    public FigureDataset Dataset => dataset.Value;
}
