using System;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// <see cref="GroupKey"/>: the constructor's checks per field (parameter and message), the nation's default name,
/// the factories' null and blank checks, equality across kinds and the ordering (regions by code, not by name, then
/// the nation, then custom groups by name) through <c>CompareTo</c> and every operator.
/// </summary>
public class GroupKeyTest
{
    // 丙 (U+4E19) sorts after 丁 (U+4E01) by name, but 130000 before 140000 by code.
    private static readonly GroupKey Bing = GroupKey.ForRegion(GroupingSurvivorsTest.Table[new RegionCode(130000)]);
    private static readonly GroupKey Ding = GroupKey.ForRegion(GroupingSurvivorsTest.Table[new RegionCode(140000)]);

    private static void ShouldThrowArgument(Action act, string parameter, string message) =>
        act.Should().Throw<ArgumentException>().Where(e => e.GetType() == typeof(ArgumentException))
            .WithParameterName(parameter).WithMessage(message + "*");

    [Fact]
    public void Constructor_rejects_an_undefined_kind()
    {
        ShouldThrowArgument(() => _ = new GroupKey((GroupKind)7, null, null, "甲"), "kind", "7 is not a group kind.");
    }

    [Fact]
    public void Constructor_requires_a_code_exactly_for_a_region()
    {
        const string Message = "A region group has a region code; the nation and a custom group have none.";
        ShouldThrowArgument(() => _ = new GroupKey(GroupKind.Region, null, AdministrativeLevel.Province, "丙省"), "code", Message);
        ShouldThrowArgument(() => _ = new GroupKey(GroupKind.Custom, new RegionCode(130000), null, "甲"), "code", Message);
    }

    [Fact]
    public void Constructor_requires_a_defined_level_exactly_for_a_region()
    {
        const string Message = "A region group has a defined administrative level; the nation and a custom group have none.";
        ShouldThrowArgument(() => _ = new GroupKey(GroupKind.Region, new RegionCode(130000), null, "丙省"), "level", Message);
        ShouldThrowArgument(() => _ = new GroupKey(GroupKind.Region, new RegionCode(130000), (AdministrativeLevel)9, "丙省"), "level", Message);
        ShouldThrowArgument(() => _ = new GroupKey(GroupKind.Custom, null, AdministrativeLevel.County, "甲"), "level", Message);
    }

    [Fact]
    public void The_nation_is_named_全国_when_no_name_is_given()
    {
        var nation = new GroupKey(GroupKind.Nation, null, null, null);
        nation.Name.Should().Be("全国");
        nation.Should().Be(GroupKey.Nation);
        new GroupKey(GroupKind.Nation, null, null, "全国").Name.Should().Be("全国");
    }

    [Fact]
    public void The_nation_has_no_other_name_and_a_custom_group_needs_one()
    {
        ShouldThrowArgument(() => _ = new GroupKey(GroupKind.Nation, null, null, "国家"), "name", "A region or custom group needs a name, and the nation is named 全国, not '国家'.");
        ShouldThrowArgument(() => _ = new GroupKey(GroupKind.Custom, null, null, null), "name", "A region or custom group needs a name, and the nation is named 全国, not ''.");
        ShouldThrowArgument(() => _ = new GroupKey(GroupKind.Custom, null, null, " "), "name", "A region or custom group needs a name, and the nation is named 全国, not ' '.");
        ShouldThrowArgument(() => _ = new GroupKey(GroupKind.Region, new RegionCode(130000), AdministrativeLevel.Province, ""), "name", "A region or custom group needs a name");
    }

    [Fact]
    public void Factories_reject_null_and_blank_arguments()
    {
        ((Action)(() => GroupKey.ForRegion(null!))).Should().Throw<ArgumentNullException>().WithParameterName("region");
        ((Action)(() => GroupKey.Custom(null!))).Should().Throw<ArgumentNullException>().WithParameterName("name");
        ShouldThrowArgument(() => GroupKey.Custom(" "), "name", "The value must not be empty or white space.");
    }

    [Fact]
    public void The_default_key_has_an_empty_name()
    {
        default(GroupKey).Name.Should().BeEmpty();
    }

    [Fact]
    public void Equality_compares_kind_code_and_name()
    {
        GroupKey.Custom("全国").Equals(GroupKey.Nation).Should().BeFalse();
        (GroupKey.Custom("全国") == GroupKey.Nation).Should().BeFalse();
        (GroupKey.Custom("全国") != GroupKey.Nation).Should().BeTrue();
        (GroupKey.Custom("甲") != GroupKey.Custom("乙")).Should().BeTrue();
        (GroupKey.Custom("甲") != GroupKey.Custom("甲")).Should().BeFalse();
        (Bing != GroupKey.ForRegion(GroupingSurvivorsTest.Table[new RegionCode(130000)])).Should().BeFalse();
        (Bing != Ding).Should().BeTrue();
    }

    [Fact]
    public void Regions_sort_by_code_then_the_nation_then_custom_groups_by_name()
    {
        Bing.CompareTo(Ding).Should().BeNegative();
        Ding.CompareTo(Bing).Should().BePositive();
        Bing.CompareTo(Bing).Should().Be(0);
        Ding.CompareTo(GroupKey.Nation).Should().BeNegative();
        Bing.CompareTo(GroupKey.Custom("甲")).Should().BeNegative();
        GroupKey.Custom("甲").CompareTo(Bing).Should().BePositive();
        GroupKey.Nation.CompareTo(GroupKey.Custom("甲")).Should().BeNegative();
        GroupKey.Custom("a").CompareTo(GroupKey.Custom("b")).Should().BeNegative();
        GroupKey.Custom("b").CompareTo(GroupKey.Custom("a")).Should().BePositive();
        GroupKey.Custom("a").CompareTo(GroupKey.Custom("a")).Should().Be(0);
    }

    [Fact]
    public void Non_generic_compare_puts_null_first_and_rejects_other_types()
    {
        IComparable bing = Bing;
        bing.CompareTo(null).Should().BePositive();
        bing.CompareTo(Ding).Should().BeNegative();
        ShouldThrowArgument(() => bing.CompareTo("130000"), "obj", "The object is not a GroupKey.");
    }

    [Fact]
    public void Ordering_operators_follow_compare()
    {
        var a = GroupKey.Custom("a");
        var b = GroupKey.Custom("b");
        var a2 = GroupKey.Custom("a");

        (a < b).Should().BeTrue();
        (b < a).Should().BeFalse();
        (a < a2).Should().BeFalse();

        (b > a).Should().BeTrue();
        (a > b).Should().BeFalse();
        (a > a2).Should().BeFalse();

        (a <= b).Should().BeTrue();
        (b <= a).Should().BeFalse();
        (a <= a2).Should().BeTrue();

        (b >= a).Should().BeTrue();
        (a >= b).Should().BeFalse();
        (a >= a2).Should().BeTrue();

        (Bing < Ding).Should().BeTrue();
        (Ding > Bing).Should().BeTrue();
    }
}
