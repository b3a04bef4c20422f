using System;
using System.IO;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Regions;

/// <summary>Refusals of regions, codes and region tables word for word, code order at equal codes, and the short forms of names.</summary>
public class RegionEdgeSurvivorsTest
{
    private static readonly RegionCode Lishui = RegionCode.Parse("331100");
    private static readonly RegionCode Zhejiang = RegionCode.Parse("330000");

    [Fact]
    public void A_region_needs_a_code_and_a_parent_unless_it_is_a_province()
    {
        var noCode = () => new Region(default, "浙江省", AdministrativeLevel.Province, null);
        noCode.Should().Throw<ArgumentException>().WithMessage("A region needs a code.*").Which.ParamName.Should().Be("code");
        var noParent = () => new Region(Lishui, "丽水市", AdministrativeLevel.Prefecture, null);
        noParent.Should().Throw<ArgumentException>().WithMessage("Region 331100: a province has no parent, and every other region has one.*").Which.ParamName.Should().Be("parentCode");
    }

    [Fact]
    public void A_code_outside_six_digits_is_refused_with_the_range()
    {
        var act = () => new RegionCode(100000);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("A GB/T 2260 code has six digits, from 110000 to 999999.*");
    }

    [Fact]
    public void Codes_format_as_six_digits_and_compare_only_with_codes()
    {
        default(RegionCode).ToString().Should().Be("000000");
        Lishui.ToString().Should().Be("331100");
        IComparable comparable = Lishui;
        comparable.CompareTo(Zhejiang).Should().BePositive();
        comparable.CompareTo(null).Should().Be(1);
        var act = () => comparable.CompareTo("331100");
        act.Should().Throw<ArgumentException>().WithMessage("The object is not a RegionCode.*").Which.ParamName.Should().Be("obj");
    }

    [Fact]
    public void Comparison_operators_at_equal_codes()
    {
        var same = RegionCode.Parse("331100");
        (Lishui < same).Should().BeFalse();
        (Lishui > same).Should().BeFalse();
        (Lishui <= same).Should().BeTrue();
        (Lishui >= same).Should().BeTrue();
        (Zhejiang < Lishui).Should().BeTrue();
        (Lishui > Zhejiang).Should().BeTrue();
        (Lishui <= Zhejiang).Should().BeFalse();
        (Zhejiang >= Lishui).Should().BeFalse();
    }

    [Fact]
    public void A_region_table_refuses_null_inputs_by_name()
    {
        ((Action)(() => RegionTable.FromRegions(null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("regions");
        ((Action)(() => RegionTable.FromRegions([null!]))).Should().Throw<ArgumentException>().WithMessage("The regions must not contain null.*").Which.ParamName.Should().Be("regions");
        ((Action)(() => RegionTable.Load(null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("reader");

        var table = RegionTable.FromRegions([new Region(Zhejiang, "浙江省", AdministrativeLevel.Province, null)]);
        ((Action)(() => table.WithOverrides(null!, []))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("add");
        ((Action)(() => table.WithOverrides([], null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("remove");
        ((Action)(() => table.WithOverrides([null!], []))).Should().Throw<ArgumentException>().WithMessage("The regions to add must not contain null.*").Which.ParamName.Should().Be("add");
    }

    [Fact]
    public void A_line_the_region_itself_refuses_names_line_and_code()
    {
        using var reader = new StringReader("code,name,level,parent_code\n330000,浙江省,province,\n331100,丽水市,prefecture,\n");
        var act = () => RegionTable.Load(reader);
        act.Should().Throw<ZhengxieMetricsException>()
            .WithMessage("Region table, line 3: region 331100: Region 331100: a province has no parent, and every other region has one.*")
            .WithInnerException<ArgumentException>();
    }

    [Theory]
    [InlineData("331100,丽水市,province,", "province", "prefecture")]
    [InlineData("331100,丽水市,county,330000", "county", "prefecture")]
    public void A_level_that_does_not_fit_the_codes_shape_is_named(string line, string listed, string shape)
    {
        using var reader = new StringReader("code,name,level,parent_code\n330000,浙江省,province,\n" + line + "\n");
        var act = () => RegionTable.Load(reader);
        act.Should().Throw<ZhengxieMetricsException>().WithMessage($"Region table, line 3: region *is listed as {listed}, but its code has the shape of a {shape} code.");
    }

    [Fact]
    public void An_empty_table_has_a_hash_code()
    {
        var empty = RegionTable.FromRegions([]);
        empty.GetHashCode().Should().Be(RegionTable.FromRegions([]).GetHashCode());
        empty.Equals(RegionTable.FromRegions([])).Should().BeTrue();
    }

    [Theory]
    [InlineData("香港特别行政区", "香港")]
    [InlineData("土默特左旗", "土默特左")]
    [InlineData("博尔塔拉蒙古自治州", "博尔塔拉")] // a people of two characters, named without 族
    [InlineData("巴音郭楞蒙古自治州", "巴音郭楞")]
    [InlineData("管城回族区", "管城回族")] // not autonomous: the people stays
    [InlineData("梅里斯达斡尔族区", "梅里斯达斡尔族")]
    [InlineData("恩施土家族苗族自治州", "恩施")]
    [InlineData("丽水市", "丽水")]
    public void Short_names_drop_one_suffix_and_peoples_only_of_autonomous_regions(string name, string shortName)
    {
        RegionNames.Shorten(name).Should().Be(shortName);
    }
}
