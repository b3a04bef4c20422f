using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Tests.Rendering;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>A ranking names each committee by its code and its name from the dataset's region table.</summary>
public class RankingNamesTest
{
    [Fact]
    public void Ranks_carry_code_and_name_from_the_datasets_region_table()
    {
        // 莲都 98/100, 青田 90/90, 缙云 45/50 (RenderFixture): 青田 100 %, 莲都 98 %, 缙云 90 %.
        var distribution = RenderFixture.Dataset()
            .GetRateDistributions(RateDefinition.Reply, Grouping.Within(RenderFixture.LishuiCode), RenderFixture.Year)
            .Single();
        distribution.Ranks.Select(r => (r.Rank, r.Code.ToString(), r.Name, r.Rate)).Should().Equal(
            (1, "331121", "青田县", Rate.Of(90, 90)),
            (2, "331102", "莲都区", Rate.Of(98, 100)),
            (3, "331122", "缙云县", Rate.Of(45, 50)));
        distribution.Top(1).Single().Name.Should().Be("青田县");
        distribution.Bottom(1).Single().Name.Should().Be("缙云县");
    }

    [Fact]
    public void A_committee_the_table_does_not_know_is_named_by_its_code()
    {
        var unnamed = new RankedCommittee(1, Committee.Parse("331102"), Rate.Of(1, 2));
        unnamed.Name.Should().Be("331102");
        unnamed.Code.ToString().Should().Be("331102");
        (unnamed with { Name = "莲都区" }).Name.Should().Be("莲都区");
    }
}
