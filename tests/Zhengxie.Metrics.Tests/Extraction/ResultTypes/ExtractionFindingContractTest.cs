using System;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction;

namespace Zhengxie.Metrics.Tests.Extraction.ResultTypes;

/// <summary>
/// The contract of <see cref="ExtractionFinding"/>: the message, start and length checks (type, parameter name,
/// message; zero accepted), equality over every member and ToString. Expected values are worked out by hand.
/// </summary>
public class ExtractionFindingContractTest
{
    [Fact]
    public void A_null_message_is_rejected() =>
        ((Func<ExtractionFinding>)(() => new ExtractionFinding(null!, 0, 0))).Should().ThrowExactly<ArgumentNullException>().WithParameterName("message");

    [Theory]
    [InlineData("")]
    [InlineData(" \t")]
    public void A_blank_message_is_rejected(string blank) =>
        ((Func<ExtractionFinding>)(() => new ExtractionFinding(blank, 0, 0))).Should().ThrowExactly<ArgumentException>()
            .WithParameterName("message").WithMessage("*must not be empty or white space*");

    [Fact]
    public void A_negative_start_is_rejected() =>
        ((Func<ExtractionFinding>)(() => new ExtractionFinding("m", -1, 0))).Should().ThrowExactly<ArgumentOutOfRangeException>()
            .WithParameterName("start").WithMessage("*The start must not be negative*");

    [Fact]
    public void A_negative_length_is_rejected() =>
        ((Func<ExtractionFinding>)(() => new ExtractionFinding("m", 0, -1))).Should().ThrowExactly<ArgumentOutOfRangeException>()
            .WithParameterName("length").WithMessage("*The length must not be negative*");

    [Fact]
    public void Start_and_length_zero_are_accepted()
    {
        var f = new ExtractionFinding("the report as a whole", 0, 0);
        f.Message.Should().Be("the report as a whole");
        f.Start.Should().Be(0);
        f.Length.Should().Be(0);
    }

    [Fact]
    public void Findings_with_equal_members_are_equal_with_equal_hashes()
    {
        var a = new ExtractionFinding("number too large", 123, 4);
        var b = new ExtractionFinding("number too large", 123, 4);
        a.Equals(b).Should().BeTrue();
        b.Equals(a).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
    }

    [Theory]
    [InlineData("Number too large", 123, 4)]
    [InlineData("number too large", 124, 4)]
    [InlineData("number too large", 123, 5)]
    public void Findings_differing_in_one_member_are_not_equal(string text, int at, int count)
    {
        var a = new ExtractionFinding("number too large", 123, 4);
        var b = new ExtractionFinding(text, at, count);
        a.Equals(b).Should().BeFalse();
        b.Equals(a).Should().BeFalse();
        a.Equals((object)b).Should().BeFalse();
    }

    [Fact]
    public void A_finding_is_not_equal_to_null()
    {
        new ExtractionFinding("m", 1, 1).Equals((ExtractionFinding?)null).Should().BeFalse();
        new ExtractionFinding("m", 1, 1).Equals((object?)null).Should().BeFalse();
    }

    [Fact]
    public void ToString_is_the_start_and_the_message() =>
        new ExtractionFinding("number too large: 1e40", 1234, 4).ToString().Should().Be("@1234: number too large: 1e40");
}
