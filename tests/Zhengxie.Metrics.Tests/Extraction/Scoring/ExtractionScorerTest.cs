using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction;
using static Zhengxie.Metrics.Tests.Extraction.Scoring.ScoringCases;

namespace Zhengxie.Metrics.Tests.Extraction.Scoring;

/// <summary>The scorer's matching rules, one hand-made case each (the same rules as score_extraction.py).</summary>
public class ExtractionScorerTest
{
    private static ExtractionScore Score(GoldReport gold, params GoldFigure[] predicted) =>
        ExtractionScorer.Score([(gold, (IReadOnlyList<GoldFigure>)predicted)]);

    [Fact]
    public void A_prediction_with_the_same_value_unit_and_quote_matches_in_any_order()
    {
        var score = Score(Report(Received, Filed), Filed, Received);

        score.Gold.Should().Be(2);
        score.Predicted.Should().Be(2);
        score.Matched.Should().Be(2);
        score.IndicatorAgreement.Should().Be(2);
        score.QualifierAgreement.Should().Be(2);
        score.Precision.Should().Be(1.0);
        score.Recall.Should().Be(1.0);
        score.Missed.Should().BeEmpty();
        score.Extra.Should().BeEmpty();
    }

    [Fact]
    public void A_wrong_unit_does_not_match()
    {
        var score = Score(Report(Received), Received.With(unit: "次"));

        score.Matched.Should().Be(0);
        score.Precision.Should().Be(0.0);
        score.Missed.Should().ContainSingle().Which.Should().Contain("proposals.received 178件");
        score.Extra.Should().ContainSingle().Which.Should().Contain("178次");
    }

    [Fact]
    public void Unit_aliases_match_场次_with_场_and_篇次_with_篇_only()
    {
        ExtractionScorer.Unit("场次").Should().Be("场");
        ExtractionScorer.Unit("篇次").Should().Be("篇");
        ExtractionScorer.Unit("人次").Should().Be("人次");
        ExtractionScorer.Unit("％").Should().Be("%");
        Score(Report(Consultations), Consultations.With(unit: "场")).Matched.Should().Be(1);
        Score(Report(Consultations), Consultations.With(unit: "次")).Matched.Should().Be(0);
    }

    [Fact]
    public void A_quote_that_does_not_overlap_the_gold_quote_or_is_not_in_the_text_does_not_match()
    {
        var score = Score(Report(Filed), Filed.With(quote: "开展基层协商活动"), Filed.With(quote: "立案177件"));

        score.Matched.Should().Be(0);
        score.Predicted.Should().Be(2);
        score.Extra.Should().HaveCount(2);
    }

    [Fact]
    public void A_quote_that_overlaps_the_gold_quote_partly_matches()
    {
        Score(Report(Filed), Filed.With(quote: "经审查立案")).Matched.Should().Be(1);
        Score(Report(Filed), Filed.With(quote: "176件，占")).Matched.Should().Be(1);
    }

    [Fact]
    public void Quotes_are_compared_after_NFKC()
    {
        var score = Score(Report(Filed), Filed.With(quote: "立案１７６件"));

        score.Matched.Should().Be(1);
    }

    [Fact]
    public void A_share_annotated_with_its_count_agrees_with_its_rate_or_share_identifier_only()
    {
        Score(Report(FiledShare), FiledShare.With(indicator: "rate.acceptance")).IndicatorAgreement.Should().Be(1);
        Score(Report(FiledShare), FiledShare.With(indicator: "share.proposals.filed")).IndicatorAgreement.Should().Be(1);

        var wrong = Score(Report(FiledShare), FiledShare.With(indicator: "rate.reply"));
        wrong.Matched.Should().Be(1);
        wrong.IndicatorAgreement.Should().Be(0);
        wrong.IndicatorRate.Should().Be(0.0);
        wrong.Mismatch.Should().ContainSingle().Which.Should().Contain("gold proposals.filed pred rate.reply");
        ExtractionScorer.IndicatorAgrees("proposals.filed", "rate.acceptance", "件").Should().BeFalse("only a share in % maps to its rate");
        ExtractionScorer.IndicatorAgrees("Filed", "rate.acceptance", "%").Should().BeTrue("glossary names map through GOLD2LIB");
        ExtractionScorer.IndicatorAgrees("proposals.outcome_a", "rate.adoption", "%").Should().BeTrue();
        ExtractionScorer.IndicatorAgrees("proposals.key", "share.proposals.key", "%").Should().BeTrue();
    }

