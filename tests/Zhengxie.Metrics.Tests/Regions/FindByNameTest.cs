using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Regions;

public class FindByNameTest
{
    private static readonly RegionTable Table = RegionTable.Default;

    private static RegionCode C(int value) => new(value);

    private static IEnumerable<int> Codes(IEnumerable<Region> regions) => regions.Select(r => r.Code.Value);

    [Theory]
    [InlineData("永嘉县", 330324)]
    [InlineData("永嘉", 330324)]
    [InlineData("浙江", 330000)]
    [InlineData("浙江省", 330000)]
    [InlineData(" 浙江省 ", 330000)]
    [InlineData("温州", 330300)]
    [InlineData("广西", 450000)]
    [InlineData("内蒙古", 150000)]
    [InlineData("新疆", 650000)]
    [InlineData("宁夏", 640000)]
    [InlineData("西藏", 540000)]
    [InlineData("锡林郭勒", 152500)]
    [InlineData("延边", 222400)]
    [InlineData("延边朝鲜族自治州", 222400)]
    [InlineData("神农架", 429021)]
    [InlineData("六枝", 520203)]
    [InlineData("浦东", 310115)]
    [InlineData("龙胜", 450328)]
    [InlineData("积石山", 622927)]
    [InlineData("巴里坤", 650521)]
    [InlineData("城区", 140302)]
    public void Finds_one_region(string name, int code)
    {
        var found = Table.FindByName(name);
        Codes(found).Should().Contain(code);
        if (name.Trim() != "城区")
        {
            Codes(found).Should().Equal(code);
        }
    }

    [Fact]
    public void Exact_name_wins_over_short_forms()
    {
        // 城区 is the full name of three districts; it is not shortened to 城.
        Codes(Table.FindByName("城区")).Should().HaveCount(3).And.BeInAscendingOrder();
        Table.FindByName("城区").Should().OnlyContain(r => r.Name == "城区");
    }

    [Fact]
    public void Duplicate_names_return_every_match_sorted_by_code()
    {
        Codes(Table.FindByName("朝阳区")).Should().Equal(110105, 220104);
        Codes(Table.FindByName("鼓楼区")).Should().Equal(320106, 320302, 350102, 410204);
        Codes(Table.FindByName("朝阳")).Should().Equal(110105, 211300, 211321, 220104);
        Codes(Table.FindByName("恩施")).Should().Equal(422800, 422801);
        Codes(Table.FindByName("恩施州")).Should().Equal(422800, 422801);
        Codes(Table.FindByName("和田")).Should().Equal(653200, 653201, 653221);
    }

    [Fact]
    public void Every_region_is_found_by_its_full_name_and_within_its_province()
    {
        foreach (var region in Table.Regions)
        {
            var found = Table.FindByName(region.Name);
            found.Should().Contain(region).And.OnlyContain(r => r.Name == region.Name).And.BeInAscendingOrder(r => r.Code.Value);
            if (region.ParentCode is { } parent)
            {
                Table.FindByName(region.Name, parent).Should().Contain(region);
                Table.FindByName(region.Name, region.Code.ProvinceCode).Should().Contain(region);
            }
        }
    }

    [Fact]
    public void Unknown_names_find_nothing()
    {
        Table.FindByName("香港").Should().BeEmpty();
        Table.FindByName("台湾省").Should().BeEmpty();
        Table.FindByName("Zhejiang").Should().BeEmpty();
        Table.FindByName("330324").Should().BeEmpty();
    }

    [Fact]
    public void Empty_names_are_rejected()
    {
        FluentActions.Invoking(() => Table.FindByName(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Table.FindByName("  ")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Table.FindByName("", C(330000))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Within_restricts_to_descendants()
    {
        Codes(Table.FindByName("永嘉", C(330000))).Should().Equal(330324);
        Codes(Table.FindByName("永嘉", C(330300))).Should().Equal(330324);
        Table.FindByName("永嘉", C(330600)).Should().BeEmpty();
        Table.FindByName("永嘉", C(320000)).Should().BeEmpty();
        Codes(Table.FindByName("朝阳区", C(220000))).Should().Equal(220104);
        Codes(Table.FindByName("朝阳区", C(110000))).Should().Equal(110105);
        Codes(Table.FindByName("朝阳", C(210000))).Should().Equal(211300, 211321);
        Codes(Table.FindByName("鼓楼区", C(320000))).Should().Equal(320106, 320302);
        Table.FindByName("浙江", C(330000)).Should().BeEmpty("a region is not its own descendant");
    }

    [Fact]
    public void Within_falls_back_to_short_forms_when_no_exact_match_lies_below()
    {
        // 和田市 exists, but ask for 和田县 within the prefecture: exact; and 和田 within Xinjiang: all three.
        Codes(Table.FindByName("和田县", C(653200))).Should().Equal(653221);
        Codes(Table.FindByName("和田", C(650000))).Should().Equal(653200, 653201, 653221);
    }

    [Fact]
    public void Within_an_unknown_region_throws()
    {
        FluentActions.Invoking(() => Table.FindByName("永嘉", C(330399))).Should().Throw<KeyNotFoundException>();
    }

    [Theory]
    [InlineData("浙江省", "浙江")]
    [InlineData("永嘉县", "永嘉")]
    [InlineData("广西壮族自治区", "广西")]
    [InlineData("新疆维吾尔自治区", "新疆")]
    [InlineData("恩施土家族苗族自治州", "恩施")]
    [InlineData("双江拉祜族佤族布朗族傣族自治县", "双江")]
    [InlineData("积石山保安族东乡族撒拉族自治县", "积石山")]
    [InlineData("克孜勒苏柯尔克孜自治州", "克孜勒苏")]
    [InlineData("和田地区", "和田")]
    [InlineData("神农架林区", "神农架")]
    [InlineData("锡林郭勒盟", "锡林郭勒")]
    [InlineData("沙市区", "沙市")]
    [InlineData("城区", "城区")]
    [InlineData("义县", "义县")]
    [InlineData("鄂伦春自治旗", "鄂伦春")]
    [InlineData("东乡族自治县", "东乡族")]
    [InlineData("融水苗族自治县", "融水")]
    [InlineData("长白朝鲜族自治县", "长白")]
    [InlineData("恩施州", "恩施")]
    [InlineData("杭州", "杭州")]
    public void Short_forms(string name, string expected)
    {
        RegionNames.Shorten(name).Should().Be(expected);
    }
}
