using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.SampleData;

namespace Zhengxie.Metrics.Tests.SampleData;

/// <summary>
/// The seed-figure reader run afresh in each test (<see cref="SeedReports.Reports"/> is read once per process, so a
/// test of it checks only the first reading): the embedded file, as the five reports state it, and lines of our own
/// for each field's optional forms and each refusal.
/// </summary>
public class SeedReportsParseTest
{
    private const string Head = "{\"id\": \"t-2020\", \"committee\": \"永嘉县政协\", \"region_code\": \"330324\", \"admin_level\": \"county\", \"year\": 2020, \"period\": \"calendar_year\"";
    private const string OneFigure = "\"figures\": [{\"indicator\": \"proposals.filed\", \"value\": 90, \"unit\": \"件\", \"qualifier\": \"exact\"}]";

    private static System.Collections.ObjectModel.ReadOnlyCollection<SeedReport> ParseEmbedded()
    {
        using var stream = typeof(SeedReports).Assembly.GetManifestResourceStream("Zhengxie.Metrics.Data.seed-figures.jsonl")!;
        using var reader = new StreamReader(stream);
        return SeedReports.Parse(reader);
    }

    private static SeedReport ParseOne(string line)
    {
        using var reader = new StringReader(line);
        return SeedReports.Parse(reader).Single();
    }

    private static Action Parsing(string text) => () =>
    {
        using var reader = new StringReader(text);
        SeedReports.Parse(reader);
    };

    [Fact]
    public void The_embedded_file_gives_five_reports_with_their_committees_periods_and_dates()
    {
        var reports = ParseEmbedded();
        reports.Select(r => r.Id).Should().Equal("yongjia-2020", "wudang-2022", "lishui-2020", "zhongxiang-2020", "shengzhou-2024");
        reports.Select(r => r.CommitteeName).Should().Equal("永嘉县政协", "乌当区政协", "丽水市政协", "钟祥市政协", "嵊州市政协");
        reports.Select(r => r.Figures.Count).Should().Equal(19, 18, 10, 10, 20);
        reports.Select(r => r.Committee).Should().Equal(
            new Committee(RegionCode.Parse("330324"), AdministrativeLevel.County),
            new Committee(RegionCode.Parse("520112"), AdministrativeLevel.County),
            new Committee(RegionCode.Parse("331100"), AdministrativeLevel.Prefecture),
            new Committee(RegionCode.Parse("420881"), AdministrativeLevel.County),
            new Committee(RegionCode.Parse("330683"), AdministrativeLevel.County));
        reports.Select(r => r.Period).Should().Equal(
            ReportingPeriod.CalendarYear(2020),
            ReportingPeriod.SinceSession(11, 1, 2022),
            ReportingPeriod.ForSession(4, 4, 2020),
            ReportingPeriod.ForSession(7, 4, 2020),
            ReportingPeriod.CalendarYear(2024));
        reports.Select(r => r.Published).Should().Equal(new LocalDate(2021, 2, 26), null, new LocalDate(2021, 2, 20), new LocalDate(2020, 12, 30), null);
    }

