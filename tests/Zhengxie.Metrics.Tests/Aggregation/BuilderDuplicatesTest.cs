using System;
using System.Data;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// Duplicates and conflicts are found once, by sorting the rows in <see cref="FigureDatasetBuilder.Build"/> (and
/// <see cref="FigureDatasetBuilder.Count"/>), not per added figure: the same figure twice is kept once and a conflict
/// names committee, period and measure, whichever way (objects, columns, a reader) and in whichever order the rows came;
/// a failed <see cref="FigureDatasetBuilder.Load"/> leaves the builder as it was. A conflict's message names the key in
/// full (scope when it is a region total, topic when there is one) and lists each stated value with its qualifier; the
/// findings come sorted by committee, period, measure, rule and message, whatever order the figures were added in
/// (expected texts and orders written out by hand).
/// </summary>
public class BuilderDuplicatesTest
{
    private static readonly Committee Lucheng = RegionTable.Default.GetCommittee(new RegionCode(330302));
    private static readonly Committee Longwan = RegionTable.Default.GetCommittee(new RegionCode(330303));
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.CalendarYear(2022);
    private static readonly Measure Consultation = new("activity.consultation");
    private static readonly Measure Research = new("activity.research");

    [Fact]
    public void TheSameFigureAsAnObjectAndAsAColumnIsKeptOnce()
    {
        var builder = new FigureDatasetBuilder()
            .Add(new Figure(Lucheng, Y2021, Consultation, 12, FigureUnit.Times))
            .AddColumns([Lucheng, Longwan], [Y2021, Y2021], [Consultation, Consultation], [12L, 7L], [FigureUnit.Times, FigureUnit.Times]);

        builder.Count.Should().Be(2);
        var dataset = builder.Build();
        dataset.Findings.Should().BeEmpty();
        dataset.Figures.Should().HaveCount(2);
        dataset.GetCount(Lucheng, Y2021, Consultation).Should().Be(Bounds.Exactly(12));
        dataset.GetCount(Longwan, Y2021, Consultation).Should().Be(Bounds.Exactly(7));
    }

    [Fact]
    public void DifferentValuesAcrossAddAndAddColumnsAreAConflictNamingCommitteePeriodAndMeasure()
    {
        var builder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings)
            .AddColumns([Lucheng, Lucheng], [Y2021, Y2022], [Consultation, Consultation], [12L, 30L], [FigureUnit.Times, FigureUnit.Times])
            .Add(new Figure(Lucheng, Y2021, Consultation, 13, FigureUnit.Times))
            .Add(new Figure(Lucheng, Y2021, Consultation, 12, FigureUnit.Times))
            .Add(new Figure(Lucheng, Y2021, Consultation, 13, FigureUnit.Times));

        builder.Count.Should().Be(2, "one identity in conflict and one figure for 2022");
        var dataset = builder.Build();
        var finding = dataset.Findings.Should().ContainSingle().Which;
        finding.Rule.Should().Be(ValidationRule.ConflictingDuplicate);
        finding.Committee.Should().Be(Lucheng);
        finding.Period.Should().Be(Y2021);
        finding.Measure.Should().Be(Consultation);
        finding.Message.Should().Contain("330302").And.Contain("2021").And.Contain("activity.consultation")
            .And.Contain("stated 2 times", "each different value is listed once");
        dataset.TryGetCount(Lucheng, Y2021, Consultation, out _).Should().BeFalse("no value of a conflict is used");
        dataset.GetCount(Lucheng, Y2022, Consultation).Should().Be(Bounds.Exactly(30));
        dataset.Figures.Should().ContainSingle();

