using System;
using System.Collections.Generic;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction;

namespace Zhengxie.Metrics.Tests.Extraction.ResultTypes;

/// <summary>
/// The contract of <see cref="ExtractionResult"/>: the list, default-value and origin checks (type, parameter name,
/// message), an empty or blank document becoming null, equality over every member, ToString, and ToFigures (the error naming
/// what is unknown, a stated percentage of a non-rate measure becoming a rate). Expected values are worked out by hand.
/// </summary>
public class ExtractionResultContractTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly ReportingPeriod Year2020 = ReportingPeriod.CalendarYear(2020);

    private static ExtractedFigure Fig(string measure = "proposals.received", decimal value = 178m, string quote = "收到提案178件", string? topic = null) =>
        new(new Measure(measure), value, new FigureUnit("件"), Qualifier.Exact, FigureScope.Committee, topic, null, quote, 0, quote.Length);

    private static UnclassifiedNumber Num(decimal value = 50m) => new(value, "余万元", "资金支持50余万元", 3, 10);

    private static ExtractionFinding Finding(string message = "number too large") => new(message, 5, 2);

    private static ExtractionResult Make(
        IReadOnlyList<ExtractedFigure>? figures = null,
        IReadOnlyList<ExtractedFigure>? breakdowns = null,
        IReadOnlyList<UnclassifiedNumber>? unclassified = null,
        IReadOnlyList<ExtractionFinding>? findings = null,
        Committee? committee = null,
        ReportingPeriod? period = null,
        ContextOrigin? committeeOrigin = null,
        ContextOrigin? periodOrigin = null,
        string? document = null) =>
        new(
            figures ?? [Fig()],
            breakdowns ?? [Fig("proposals.filed", 63m, "经济建设方面63件", "经济建设")],
            unclassified ?? [Num()],
            findings ?? [Finding()],
            committee,
            period,
            committeeOrigin ?? (committee is null ? ContextOrigin.Unknown : ContextOrigin.Caller),
            periodOrigin ?? (period is null ? ContextOrigin.Unknown : ContextOrigin.Text),
            document);

    private static ExtractionResult Full(
        IReadOnlyList<ExtractedFigure>? figures = null,
        IReadOnlyList<ExtractedFigure>? breakdowns = null,
        IReadOnlyList<UnclassifiedNumber>? unclassified = null,
        IReadOnlyList<ExtractionFinding>? findings = null,
        Committee? committee = null,
        ReportingPeriod? period = null,
        ContextOrigin committeeOrigin = ContextOrigin.Caller,
        ContextOrigin periodOrigin = ContextOrigin.Text,
        string document = "yongjia-2020") =>
        Make(figures, breakdowns, unclassified, findings, committee ?? Yongjia, period ?? Year2020, committeeOrigin, periodOrigin, document);

    [Fact]
    public void A_null_list_is_rejected_naming_it()
    {
        IReadOnlyList<ExtractedFigure> figs = [Fig()];
        IReadOnlyList<UnclassifiedNumber> nums = [];
        IReadOnlyList<ExtractionFinding> fins = [];
        var u = ContextOrigin.Unknown;
        ((Func<ExtractionResult>)(() => new ExtractionResult(null!, figs, nums, fins, null, null, u, u, null)))
            .Should().ThrowExactly<ArgumentException>().WithParameterName("figures").WithMessage("*figures list is required*");
        ((Func<ExtractionResult>)(() => new ExtractionResult(figs, null!, nums, fins, null, null, u, u, null)))
            .Should().ThrowExactly<ArgumentException>().WithParameterName("breakdowns").WithMessage("*breakdowns list is required*");
        ((Func<ExtractionResult>)(() => new ExtractionResult(figs, figs, null!, fins, null, null, u, u, null)))
            .Should().ThrowExactly<ArgumentException>().WithParameterName("unclassified").WithMessage("*unclassified list is required*");
        ((Func<ExtractionResult>)(() => new ExtractionResult(figs, figs, nums, null!, null, null, u, u, null)))
            .Should().ThrowExactly<ArgumentException>().WithParameterName("findings").WithMessage("*findings list is required*");
    }

    [Fact]
    public void A_list_holding_null_is_rejected_with_the_index()
    {
        ((Action)(() => Make(figures: [Fig(), null!])))
            .Should().ThrowExactly<ArgumentException>().WithParameterName("figures").WithMessage("*figures list holds null at 1*");
        ((Action)(() => Make(breakdowns: [null!])))
            .Should().ThrowExactly<ArgumentException>().WithParameterName("breakdowns").WithMessage("*breakdowns list holds null at 0*");
        ((Action)(() => Make(unclassified: [Num(), Num(), null!])))
            .Should().ThrowExactly<ArgumentException>().WithParameterName("unclassified").WithMessage("*unclassified list holds null at 2*");
        ((Action)(() => Make(findings: [null!])))
            .Should().ThrowExactly<ArgumentException>().WithParameterName("findings").WithMessage("*findings list holds null at 0*");
    }

    [Fact]
    public void A_default_committee_or_period_is_rejected()
    {
        ((Action)(() => Make(committee: default(Committee), committeeOrigin: ContextOrigin.Caller)))
            .Should().ThrowExactly<ArgumentException>().WithParameterName("committee").WithMessage("*known committee is not default*");
        ((Action)(() => Make(period: default(ReportingPeriod), periodOrigin: ContextOrigin.Text)))
            .Should().ThrowExactly<ArgumentException>().WithParameterName("period").WithMessage("*known period is not default*");
    }

    [Theory]
    [InlineData("committeeOrigin")]
    [InlineData("periodOrigin")]
    public void A_known_value_with_origin_unknown_is_rejected(string field)
    {
        var act = field == "committeeOrigin"
            ? (Action)(() => Full(committeeOrigin: ContextOrigin.Unknown))
            : () => Full(periodOrigin: ContextOrigin.Unknown);
        act.Should().ThrowExactly<ArgumentException>().WithParameterName(field).WithMessage("*A known value came from the caller or the text, not 'unknown'*");
    }

    [Theory]
    [InlineData("committeeOrigin", ContextOrigin.Caller)]
    [InlineData("committeeOrigin", ContextOrigin.Text)]
    [InlineData("periodOrigin", ContextOrigin.Caller)]
    [InlineData("periodOrigin", ContextOrigin.Text)]
    public void An_unknown_value_with_a_known_origin_is_rejected(string field, ContextOrigin origin)
    {
        var act = field == "committeeOrigin"
            ? (Action)(() => Make(committee: null, committeeOrigin: origin))
            : () => Make(period: null, periodOrigin: origin);
        act.Should().ThrowExactly<ArgumentException>().WithParameterName(field).WithMessage("*An unknown value has the origin 'unknown'*");
    }

    [Theory]
    [InlineData("committeeOrigin", 3)]
    [InlineData("committeeOrigin", -1)]
    [InlineData("periodOrigin", 3)]
    public void An_undefined_origin_is_rejected(string field, int origin)
    {
        var act = field == "committeeOrigin"
            ? (Action)(() => Full(committeeOrigin: (ContextOrigin)origin))
            : () => Full(periodOrigin: (ContextOrigin)origin);
        act.Should().ThrowExactly<ArgumentException>().WithParameterName(field).WithMessage($"*Unknown origin {origin}.*");
    }

    [Fact]
    public void An_empty_or_blank_document_becomes_null_as_in_the_context()
    {
        Make(document: string.Empty).Document.Should().BeNull();
        Make(document: " \t").Document.Should().BeNull();
        new ExtractionContext(document: " \t").Document.Should().BeNull();
        Make(document: "yongjia-2020").Document.Should().Be("yongjia-2020");
        Make(document: " yongjia-2020 ").Document.Should().Be(" yongjia-2020 ");
    }

    [Fact]
    public void Results_with_equal_members_are_equal_with_equal_hashes()
    {
        var a = Full();
        var b = Full();
        a.Equals(b).Should().BeTrue();
        b.Equals(a).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
    }

    public static TheoryData<string, ExtractionResult> OneMemberDiffers() => new()
    {
        { "committee", Full(committee: Committee.Parse("330302")) },
        { "period", Full(period: ReportingPeriod.CalendarYear(2021)) },
        { "committee origin", Full(committeeOrigin: ContextOrigin.Text) },
        { "period origin", Full(periodOrigin: ContextOrigin.Caller) },
        { "document", Full(document: "yongjia-2021") },
        { "figures", Full(figures: [Fig(value: 179m)]) },
        { "figures count", Full(figures: [Fig(), Fig()]) },
        { "breakdowns", Full(breakdowns: [Fig("proposals.filed", 63m, "经济建设方面63件", "社会建设")]) },
        { "unclassified", Full(unclassified: [Num(51m)]) },
        { "findings", Full(findings: [Finding("ambiguous committee name")]) },
    };

    [Theory]
    [MemberData(nameof(OneMemberDiffers))]
    public void Results_differing_in_one_member_are_not_equal(string member, ExtractionResult other)
    {
        var a = Full();
        a.Equals(other).Should().BeFalse(member);
        other.Equals(a).Should().BeFalse(member);
        a.Equals((object)other).Should().BeFalse(member);
    }

    [Fact]
    public void Results_with_unknown_committee_or_period_compare_by_their_members()
    {
        var a = Make(document: "d");
        var b = Make(document: "d");
        a.Equals(b).Should().BeTrue();
        a.Equals(Make(document: "e")).Should().BeFalse();
        a.Equals(Make(committee: Yongjia, document: "d")).Should().BeFalse();
        Make(committee: Yongjia, document: "d").Equals(a).Should().BeFalse();
    }

    [Fact]
    public void A_result_is_not_equal_to_null()
    {
        Full().Equals((ExtractionResult?)null).Should().BeFalse();
        Full().Equals((object?)null).Should().BeFalse();
    }

    [Fact]
    public void ToString_names_committee_period_document_and_counts()
    {
        Full(figures: [Fig(), Fig("proposals.filed", 150m, "立案150件")], findings: [])
            .ToString().Should().Be("ExtractionResult 330324 2020 (yongjia-2020): 2 figures, 1 breakdowns, 1 unclassified, 0 findings");
    }

    [Fact]
    public void ToString_puts_a_question_mark_for_what_is_unknown_and_leaves_out_a_missing_document()
    {
        Make(figures: [], breakdowns: [], unclassified: [], findings: [])
            .ToString().Should().Be("ExtractionResult ? ?: 0 figures, 0 breakdowns, 0 unclassified, 0 findings");
        Make(period: Year2020, document: "d")
            .ToString().Should().Be("ExtractionResult ? 2020 (d): 1 figures, 1 breakdowns, 1 unclassified, 1 findings");
        Make(committee: Yongjia)
            .ToString().Should().Be("ExtractionResult 330324 ?: 1 figures, 1 breakdowns, 1 unclassified, 1 findings");
    }

    [Fact]
    public void ToFigures_without_committee_and_period_names_both()
    {
        var r = Make(figures: [Fig(), Fig()]);
        r.Invoking(x => x.ToFigures()).Should().ThrowExactly<InvalidOperationException>().Which.Message.Should().Be(
            "The report's committee and period are unknown (document without a name, committee ?, period ?): give them in the ExtractionContext to make figures of its 2 extracted figures.");
    }

    [Fact]
    public void ToFigures_without_committee_names_the_committee_and_shows_the_period()
    {
        var r = Make(period: Year2020, document: "yongjia-2020");
        r.Invoking(x => x.ToFigures()).Should().ThrowExactly<InvalidOperationException>().Which.Message.Should().Be(
            "The report's committee is unknown (document yongjia-2020, committee ?, period 2020): give them in the ExtractionContext to make figures of its 1 extracted figures.");
    }

    [Fact]
    public void ToFigures_without_period_names_the_period_and_shows_the_committee()
    {
        var r = Make(committee: Yongjia, figures: [], document: "d");
        r.Invoking(x => x.ToFigures()).Should().ThrowExactly<InvalidOperationException>().Which.Message.Should().Be(
            "The report's period is unknown (document d, committee 330324, period ?): give them in the ExtractionContext to make figures of its 0 extracted figures.");
    }

    [Fact]
    public void ToFigures_makes_a_stated_percentage_of_a_non_rate_measure_a_rate_and_keeps_rates_shares_and_counts()
    {
        var pct = new ExtractedFigure(new Measure("proposals.collective"), 35.5m, FigureUnit.Percent, Qualifier.PercentReported, FigureScope.Committee, null, null, "集体提案占35.5%", 7, 10);
        var rate = new ExtractedFigure(new Measure("rate.reply"), 99.2m, FigureUnit.Percent, Qualifier.PercentReported, FigureScope.Committee, null, null, "办复率99.2%", 20, 8);
        var count = new ExtractedFigure(new Measure("proposals.received"), 178m, new FigureUnit("件"), Qualifier.Exact, FigureScope.RegionTotal, "经济建设", null, "收到提案178件", 0, 8);
        var share = new ExtractedFigure(new Measure("share.proposals.collective"), 9.8m, FigureUnit.Percent, Qualifier.PercentReported, FigureScope.Committee, null, null, "占9.8%", 30, 5);
        var figures = Full(figures: [pct, rate, count, share]).ToFigures();

        figures.Should().HaveCount(4);
        figures[3].Measure.Id.Should().Be("share.proposals.collective"); // a share stays a share
        figures[3].Value.Should().Be(9.8m);
        figures[0].Measure.Id.Should().Be("rate.proposals.collective");
        figures[0].Value.Should().Be(35.5m);
        figures[0].Qualifier.Should().Be(Qualifier.PercentReported);
        figures[1].Measure.Id.Should().Be("rate.reply");
        figures[2].Measure.Id.Should().Be("proposals.received");
        figures[2].Scope.Should().Be(FigureScope.RegionTotal);
        figures[2].Topic.Should().Be("经济建设");
        figures[2].Committee.Should().Be(Yongjia);
        figures[2].Period.Should().Be(Year2020);
        figures[2].Source!.Document.Should().Be("yongjia-2020");
        figures[2].Source!.Quote.Should().Be("收到提案178件");
    }
}
