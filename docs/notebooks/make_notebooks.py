# Writes the two notebooks of this folder (run: python3 make_notebooks.py). Kept so the cells stay
# easy to review as plain text; the .ipynb files are what users open and what the tests run.
import json

def md(src):
    return {"cell_type": "markdown", "metadata": {}, "source": src.strip("\n").splitlines(True)}

def cs(src):
    return {"cell_type": "code", "execution_count": None,
            "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}},
            "outputs": [], "source": src.strip("\n").splitlines(True)}

META = {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
        "language_info": {"name": "polyglot-notebook"},
        "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}}}

def write(name, cells):
    with open(name, "w", encoding="utf-8") as f:
        json.dump({"cells": cells, "metadata": META, "nbformat": 4, "nbformat_minor": 5}, f, ensure_ascii=False, indent=1)
        f.write("\n")

write("getting-started.ipynb", [
    md("""
# Getting started with Zhengxie.Metrics

The work indicators of CPPCC committees (政协), computed from the figures their work reports state.
This notebook installs the package, reads the five seed reports that ship with it, and reproduces
every rate they state or imply.
"""),
    cs("""
#r "nuget: Zhengxie.Metrics, 0.1.0"
using Zhengxie.Metrics;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Validation;
"""),
    md("""
## A rate keeps its numerator and denominator

乌当区政协 received 178 proposals and filed 176 (「收到提案178件，立案176件」). The acceptance rate
(立案率) is filed / received:
"""),
    cs("""
var acceptance = Rate.Of(176, 178);
acceptance
"""),
    cs("""
// Pooling adds numerators and denominators: never an average of percentages.
var pooled = Rate.Of(176, 178) + Rate.Of(221, 221);
pooled.ToString("G2")
"""),
    md("""
## The seed reports

Five real work reports, 77 figures, each with its verbatim quote.
"""),
    cs("""
SeedReports.Reports.Select(r => new { r.Id, r.CommitteeName, Committee = r.Committee.ToString(), Period = r.Period.ToString(), Figures = r.Figures.Count })
"""),
    md("""
## Proposal statistics, from the figures

`ProposalStatistics.FromFigures` turns one committee's figures into counts: 「全部办复」 becomes
replied = filed, and a printed rate implies its integer numerator where exactly one fits
(丽水: 78.5 % of 354 ⇒ 278 filed).
"""),
    cs("""
var lishui = ProposalStatistics.FromFigures(SeedReports.Get("lishui-2020").Figures);
lishui
"""),
    cs("""
var yongjia = ProposalStatistics.FromFigures(SeedReports.Get("yongjia-2020").Figures);
new
{
    Reply = yongjia.ReplyRate?.ToString(),
    NarrowAdoption = yongjia.AdoptionRate?.ToString(),
    AdoptionIncludingPlanned = yongjia.AdoptionIncludingPlannedRate?.ToString(),
}
"""),
    md("""
## Qualified figures keep their bounds

「100余场次」 is 101..199; 「近330万元」 is below 3,300,000 元.
"""),
    cs("""
SeedReports.AllFigures
    .Where(f => f.Qualifier is Qualifier.MoreThan or Qualifier.Nearly)
    .Select(f => new { Committee = f.Committee.ToString(), Measure = f.Measure.Id, AsReported = f.FormatAsReported(), Bounds = f.Bounds?.ToString() })
"""),
    md("""
## A printed rate implies its numerator
"""),
    cs("""
RateInference.InferNumerator(78.5m, 354).ToString()
"""),
    md("""
## Bad input is named, not dropped

Ask for findings instead of an exception:
"""),
    cs("""
var wudang = Committee.Parse("520112");
var year = ReportingPeriod.CalendarYear(2022);
var bad = new[]
{
    new Figure(wudang, year, Measures.Proposals.Received, 170m, FigureUnit.Piece),
    new Figure(wudang, year, Measures.Proposals.Filed, 176m, FigureUnit.Piece),
};
FigureValidator.Validate(bad, RegionTable.Default).Select(f => f.ToString())
"""),
])

write("analysis.ipynb", [
    md("""
# Analysing a province: roll-ups, rankings and trends

A synthetic but realistic dataset of Zhejiang's county-level committees, 2018–2024
(`docs/data/zhejiang-synthetic.csv`, in the library's long CSV format), rolled up by prefecture,
ranked, and charted with Plotly.NET.
"""),
    cs("""
#r "nuget: Zhengxie.Metrics, 0.1.0"
#r "nuget: Zhengxie.Metrics.Csv, 0.1.0"
#r "nuget: Plotly.NET.CSharp, 0.14.0"
using Zhengxie.Metrics;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Regions;
"""),
    md("""
## Load the figures

Every problem in the file is collected with its line and column; nothing is silently dropped.
"""),
    cs("""
var file = FigureCsvReader.ReadFile(Path.Combine("..", "data", "zhejiang-synthetic.csv"));
var figures = file.GetFiguresOrThrow();
new { file.RowCount, Figures = figures.Count, Findings = file.Findings.Count }
"""),
    cs("""
var dataset = FigureDataset.CreateBuilder().AddRange(figures).Build();
new { Committees = dataset.Committees.Count, Periods = string.Join(", ", dataset.Periods), Measures = dataset.CountMeasures.Count }
"""),
    md("""
## Roll up by prefecture

County committees summed into their prefectures, every year; each rate pooled over the committees
that report both its numerator and denominator, with coverage.
"""),
    cs("""
var zhejiang = RegionCode.Parse("330000");
var prefectures = RegionTable.Default.GetChildren(zhejiang).Select(p => Grouping.Within(p.Code)).Aggregate((a, b) => a.And(b));
var byPrefecture = dataset.Aggregate(prefectures, PeriodSelection.EachYear);
byPrefecture
"""),
    md("""
## Rank the counties by adoption rate (A + B)

Competition ranking: ties share a rank (1, 2, 2, 4).
"""),
    cs("""
var adoption = dataset.GetRateDistributions(RateDefinition.AdoptionIncludingPlanned, Grouping.Within(zhejiang), ReportingPeriod.CalendarYear(2024)).Single();
new { adoption.Count, Mean = adoption.Mean?.ToString("P1", System.Globalization.CultureInfo.InvariantCulture), Median = adoption.Median?.ToString("P1", System.Globalization.CultureInfo.InvariantCulture) }
"""),
    cs("""
adoption.Top(5).Select(r => new { r.Rank, County = RegionTable.Default[r.Committee.Region].Name, Rate = r.Rate.ToString() })
"""),
    cs("""
adoption.Bottom(5).Select(r => new { r.Rank, County = RegionTable.Default[r.Committee.Region].Name, Rate = r.Rate.ToString() })
"""),
    md("""
## Year-over-year: proposals received in the province
"""),
    cs("""
var province = dataset.Aggregate(Grouping.Within(zhejiang), PeriodSelection.EachYear);
var group = province.Groups.Single();
province.GetYearOverYear(group, Measures.Proposals.Received)
    .Select(c => new { From = c.From.Label, To = c.To.Label, c.Absolute, Relative = c.Relative?.ToString("P1", System.Globalization.CultureInfo.InvariantCulture) })
"""),
    md("""
## Chart: proposals received per prefecture
"""),
    cs("""
using Plotly.NET.CSharp;

var lines = byPrefecture.Groups.Select(g =>
{
    var points = byPrefecture.Periods
        .Select(p => (Year: p.Label, Value: byPrefecture.GetValue(byPrefecture.FindRow(g, p.Label), Measures.Proposals.Received).Sum))
        .Where(p => p.Value is { IsExact: true })
        .ToList();
    return Chart.Line<string, long, string>(x: points.Select(p => p.Year).ToArray(), y: points.Select(p => p.Value!.Value.Lower).ToArray(), Name: g.Name);
});
var chart = Plotly.NET.GenericChart.combine(lines);
display(HTML(Plotly.NET.GenericChart.toEmbeddedHTML(chart)));
"""),
])
