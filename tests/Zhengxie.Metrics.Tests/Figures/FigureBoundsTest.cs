using System;
using System.Globalization;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Figures;

public class FigureBoundsTest
{
    private static readonly Committee Lishui = new(RegionCode.Parse("331100"));
    private static readonly ReportingPeriod Session = ReportingPeriod.ForSession(4, 4, 2020);

    internal static Figure Make(decimal? value, string unit, Qualifier qualifier, string measure = "output.suggestions") =>
        new(Lishui, Session, new Measure(measure), value, new FigureUnit(unit), qualifier);

    [Theory]
    [InlineData(75, "次", 75, 75)]
    [InlineData(0, "件", 0, 0)]
    [InlineData(1.5, "万元", 15_000, 15_000)]
    [InlineData(330, "万元", 3_300_000, 3_300_000)]
    public void Exact_is_exactly_N_in_base_units(double value, string unit, long lower, long upper)
    {
        Make((decimal)value, unit, Qualifier.Exact).Bounds.Should().Be(Bounds.Between(lower, upper));
    }

    [Theory]
    [InlineData(100, "场次", 101, 199)]
    [InlineData(30, "条", 31, 39)]
    [InlineData(5300, "条", 5301, 5399)]
    [InlineData(590, "万元", 5_900_001, 5_999_999)]
    [InlineData(150, "个", 151, 159)]
    [InlineData(2400, "户", 2401, 2499)]
    [InlineData(20, "次", 21, 29)]
    [InlineData(1000, "人次", 1001, 1999)]
    [InlineData(7, "万元", 70_001, 79_999)]
    [InlineData(1.5, "万元", 15_001, 15_999)]
    public void More_than_is_above_N_below_N_plus_the_unit_of_its_last_nonzero_digit(double value, string unit, long lower, long upper)
    {
        Make((decimal)value, unit, Qualifier.MoreThan).Bounds.Should().Be(Bounds.Between(lower, upper));
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(0, 0)]
    [InlineData(1.5, 15_000)]
    public void At_least_is_N_or_more_without_upper_bound(double value, long lower)
    {
        string unit = value == 1.5 ? "万元" : "场";
        var bounds = Make((decimal)value, unit, Qualifier.AtLeast).Bounds!.Value;
        bounds.Should().Be(Bounds.AtLeast(lower));
        bounds.HasUpperBound.Should().BeFalse();
    }

    [Theory]
    [InlineData(330, "万元", 3_200_001, 3_299_999)]
    [InlineData(20, "万字", 100_001, 199_999)]
    [InlineData(330, "件", 321, 329)]
    [InlineData(1.5, "万元", 14_001, 14_999)]
    public void Nearly_is_below_N_above_N_minus_the_unit(double value, string unit, long lower, long upper)
    {
        Make((decimal)value, unit, Qualifier.Nearly).Bounds.Should().Be(Bounds.Between(lower, upper));
    }

    [Theory]
    [InlineData(100, "次", 50, 150)]
    [InlineData(30, "次", 25, 35)]
    [InlineData(1, "次", 1, 1)]
    [InlineData(1.5, "万元", 14_500, 15_500)]
    public void About_is_half_a_unit_either_side(double value, string unit, long lower, long upper)
    {
        Make((decimal)value, unit, Qualifier.About).Bounds.Should().Be(Bounds.Between(lower, upper));
    }

    [Fact]
    public void All_and_percent_reported_have_no_bounds_of_their_own()
    {
        Make(null, "件", Qualifier.All, "proposals.replied").Bounds.Should().BeNull();
        Make(78.5m, "%", Qualifier.PercentReported, "rate.acceptance").Bounds.Should().BeNull();
    }

    [Theory]
    [InlineData(Qualifier.Exact)]
    [InlineData(Qualifier.MoreThan)]
    [InlineData(Qualifier.AtLeast)]
    [InlineData(Qualifier.Nearly)]
    [InlineData(Qualifier.About)]
    public void Negative_value_is_bad_data_naming_committee_period_and_measure(Qualifier qualifier)
    {
        var figure = Make(-5m, "件", qualifier, "proposals.filed");
        var act = () => figure.Bounds;
        act.Should().Throw<ZhengxieMetricsException>()
            .Which.Message.Should().Contain("331100").And.Contain("4.4@2020").And.Contain("proposals.filed").And.Contain("-5");
    }

    [Theory]
    [InlineData(1.5, "个", Qualifier.Exact)]
    [InlineData(2.5, "个", Qualifier.MoreThan)]
    [InlineData(7, "个", Qualifier.MoreThan)]
    [InlineData(2.5, "个", Qualifier.About)]
    [InlineData(1, "次", Qualifier.Nearly)]
    [InlineData(0, "次", Qualifier.MoreThan)]
    [InlineData(0, "次", Qualifier.Nearly)]
    [InlineData(0, "次", Qualifier.About)]
    public void No_whole_value_fitting_is_bad_data_never_rounded(double value, string unit, Qualifier qualifier)
    {
        var figure = Make((decimal)value, unit, qualifier, "activity.visits");
        var act = () => figure.Bounds;
        act.Should().Throw<ZhengxieMetricsException>()
            .Which.Message.Should().Contain("331100").And.Contain("4.4@2020").And.Contain("activity.visits");
    }

    [Fact]
    public void Figures_too_large_for_a_count_overflow()
    {
        var figure = Make(1_000_000_000_000_000m, "万元", Qualifier.Exact);
        var act = () => figure.Bounds;
        act.Should().Throw<OverflowException>();
    }

    [Theory]
    [InlineData("100", "100")]
    [InlineData("330", "10")]
    [InlineData("5300", "100")]
    [InlineData("7", "1")]
    [InlineData("1.5", "0.1")]
    [InlineData("1.50", "0.1")]
    [InlineData("100.0", "100")]
    [InlineData("0.05", "0.01")]
    public void Unit_of_the_last_nonzero_digit(string printed, string unit)
    {
        FigureBounds.LastDigitUnit(decimal.Parse(printed, CultureInfo.InvariantCulture))
            .Should().Be(decimal.Parse(unit, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(100, "场次", Qualifier.MoreThan, "100余场次")]
    [InlineData(330, "万元", Qualifier.Nearly, "近330万元")]
    [InlineData(100, "场", Qualifier.AtLeast, "100场以上")]
    [InlineData(100, "次", Qualifier.About, "约100次")]
    [InlineData(75, "次", Qualifier.Exact, "75次")]
    [InlineData(78.5, "%", Qualifier.PercentReported, "78.5%")]
    public void Formats_as_reported(double value, string unit, Qualifier qualifier, string expected)
    {
        string measure = qualifier == Qualifier.PercentReported ? "rate.acceptance" : "activity.visits";
        Make((decimal)value, unit, qualifier, measure).FormatAsReported().Should().Be(expected);
        Make(null, "件", Qualifier.All, "proposals.replied").FormatAsReported().Should().Be("全部");
    }
}
