using System;
using FluentAssertions;
using Xunit;
using static Zhengxie.Metrics.Tests.Figures.FigureBoundsTest;

namespace Zhengxie.Metrics.Tests.Figures;

public class FigureArithmeticTest
{
    [Fact]
    public void Sum_carries_the_bounds_of_qualified_parts()
    {
        // 乌当: 29条 + 30余条 + 12条 + 50余条 = (29 + 31 + 12 + 51)..(29 + 39 + 12 + 59).
        var parts = new[]
        {
            Make(29, "条", Qualifier.Exact),
            Make(30, "条", Qualifier.MoreThan),
            Make(12, "条", Qualifier.Exact),
            Make(50, "条", Qualifier.MoreThan),
        };
        FigureArithmetic.SumBounds(parts).Should().Be(Bounds.Between(123, 139));
    }

    [Fact]
    public void Sum_scales_to_base_units()
    {
        // 590余万元 + 约1.5万元 + 100元 = (5,900,001 + 14,500 + 100)..(5,999,999 + 15,500 + 100) 元.
        var parts = new[]
        {
            Make(590, "万元", Qualifier.MoreThan),
            Make(1.5m, "万元", Qualifier.About),
            Make(100, "元", Qualifier.Exact),
        };
        FigureArithmetic.SumBounds(parts).Should().Be(Bounds.Between(5_914_601, 6_015_599));
    }

    [Fact]
    public void Sum_with_an_open_part_is_open()
    {
        FigureArithmetic.SumBounds(new[] { Make(100, "场", Qualifier.AtLeast), Make(5, "场", Qualifier.Exact) })
            .Should().Be(Bounds.AtLeast(105));
    }

    [Fact]
    public void Sum_of_none_is_zero()
    {
        FigureArithmetic.SumBounds(Array.Empty<Figure>()).Should().Be(Bounds.Zero);
    }

    [Fact]
    public void Figures_of_different_units_refuse_to_add()
    {
        var pieces = Make(221, "件", Qualifier.Exact, "proposals.filed");
        var times = Make(20, "次", Qualifier.MoreThan, "activity.inspections");
        var act = () => FigureArithmetic.SumBounds(new[] { pieces, times });
        act.Should().Throw<UnitMismatchException>()
            .Which.Message.Should().Contain("件").And.Contain("次").And.Contain("proposals.filed").And.Contain("activity.inspections");

        var money = () => FigureArithmetic.SumBounds(new[] { Make(590, "万元", Qualifier.MoreThan), Make(20, "万字", Qualifier.Nearly) });
        money.Should().Throw<UnitMismatchException>().Which.Message.Should().Contain("万元").And.Contain("万字");
    }

    [Fact]
    public void Figures_without_bounds_cannot_be_summed()
    {
        var all = () => FigureArithmetic.SumBounds(new[] { Make(null, "件", Qualifier.All, "proposals.replied") });
        all.Should().Throw<ZhengxieMetricsException>().Which.Message.Should().Contain("proposals.replied").And.Contain("all");
        var percent = () => FigureArithmetic.SumBounds(new[] { Make(78.5m, "%", Qualifier.PercentReported, "rate.acceptance") });
        percent.Should().Throw<ZhengxieMetricsException>().Which.Message.Should().Contain("rate.acceptance");
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        var nullSequence = () => FigureArithmetic.SumBounds(null!);
        nullSequence.Should().Throw<ArgumentNullException>();
        var nullElement = () => FigureArithmetic.SumBounds(new Figure[] { null! });
        nullElement.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Overflow_is_checked()
    {
        var huge = Make(900_000_000_000_000m, "万元", Qualifier.Exact);
        var act = () => FigureArithmetic.SumBounds(new[] { huge, huge });
        act.Should().Throw<OverflowException>();
    }
}
