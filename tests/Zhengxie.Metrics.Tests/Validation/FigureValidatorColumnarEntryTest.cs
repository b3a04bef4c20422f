using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;
using static Zhengxie.Metrics.Tests.Statistics.FigureFactory;

namespace Zhengxie.Metrics.Tests.Validation;

/// <summary>
/// Example-based tests of the columnar entry <see cref="FigureValidator.Validate(FigureColumns, RegionTable?, bool)"/> (69
/// mutants of <c>FigureValidator.cs</c> had no coverage in Stryker run 3, whose filter leaves out the property test
/// <c>FigureValidatorColumnsTest</c> for speed): every finding of <c>ValidationMessagesTest</c> word for word through
/// columns, with and without the optional columns; region findings; the order of committee-periods; blank topics;
/// and the exact refusal of columns of the wrong length and of every kind of row that makes no figure.
/// </summary>
public class FigureValidatorColumnarEntryTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");

    [Theory]
    [MemberData(nameof(ValidationMessagesTest.Cases), MemberType = typeof(ValidationMessagesTest))]
    public void Each_finding_is_the_same_word_for_word_through_columns(string name, Figure[] figures, string[] expected)
    {
        Validate(figures, null, strict: false, full: true).Select(f => f.ToString()).Should().Equal(expected, name);
        Validate(figures, null, strict: false, full: true).Should().Equal(FigureValidator.Validate(figures), name);
        var strict = Validate(figures, null, strict: true, full: true);
        strict.Should().Equal(FigureValidator.Validate(figures, strict: true), name);
        strict.Select(f => f.ToString()).Should().Equal(expected.Select(e => e.Replace(" (source inconsistency)", string.Empty, StringComparison.Ordinal)), name);
        if (figures.All(f => f.Qualifier == Qualifier.Exact && f.Scope == FigureScope.Committee && f.Topic is null))
        {
            Validate(figures, null, strict: false, full: false).Select(f => f.ToString()).Should().Equal(expected, "{0}, without the optional columns", name);
        }
    }

    [Fact]
    public void Region_findings_through_columns()
    {
        var lishuiAsCounty = new Committee(RegionCode.Parse("331100"), AdministrativeLevel.County);
        var unknown = Committee.Parse("339999");
        Figure[] figures =
        [
            Count("proposals.filed", 1, committee: lishuiAsCounty),
            Count("proposals.filed", 1, committee: unknown),
            Count("proposals.filed", 2, committee: unknown, period: ReportingPeriod.CalendarYear(2023)),
            Count("proposals.filed", 1, committee: Committee.Parse("331100")),
        ];

        var found = Validate(figures, RegionTable.Default, strict: false, full: false);

        found.Select(f => f.ToString()).Should().BeEquivalentTo(
            "[RegionUnderWrongParent] committee 331100/county, period 2022: the committee 331100/county is at level County, but the region table has 331100 丽水市 at level Prefecture under parent 330000.",
            "[UnknownRegion] committee 339999, period 2022: the region code 339999 is not in the region table.",
            "[UnknownRegion] committee 339999, period 2023: the region code 339999 is not in the region table.");
        found.Should().Equal(FigureValidator.Validate(figures, RegionTable.Default));
        Validate(figures, null, strict: false, full: false).Should().BeEmpty();
        Validate(figures, RegionTable.Default, strict: true, full: false).Select(f => f.Severity).Should().Equal(FindingSeverity.Error, FindingSeverity.Error, FindingSeverity.Error);
    }

    [Fact]
    public void Committee_periods_come_in_order_of_committee_then_period_through_columns()
    {
        var y2023 = ReportingPeriod.CalendarYear(2023);
        Figure[] figures =
        [
            Count("proposals.filed", -3, committee: Wudang, period: y2023),
            Count("proposals.filed", -2, committee: Yongjia),
            Count("proposals.filed", -1, committee: Wudang),
            Count("proposals.filed", -4, committee: Yongjia, period: y2023),
            Count("proposals.replied", -5, committee: Wudang, period: y2023),
        ];

        var found = Validate(figures, null, strict: false, full: false);

        found.Select(f => f.Message).Should().Equal(
            "the count -2件 is negative.", "the count -4件 is negative.", "the count -1件 is negative.", "the count -3件 is negative.", "the count -5件 is negative.");
        found.Should().Equal(FigureValidator.Validate(figures));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_topic_in_the_column_is_no_topic(string? blank)
    {
        // Two totals of one measure with different values: a conflicting duplicate, not a part beside its total.
        var columns = Columns([Count("activity.reading", 75, unit: "场"), Count("activity.reading", 80, Qualifier.MoreThan, unit: "场")], full: true, topics: [null, blank]);

        FigureValidator.Validate(columns).Select(f => f.ToString()).Should().Equal(
            "[ConflictingDuplicate] committee 520112, period 2022, measure activity.reading: the committee figure is stated 2 times with different values (75场, 80余场).");
    }

    [Fact]
    public void A_topic_in_the_column_makes_a_part()
    {
        var columns = Columns([Count("activity.reading", 75, unit: "场"), Count("activity.reading", 80, Qualifier.MoreThan, unit: "场")], full: true, topics: [null, "崇学系列"]);

        FigureValidator.Validate(columns).Select(f => f.ToString()).Should().Equal(
            "[BreakdownExceedsTotal] (source inconsistency) committee 520112, period 2022, measure activity.reading: the part on topic '崇学系列' (80余场) exceeds the total 75场 (75).");
    }

    [Fact]
    public void Exact_topic_free_counts_are_checked_on_the_fast_path_through_columns()
    {
        // Many committees, each with a valid chain, and one with filed > received: only that one is reported.
        var figures = new List<Figure>();
        string[] codes = ["330324", "330302", "330303", "330304", "331100", "520112", "520113"];
        foreach (var code in codes)
        {
            var c = Committee.Parse(code);
            figures.Add(Count("proposals.received", 100, committee: c));
            figures.Add(Count("proposals.filed", code == "331100" ? 101 : 90, committee: c));
            figures.Add(Count("proposals.replied", 90, committee: c));
            figures.Add(Count("proposals.outcome_a", 50, committee: c));
        }

        var found = Validate([.. figures], RegionTable.Default, strict: false, full: false);

        found.Select(f => f.ToString()).Should().Equal(
            "[FiledExceedsReceived] (source inconsistency) committee 331100, period 2022, measure proposals.filed: proposals.filed = 101 exceeds proposals.received = 100.");
        found.Should().Equal(FigureValidator.Validate(figures, RegionTable.Default));
    }

    [Fact]
    public void No_rows_no_findings()
    {
        FigureValidator.Validate(new FigureColumns([], [], [], [], [])).Should().BeEmpty();
    }

    public static TheoryData<string, int> WrongLengths() => new()
    {
        { "periods", 0 }, { "periods", 3 }, { "measures", 1 }, { "values", 0 }, { "units", 3 },
        { "qualifiers", 1 }, { "qualifiers", 3 }, { "scopes", 1 }, { "topics", 3 }, { "sources", 1 },
    };

    [Theory]
    [MemberData(nameof(WrongLengths))]
    public void A_column_of_another_length_is_refused_by_name(string column, int length)
    {
        var act = () =>
        {
            var columns = ColumnsWithLength(column, length);
            FigureValidator.Validate(columns);
        };

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("columns").Which.Message.Should().Be(
            $"The column {column} has {length} elements; the committees column has 2. Every column has one element per figure. (Parameter 'columns')");
    }

    [Fact]
    public void Empty_optional_columns_are_their_defaults()
    {
        Figure[] figures = [Count("proposals.received", 10), Count("proposals.filed", 11)];

        Validate(figures, null, strict: false, full: false).Should().Equal(FigureValidator.Validate(figures)).And.ContainSingle(f => f.Rule == ValidationRule.FiledExceedsReceived);
    }

    public static TheoryData<string> BadRows() => new()
    {
        "no committee", "no period", "no measure", "no unit", "qualifier below", "qualifier above", "scope below", "scope above",
        "no value", "rate in pieces", "count in percent", "exact rate", "rate qualified all", "count as percent_reported",
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void A_row_that_makes_no_figure_is_refused_with_its_index_and_the_reason(string kind)
    {
        var (committee, period, measure, value, unit, qualifier, scope, param) = BadRow(kind);
        var reason = ((Action)(() => _ = new Figure(committee, period, measure, value, unit, qualifier, scope))).Should().Throw<ArgumentException>().Which;
        reason.ParamName.Should().Be(param);

        var act = () =>
        {
            var columns = new FigureColumns([Wudang, committee], [Year2022, period], [Measures.Proposals.Filed, measure], [1m, value], [FigureUnit.Piece, unit])
            {
                Qualifiers = [Qualifier.Exact, qualifier],
                Scopes = [FigureScope.Committee, scope],
            };
            FigureValidator.Validate(columns);
        };

        var e = act.Should().ThrowExactly<ArgumentException>().WithParameterName("columns").Which;
        e.Message.Should().Be("Row 1 does not make a figure: " + reason.Message + " (Parameter 'columns')");
        e.InnerException.Should().BeOfType(reason.GetType());
        e.InnerException!.Message.Should().Be(reason.Message);
    }

    [Fact]
    public void The_reasons_are_the_figure_constructors_words()
    {
        var act = () =>
        {
            var columns = new FigureColumns([Wudang, Wudang, Wudang], [Year2022, Year2022, Year2022], [Measures.Proposals.Filed, Measures.Proposals.Replied, Measures.Rates.Reply], [1m, 1m, 90m], [FigureUnit.Piece, FigureUnit.Piece, FigureUnit.Piece]);
            FigureValidator.Validate(columns);
        };

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be(
            "Row 2 does not make a figure: A rate or share (rate.reply) is stated in %. (Parameter 'unit') (Parameter 'columns')");
    }

    public static TheoryData<string> GoodEdgeRows() => new()
    {
        "all without a value", "rate at least", "rate more than", "rate nearly", "rate about", "rate printed", "region total", "share printed", "count about",
    };

    [Theory]
    [MemberData(nameof(GoodEdgeRows))]
    public void Rows_at_the_edges_of_what_makes_a_figure_are_validated_like_their_figures(string kind)
    {
        Figure figure = kind switch
        {
            "all without a value" => All("proposals.replied"),
            "rate at least" => new Figure(Wudang, Year2022, Measures.Rates.Reply, 99, FigureUnit.Percent, Qualifier.AtLeast),
            "rate more than" => new Figure(Wudang, Year2022, Measures.Rates.Reply, 99, FigureUnit.Percent, Qualifier.MoreThan),
            "rate nearly" => new Figure(Wudang, Year2022, Measures.Rates.Reply, 100, FigureUnit.Percent, Qualifier.Nearly),
            "rate about" => new Figure(Wudang, Year2022, Measures.Rates.Reply, 60, FigureUnit.Percent, Qualifier.About),
            "rate printed" => Stated("rate.reply", 100.5m),
            "region total" => Count("proposals.filed", 120, scope: FigureScope.RegionTotal),
            "share printed" => Stated("share.proposals.outcome_a", 50),
            _ => Count("proposals.filed", 100, Qualifier.About),
        };
        Figure[] figures = [Count("proposals.filed", 100), Count("proposals.received", 110), figure];

        Validate(figures, null, strict: false, full: true).Should().Equal(FigureValidator.Validate(figures));
    }

    [Fact]
    public void The_rows_of_a_figure_path_and_a_columns_path_agree_on_a_mixed_report()
    {
        // 乌当-like: counts, a rate implied and stated, a 「全部」, topics, region totals and activities in one set.
        var src = new FigureSource("wudang-2022", "立案率98.9%");
        Figure[] figures =
        [
            Count("proposals.received", 178),
            new(Wudang, Year2022, Measures.Rates.Acceptance, 98.9m, FigureUnit.Percent, Qualifier.PercentReported, source: src),
            All("proposals.replied"),
            Count("proposals.outcome_a", 200),
            Count("output.suggestions", 29, unit: "条", topic: "全会"),
            Count("output.suggestions", 30, Qualifier.MoreThan, unit: "条", topic: "协商"),
            Count("activity.consultation", 75, unit: "次"),
            Count("activity.consultation.counterpart", 80, unit: "次"),
            Count("activity.inspection", 155, unit: "次", scope: FigureScope.RegionTotal),
            Count("activity.inspection", 12, unit: "场次"),
        ];

        var found = Validate(figures, RegionTable.Default, strict: false, full: true);

        found.Should().Equal(FigureValidator.Validate(figures, RegionTable.Default));
        // 176 of 178 received print as 98.9 % (175 → 98.3 %, 177 → 99.4 %): filed 176, so 「全部办复」 is 176, and outcome A 200 exceeds both.
        found.Select(f => f.Rule).Should().Equal(ValidationRule.OutcomesExceedReplied, ValidationRule.CountExceedsBound, ValidationRule.BreakdownExceedsTotal);
        found.Select(f => f.Measure).Should().Equal(Measures.Proposals.OutcomeA, Measures.Proposals.OutcomeA, new Measure("activity.consultation"));
    }

    private static (Committee, ReportingPeriod, Measure, decimal?, FigureUnit, Qualifier, FigureScope, string) BadRow(string kind) => kind switch
    {
        "no committee" => (default, Year2022, Measures.Proposals.Replied, 1m, FigureUnit.Piece, Qualifier.Exact, FigureScope.Committee, "committee"),
        "no period" => (Wudang, default, Measures.Proposals.Replied, 1m, FigureUnit.Piece, Qualifier.Exact, FigureScope.Committee, "period"),
        "no measure" => (Wudang, Year2022, default, 1m, FigureUnit.Piece, Qualifier.Exact, FigureScope.Committee, "measure"),
        "no unit" => (Wudang, Year2022, Measures.Proposals.Replied, 1m, default, Qualifier.Exact, FigureScope.Committee, "unit"),
        "qualifier below" => (Wudang, Year2022, Measures.Proposals.Replied, 1m, FigureUnit.Piece, (Qualifier)(-1), FigureScope.Committee, "qualifier"),
        "qualifier above" => (Wudang, Year2022, Measures.Proposals.Replied, 1m, FigureUnit.Piece, Qualifier.PercentReported + 1, FigureScope.Committee, "qualifier"),
        "scope below" => (Wudang, Year2022, Measures.Proposals.Replied, 1m, FigureUnit.Piece, Qualifier.Exact, (FigureScope)(-1), "scope"),
        "scope above" => (Wudang, Year2022, Measures.Proposals.Replied, 1m, FigureUnit.Piece, Qualifier.Exact, FigureScope.RegionTotal + 1, "scope"),
        "no value" => (Wudang, Year2022, Measures.Proposals.Replied, null, FigureUnit.Piece, Qualifier.Exact, FigureScope.Committee, "value"),
        "rate in pieces" => (Wudang, Year2022, Measures.Rates.Reply, 90m, FigureUnit.Piece, Qualifier.PercentReported, FigureScope.Committee, "unit"),
        "count in percent" => (Wudang, Year2022, Measures.Proposals.Replied, 90m, FigureUnit.Percent, Qualifier.Exact, FigureScope.Committee, "unit"),
        "exact rate" => (Wudang, Year2022, Measures.Rates.Reply, 90m, FigureUnit.Percent, Qualifier.Exact, FigureScope.Committee, "qualifier"),
        "rate qualified all" => (Wudang, Year2022, Measures.Rates.Reply, 90m, FigureUnit.Percent, Qualifier.All, FigureScope.Committee, "qualifier"),
        _ => (Wudang, Year2022, Measures.Proposals.Replied, 90m, FigureUnit.Piece, Qualifier.PercentReported, FigureScope.Committee, "measure"),
    };

    private static FigureColumns ColumnsWithLength(string column, int length)
    {
        Committee[] committees = [Wudang, Wudang];
        ReportingPeriod[] periods = Fill(column == "periods", length, Year2022);
        Measure[] measures = column == "measures" ? Enumerable.Repeat(Measures.Proposals.Filed, length).ToArray() : [Measures.Proposals.Received, Measures.Proposals.Filed];
        decimal?[] values = Fill<decimal?>(column == "values", length, 1m);
        FigureUnit[] units = Fill(column == "units", length, FigureUnit.Piece);
        return new FigureColumns(committees, periods, measures, values, units)
        {
            Qualifiers = column == "qualifiers" ? Enumerable.Repeat(Qualifier.Exact, length).ToArray() : [],
            Scopes = column == "scopes" ? Enumerable.Repeat(FigureScope.Committee, length).ToArray() : [],
            Topics = column == "topics" ? new string?[length] : [],
            Sources = column == "sources" ? new FigureSource?[length] : [],
        };
    }

    private static T[] Fill<T>(bool wrong, int length, T value) => Enumerable.Repeat(value, wrong ? length : 2).ToArray();

    private static IReadOnlyList<ValidationFinding> Validate(Figure[] figures, RegionTable? regions, bool strict, bool full) =>
        FigureValidator.Validate(Columns(figures, full), regions, strict);

    private static FigureColumns Columns(Figure[] figures, bool full, string?[]? topics = null) =>
        new(
            figures.Select(f => f.Committee).ToArray(),
            figures.Select(f => f.Period).ToArray(),
            figures.Select(f => f.Measure).ToArray(),
            figures.Select(f => f.Value).ToArray(),
            figures.Select(f => f.Unit).ToArray())
        {
            Qualifiers = full ? figures.Select(f => f.Qualifier).ToArray() : [],
            Scopes = full ? figures.Select(f => f.Scope).ToArray() : [],
            Topics = topics ?? (full ? figures.Select(f => f.Topic).ToArray() : []),
            Sources = full ? figures.Select(f => f.Source).ToArray() : [],
        };
}
