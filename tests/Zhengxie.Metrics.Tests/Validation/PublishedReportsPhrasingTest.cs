using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Validation;

/// <summary>Figures written as report sentences state them (passages of our own in real report phrasing).</summary>
public class PublishedReportsPhrasingTest
{
    private static readonly Committee Pingyang = Committee.Parse("330326");
    private static readonly ReportingPeriod Y2020 = ReportingPeriod.CalendarYear(2020);

    private static Figure Count(string measure, decimal? value, string unit = "件", Qualifier q = Qualifier.Exact, string? topic = null) =>
        new(Pingyang, Y2020, new Measure(measure), value, new FigureUnit(unit), q, FigureScope.Committee, topic);

    private static Figure Percent(string measure, decimal value, Qualifier q = Qualifier.PercentReported) =>
        new(Pingyang, Y2020, new Measure(measure), value, FigureUnit.Percent, q);

    // 「今年共收到提案233件，其中集体提案28件，占12%」
    [Fact]
    public void Collective_share_is_kept_and_fits_over_received()
    {
        Figure[] figures = [Count("proposals.received", 233), Count("proposals.collective", 28), Percent("share.proposals.collective", 12)];
        FigureValidator.Validate(figures).Should().BeEmpty();
        var stats = ProposalStatistics.FromFigures(figures, out var findings);
        findings.Should().BeEmpty();
        stats.StatedRates[new Measure("share.proposals.collective")].Should().Be(12m);
        stats.RateVariants[new Measure("share.proposals.collective")].Denominator.Should().Be(Measures.Proposals.Received);
    }

    // 「立案150件……B类提案占39.7%」: a share implies its numerator like any rate.
    [Fact]
    public void Share_of_B_at_39_7_percent_implies_its_count()
    {
        var stats = ProposalStatistics.FromFigures([Count("proposals.filed", 151), Percent("share.proposals.outcome_b", 39.7m)], out var findings);
        findings.Should().BeEmpty();
        stats.StatedRates[new Measure("share.proposals.outcome_b")].Should().Be(39.7m);
        // 60 / 151 = 39.74 %, the only whole count that prints as 39.7 %.
        stats.GetCount(Measures.Proposals.OutcomeB).Should().Be(Bounds.Exactly(60));
    }

    // 「立案145件，145件提案全部办复」
    [Fact]
    public void All_with_its_count_agreeing_with_the_denominator_is_kept()
    {
        Figure[] figures = [Count("proposals.filed", 145), Count("proposals.replied", 145, q: Qualifier.All)];
        FigureValidator.Validate(figures).Should().BeEmpty();
        var stats = ProposalStatistics.FromFigures(figures, out var findings);
        findings.Should().BeEmpty();
        stats.GetCount(Measures.Proposals.Replied).Should().Be(Bounds.Exactly(145));
        stats.ReplyRate.Should().Be(Rate.Of(145, 145));
    }

    // 「立案150件，145件提案全部办复」: the report disagrees with itself.
    [Fact]
    public void All_with_a_count_other_than_its_denominator_is_a_finding_naming_both()
    {
        Figure[] figures = [Count("proposals.filed", 150), Count("proposals.replied", 145, q: Qualifier.All)];
        var finding = FigureValidator.Validate(figures).Should().ContainSingle().Which;
        finding.Rule.Should().Be(ValidationRule.AllContradictsDenominator);
        finding.Severity.Should().Be(FindingSeverity.SourceInconsistency);
        finding.Measure.Should().Be(Measures.Proposals.Replied);
        finding.Message.Should().Contain("145").And.Contain("150").And.Contain("proposals.filed");
        var act = () => FigureValidator.ThrowIfInvalid(figures);
        act.Should().NotThrow();
        var strict = () => FigureValidator.ThrowIfInvalid(figures, strict: true);
        strict.Should().Throw<ValidationException>().Which.Findings.Single().Rule.Should().Be(ValidationRule.AllContradictsDenominator);
    }

    // 「委员对办理结果满意或基本满意达99%以上」 over 200 feedback forms
    [Fact]
    public void Qualified_rate_gives_bounds_and_an_implied_numerator_range()
    {
        var satisfaction = Percent("rate.satisfaction", 99, Qualifier.AtLeast);
        var stats = ProposalStatistics.FromFigures([Count("proposals.feedback", 200), satisfaction], out var findings);
        findings.Should().BeEmpty();
        stats.GetStatedRate(Measures.Rates.Satisfaction).Should().Be(99m);
        stats.GetStatedRateQualifier(Measures.Rates.Satisfaction).Should().Be(Qualifier.AtLeast);

        var inferred = RateInference.InferNumerator(99, Qualifier.AtLeast, 200);
        inferred.Candidates.Lower.Should().Be(198, "at least 99 %: 198 of 200 is 99 % exactly, 197 (98.5 %) is below");
        inferred.Candidates.Upper.Should().Be(200);
    }

