using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Csv;

namespace Zhengxie.Metrics.Tests.Csv;

public class FigureCsvWriterTest
{
    private static readonly Committee Wudang = new(new RegionCode(520112));

    [Fact]
    public void Writes_the_documented_header_and_rfc4180_rows()
    {
        var figures = new[]
        {
            new Figure(Wudang, ReportingPeriod.SinceSession(11, 1, 2022), Measures.Proposals.Received, 178m, FigureUnit.Piece, source: new FigureSource("wudang-2022", "收到提案178件")),
            new Figure(new Committee(new RegionCode(331100)), ReportingPeriod.ForSession(4, 4, 2020), Measures.Rates.Acceptance, 78.5m, FigureUnit.Percent, Qualifier.PercentReported, source: new FigureSource(null, "a \"quoted\", text")),
            new Figure(new Committee(new RegionCode(330324)), ReportingPeriod.CalendarYear(2020), Measures.Proposals.Replied, null, FigureUnit.Piece, Qualifier.All),
        };
        var text = new StringWriter();
        FigureCsvWriter.Write(figures, text);
        text.ToString().Should().Be(
            "committee,period,measure,value,unit,qualifier,scope,source\r\n" +
            "520112,11.1+@2022,proposals.received,178,件,exact,committee,收到提案178件\r\n" +
            "331100,4.4@2020,rate.acceptance,78.5,%,percent_reported,committee,\"a \"\"quoted\"\", text\"\r\n" +
            "330324,2020,proposals.replied,,件,all,committee,\r\n");
    }

    [Fact]
    public void Writes_the_topic_column_when_a_figure_has_a_topic()
    {
        var figure = new Figure(Wudang, ReportingPeriod.CalendarYear(2022), new Measure("output.suggestions"), 50m, new FigureUnit("条"), Qualifier.MoreThan, topic: "视察协商");
        var text = new StringWriter();
        FigureCsvWriter.Write([figure], text);
        text.ToString().Should().Be(
            "committee,period,measure,value,unit,qualifier,scope,source,topic\r\n" +
            "520112,2022,output.suggestions,50,条,more_than,committee,,视察协商\r\n");
    }

    [Fact]
    public void A_committee_at_another_level_than_its_code_round_trips()
    {
        var figure = new Figure(new Committee(new RegionCode(331100), AdministrativeLevel.County), ReportingPeriod.CalendarYear(2022), Measures.Proposals.Filed, 3m, FigureUnit.Piece);
        var text = new StringWriter();
        FigureCsvWriter.Write([figure], text);
        text.ToString().Should().Contain("331100/county,");
        FigureCsvReader.Read(new StringReader(text.ToString())).Figures.Should().Equal(figure);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Writes_utf8_with_an_optional_bom_and_reads_it_back(bool bom)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("figures.csv");
        var figure = new Figure(Wudang, ReportingPeriod.CalendarYear(2022), Measures.Proposals.Filed, 176m, FigureUnit.Piece, source: new FigureSource(null, "立案176件"));
        FigureCsvWriter.WriteFile([figure], path, includeBom: bom);

        byte[] bytes = File.ReadAllBytes(path);
        bytes.Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }).Should().Be(bom);
        Encoding.UTF8.GetString(bytes).Should().Contain("立案176件");
        var back = FigureCsvReader.ReadFile(path);
        back.IsValid.Should().BeTrue();
        back.Figures.Should().Equal(figure);
        back.Figures[0].Source!.Quote.Should().Be("立案176件");
    }

    [Fact]
    public void Any_figures_round_trip()
    {
        var qualifiers = new[] { Qualifier.Exact, Qualifier.MoreThan, Qualifier.AtLeast, Qualifier.Nearly, Qualifier.About, Qualifier.All };
        var texts = Gen.OneOf("", "收到提案178件", "a,b", "say \"hi\"", "two\r\nlines", " padded ", "近330万元");
        var figureGen =
            from code in Gen.OneOf(520112, 331100, 330324, 110000)
            from year in Gen.Int[1990, 2100]
            from kind in Gen.Int[0, 2]
            from measure in Gen.OneOf("proposals.received", "activity.consultation.sector", "output.suggestions")
            from tens in Gen.Int[1, 100_000]
            from q in Gen.OneOf(qualifiers)
            from unit in Gen.OneOf("件", "次", "万元", "场次")
            from scope in Gen.OneOf(FigureScope.Committee, FigureScope.RegionTotal)
            from source in texts
            from topic in Gen.OneOf<string?>(null, "视察协商", "a, b")
            select new Figure(
                new Committee(new RegionCode(code)),
                kind == 0 ? ReportingPeriod.CalendarYear(year) : kind == 1 ? ReportingPeriod.ForSession(3, 2, year) : ReportingPeriod.SinceSession(11, 1, year),
                new Measure(measure),
                q == Qualifier.All ? null : tens * 10m,
                new FigureUnit(unit),
                q,
                scope,
                topic,
                source.Trim().Length == 0 ? null : new FigureSource(null, source.Trim()));

        figureGen.List[0, 20].Sample(list =>
        {
            var distinct = list.GroupBy(f => (f.Committee, f.Period, f.Measure, f.Scope, f.Topic)).Select(g => g.First()).ToList();
            var text = new StringWriter();
            FigureCsvWriter.Write(distinct, text);
            var back = FigureCsvReader.Read(new StringReader(text.ToString()));
            back.Findings.Should().BeEmpty();
            back.Figures.Should().Equal(distinct);
            back.Figures.Select(f => f.Source?.Quote).Should().Equal(distinct.Select(f => f.Source?.Quote));
        });
    }
}
