using System;
using System.Linq;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Figures;

/// <summary>
/// <see cref="UnitEquivalence"/> and <see cref="UnitGroup"/>: which counting words count the same thing for which measures
/// (DOMAIN.md: 件/次/场/篇/条/个/人次/家次 never add up together, except the groups the table names), the groups of the
/// built-in table, adding a group, and the exact refusals.
/// </summary>
public class UnitEquivalenceTest
{
    [Theory]
    [InlineData("activity.consultation.sector", "次", "场次", true)]
    [InlineData("activity", "次", "场", true)]
    [InlineData("activity.reading", "场", "场次", true)]
    [InlineData("proposals.filed", "次", "场次", false)]
    [InlineData("activityx.y", "次", "场次", false)]
    [InlineData("proposals.filed", "家", "个", true)]
    [InlineData("members.think_tank", "名", "位", true)]
    [InlineData("members.think_tank", "人", "名", true)]
    [InlineData("activity.reading.participants", "人", "人次", false)]
    [InlineData("opinion_info.submitted", "篇", "条", true)]
    [InlineData("opinion_info.adopted.province", "条", "篇次", true)]
    [InlineData("output.suggestions", "篇", "条", false)]
    [InlineData("output.research_reports", "篇次", "篇", true)]
    [InlineData("outreach.media_reports", "篇", "篇次", true)]
    [InlineData("special_reports.submitted", "篇次", "篇", true)]
    [InlineData("activity.inspection", "件", "次", false)]
    [InlineData("members.donations", "万元", "元", true)]
    [InlineData("members.honoured", "万人", "人", true)]
    [InlineData("members.honoured", "万人", "名", true)]
    public void The_built_in_table(string measure, string a, string b, bool equivalent)
    {
        UnitEquivalence.Default.AreEquivalent(new Measure(measure), new FigureUnit(a), new FigureUnit(b)).Should().Be(equivalent);
        UnitEquivalence.Default.AreEquivalent(new Measure(measure), new FigureUnit(b), new FigureUnit(a)).Should().Be(equivalent, "equivalence is symmetric");
    }

    [Fact]
    public void Without_groups_only_the_same_base_unit_is_equivalent()
    {
        var activity = new Measure("activity.inspection");

        UnitEquivalence.None.Groups.Should().BeEmpty();
        UnitEquivalence.None.AreEquivalent(activity, FigureUnit.Times, new FigureUnit("场次")).Should().BeFalse();
        UnitEquivalence.None.AreEquivalent(activity, FigureUnit.Times, FigureUnit.Times).Should().BeTrue();
        UnitEquivalence.None.AreEquivalent(new Measure("members.donations"), new FigureUnit("万元"), new FigureUnit("元")).Should().BeTrue();
        UnitEquivalence.None.AreEquivalent(new Measure("members.donations"), new FigureUnit("亿元"), new FigureUnit("万元")).Should().BeTrue();
    }

    [Fact]
    public void The_built_in_groups_in_order()
    {
        var groups = UnitEquivalence.Default.Groups;

        groups.Select(g => g.Measure?.Id).Should().Equal(null, null, "activity", "output", "outreach", "special_reports", "opinion_info");
        groups[0].Symbols.Should().Equal("家", "个");
        groups[1].Symbols.Should().Equal("名", "人", "位");
        groups[2].Symbols.Should().Equal("次", "场次", "场");
        groups[6].Symbols.Should().Equal("篇", "篇次", "条");
    }

    [Fact]
    public void A_group_added_holds_for_its_measure_and_those_under_it_only()
    {
        var households = new Measure("poverty.households_helped");
        var table = UnitEquivalence.None.With(households, "万户", "家");

        table.Groups.Should().ContainSingle().Which.Symbols.Should().Equal("户", "家");
        table.Groups[0].Measure.Should().Be(households);
        table.AreEquivalent(households, new FigureUnit("户"), new FigureUnit("家")).Should().BeTrue();
        table.AreEquivalent(new Measure("poverty.households_helped.rural"), new FigureUnit("户"), new FigureUnit("家")).Should().BeTrue();
        table.AreEquivalent(new Measure("poverty.villages_helped"), new FigureUnit("户"), new FigureUnit("家")).Should().BeFalse();
        table.AreEquivalent(households, new FigureUnit("户"), new FigureUnit("个")).Should().BeFalse("only units of one group are equivalent");
        UnitEquivalence.None.Groups.Should().BeEmpty("With returns a new table");
    }

    [Fact]
    public void A_group_needs_two_symbols_none_empty()
    {
        var nullSymbols = () => UnitEquivalence.None.With(null, null!);
        var one = () => UnitEquivalence.None.With(null, "家");
        var blank = () => UnitEquivalence.None.With(null, "家", " ");
        var empty = () => UnitEquivalence.None.With(null, "", "家");

        nullSymbols.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("symbols");
        one.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("A group of equivalent units needs at least two units. (Parameter 'symbols')");
        blank.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("A unit symbol is empty. (Parameter 'symbols')");
        empty.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("A unit symbol is empty. (Parameter 'symbols')");
        UnitEquivalence.None.With(null, "家", "个").Groups.Should().ContainSingle();
    }

    [Theory]
    [InlineData("activity", true)]
    [InlineData("activity.consultation", true)]
    [InlineData("activity.consultation.sector", true)]
    [InlineData("activityx", false)]
    [InlineData("activit", false)]
    [InlineData("zctivity.consultation", false)]
    [InlineData("proposals.activity", false)]
    public void A_group_covers_its_measure_and_its_descendants(string measure, bool covered)
    {
        var group = new UnitGroup(new Measure("activity"), ["次", "场次"]);

        group.Covers(new Measure(measure)).Should().Be(covered);
        new UnitGroup(null, ["家", "个"]).Covers(new Measure(measure)).Should().BeTrue();
    }

    [Fact]
    public void A_group_holds_its_symbols_exactly()
    {
        var group = new UnitGroup(null, ["篇", "篇次"]);

        group.Contains("篇").Should().BeTrue();
        group.Contains("篇次").Should().BeTrue();
        group.Contains("次").Should().BeFalse();
        group.Contains("篇 ").Should().BeFalse();
    }
}
