using System;
using System.IO;
using System.Linq;
using System.Text;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// The builder's entry for a reader that finds its own duplicates (<c>FigureDatasetBuilder.Reader.cs</c>: the CSV
/// reader's <see cref="FigureCsvReader.ReadInto(FigureDatasetBuilder, Stream, FigureCsvEncoding, IProgress{int}?)"/>),
/// on a few lines of CSV and directly: rows checked as <see cref="FigureDatasetBuilder.AddColumns(FigureColumns)"/>
/// checks them, the reader's measure numbers remembered per load, a row given back whole to report a later duplicate,
/// a failed load dropped, and the duplicate search skipped only while every row is the reader's. Run 13's filter had no
/// test of it (75 mutants without coverage).
/// </summary>
public class DistinctReaderLoadTest
{
    private const string Header = "committee,period,measure,value,unit,qualifier,scope,source,topic\n";
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly Committee Unknown = Committee.Parse("999999");
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.CalendarYear(2022);
    private static readonly Measure Study = new("activity.study");
    private static readonly Measure Research = new("activity.research");
    private static readonly Measure Consultation = new("activity.consultation");
    private static readonly Measure Inspection = new("activity.inspection");
    private static readonly FigureUnit Times = new("次");

    [Fact]
    public void Csv_lines_go_into_the_builder_with_the_findings_on_their_lines()
    {
        var builder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings);
        var result = Read(
            builder,
            "330324,2021,activity.study,3,次,exact,committee,县政协年报,\n"
            + "330324,2021,activity.research,x,次,exact,committee,,\n"
            + "330324,2022,activity.study,5,次,exact,committee,,视察\n");
        result.FigureCount.Should().Be(2);
        result.Findings.Should().ContainSingle().Which.Line.Should().Be(3);
        result.Findings[0].Column.Should().Be("value");

