using System;
using System.Linq;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Regions;

public class CommitteeTest
{
    private static readonly RegionCode Lishui = new(331100);

    [Fact]
    public void Equality_compares_region_and_level()
    {
        var prefecture = new Committee(Lishui, AdministrativeLevel.Prefecture);
        prefecture.Should().Be(new Committee(Lishui));
        prefecture.Should().Be(Committee.Parse("331100"));
        (prefecture == new Committee(Lishui, AdministrativeLevel.Prefecture)).Should().BeTrue();
        (prefecture != new Committee(Lishui, AdministrativeLevel.County)).Should().BeTrue();
        prefecture.Equals((object)new Committee(Lishui)).Should().BeTrue();
        prefecture.Equals((object)Lishui).Should().BeFalse();
        prefecture.GetHashCode().Should().Be(new Committee(Lishui).GetHashCode());
        prefecture.GetHashCode().Should().NotBe(new Committee(Lishui, AdministrativeLevel.County).GetHashCode());
    }

    [Fact]
    public void Ordering_is_by_region_then_level()
    {
        var a = new Committee(new RegionCode(330000), AdministrativeLevel.Province);
        var b = new Committee(Lishui, AdministrativeLevel.Prefecture);
        var c = new Committee(Lishui, AdministrativeLevel.County);
        var d = new Committee(new RegionCode(331102));
        new[] { d, c, a, b }.OrderBy(x => x).Should().Equal(a, b, c, d);
        (b < c).Should().BeTrue();
        (c > b).Should().BeTrue();
        (b <= new Committee(Lishui)).Should().BeTrue();
        (c >= b).Should().BeTrue();
        (d < a).Should().BeFalse();
        ((IComparable)a).CompareTo(null).Should().BePositive();
        FluentActions.Invoking(() => ((IComparable)a).CompareTo(Lishui)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Text_shows_the_level_only_when_it_differs_from_the_shape()
    {
        new Committee(Lishui).ToString().Should().Be("331100");
        new Committee(Lishui, AdministrativeLevel.County).ToString().Should().Be("331100/county");
        new Committee(new RegionCode(330324)).Level.Should().Be(AdministrativeLevel.County);
    }

    [Fact]
    public void Default_and_bad_arguments()
    {
        default(Committee).IsDefault.Should().BeTrue();
        FluentActions.Invoking(() => new Committee(default, AdministrativeLevel.County)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new Committee(Lishui, (AdministrativeLevel)7)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Committee.Parse("33110")).Should().Throw<FormatException>();
    }
}
