using System;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>Overflow (issue 10, items 3 and 9): a finding or an exception naming committee, period and measure, never a bare OverflowException; an unselected period never breaks the selected one.</summary>
public class OverflowTest
{
    private static readonly Measure Funds = new("poverty.funds_raised");
    private static readonly FigureUnit TenThousandYuan = new("万元");
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly Committee Lucheng = Committee.Parse("330302");
    private static readonly ReportingPeriod Y2020 = ReportingPeriod.CalendarYear(2020);
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);

    private static FigureDataset HugeIn2020() => new FigureDatasetBuilder()
        .Add(new Figure(Yongjia, Y2020, Funds, 500000000000000m, TenThousandYuan))
        .Add(new Figure(Lucheng, Y2020, Funds, 500000000000000m, TenThousandYuan))
        .Add(new Figure(Yongjia, Y2021, Funds, 1m, TenThousandYuan))
        .Add(new Figure(Lucheng, Y2021, Funds, 2m, TenThousandYuan))
        .Build();

    [Fact]
    public void An_overflow_in_a_period_not_selected_does_not_break_the_selected_one()
    {
        var table = HugeIn2020().RollUp(periods: PeriodSelection.Each([Y2021]));
        foreach (int region in new[] { 330300, 330000 })
        {
            var value = table[new RegionCode(region), "2021"][Funds];
            value.Sum.Should().Be(Bounds.Exactly(30000));
            value.Contributors.Should().Be(2);
        }

        var nation = table[GroupKey.Nation, "2021"][Funds];
        nation.Sum.Should().Be(Bounds.Exactly(30000));
    }

    [Fact]
    public void An_overflow_in_a_selected_period_names_group_committee_period_and_measure()
    {
        var act = () => HugeIn2020().RollUp();
        var e = act.Should().Throw<ZhengxieMetricsException>().Which;
        e.Should().NotBeOfType<OverflowException>();
        e.InnerException.Should().BeOfType<OverflowException>();
        e.Message.Should().StartWith("Group 330").And.Contain("2020").And.Contain("poverty.funds_raised").And.Contain("330302").And.Contain("does not fit in a 64-bit count");
    }

    [Fact]
    public void An_overflowing_pooled_rate_names_its_measure()
    {
        var builder = new FigureDatasetBuilder();
        foreach (var c in new[] { Yongjia, Lucheng })
        {
            builder.Add(new Figure(c, Y2020, Measures.Proposals.Received, 5_000_000_000_000_000_000m, FigureUnit.Piece));
            builder.Add(new Figure(c, Y2020, Measures.Proposals.Filed, 4_000_000_000_000_000_000m, FigureUnit.Piece));
        }

        var dataset = builder.Build();
        var act = () => dataset.RollUp(options: new AggregationOptions { Measures = [], Rates = [RateDefinition.Acceptance] });
        act.Should().Throw<ZhengxieMetricsException>().WithMessage("*2020*proposals.*does not fit in a 64-bit count*");
    }

    [Fact]
    public void Validate_with_breakdowns_at_the_largest_count_gives_a_finding_not_an_overflow()
    {
        var total = new Measure("activity.consultation");
        var figures = new[]
        {
            new Figure(Yongjia, Y2020, total, 9223372036854775807m, FigureUnit.Times),
            new Figure(Yongjia, Y2020, new Measure("activity.consultation.counterpart"), 9223372036854775807m, FigureUnit.Times),
            new Figure(Yongjia, Y2020, new Measure("activity.consultation.online"), 9223372036854775807m, FigureUnit.Times),
        };
        var findings = FigureValidator.Validate(figures);
        var finding = findings.Should().ContainSingle().Which;
        finding.Rule.Should().Be(ValidationRule.BreakdownExceedsTotal);
        finding.Message.Should().Contain("18446744073709551614");
    }

    [Fact]
    public void Validate_with_every_proposal_count_at_the_largest_count_does_not_throw()
    {
        var measures = new[]
        {
            Measures.Proposals.Received, Measures.Proposals.Filed, Measures.Proposals.Replied, Measures.Proposals.OutcomeA,
            Measures.Proposals.OutcomeB, Measures.Proposals.OutcomeC, Measures.Proposals.Satisfied, Measures.Proposals.BasicallySatisfied,
            Measures.Proposals.Dissatisfied, Measures.Proposals.Feedback, Measures.Proposals.RepliedOnTime,
        };
        var figures = measures.Select(m => new Figure(Yongjia, Y2020, m, 9223372036854775807m, FigureUnit.Piece)).ToList();
        var act = () => FigureValidator.Validate(figures);
        act.Should().NotThrow();
        var build = () => new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(figures).Build();
        build.Should().NotThrow();
    }

    [Theory]
    [InlineData("1", "nearly", "次")]
    [InlineData("1.5", "exact", "次")]
    [InlineData("2.5", "more_than", "个")]
    [InlineData("100000000000000000000", "exact", "次")]
    [InlineData("10000000000000000", "exact", "万元")]
    public void A_count_no_whole_number_fits_or_beyond_64_bits_is_a_finding_of_Build(string value, string qualifier, string unit)
    {
        var bad = new Figure(Yongjia, Y2020, new Measure("activity.inspection"), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), new FigureUnit(unit), QualifierText.Parse(qualifier));
        var good = new Figure(Lucheng, Y2020, new Measure("activity.inspection"), 3, new FigureUnit(unit));
        var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).Add(bad).Add(good).Build();
        var finding = dataset.Findings.Should().ContainSingle().Which;
        finding.Rule.Should().Be(ValidationRule.InvalidValue);
        finding.Committee.Should().Be(Yongjia);
        finding.Period.Should().Be(Y2020);
        finding.Measure.Should().Be(new Measure("activity.inspection"));
        dataset.GetCount(Lucheng, Y2020, new Measure("activity.inspection")).Should().Be(good.Bounds);

        var strict = () => new FigureDatasetBuilder().Add(bad).Add(good).Build();
        strict.Should().Throw<ValidationException>().Which.Findings.Should().ContainSingle().Which.Rule.Should().Be(ValidationRule.InvalidValue);
    }
}
