using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Rendering;
using Zhengxie.Metrics.SampleData;

namespace Zhengxie.Metrics.Tests.Rendering;

/// <summary>Finds and runs the notebook formatters exactly as the .NET Interactive kernel does: by names, through reflection.</summary>
public class NotebookFormattingTest
{
    public static TheoryData<string> Displayed => new() { "IndicatorTable", "ProposalStatisticsTable", "ProposalStatistics", "RateDistribution", "Rate", "Figure", "SeedReport", "ReportTable" };

    private static object Make(string kind) => kind switch
    {
        "IndicatorTable" => RenderFixture.Table(),
        "ProposalStatisticsTable" => ProposalStatisticsTable.FromFigures(RenderFixture.MarkerFigures()),
        "ProposalStatistics" => ProposalStatistics.FromFiguresByCommittee(RenderFixture.MarkerFigures())[0],
        "RateDistribution" => RenderFixture.Dataset().GetRateDistributions(RateDefinition.Reply, Grouping.Within(RenderFixture.LishuiCode), RenderFixture.Year)[0],
        "Rate" => Rate.Of(176, 178),
        "Figure" => RenderFixture.MarkerFigures()[2],
        "SeedReport" => SeedReports.Reports[0],
        _ => ReportTable.From(RenderFixture.Table()),
    };

    /// <summary>The kernel's lookup: an attribute named TypeFormatterSourceAttribute (any namespace) on the type or a base type, its FormatterSourceType, a new source, CreateTypeFormatters, then MimeType and Format on each.</summary>
    private static Dictionary<string, string> FormatAsTheKernelDoes(object value)
    {
        var attribute = value.GetType().GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetGetMethod()!.Invoke(attribute, null)!;
        object source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        var result = new Dictionary<string, string>();
        foreach (object formatter in formatters)
        {
            string mimeType = (string)formatter.GetType().GetProperty("MimeType")!.GetGetMethod()!.Invoke(formatter, null)!;
            var writer = new StringWriter();
            bool done = (bool)formatter.GetType().GetMethod("Format")!.Invoke(formatter, [value, writer])!;
            done.Should().BeTrue();
            result[mimeType] = writer.ToString();
        }

        return result;
    }

    [Theory]
    [MemberData(nameof(Displayed))]
    public void Each_result_type_displays_as_an_html_table_and_as_text(string kind)
    {
        var output = FormatAsTheKernelDoes(Make(kind));
        output.Keys.Should().BeEquivalentTo("text/html", "text/plain");
        output["text/html"].Should().StartWith("<table").And.Contain("</table>");
        output["text/plain"].Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void The_attribute_has_the_shape_the_kernel_expects()
    {
        var attribute = typeof(IndicatorTable).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        attribute.GetType().GetCustomAttribute<AttributeUsageAttribute>()!.ValidOn.Should().HaveFlag(AttributeTargets.Class).And.HaveFlag(AttributeTargets.Struct);
        typeof(Rate).IsValueType.Should().BeTrue();
        typeof(Rate).GetCustomAttributes(true).Should().Contain(a => a.GetType().Name == "TypeFormatterSourceAttribute");
    }

    [Fact]
    public void Formatted_content_is_the_result()
    {
        FormatAsTheKernelDoes(Rate.Of(176, 178))["text/plain"].Should().Be("98.9% (176/178)");
        FormatAsTheKernelDoes(Rate.Of(176, 178))["text/html"].Should().Contain(">98.9%<").And.Contain(">176<").And.Contain(">178<");

        var html = FormatAsTheKernelDoes(RenderFixture.Table())["text/html"];
        html.Should().Contain("97.1% (233/240)").And.Contain("<th scope=\"row\">丽水市</th>");

        var figure = FormatAsTheKernelDoes(RenderFixture.MarkerFigures()[2])["text/html"];
        figure.Should().Contain(">100余件<").And.Contain(">101..199<");

        var distribution = FormatAsTheKernelDoes(Make("RateDistribution"));
        distribution["text/plain"].Should().Contain("100.0% (90/90)").And.Contain("98.0% (98/100)").And.Contain("90.0% (45/50)");
    }

    [Fact]
    public void A_formatter_declines_what_it_does_not_know()
    {
        var attribute = typeof(Figure).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var formatters = (IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(Activator.CreateInstance(sourceType), null)!;
        foreach (object formatter in formatters)
        {
            ((bool)formatter.GetType().GetMethod("Format")!.Invoke(formatter, ["not ours", new StringWriter()])!).Should().BeFalse();
        }
    }
}
