using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// <see cref="CommitteeIndex"/> on the nine-region table of <see cref="GroupingSurvivorsTest"/>: parent indices, the
/// look-ups by committee (a missing region, a region at the wrong level, the highest code) and the subtree test.
/// </summary>
public class CommitteeIndexTest
{
    private static readonly CommitteeIndex Index = CommitteeIndex.For(GroupingSurvivorsTest.Table);

    private static Committee At(int code, AdministrativeLevel level) => new(new RegionCode(code), level);

    [Fact]
    public void Parents_are_indices_and_provinces_have_none()
    {
        Index.ParentOf.Should().Equal(-1, 0, 1, 1, 0, 0, -1, 6, 7);
    }

    [Fact]
    public void Try_get_index_finds_a_committee_only_at_its_region_s_level()
    {
        Index.TryGetIndex(At(130102, AdministrativeLevel.County), out int county).Should().BeTrue();
        county.Should().Be(3);
        Index.TryGetIndex(At(140000, AdministrativeLevel.Province), out int province).Should().BeTrue();
        province.Should().Be(6);

        Index.TryGetIndex(At(150000, AdministrativeLevel.Province), out _).Should().BeFalse();
        Index.TryGetIndex(At(130100, AdministrativeLevel.County), out _).Should().BeFalse();
    }

    [Fact]
    public void Number_of_is_minus_one_for_a_region_not_in_the_table()
    {
        Index.NumberOf(At(130101, AdministrativeLevel.County)).Should().Be(2);
        Index.NumberOf(At(140100, AdministrativeLevel.Prefecture)).Should().Be(7);
        Index.NumberOf(At(150000, AdministrativeLevel.Province)).Should().Be(-1);
        Index.NumberOf(At(150100, AdministrativeLevel.Prefecture)).Should().Be(-1);
        Index.NumberOf(At(130101, AdministrativeLevel.Prefecture)).Should().Be(-1);
    }

    [Fact]
    public void Number_of_finds_the_highest_codes()
    {
        var table = RegionTable.FromRegions(
        [
            new Region(new RegionCode(990000), "末省", AdministrativeLevel.Province, null),
            new Region(new RegionCode(999900), "末市", AdministrativeLevel.Prefecture, new RegionCode(990000)),
            new Region(new RegionCode(999998), "末一县", AdministrativeLevel.County, new RegionCode(999900)),
            new Region(new RegionCode(999999), "末二县", AdministrativeLevel.County, new RegionCode(999900)),
        ]);
        var index = CommitteeIndex.For(table);
        index.NumberOf(At(999999, AdministrativeLevel.County)).Should().Be(3);
        index.NumberOf(At(999998, AdministrativeLevel.County)).Should().Be(2);
        index.NumberOf(At(990000, AdministrativeLevel.Province)).Should().Be(0);
    }

    [Fact]
    public void Self_or_descendant_walks_up_to_the_province()
    {
        Index.IsSelfOrDescendant(0, 0).Should().BeTrue();
        Index.IsSelfOrDescendant(2, 0).Should().BeTrue();
        Index.IsSelfOrDescendant(2, 1).Should().BeTrue();
        Index.IsSelfOrDescendant(5, 0).Should().BeTrue();
        Index.IsSelfOrDescendant(4, 1).Should().BeFalse();
        Index.IsSelfOrDescendant(8, 0).Should().BeFalse();
    }
}
