using System;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Figures;

/// <summary>
/// <see cref="Committee"/> (in <c>Figures/</c>) at the edges <c>Regions/CommitteeTest</c> checks loosely: the exact
/// refusals, level words, the ordering operators at equal and adjacent committees, and formatting with a level into
/// buffers of the exact length and one shorter.
/// </summary>
public class CommitteeEdgeTest
{
    private static readonly RegionCode Lishui = RegionCode.Parse("331100");

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void A_level_just_outside_the_three_is_refused_by_name(int level)
    {
        var act = () => new Committee(Lishui, (AdministrativeLevel)level);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("Unknown administrative level. (Parameter 'level')");
    }

    [Fact]
    public void A_committee_needs_a_region()
    {
        var act = () => new Committee(default, AdministrativeLevel.County);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("A committee needs a region code. (Parameter 'region')");
    }

    [Theory]
    [InlineData("331100/province", AdministrativeLevel.Province)]
    [InlineData("331100/prefecture", AdministrativeLevel.Prefecture)]
    [InlineData("331100/county", AdministrativeLevel.County)]
    [InlineData("331100", AdministrativeLevel.Prefecture)]
    public void Level_words(string text, AdministrativeLevel level)
    {
        Committee.TryParse(text, out var c).Should().BeTrue();
        c.Level.Should().Be(level);
        c.Region.Should().Be(Lishui);
    }

    [Theory]
    [InlineData("331100/County")]
    [InlineData("331100/city")]
    [InlineData("331100/")]
    [InlineData("331100/county/")]
    [InlineData("/county")]
    public void Other_level_words_are_refused(string text)
    {
        Committee.TryParse(text, out var c).Should().BeFalse();
        c.IsDefault.Should().BeTrue();
        var act = () => Committee.Parse(text);
        act.Should().ThrowExactly<FormatException>().Which.Message.Should().Be(
            $"'{text}' is not a committee: expected a six-digit region code such as 330324, optionally with a level such as 331100/county.");
    }

    [Fact]
    public void Parse_and_the_non_generic_comparison_refuse_by_name()
    {
        var parseNull = () => Committee.Parse(null!);
        IComparable c = new Committee(Lishui);
        var compare = () => c.CompareTo("331100");

        parseNull.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("text");
        var e = compare.Should().ThrowExactly<ArgumentException>().Which;
        e.ParamName.Should().Be("obj");
        e.Message.Should().Be("The object is not a Committee. (Parameter 'obj')");
    }

    [Fact]
    public void Operators_at_equal_and_adjacent_committees()
    {
        var prefecture = new Committee(Lishui);
        var same = Committee.Parse("331100");
        var county = new Committee(Lishui, AdministrativeLevel.County);
        var next = Committee.Parse("331102");

        (prefecture == same).Should().BeTrue();
        (prefecture != same).Should().BeFalse();
        (prefecture != county).Should().BeTrue();
        (prefecture < county).Should().BeTrue("same region, prefecture before county");
        (prefecture <= same).Should().BeTrue();
        (prefecture >= same).Should().BeTrue();
        (prefecture < same).Should().BeFalse();
        (prefecture > same).Should().BeFalse();
        (county < next).Should().BeTrue("the region first: 331100/county before 331102");
        (next > county).Should().BeTrue();
        (next <= county).Should().BeFalse();
        (county >= next).Should().BeFalse();
        prefecture.Equals((object)same).Should().BeTrue();
        prefecture.Equals((object)Lishui).Should().BeFalse();
    }

    [Theory]
    [InlineData("331100")]
    [InlineData("331100/county")]
    [InlineData("330000/prefecture")]
    public void Formats_into_a_buffer_of_its_length_and_not_one_shorter(string text)
    {
        var c = Committee.Parse(text);
        Span<char> exact = new char[text.Length];
        Span<char> shorter = new char[text.Length - 1];

        c.TryFormat(exact, out int written, default, null).Should().BeTrue();
        written.Should().Be(text.Length);
        exact.ToString().Should().Be(text);
        c.TryFormat(shorter, out int none, default, null).Should().BeFalse();
        none.Should().Be(0);
        c.ToString("X", null).Should().Be(text);
    }
}
