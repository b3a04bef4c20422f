using System;
using System.IO;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Regions;

public class CustomRegionTableTest
{
    private const string Header = "code,name,level,parent_code\n";

    private const string Wenzhou =
        Header
        + "330000,浙江省,province,\n"
        + "330300,温州市,prefecture,330000\n"
        + "330324,永嘉县,county,330300\n"
        + "330600,绍兴市,prefecture,330000\n"
        + "330683,嵊州市,county,330600\n";

    private static RegionCode C(int value) => new(value);

    private static RegionTable LoadText(string text) => RegionTable.Load(new StringReader(text));

    private static Region County(int code, string name, int parent) => new(C(code), name, AdministrativeLevel.County, C(parent));

    [Fact]
    public void A_small_table_loads()
    {
        var table = LoadText(Wenzhou);
        table.Count.Should().Be(5);
        table.GetParent(C(330324)).Name.Should().Be("温州市");
        table.GetAncestors(C(330683)).Select(r => r.Code.Value).Should().Equal(330600, 330000);
        table.Provinces.Should().ContainSingle();
        table.Prefectures.Should().HaveCount(2);
        table.Counties.Should().HaveCount(2);
    }

    [Fact]
    public void Byte_order_mark_crlf_and_empty_lines_are_accepted()
    {
        var table = LoadText("\uFEFF" + Wenzhou.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n");
        table.Count.Should().Be(5);
    }

    [Fact]
    public void Rows_may_come_in_any_order()
    {
        var table = LoadText(Header + "330324,永嘉县,county,330300\n330300,温州市,prefecture,330000\n330000,浙江省,province,\n");
        table.Regions.Select(r => r.Code.Value).Should().Equal(330000, 330300, 330324);
    }

    [Theory]
    [InlineData("", "line 1")]
    [InlineData("code,name,level\n", "line 1")]
    [InlineData("code;name;level;parent_code\n", "line 1")]
    [InlineData("Code,Name,Level,Parent_Code\n", "line 1")]
    public void Wrong_header(string text, string expected)
    {
        FluentActions.Invoking(() => LoadText(text)).Should().Throw<ZhengxieMetricsException>()
            .Which.Message.Should().Contain(expected).And.Contain("code,name,level,parent_code");
    }

    [Theory]
    [InlineData("330300,温州市,prefecture\n", "line 3", "3 fields")]
    [InlineData("330300,温州市,prefecture,330000,x\n", "line 3", "5 fields")]
    [InlineData("33030,温州市,prefecture,330000\n", "line 3", "'33030'")]
    [InlineData("abcdef,温州市,prefecture,330000\n", "line 3", "'abcdef'")]
    [InlineData("330300,温州市,city,330000\n", "line 3", "'city'")]
    [InlineData("330300,温州市,prefecture,33000x\n", "line 3", "'33000x'")]
    [InlineData("330300,,prefecture,330000\n", "line 3", "330300")]
    [InlineData("330300,温州市,prefecture,\n", "line 3", "330300")]
    [InlineData("330300,温州市,Prefecture,330000\n", "line 3", "'Prefecture'")]
    public void Malformed_line(string line, string expectedLine, string expectedDetail)
    {
        string text = Header + "330000,浙江省,province,\n" + line;
        FluentActions.Invoking(() => LoadText(text)).Should().Throw<ZhengxieMetricsException>()
            .Which.Message.Should().Contain(expectedLine).And.Contain(expectedDetail);
    }

    [Fact]
    public void Duplicate_code_names_both_lines()
    {
        string text = Wenzhou + "330324,永嘉县,county,330300\n";
        FluentActions.Invoking(() => LoadText(text)).Should().Throw<ZhengxieMetricsException>()
            .Which.Message.Should().Contain("330324").And.Contain("twice").And.Contain("line 7").And.Contain("line 4");
    }

    [Fact]
    public void Missing_parent()
    {
        string text = Wenzhou + "330381,瑞安市,county,330399\n";
        FluentActions.Invoking(() => LoadText(text)).Should().Throw<ZhengxieMetricsException>()
            .Which.Message.Should().Contain("line 7").And.Contain("330381 瑞安市").And.Contain("330399").And.Contain("not in the table");
    }

    [Fact]
    public void Parent_at_the_same_or_a_lower_level()
    {
        FluentActions.Invoking(() => LoadText(Wenzhou + "330326,平阳县,county,330324\n")).Should().Throw<ZhengxieMetricsException>()
            .Which.Message.Should().Contain("line 7").And.Contain("330326").And.Contain("330324").And.Contain("not above");
        FluentActions.Invoking(() => LoadText(Wenzhou + "330400,嘉兴市,prefecture,330300\n")).Should().Throw<ZhengxieMetricsException>()
            .Which.Message.Should().Contain("line 7").And.Contain("330400").And.Contain("not above");
    }

    [Fact]
    public void County_under_the_wrong_prefecture()
    {
        FluentActions.Invoking(() => LoadText(Wenzhou + "330326,平阳县,county,330600\n")).Should().Throw<ZhengxieMetricsException>()
            .Which.Message.Should().Contain("line 7").And.Contain("330326").And.Contain("330600").And.Contain("four digits");
    }

    [Fact]
    public void Parent_in_another_province()
    {
        string text = Wenzhou + "320000,江苏省,province,\n320100,南京市,prefecture,330000\n";
        FluentActions.Invoking(() => LoadText(text)).Should().Throw<ZhengxieMetricsException>()
            .Which.Message.Should().Contain("line 8").And.Contain("320100").And.Contain("another province");
    }

    [Fact]
    public void Level_that_does_not_fit_the_code()
    {
        FluentActions.Invoking(() => LoadText(Wenzhou + "330400,嘉兴市,county,330000\n")).Should().Throw<ZhengxieMetricsException>()
            .Which.Message.Should().Contain("line 7").And.Contain("330400").And.Contain("prefecture");
    }

    [Fact]
    public void From_regions_reports_the_region()
    {
        var regions = new[]
        {
            new Region(C(330000), "浙江省", AdministrativeLevel.Province, null),
            County(330324, "永嘉县", 330300),
        };
        FluentActions.Invoking(() => RegionTable.FromRegions(regions)).Should().Throw<ZhengxieMetricsException>()
            .Which.Message.Should().Be("Region table: region 330324 永嘉县 names parent 330300, which is not in the table.");
        FluentActions.Invoking(() => RegionTable.FromRegions(new Region[] { regions[0], regions[0] })).Should().Throw<ZhengxieMetricsException>()
            .Which.Message.Should().Contain("330000").And.Contain("twice");
        FluentActions.Invoking(() => RegionTable.FromRegions(new Region[] { regions[0], null! })).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Overrides_add_Hekang_county_under_Hotan()
    {
        var hekang = County(653228, "和康县", 653200);
        var table = RegionTable.Default.WithOverrides([hekang, County(653229, "和安县", 653200)], []);
        table.Count.Should().Be(RegionTable.Default.Count + 2);
        table.Counties.Should().HaveCount(2846);
        table[C(653228)].Should().Be(hekang);
        table.GetParent(C(653228)).Name.Should().Be("和田地区");
        table.GetChildren(C(653200)).Select(r => r.Code.Value).Should().Equal(653201, 653221, 653222, 653223, 653224, 653225, 653226, 653227, 653228, 653229);
        table.FindByName("和康").Select(r => r.Code.Value).Should().Equal(653228);
        table.Regions.Should().BeInAscendingOrder(r => r.Code.Value);
        RegionTable.Default.Contains(C(653228)).Should().BeFalse("the default table is unchanged");
    }

    [Fact]
    public void Overrides_remove_and_replace()
    {
        // 2025-11: 江北区 and 渝北区 abolished, 两江新区 created.
        var table = RegionTable.Default.WithOverrides([County(500157, "两江新区", 500000)], [C(500105), C(500112)]);
        table.Contains(C(500105)).Should().BeFalse();
        table.Contains(C(500112)).Should().BeFalse();
        table.GetParent(C(500157)).Code.Should().Be(C(500000));
        table.Count.Should().Be(RegionTable.Default.Count - 1);
        table.FindByName("两江").Select(r => r.Code.Value).Should().Equal(500157);

        var renamed = RegionTable.Default.WithOverrides([County(330324, "永嘉新县", 330300)], []);
        renamed[C(330324)].Name.Should().Be("永嘉新县");
        renamed.Count.Should().Be(RegionTable.Default.Count);
    }

    [Fact]
    public void Overrides_are_validated()
    {
        FluentActions.Invoking(() => RegionTable.Default.WithOverrides([County(653228, "和康县", 653299)], []))
            .Should().Throw<ZhengxieMetricsException>().Which.Message.Should().Contain("653228").And.Contain("653299");
        FluentActions.Invoking(() => RegionTable.Default.WithOverrides([], [C(330300)]))
            .Should().Throw<ZhengxieMetricsException>().Which.Message.Should().Contain("330300");
        FluentActions.Invoking(() => RegionTable.Default.WithOverrides([], [C(653228)]))
            .Should().Throw<ZhengxieMetricsException>().Which.Message.Should().Contain("653228").And.Contain("not in the table");
        FluentActions.Invoking(() => RegionTable.Default.WithOverrides([County(653228, "和康县", 653200), County(653228, "和安县", 653200)], []))
            .Should().Throw<ZhengxieMetricsException>().Which.Message.Should().Contain("653228").And.Contain("twice");
    }

    [Fact]
    public void Custom_special_cases_follow_the_data()
    {
        var table = LoadText(Header + "420000,湖北省,province,\n429004,仙桃市,county,420000\n420800,荆门市,prefecture,420000\n");
        table.IsDirectlyUnderProvince(C(429004)).Should().BeTrue();
        table.IsLeafPrefecture(C(420800)).Should().BeTrue();
        table.IsMunicipality(C(420000)).Should().BeFalse();
        table.GetDescendants(C(420000)).Select(r => r.Code.Value).Should().Equal(420800, 429004);
    }
}
