using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Regions;

public class DefaultRegionTableTest
{
    private static readonly RegionTable Table = RegionTable.Default;

    private static RegionCode C(int value) => new(value);

    private static IEnumerable<int> Codes(IEnumerable<Region> regions) => regions.Select(r => r.Code.Value);

    [Fact]
    public void Default_is_loaded_once()
    {
        RegionTable.Default.Should().BeSameAs(RegionTable.Default);
    }

    [Fact]
    public void Counts_match_the_notice()
    {
        Table.Count.Should().Be(3208);
        Table.Provinces.Should().HaveCount(31);
        Table.Prefectures.Should().HaveCount(333);
        Table.Counties.Should().HaveCount(2844);
        Table.Provinces.Should().OnlyContain(r => r.Level == AdministrativeLevel.Province);
        Table.Prefectures.Should().OnlyContain(r => r.Level == AdministrativeLevel.Prefecture);
        Table.Counties.Should().OnlyContain(r => r.Level == AdministrativeLevel.County);
    }

    [Fact]
    public void Lists_are_sorted_by_code()
    {
        Table.Regions.Should().BeInAscendingOrder(r => r.Code.Value);
        Table.Provinces.Should().BeInAscendingOrder(r => r.Code.Value);
        Table.Prefectures.Should().BeInAscendingOrder(r => r.Code.Value);
        Table.Counties.Should().BeInAscendingOrder(r => r.Code.Value);
        Table.Provinces[0].Should().Be(new Region(C(110000), "北京市", AdministrativeLevel.Province, null));
        Table.Provinces[^1].Name.Should().Be("新疆维吾尔自治区");
    }

    [Theory]
    [InlineData(330324, "永嘉县", 330300)]
    [InlineData(330300, "温州市", 330000)]
    [InlineData(520112, "乌当区", 520100)]
    [InlineData(331100, "丽水市", 330000)]
    [InlineData(420881, "钟祥市", 420800)]
    [InlineData(330683, "嵊州市", 330600)]
    [InlineData(429004, "仙桃市", 420000)]
    [InlineData(110101, "东城区", 110000)]
    [InlineData(441900, "东莞市", 440000)]
    public void Spot_checks_from_the_notice(int code, string name, int parent)
    {
        Table[C(code)].Name.Should().Be(name);
        Table[C(code)].ParentCode.Should().Be(C(parent));
        Table.GetParent(C(code)).Code.Should().Be(C(parent));
        Table.IsParentOf(C(parent), C(code)).Should().BeTrue();
    }

    [Fact]
    public void Yongjia_chain_reaches_Zhejiang()
    {
        Table.GetAncestors(C(330324)).Select(r => r.Name).Should().Equal("温州市", "浙江省");
        Table.GetProvince(C(330324)).Name.Should().Be("浙江省");
        Table.GetProvince(C(330000)).Code.Should().Be(C(330000));
        Table.GetAncestors(C(330000)).Should().BeEmpty();
        Table.TryGetParent(C(330000), out var none).Should().BeFalse();
        none.Should().BeNull();
        FluentActions.Invoking(() => Table.GetParent(C(330000))).Should().Throw<KeyNotFoundException>().WithMessage("*330000*province*");
        Table[C(330000)].Level.Should().Be(AdministrativeLevel.Province);
        Table[C(330300)].Level.Should().Be(AdministrativeLevel.Prefecture);
        Table[C(330324)].Level.Should().Be(AdministrativeLevel.County);
    }

    [Fact]
    public void Wenzhou_has_its_twelve_county_units()
    {
        Codes(Table.GetChildren(C(330300))).Should().Equal(
            330302, 330303, 330304, 330305, 330324, 330326, 330327, 330328, 330329, 330381, 330382, 330383);
        Codes(Table.GetDescendants(C(330300))).Should().Equal(Codes(Table.GetChildren(C(330300))));
        Table.GetChildren(C(330324)).Should().BeEmpty();
        Table.GetDescendants(C(330324)).Should().BeEmpty();
    }

    [Fact]
    public void Zhejiang_has_11_prefectures_and_90_counties()
    {
        var descendants = Table.GetDescendants(C(330000));
        descendants.Should().HaveCount(101);
        descendants.Count(r => r.Level == AdministrativeLevel.Prefecture).Should().Be(11);
        descendants.Count(r => r.Level == AdministrativeLevel.County).Should().Be(90);
        descendants.Should().BeInAscendingOrder(r => r.Code.Value);
        Table.GetChildren(C(330000)).Should().HaveCount(11);
    }

