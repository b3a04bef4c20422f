using System;
using System.Collections.Generic;
using System.Globalization;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Rates;

/// <summary>
/// Against the survivors of the 2026-11-30 Stryker run of Rates/ (docs/quality.md): a caller's own labels on a rate
/// definition are checked and kept when the formula changes; bad arguments are named; a qualified printed rate's
/// mantissa is read whole.
/// </summary>
public class RateSurvivorsFollowUpTest
{
    private static readonly Measure ReplyRate = new("rate.reply");
    private static readonly Measure[] Replied = [Measures.Proposals.Replied];

    [Fact]
    public void Labels_given_must_not_be_blank_and_name_the_label()
    {
        var chinese = () => new RateDefinition(ReplyRate, Replied, Measures.Proposals.Filed, " ", "my reply rate");
        chinese.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("chineseLabel");
        var english = () => new RateDefinition(ReplyRate, Replied, Measures.Proposals.Filed, "我的办复率", "");
        english.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("englishName");
        var noChinese = () => new RateDefinition(ReplyRate, Replied, Measures.Proposals.Filed, null!, "my reply rate");
        noChinese.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("chineseLabel");
    }

    [Fact]
    public void A_null_numerator_is_named()
    {
        var act = () => new RateDefinition(ReplyRate, (IEnumerable<Measure>)null!, Measures.Proposals.Filed);
        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("numerator");
    }

    [Fact]
    public void A_callers_labels_on_a_standard_identifier_are_kept_through_every_change()
    {
        var own = new RateDefinition(ReplyRate, Replied, Measures.Proposals.Filed, "我的办复率", "my reply rate");
        own.ChineseLabel.Should().Be("我的办复率");
        own.EnglishName.Should().Be("my reply rate");

        var overCases = own.WithDenominator(Measures.Proposals.Cases);
        overCases.ChineseLabel.Should().Be("我的办复率");
        overCases.EnglishName.Should().Be("my reply rate");
        overCases.Formula.Should().Be("proposals.replied / proposals.cases");

        var onTime = own.WithNumerator([Measures.Proposals.RepliedOnTime]);
        onTime.ChineseLabel.Should().Be("我的办复率");
        onTime.EnglishName.Should().Be("my reply rate");
        onTime.Formula.Should().Be("proposals.replied_on_time / proposals.filed");

        // Without labels, a standard identifier takes the standard ones.
        new RateDefinition(ReplyRate, Replied, Measures.Proposals.Cases).ChineseLabel.Should().Be("办复率");
        new RateDefinition(new Measure("rate.custom"), Replied, Measures.Proposals.Cases).ChineseLabel.Should().BeNull();
    }

    [Fact]
    public void An_undefined_rounding_convention_is_named()
    {
        var act = () => RateInference.InferNumerator(50m, 10, (PercentRounding)7);
        act.Should().Throw<ArgumentOutOfRangeException>()
            .Which.Message.Should().StartWith("Unknown rounding convention.");
    }

    [Fact]
    public void The_high_word_of_a_printed_mantissa_counts()
    {
        // 33.333333333333333333 has the mantissa 33,333,333,333,333,333,333 (above 2^64): without its high word it
        // would read as 14.8867…%, which no numerator of 3 gives, and 1 of 3 would not fit.
        decimal printed = decimal.Parse("33.333333333333333333", CultureInfo.InvariantCulture);
        RateInference.InferNumerator(printed, 3).Candidates.Should().Be(Bounds.Exactly(1));
        RateInference.InferNumerator(printed, 3_000_000).Candidates.Should().Be(Bounds.Exactly(1_000_000));
        decimal high = decimal.Parse("66.666666666666666666", CultureInfo.InvariantCulture);
        RateInference.InferNumerator(high, 3, PercentRounding.Truncate).Candidates.Should().Be(Bounds.Exactly(2));
    }

    [Theory]
    [InlineData("33.33333333333", 10, 4)] // mantissa above 2^32
    [InlineData("33.333333333333333333", 10, 4)] // mantissa above 2^64
    [InlineData("33.333333333333333333", 3, 1)]
    public void A_qualified_printed_rate_with_a_long_mantissa_is_read_whole(string printed, long denominator, long lowest)
    {
        // 「33.333…%以上」 of 10 is at least 3.33…: 4 or more.
        var inference = RateInference.InferNumerator(decimal.Parse(printed, CultureInfo.InvariantCulture), Qualifier.AtLeast, denominator);
        inference.Candidates.Should().Be(Bounds.Between(lowest, denominator));
    }

    [Fact]
    public void Null_overrides_are_named()
    {
        var act = () => new RateOptions { Overrides = null! };
        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("value");
    }
}
