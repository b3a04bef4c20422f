using System;
using System.Globalization;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction;

namespace Zhengxie.Metrics.Tests.Extraction.ResultTypes;

/// <summary>
/// The contract of <see cref="ExtractedFigure"/>: each constructor check (type, parameter name, message), the
/// normalisation of a blank topic or label to null, equality over every member, and the exact ToString of each
/// qualifier, scope and topic shape. Expected values are worked out by hand from the documented contract.
/// </summary>
public class ExtractedFigureContractTest
{
    private static ExtractedFigure Make(
        string measure = "proposals.received",
        decimal? value = 178m,
        string unit = "件",
        Qualifier qualifier = Qualifier.Exact,
        FigureScope scope = FigureScope.Committee,
        string? topic = null,
        string? label = null,
        string quote = "收到提案178件",
        int start = 40,
        int length = 8) =>
        new(new Measure(measure), value, new FigureUnit(unit), qualifier, scope, topic, label, quote, start, length);

    [Fact]
    public void A_default_measure_is_rejected()
    {
        var act = () => new ExtractedFigure(default, 1m, new FigureUnit("件"), Qualifier.Exact, FigureScope.Committee, null, null, "q", 0, 1);
        act.Should().ThrowExactly<ArgumentException>().WithParameterName("measure").WithMessage("*needs a measure*");
    }

    [Fact]
    public void A_default_unit_is_rejected_naming_the_measure()
    {
        var act = () => new ExtractedFigure(new Measure("proposals.filed"), 1m, default, Qualifier.Exact, FigureScope.Committee, null, null, "q", 0, 1);
        act.Should().ThrowExactly<ArgumentException>().WithParameterName("unit").WithMessage("*proposals.filed needs a unit*");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(-1)]
    public void An_undefined_qualifier_is_rejected(int undefined)
    {
        var act = () => Make(qualifier: (Qualifier)undefined);
        act.Should().ThrowExactly<ArgumentException>().WithParameterName("qualifier").WithMessage("*Unknown qualifier of the extracted figure of proposals.received*");
    }

    [Fact]
    public void An_undefined_scope_is_rejected()
    {
        var act = () => Make(scope: (FigureScope)2);
        act.Should().ThrowExactly<ArgumentException>().WithParameterName("scope").WithMessage("*Unknown scope of the extracted figure of proposals.received*");
    }

    [Theory]
    [InlineData(Qualifier.Exact)]
    [InlineData(Qualifier.MoreThan)]
    [InlineData(Qualifier.PercentReported)]
    public void A_missing_value_is_rejected_unless_qualified_all(Qualifier stated)
    {
        var act = () => Make(value: null, qualifier: stated);
        act.Should().ThrowExactly<ArgumentException>().WithParameterName("value").WithMessage("*proposals.received has no value*");
    }

    [Fact]
    public void A_missing_value_is_accepted_when_qualified_all()
    {
        var f = Make(measure: "proposals.replied", value: null, qualifier: Qualifier.All, quote: "全部办复", start: 3, length: 4);
        f.Value.Should().BeNull();
        f.Qualifier.Should().Be(Qualifier.All);
    }

    [Fact]
    public void A_null_quote_is_rejected()
    {
        var act = () => new ExtractedFigure(new Measure("proposals.received"), 1m, new FigureUnit("件"), Qualifier.Exact, FigureScope.Committee, null, null, null!, 0, 1);
        act.Should().ThrowExactly<ArgumentNullException>().WithParameterName("quote");
    }

    [Fact]
    public void A_negative_start_is_rejected()
    {
        var act = () => Make(start: -1);
        act.Should().ThrowExactly<ArgumentOutOfRangeException>().WithParameterName("start").WithMessage("*quote's start must not be negative*");
    }

    [Fact]
    public void A_negative_length_is_rejected()
    {
        var act = () => Make(length: -1);
        act.Should().ThrowExactly<ArgumentOutOfRangeException>().WithParameterName("length").WithMessage("*quote's length must not be negative*");
    }

