using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// Where Stryker run 11 left survivors in <see cref="Grouping"/> and <see cref="GroupingPlan"/>: each factory's argument
/// checks (type, parameter and message), the descriptions, the groups each factory makes on a nine-region table
/// (levels, participation, subtrees, the by-level groups) and the plan's leaves. Members are read back from the plan.
/// </summary>
public class GroupingSurvivorsTest
{
    private const Participation Unknown = (Participation)9;

    /// <summary>
    /// Gets the table, indices in code order: 0 130000 丙省, 1 130100 丙一市, 2 130101 丙一县, 3 130102 丙二县,
    /// 4 130200 丙空市 (no counties), 5 139001 丙直辖县 (under the province), 6 140000 丁省, 7 140100 丁一市, 8 140101 丁一区.
    /// </summary>
    internal static RegionTable Table { get; } = RegionTable.FromRegions(
    [
        new Region(new RegionCode(130000), "丙省", AdministrativeLevel.Province, null),
        new Region(new RegionCode(130100), "丙一市", AdministrativeLevel.Prefecture, new RegionCode(130000)),
        new Region(new RegionCode(130101), "丙一县", AdministrativeLevel.County, new RegionCode(130100)),
        new Region(new RegionCode(130102), "丙二县", AdministrativeLevel.County, new RegionCode(130100)),
        new Region(new RegionCode(130200), "丙空市", AdministrativeLevel.Prefecture, new RegionCode(130000)),
        new Region(new RegionCode(139001), "丙直辖县", AdministrativeLevel.County, new RegionCode(130000)),
        new Region(new RegionCode(140000), "丁省", AdministrativeLevel.Province, null),
        new Region(new RegionCode(140100), "丁一市", AdministrativeLevel.Prefecture, new RegionCode(140000)),
        new Region(new RegionCode(140101), "丁一区", AdministrativeLevel.County, new RegionCode(140100)),
    ]);

    private static GroupKey Key(int code) => GroupKey.ForRegion(Table[new RegionCode(code)]);

    /// <summary>The committee indices of group <paramref name="g"/>, read from the plan's leaves.</summary>
    private static int[] Members(GroupingPlan plan, int g) =>
        [.. Enumerable.Range(0, plan.LeafOf.Length).Where(c => plan.LeafOf[c] >= 0 && plan.LeafGroups[plan.LeafOf[c]].Contains(g))];

    private static void ShouldThrowArgument(Action act, string parameter, string message) =>
        act.Should().Throw<ArgumentException>().Where(e => e.GetType() == typeof(ArgumentException))
            .WithParameterName(parameter).WithMessage(message + "*");

    [Fact]
    public void Factories_reject_an_unknown_participation_naming_it()
    {
        const string Message = "Unknown participation.";
        ShouldThrowArgument(() => Grouping.Hierarchy(Unknown), "participation", Message);
        ShouldThrowArgument(() => Grouping.ByProvince(Unknown), "participation", Message);
        ShouldThrowArgument(() => Grouping.ByPrefecture(Unknown), "participation", Message);
        ShouldThrowArgument(() => Grouping.ByPrefecture(new RegionCode(130000), Unknown), "participation", Message);
        ShouldThrowArgument(() => Grouping.Within(new RegionCode(130000), Unknown), "participation", Message);
    }

    [Fact]
    public void Hierarchy_rejects_no_level_and_an_undefined_level_flag()
    {
        ShouldThrowArgument(() => Grouping.Hierarchy(levels: RollupLevels.None), "levels", "Choose at least one level.");
        ShouldThrowArgument(() => Grouping.Hierarchy(levels: (RollupLevels)8), "levels", "Choose at least one level.");
        ShouldThrowArgument(() => Grouping.Hierarchy(levels: RollupLevels.Province | (RollupLevels)16), "levels", "Choose at least one level.");
    }

    [Fact]
    public void Factories_reject_a_default_region_code_naming_the_parameter()
    {
        ShouldThrowArgument(() => Grouping.ByPrefecture(default(RegionCode)), "within", "A region is needed.");
        ShouldThrowArgument(() => Grouping.Within(default), "region", "A region is needed.");
        ShouldThrowArgument(() => Grouping.ByLevel(new RegionCode(130000), default), "within", "A region code is the default value.");
    }

