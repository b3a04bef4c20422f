using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Rendering;

namespace Zhengxie.Metrics.Tests.Rendering;

public class IndicatorTableCsvWriterTest
{
    [Fact]
    public void Machine_form_has_one_column_per_number()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        IndicatorTableCsvWriter.Write(RenderFixture.Table(), writer);
        string csv = writer.ToString();
        csv.Should().NotStartWith("\uFEFF");
        csv.Split("\r\n").Should().Equal(
            "group_code,group_name,period,committees,"
            + "proposals.received.sum,proposals.received.lower,proposals.received.upper,proposals.received.contributors,"
            + "proposals.filed.sum,proposals.filed.lower,proposals.filed.upper,proposals.filed.contributors,"
            + "proposals.replied.sum,proposals.replied.lower,proposals.replied.upper,proposals.replied.contributors,"
            + "rate.acceptance.numerator,rate.acceptance.denominator,rate.acceptance.percent,rate.acceptance.contributors,"
            + "rate.reply.numerator,rate.reply.denominator,rate.reply.percent,rate.reply.contributors",
            "331100,丽水市,2023,3,,221,319,2,240,240,240,3,233,233,233,3,190,221..319,59.5..86.0,2,233,240,97.1,3",
            string.Empty);
    }

    [Fact]
    public void Machine_form_with_a_byte_order_mark_and_two_decimals()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        IndicatorTableCsvWriter.Write(RenderFixture.Table(), writer, TableRenderOptions.Default with { Decimals = 2, Rates = [RateDefinition.Reply], Measures = [] }, includeBom: true);
        string csv = writer.ToString();
        csv.Should().StartWith("\uFEFFgroup_code,");
        csv.Split("\r\n")[1].Should().Be("331100,丽水市,2023,3,233,240,97.08,3");
    }

    [Fact]
    public void Display_form_keeps_the_text_as_shown_and_the_numbers_behind_it()
    {
        var report = ReportTable.From(ProposalStatisticsTable.FromFigures(RenderFixture.MarkerFigures()), RenderFixture.Options());
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        IndicatorTableCsvWriter.Write(report, writer);

        using var csv = new CsvReader(new StringReader(writer.ToString()), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<System.Collections.Generic.IDictionary<string, object>>().ToList();
        rows.Should().HaveCount(3);
        rows[1]["committee"].Should().Be("青田县政协");
        rows[1]["proposals.received"].Should().Be("100余");
        rows[1]["rate.acceptance.numerator"].Should().Be("90");
        rows[1]["rate.acceptance.denominator"].Should().Be("101..199");
        rows[0]["rate.acceptance"].Should().Be("83.3% (100/120)");
        rows[2]["rate.satisfaction"].Should().Be("100% (stated)");
        rows[2]["rate.satisfaction.numerator"].Should().Be(string.Empty);
    }

    [Fact]
    public void Display_form_of_an_aggregation_puts_coverage_in_its_own_column()
    {
        var report = ReportTable.From(RenderFixture.Table(), RenderFixture.Options() with { ShowCoverage = false });
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        IndicatorTableCsvWriter.Write(report, writer);
        var lines = writer.ToString().Split("\r\n");
        lines[0].Should().Be("group,code,period,committees,proposals.received,proposals.received.contributors,proposals.filed,proposals.filed.contributors,proposals.replied,proposals.replied.contributors,rate.acceptance,rate.acceptance.numerator,rate.acceptance.denominator,rate.acceptance.contributors,rate.reply,rate.reply.numerator,rate.reply.denominator,rate.reply.contributors");
        lines[1].Should().Be("丽水市,331100,2023,3 of 3 committees,221..319,2,240,3,233,3,59.5%..86.0% (190/221..319),190,221..319,2,97.1% (233/240),233,240,3");
    }
}