        var thrown = () => new FigureDatasetBuilder()
            .Add(new Figure(Lucheng, Y2021, Consultation, 13, FigureUnit.Times))
            .AddColumns([Lucheng], [2021], [Consultation], [12L], [FigureUnit.Times])
            .Build();
        thrown.Should().Throw<ValidationException>().Which.Findings.Should().ContainSingle()
            .Which.Rule.Should().Be(ValidationRule.ConflictingDuplicate);
    }

    [Fact]
    public void ScopeAndTopicKeepFiguresApartAndDuplicatesWithTopicsAreFoundToo()
    {
        var builder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings)
            .Add(new Figure(Lucheng, Y2021, Consultation, 12, FigureUnit.Times))
            .Add(new Figure(Lucheng, Y2021, Consultation, 40, FigureUnit.Times, scope: FigureScope.RegionTotal))
            .Add(new Figure(Lucheng, Y2021, Consultation, 3, FigureUnit.Times, topic: "视察"))
            .Add(new Figure(Lucheng, Y2021, Consultation, 3, FigureUnit.Times, topic: "视察"))
            .Add(new Figure(Lucheng, Y2021, Consultation, 4, FigureUnit.Times, topic: "调研"))
            .Add(new Figure(Lucheng, Y2021, Consultation, 5, FigureUnit.Times, topic: "调研"));

        builder.Count.Should().Be(4);
        var dataset = builder.Build();
        var finding = dataset.Findings.Should().ContainSingle().Which;
        finding.Rule.Should().Be(ValidationRule.ConflictingDuplicate);
        finding.Message.Should().Contain("[调研]");
        dataset.GetCount(Lucheng, Y2021, Consultation).Should().Be(Bounds.Exactly(12));
        dataset.GetCount(Lucheng, Y2021, Consultation, FigureScope.RegionTotal).Should().Be(Bounds.Exactly(40));
        dataset.Figures.Should().HaveCount(3);
    }

    [Fact]
    public void AnUnknownCommitteeStatedTwiceIsOneFindingAndInConflictOnlyTheConflict()
    {
        var notACommittee = new Committee(new RegionCode(330302), AdministrativeLevel.Prefecture);
        var outside = new Committee(new RegionCode(999999), AdministrativeLevel.County);
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings)
            .Add(new Figure(notACommittee, Y2021, Consultation, 12, FigureUnit.Times))
            .AddColumns([notACommittee, outside, outside], [Y2021, Y2021, Y2021], [Consultation, Consultation, Consultation], [12L, 1L, 2L], [FigureUnit.Times, FigureUnit.Times, FigureUnit.Times])
            .Build();

        dataset.Findings.Select(f => (f.Rule, f.Committee)).Should().BeEquivalentTo(
            [(ValidationRule.UnknownRegion, (Committee?)notACommittee), (ValidationRule.ConflictingDuplicate, (Committee?)outside)]);
    }

    [Fact]
    public void DuplicatesAreFoundWhateverTheOrderOfArrival()
    {
        var figures = Enumerable.Range(0, 200)
            .Select(k => new Figure(k % 2 == 0 ? Lucheng : Longwan, ReportingPeriod.CalendarYear(2000 + (k % 7)), Consultation, k % 14, FigureUnit.Times))
            .ToList();
        var reference = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(figures).Build();
        var shuffled = figures.OrderBy(f => f.GetHashCode() ^ 0x5bd1e995).Concat(figures.Take(50)).ToList();
        var again = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(shuffled).Build();

        reference.Findings.Should().BeEmpty("every (committee, year) gets one value: k mod 14 is fixed by k mod 2 and k mod 7");
        again.Findings.Should().BeEmpty();
        again.Figures.Should().HaveCount(14).And.BeEquivalentTo(reference.Figures);
        foreach (var f in reference.Figures)
        {
            again.GetCount(f.Committee, f.Period, f.Measure).Should().Be(Bounds.Exactly((long)f.Value!.Value));
        }
    }

    [Fact]
    public void AFailedLoadLeavesTheBuilderAsItWas()
    {
        var builder = new FigureDatasetBuilder().Add(new Figure(Lucheng, Y2021, Consultation, 12, FigureUnit.Times));
        using var table = Table();
        table.Rows.Add(330303L, 2021, "activity.consultation", 7m, "次");
        table.Rows.Add(330302L, 2022, "activity.consultation", 8m, "次");
        table.Rows.Add(330302L, 2023, "activity.consultation", -1m, "次");

        var load = () => builder.Load(table.CreateDataReader());
        load.Should().Throw<ZhengxieMetricsException>().WithMessage("Row 3 (committee 330302, period 2023, measure activity.consultation), column value:*negative*");

        builder.Count.Should().Be(1);
        var dataset = builder.Build();
        dataset.Figures.Should().ContainSingle();
        dataset.TryGetCount(Longwan, Y2021, Consultation, out _).Should().BeFalse();
        dataset.TryGetCount(Lucheng, Y2022, Consultation, out _).Should().BeFalse();
    }

    [Fact]
    public void TypedFieldsOfEveryNumericKindAreRead()
    {
        using var table = new DataTable();
        table.Columns.Add("committee", typeof(int));
        table.Columns.Add("period", typeof(short));
        table.Columns.Add("measure", typeof(string));
        table.Columns.Add("value", typeof(double));
        table.Columns.Add("unit", typeof(string));
        table.Columns.Add("qualifier", typeof(string));
        table.Rows.Add(330302, (short)2021, "activity.consultation", 12.0, "次", null);
        table.Rows.Add(330303, (short)2021, "activity.consultation", 10.0, "次", "more_than");

        var dataset = new FigureDatasetBuilder().Load(table.CreateDataReader()).Build();

        dataset.GetCount(Lucheng, Y2021, Consultation).Should().Be(Bounds.Exactly(12));
        dataset.GetCount(Longwan, Y2021, Consultation).Lower.Should().Be(11);
        dataset.GetFigures(Longwan, Y2021, Consultation).Should().ContainSingle().Which.Qualifier.Should().Be(Qualifier.MoreThan);
    }

    [Fact]
    public void AUnitThatDoesNotAddUpIsAFindingWhateverComesFirst()
    {
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings)
            .Add(new Figure(Longwan, Y2021, Consultation, 3, FigureUnit.Piece))
            .Add(new Figure(Lucheng, Y2021, Consultation, 12, FigureUnit.Times))
            .Add(new Figure(Lucheng, Y2022, Consultation, 20, FigureUnit.Times, Qualifier.MoreThan))
            .Build();

        var finding = dataset.Findings.Should().ContainSingle().Which;
        finding.Rule.Should().Be(ValidationRule.UnitMismatch);
        finding.Committee.Should().Be(Longwan, "330302 comes first, so 次 is the column's unit");
        dataset.GetCount(Lucheng, Y2021, Consultation).Should().Be(Bounds.Exactly(12));
        dataset.GetCount(Lucheng, Y2022, Consultation).Lower.Should().Be(21);
        dataset.TryGetCount(Longwan, Y2021, Consultation, out _).Should().BeFalse();
    }

    [Fact]
    public void A_conflict_names_scope_and_topic_and_lists_each_value_with_its_qualifier()
    {
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings)
            .Add(new Figure(Lucheng, Y2021, Consultation, 15, FigureUnit.Times, Qualifier.Exact, FigureScope.RegionTotal, "民生议事堂"))
            .Add(new Figure(Lucheng, Y2021, Consultation, 12, FigureUnit.Times, Qualifier.MoreThan, FigureScope.RegionTotal, "民生议事堂"))
            .Build();

        dataset.Findings.Select(f => f.Message).Should().Equal(
            $"Committee {Lucheng}, period 2021, measure activity.consultation (region_total) [民生议事堂] is stated 2 times with different values (12余次 (more_than), 15次); none is used.");
    }

    [Fact]
    public void A_conflict_of_committee_scope_without_topic_names_neither()
    {
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings)
            .Add(new Figure(Lucheng, Y2022, Research, 4, FigureUnit.Times))
            .Add(new Figure(Lucheng, Y2022, Research, 5, FigureUnit.Times))
            .Build();

        dataset.Findings.Select(f => f.Message).Should().Equal(
            $"Committee {Lucheng}, period 2022, measure activity.research is stated 2 times with different values (4次, 5次); none is used.");
    }

    [Fact]
    public void Findings_are_sorted_by_committee_period_measure_rule_and_message()
    {
        // Added in the reverse of the expected order; each pair of figures with one key conflicts; two topic figures of
        // the first key are malformed (1.5次, −3次).
        var builder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings);
        void Conflict(Committee c, ReportingPeriod p, Measure m, FigureScope scope) =>
            builder.Add(new Figure(c, p, m, 1, FigureUnit.Times, Qualifier.Exact, scope)).Add(new Figure(c, p, m, 2, FigureUnit.Times, Qualifier.Exact, scope));

        Conflict(Longwan, Y2021, Consultation, FigureScope.Committee);
        Conflict(Lucheng, Y2022, Consultation, FigureScope.Committee);
        Conflict(Lucheng, Y2021, Research, FigureScope.Committee);
        builder.Add(new Figure(Lucheng, Y2021, Consultation, 1.5m, FigureUnit.Times, Qualifier.Exact, FigureScope.Committee, "界别"));
        builder.Add(new Figure(Lucheng, Y2021, Consultation, -3, FigureUnit.Times, Qualifier.Exact, FigureScope.Committee, "专题"));
        Conflict(Lucheng, Y2021, Consultation, FigureScope.Committee);
        Conflict(Lucheng, Y2021, Consultation, FigureScope.RegionTotal);

        var findings = builder.Build().Findings;

        findings.Select(f => (f.Committee, f.Period, f.Measure, f.Rule, f.Message.Contains("(region_total)"))).Should().Equal(
            ((Committee?)Lucheng, (ReportingPeriod?)Y2021, (Measure?)Consultation, ValidationRule.NegativeCount, false), // rule 1 first, though its message ("the count …") sorts last
            ((Committee?)Lucheng, (ReportingPeriod?)Y2021, (Measure?)Consultation, ValidationRule.ConflictingDuplicate, true), // '(' sorts before 'i' of "is stated"
            ((Committee?)Lucheng, (ReportingPeriod?)Y2021, (Measure?)Consultation, ValidationRule.ConflictingDuplicate, false),
            ((Committee?)Lucheng, (ReportingPeriod?)Y2021, (Measure?)Consultation, ValidationRule.InvalidValue, false), // rule 15 after rule 8
            ((Committee?)Lucheng, (ReportingPeriod?)Y2021, (Measure?)Research, ValidationRule.ConflictingDuplicate, false),
            ((Committee?)Lucheng, (ReportingPeriod?)Y2022, (Measure?)Consultation, ValidationRule.ConflictingDuplicate, false),
            ((Committee?)Longwan, (ReportingPeriod?)Y2021, (Measure?)Consultation, ValidationRule.ConflictingDuplicate, false));
    }

    private static DataTable Table()
    {
        var table = new DataTable();
        table.Columns.Add("committee", typeof(long));
        table.Columns.Add("period", typeof(int));
        table.Columns.Add("measure", typeof(string));
        table.Columns.Add("value", typeof(decimal));
        table.Columns.Add("unit", typeof(string));
        return table;
    }
}
