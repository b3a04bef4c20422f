using System.Globalization;
using System.IO;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Csv;

namespace Zhengxie.Metrics.Tests.Csv;

public class FigureCsvReaderTest
{
    private const string Header = "committee,period,measure,value,unit,qualifier,scope,source";

    private static FigureCsvResult ReadText(string text) => FigureCsvReader.Read(new StringReader(text));

    [Fact]
    public void Reads_every_column_of_a_valid_file()
    {
        var result = ReadText(
            Header + "\n" +
            "520112,11.1+@2022,proposals.received,178,件,exact,committee,收到提案178件\n" +
            "331100,4.4@2020,rate.acceptance,78.5,%,percent_reported,committee,立案率78.5%\n" +
            "330324,2020,proposals.replied,,件,all,committee,全部按时协商办复\n" +
            "331100,4.4@2020,activity.consultation.invite_to_consult,155,次,exact,region_total,\"市县政协举办155次“请你来协商”活动\"\n" +
            "420881,7.4@2020,members.donations,330,万元,nearly,committee,委员捐款捐物近330万元\n");

        result.IsValid.Should().BeTrue();
        result.Findings.Should().BeEmpty();
        result.RowCount.Should().Be(5);
        result.Figures.Should().HaveCount(5);

        var received = result.Figures[0];
        received.Committee.Should().Be(new Committee(new RegionCode(520112)));
        received.Period.Should().Be(ReportingPeriod.SinceSession(11, 1, 2022));
        received.Measure.Should().Be(Measures.Proposals.Received);
        received.Value.Should().Be(178m);
        received.Unit.Should().Be(FigureUnit.Piece);
        received.Qualifier.Should().Be(Qualifier.Exact);
        received.Scope.Should().Be(FigureScope.Committee);
        received.Source!.Quote.Should().Be("收到提案178件");

        result.Figures[1].Period.Should().Be(ReportingPeriod.ForSession(4, 4, 2020));
        result.Figures[1].Value.Should().Be(78.5m);
        result.Figures[1].Qualifier.Should().Be(Qualifier.PercentReported);
        result.Figures[2].Value.Should().BeNull();
        result.Figures[2].Qualifier.Should().Be(Qualifier.All);
        result.Figures[3].Scope.Should().Be(FigureScope.RegionTotal);
        result.Figures[4].Bounds.Should().Be(Bounds.Between(3_200_001, 3_299_999));
    }

    [Fact]
    public void Collects_every_error_with_its_line_and_column_and_loads_the_valid_rows()
    {
        var result = ReadText(
            Header + "\n" +                                                           // line 1
            "520112,2022,proposals.received,178,件,exact,committee,ok\n" +            // line 2
            "520112,2022,proposals.filed,abc,件,exact,committee,\n" +                 // line 3: value
            "520112,20x,proposals.replied,1,件,exact,committee,\n" +                  // line 4: period
            "520112,2022,proposals.key,3,件,roughly,committee,\n" +                   // line 5: qualifier
            "\n" +                                                                     // line 6: blank
            "5201,2022,proposals.merged,3,件,exact,committee,\n" +                    // line 7: committee
            "520112,2022,proposals.not_filed,2,件,exact,everyone,\n" +                // line 8: scope
            "520112,2022,proposals.cases,,件,exact,committee,\n" +                    // line 9: no value, not 'all'
            "520112,2022,Proposals.Filed,5,件,exact,committee,\n" +                   // line 10: measure
            "520112,2022,rate.reply,101,%,percent_reported,committee,\n" +            // line 11: value > 100 %
            "520112,2022,proposals.concluded,-1,件,exact,committee,\n" +              // line 12: negative
            "520112,2022,proposals.outcome_a,3,件\n" +                                // line 13: too few fields
            "520112,2022,proposals.outcome_b,4,件,exact,committee,last\n");          // line 14

        result.IsValid.Should().BeFalse();
        result.RowCount.Should().Be(12);
        result.Figures.Select(f => f.Measure.Id).Should().Equal("proposals.received", "proposals.outcome_b");
        result.Findings.Select(f => (f.Line, f.Column)).Should().Equal(
            (3, "value"), (4, "period"), (5, "qualifier"), (7, "committee"), (8, "scope"), (9, "value"),
            (10, "measure"), (11, "value"), (12, "value"), (13, (string?)null));
        result.ErrorCount.Should().Be(10);
        result.Findings.Should().OnlyContain(f => f.IsError);
        result.Findings[0].ToString().Should().Be("line 3, column value: error: 'abc' is not a number; write digits with an optional decimal point and digits after it, without sign, separators or units (1234.5).");

        var act = () => result.GetFiguresOrThrow();
        act.Should().Throw<FigureCsvException>()
            .WithMessage("*line 3, column value*(and 9 more errors)*")
            .Which.Findings.Should().HaveCount(10);
    }

