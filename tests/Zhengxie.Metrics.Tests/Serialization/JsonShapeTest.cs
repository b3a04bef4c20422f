using System.Collections.Generic;
using FluentAssertions;
using System.Text.Json;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Serialization;

/// <summary>The JSON text of each type, written out by hand: this is the data format, and it must not drift.</summary>
public class JsonShapeTest
{
    private static readonly Committee Wudang = new(new RegionCode(520112));

    [Fact]
    public void Identifiers_are_strings()
    {
        ZhengxieJson.Serialize(new RegionCode(330324)).Should().Be("\"330324\"");
        ZhengxieJson.Serialize(new Committee(new RegionCode(330324))).Should().Be("\"330324\"");
        ZhengxieJson.Serialize(new Committee(new RegionCode(331100), AdministrativeLevel.County)).Should().Be("\"331100/county\"");
        ZhengxieJson.Serialize(ReportingPeriod.ForSession(4, 4, 2020)).Should().Be("\"4.4@2020\"");
        ZhengxieJson.Serialize(ReportingPeriod.SinceSession(11, 1, 2022)).Should().Be("\"11.1+@2022\"");
        ZhengxieJson.Deserialize<ReportingPeriod>("\"11.1+@2022\"").Should().Be(ReportingPeriod.SinceSession(11, 1, 2022));
        ZhengxieJson.Serialize(new Measure("proposals.filed")).Should().Be("\"proposals.filed\"");
        ZhengxieJson.Serialize(new FigureUnit("万元")).Should().Be("\"万元\"");
        ZhengxieJson.Deserialize<FigureUnit>("\"\\u4E07\\u5143\"").Should().Be(new FigureUnit("万元"));
    }

    [Fact]
    public void The_context_itself_escapes_for_html_and_reads_the_same()
    {
        JsonSerializer.Serialize(ReportingPeriod.SinceSession(11, 1, 2022), ZhengxieJsonContext.Default.ReportingPeriod).Should().Be("\"11.1\\u002B@2022\"");
        JsonSerializer.Serialize(new FigureUnit("件"), ZhengxieJsonContext.Default.FigureUnit).Should().Be("\"\\u4EF6\"");
        JsonSerializer.Deserialize("\"件\"", ZhengxieJsonContext.Default.FigureUnit).Should().Be(FigureUnit.Piece);
    }

    [Fact]
    public void Committees_read_with_an_explicit_level()
    {
        ZhengxieJson.Deserialize<Committee>("\"331100/county\"").Should().Be(new Committee(new RegionCode(331100), AdministrativeLevel.County));
        ZhengxieJson.Deserialize<Committee>("\"331100/prefecture\"").Should().Be(new Committee(new RegionCode(331100)));
        Committee.Parse("330000/province").Should().Be(new Committee(new RegionCode(330000)));
        Committee.TryParse("331100/city", out _).Should().BeFalse();
        Committee.TryParse("331100/", out _).Should().BeFalse();
        Committee.TryParse("33110/county", out _).Should().BeFalse();
    }

    [Fact]
    public void Words_for_qualifiers_scopes_and_enums()
    {
        ZhengxieJson.Serialize(Qualifier.MoreThan).Should().Be("\"more_than\"");
        ZhengxieJson.Serialize(Qualifier.PercentReported).Should().Be("\"percent_reported\"");
        ZhengxieJson.Serialize(FigureScope.RegionTotal).Should().Be("\"region_total\"");
        ZhengxieJson.Serialize(AdministrativeLevel.Prefecture).Should().Be("\"prefecture\"");
        ZhengxieJson.Serialize(ValidationRule.FiledExceedsReceived).Should().Be("\"filed_exceeds_received\"");
        ZhengxieJson.Deserialize<ValidationMode>("\"collect_findings\"").Should().Be(ValidationMode.CollectFindings);
    }

    [Fact]
    public void Dates_are_iso_strings()
    {
        ZhengxieJson.Serialize(new LocalDate(2021, 2, 26)).Should().Be("\"2021-02-26\"");
        ZhengxieJson.Serialize(Period.FromMonths(3)).Should().Be("\"P3M\"");
        ZhengxieJson.Deserialize<Period>("\"P1M15D\"").Should().Be(new PeriodBuilder { Months = 1, Days = 15 }.Build());
        ZhengxieJson.Deserialize<Period>("\"PT1.5S\"").Should().Be(new PeriodBuilder { Seconds = 1, Milliseconds = 500 }.Build());
    }