    [Fact]
    public void Start_and_length_zero_are_accepted()
    {
        var f = Make(quote: string.Empty, start: 0, length: 0);
        f.Start.Should().Be(0);
        f.Length.Should().Be(0);
        f.Quote.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\t\n")]
    [InlineData("\u3000")]
    public void A_blank_topic_or_label_becomes_null(string blank)
    {
        var f = Make(topic: blank, label: blank);
        f.Topic.Should().BeNull();
        f.Label.Should().BeNull();
    }

    [Fact]
    public void A_topic_and_label_are_kept_as_given()
    {
        var f = Make(measure: "activity.other", topic: " 经济建设", label: "走访调研 ");
        f.Topic.Should().Be(" 经济建设");
        f.Label.Should().Be("走访调研 ");
    }

    [Fact]
    public void Figures_with_equal_members_are_equal_with_equal_hashes()
    {
        var a = Make(topic: "经济建设", label: "走访调研");
        var b = Make(topic: "经济建设", label: "走访调研");
        a.Equals(b).Should().BeTrue();
        b.Equals(a).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
    }

    [Fact]
    public void A_figure_without_value_equals_another_without_value()
    {
        var a = Make(value: null, qualifier: Qualifier.All);
        var b = Make(value: null, qualifier: Qualifier.All);
        a.Equals(b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
    }

    public static TheoryData<string, ExtractedFigure> OneMemberDiffers() => new()
    {
        { "measure", Make(measure: "proposals.filed", topic: "经济建设", label: "走访调研") },
        { "value", Make(value: 179m, topic: "经济建设", label: "走访调研") },
        { "value null", Make(value: null, qualifier: Qualifier.All, topic: "经济建设", label: "走访调研") },
        { "unit", Make(unit: "次", topic: "经济建设", label: "走访调研") },
        { "qualifier", Make(qualifier: Qualifier.MoreThan, topic: "经济建设", label: "走访调研") },
        { "scope", Make(scope: FigureScope.RegionTotal, topic: "经济建设", label: "走访调研") },
        { "topic", Make(topic: "社会建设", label: "走访调研") },
        { "topic null", Make(topic: null, label: "走访调研") },
        { "label", Make(topic: "经济建设", label: "视察") },
        { "label null", Make(topic: "经济建设", label: null) },
        { "quote", Make(topic: "经济建设", label: "走访调研", quote: "共收到提案178件") },
        { "start", Make(topic: "经济建设", label: "走访调研", start: 41) },
        { "length", Make(topic: "经济建设", label: "走访调研", length: 9) },
    };

    [Theory]
    [MemberData(nameof(OneMemberDiffers))]
    public void Figures_differing_in_one_member_are_not_equal(string member, ExtractedFigure other)
    {
        var a = Make(topic: "经济建设", label: "走访调研");
        a.Equals(other).Should().BeFalse(member);
        other.Equals(a).Should().BeFalse(member);
        a.Equals((object)other).Should().BeFalse(member);
    }

    [Fact]
    public void A_figure_is_not_equal_to_null_or_another_type()
    {
        Make().Equals((ExtractedFigure?)null).Should().BeFalse();
        Make().Equals((object?)null).Should().BeFalse();
        Make().Equals("proposals.received = 178件 «收到提案178件»").Should().BeFalse();
    }

    public static TheoryData<ExtractedFigure, string> Formats() => new()
    {
        { Make(), "proposals.received = 178件 «收到提案178件»" },
        { Make(measure: "activity.consultation.sector", value: 30m, unit: "次", qualifier: Qualifier.MoreThan, quote: "开展界别协商30余次"), "activity.consultation.sector = 30余次 «开展界别协商30余次»" },
        { Make(measure: "activity.consultation.sector", value: 30m, unit: "次", qualifier: Qualifier.AtLeast, quote: "开展界别协商30次以上"), "activity.consultation.sector = 30以上次 «开展界别协商30次以上»" },
        { Make(value: 200m, qualifier: Qualifier.Nearly, quote: "收到提案近200件"), "proposals.received = 200近件 «收到提案近200件»" },
        { Make(measure: "activity.consultation.sector", value: 30m, unit: "次", qualifier: Qualifier.About, quote: "开展界别协商30次左右"), "activity.consultation.sector = 30约次 «开展界别协商30次左右»" },
        { Make(measure: "proposals.replied", value: 145m, qualifier: Qualifier.All, quote: "145件提案全部办复"), "proposals.replied = 145全部件 «145件提案全部办复»" },
        { Make(measure: "proposals.replied", value: null, qualifier: Qualifier.All, quote: "全部办复"), "proposals.replied = 全部件 «全部办复»" },
        { Make(measure: "rate.reply", value: 99.2m, unit: "%", qualifier: Qualifier.PercentReported, quote: "办复率99.2%"), "rate.reply = 99.2% «办复率99.2%»" },
        { Make(value: 1200m, scope: FigureScope.RegionTotal, quote: "全市各级政协共收到提案1200件"), "proposals.received [region_total] = 1200件 «全市各级政协共收到提案1200件»" },
        { Make(measure: "proposals.filed", value: 63m, topic: "经济建设", quote: "经济建设方面63件"), "proposals.filed [经济建设] = 63件 «经济建设方面63件»" },
        { Make(measure: "proposals.filed", value: 63m, scope: FigureScope.RegionTotal, topic: "经济建设", label: "不显示", quote: "经济建设方面63件"), "proposals.filed [region_total] [经济建设] = 63件 «经济建设方面63件»" },
        { Make(measure: "funds.raised", value: 590m, unit: "万元", qualifier: Qualifier.MoreThan, topic: "  ", quote: "筹集资金590余万元"), "funds.raised = 590余万元 «筹集资金590余万元»" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void ToString_formats_measure_scope_topic_value_qualifier_unit_and_quote(ExtractedFigure figure, string expected) =>
        figure.ToString().Should().Be(expected);

    [Fact]
    public void ToString_is_culture_invariant()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Make(measure: "rate.reply", value: 1234.5m, unit: "%", qualifier: Qualifier.PercentReported, quote: "q")
                .ToString().Should().Be("rate.reply = 1234.5% «q»");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