    [Fact]
    public void Qualified_reply_rate_bounds_the_replied_count_and_pools()
    {
        // 「办复率达99%以上」 over filed 200, and a second committee with an exact 100 of 100.
        var a = ProposalStatistics.FromFigures([Count("proposals.filed", 200), Percent("rate.reply", 99, Qualifier.AtLeast)], out var fa);
        fa.Should().BeEmpty();
        var replied = a.GetCount(Measures.Proposals.Replied);
        replied.Upper.Should().Be(200);
        replied.Lower.Should().BeInRange(197, 198);
        var rate = a.ReplyRate!.Value;
        rate.IsExact.Should().BeFalse();
        rate.UpperBound.Should().Be(1m);

        var pooled = Rate.Pool(rate, Rate.Of(100, 100));
        pooled.Denominator.Should().Be(Bounds.Exactly(300));
        pooled.Numerator.Upper.Should().Be(300);
        pooled.Numerator.Lower.Should().Be(replied.Lower + 100);
    }

    // 「54家市直单位和3个县区政府承办」: 家 and 个 both count handling units.
    [Fact]
    public void Handling_units_in_jia_and_ge_add_up()
    {
        Figure[] figures =
        [
            Count("proposals.handling_units", 57, "个"),
            Count("proposals.handling_units", 54, "家", topic: "市直单位"),
            Count("proposals.handling_units", 3, "个", topic: "县区政府"),
        ];
        FigureValidator.Validate(figures).Should().BeEmpty();
        UnitEquivalence.Default.AreEquivalent(new Measure("proposals.handling_units"), new FigureUnit("家"), new FigureUnit("个")).Should().BeTrue();

        // 60家 as parts against a total of 57个 is a breakdown above its total: the units compared.
        var over = FigureValidator.Validate([figures[0], Count("proposals.handling_units", 58, "家", topic: "市直单位"), figures[2]]);
        over.Should().ContainSingle().Which.Rule.Should().Be(ValidationRule.BreakdownExceedsTotal);
    }

    [Theory]
    [InlineData("members.think_tank", "名", "人")]
    [InlineData("members.think_tank", "位", "名")]
    [InlineData("activity.inspection", "次", "场次")]
    public void Units_of_the_same_kind_are_equivalent(string measure, string a, string b)
    {
        UnitEquivalence.Default.AreEquivalent(new Measure(measure), new FigureUnit(a), new FigureUnit(b)).Should().BeTrue();
        FigureValidator.Validate([Count(measure, 10, a, topic: "一"), Count(measure, 12, b, topic: "二")]).Should().BeEmpty();
    }

    [Fact]
    public void Jian_with_ci_stays_a_unit_mismatch()
    {
        UnitEquivalence.Default.AreEquivalent(new Measure("activity.inspection"), new FigureUnit("件"), new FigureUnit("次")).Should().BeFalse();
        UnitEquivalence.Default.AreEquivalent(new Measure("proposals.filed"), new FigureUnit("次"), new FigureUnit("场次")).Should().BeFalse("次/场次 hold for activities only");
        var finding = FigureValidator.Validate([Count("activity.inspection", 10, "次", topic: "一"), Count("activity.inspection", 3, "件", topic: "二")])
            .Should().ContainSingle().Which;
        finding.Rule.Should().Be(ValidationRule.UnitMismatch);
        finding.Severity.Should().Be(FindingSeverity.SourceInconsistency);
    }

    // 「报送社情民意信息200条，被省政协采用10条，采用率90%」
    [Fact]
    public void Opinion_info_adoption_rate_is_checked_against_its_counts()
    {
        var rate = "rate.opinion_info_adoption.province";
        Figure[] figures = [Count("opinion_info.submitted", 200, "条"), Count("opinion_info.adopted.province", 10, "条"), Percent(rate, 90)];
        var finding = FigureValidator.Validate(figures).Should().ContainSingle().Which;
        finding.Rule.Should().Be(ValidationRule.RateContradictsCounts);
        finding.Measure.Should().Be(new Measure(rate));
        finding.Severity.Should().Be(FindingSeverity.SourceInconsistency);

        FigureValidator.Validate([figures[0], figures[1], Percent(rate, 5)]).Should().BeEmpty();
    }

    // 「报送社情民意信息200条，省政协采用率4.5%」: the rate implies 9 adopted (only 9/200 prints as 4.5 %); 「5%」 fits 9..11, so implies no count.
    [Fact]
    public void Opinion_info_adoption_rate_implies_its_numerator()
    {
        var stats = ProposalStatistics.FromFigures([Count("opinion_info.submitted", 200, "条"), Percent("rate.opinion_info_adoption.province", 4.5m)], out var findings);
        findings.Should().BeEmpty();
        stats.GetCount(Measures.OpinionInfo.AdoptedByProvince).Should().Be(Bounds.Exactly(9));

        RateInference.InferNumerator(5, 200).Candidates.Should().Be(Bounds.Between(9, 11));
        var bounded = ProposalStatistics.FromFigures([Count("opinion_info.submitted", 200, "条"), Percent("rate.opinion_info_adoption.province", 5)], out _);
        bounded.TryGetCount(Measures.OpinionInfo.AdoptedByProvince, out _).Should().BeFalse("a printed rate implies its numerator only where one whole number fits");
    }

