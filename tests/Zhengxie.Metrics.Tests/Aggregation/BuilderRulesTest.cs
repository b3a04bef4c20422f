using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>Issue 10 item 9: the dataset builder applies the validator's rules (each case was kept or threw a raw exception before).</summary>
public class BuilderRulesTest
{
    private static readonly Committee Wudang = Committee.Parse("520112");
    private static readonly Committee Wudang2 = Committee.Parse("520113");
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.CalendarYear(2022);
    private static readonly Measure Suggestions = new("output.suggestions");
    private static readonly Measure Consultation = new("activity.consultation");
    private static readonly Measure ProvinceAdoption = RateDefinition.OpinionInfoAdoptionByProvince.Measure;

    [Fact]
    public void A_topic_figure_no_whole_number_fits_is_a_finding_and_left_out()
    {
        var figures = new[]
        {
            new Figure(Wudang, Y2022, Measures.Proposals.Received, 37, FigureUnit.Piece, Qualifier.MoreThan, topic: "经济"),
            new Figure(Wudang, Y2022, Suggestions, 12, new FigureUnit("条"), topic: "监督"),
        };
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(figures).Build();
        var finding = dataset.Findings.Should().ContainSingle().Which;
        finding.IsError.Should().BeTrue();
        finding.Rule.Should().Be(ValidationRule.InvalidValue);
        finding.Committee.Should().Be(Wudang);
        finding.Measure.Should().Be(Measures.Proposals.Received);
        dataset.GetFigures(Wudang, Y2022, Measures.Proposals.Received).Should().BeEmpty();
        dataset.GetFigures(Wudang, Y2022, Suggestions).Should().ContainSingle();

        new FigureDatasetBuilder().AddRange(figures).Invoking(b => b.Build())
            .Should().Throw<ValidationException>().Which.Findings.Select(f => f.Rule).Should().Equal(ValidationRule.InvalidValue);
        FigureValidator.Validate(figures).Select(f => f.Rule).Should().Equal(ValidationRule.InvalidValue);
    }

    [Fact]
    public void A_whole_more_than_count_with_a_topic_is_kept()
    {
        var dataset = new FigureDatasetBuilder()
            .Add(new Figure(Wudang, Y2022, Measures.Proposals.Received, 30, FigureUnit.Piece, Qualifier.MoreThan, topic: "经济"))
            .Build();
        dataset.Findings.Should().BeEmpty();
        dataset.GetFigures(Wudang, Y2022, Measures.Proposals.Received).Should().ContainSingle().Which.Value.Should().Be(30m);
    }

    [Theory]
    [InlineData(1.5, Qualifier.Exact)]
    [InlineData(1.5, Qualifier.Nearly)]
    public void A_non_whole_count_of_times_is_a_finding_not_a_raw_exception(double value, Qualifier qualifier)
    {
        var figure = new Figure(Wudang, Y2022, Consultation, (decimal)value, FigureUnit.Times, qualifier);
        var ok = new Figure(Wudang2, Y2022, Consultation, 3, FigureUnit.Times);
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).Add(figure).Add(ok).Build();
        dataset.Findings.Should().ContainSingle().Which.Rule.Should().Be(ValidationRule.InvalidValue);
        dataset.TryGetCount(Wudang, Y2022, Consultation, out _).Should().BeFalse();
        dataset.GetCount(Wudang2, Y2022, Consultation).Should().Be(Bounds.Exactly(3));

