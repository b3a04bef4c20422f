using System;
using System.Globalization;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction;

namespace Zhengxie.Metrics.Tests.Extraction.ResultTypes;

/// <summary>
/// The contract of <see cref="UnclassifiedNumber"/>: the unit, quote, start and length checks (type, parameter name,
/// message; zero and an empty unit accepted), equality over every member and the culture-invariant ToString (with
/// <c>?</c> for a number too large). Expected values are worked out by hand.
/// </summary>
public class UnclassifiedNumberContractTest
{
    private const string Quote = "共协调市区两级资金支持50余万元";

    [Fact]
    public void A_null_unit_is_rejected() =>
        ((Func<UnclassifiedNumber>)(() => new UnclassifiedNumber(50m, null!, Quote, 0, 16))).Should().ThrowExactly<ArgumentNullException>().WithParameterName("unit");

    [Fact]
    public void A_null_quote_is_rejected() =>
        ((Func<UnclassifiedNumber>)(() => new UnclassifiedNumber(50m, "万元", null!, 0, 16))).Should().ThrowExactly<ArgumentNullException>().WithParameterName("quote");

    [Fact]
    public void A_negative_start_is_rejected() =>
        ((Func<UnclassifiedNumber>)(() => new UnclassifiedNumber(50m, "万元", Quote, -1, 16))).Should().ThrowExactly<ArgumentOutOfRangeException>()
            .WithParameterName("start").WithMessage("*quote's start must not be negative*");

    [Fact]
    public void A_negative_length_is_rejected() =>
        ((Func<UnclassifiedNumber>)(() => new UnclassifiedNumber(50m, "万元", Quote, 0, -1))).Should().ThrowExactly<ArgumentOutOfRangeException>()
            .WithParameterName("length").WithMessage("*quote's length must not be negative*");

    [Fact]
    public void Zero_start_and_length_and_an_empty_unit_are_accepted()
    {
        var n = new UnclassifiedNumber(null, string.Empty, string.Empty, 0, 0);
        n.Value.Should().BeNull();
        n.Unit.Should().BeEmpty();
        n.Start.Should().Be(0);
        n.Length.Should().Be(0);
    }

    [Fact]
    public void Numbers_with_equal_members_are_equal_with_equal_hashes()
    {
        var a = new UnclassifiedNumber(50m, "余万元", Quote, 12, 16);
        var b = new UnclassifiedNumber(50m, "余万元", Quote, 12, 16);
        a.Equals(b).Should().BeTrue();
        b.Equals(a).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        new UnclassifiedNumber(null, "", "q", 0, 1).Equals(new UnclassifiedNumber(null, "", "q", 0, 1)).Should().BeTrue();
    }

    public static TheoryData<string, UnclassifiedNumber> OneMemberDiffers() => new()
    {
        { "value", new UnclassifiedNumber(51m, "余万元", Quote, 12, 16) },
        { "value null", new UnclassifiedNumber(null, "余万元", Quote, 12, 16) },
        { "unit", new UnclassifiedNumber(50m, "万元", Quote, 12, 16) },
        { "quote", new UnclassifiedNumber(50m, "余万元", "资金支持50余万元", 12, 16) },
        { "start", new UnclassifiedNumber(50m, "余万元", Quote, 13, 16) },
        { "length", new UnclassifiedNumber(50m, "余万元", Quote, 12, 15) },
    };

    [Theory]
    [MemberData(nameof(OneMemberDiffers))]
    public void Numbers_differing_in_one_member_are_not_equal(string member, UnclassifiedNumber other)
    {
        var a = new UnclassifiedNumber(50m, "余万元", Quote, 12, 16);
        a.Equals(other).Should().BeFalse(member);
        other.Equals(a).Should().BeFalse(member);
        a.Equals((object)other).Should().BeFalse(member);
    }

    [Fact]
    public void A_number_is_not_equal_to_null() =>
        new UnclassifiedNumber(50m, "万元", Quote, 0, 1).Equals((UnclassifiedNumber?)null).Should().BeFalse();

    [Fact]
    public void ToString_is_value_unit_and_quote()
    {
        new UnclassifiedNumber(50m, "余万元", Quote, 12, 16).ToString().Should().Be("50余万元 «共协调市区两级资金支持50余万元»");
        new UnclassifiedNumber(7m, string.Empty, "第7", 0, 2).ToString().Should().Be("7 «第7»");
    }

    [Fact]
    public void ToString_has_a_question_mark_for_a_number_too_large() =>
        new UnclassifiedNumber(null, "件", "收到提案99999999999999999999999999999件", 0, 38).ToString()
            .Should().Be("?件 «收到提案99999999999999999999999999999件»");

    [Fact]
    public void ToString_is_culture_invariant()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            new UnclassifiedNumber(1.5m, "万元", "1.5万元", 0, 5).ToString().Should().Be("1.5万元 «1.5万元»");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