    [Fact]
    public void Hierarchy_queries_agree_with_a_plain_walk_of_the_csv()
    {
        ReferenceRegions.Rows.Should().HaveCount(Table.Count);
        foreach (var row in ReferenceRegions.Rows.Values)
        {
            var code = RegionCode.Parse(row.Code);
            var ancestors = ReferenceRegions.Ancestors(row.Code);
            Table.GetAncestors(code).Select(r => r.Code.ToString()).Should().Equal(ancestors, "ancestors of {0}", row.Code);
            Table.GetProvince(code).Code.ToString().Should().Be(ancestors.Count == 0 ? row.Code : ancestors[^1]);
            Table[code].Name.Should().Be(row.Name);
            Table.GetCommittee(code).Should().Be(new Committee(code, row.Level switch
            {
                "province" => AdministrativeLevel.Province,
                "prefecture" => AdministrativeLevel.Prefecture,
                _ => AdministrativeLevel.County,
            }));
            int index = Table.IndexOf(code);
            Table.Regions[index].Should().BeSameAs(Table[code]);
            int parentIndex = Table.ParentIndexOf(index);
            if (row.Parent.Length == 0)
            {
                parentIndex.Should().Be(-1);
            }
            else
            {
                Table.Regions[parentIndex].Code.ToString().Should().Be(row.Parent);
            }
        }

        foreach (var row in ReferenceRegions.Rows.Values.Where(r => r.Level != "county"))
        {
            Table.GetDescendants(RegionCode.Parse(row.Code)).Select(r => r.Code.ToString())
                .Should().Equal(ReferenceRegions.Descendants(row.Code), "descendants of {0}", row.Code);
        }
    }

    [Fact]
    public void Index_of_a_missing_code_is_minus_one()
    {
        Table.IndexOf(C(330399)).Should().Be(-1);
        Table.IndexOf(C(110000)).Should().Be(0);
        Table.IndexOf(Table.Regions[^1].Code).Should().Be(Table.Count - 1);
    }

    [Fact]
    public void Unknown_codes_throw_or_answer_false()
    {
        var missing = C(330399);
        Table.Contains(missing).Should().BeFalse();
        Table.TryGet(missing, out var region).Should().BeFalse();
        region.Should().BeNull();
        Table.TryGetCommittee(missing, out var committee).Should().BeFalse();
        committee.IsDefault.Should().BeTrue();
        FluentActions.Invoking(() => Table[missing]).Should().Throw<KeyNotFoundException>().WithMessage("*330399*");
        FluentActions.Invoking(() => Table.GetParent(missing)).Should().Throw<KeyNotFoundException>();
        FluentActions.Invoking(() => Table.GetChildren(missing)).Should().Throw<KeyNotFoundException>();
        FluentActions.Invoking(() => Table.GetAncestors(missing)).Should().Throw<KeyNotFoundException>();
        FluentActions.Invoking(() => Table.GetDescendants(missing)).Should().Throw<KeyNotFoundException>();
        FluentActions.Invoking(() => Table.GetProvince(missing)).Should().Throw<KeyNotFoundException>();
        FluentActions.Invoking(() => Table.GetCommittee(missing)).Should().Throw<KeyNotFoundException>();
        Table.IsAncestorOf(C(330000), missing).Should().BeFalse();
        Table.IsAncestorOf(missing, C(330324)).Should().BeFalse();
        Table.IsMunicipality(missing).Should().BeFalse();
        Table.IsDirectlyUnderProvince(missing).Should().BeFalse();
        Table.IsLeafPrefecture(missing).Should().BeFalse();
    }

    [Fact]
    public void Ancestry()
    {
        Table.IsAncestorOf(C(330000), C(330324)).Should().BeTrue();
        Table.IsAncestorOf(C(330300), C(330324)).Should().BeTrue();
        Table.IsAncestorOf(C(330324), C(330300)).Should().BeFalse();
        Table.IsAncestorOf(C(330324), C(330324)).Should().BeFalse();
        Table.IsAncestorOf(C(330600), C(330324)).Should().BeFalse();
        Table.IsAncestorOf(C(420000), C(429004)).Should().BeTrue();
        Table.IsAncestorOf(C(110000), C(110101)).Should().BeTrue();
    }

    [Fact]
    public void Committees_sit_at_the_real_level()
    {
        Table.GetCommittee(C(331100)).Should().Be(new Committee(C(331100), AdministrativeLevel.Prefecture));
        Table.GetCommittee(C(429004)).Should().Be(new Committee(C(429004), AdministrativeLevel.County));
        Table.GetCommittee(C(110000)).Should().Be(new Committee(C(110000), AdministrativeLevel.Province));
        Table.TryGetCommittee(C(441900), out var dongguan).Should().BeTrue();
        dongguan.Should().Be(new Committee(C(441900), AdministrativeLevel.Prefecture));
    }

    [Theory]
    [InlineData(330324, 330300, ParentCheckResult.Correct)]
    [InlineData(330324, 330000, ParentCheckResult.Ancestor)]
    [InlineData(330324, 330600, ParentCheckResult.WrongParent)]
    [InlineData(330324, 330324, ParentCheckResult.WrongParent)]
    [InlineData(330300, 330324, ParentCheckResult.WrongParent)]
    [InlineData(330324, 320000, ParentCheckResult.WrongParent)]
    [InlineData(429004, 420000, ParentCheckResult.Correct)]
    [InlineData(429004, 429000, ParentCheckResult.UnknownParent)]
    [InlineData(110101, 110100, ParentCheckResult.UnknownParent)]
    [InlineData(110101, 110000, ParentCheckResult.Correct)]
    [InlineData(330399, 330300, ParentCheckResult.UnknownRegion)]
    [InlineData(330399, 330399, ParentCheckResult.UnknownRegion)]
    public void Claimed_parents_are_checked(int child, int claimedParent, ParentCheckResult expected)
    {
        Table.CheckParent(C(child), C(claimedParent)).Should().Be(expected);
        Table.IsParentOf(C(claimedParent), C(child)).Should().Be(expected == ParentCheckResult.Correct);
    }
}
