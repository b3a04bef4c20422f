// A few lines of the public API, run against the packed Zhengxie.Metrics package.
using Zhengxie.Metrics;
using Zhengxie.Metrics.Regions;

var acceptance = Rate.Of(176, 178);
Check(acceptance.ToString() == "98.9% (176/178)", $"rate formats as {acceptance}");

var yongjia = RegionTable.Default[RegionCode.Parse("330324")];
Check(yongjia.Name == "永嘉县", $"330324 is {yongjia.Name}");

var wudang = new Figure(Committee.Parse("520112"), ReportingPeriod.Parse("11.1+@2022"),
    new Measure("activity.consultation.grassroots"), 100m, new FigureUnit("场次"), Qualifier.MoreThan);
Check(wudang.Bounds == Bounds.Between(101, 199), $"100余 has bounds {wudang.Bounds}");

// The built-in seed reports and the statistics derived from them, through the packaged library.
var lishui = ProposalStatistics.FromFigures(Zhengxie.Metrics.SampleData.SeedReports.Get("lishui-2020").Figures);
Check(lishui.AcceptanceRate == Rate.Of(278, 354), $"丽水 acceptance is {lishui.AcceptanceRate}");

Console.WriteLine("package consumer: all checks passed");

static void Check(bool condition, string what)
{
    if (!condition)
    {
        Console.Error.WriteLine("package consumer check failed: " + what);
        Environment.Exit(1);
    }
}