    [Fact]
    public void Activity_output_and_venue_measures_agree_within_their_family()
    {
        Score(Report(Consultations), Consultations.With(indicator: "activity.consultation")).IndicatorAgreement.Should().Be(1);
        Score(Report(Consultations), Consultations.With(indicator: "activity.meetings.other")).IndicatorAgreement.Should().Be(1);
        Score(Report(Consultations), Consultations.With(indicator: "output.suggestions")).IndicatorAgreement.Should().Be(0);
        Score(Report(Consultations), Consultations.With(indicator: "proposals.received")).IndicatorAgreement.Should().Be(0);
        ExtractionScorer.IndicatorAgrees("activity:调研", "output.research_reports", "篇").Should().BeTrue();
        ExtractionScorer.IndicatorAgrees("activity:调研", "proposals.key", "件").Should().BeFalse();
        ExtractionScorer.IndicatorAgrees("venues.member_studios", "venues.halls", "个").Should().BeTrue();
    }

    [Fact]
    public void Figures_without_a_value_are_skipped_on_both_sides()
    {
        var score = Score(Report(AllReplied, Filed), AllReplied, Filed.With(qualifier: "all"));

        score.Gold.Should().Be(1);
        score.Predicted.Should().Be(1);
        score.Matched.Should().Be(1);
        score.QualifierAgreement.Should().Be(0);
        score.QualifierRate.Should().Be(0.0);
    }

    [Fact]
    public void Matching_is_greedy_in_gold_order_taking_the_first_unused_prediction()
    {
        var score = Score(Report(ReplyRate, SatisfactionRate), SatisfactionRate, ReplyRate);

        score.Matched.Should().Be(2);
        score.IndicatorAgreement.Should().Be(0, "rate.reply takes the first prediction that fits, the satisfaction rate, and vice versa");
    }

    [Fact]
    public void Values_agree_within_one_millionth()
    {
        Score(Report(FiledShare), FiledShare.With(value: 98.9000001m)).Matched.Should().Be(1);
        Score(Report(FiledShare), FiledShare.With(value: 98.91m)).Matched.Should().Be(0);
    }

    [Fact]
    public void Nothing_predicted_scores_zero_without_dividing_by_zero()
    {
        var score = Score(Report(Received, Filed));

        score.Precision.Should().Be(0.0);
        score.Recall.Should().Be(0.0);
        score.IndicatorRate.Should().Be(0.0);
        score.Missed.Should().HaveCount(2);
        score.ToString().Should().Be("figures: gold 2, predicted 0, matched 0; precision 0.0%, recall 0.0%; indicator agreement 0/0, qualifier agreement 0/0");
    }

    [Fact]
    public void Counts_add_up_over_reports()
    {
        var score = ExtractionScorer.Score(All());
        var each = All().Select(c => ExtractionScorer.Score([c])).ToList();

        score.Gold.Should().Be(each.Sum(s => s.Gold));
        score.Predicted.Should().Be(each.Sum(s => s.Predicted));
        score.Matched.Should().Be(each.Sum(s => s.Matched));
        score.IndicatorAgreement.Should().Be(each.Sum(s => s.IndicatorAgreement));
    }

    [Fact]
    public void An_extracted_figure_is_written_in_the_scorers_words()
    {
        var extracted = new ExtractedFigure(
            new Measure("activity.consultation.grassroots"), 100m, new FigureUnit("场次"), Qualifier.MoreThan, FigureScope.RegionTotal, "民生议事堂", "议事会", "开展基层协商活动100余场次", 32, 13);

        var figure = GoldFigure.From(extracted);

        figure.Should().Be(new GoldFigure("activity.consultation.grassroots", 100m, "场次", "more_than", "开展基层协商活动100余场次", "region_total", "民生议事堂"));
        Score(Report(Consultations), figure).Matched.Should().Be(1);
    }

    [Fact]
    public void The_seed_gold_scored_against_itself_is_perfect()
    {
        var seeds = ExtractionGold.LoadSeeds();
        seeds.Should().NotBeEmpty();

        var score = ExtractionScorer.Score(seeds.Select(r => (r, r.Figures)));

        score.Matched.Should().Be(score.Gold);
        score.Predicted.Should().Be(score.Gold);
        score.IndicatorAgreement.Should().Be(score.Gold);
        score.QualifierAgreement.Should().Be(score.Gold);
    }
}