        var dataset = builder.Build();
        dataset.Figures.Should().HaveCount(2);
        dataset.GetCount(Yongjia, Y2021, Study).Should().Be(Bounds.Exactly(3));
        var topical = dataset.Figures.Single(f => f.Period == Y2022);
        (topical.Value, topical.Topic).Should().Be(((decimal?)5m, "视察"));
        dataset.Figures.Single(f => f.Period == Y2021).Source.Should().Be(new FigureSource(null, "县政协年报"));
    }

    [Fact]
    public void A_repeated_line_is_compared_with_the_row_the_builder_holds_whole()
    {
        // The earlier row is read back from the builder (FigureOfRow): every field must come back, or the same figure
        // would read as a contradiction. An unknown committee (999999, numbered after the region table's) included.
        var builder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings);
        var result = Read(
            builder,
            "330324,2021,activity.study,3,次,at_least,region_total,县政协年报,视察\n"
            + "999999,2022,proposals.replied,,件,all,committee,,\n"
            + "330324,2021,activity.study,3,次,at_least,region_total,县政协年报,视察\n"
            + "999999,2022,proposals.replied,,件,all,committee,,\n"
            + "330324,2021,activity.study,4,次,at_least,region_total,县政协年报,视察\n");
        result.Findings.Select(f => (f.Line, f.Severity)).Should().Equal(
            (4, FigureCsvFindingSeverity.Warning), (5, FigureCsvFindingSeverity.Warning), (6, FigureCsvFindingSeverity.Error));
        result.Findings[0].Message.Should().StartWith("the same figure as line 2 (");
        result.Findings[1].Message.Should().StartWith("the same figure as line 3 (");
        result.Findings[2].Message.Should().Match("committee 330324, period 2021, measure activity.study: *4* contradicts *3* on line 2 (same committee, period, measure, scope and topic).");
        result.FigureCount.Should().Be(2);
        builder.Count.Should().Be(2);
    }

    [Fact]
    public void A_stream_that_does_not_decode_leaves_the_builder_as_it_was()
    {
        var builder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings);
        builder.Add(new Figure(Yongjia, Y2021, Study, 1, Times));
        var bytes = Encoding.UTF8.GetBytes(Header + "330324,2022,activity.study,2,次,exact,committee,,\n330324,2023,activity.study,3,次,exact,committee,,\n").Append((byte)0xFF).ToArray();
        var result = FigureCsvReader.ReadInto(builder, new MemoryStream(bytes));
        result.IsValid.Should().BeFalse();
        builder.Count.Should().Be(1);
        builder.Build().Figures.Should().ContainSingle().Which.Period.Should().Be(Y2021);
    }

    [Fact]
    public void Rows_are_checked_as_columns_are_and_numbered_from_0()
    {
        var builder = new FigureDatasetBuilder();
        builder.BeginDistinctLoad(0);
        var act = () => AddRows(builder, [Study, default], [0, 1]);
        act.Should().Throw<ArgumentException>().WithMessage("Row 1 (committee 330324, period 2021, measure *) does not make a figure: *");

        // A rate known as a rate by its number: stated in % it is a figure, in 件 not.
        var rates = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings);
        rates.BeginDistinctLoad(0);
        var rate = new Measure("rate.reply");
        var percent = new FigureUnit("%");
        AddRows(rates, [rate], [0], units: [percent], qualifiers: [Qualifier.PercentReported], values: [90m]);
        rates.Count.Should().Be(1);
        var wrongUnit = () => AddRows(rates, [rate], [0], periods: [Y2022], units: [new FigureUnit("件")], qualifiers: [Qualifier.PercentReported], values: [90m]);
        wrongUnit.Should().Throw<ArgumentException>().WithMessage("Row 0 (committee 330324, period 2022, measure rate.reply) does not make a figure: *");
        var countInPercent = () => AddRows(rates, [Study], [1], units: [percent]);
        countInPercent.Should().Throw<ArgumentException>().WithMessage("Row 0 (committee 330324, period 2021, measure activity.study) does not make a figure: *");
    }

    [Fact]
    public void Columns_of_different_lengths_are_refused()
    {
        var builder = new FigureDatasetBuilder();
        builder.BeginDistinctLoad(0);
        var act = () => AddRows(builder, [Study, Research], [0]);
        act.Should().Throw<ArgumentException>().WithMessage("Every column has one element per row.*");
        builder.Count.Should().Be(0);
    }

    [Fact]
    public void The_readers_measure_numbers_are_remembered_within_a_load_and_forgotten_at_the_next()
    {
        // Numbers beyond the array grow it, -1 and numbers from 65,536 are not remembered, each row keeps its measure.
        var builder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings);
        builder.BeginDistinctLoad(0);
        Measure[] measures = [Study, Research, Study, Consultation, Inspection, Research, Inspection];
        AddRows(builder, measures, [5, 3, 5, -1, 70000, 3, 70000], periods: Enumerable.Range(2015, 7).Select(ReportingPeriod.CalendarYear).ToArray());
        var figures = builder.Build().Figures;
        figures.OrderBy(f => f.Period.Year).Select(f => f.Measure).Should().Equal(measures);

        // The next load numbers its measures afresh: its 5 is research.
        builder.BeginDistinctLoad(0);
        AddRows(builder, [Research], [5], periods: [ReportingPeriod.CalendarYear(2030)]);
        builder.Build().Figures.Single(f => f.Period.Year == 2030).Measure.Should().Be(Research);
    }

    [Fact]
    public void A_blank_topic_is_none_and_a_rows_figure_comes_back_whole()
    {
        var builder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings);
        builder.Add(new Figure(Yongjia, Y2021, Consultation, 9, Times));
        int start = builder.BeginDistinctLoad(2);
        start.Should().Be(1);
        var source = new FigureSource(null, "县政协年报");
        AddRows(
            builder,
            [Study, Measures.Proposals.Replied],
            [0, 1],
            committees: [Yongjia, Unknown],
            periods: [Y2021, Y2022],
            values: [3m, null],
            units: [Times, FigureUnit.Piece],
            qualifiers: [Qualifier.AtLeast, Qualifier.All],
            scopes: [FigureScope.RegionTotal, FigureScope.Committee],
            topics: ["视察", "  "],
            sources: [source, null]);
        builder.FigureOfRow(0).Should().Be(new Figure(Yongjia, Y2021, Consultation, 9, Times));
        builder.FigureOfRow(1).Should().Be(new Figure(Yongjia, Y2021, Study, 3, Times, Qualifier.AtLeast, FigureScope.RegionTotal, "视察", source));
        var second = builder.FigureOfRow(2);
        second.Should().Be(new Figure(Unknown, Y2022, Measures.Proposals.Replied, null, FigureUnit.Piece, Qualifier.All, FigureScope.Committee, null, null));
        second.Topic.Should().BeNull();
        builder.RowCount.Should().Be(3);

        builder.DropRowsFrom(start);
        builder.RowCount.Should().Be(1);
        builder.Build().Figures.Should().ContainSingle().Which.Measure.Should().Be(Consultation);
    }

    [Fact]
    public void A_blank_topic_is_the_same_identity_as_no_topic_in_the_duplicate_search()
    {
        // The builder held the figure without topic; the reader's row has a blank one: the same figure, counted once.
        var builder = new FigureDatasetBuilder();
        builder.Add(new Figure(Yongjia, Y2021, Study, 2, Times));
        builder.BeginDistinctLoad(0);
        AddRows(builder, [Study], [0], topics: [" "]);
        builder.Count.Should().Be(1);
        AddRows(builder, [Study], [0], topics: ["视察"]);
        builder.Count.Should().Be(2);
    }

    [Fact]
    public void Rows_a_reader_loaded_into_an_empty_builder_are_not_searched_for_duplicates_again()
    {
        // The reader promises its rows are distinct; the builder trusts it while every row is the reader's (the same
        // row twice here breaks the promise on purpose, to see whether the search ran: it counts once if it did).
        var trusted = new FigureDatasetBuilder();
        trusted.BeginDistinctLoad(0);
        AddRows(trusted, [Study], [0]);
        AddRows(trusted, [Research, Research], [1, 1]);
        trusted.Count.Should().Be(3);

        // A figure added otherwise in between: searched.
        var mixed = new FigureDatasetBuilder();
        mixed.BeginDistinctLoad(0);
        AddRows(mixed, [Study], [0]);
        mixed.Add(new Figure(Yongjia, Y2021, Consultation, 1, Times));
        AddRows(mixed, [Research, Research], [1, 1]);
        mixed.Count.Should().Be(3);

        // A figure added after the load: searched.
        var after = new FigureDatasetBuilder();
        after.BeginDistinctLoad(0);
        AddRows(after, [Research, Research], [1, 1]);
        after.Add(new Figure(Yongjia, Y2021, Consultation, 1, Times));
        after.Count.Should().Be(2);

        // A load into a builder that held figures: searched.
        var loaded = new FigureDatasetBuilder();
        loaded.Add(new Figure(Yongjia, Y2021, Consultation, 1, Times));
        loaded.BeginDistinctLoad(0);
        AddRows(loaded, [Research, Research], [1, 1]);
        loaded.Count.Should().Be(2);

        // A load that adds nothing, then figures added otherwise: searched.
        var empty = new FigureDatasetBuilder();
        empty.BeginDistinctLoad(0);
        empty.Add(new Figure(Yongjia, Y2021, Consultation, 1, Times));
        empty.Add(new Figure(Yongjia, Y2021, Consultation, 1, Times));
        empty.Count.Should().Be(1);

        // After a dropped load: searched.
        var dropped = new FigureDatasetBuilder();
        int start = dropped.BeginDistinctLoad(0);
        AddRows(dropped, [Research, Research], [1, 1]);
        dropped.DropRowsFrom(start);
        dropped.Add(new Figure(Yongjia, Y2021, Consultation, 1, Times));
        dropped.Add(new Figure(Yongjia, Y2021, Consultation, 1, Times));
        dropped.Count.Should().Be(1);
    }

    private static FigureCsvResult Read(FigureDatasetBuilder builder, string lines) =>
        FigureCsvReader.ReadInto(builder, new MemoryStream(Encoding.UTF8.GetBytes(Header + lines)));

    private static void AddRows(
        FigureDatasetBuilder builder,
        Measure[] measures,
        int[] keys,
        Committee[]? committees = null,
        ReportingPeriod[]? periods = null,
        decimal?[]? values = null,
        FigureUnit[]? units = null,
        Qualifier[]? qualifiers = null,
        FigureScope[]? scopes = null,
        string?[]? topics = null,
        FigureSource?[]? sources = null)
    {
        int n = measures.Length;
        builder.AddDistinctRows(
            new FigureColumns(
                committees ?? Enumerable.Repeat(Yongjia, n).ToArray(),
                periods ?? Enumerable.Repeat(Y2021, n).ToArray(),
                measures,
                values ?? Enumerable.Repeat<decimal?>(2m, n).ToArray(),
                units ?? Enumerable.Repeat(Times, n).ToArray())
            {
                Qualifiers = qualifiers ?? Enumerable.Repeat(Qualifier.Exact, n).ToArray(),
                Scopes = scopes ?? Enumerable.Repeat(FigureScope.Committee, n).ToArray(),
                Topics = topics ?? new string?[n],
                Sources = sources ?? new FigureSource?[n],
            },
            keys);
    }
}
