using System;
using System.Collections.Generic;
using System.Data;
using System.Globalization;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>
/// <see cref="FigureDatasetBuilder.Load(IDataReader)"/> on in-memory <see cref="DataTable"/>s: every field type the
/// reader asks for by <see cref="IDataRecord.GetFieldType"/> (text, long, int, short, byte, decimal, double, float, and
/// any other through <see cref="IDataRecord.GetValue"/>), the limits of committee codes, years and values, and the
/// message of each refused field, naming the row, what was read of it and the column. Run 13 had no small-input test of
/// these branches in its filter (75 mutants without coverage).
/// </summary>
public class DataReaderFieldTypesTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.CalendarYear(2021);
    private static readonly Measure Study = new("activity.study");

    /// <summary>Gets a committee code 330324 as each field type gives it.</summary>
    public static TheoryData<Type, object> CommitteeFields => new()
    {
        { typeof(string), " 330324 " },
        { typeof(long), 330324L },
        { typeof(int), 330324 },
        { typeof(decimal), 330324.000m },
        { typeof(double), 330324.0 },
        { typeof(float), 330324f },
        { typeof(uint), 330324u },
        { typeof(ulong), 330324ul },
        { typeof(object), 330324L },
        { typeof(object), 330324 },
        { typeof(object), 330324m },
        { typeof(object), 330324.0 },
        { typeof(object), "330324" },
    };

    /// <summary>Gets the year 2021 as each field type gives it.</summary>
    public static TheoryData<Type, object> PeriodFields => new()
    {
        { typeof(string), "2021" },
        { typeof(string), " 2021 " },
        { typeof(long), 2021L },
        { typeof(int), 2021 },
        { typeof(short), (short)2021 },
        { typeof(decimal), 2021m },
        { typeof(double), 2021.0 },
        { typeof(float), 2021f },
        { typeof(object), (short)2021 },
        { typeof(object), 2021u },
        { typeof(object), 2021ul },
    };

    /// <summary>Gets a count as each field type gives it, with the value expected (as invariant text, so its scale shows).</summary>
    public static TheoryData<Type, object, string> ValueFields => new()
    {
        { typeof(string), " 12 ", "12" },
        { typeof(string), "007", "7" },
        { typeof(string), "0", "0" },
        { typeof(decimal), 90.0000m, "90" },
        { typeof(decimal), 0m, "0" },
        { typeof(long), 12L, "12" },
        { typeof(int), 12, "12" },
        { typeof(short), (short)12, "12" },
        { typeof(byte), (byte)12, "12" },
        { typeof(double), 12.0, "12" },
        { typeof(double), 0.0, "0" },
        { typeof(float), 12f, "12" },
        { typeof(object), 12L, "12" },
        { typeof(object), 12u, "12" },
        { typeof(object), "12", "12" },
    };

    /// <summary>Gets refused values of activity.study (exact), with the message's end after the column.</summary>
    public static TheoryData<Type, object?, string> BadValues => new()
    {
        { typeof(decimal), null, "the value is NULL; only a figure qualified 'all' may have no value (this one is 'exact')." },
        { typeof(string), "1e3", "'1e3' is not a number; write digits with an optional decimal point and digits after it, without sign, separators or units (1234.5)." },
        { typeof(string), ".5", "'.5' is not a number;*" },
        { typeof(string), "5.", "'5.' is not a number;*" },
        { typeof(string), "1.2.3", "'1.2.3' is not a number;*" },
        { typeof(string), "-5", "'-5' is not a number;*" },
        { typeof(string), "5 件", "'5 件' is not a number;*" },
        { typeof(string), "99999999999999999999999999999", "the value 99999999999999999999999999999 is too large: counts must fit in 64 bits (up to 9223372036854775807 base units)." },
        { typeof(decimal), -1m, "the value -1 is negative; counts and rates are never negative." },
        { typeof(long), -3L, "the value -3 is negative; counts and rates are never negative." },
        { typeof(double), -0.5, "the value -0.5 is negative; counts and rates are never negative." },
        { typeof(double), double.NaN, "the value NaN is not a finite number a count or rate can have." },
        { typeof(double), double.PositiveInfinity, "the value Infinity is not a finite number a count or rate can have." },
        { typeof(double), 8e28, "the value 8E+28 is not a finite number a count or rate can have." },
        { typeof(double), -8e28, "the value -8E+28 is not a finite number a count or rate can have." },
        { typeof(object), -5L, "the value -5 is negative; counts and rates are never negative." },
        { typeof(object), new DateTime(2020, 1, 2, 0, 0, 0, DateTimeKind.Unspecified), "the value 01/02/2020 00:00:00 of type DateTime is not a number a count can have (*)." },
        { typeof(object), float.MaxValue, "the value 3.4028235E+38 of type Single is not a number a count can have (*)." },
    };

    /// <summary>Gets refused committees, with the message's end after the column.</summary>
    public static TheoryData<Type, object?, string> BadCommittees => new()
    {
        { typeof(string), null, "the committee is NULL." },
        { typeof(string), "33032", "'33032' is not a committee: write a six-digit region code such as 330324, optionally with a level such as 331100/county." },
        { typeof(string), new string('3', 40), "'" + new string('3', 40) + "' is not a committee:*" },
        { typeof(string), new string('3', 41), "'" + new string('3', 40) + "… (41 characters)' is not a committee:*" },
        { typeof(int), 109999, "109999 is not a committee: write a six-digit region code such as 330324." },
        { typeof(int), 1000000, "1000000 is not a committee: write a six-digit region code such as 330324." },
        { typeof(short), (short)12345, "12345 is not a committee:*" },
        { typeof(byte), (byte)200, "200 is not a committee:*" },
        { typeof(decimal), 330324.5m, "330324.5 is not a committee:*" },
        { typeof(double), 330324.5, "330324.5 is not a committee:*" },
        { typeof(ulong), ulong.MaxValue, "18446744073709551615 is not a committee:*" },
        { typeof(object), new DateTime(2020, 1, 2, 0, 0, 0, DateTimeKind.Unspecified), "01/02/2020 00:00:00 is not a committee:*" },
    };

    /// <summary>Gets refused periods (of committee 330324), with the message's end after the column.</summary>
    public static TheoryData<Type, object?, string> BadPeriods => new()
    {
        { typeof(int), null, "the period is NULL." },
        { typeof(int), 1948, "1948 is not a period: a calendar year is from 1949 to 2200." },
        { typeof(int), 2201, "2201 is not a period: a calendar year is from 1949 to 2200." },
        { typeof(double), 2021.5, "2021.5 is not a period: a calendar year is from 1949 to 2200." },
        { typeof(decimal), 2021.5m, "2021.5 is not a period:*" },
        { typeof(string), "2021年", "'2021年' is not a period: write a year (2020), a session (4.4@2020) or since a session (11.1+@2022)." },
    };

    [Theory]
    [MemberData(nameof(CommitteeFields))]
    public void A_committee_code_is_read_from_text_or_any_whole_number(Type type, object code)
    {
        var table = Table(committee: type);
        table.Rows.Add(code, "2021", "activity.study", "3", "次");
        Load(table).Should().ContainSingle().Which.Committee.Should().Be(Yongjia);
    }

    [Theory]
    [InlineData(110000)]
    [InlineData(999999)]
    public void A_whole_number_from_110000_to_999999_is_taken_as_a_committee_code(int code)
    {
        var table = Table(committee: typeof(int));
        table.Rows.Add(code, "2021", "activity.study", "3", "次");
        var builder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).Load(table.CreateDataReader());
        builder.Count.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(BadCommittees))]
    public void A_field_that_is_no_committee_is_refused_naming_the_row_and_column(Type type, object? code, string message)
    {
        var table = Table(committee: type);
        table.Rows.Add(code, "2021", "activity.study", "3", "次");
        ShouldRefuse(table, "Row 1, column committee: " + message);
    }

    [Theory]
    [MemberData(nameof(PeriodFields))]
    public void A_year_is_read_from_text_or_any_whole_number(Type type, object year)
    {
        var table = Table(period: type);
        table.Rows.Add("330324", year, "activity.study", "3", "次");
        Load(table).Should().ContainSingle().Which.Period.Should().Be(Y2021);
    }

    [Theory]
    [InlineData(1949)]
    [InlineData(2200)]
    public void The_first_and_last_calendar_years_are_periods(int year)
    {
        var table = Table(period: typeof(int));
        table.Rows.Add("330324", year, "activity.study", "3", "次");
        Load(table).Should().ContainSingle().Which.Period.Should().Be(ReportingPeriod.CalendarYear(year));
    }

    [Theory]
    [MemberData(nameof(BadPeriods))]
    public void A_field_that_is_no_period_is_refused_naming_the_committee(Type type, object? year, string message)
    {
        var table = Table(period: type);
        table.Rows.Add("330324", year, "activity.study", "3", "次");
        ShouldRefuse(table, "Row 1 (committee 330324), column period: " + message);
    }

    [Fact]
    public void Periods_as_text_are_read_row_by_row_sessions_included()
    {
        // The last period text is remembered: each row must still get its own.
        var table = Table();
        table.Rows.Add("330324", "2021", "activity.consultation", "1", "次");
        table.Rows.Add("330324", "2021", "activity.study", "2", "次");
        table.Rows.Add("330324", "2022", "activity.consultation", "3", "次");
        table.Rows.Add("330324", "2021", "activity.research", "4", "次");
        table.Rows.Add("330324", " 4.4@2020 ", "activity.consultation", "5", "次");
        var figures = Load(table);
        figures.Should().HaveCount(5);
        Period(figures, 1).Should().Be(Y2021);
        Period(figures, 2).Should().Be(Y2021);
        Period(figures, 3).Should().Be(ReportingPeriod.CalendarYear(2022));
        Period(figures, 4).Should().Be(Y2021);
        Period(figures, 5).Should().Be(ReportingPeriod.Parse("4.4@2020"));
        Period(figures, 5).Should().NotBe(ReportingPeriod.CalendarYear(2020));

        static ReportingPeriod Period(IReadOnlyList<Figure> figures, decimal value) => figures.Single(f => f.Value == value).Period;
    }

    [Theory]
    [MemberData(nameof(ValueFields))]
    public void A_count_is_read_from_text_or_any_number_type(Type type, object value, string expected)
    {
        var table = Table(value: type);
        table.Rows.Add("330324", "2021", "activity.study", value, "次");
        Load(table).Should().ContainSingle().Which.Value!.Value.ToString(CultureInfo.InvariantCulture).Should().Be(expected);
    }

    [Fact]
    public void A_fractional_rate_is_read_from_a_double_or_a_float()
    {
        var table = Table(value: typeof(double));
        table.Rows.Add("330324", "2021", "rate.reply", 92.5, "%", "percent_reported");
        Load(table).Should().ContainSingle().Which.Value.Should().Be(92.5m);

        var floats = Table(value: typeof(float));
        floats.Rows.Add("330324", "2021", "rate.reply", 92.25f, "%", "percent_reported");
        Load(floats).Should().ContainSingle().Which.Value.Should().Be(92.25m);
    }

    [Fact]
    public void The_largest_double_a_decimal_holds_is_read()
    {
        // 7.9e28 is the limit the reader allows (decimal's largest is about 7.92e28): read, not refused.
        var table = Table(value: typeof(double));
        table.Rows.Add("330324", "2021", "activity.study", 7.9e28, "次");
        new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).Load(table.CreateDataReader()).Count.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_value_that_is_no_count_is_refused_naming_committee_period_and_measure(Type type, object? value, string message)
    {
        var table = Table(value: type);
        table.Rows.Add("330324", "2021", "activity.study", value, "次");
        ShouldRefuse(table, "Row 1 (committee 330324, period 2021, measure activity.study), column value: " + message);
    }

    [Fact]
    public void No_value_is_allowed_only_for_a_figure_qualified_all()
    {
        // 全部办复 with 10 filed: replied 10, whether the value is NULL or blank text.
        foreach (object? none in new object?[] { null, "  " })
        {
            var table = Table();
            table.Rows.Add("330324", "2021", "proposals.filed", "10", "件");
            table.Rows.Add("330324", "2021", "proposals.replied", none, "件", "all");
            var dataset = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).Load(table.CreateDataReader()).Build();
            dataset.GetCount(Yongjia, Y2021, Measures.Proposals.Replied).Should().Be(Bounds.Exactly(10));
            dataset.Figures.Single(f => f.Measure == Measures.Proposals.Replied).Value.Should().BeNull();
        }

        var blank = Table();
        blank.Rows.Add("330324", "2021", "activity.study", " ", "次", "at_least");
        ShouldRefuse(blank, "Row 1 (committee 330324, period 2021, measure activity.study), column value: the value is empty; only a figure qualified 'all' may have no value (this one is 'at_least').");
    }

    [Fact]
    public void The_measure_must_be_text_naming_an_identifier()
    {
        var numbers = Table(measure: typeof(int));
        numbers.Rows.Add("330324", "2021", 7, "3", "次");
        ShouldRefuse(numbers, "Row 1 (committee 330324, period 2021), column measure: the measure is not text; write its identifier, such as proposals.filed.");

        var nulls = Table();
        nulls.Rows.Add("330324", "2021", null, "3", "次");
        ShouldRefuse(nulls, "Row 1 (committee 330324, period 2021), column measure: the measure is NULL; write its identifier, such as proposals.filed.");

        var bad = Table();
        bad.Rows.Add("330324", "2021", "activity.study", "3", "次");
        bad.Rows.Add("330324", "2021", "Activity Study", "3", "次");
        ShouldRefuse(bad, "Row 2 (committee 330324, period 2021), column measure: 'Activity Study' is not a measure identifier (dot-separated lower-case segments, such as proposals.filed).");

        var spaced = Table();
        spaced.Rows.Add("330324", "2021", " activity.study ", "3", "次");
        spaced.Rows.Add("330324", "2022", " activity.study ", "4", "次");
        Load(spaced).Select(f => f.Measure).Should().Equal(Study, Study);
    }

    [Fact]
    public void Qualifier_scope_source_and_topic_default_when_null_and_are_trimmed()
    {
        var table = Table();
        table.Rows.Add("330324", "2021", "activity.study", "3", " 次 ", null, null, null, null);
        table.Rows.Add("330324", "2021", "activity.research", "4", "次", " at_least ", " region_total ", " 温州日报 ", "教育");
        table.Rows.Add("330324", "2021", "activity.consultation", "5", "次", "exact", "committee", "   ", "  ");
        var figures = Load(table);

        var study = figures.Single(f => f.Measure == Study);
        (study.Unit.Symbol, study.Qualifier, study.Scope, study.Source, study.Topic).Should().Be(("次", Qualifier.Exact, FigureScope.Committee, (FigureSource?)null, (string?)null));

        var research = figures.Single(f => f.Measure.Id == "activity.research");
        (research.Qualifier, research.Scope, research.Source, research.Topic).Should().Be((Qualifier.AtLeast, FigureScope.RegionTotal, new FigureSource(null, "温州日报"), "教育"));

        var consultation = figures.Single(f => f.Measure.Id == "activity.consultation");
        (consultation.Qualifier, consultation.Scope, consultation.Source, consultation.Topic).Should().Be((Qualifier.Exact, FigureScope.Committee, (FigureSource?)null, (string?)null));
    }

    [Theory]
    [InlineData(null, "the unit is empty; write it as printed (件, 次, 万元, % ...).")]
    [InlineData("  ", "the unit is empty; write it as printed (件, 次, 万元, % ...).")]
    [InlineData("万", "'万' or '亿' alone is a scale, not a unit; write 万元, 亿元, 万字, ...")]
    [InlineData(" 亿 ", "'万' or '亿' alone is a scale, not a unit; write 万元, 亿元, 万字, ...")]
    [InlineData(" 12件", "'12件' has a digit, so it is not a unit: write the unit as printed (件, 次, 万元, % ...) and the number in the value.")]
    public void A_unit_must_be_a_unit(string? unit, string message)
    {
        var table = Table();
        table.Rows.Add("330324", "2021", "activity.study", "3", unit);
        ShouldRefuse(table, "Row 1 (committee 330324, period 2021, measure activity.study), column unit: " + message);
    }

    [Theory]
    [InlineData("qualifier", "roughly", "'roughly' is not a qualifier; use exact, more_than, at_least, nearly, about, all or percent_reported.")]
    [InlineData("scope", "province", "'province' is not a scope; use committee or region_total.")]
    public void An_unknown_word_is_refused(string column, string word, string message)
    {
        var table = Table();
        table.Rows.Add("330324", "2021", "activity.study", "3", "次", column == "qualifier" ? word : null, column == "scope" ? word : null);
        ShouldRefuse(table, "Row 1 (committee 330324, period 2021, measure activity.study), column " + column + ": " + message);
    }

    [Fact]
    public void A_row_whose_fields_make_no_figure_is_refused_with_the_figure_constructors_reason()
    {
        var table = Table();
        table.Rows.Add("330324", "2021", "rate.reply", "90", "件", "percent_reported");
        var act = () => new FigureDatasetBuilder().Load(table.CreateDataReader());
        act.Should().Throw<ZhengxieMetricsException>()
            .WithMessage("Row 1 (committee 330324, period 2021, measure rate.reply) does not make a figure: A rate or share (rate.reply) is stated in %*")
            .WithInnerException<ArgumentException>();
    }

    [Fact]
    public void Columns_are_found_by_trimmed_name_in_any_order_the_first_of_two_wins()
    {
        var table = new DataTable { Locale = CultureInfo.InvariantCulture };
        table.Columns.Add("value", typeof(int));
        table.Columns.Add(" unit ", typeof(string));
        table.Columns.Add("note", typeof(string));
        table.Columns.Add("measure", typeof(string));
        table.Columns.Add(" period", typeof(int));
        table.Columns.Add(" value ", typeof(int));
        table.Columns.Add("committee ", typeof(string));
        table.Rows.Add(6, "次", "ignored", "activity.study", 2021, 9, "330324");
        var figure = Load(table).Should().ContainSingle().Subject;
        (figure.Committee, figure.Period, figure.Measure, figure.Value, figure.Unit.Symbol).Should().Be((Yongjia, Y2021, Study, (decimal?)6m, "次"));
    }

    [Fact]
    public void Missing_columns_are_named_with_the_columns_the_reader_has()
    {
        var table = new DataTable { Locale = CultureInfo.InvariantCulture };
        table.Columns.Add("committee", typeof(string));
        table.Columns.Add(" value ", typeof(int));
        ShouldRefuse(table, "The reader has no column period, measure, unit: figures need the columns committee, period, measure, value and unit (qualifier, scope, source and topic are optional), named as in the figures CSV format; it has committee,  value . Rename columns in the query (SELECT code AS committee, ...).");

        ShouldRefuse(new DataTable(), "The reader has no column committee, period, measure, value, unit:*; it has no columns. Rename*");

        var onlyOne = Table();
        onlyOne.Columns.Remove("unit");
        ShouldRefuse(onlyOne, "The reader has no column unit:*");
    }

    [Fact]
    public void A_failed_load_keeps_none_of_its_rows_and_the_rows_added_before()
    {
        var builder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings);
        builder.Add(new Figure(Yongjia, Y2021, Study, 1, FigureUnit.Times));
        var table = Table();
        table.Rows.Add("330324", "2022", "activity.study", "2", "次");
        table.Rows.Add("330324", "2023", "activity.study", "3", "次");
        table.Rows.Add("330324", "2024", "activity.study", "-", "次");
        var act = () => builder.Load(table.CreateDataReader());
        act.Should().Throw<ZhengxieMetricsException>().WithMessage("Row 3 (committee 330324, period 2024, measure activity.study), column value: '-' is not a number;*");
        builder.Count.Should().Be(1);
        builder.Build().Figures.Should().ContainSingle().Which.Period.Should().Be(Y2021);
    }

    private static DataTable Table(Type? committee = null, Type? period = null, Type? measure = null, Type? value = null)
    {
        var table = new DataTable { Locale = CultureInfo.InvariantCulture };
        table.Columns.Add("committee", committee ?? typeof(string));
        table.Columns.Add("period", period ?? typeof(string));
        table.Columns.Add("measure", measure ?? typeof(string));
        table.Columns.Add("value", value ?? typeof(string));
        table.Columns.Add("unit", typeof(string));
        table.Columns.Add("qualifier", typeof(string));
        table.Columns.Add("scope", typeof(string));
        table.Columns.Add("source", typeof(string));
        table.Columns.Add("topic", typeof(string));
        return table;
    }

    private static IReadOnlyList<Figure> Load(DataTable table)
    {
        return new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).Load(table.CreateDataReader()).Build().Figures;
    }

    private static void ShouldRefuse(DataTable table, string message)
    {
        var act = () => new FigureDatasetBuilder().Load(table.CreateDataReader());
        act.Should().Throw<ZhengxieMetricsException>().WithMessage(message);
    }
}