    [Fact]
    public void Factories_reject_null_arguments_naming_them()
    {
        ((Action)(() => Grouping.ByLevel(null!))).Should().Throw<ArgumentNullException>().WithParameterName("within");
        ((Action)(() => Grouping.Of("试点", null!))).Should().Throw<ArgumentNullException>().WithParameterName("committees");
        ((Action)(() => Grouping.Where("县", null!))).Should().Throw<ArgumentNullException>().WithParameterName("predicate");
        ((Action)(() => Grouping.By(null!))).Should().Throw<ArgumentNullException>().WithParameterName("key");
        ((Action)(() => Grouping.ByProvince().And(null!))).Should().Throw<ArgumentNullException>().WithParameterName("other");
    }

    [Fact]
    public void Of_and_where_check_the_name_before_the_committees_and_the_predicate()
    {
        ((Action)(() => Grouping.Of(null!, null!))).Should().Throw<ArgumentNullException>().WithParameterName("name");
        ((Action)(() => Grouping.Where(null!, null!))).Should().Throw<ArgumentNullException>().WithParameterName("name");
        ShouldThrowArgument(() => Grouping.Where(" ", null!), "name", "The value must not be empty or white space.");
    }

    [Fact]
    public void Descriptions_name_the_grouping()
    {
        Grouping.ByLevel().Description.Should().Be("by level");
        Grouping.ByLevel(new RegionCode(130000), new RegionCode(140100)).Description.Should().Be("by level within 130000, 140100");
        Grouping.Of("试点", [new Committee(new RegionCode(130101))]).Description.Should().Be("list 试点");
        Grouping.Where("县", r => r.Level == AdministrativeLevel.County).Description.Should().Be("where 县");
        Grouping.ByProvince().And(Grouping.Where("县", r => r.Level == AdministrativeLevel.County)).Description
            .Should().Be("by province (CountyLevel) and where 县");
        Grouping.ByProvince().And(Grouping.ByLevel()).ToString().Should().Be("by province (CountyLevel) and by level");
    }

    [Fact]
    public void Hierarchy_makes_a_group_per_province_and_prefecture_then_the_nation()
    {
        var plan = Grouping.Hierarchy().Plan(Table);
        plan.Keys.Should().Equal(Key(130000), Key(130100), Key(130200), Key(140000), Key(140100), GroupKey.Nation);

        // County level: the counties 2, 3, 5, 8 and 丙空市 (4), which has no counties.
        plan.GroupSizes.Should().Equal(4, 2, 1, 1, 1, 5);
        Members(plan, 0).Should().Equal(2, 3, 4, 5);
        Members(plan, 1).Should().Equal(2, 3);
        Members(plan, 2).Should().Equal(4);
        Members(plan, 5).Should().Equal(2, 3, 4, 5, 8);
    }

    [Fact]
    public void Hierarchy_leaves_are_the_committees_in_the_same_groups()
    {
        var plan = Grouping.Hierarchy().Plan(Table);

        // 丙一县 and 丙二县 share groups {丙省, 丙一市, 全国}; 丙空市, 丙直辖县 and 丁一区 are each alone.
        plan.LeafCount.Should().Be(4);
        plan.LeafOf.Should().Equal(-1, -1, 0, 0, 1, 2, -1, -1, 3);
        plan.LeafSizes.Should().Equal(2, 1, 1, 1);
        plan.LeafGroups[0].Should().Equal(0, 1, 5);
        plan.LeafGroups[3].Should().Equal(3, 4, 5);
    }

    [Fact]
    public void Hierarchy_without_the_nation_has_no_nation_group_and_adds_nobody_elsewhere()
    {
        var plan = Grouping.Hierarchy(levels: RollupLevels.Province | RollupLevels.Prefecture).Plan(Table);
        plan.Keys.Should().Equal(Key(130000), Key(130100), Key(130200), Key(140000), Key(140100));
        plan.GroupSizes.Should().Equal(4, 2, 1, 1, 1);
        Members(plan, 1).Should().Equal(2, 3);
    }

    [Fact]
    public void By_province_and_by_prefecture_make_only_their_level()
    {
        var provinces = Grouping.ByProvince().Plan(Table);
        provinces.Keys.Should().Equal(Key(130000), Key(140000));
        provinces.GroupSizes.Should().Equal(4, 1);

        var prefectures = Grouping.ByPrefecture(Participation.AllLevels).Plan(Table);
        prefectures.Keys.Should().Equal(Key(130100), Key(130200), Key(140100));
        Members(prefectures, 0).Should().Equal(1, 2, 3);
        Members(prefectures, 1).Should().Equal(4);
        Members(prefectures, 2).Should().Equal(7, 8);
    }

