using System;
using System.Globalization;
using FluentAssertions;
using Xunit;
using static Zhengxie.Metrics.Tests.Figures.FigureBoundsTest;

namespace Zhengxie.Metrics.Tests.Figures;

/// <summary>
/// The edges of <see cref="Bounds"/>, <c>FigureBounds</c> and <see cref="FigureArithmetic"/> that the first
/// tests left open (ends equal to each other or to <see cref="long.MaxValue"/>, the messages of bad data).
/// </summary>
public class BoundsEdgeTest
{
    private const string Prefix = "Committee 331100, period 4.4@2020, measure ";

    [Fact]
    public void An_open_interval_starting_at_the_largest_count_is_not_exact()
    {
        var open = Bounds.AtLeast(long.MaxValue);
        open.IsExact.Should().BeFalse();
        open.Upper.Should().BeNull();
        open.ToString().Should().Be("9223372036854775807..");
        open.Should().NotBe(Bounds.Exactly(long.MaxValue));
        Bounds.Exactly(long.MaxValue).ToString().Should().Be("9223372036854775807");
    }

    [Fact]
    public void Between_accepts_equal_ends_and_names_the_reversed_ones()
    {
        Bounds.Between(5, 5).Should().Be(Bounds.Exactly(5));
        Bounds.Between(5, 5).IsExact.Should().BeTrue();
        var act = () => Bounds.Between(5, 4);
        act.Should().Throw<ArgumentOutOfRangeException>()
            .Which.Message.Should().StartWith("The upper bound must not be less than the lower bound.").And.Contain("4");
    }

    [Fact]
    public void A_sub_interval_may_share_either_end()
    {
        var range = Bounds.Between(101, 199);
        range.Contains(range).Should().BeTrue();
        range.Contains(Bounds.Exactly(101)).Should().BeTrue();
        range.Contains(Bounds.Exactly(199)).Should().BeTrue();
        range.Contains(Bounds.Between(100, 150)).Should().BeFalse();
        range.Contains(Bounds.Between(150, 200)).Should().BeFalse();
    }

    [Fact]
    public void A_bounded_interval_reaching_the_largest_count_does_not_contain_an_open_one()
    {
        Bounds.Between(0, long.MaxValue).Contains(Bounds.AtLeast(5)).Should().BeFalse();
        Bounds.Between(0, long.MaxValue).Contains(Bounds.Between(5, long.MaxValue)).Should().BeTrue();
        Bounds.AtLeast(0).Contains(Bounds.Between(5, long.MaxValue)).Should().BeTrue();
        Bounds.AtLeast(10).Contains(9).Should().BeFalse();
    }

    [Fact]
    public void Adding_to_an_open_interval_from_either_side_stays_open()
    {
        (Bounds.AtLeast(100) + Bounds.Between(1, 2)).Should().Be(Bounds.AtLeast(101));
        (Bounds.AtLeast(100) + Bounds.AtLeast(7)).Should().Be(Bounds.AtLeast(107));
        (Bounds.Between(-5, 3) + Bounds.Between(2, 4)).Should().Be(Bounds.Between(-3, 7));
    }

    [Fact]
    public void Touching_intervals_intersect_in_one_value_and_disjoint_ones_give_zero()
    {
        Bounds.Between(1, 5).TryIntersect(Bounds.Between(5, 9), out var touching).Should().BeTrue();
        touching.Should().Be(Bounds.Exactly(5));
        Bounds.Between(5, 9).TryIntersect(Bounds.AtLeast(9), out var end).Should().BeTrue();
        end.Should().Be(Bounds.Exactly(9));
        Bounds.Between(1, 5).TryIntersect(Bounds.AtLeast(6), out var none).Should().BeFalse();
        none.Should().Be(Bounds.Zero);
        Bounds.Between(6, 9).TryIntersect(Bounds.Between(1, 5), out _).Should().BeFalse();
    }

    [Fact]
    public void CapAt_the_lower_end_gives_that_value_and_a_lower_cap_names_the_problem()
    {
        Bounds.Between(101, 199).CapAt(101).Should().Be(Bounds.Exactly(101));
        Bounds.AtLeast(100).CapAt(100).Should().Be(Bounds.Exactly(100));
        Bounds.AtLeast(100).CapAt(long.MaxValue).Should().Be(Bounds.Between(100, long.MaxValue));
        Bounds.AtLeast(100).CapAt(long.MaxValue).HasUpperBound.Should().BeTrue();
        var act = () => Bounds.AtLeast(100).CapAt(99);
        act.Should().Throw<ArgumentOutOfRangeException>()
            .Which.Message.Should().StartWith("The cap is below the interval's lower bound.");
    }

    [Fact]
    public void A_null_format_provider_formats_invariantly_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Bounds.Between(3_200_001, 3_299_999).ToString("N0", null).Should().Be("3,200,001..3,299,999");
            Bounds.AtLeast(1_000).ToString("N0", null).Should().Be("1,000..");
            Bounds.Exactly(1_000).ToString("N0", null).Should().Be("1,000");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_largest_count_itself_fits_and_one_more_does_not()
    {
        Make(long.MaxValue, "件", Qualifier.Exact).Bounds.Should().Be(Bounds.Exactly(long.MaxValue));
        Make(long.MaxValue, "件", Qualifier.AtLeast).Bounds.Should().Be(Bounds.AtLeast(long.MaxValue));
        var act = () => Make(long.MaxValue + 1m, "件", Qualifier.Exact, "proposals.filed").Bounds;
        act.Should().Throw<OverflowException>()
            .Which.Message.Should().Be(Prefix + "proposals.filed: the value does not fit in a 64-bit count.");
    }

