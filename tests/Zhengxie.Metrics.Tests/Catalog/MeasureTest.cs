using System;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.TestHelpers;

namespace Zhengxie.Metrics.Tests.Catalog;

public class MeasureTest
{
    [Theory]
    [InlineData("proposals.filed", "proposals")]
    [InlineData("rate.acceptance", "rate")]
    [InlineData("opinion_info.adopted.province", "opinion_info")]
    [InlineData("activity.consultation.counterpart", "activity")]
    [InlineData("output.suggestions", "output")]
    [InlineData("a", "a")]
    [InlineData("a1.b_2.c", "a1")]
    public void Well_formed_identifiers(string id, string family)
    {
        Measure.IsWellFormed(id).Should().BeTrue();
        var measure = new Measure(id);
        measure.Id.Should().Be(id);
        measure.ToString().Should().Be(id);
        measure.Family.Should().Be(family);
        measure.IsDefault.Should().BeFalse();
        Measure.Parse(id).Should().Be(measure);
        Measure.TryParse(id, out var parsed).Should().BeTrue();
        parsed.Should().Be(measure);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("Proposals.filed")]
    [InlineData("proposals..filed")]
    [InlineData(".proposals")]
    [InlineData("proposals.")]
    [InlineData("1proposals")]
    [InlineData("proposals.1st")]
    [InlineData("proposals._filed")]
    [InlineData("proposals-filed")]
    [InlineData("proposals.filed ")]
    [InlineData("提案.立案")]
    [InlineData("proposals.fİled")]
    public void Malformed_identifiers(string id)
    {
        Measure.IsWellFormed(id).Should().BeFalse();
        Measure.TryParse(id, out var measure).Should().BeFalse();
        measure.IsDefault.Should().BeTrue();
        var parse = () => Measure.Parse(id);
        parse.Should().Throw<FormatException>();
        var construct = () => new Measure(id);
        construct.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Length_is_limited_to_128()
    {
        Measure.IsWellFormed(new string('a', 128)).Should().BeTrue();
        Measure.IsWellFormed(new string('a', 129)).Should().BeFalse();
        Measure.TryParse(null, out _).Should().BeFalse();
        var nullId = () => new Measure(null!);
        nullId.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Parent_and_rate()
    {
        new Measure("activity.consultation.sector").Parent.Should().Be(new Measure("activity.consultation"));
        new Measure("opinion_info.adopted.province").Parent.Should().Be(new Measure("opinion_info.adopted"));
        new Measure("activity.consultation").Parent.Should().BeNull();
        new Measure("proposals").Parent.Should().BeNull();
        new Measure("rate.acceptance").IsRate.Should().BeTrue();
        new Measure("rate").IsRate.Should().BeFalse();
        new Measure("proposals.filed").IsRate.Should().BeFalse();
        Measures.Proposals.Filed.Id.Should().Be("proposals.filed");
    }

    [Fact]
    public void Default_has_no_identifier()
    {
        default(Measure).IsDefault.Should().BeTrue();
        default(Measure).Id.Should().BeEmpty();
        default(Measure).Family.Should().BeEmpty();
        default(Measure).Parent.Should().BeNull();
    }

    [Fact]
    public void Equality_and_ordering_are_ordinal()
    {
        EqualityContract.AssertEqual(new Measure("proposals.filed"), Measure.Parse("proposals.filed"));
        EqualityContract.AssertUnequal(new Measure("proposals.filed"), new Measure("proposals.received"));
        EqualityContract.AssertLess(new Measure("proposals.filed"), new Measure("proposals.received"));
        EqualityContract.AssertLess(default, new Measure("a"));
        EqualityContract.AssertLess(new Measure("a.z"), new Measure("a_b"));
        EqualityContract.AssertNonGenericComparison(new Measure("a"));
    }
}
