using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// The builder's findings as a reader sees them: a conflict's message names the key in full (scope when it is a
/// region total, topic when there is one) and lists each stated value with its qualifier; the findings come sorted by
/// committee, period, measure, rule and message, whatever order the figures were added in. Expected texts and orders
/// are written out by hand.
/// </summary>
public class BuilderFindingsTextTest
{
    private static readonly Committee Lucheng = RegionTable.Default.GetCommittee(new RegionCode(330302));
    private static readonly Committee Longwan = RegionTable.Default.GetCommittee(new RegionCode(330303));
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.CalendarYear(2022);
    private static readonly Measure Consultation = new("activity.consultation");
    private static readonly Measure Research = new("activity.research");

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
}
