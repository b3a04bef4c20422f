using System.IO;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Extraction;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Tests.Csv;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Extraction;

/// <summary>The five seed reports, extracted from their text, give the rates the seed tests assert, through the library unchanged.</summary>
public class SeedExtractionTest
{
    private static readonly string[] Files =
    [
        "000_371b3310c47c5846.txt", "001_f17ddfd22b30e5c2.txt", "002_61116273d5307d41.txt", "003_c9300030d36acea5.txt", "004_ff694f60f61a73a2.txt",
    ];

    private static readonly string[] Ids = ["yongjia-2020", "wudang-2022", "lishui-2020", "zhongxiang-2020", "shengzhou-2024"];

    private static ExtractionResult ExtractSeed(string id)
    {
        var seed = SeedReports.Get(id);
        string text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "seeds", Files[System.Array.IndexOf(Ids, id)]));
        return new ReportExtractor().Extract(text, new ExtractionContext(seed.Committee, seed.Period, id));
    }

    private static ProposalStatistics Statistics(string id) => ProposalStatistics.FromFigures(ExtractSeed(id).ToFigures());

    [Fact]
    public void Wudang_176_of_178()
    {
        var stats = Statistics("wudang-2022");
        stats.AcceptanceRate.Should().Be(Rate.Of(176, 178));
        stats.ReplyRate.Should().Be(Rate.Of(176, 176));
    }

    [Fact]
    public void Lishui_278_of_354()
    {
        Statistics("lishui-2020").AcceptanceRate.Should().Be(Rate.Of(278, 354));
    }

    [Fact]
    public void Yongjia_reply_and_adoption()
    {
        var stats = Statistics("yongjia-2020");
        stats.ReplyRate.Should().Be(Rate.Of(221, 221));
        stats.OnTimeReplyRate.Should().Be(Rate.Of(221, 221));
        stats.AdoptionRate.Should().Be(Rate.Of(125, 221));
        stats.AdoptionIncludingPlannedRate.Should().Be(Rate.Of(205, 221));
    }

    [Fact]
    public void Zhongxiang_121_of_121()
    {
        Statistics("zhongxiang-2020").ReplyRate.Should().Be(Rate.Of(121, 121));
    }

    [Fact]
    public void Every_seed_goes_into_a_dataset_unchanged()
    {
        // Collect findings: reports count the same kind of activity in 次 in one place and 场 in another (for activities
        // UnitEquivalence.Default makes them add up); any other mix is a unit mismatch (kept as published); proposals
        // and rates must pass untouched.
        var builder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings);
        int count = 0;
        foreach (string id in Ids)
        {
            var figures = ExtractSeed(id).ToFigures();
            figures.Should().NotBeEmpty(id);
            figures.Should().OnlyContain(f => f.Source != null && f.Source.Quote != null);
            count += figures.Count;
            builder.AddRange(figures);
        }

        var dataset = builder.Build();
        count.Should().BeGreaterThan(60);
        dataset.Findings.Should().NotContain(f => f.Measure != null && (f.Measure.Value.Family == "proposals" || f.Measure.Value.Family == "rate"));
        dataset.Findings.Should().NotContain(f => f.Rule != ValidationRule.UnitMismatch, string.Join("\n", dataset.Findings));
    }

    [Fact]
    public void Committee_and_period_are_read_from_the_seed_texts()
    {
        foreach (string id in Ids)
        {
            var seed = SeedReports.Get(id);
            string text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "seeds", Files[System.Array.IndexOf(Ids, id)]));
            var result = new ReportExtractor().Extract(text);
            result.Committee.Should().Be(seed.Committee, id);
            result.CommitteeOrigin.Should().Be(ContextOrigin.Text);
            result.Period!.Value.Year.Should().Be(seed.Period.Year, id);
        }
    }
}
