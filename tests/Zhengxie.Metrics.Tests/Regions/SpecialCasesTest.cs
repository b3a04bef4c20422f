using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Regions;

public class SpecialCasesTest
{
    private static readonly RegionTable Table = RegionTable.Default;

    private static RegionCode C(int value) => new(value);

    [Fact]
    public void The_four_municipalities()
    {
        Table.Provinces.Where(r => Table.IsMunicipality(r.Code)).Select(r => r.Name)
            .Should().Equal("北京市", "天津市", "上海市", "重庆市");
        Table.Regions.Count(r => Table.IsMunicipality(r.Code)).Should().Be(4);
        Table.IsMunicipality(C(330000)).Should().BeFalse();
        Table.IsMunicipality(C(110101)).Should().BeFalse();
    }

    [Fact]
    public void Municipality_districts_hang_under_the_municipality()
    {
        int[] municipalities = [110000, 120000, 310000, 500000];
        foreach (int m in municipalities)
        {
            Table.GetChildren(C(m)).Should().NotBeEmpty().And.OnlyContain(r => r.Level == AdministrativeLevel.County);
            Table.Contains(C(m + 100)).Should().BeFalse("the synthetic 市辖区 row {0} is not kept", m + 100);
        }

        municipalities.Sum(m => Table.GetChildren(C(m)).Count).Should().Be(86);
        Table.Contains(C(500200)).Should().BeFalse();
        Table.GetParent(C(500229)).Code.Should().Be(C(500000));
        Table[C(500229)].Name.Should().Be("城口县");
        Table.GetAncestors(C(110101)).Select(r => r.Code).Should().Equal(C(110000));
        Table.IsDirectlyUnderProvince(C(110101)).Should().BeFalse();
    }

    [Fact]
    public void County_units_directly_under_a_province()
    {
        var direct = Table.Counties.Where(r => Table.IsDirectlyUnderProvince(r.Code)).Select(r => r.Code.Value).ToList();
        direct.Should().HaveCount(32);
        direct.Should().Contain([419001, 429004, 429005, 429006, 429021, 659012]);
        direct.Count(c => c / 1000 == 469).Should().Be(15);
        direct.Count(c => c / 1000 == 659).Should().Be(12);
        direct.Should().OnlyContain(c => c / 1000 == 419 || c / 1000 == 429 || c / 1000 == 469 || c / 1000 == 659);
        Table.GetParent(C(419001)).Code.Should().Be(C(410000));
        Table.GetParent(C(429021)).Name.Should().Be("湖北省");
        Table.GetParent(C(469001)).Code.Should().Be(C(460000));
        Table.GetParent(C(659001)).Code.Should().Be(C(650000));
        Table.Contains(C(429000)).Should().BeFalse();
        Table.IsDirectlyUnderProvince(C(330324)).Should().BeFalse();
        Table.IsDirectlyUnderProvince(C(420000)).Should().BeFalse();
        Table.IsDirectlyUnderProvince(C(420800)).Should().BeFalse();
    }

    [Fact]
    public void Prefectures_without_counties()
    {
        Table.Prefectures.Where(r => Table.IsLeafPrefecture(r.Code)).Select(r => r.Code.Value)
            .Should().Equal(441900, 442000, 460400, 620200);
        Table.Prefectures.Where(r => Table.IsLeafPrefecture(r.Code)).Select(r => r.Name)
            .Should().Equal("东莞市", "中山市", "儋州市", "嘉峪关市");
        Table.GetChildren(C(441900)).Should().BeEmpty();
        Table.GetDescendants(C(441900)).Should().BeEmpty();
        Table.GetParent(C(441900)).Code.Should().Be(C(440000));
        Table.Contains(C(620201)).Should().BeFalse();
        Table.IsLeafPrefecture(C(330300)).Should().BeFalse();
        Table.IsLeafPrefecture(C(330324)).Should().BeFalse();
    }

    [Fact]
    public void Sansha_uses_the_2020_district_codes()
    {
        Table.GetChildren(C(460300)).Select(r => r.Code.Value + r.Name).Should().Equal("460302西沙区", "460303南沙区");
        Table.Contains(C(460321)).Should().BeFalse();
    }

    [Fact]
    public void Statistical_zones_and_later_changes_are_not_in_the_table()
    {
        Table.Contains(C(130171)).Should().BeFalse();
        Table.Contains(C(232761)).Should().BeFalse();
        Table.Contains(C(653228)).Should().BeFalse();
        Table.Regions.Should().NotContain(r => r.Code.Value % 100 / 10 == 7, "the NBS xxxx7x statistical zones are dropped");
        Table.Contains(C(810000)).Should().BeFalse();
        Table.Contains(C(710000)).Should().BeFalse();
    }
}