    [Fact]
    public void Malformed_input_is_an_error()
    {
        var over = FigureValidator.Validate([Percent("rate.reply", 130)]).Should().ContainSingle().Which;
        over.Rule.Should().Be(ValidationRule.RateOutOfRange);
        over.IsError.Should().BeTrue();

        var negative = FigureValidator.Validate([Count("proposals.filed", -5)]).Should().ContainSingle().Which;
        negative.Rule.Should().Be(ValidationRule.NegativeCount);
        negative.IsError.Should().BeTrue();

        var act = () => FigureValidator.ThrowIfInvalid([Count("proposals.filed", -5)]);
        act.Should().Throw<ValidationException>();
    }

    // 「开展协商活动75次，其中专题协商12次、对口协商12次、提案办理协商29次、界别协商25次」 (78 > 75)
    [Fact]
    public void Parts_not_adding_up_and_a_misprinted_rate_are_source_inconsistencies()
    {
        Figure[] breakdown =
        [
            Count("activity.consultation", 75, "次"), Count("activity.consultation.counterpart", 12, "次"), Count("activity.consultation.sector", 25, "次"),
            Count("activity.consultation.proposal_handling", 29, "次"), Count("activity.consultation.invite_to_consult", 12, "次"),
        ];
        var parts = FigureValidator.Validate(breakdown).Should().ContainSingle().Which;
        parts.Rule.Should().Be(ValidationRule.BreakdownExceedsTotal);
        parts.IsError.Should().BeFalse();
        parts.Severity.Should().Be(FindingSeverity.SourceInconsistency);

        // 327 of 400 is 81.75 %, which rounds to 81.8 % (half up) and truncates to 81.7 %; 「办复率81.7%」 fits by truncation.
        // 「81.6%」 fits neither: a source inconsistency, kept as published.
        Figure[] rate = [Count("proposals.filed", 400), Count("proposals.replied", 327), Percent("rate.reply", 81.6m)];
        var misprint = FigureValidator.Validate(rate).Should().ContainSingle().Which;
        misprint.Rule.Should().Be(ValidationRule.RateContradictsCounts);
        misprint.Severity.Should().Be(FindingSeverity.SourceInconsistency);
        var stats = ProposalStatistics.FromFigures(rate, out _);
        stats.StatedRates[Measures.Rates.Reply].Should().Be(81.6m);
        stats.ReplyRate.Should().Be(Rate.Of(327, 400));

        FigureValidator.ThrowIfInvalid(breakdown);
        FigureValidator.ThrowIfInvalid(rate);
    }

    [Fact]
    public void Strict_mode_makes_source_inconsistencies_errors()
    {
        Figure[] figures = [Count("proposals.filed", 400), Count("proposals.replied", 327), Percent("rate.reply", 81.6m)];
        FigureValidator.Validate(figures, strict: true).Should().ContainSingle().Which.IsError.Should().BeTrue();
        var act = () => FigureValidator.ThrowIfInvalid(figures, strict: true);
        act.Should().Throw<ValidationException>().WithMessage("*rate.reply*");
        var stats = () => ProposalStatistics.FromFigures(figures, ValidationMode.Throw, strict: true);
        stats.Should().Throw<ValidationException>();
        ProposalStatistics.FromFigures(figures).StatedRates.Should().ContainKey(Measures.Rates.Reply);
    }

    // 「办复率达99%以上」 (filed 200) pooled with an exact 100 of 100 through the dataset.
    [Fact]
    public void Qualified_rate_pools_through_the_dataset_as_bounds()
    {
        var other = Committee.Parse("330327");
        Figure[] figures =
        [
            Count("proposals.filed", 200), Percent("rate.reply", 99, Qualifier.AtLeast),
            new(other, Y2020, Measures.Proposals.Filed, 100, FigureUnit.Piece), new(other, Y2020, Measures.Proposals.Replied, 100, FigureUnit.Piece),
        ];
        var dataset = new FigureDatasetBuilder().AddRange(figures).Build();
        dataset.Findings.Should().BeEmpty();
        dataset.GetCount(Pingyang, Y2020, Measures.Proposals.Replied).Should().Be(Bounds.Between(198, 200));
        var table = dataset.Aggregate(Grouping.Of("two", [Pingyang, other]));
        var pooled = table.GetRate(0, Measures.Rates.Reply).Rate!.Value;
        pooled.Numerator.Should().Be(Bounds.Between(298, 300));
        pooled.Denominator.Should().Be(Bounds.Exactly(300));
    }
}
