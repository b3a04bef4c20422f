using System;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>Refusals of a record's and a column set's arguments, word for word and naming the argument.</summary>
public class RecordArgumentsTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly ReportingPeriod Year2022 = ReportingPeriod.CalendarYear(2022);
    private static readonly LocalDate Submitted = new(2022, 1, 10);

    [Fact]
    public void A_record_refuses_an_undefined_proposer_kind_and_no_list_of_co_units()
    {
        FluentActions.Invoking(() => new ProposalRecord("A", Yongjia, Year2022, Submitted) { ProposerKind = (ProposerKind)9 })
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("Not a defined proposer kind.*");
        FluentActions.Invoking(() => new ProposalRecord("A", Yongjia, Year2022, Submitted) { CoUnits = null! })
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("CoUnits");
        FluentActions.Invoking(() => new ProposalRecord("A", Yongjia, Year2022, Submitted) { Feedback = (Feedback)5 })
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("Not a defined feedback answer.*");
        FluentActions.Invoking(() => new ProposalRecord("A", Yongjia, Year2022, Submitted) { Feedback = (Feedback)(-1) })
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("Not a defined feedback answer.*");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(40)]
    public void Co_units_are_kept_in_order_when_distinct_and_refused_when_one_is_listed_twice(int count)
    {
        var units = new string[count];
        for (int i = 0; i < count; i++)
        {
            units[i] = "单位" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        new ProposalRecord("A", Yongjia, Year2022, Submitted) { CoUnits = units }.CoUnits.Should().Equal(units);

        var twice = (string[])units.Clone();
        twice[count - 1] = units[0];
        FluentActions.Invoking(() => new ProposalRecord("A", Yongjia, Year2022, Submitted) { CoUnits = twice })
            .Should().Throw<ArgumentException>().WithMessage("A co-handling unit is listed twice.*").Which.ParamName.Should().Be("CoUnits");
    }

    [Fact]
    public void Columns_of_committees_periods_or_dates_shorter_than_the_identifiers_are_refused_naming_the_column()
    {
        string[] ids = ["A", "B"];
        Committee[] committees = [Yongjia, Yongjia];
        ReportingPeriod[] periods = [Year2022, Year2022];
        LocalDate[] dates = [Submitted, Submitted];
        void Refused(Func<ProposalRecordColumns> make, string column) =>
            FluentActions.Invoking(make).Should().Throw<ArgumentException>()
                .WithMessage($"The column {column} has 1 elements, the identifiers 2.*").Which.ParamName.Should().Be(column);

        Refused(() => new ProposalRecordColumns(ids, committees.AsMemory(0, 1), periods, dates), "committees");
        Refused(() => new ProposalRecordColumns(ids, committees, periods.AsMemory(0, 1), dates), "periods");
        Refused(() => new ProposalRecordColumns(ids, committees, periods, dates.AsMemory(0, 1)), "submitted");
        new ProposalRecordColumns(ids, committees, periods, dates).Count.Should().Be(2);
    }

    [Fact]
    public void The_counts_of_a_row_past_the_last_are_refused()
    {
        var table = ProposalRecordSet.Create(RecordStatisticsTest.Records).ComputeAll();
        table.GetCounts(1).Length.Should().Be(RecordStatisticsTable.CountMeasures.Count);
        FluentActions.Invoking(() => table.GetCounts(2).ToArray()).Should().Throw<ArgumentOutOfRangeException>().WithMessage("No such row.*");
        FluentActions.Invoking(() => table.GetCommittee(2)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("No such row.*");
        FluentActions.Invoking(() => table.GetPeriod(2)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("No such row.*");
        FluentActions.Invoking(() => table.GetCount(2, Measures.Proposals.Received)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("No such row.*");
        FluentActions.Invoking(() => table.GetCount(-1, Measures.Proposals.Received)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("No such row.*");
    }
}
