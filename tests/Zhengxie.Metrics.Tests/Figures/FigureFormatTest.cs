using System;
using System.Text;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Figures;

/// <summary>
/// <see cref="Figure.FormatAsReported"/>: a figure written back the way reports print it (DOMAIN.md's qualifier table:
/// 100余场次, 100场以上, 近330万元, 约, 全部办复, 145件…全部, 立案率78.5%), with and without its unit (a rate keeps its %),
/// and the refusals of the constructor at the ends of the qualifier and scope ranges.
/// </summary>
public class FigureFormatTest
{
    private static readonly Committee Wudang = Committee.Parse("520112");
    private static readonly ReportingPeriod Year = ReportingPeriod.CalendarYear(2022);

    private static Figure F(string measure, decimal? value, string unit, Qualifier qualifier) => new(Wudang, Year, new Measure(measure), value, new FigureUnit(unit), qualifier);

    [Theory]
    [InlineData("activity.consultation", "75", "次", Qualifier.Exact, "75次", "75")]
    [InlineData("activity.consultation", "100", "场次", Qualifier.MoreThan, "100余场次", "100余")]
    [InlineData("activity.consultation", "100", "场", Qualifier.AtLeast, "100场以上", "100以上")]
    [InlineData("poverty.funds_raised", "330", "万元", Qualifier.Nearly, "近330万元", "近330")]
    [InlineData("members.honoured", "60", "人", Qualifier.About, "约60人", "约60")]
    [InlineData("proposals.replied", "145", "件", Qualifier.All, "145件全部", "145全部")]
    [InlineData("proposals.replied", null, "件", Qualifier.All, "全部", "全部")]
    [InlineData("rate.acceptance", "78.5", "%", Qualifier.PercentReported, "78.5%", "78.5%")]
    [InlineData("rate.reply", "99", "%", Qualifier.AtLeast, "99%以上", "99%以上")]
    [InlineData("rate.satisfaction", "90", "%", Qualifier.Nearly, "近90%", "近90%")]
    [InlineData("rate.adoption", "60", "%", Qualifier.About, "约60%", "约60%")]
    [InlineData("rate.reply", "95", "%", Qualifier.MoreThan, "超过95%", "超过95%")]
    [InlineData("poverty.funds_raised", "1.50", "万元", Qualifier.Exact, "1.50万元", "1.50")]
    public void A_figure_is_written_as_reported(string measure, string? value, string unit, Qualifier qualifier, string withUnit, string withoutUnit)
    {
        var figure = F(measure, value is null ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit, qualifier);

        figure.FormatAsReported().Should().Be(withUnit);
        figure.FormatAsReported(includeUnit: false).Should().Be(withoutUnit);

        // The validator writes a figure's parts into its message without making the figure: the same text.
        var text = new StringBuilder("parts: ");
        Figure.AppendAsReported(text, figure.Value, figure.Unit, figure.Qualifier);
        text.ToString().Should().Be("parts: " + withUnit);
    }

    [Theory]
    [InlineData(-1, 0, "qualifier", "Unknown qualifier.")]
    [InlineData(7, 0, "qualifier", "Unknown qualifier.")]
    [InlineData(0, -1, "scope", "Unknown scope.")]
    [InlineData(0, 2, "scope", "Unknown scope.")]
    public void Qualifiers_and_scopes_just_outside_their_range_are_refused(int qualifier, int scope, string param, string message)
    {
        var act = () => new Figure(Wudang, Year, Measures.Proposals.Filed, 1, FigureUnit.Piece, (Qualifier)qualifier, (FigureScope)scope);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be($"{message} (Parameter '{param}')");
    }

    [Fact]
    public void The_first_and_last_qualifier_and_scope_make_figures()
    {
        new Figure(Wudang, Year, Measures.Proposals.Filed, 1, FigureUnit.Piece, Qualifier.Exact, FigureScope.RegionTotal).Scope.Should().Be(FigureScope.RegionTotal);
        new Figure(Wudang, Year, Measures.Rates.Reply, 90, FigureUnit.Percent, Qualifier.PercentReported).Qualifier.Should().Be(Qualifier.PercentReported);
    }

    [Fact]
    public void A_percentage_on_a_count_names_the_measure()
    {
        var act = () => new Figure(Wudang, Year, Measures.Proposals.Filed, 90, FigureUnit.Piece, Qualifier.PercentReported);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be(
            "A stated percentage (percent_reported) belongs to a rate or share measure (rate.*, share.*), not to proposals.filed. (Parameter 'measure')");
    }
}