    [Fact]
    public void The_embedded_file_gives_the_rates_each_report_states_under_current_identifiers()
    {
        var reports = ParseEmbedded();
        reports[0].ExpectedRates.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["rate.reply"] = "221/221",
            ["rate.on_time_reply"] = "221/221",
            ["rate.adoption"] = "125/221",
            ["rate.adoption_including_planned"] = "205/221",
        });
        reports[1].ExpectedRates.Should().BeEquivalentTo(new Dictionary<string, string> { ["rate.acceptance"] = "176/178", ["rate.reply"] = "176/176" });
        reports[2].ExpectedRates.Should().BeEquivalentTo(new Dictionary<string, string> { ["rate.acceptance"] = "278/354 (filed implied by the rounded rate)" });
        reports[3].ExpectedRates.Should().BeEquivalentTo(new Dictionary<string, string> { ["rate.reply"] = "121/121" });
        reports[4].ExpectedRates.Should().BeEmpty();
    }

    [Fact]
    public void The_embedded_figures_keep_value_unit_qualifier_scope_topic_and_quote()
    {
        var reports = ParseEmbedded();
        var first = reports[0].Figures[0];
        (first.Measure, first.Value, first.Unit, first.Qualifier, first.Scope, first.Topic).Should()
            .Be((new Measure("activity.consultation"), 75m, new FigureUnit("次"), Qualifier.Exact, FigureScope.Committee, (string?)null));
        first.Source.Should().Be(new FigureSource("yongjia-2020", "全年累计召开各类协商会议75次", new LocalDate(2021, 2, 26)));
        first.Committee.Should().Be(reports[0].Committee);
        first.Period.Should().Be(ReportingPeriod.CalendarYear(2020));

        reports[1].Figures.Where(f => f.Measure == new Measure("output.suggestions")).Select(f => (f.Topic, f.Value, f.Qualifier, f.Source!.Quote)).Should().Equal(
            ("全会期间委员议政建言", 29m, Qualifier.Exact, "形成的5个方面29条意见建议"),
            ("常委会议和主席会议协商", 30m, Qualifier.MoreThan, "提出意见建议30余条"),
            ("专项民主监督", 12m, Qualifier.Exact, "提出意见建议12条"),
            ("视察协商", 50m, Qualifier.MoreThan, "提出意见建议50余条"));
        reports[1].Figures.Should().OnlyContain(f => f.Source!.Published == null && f.Source.Document == "wudang-2022");

        var regionTotal = reports[2].Figures.Where(f => f.Scope == FigureScope.RegionTotal).Should().ContainSingle().Subject;
        (regionTotal.Measure, regionTotal.Value, regionTotal.Source!.Quote).Should().Be((new Measure("activity.consultation.invite_to_consult"), 155m, "市县政协举办155次“请你来协商”活动"));

        var all = reports[3].Figures.Single(f => f.Measure == Measures.Proposals.Replied);
        (all.Value, all.Qualifier, all.Unit, all.Source!.Quote).Should().Be(((decimal?)null, Qualifier.All, FigureUnit.Piece, "121件提案已全部办复"));
        reports.SelectMany(r => r.Figures).Count(f => f.Topic is not null).Should().Be(7);
    }

    [Fact]
    public void A_line_without_published_scope_topic_quote_or_rates_gives_none_of_them()
    {
        var report = ParseOne(Head + ", " + OneFigure + "}");
        report.Published.Should().BeNull();
        report.ExpectedRates.Should().BeEmpty();
        var figure = report.Figures.Should().ContainSingle().Subject;
        (figure.Measure, figure.Value, figure.Unit, figure.Scope, figure.Topic).Should().Be((Measures.Proposals.Filed, 90m, FigureUnit.Piece, FigureScope.Committee, (string?)null));
        figure.Source.Should().Be(new FigureSource("t-2020", null, null));
    }

    [Fact]
    public void Null_published_topic_quote_and_rates_read_as_none()
    {
        var report = ParseOne(Head + ", \"published\": null, \"expected_rates\": null, \"figures\": [{\"indicator\": \"proposals.filed\", \"value\": 90, \"unit\": \"件\", \"qualifier\": \"exact\", \"scope\": \"region_total\", \"topic\": null, \"quote\": null}]}");
        report.Published.Should().BeNull();
        report.ExpectedRates.Should().BeEmpty();
        var figure = report.Figures.Single();
        (figure.Scope, figure.Topic, figure.Source!.Quote).Should().Be((FigureScope.RegionTotal, (string?)null, (string?)null));
    }

    [Fact]
    public void Published_topic_quote_and_a_renamed_rate_are_read()
    {
        var report = ParseOne(Head + ", \"published\": \"2021-03-05\", \"expected_rates\": {\"rate.resolution_adoption\": \"80/90\", \"rate.reply\": \"90/90\"}, \"figures\": [{\"indicator\": \"output.suggestions\", \"value\": 30, \"unit\": \"条\", \"qualifier\": \"more_than\", \"topic\": \"视察\", \"quote\": \"提出建议30余条\"}]}");
        report.Published.Should().Be(new LocalDate(2021, 3, 5));
        report.ExpectedRates.Should().BeEquivalentTo(new Dictionary<string, string> { ["rate.adoption_including_planned"] = "80/90", ["rate.reply"] = "90/90" });
        var figure = report.Figures.Single();
        (figure.Topic, figure.Qualifier, figure.Bounds).Should().Be(("视察", Qualifier.MoreThan, Bounds.Between(31, 39)));
        figure.Source.Should().Be(new FigureSource("t-2020", "提出建议30余条", new LocalDate(2021, 3, 5)));
    }

    [Fact]
    public void Blank_lines_are_skipped_and_reports_keep_the_file_order()
    {
        using var reader = new StringReader("\n" + Head + ", " + OneFigure + "}\n   \n" + Head.Replace("t-2020", "u-2020", StringComparison.Ordinal) + ", \"figures\": []}\n");
        SeedReports.Parse(reader).Select(r => r.Id).Should().Equal("t-2020", "u-2020");
    }

    [Theory]
    [InlineData("county", AdministrativeLevel.County)]
    [InlineData("district", AdministrativeLevel.County)]
    [InlineData("county_city", AdministrativeLevel.County)]
    [InlineData("banner", AdministrativeLevel.County)]
    [InlineData("prefecture", AdministrativeLevel.Prefecture)]
    [InlineData("prefecture_city", AdministrativeLevel.Prefecture)]
    [InlineData("province", AdministrativeLevel.Province)]
    public void Every_level_word_of_the_file_maps_to_its_level(string word, AdministrativeLevel level)
    {
        SeedReports.ParseLevel(word).Should().Be(level);
    }

    [Theory]
    [InlineData("calendar_year", 2020, 2020, 0, 0, false)]
    [InlineData("session:4.4", 2020, 2020, 4, 4, false)]
    [InlineData("session:11.1+", 2022, 2022, 11, 1, true)]
    [InlineData("session:12.10", 2021, 2021, 12, 10, false)]
    public void Every_period_form_of_the_file_is_read(string text, int year, int expectedYear, int term, int session, bool since)
    {
        var expected = term == 0
            ? ReportingPeriod.CalendarYear(expectedYear)
            : since ? ReportingPeriod.SinceSession(term, session, expectedYear) : ReportingPeriod.ForSession(term, session, expectedYear);
        SeedReports.ParsePeriod(text, year).Should().Be(expected);
    }

    [Theory]
    [InlineData("year")]
    [InlineData("Calendar_year")]
    [InlineData("sessions:4.4")]
    [InlineData("session:4")]
    [InlineData("session:.4")]
    [InlineData("session:4.")]
    [InlineData("session:+4.4")]
    [InlineData("session:4.4++")]
    public void A_period_in_no_form_of_the_file_is_refused_by_name(string text)
    {
        var act = () => SeedReports.ParsePeriod(text, 2020);
        act.Should().Throw<FormatException>().WithMessage($"'{text}' is not a period: use calendar_year or session:T.S (or session:T.S+).");
    }

    [Fact]
    public void An_unknown_level_word_is_refused_by_name()
    {
        var act = () => SeedReports.ParseLevel("city");
        act.Should().Throw<FormatException>().WithMessage("'city' is not an administrative level.");
    }

    [Fact]
    public void An_unknown_scope_is_refused_with_its_line()
    {
        string bad = Head + ", \"figures\": [{\"indicator\": \"proposals.filed\", \"value\": 90, \"unit\": \"件\", \"qualifier\": \"exact\", \"scope\": \"region\"}]}";
        Parsing("\n\n" + bad).Should().Throw<ZhengxieMetricsException>()
            .WithMessage("Seed figures, line 3: 'region' is not a scope: use committee or region_total.")
            .WithInnerException<FormatException>();
    }

    [Theory]
    [InlineData("\"id\": \"t-2020\"", "\"id\": \" \"", typeof(ArgumentException))] // the report's own check
    [InlineData("\"admin_level\": \"county\"", "\"admin_level\": \"town\"", typeof(FormatException))]
    [InlineData("\"committee\": \"永嘉县政协\"", "\"committee\": 5", typeof(InvalidOperationException))] // a number where a string is needed
    [InlineData("\"year\": 2020", "\"year\": 2020.5", typeof(FormatException))]
    [InlineData("\"region_code\": \"330324\"", "\"region\": \"330324\"", typeof(KeyNotFoundException))]
    public void A_malformed_report_is_refused_with_its_line_and_cause(string field, string replacement, Type cause)
    {
        string line = Head.Replace(field, replacement, StringComparison.Ordinal) + ", " + OneFigure + "}";
        var thrown = Parsing(Head + ", " + OneFigure + "}\n" + line).Should().Throw<ZhengxieMetricsException>().Which;
        thrown.Message.Should().StartWith("Seed figures, line 2: ");
        thrown.InnerException.Should().BeOfType(cause);
    }

    [Fact]
    public void A_line_that_is_not_json_is_refused_with_its_line()
    {
        Parsing("{\"id\": ").Should().Throw<ZhengxieMetricsException>().WithMessage("Seed figures, line 1: *").WithInnerException<System.Text.Json.JsonException>();
    }

    [Fact]
    public void An_unknown_identifier_is_refused_by_name()
    {
        var act = () => SeedReports.Get("lishui-2021");
        act.Should().Throw<KeyNotFoundException>().WithMessage("There is no seed report 'lishui-2021'.");
        SeedReports.Get("lishui-2020").CommitteeName.Should().Be("丽水市政协");
    }
}
