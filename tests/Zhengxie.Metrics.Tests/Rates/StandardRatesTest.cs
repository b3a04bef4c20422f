using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Rendering;
using Zhengxie.Metrics.Tests.Rendering;

namespace Zhengxie.Metrics.Tests.Rates;

/// <summary>Each standard rate is declared once (RateDefinition) and every other name of it refers to that declaration.</summary>
public class StandardRatesTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly ReportingPeriod Y2020 = ReportingPeriod.CalendarYear(2020);

    public static TheoryData<string> DeclaredIds()
    {
        var data = new TheoryData<string>();
        foreach (var d in RateDefinition.Declared)
        {
            data.Add(d.Measure.Id);
        }

        return data;
    }

    [Fact]
    public void Every_declared_rate_has_one_identifier_and_both_labels()
    {
        RateDefinition.Declared.Select(d => d.Measure).Should().OnlyHaveUniqueItems();
        RateDefinition.Declared.Select(d => d.ChineseLabel).Should().OnlyHaveUniqueItems();
        RateDefinition.Declared.Select(d => d.EnglishName).Should().OnlyHaveUniqueItems();
        RateDefinition.Declared.Should().AllSatisfy(d =>
        {
            d.ChineseLabel.Should().NotBeNullOrWhiteSpace();
            d.EnglishName.Should().NotBeNullOrWhiteSpace();
        });
        RateDefinition.Standard.Select(d => d.Measure.Id).Should().Equal(
            "rate.acceptance", "rate.reply", "rate.on_time_reply", "rate.conclusion", "rate.adoption", "rate.adoption_including_planned", "rate.satisfaction");
        RateDefinition.Declared.Should().StartWith(RateDefinition.Standard).And.HaveCount(RateDefinition.Standard.Count + 1);
    }

    [Fact]
    public void The_static_properties_of_RateDefinition_are_exactly_the_declared_rates()
    {
        var properties = typeof(RateDefinition).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(RateDefinition))
            .Select(p => (RateDefinition)p.GetValue(null)!)
            .ToList();
        properties.Should().BeEquivalentTo(RateDefinition.Declared, o => o.WithStrictOrdering().ComparingByValue<RateDefinition>());
        properties.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Rate_identifiers_say_their_formula()
    {
        RateDefinition.Adoption.Measure.Id.Should().Be("rate.adoption");
        RateDefinition.Adoption.Numerator.Should().Equal(Measures.Proposals.OutcomeA);
        RateDefinition.Adoption.Denominator.Should().Be(Measures.Proposals.Filed);
        RateDefinition.AdoptionIncludingPlanned.Measure.Id.Should().Be("rate.adoption_including_planned");
        RateDefinition.AdoptionIncludingPlanned.Numerator.Should().Equal(Measures.Proposals.OutcomeA, Measures.Proposals.OutcomeB);
        RateDefinition.AdoptionIncludingPlanned.Formula.Should().Be("(proposals.outcome_a + proposals.outcome_b) / proposals.filed");

        // The former identifier stays readable and finds the same declaration.
        new Measure("rate.resolution_adoption").Should().Be(RateDefinition.AdoptionIncludingPlanned.Measure);
        RateDefinition.GetDeclared(Measure.Parse("rate.resolution_adoption")).Should().BeSameAs(RateDefinition.AdoptionIncludingPlanned);
    }

    [Fact]
    public void Measures_Rates_are_the_identifiers_of_the_declarations()
    {
        var ids = typeof(Measures.Rates).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(p => p.Name, p => (Measure)p.GetValue(null)!);

        // Every standard rate appears once, under the name of its declaration.
        foreach (var property in typeof(RateDefinition).GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(RateDefinition)))
        {
            var declaration = (RateDefinition)property.GetValue(null)!;
            if (RateDefinition.Standard.Contains(declaration))
            {
                ids.Should().ContainKey(property.Name).WhoseValue.Should().Be(declaration.Measure);
                ids.Values.Count(m => m == declaration.Measure).Should().Be(1);
            }
        }

        // The one other entry is the opinion-information family, which has no single formula.
        ids.Keys.Except(RateDefinition.Standard.Select(NameOf)).Should().Equal(nameof(Measures.Rates.OpinionInfoAdoption));
        RateDefinition.TryGetDeclared(Measures.Rates.OpinionInfoAdoption, out _).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(DeclaredIds))]
    public void The_catalogue_labels_each_rate_as_its_declaration_does(string id)
    {
        var declaration = RateDefinition.GetDeclared(new Measure(id));
        MeasureCatalog.Default.TryGet(declaration.Measure, out var entry).Should().BeTrue();
        entry!.ChineseLabel.Should().Be(declaration.ChineseLabel);
        entry.EnglishName.Should().Be(declaration.EnglishName);
        entry.Kind.Should().Be(MeasureKind.Rate);
        declaration.GetLabel(LabelLanguage.Chinese).Should().Be(MeasureCatalog.Default.GetLabel(declaration.Measure));
        declaration.GetLabel(LabelLanguage.English).Should().Be(MeasureCatalog.Default.GetLabel(declaration.Measure, LabelLanguage.English));

        // No other catalogue entry carries the same label.
        MeasureCatalog.Default.Definitions.Count(d => d.ChineseLabel == declaration.ChineseLabel).Should().Be(1);
        MeasureCatalog.Default.Definitions.Count(d => d.EnglishName == declaration.EnglishName).Should().Be(1);
    }

    [Fact]
    public void The_rate_properties_of_ProposalStatistics_are_the_declared_rates()
    {
        // Distinct counts, so every rate has a value of its own.
        var stats = ProposalStatistics.FromCounts(Yongjia, Y2020, new Dictionary<Measure, Bounds>
        {
            [Measures.Proposals.Received] = Bounds.Exactly(250),
            [Measures.Proposals.Filed] = Bounds.Exactly(221),
            [Measures.Proposals.Replied] = Bounds.Exactly(219),
            [Measures.Proposals.RepliedOnTime] = Bounds.Exactly(210),
            [Measures.Proposals.Concluded] = Bounds.Exactly(205),
            [Measures.Proposals.OutcomeA] = Bounds.Exactly(101),
            [Measures.Proposals.OutcomeB] = Bounds.Exactly(77),
            [Measures.Proposals.Feedback] = Bounds.Exactly(200),
            [Measures.Proposals.Satisfied] = Bounds.Exactly(150),
            [Measures.Proposals.BasicallySatisfied] = Bounds.Exactly(40),
        });

        var byProperty = typeof(ProposalStatistics).GetProperties()
            .Where(p => p.PropertyType == typeof(Rate?))
            .ToDictionary(p => p.Name, p => ((Rate?)p.GetValue(stats))!.Value);
        byProperty.Should().HaveCount(RateDefinition.Standard.Count);
        foreach (var d in RateDefinition.Standard)
        {
            byProperty.Should().ContainKey(NameOf(d) + "Rate").WhoseValue.Should().Be(stats.GetRate(d));
        }

        stats.OnTimeReplyRate.Should().Be(Rate.Of(210, 221));
        stats.AdoptionRate.Should().Be(Rate.Of(101, 221));
        stats.AdoptionIncludingPlannedRate.Should().Be(Rate.Of(178, 221));
        stats.SatisfactionRate.Should().Be(Rate.Of(190, 200));
        stats.GetRates().Select(kv => kv.Key).Should().Equal(RateDefinition.Standard);
    }

    [Theory]
    [InlineData(HeaderLanguage.Chinese)]
    [InlineData(HeaderLanguage.English)]
    public void Rendering_heads_each_rate_column_with_its_declared_label(HeaderLanguage language)
    {
        var stats = ProposalStatistics.FromCounts(Yongjia, Y2020, new Dictionary<Measure, Bounds>
        {
            [Measures.Proposals.Received] = Bounds.Exactly(250),
            [Measures.Proposals.Filed] = Bounds.Exactly(221),
            [Measures.Proposals.Replied] = Bounds.Exactly(219),
            [Measures.Proposals.RepliedOnTime] = Bounds.Exactly(210),
            [Measures.Proposals.Concluded] = Bounds.Exactly(205),
            [Measures.Proposals.OutcomeA] = Bounds.Exactly(101),
            [Measures.Proposals.OutcomeB] = Bounds.Exactly(77),
            [Measures.Proposals.Feedback] = Bounds.Exactly(200),
            [Measures.Proposals.Satisfied] = Bounds.Exactly(150),
            [Measures.Proposals.BasicallySatisfied] = Bounds.Exactly(40),
        });
        var report = ReportTable.From(new ProposalStatisticsTable([stats]), TableRenderOptions.Default with { HeaderLanguage = language });
        var label = language == HeaderLanguage.English ? LabelLanguage.English : LabelLanguage.Chinese;
        foreach (var d in RateDefinition.Standard)
        {
            var column = report.Columns.Single(c => c.Key == d.Measure.Id);
            column.Header.Should().Be(d.GetLabel(label));
            column.Description.Should().Be(d.Formula);
        }
    }

    [Fact]
    public void A_variant_keeps_the_labels_of_its_rate_and_an_undeclared_rate_is_named_by_its_identifier()
    {
        var overCases = new RateOptions { DownstreamBase = DownstreamBase.Cases }.Resolve(RateDefinition.Reply);
        overCases.Denominator.Should().Be(Measures.Proposals.Cases);
        overCases.ChineseLabel.Should().Be("办复率");
        new RateDefinition(Measures.Rates.Reply, [Measures.Proposals.Replied], Measures.Proposals.Received).EnglishName.Should().Be("reply rate");

        var meeting = new RateDefinition(new Measure("rate.meeting"), [new Measure("meetings.held")], new Measure("meetings.planned"));
        meeting.ChineseLabel.Should().BeNull();
        meeting.GetLabel(LabelLanguage.Chinese).Should().Be("rate.meeting");
        var labelled = new RateDefinition(new Measure("rate.meeting"), [new Measure("meetings.held")], new Measure("meetings.planned"), "会议召开率", "meeting rate");
        labelled.Should().Be(meeting, "labels do not change what a rate computes");
        labelled.GetLabel(LabelLanguage.English).Should().Be("meeting rate");

        var act = () => RateDefinition.GetDeclared(new Measure("rate.meeting"));
        act.Should().Throw<KeyNotFoundException>().WithMessage("*rate.meeting*");
    }

    [Fact]
    public void Indicator_tables_and_rendering_take_the_same_rate_type()
    {
        var table = RenderFixture.Table();
        var row = table[GroupKey.ForRegion(RenderFixture.Regions[RenderFixture.LishuiCode]), "2023"];

        // 233 replied of 240 filed, pooled over the three committees.
        row.Rate(RateDefinition.Reply).Rate.Should().Be(Rate.Of(233, 240));
        table.GetRate(row.Index, RateDefinition.Reply).Should().Be(row.Rate(RateDefinition.Reply));
        table.GetRate(row.Index, Measures.Rates.Reply).Should().Be(row.Rate(RateDefinition.Reply));
        table.GetRateColumn(RateDefinition.Reply).Should().BeSameAs(table.GetRateColumn(Measures.Rates.Reply));

        var report = ReportTable.From(table, RenderFixture.Options() with { Rates = [RateDefinition.Reply] });
        report.Columns.Where(c => c.Kind == ReportColumnKind.Rate).Select(c => c.Key).Should().Equal("rate.reply");
        report.Columns.Single(c => c.Key == "rate.reply").Header.Should().Be(RateDefinition.Reply.ChineseLabel);

        var missing = () => table.GetRate(row.Index, RateDefinition.Satisfaction);
        missing.Should().Throw<KeyNotFoundException>().WithMessage("*rate.satisfaction*");
        table.TryGetRateColumn(RateDefinition.Satisfaction, out var none).Should().BeFalse();
        none.Should().BeNull();
    }

    private static string NameOf(RateDefinition d) =>
        typeof(RateDefinition).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Single(p => p.PropertyType == typeof(RateDefinition) && ReferenceEquals(p.GetValue(null), d)).Name;
}
