using System;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.TestHelpers;

namespace Zhengxie.Metrics.Tests.Figures;

public class FigureUnitTest
{
    [Theory]
    [InlineData("万元", 10_000, "元")]
    [InlineData("万字", 10_000, "字")]
    [InlineData("万人次", 10_000, "人次")]
    [InlineData("元", 1, "元")]
    [InlineData("件", 1, "件")]
    [InlineData("%", 1, "%")]
    public void Scale_and_base_symbol(string symbol, int scale, string baseSymbol)
    {
        var unit = new FigureUnit(symbol);
        unit.Symbol.Should().Be(symbol);
        unit.Scale.Should().Be(scale);
        unit.BaseSymbol.Should().Be(baseSymbol);
        unit.BaseUnit.Should().Be(new FigureUnit(baseSymbol));
        unit.ToString().Should().Be(symbol);
    }

    [Theory]
    [InlineData("万元", "元", true)]
    [InlineData("万元", "万元", true)]
    [InlineData("万字", "字", true)]
    [InlineData("件", "次", false)]
    [InlineData("场", "场次", false)]
    [InlineData("万元", "万字", false)]
    [InlineData("人次", "家次", false)]
    public void Compatibility_is_equality_of_base_units(string a, string b, bool compatible)
    {
        new FigureUnit(a).IsCompatibleWith(new FigureUnit(b)).Should().Be(compatible);
        new FigureUnit(b).IsCompatibleWith(new FigureUnit(a)).Should().Be(compatible);
    }

    [Fact]
    public void Rejects_empty_and_bare_scale()
    {
        var empty = () => new FigureUnit(" ");
        empty.Should().Throw<ArgumentException>();
        var bare = () => new FigureUnit("万");
        bare.Should().Throw<ArgumentException>();
        var nothing = () => new FigureUnit(null!);
        nothing.Should().Throw<ArgumentNullException>();
        new FigureUnit(" 件 ").Symbol.Should().Be("件");
    }

    [Fact]
    public void Well_known_units_and_default()
    {
        FigureUnit.Percent.IsPercent.Should().BeTrue();
        FigureUnit.Piece.Symbol.Should().Be("件");
        FigureUnit.Times.Symbol.Should().Be("次");
        default(FigureUnit).Symbol.Should().BeEmpty();
        default(FigureUnit).Scale.Should().Be(1);
    }

    [Fact]
    public void Equality_compares_the_printed_symbol()
    {
        EqualityContract.AssertEqual(new FigureUnit("万元"), new FigureUnit("万元"));
        EqualityContract.AssertUnequal(new FigureUnit("万元"), new FigureUnit("元"));
        EqualityContract.AssertUnequal(new FigureUnit("件"), new FigureUnit("次"));
    }
}