    [Fact]
    public void Bounds_and_rates()
    {
        ZhengxieJson.Serialize(Bounds.Between(101, 199)).Should().Be("{\"lower\":101,\"upper\":199}");
        ZhengxieJson.Serialize(Bounds.AtLeast(100)).Should().Be("{\"lower\":100,\"upper\":null}");
        ZhengxieJson.Serialize(Bounds.Exactly(75)).Should().Be("75");
        ZhengxieJson.Deserialize<Bounds>("75").Should().Be(Bounds.Exactly(75));
        ZhengxieJson.Serialize(Rate.Of(176, 178)).Should().Be("{\"numerator\":176,\"denominator\":178}");
        ZhengxieJson.Serialize(Rate.FromBounds(Bounds.Between(301, 399), Bounds.Exactly(354)))
            .Should().Be("{\"numerator\":{\"lower\":301,\"upper\":399},\"denominator\":354}");
        ZhengxieJson.Deserialize<Rate>("{\"numerator\":{\"lower\":176,\"upper\":176},\"denominator\":{\"lower\":178,\"upper\":178}}")
            .Should().Be(Rate.Of(176, 178));
        ZhengxieJson.Deserialize<Rate>("{\"denominator\":178,\"numerator\":176}").Should().Be(Rate.Of(176, 178));
    }

    [Fact]
    public void A_figure_as_the_seed_data_states_it()
    {
        var figure = new Figure(
            new Committee(new RegionCode(331100)),
            ReportingPeriod.ForSession(4, 4, 2020),
            new Measure("rate.acceptance"),
            78.5m,
            FigureUnit.Percent,
            Qualifier.PercentReported,
            source: new FigureSource("lishui-2020", "立案率78.5%", new LocalDate(2021, 2, 20)));
        string json = ZhengxieJson.Serialize(figure);
        json.Should().Be(
            "{\"committee\":\"331100\",\"period\":\"4.4@2020\",\"measure\":\"rate.acceptance\",\"value\":78.5,\"unit\":\"%\"," +
            "\"qualifier\":\"percent_reported\",\"scope\":\"committee\",\"source\":{\"document\":\"lishui-2020\"," +
            "\"quote\":\"立案率78.5%\",\"published\":\"2021-02-20\"}}");

        var all = new Figure(Wudang, ReportingPeriod.CalendarYear(2022), new Measure("proposals.replied"), null, FigureUnit.Piece, Qualifier.All, FigureScope.RegionTotal, "视察");
        ZhengxieJson.Serialize(all).Should().Be(
            "{\"committee\":\"520112\",\"period\":\"2022\",\"measure\":\"proposals.replied\",\"value\":null,\"unit\":\"件\"," +
            "\"qualifier\":\"all\",\"scope\":\"region_total\",\"topic\":\"视察\"}");
    }

    [Fact]
    public void A_figure_reads_with_defaults_for_qualifier_and_scope()
    {
        var figure = ZhengxieJson.Deserialize<Figure>("{\"committee\":\"330324\",\"period\":\"2020\",\"measure\":\"activity.consultation\",\"value\":75,\"unit\":\"次\"}");
        figure.Should().Be(new Figure(new Committee(new RegionCode(330324)), ReportingPeriod.CalendarYear(2020), new Measure("activity.consultation"), 75m, FigureUnit.Times));
        figure.Source.Should().BeNull();
    }

    [Fact]
    public void Statistics_definitions_options_regions_and_findings()
    {
        var stats = ProposalStatistics.FromCounts(Wudang, ReportingPeriod.SinceSession(11, 1, 2022), new Dictionary<Measure, Bounds>
        {
            [new Measure("proposals.received")] = Bounds.Exactly(178),
            [new Measure("proposals.filed")] = Bounds.Between(101, 199),
        });
        ZhengxieJson.Serialize(stats).Should().Be(
            "{\"committee\":\"520112\",\"period\":\"11.1+@2022\",\"counts\":{\"proposals.filed\":{\"lower\":101,\"upper\":199},\"proposals.received\":178}}");

        ZhengxieJson.Serialize(RateDefinition.AdoptionIncludingPlanned).Should().Be(
            "{\"measure\":\"rate.adoption_including_planned\",\"numerator\":[\"proposals.outcome_a\",\"proposals.outcome_b\"],\"denominator\":\"proposals.filed\"}");
        ZhengxieJson.Serialize(RateOptions.Default).Should().Be(
            "{\"downstream_base\":\"filed\",\"satisfaction_counting\":\"satisfied_and_basically_satisfied\",\"satisfaction_base\":\"feedback\"}");
        ZhengxieJson.Deserialize<RateOptions>("{\"downstream_base\":\"cases\"}").Should().Be(new RateOptions { DownstreamBase = DownstreamBase.Cases });

        ZhengxieJson.Serialize(RegionTable.Default[new RegionCode(330324)]).Should().Be(
            "{\"code\":\"330324\",\"name\":\"永嘉县\",\"level\":\"county\",\"parent\":\"330300\"}");

        var finding = new ValidationFinding(ValidationRule.FiledExceedsReceived, "filed 180 > received 178", Wudang, ReportingPeriod.CalendarYear(2022), new Measure("proposals.filed"));
        ZhengxieJson.Serialize(finding).Should().Be(
            "{\"rule\":\"filed_exceeds_received\",\"message\":\"filed 180 > received 178\",\"committee\":\"520112\",\"period\":\"2022\",\"measure\":\"proposals.filed\"}");
    }
}