    [Fact]
    public void A_unit_with_a_digit_is_an_error_at_its_line_and_column()
    {
        var result = ReadText(
            "committee,period,measure,value,unit,qualifier,scope,source\n" +
            "520112,2022,proposals.received,178,件,exact,committee,\n" +
            "520112,2022,proposals.filed,150,150件,exact,committee,\n" +
            "520112,2022,activity.inspection,12,2022,exact,committee,\n");

        result.Figures.Select(f => f.Measure.Id).Should().Equal("proposals.received");
        result.Findings.Select(f => f.ToString()).Should().Equal(
            "line 3, column unit: error: '150件' has a digit, so it is not a unit: write the unit as printed (件, 次, 万元, % ...) and the number in the value.",
            "line 4, column unit: error: '2022' has a digit, so it is not a unit: write the unit as printed (件, 次, 万元, % ...) and the number in the value.");
    }

    [Fact]
    public void A_refused_unit_met_again_is_an_error_again_and_a_good_unit_after_it_is_read()
    {
        // The reader checks a unit's text once and remembers the answer: each row with the text still gets its error.
        var result = ReadText(
            "committee,period,measure,value,unit,qualifier,scope,source\n" +
            "520112,2022,proposals.received,178,万,exact,committee,\n" +
            "520112,2022,proposals.filed,150,150件,exact,committee,\n" +
            "520112,2023,proposals.received,170,万,exact,committee,\n" +
            "520112,2023,proposals.filed,140,150件,exact,committee,\n" +
            "520112,2024,proposals.received,160,件,exact,committee,\n");

        result.Figures.Select(f => f.Period.Year).Should().Equal(2024);
        result.Findings.Select(f => f.Line + " " + f.Column + " " + f.Message[..12]).Should().Equal(
            "2 unit '万' or '亿' a",
            "3 unit '150件' has a",
            "4 unit '万' or '亿' a",
            "5 unit '150件' has a");
    }

    [Fact]
    public void A_missing_header_column_is_one_error_on_line_1()
    {
        var result = ReadText("committee,period,measure,value,unit,qualifier,source\n520112,2022,proposals.received,178,件,exact,x\n");
        result.Figures.Should().BeEmpty();
        result.Findings.Should().ContainSingle().Which.Should().Match<FigureCsvFinding>(f => f.Line == 1 && f.IsError && f.Message.Contains("scope"));
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        var result = ReadText(string.Empty);
        result.IsValid.Should().BeFalse();
        result.Findings.Should().ContainSingle().Which.Line.Should().Be(0);
    }

    [Fact]
    public void Columns_are_matched_by_name_topic_is_read_and_unknown_columns_are_warnings()
    {
        var result = ReadText(
            "\uFEFFtopic,source,scope,qualifier,unit,value,measure,period,committee,remark\n" +
            "视察协商,提出意见建议50余条,committee,more_than,条,50,output.suggestions,11.1+@2022,520112,x\n");
        result.IsValid.Should().BeTrue();
        result.Findings.Should().ContainSingle().Which.Should().Match<FigureCsvFinding>(f => f.Line == 1 && f.Column == "remark" && !f.IsError);
        var figure = result.Figures.Should().ContainSingle().Subject;
        figure.Topic.Should().Be("视察协商");
        figure.Bounds.Should().Be(Bounds.Between(51, 59));
    }

    [Fact]
    public void A_contradicting_duplicate_is_an_error_naming_the_first_line_and_an_identical_one_a_warning()
    {
        var result = ReadText(
            Header + "\n" +
            "520112,2022,proposals.received,178,件,exact,committee,a\n" +
            "520112,2022,proposals.received,178,件,exact,committee,b\n" +
            "520112,2022,proposals.received,180,件,exact,committee,c\n");
        result.Figures.Should().ContainSingle();
        result.Findings.Should().HaveCount(2);
        result.Findings[0].Should().Match<FigureCsvFinding>(f => f.Line == 3 && !f.IsError);
        result.Findings[1].Should().Match<FigureCsvFinding>(f => f.Line == 4 && f.IsError && f.Message.Contains("line 2") && f.Message.Contains("520112"));
    }

    [Fact]
    public void Line_numbers_count_physical_lines_after_a_quoted_line_break()
    {
        var result = ReadText(
            Header + "\r\n" +
            "520112,2022,proposals.received,178,件,exact,committee,\"two\r\nlines\"\r\n" +
            "520112,2022,proposals.filed,x,件,exact,committee,\r\n");
        result.Figures.Should().ContainSingle().Which.Source!.Quote.Should().Be("two\r\nlines");
        result.Findings.Should().ContainSingle().Which.Line.Should().Be(4);
    }

    [Fact]
    public void A_stray_quote_is_an_error_on_its_line()
    {
        var result = ReadText(
            Header + "\n" +
            "520112,2022,proposals.received,178,件,exact,committee,say \"hi\" there\n" +
            "520112,2022,proposals.filed,176,件,exact,committee,ok\n");
        result.Findings.Should().ContainSingle().Which.Should().Match<FigureCsvFinding>(f => f.Line == 2 && f.IsError);
        result.Figures.Should().ContainSingle().Which.Measure.Should().Be(Measures.Proposals.Filed);
    }

