using System;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary><see cref="FigureColumns.ToFigure(int)"/>: a row's figure, with the defaults of empty optional columns.</summary>
public class FigureColumnsTest
{
    private static readonly Committee Yongjia = new(new RegionCode(330324));
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.CalendarYear(2022);

    [Fact]
    public void A_row_without_optional_columns_is_an_exact_committee_figure_without_topic_or_source()
    {
        var columns = new FigureColumns(
            new[] { Yongjia, Yongjia },
            new[] { Y2022, Y2022 },
            new[] { Measures.Proposals.Received, Measures.Proposals.Filed },
            new decimal?[] { 178, 160 },
            new[] { FigureUnit.Piece, FigureUnit.Piece });

        var figure = columns.ToFigure(1);

        figure.Should().Be(new Figure(Yongjia, Y2022, Measures.Proposals.Filed, 160, FigureUnit.Piece, Qualifier.Exact, FigureScope.Committee));
        figure.Topic.Should().BeNull();
        figure.Source.Should().BeNull();
    }

    [Fact]
    public void A_row_takes_its_qualifier_scope_and_topic_from_the_optional_columns()
    {
        var columns = new FigureColumns(
            new[] { Yongjia },
            new[] { Y2022 },
            new[] { Measures.Proposals.Received },
            new decimal?[] { 100 },
            new[] { FigureUnit.Piece })
        {
            Qualifiers = new[] { Qualifier.MoreThan },
            Scopes = new[] { FigureScope.RegionTotal },
            Topics = new string?[] { "经济建设" },
        };

        var figure = columns.ToFigure(0);

        figure.Qualifier.Should().Be(Qualifier.MoreThan);
        figure.Scope.Should().Be(FigureScope.RegionTotal);
        figure.Topic.Should().Be("经济建设");
        figure.Value.Should().Be(100);
    }

    [Fact]
    public void A_row_outside_the_columns_is_refused()
    {
        var act = () => new FigureColumns(new[] { Yongjia }, new[] { Y2022 }, new[] { Measures.Proposals.Received }, new decimal?[] { 1 }, new[] { FigureUnit.Piece }).ToFigure(1);

        act.Should().Throw<IndexOutOfRangeException>();
    }
}
