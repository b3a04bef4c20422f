using System;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Tests.TestHelpers;

namespace Zhengxie.Metrics.Tests.Figures;

public class FigureTest
{
    private static readonly Committee Wudang = new(RegionCode.Parse("520112"));
    private static readonly ReportingPeriod Since = ReportingPeriod.SinceSession(11, 1, 2022);

    [Fact]
    public void Keeps_what_the_report_states()
    {
        var source = new FigureSource("001_f17ddfd22b30e5c2.txt", "组织基层协商议事会100余场次");
        var figure = new Figure(Wudang, Since, new Measure("activity.consultation.grassroots"), 100m, new FigureUnit("场次"), Qualifier.MoreThan, source: source);
        figure.Committee.Should().Be(Wudang);
        figure.Period.Should().Be(Since);
        figure.Value.Should().Be(100m);
        figure.Qualifier.Should().Be(Qualifier.MoreThan);
        figure.Scope.Should().Be(FigureScope.Committee);
        figure.Topic.Should().BeNull();
        figure.Source.Should().BeSameAs(source);
        figure.Bounds.Should().Be(Bounds.Between(101, 199));
        figure.ToString().Should().Be("520112 11.1+@2022 activity.consultation.grassroots = 100余场次");
    }

    [Fact]
    public void ToString_shows_scope_and_topic()
    {
        var figure = new Figure(Wudang, Since, new Measure("output.suggestions"), 30m, new FigureUnit("条"), Qualifier.MoreThan, FigureScope.RegionTotal, "常委会议和主席会议协商");
        figure.ToString().Should().Be("520112 11.1+@2022 output.suggestions [region_total] [常委会议和主席会议协商] = 30余条");
        new Figure(Wudang, Since, new Measure("output.suggestions"), 30m, new FigureUnit("条"), topic: "  ").Topic.Should().BeNull();
    }

    [Fact]
    public void Rejects_arguments_that_make_no_figure()
    {
        var measure = new Measure("proposals.filed");
        var unit = FigureUnit.Piece;
        var attempts = new Action[]
        {
            () => _ = new Figure(default, Since, measure, 1m, unit),
            () => _ = new Figure(Wudang, default, measure, 1m, unit),
            () => _ = new Figure(Wudang, Since, default, 1m, unit),
            () => _ = new Figure(Wudang, Since, measure, 1m, default),
            () => _ = new Figure(Wudang, Since, measure, 1m, unit, (Qualifier)42),
            () => _ = new Figure(Wudang, Since, measure, 1m, unit, scope: (FigureScope)42),
            () => _ = new Figure(Wudang, Since, measure, null, unit),
            () => _ = new Figure(Wudang, Since, new Measure("rate.reply"), 100m, FigureUnit.Percent, Qualifier.Exact),
            () => _ = new Figure(Wudang, Since, new Measure("share.proposals.outcome_b"), 39.7m, FigureUnit.Percent, Qualifier.All),
            () => _ = new Figure(Wudang, Since, measure, 1m, FigureUnit.Percent),
            () => _ = new Figure(Wudang, Since, new Measure("rate.reply"), 100m, unit),
            () => _ = new Figure(Wudang, Since, measure, 100m, FigureUnit.Percent, Qualifier.PercentReported),
        };
        foreach (var attempt in attempts)
        {
            attempt.Should().Throw<ArgumentException>();
        }
    }

    [Fact]
    public void Equality_ignores_the_source()
    {
        Figure Make(decimal value, string? quote) =>
            new(Wudang, Since, new Measure("proposals.received"), value, FigureUnit.Piece, source: new FigureSource(null, quote));
        EqualityContract.AssertEqual(Make(178m, "收到提案178件"), Make(178m, null), requireOperators: false);
        EqualityContract.AssertEqual(Make(178m, null), Make(178.0m, null), requireOperators: false);
        EqualityContract.AssertUnequal(Make(178m, null), Make(176m, null), requireOperators: false);
        Make(178m, null).Equals(null).Should().BeFalse();
    }
}