    [Fact]
    public void The_seed_reports_csv_holds_every_seed_figure()
    {
        var result = FigureCsvReader.ReadFile(RepositoryFiles.SeedReportsCsv);
        result.IsValid.Should().BeTrue();
        result.Findings.Should().BeEmpty();

        // The oracle: seed-figures.jsonl, read here independently with System.Text.Json.
        var expected = File.ReadLines(RepositoryFiles.SeedJsonl)
            .Where(l => l.Length > 0)
            .SelectMany(line =>
            {
                using var doc = System.Text.Json.JsonDocument.Parse(line);
                var r = doc.RootElement;
                string year = r.GetProperty("year").GetInt32().ToString(CultureInfo.InvariantCulture);
                string p = r.GetProperty("period").GetString()!;
                string period = p == "calendar_year" ? year : p["session:".Length..] + "@" + year;
                string code = r.GetProperty("region_code").GetString()!;
                return r.GetProperty("figures").EnumerateArray().Select(f => (
                    code,
                    period,
                    f.GetProperty("indicator").GetString(),
                    f.GetProperty("value").ValueKind == System.Text.Json.JsonValueKind.Null ? null : f.GetProperty("value").GetRawText(),
                    f.GetProperty("unit").GetString(),
                    f.GetProperty("qualifier").GetString(),
                    f.GetProperty("scope").GetString(),
                    f.GetProperty("quote").GetString(),
                    f.TryGetProperty("topic", out var t) ? t.GetString() : null)).ToList();
            })
            .ToList();

        expected.Should().HaveCount(77);
        var actual = result.Figures.Select(f => (
            f.Committee.ToString(),
            f.Period.ToString(),
            (string?)f.Measure.Id,
            f.Value?.ToString(CultureInfo.InvariantCulture),
            (string?)f.Unit.Symbol,
            (string?)QualifierText.ToWord(f.Qualifier),
            (string?)QualifierText.ToWord(f.Scope),
            f.Source?.Quote,
            f.Topic)).ToList();
        actual.Should().Equal(expected);
    }

    [Fact]
    public void The_synthetic_sample_is_valid_and_keeps_the_proposal_chain()
    {
        var result = FigureCsvReader.ReadFile(RepositoryFiles.ZhejiangSyntheticCsv);
        result.IsValid.Should().BeTrue();
        result.Findings.Should().BeEmpty();
        var figures = result.Figures;
        figures.Should().OnlyContain(f => f.Committee.Region.ProvinceCode == new RegionCode(330000) && f.Committee.Level == AdministrativeLevel.County);
        figures.Select(f => f.Period.Year).Distinct().Order().Should().Equal(2018, 2019, 2020, 2021, 2022, 2023, 2024);
        figures.Select(f => f.Committee).Distinct().Should().HaveCountGreaterThan(80);
        figures.Should().Contain(f => f.Qualifier == Qualifier.All);
        figures.Should().Contain(f => f.Qualifier == Qualifier.MoreThan);
        figures.Should().Contain(f => f.Qualifier == Qualifier.PercentReported);

        foreach (var g in figures.Where(f => f.Value is not null && f.Qualifier == Qualifier.Exact).GroupBy(f => (f.Committee, f.Period)))
        {
            long? Get(string id) => g.FirstOrDefault(f => f.Measure.Id == id)?.Value is { } v ? (long)v : null;
            long filed = Get("proposals.filed")!.Value;
            if (Get("proposals.received") is { } received)
            {
                filed.Should().BeLessThanOrEqualTo(received);
                (received - filed).Should().Be(Get("proposals.not_filed"));
            }

            long replied = Get("proposals.replied") ?? filed;
            replied.Should().BeLessThanOrEqualTo(filed);
            (Get("proposals.replied_on_time") ?? replied).Should().BeLessThanOrEqualTo(replied);
            (Get("proposals.outcome_a")!.Value + (Get("proposals.outcome_b") ?? 0)).Should().BeLessThanOrEqualTo(replied);
            if (Get("proposals.feedback") is { } feedback)
            {
                feedback.Should().BeLessThanOrEqualTo(replied);
                (Get("proposals.satisfied")!.Value + Get("proposals.basically_satisfied")!.Value).Should().BeLessThanOrEqualTo(feedback);
            }
        }
    }
}

public class FigureCsvReaderValueTest
{
    [Theory]
    [InlineData("1.5,件,exact", "not a whole number")]
    [InlineData("5,件,nearly", "no whole number")]
    [InlineData("0,件,more_than", "0")]
    [InlineData("1,000,件,exact", "fields")]
    public void A_value_that_makes_no_count_is_an_error_in_the_value_column(string valueUnitQualifier, string messagePart)
    {
        var result = FigureCsvReader.Read(new System.IO.StringReader(
            "committee,period,measure,value,unit,qualifier,scope,source\n520112,2022,proposals.key," + valueUnitQualifier + ",committee,\n"));
        result.Figures.Should().BeEmpty();
        var finding = result.Findings.Should().ContainSingle().Subject;
        finding.Line.Should().Be(2);
        finding.IsError.Should().BeTrue();
        finding.Message.Should().Contain(messagePart);
    }
}