    [Fact]
    public void By_prefecture_within_a_province_keeps_its_prefectures()
    {
        var plan = Grouping.ByPrefecture(new RegionCode(130000)).Plan(Table);
        plan.Keys.Should().Equal(Key(130100), Key(130200));
        plan.GroupSizes.Should().Equal(2, 1);

        ShouldThrowArgument(() => Grouping.ByPrefecture(new RegionCode(150000)).Plan(Table), "within", "Region 150000 is not in the region table.");
    }

    [Fact]
    public void Within_takes_the_subtree_committees_of_the_participation()
    {
        var plan = Grouping.Within(new RegionCode(130000)).Plan(Table);
        plan.Keys.Should().Equal(Key(130000));
        Members(plan, 0).Should().Equal(2, 3, 4, 5);

        var all = Grouping.Within(new RegionCode(130100), Participation.AllLevels).Plan(Table);
        Members(all, 0).Should().Equal(1, 2, 3);

        ShouldThrowArgument(() => Grouping.Within(new RegionCode(150000)).Plan(Table), "region", "Region 150000 is not in the region table.");
    }

    [Fact]
    public void By_level_makes_the_province_prefecture_and_county_groups()
    {
        var plan = Grouping.ByLevel().Plan(Table);
        plan.Keys.Should().Equal(GroupKey.Custom("省级 province"), GroupKey.Custom("地级 prefecture"), GroupKey.Custom("县级 county"));
        Members(plan, 0).Should().Equal(0, 6);
        Members(plan, 1).Should().Equal(1, 4, 7);
        Members(plan, 2).Should().Equal(2, 3, 5, 8);
    }

    [Fact]
    public void By_level_within_regions_keeps_their_subtrees()
    {
        var plan = Grouping.ByLevel(new RegionCode(130000)).Plan(Table);
        Members(plan, 0).Should().Equal(0);
        Members(plan, 1).Should().Equal(1, 4);
        Members(plan, 2).Should().Equal(2, 3, 5);

        var two = Grouping.ByLevel(new RegionCode(130100), new RegionCode(140000)).Plan(Table);
        Members(two, 0).Should().Equal(6);
        Members(two, 1).Should().Equal(1, 7);
        Members(two, 2).Should().Equal(2, 3, 8);
    }

    [Fact]
    public void By_level_rejects_a_region_not_in_the_table_when_resolved()
    {
        var grouping = Grouping.ByLevel(new RegionCode(130000), new RegionCode(150000));
        ShouldThrowArgument(() => grouping.Plan(Table), "within", "Region 150000 is not in the region table.");
    }

    [Fact]
    public void Of_takes_the_listed_committees_once_and_rejects_one_not_in_the_table()
    {
        var plan = Grouping.Of("试点", [new Committee(new RegionCode(140101)), new Committee(new RegionCode(130101)), new Committee(new RegionCode(140101))]).Plan(Table);
        plan.Keys.Should().Equal(GroupKey.Custom("试点"));
        plan.GroupSizes.Should().Equal(2);
        Members(plan, 0).Should().Equal(2, 8);

        ShouldThrowArgument(
            () => Grouping.Of("试点", [new Committee(new RegionCode(130100), AdministrativeLevel.County)]).Plan(Table),
            "committees",
            "Committee 130100/county is not in the region table (at its region's level).");
    }

    [Fact]
    public void Plan_counts_a_member_listed_twice_once()
    {
        var groups = new List<(GroupKey Key, List<int> Members)> { (GroupKey.Custom("甲"), [1, 1, 2]), (GroupKey.Custom("乙"), [2]) };
        var plan = GroupingPlan.Create(3, groups);
        plan.GroupSizes.Should().Equal(2, 1);
        plan.LeafOf.Should().Equal(-1, 0, 1);
        plan.LeafGroups[0].Should().Equal(0);
        plan.LeafGroups[1].Should().Equal(0, 1);
        plan.LeafSizes.Should().Equal(1, 1);
    }

    [Fact]
    public void Plan_puts_committees_of_the_same_groups_in_one_leaf()
    {
        var groups = new List<(GroupKey Key, List<int> Members)> { (GroupKey.Custom("甲"), [0, 1, 2, 4]), (GroupKey.Custom("乙"), [2, 4]) };
        var plan = GroupingPlan.Create(5, groups);
        plan.LeafCount.Should().Be(2);
        plan.LeafOf.Should().Equal(0, 0, 1, -1, 1);
        plan.LeafSizes.Should().Equal(2, 2);
        plan.Runs.Should().Equal(new LeafRun(0, 2, 0), new LeafRun(2, 1, 1), new LeafRun(4, 1, 1));
    }
}