    [Fact]
    public void At_least_a_fraction_starts_at_the_next_whole_number()
    {
        Make(2.5m, "个", Qualifier.AtLeast).Bounds.Should().Be(Bounds.AtLeast(3));
        Make(0.25m, "万元", Qualifier.AtLeast).Bounds.Should().Be(Bounds.AtLeast(2_500));
    }

    [Fact]
    public void Unit_of_the_last_digit_ignores_the_sign_and_stops_at_ten()
    {
        FigureBounds.LastDigitUnit(-330m).Should().Be(10m);
        FigureBounds.LastDigitUnit(10m).Should().Be(10m);
        FigureBounds.LastDigitUnit(-1.5m).Should().Be(0.1m);
        FigureBounds.LastDigitUnit(0m).Should().Be(1m);
    }

    [Fact]
    public void Messages_of_bad_values_say_what_is_wrong()
    {
        Message(Make(-5m, "件", Qualifier.Exact, "proposals.filed"))
            .Should().Be(Prefix + "proposals.filed: the value -5 is negative; counts are never negative.");
        Message(Make(0m, "次", Qualifier.MoreThan, "activity.visits"))
            .Should().Be(Prefix + "activity.visits: a value of 0 cannot be qualified 'more_than'.");
        Message(Make(0m, "次", Qualifier.Nearly, "activity.visits"))
            .Should().Be(Prefix + "activity.visits: a value of 0 cannot be qualified 'nearly'.");
        Message(Make(2.5m, "个", Qualifier.MoreThan, "activity.visits"))
            .Should().Be(Prefix + "activity.visits: no whole number of 个 fits '2.5余个' (qualifier 'more_than').");
        Message(Make(1m, "次", Qualifier.Nearly, "activity.visits"))
            .Should().Be(Prefix + "activity.visits: no whole number of 次 fits '近1次' (qualifier 'nearly').");
        Message(Make(1.5m, "个", Qualifier.Exact, "activity.visits"))
            .Should().Be(Prefix + "activity.visits: the exact value 1.5 个 is not a whole number.");
        Message(Make(0.00005m, "万元", Qualifier.Exact, "activity.visits"))
            .Should().Be(Prefix + "activity.visits: the exact value 0.50000 元 is not a whole number.");
    }

    [Fact]
    public void About_one_in_units_of_ten_thousand_is_half_of_ten_thousand_either_side()
    {
        Make(1m, "万元", Qualifier.About).Bounds.Should().Be(Bounds.Between(5_000, 15_000));
        Make(5m, "次", Qualifier.About).Bounds.Should().Be(Bounds.Between(5, 5));
        Make(50m, "次", Qualifier.About).Bounds.Should().Be(Bounds.Between(45, 55));
    }

    [Fact]
    public void Sums_name_the_figure_that_has_no_bounds_and_the_null_in_the_sequence()
    {
        var all = () => FigureArithmetic.SumBounds(new[] { Make(null, "件", Qualifier.All, "proposals.replied") });
        all.Should().Throw<ZhengxieMetricsException>().Which.Message
            .Should().StartWith(Prefix + "proposals.replied: a figure qualified 'all' has no bounds of its own and cannot be summed (");
        var percent = () => FigureArithmetic.SumBounds(new[] { Make(5, "件", Qualifier.Exact), Make(78.5m, "%", Qualifier.PercentReported, "rate.acceptance") });
        percent.Should().Throw<ZhengxieMetricsException>().Which.Message
            .Should().StartWith(Prefix + "rate.acceptance: a figure qualified 'percent_reported' has no bounds");
        var nullElement = () => FigureArithmetic.SumBounds(new[] { Make(5, "件", Qualifier.Exact), null! });
        nullElement.Should().Throw<ArgumentException>()
            .Which.Message.Should().StartWith("The sequence of figures contains null.");
    }

    [Fact]
    public void Sums_compare_every_unit_with_the_first_figure()
    {
        var mixed = () => FigureArithmetic.SumBounds(new[] { Make(5, "件", Qualifier.Exact), Make(6, "件", Qualifier.Exact), Make(7, "次", Qualifier.Exact) });
        mixed.Should().Throw<UnitMismatchException>().Which.Message.Should().StartWith("Figures of different units never add up: '")
            .And.Contain("' is in 件 and '").And.EndWith("' is in 次.");
        FigureArithmetic.SumBounds(new[] { Make(1, "万元", Qualifier.Exact), Make(5, "元", Qualifier.Exact), Make(2, "万元", Qualifier.MoreThan) })
            .Should().Be(Bounds.Between(30_006, 40_004));
    }

    private static string Message(Figure figure)
    {
        try
        {
            _ = figure.Bounds;
        }
        catch (ZhengxieMetricsException e)
        {
            return e.Message;
        }

        throw new InvalidOperationException("The figure " + figure + " has bounds.");
    }
}