        var error = new FigureDatasetBuilder().Add(figure).Add(ok).Invoking(b => b.Build()).Should().Throw<ValidationException>().Which;
        error.Message.Should().Contain("520112").And.Contain("2022").And.Contain("activity.consultation");
    }

    [Fact]
    public void Nearly_one_time_is_a_finding()
    {
        // 「近1次」: fewer than 1 and more than 0, no whole number fits.
        var figure = new Figure(Wudang, Y2022, Consultation, 1, FigureUnit.Times, Qualifier.Nearly);
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).Add(figure).Build();
        dataset.Findings.Should().ContainSingle().Which.Rule.Should().Be(ValidationRule.InvalidValue);
        dataset.TryGetCount(Wudang, Y2022, Consultation, out _).Should().BeFalse();
        new FigureDatasetBuilder().Add(figure).Invoking(b => b.Build()).Should().Throw<ValidationException>();
    }

    [Fact]
    public void A_region_total_with_filed_above_received_is_a_finding_and_aggregation_does_not_throw()
    {
        var figures = new[]
        {
            new Figure(Wudang, Y2022, Measures.Proposals.Received, 10, FigureUnit.Piece, scope: FigureScope.RegionTotal),
            new Figure(Wudang, Y2022, Measures.Proposals.Filed, 20, FigureUnit.Piece, scope: FigureScope.RegionTotal),
            new Figure(Wudang2, Y2022, Measures.Proposals.Received, 100, FigureUnit.Piece, scope: FigureScope.RegionTotal),
            new Figure(Wudang2, Y2022, Measures.Proposals.Filed, 90, FigureUnit.Piece, scope: FigureScope.RegionTotal),
        };
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(figures).Build();
        var finding = dataset.Findings.Should().ContainSingle().Which;
        finding.Rule.Should().Be(ValidationRule.FiledExceedsReceived);
        finding.Committee.Should().Be(Wudang);
        dataset.GetFigures(Wudang, Y2022, Measures.Proposals.Filed, FigureScope.RegionTotal).Should().ContainSingle().Which.Value.Should().Be(20m);

        var table = dataset.Aggregate(Grouping.Of("two", [Wudang, Wudang2]), options: new AggregationOptions { Scope = AggregationScope.RegionTotal });
        var rate = table.GetRate(0, Measures.Rates.Acceptance);
        rate.Rate.Should().NotBeNull();
        rate.Rate!.Value.Should().Be(Rate.Of(90, 100));

        // A source inconsistency: thrown in throw mode only when strict.
        new FigureDatasetBuilder().AddRange(figures).Build().Findings.Should().ContainSingle();
        new FigureDatasetBuilder(strict: true).AddRange(figures).Invoking(b => b.Build())
            .Should().Throw<ValidationException>().Which.Findings.Select(f => f.Rule).Should().Equal(ValidationRule.FiledExceedsReceived);
        FigureValidator.Validate(figures).Select(f => f.Rule).Should().Equal(ValidationRule.FiledExceedsReceived);
    }

    [Fact]
    public void Opinion_information_adopted_above_submitted_is_a_finding_and_the_adoption_rate_does_not_throw()
    {
        var figures = new[]
        {
            new Figure(Wudang, Y2022, Measures.OpinionInfo.Submitted, 10, new FigureUnit("条")),
            new Figure(Wudang, Y2022, Measures.OpinionInfo.AdoptedByProvince, 20, new FigureUnit("条")),
            new Figure(Wudang2, Y2022, Measures.OpinionInfo.Submitted, 200, new FigureUnit("条")),
            new Figure(Wudang2, Y2022, Measures.OpinionInfo.AdoptedByProvince, 50, new FigureUnit("条")),
        };
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(figures).Build();
        var finding = dataset.Findings.Should().ContainSingle().Which;
        finding.Committee.Should().Be(Wudang);
        finding.Measure.Should().Be(Measures.OpinionInfo.AdoptedByProvince);
        dataset.TryGetCount(Wudang, Y2022, Measures.OpinionInfo.AdoptedByProvince, out _).Should().BeFalse();

        var table = dataset.Aggregate(Grouping.Of("two", [Wudang, Wudang2]), options: new AggregationOptions { Rates = [RateDefinition.OpinionInfoAdoptionByProvince] });
        table.GetRate(0, RateDefinition.OpinionInfoAdoptionByProvince.Measure).Rate!.Value.Should().Be(Rate.Of(50, 200));

        new FigureDatasetBuilder(strict: true).AddRange(figures).Invoking(b => b.Build()).Should().Throw<ValidationException>()
            .Which.Message.Should().Contain("520112").And.Contain("opinion_info");
        FigureValidator.Validate(figures).Should().ContainSingle().Which.Committee.Should().Be(Wudang);
    }

    [Fact]
    public void More_than_300_submitted_with_350_adopted_gives_the_same_bounds_as_the_statistics()
    {
        var figures = new[]
        {
            new Figure(Wudang, Y2022, Measures.OpinionInfo.Submitted, 300, new FigureUnit("条"), Qualifier.MoreThan),
            new Figure(Wudang, Y2022, Measures.OpinionInfo.AdoptedByProvince, 350, new FigureUnit("条")),
        };
        var dataset = new FigureDatasetBuilder().AddRange(figures).Build();
        dataset.Findings.Should().BeEmpty();
        dataset.GetCount(Wudang, Y2022, Measures.OpinionInfo.Submitted).Should().Be(Bounds.Between(350, 399));
        ProposalStatistics.FromFigures(figures).Counts[Measures.OpinionInfo.Submitted].Should().Be(Bounds.Between(350, 399));
    }

    [Fact]
    public void A_stated_opinion_information_adoption_rate_beside_other_counts_is_a_finding()
    {
        var figures = new[]
        {
            new Figure(Wudang, Y2022, Measures.OpinionInfo.Submitted, 200, new FigureUnit("条")),
            new Figure(Wudang, Y2022, Measures.OpinionInfo.AdoptedByProvince, 10, new FigureUnit("条")),
            new Figure(Wudang, Y2022, ProvinceAdoption, 90, FigureUnit.Percent, Qualifier.PercentReported),
        };
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(figures).Build();
        dataset.Findings.Should().ContainSingle().Which.Rule.Should().Be(ValidationRule.RateContradictsCounts);
        FigureValidator.Validate(figures).Should().ContainSingle().Which.Rule.Should().Be(ValidationRule.RateContradictsCounts);
        new FigureDatasetBuilder(strict: true).AddRange(figures).Invoking(b => b.Build()).Should().Throw<ValidationException>()
            .Which.Message.Should().Contain("90");

        // 5 % is what the counts give: no finding.
        var consistent = figures.Take(2).Append(new Figure(Wudang, Y2022, ProvinceAdoption, 5, FigureUnit.Percent, Qualifier.PercentReported));
        new FigureDatasetBuilder().AddRange(consistent).Build().Findings.Should().BeEmpty();
    }

    [Fact]
    public void A_stated_opinion_information_adoption_rate_implies_its_numerator_as_in_the_statistics()
    {
        var figures = new[]
        {
            new Figure(Wudang, Y2022, Measures.OpinionInfo.Submitted, 40, new FigureUnit("条")),
            new Figure(Wudang, Y2022, ProvinceAdoption, 25, FigureUnit.Percent, Qualifier.PercentReported),
        };
        var dataset = new FigureDatasetBuilder().AddRange(figures).Build();
        dataset.Findings.Should().BeEmpty();
        dataset.GetCount(Wudang, Y2022, Measures.OpinionInfo.AdoptedByProvince).Should().Be(Bounds.Exactly(10));
        ProposalStatistics.FromFigures(figures).Counts[Measures.OpinionInfo.AdoptedByProvince].Should().Be(Bounds.Exactly(10));
    }

    [Fact]
    public void A_stated_acceptance_rate_implies_filed_when_no_filed_figure_is_given()
    {
        // 78.5 % of 354 received: only 278 filed rounds to it.
        var figures = new[]
        {
            new Figure(Wudang, Y2022, Measures.Proposals.Received, 354, FigureUnit.Piece),
            new Figure(Wudang, Y2022, Measures.Rates.Acceptance, 78.5m, FigureUnit.Percent, Qualifier.PercentReported),
        };
        var dataset = new FigureDatasetBuilder().AddRange(figures).Build();
        dataset.GetCount(Wudang, Y2022, Measures.Proposals.Filed).Should().Be(Bounds.Exactly(278));
        ProposalStatistics.FromFigures(figures).Counts[Measures.Proposals.Filed].Should().Be(Bounds.Exactly(278));
    }
}
