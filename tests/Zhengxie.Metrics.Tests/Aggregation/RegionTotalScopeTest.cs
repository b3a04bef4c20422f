using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// The scopes of a roll-up (committee figures, region totals, both summed): which measures each takes by
/// default, the columns merged under <see cref="AggregationScope.CommitteeAndRegionTotal"/>, and the refusal,
/// word for word, of a group that would hold a region total together with a figure it already contains.
/// </summary>
public class RegionTotalScopeTest
{
    private static readonly RegionTable Table = RegionTable.FromRegions(
    [
        new Region(new RegionCode(130000), "丙省", AdministrativeLevel.Province, null),
        new Region(new RegionCode(130100), "丙一市", AdministrativeLevel.Prefecture, new RegionCode(130000)),
        new Region(new RegionCode(130101), "丙一县", AdministrativeLevel.County, new RegionCode(130100)),
        new Region(new RegionCode(130102), "丙二县", AdministrativeLevel.County, new RegionCode(130100)),
        new Region(new RegionCode(130200), "丙二市", AdministrativeLevel.Prefecture, new RegionCode(130000)),
        new Region(new RegionCode(130201), "丙三县", AdministrativeLevel.County, new RegionCode(130200)),
    ]);

    private static readonly Measure Consult = new("activity.consultation");
    private static readonly Measure Visits = new("activity.visit");
    private static readonly FigureUnit Session = new("场");
    private static readonly ReportingPeriod Y2020 = ReportingPeriod.CalendarYear(2020);
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);
    private static readonly Committee Prefecture1 = Committee.Parse("130100");
    private static readonly Committee County1 = Committee.Parse("130101");
    private static readonly Committee County2 = Committee.Parse("130102");
    private static readonly Committee County3 = Committee.Parse("130201");

    private static FigureDataset Build(params Figure[] figures) => new FigureDatasetBuilder(Table).AddRange(figures).Build();

    private static Figure Own(Committee c, ReportingPeriod p, Measure m, long v, Qualifier q = Qualifier.Exact) => new(c, p, m, v, Session, q);

    private static Figure Total(Committee c, ReportingPeriod p, Measure m, long v, Qualifier q = Qualifier.Exact) => new(c, p, m, v, Session, q, FigureScope.RegionTotal);

    [Fact]
    public void Each_scope_takes_its_own_measures_by_default()
    {
        var dataset = Build(Own(County1, Y2020, Consult, 3), Total(County3, Y2020, Visits, 40));
        dataset.RollUp().MeasureColumns.Select(c => c.Measure).Should().Equal(Consult);
        dataset.RollUp(options: new AggregationOptions { Scope = AggregationScope.RegionTotal }).MeasureColumns.Select(c => c.Measure).Should().Equal(Visits);
        var both = dataset.RollUp(options: new AggregationOptions { Scope = AggregationScope.CommitteeAndRegionTotal });
        both.MeasureColumns.Select(c => c.Measure).Should().Equal(Consult, Visits);
        both[GroupKey.Nation, "2020"][Consult].Sum.Should().Be(Bounds.Exactly(3));
        both[GroupKey.Nation, "2020"][Visits].Sum.Should().Be(Bounds.Exactly(40));
    }

    [Fact]
    public void Both_scopes_sum_committee_figures_and_region_totals_of_different_committees()
    {
        // County 1 states its own figure; county 3 only a region total (under it there is nothing): both count.
        var dataset = Build(
            Own(County1, Y2020, Consult, 3),
            Own(County2, Y2020, Consult, 10, Qualifier.MoreThan),
            Total(County3, Y2020, Consult, 40, Qualifier.AtLeast),
            Total(County3, Y2021, Consult, 5),
            Own(County1, Y2021, Consult, 6));
        var options = new AggregationOptions { Measures = [Consult], Rates = [], Scope = AggregationScope.CommitteeAndRegionTotal };
        var table = dataset.RollUp(Participation.CountyLevel, options: options);
        var province = table[new RegionCode(130000), "2020"][Consult];
        province.Sum.Should().Be(Bounds.AtLeast(3 + 11 + 40));
        province.Contributors.Should().Be(3);
        province.GroupSize.Should().Be(3);
        table[new RegionCode(130000), "2021"][Consult].Sum.Should().Be(Bounds.Exactly(11));
        table[new RegionCode(130100), "2020"][Consult].Sum.Should().Be(Bounds.Between(14, 22));
        table[new RegionCode(130200), "2020"][Consult].Sum.Should().Be(Bounds.AtLeast(40));
        table.MeasureColumns.Single().Unit.Should().Be("场");

        // The same request on region totals only.
        var totals = dataset.RollUp(Participation.CountyLevel, options: options with { Scope = AggregationScope.RegionTotal });
        totals[new RegionCode(130000), "2020"][Consult].Sum.Should().Be(Bounds.AtLeast(40));
        totals[new RegionCode(130000), "2020"][Consult].Contributors.Should().Be(1);
        totals[new RegionCode(130100), "2020"][Consult].HasValue.Should().BeFalse();
    }

    [Fact]
    public void A_measure_stated_only_as_region_totals_keeps_its_unit_when_both_scopes_are_summed()
    {
        var dataset = Build(Own(County1, Y2020, Consult, 3), Total(County3, Y2020, Visits, 40));
        var table = dataset.RollUp(options: new AggregationOptions { Measures = [Visits, Consult], Rates = [], Scope = AggregationScope.CommitteeAndRegionTotal });
        table.MeasureColumns.Select(c => c.Unit).Should().Equal("场", "场");
        table.MeasureColumns.Select(c => c.Measure).Should().Equal(Visits, Consult);
        table[GroupKey.Nation, "2020"][Visits].Sum.Should().Be(Bounds.Exactly(40));
    }

    [Fact]
    public void A_region_total_beside_its_own_committee_figure_is_refused_word_for_word()
    {
        var dataset = Build(Own(Prefecture1, Y2020, Consult, 7), Total(Prefecture1, Y2020, Consult, 30));
        var act = () => dataset.RollUp(Participation.AllLevels, options: new AggregationOptions { Measures = [Consult], Rates = [], Scope = AggregationScope.CommitteeAndRegionTotal });
        var finding = act.Should().Throw<ValidationException>().Which.Findings.Should().ContainSingle().Subject;
        finding.Rule.Should().Be(ValidationRule.RegionTotalWithParts);
        finding.Committee.Should().Be(Prefecture1);
        finding.Period.Should().Be(Y2020);
        finding.Measure.Should().Be(Consult);
        finding.Message.Should().Be(
            "The region_total figure of 130100 (30) already contains the work of 130100 and every committee under it, and group 130000 丙省 would add its own committee-scope figure (7): the same work would be counted twice. "
            + "Aggregate committee-scope figures and region totals separately (AggregationScope.Committee or AggregationScope.RegionTotal), or choose groups that do not hold both.");
    }

    [Fact]
    public void A_region_total_beside_a_committee_figure_under_it_is_refused_naming_both()
    {
        var dataset = Build(Own(County2, Y2020, Consult, 7), Total(Prefecture1, Y2020, Consult, 30));
        var act = () => dataset.Aggregate(Grouping.Of("pilot", [Prefecture1, County2]), options: new AggregationOptions { Measures = [Consult], Rates = [], Scope = AggregationScope.CommitteeAndRegionTotal });
        var finding = act.Should().Throw<ValidationException>().Which.Findings.Should().ContainSingle().Subject;
        finding.Committee.Should().Be(Prefecture1);
        finding.Message.Should().StartWith(
            "The region_total figure of 130100 (30) already contains the work of 130100 and every committee under it, and group pilot would add the committee-scope figure of 130102 (7), a committee under it: the same work would be counted twice.");
    }

    [Fact]
    public void Two_region_totals_one_under_the_other_are_refused_even_on_region_totals_alone()
    {
        var dataset = Build(Total(County1, Y2021, Consult, 4), Total(Prefecture1, Y2021, Consult, 30));
        var act = () => dataset.RollUp(Participation.AllLevels, options: new AggregationOptions { Measures = [Consult], Rates = [], Scope = AggregationScope.RegionTotal });
        var finding = act.Should().Throw<ValidationException>().Which.Findings.Should().ContainSingle().Subject;
        finding.Period.Should().Be(Y2021);
        finding.Message.Should().StartWith(
            "The region_total figure of 130100 (30) already contains the work of 130100 and every committee under it, and group 130000 丙省 would add the region_total figure of 130101 (4), a region under it: the same work would be counted twice.");
    }

    [Fact]
    public void A_region_total_and_its_parts_in_different_groups_or_periods_are_fine()
    {
        var dataset = Build(Own(County1, Y2020, Consult, 7), Total(Prefecture1, Y2020, Consult, 30), Own(County2, Y2021, Consult, 2));
        var options = new AggregationOptions { Measures = [Consult], Rates = [], Scope = AggregationScope.CommitteeAndRegionTotal };

        // Separate groups: each sums its own.
        var separate = dataset.Aggregate(Grouping.Of("city", [Prefecture1]).And(Grouping.Of("county", [County1])), options: options);
        separate[GroupKey.Custom("city"), "2020"][Consult].Sum.Should().Be(Bounds.Exactly(30));
        separate[GroupKey.Custom("county"), "2020"][Consult].Sum.Should().Be(Bounds.Exactly(7));

        // A period without the region total.
        var other = dataset.RollUp(Participation.AllLevels, PeriodSelection.Each([Y2021]), options);
        other[GroupKey.Nation, "2021"][Consult].Sum.Should().Be(Bounds.Exactly(2));

        // The prefecture's groups only (county level takes no prefecture, so the region total is outside every group).
        var counties = dataset.RollUp(Participation.CountyLevel, options: options);
        counties[GroupKey.Nation, "2020"][Consult].Sum.Should().Be(Bounds.Exactly(7));
    }
}
