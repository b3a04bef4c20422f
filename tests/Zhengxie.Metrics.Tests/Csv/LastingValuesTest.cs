using System.IO;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Csv;

namespace Zhengxie.Metrics.Tests.Csv;

/// <summary>
/// Reads share one unit and one source instance per text, across reads and threads (LastingValues): the builder's
/// columns then refer to objects that outlive the reads, not to new ones per read.
/// </summary>
public class LastingValuesTest
{
    private const string File = """
        committee,period,measure,value,unit,qualifier,scope,source
        520112,2022,proposals.received,178,件,exact,committee,乌当区政协2022年工作报告
        520112,2022,activity.consultation,12,次,exact,committee,乌当区政协2022年工作报告
        520112,2022,poverty.funds_raised,35,万元,exact,committee,
        """;

    [Fact]
    public void Two_reads_give_the_same_unit_and_source_instances()
    {
        var first = FigureCsvReader.Read(new StringReader(File)).Figures;
        var second = FigureCsvReader.Read(new StringReader(File)).Figures;
        first.Should().HaveCount(3);
        second.Should().Equal(first);
        for (int i = 0; i < 3; i++)
        {
            second[i].Unit.Symbol.Should().BeSameAs(first[i].Unit.Symbol, "row {0}'s unit", i);
        }

        first[0].Unit.Symbol.Should().BeSameAs(FigureUnit.Piece.Symbol);
        first[1].Unit.Symbol.Should().BeSameAs(FigureUnit.Times.Symbol);
        first[2].Unit.Should().Be(new FigureUnit("万元"));
        second[0].Source.Should().BeSameAs(first[0].Source).And.Be(new FigureSource(null, "乌当区政协2022年工作报告"));
        second[1].Source.Should().BeSameAs(first[0].Source);
        first[2].Source.Should().BeNull();
    }

    [Fact]
    public void Beyond_the_limit_each_text_still_gets_its_own_unit_and_source()
    {
        // A table that keeps 3 units (件, 次, % from the start, so no other) and 3 sources: those not kept are made anew, with the right text.
        // A unit is its symbol: each call passes a string of its own, as each read does.
        var values = new LastingValues(3);
        values.Unit(Text("件")).Symbol.Should().BeSameAs(FigureUnit.Piece.Symbol);
        values.Unit(Text("%")).Symbol.Should().BeSameAs(FigureUnit.Percent.Symbol);
        values.Unit(Text("万元")).Symbol.Should().Be("万元");
        values.Unit(Text("万元")).Symbol.Should().NotBeSameAs(values.Unit(Text("万元")).Symbol, "no room is left for 万元");
        values.Source("甲").Should().BeSameAs(values.Source("甲"));
        values.Source("乙").Should().BeSameAs(values.Source("乙"));
        values.Source("丙").Should().BeSameAs(values.Source("丙"));
        values.Source("丁").Should().NotBeSameAs(values.Source("丁"), "three sources are kept").And.Be(new FigureSource(null, "丁"));
        values.Source("甲").Quote.Should().Be("甲");
    }

    private static string Text(string text) => new(System.MemoryExtensions.AsSpan(text));
}
