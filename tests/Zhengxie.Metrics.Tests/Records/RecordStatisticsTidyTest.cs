using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>Tidy views of a record statistics table, over the hand-made committee-year of <see cref="RecordStatisticsTest"/>.</summary>
public class RecordStatisticsTidyTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly Committee Other = Committee.Parse("330302");
    private static readonly ReportingPeriod Year2022 = ReportingPeriod.CalendarYear(2022);
    private static readonly RecordStatisticsTable Table = ProposalRecordSet.Create(RecordStatisticsTest.Records).ComputeAll();

    [Fact]
    public void A_row_found_by_committee_and_period_carries_its_counts_names_and_rates()
    {
        var row = Table[Yongjia, Year2022];
        row.Committee.Should().Be(Yongjia);
        row.CommitteeName.Should().Be("永嘉县");
        row.Period.Should().Be(Year2022);
        row[Measures.Proposals.Received].Should().Be(11);
        row[Measures.Proposals.Filed].Should().Be(8);
        row[Measures.Proposals.Replied].Should().Be(5);
        row[Measures.Proposals.RepliedOnTime].Should().Be(3);
        row.Rate(RateDefinition.Acceptance).Should().Be(Rate.Of(8, 11));
        row.Rate(RateDefinition.OnTimeReply).Should().Be(Rate.Of(3, 8));
        row.Rate(RateDefinition.AdoptionIncludingPlanned).Should().Be(Rate.Of(4, 8));
        row.Rate(RateDefinition.Satisfaction).Should().Be(Rate.Of(3, 5));
        row.Counts.ToArray().Should().Equal(Table.GetCounts(row.Index).ToArray());
        row.Statistics.Should().Be(Table[row.Index]);
        row.ToString().Should().Be("330324 永嘉县 @ 2022");

        // The same rates as the statistics of the row compute; records count no conclusions, so no 办结率.
        foreach (var d in RateDefinition.Standard.Where(d => d != RateDefinition.Conclusion))
        {
            row.Rate(d).Should().Be(row.Statistics.GetRate(d), d.Measure.Id);
        }

        row.TryGetRate(RateDefinition.Conclusion, out _).Should().BeFalse();
        row.Statistics.TryGetRate(RateDefinition.Conclusion, out _).Should().BeFalse();
    }

    [Fact]
    public void Misses_throw_KeyNotFoundException_or_return_false()
    {
        Table.TryGetRow(Other, Year2022, out var other).Should().BeTrue();
        other.CommitteeName.Should().Be("鹿城区");
        other[Measures.Proposals.NotFiled].Should().Be(1);

        Table.TryGetRow(Yongjia, ReportingPeriod.CalendarYear(2021), out var none).Should().BeFalse();
        none.Should().Be(default(RecordStatisticsRow));
        FluentActions.Invoking(() => Table[Yongjia, ReportingPeriod.CalendarYear(2021)])
            .Should().Throw<KeyNotFoundException>().WithMessage("*330324*2021*");
        FluentActions.Invoking(() => Table[Yongjia, Year2022][new Measure("activity.consultation")])
            .Should().Throw<KeyNotFoundException>().WithMessage("*activity.consultation*");
        FluentActions.Invoking(() => Table.GetCount(0, new Measure("activity.consultation"))).Should().Throw<KeyNotFoundException>();
        var opinion = RateDefinition.OpinionInfoAdoptionByProvince;
        Table[Yongjia, Year2022].TryGetRate(opinion, out _).Should().BeFalse();
        FluentActions.Invoking(() => Table[Yongjia, Year2022].Rate(opinion)).Should().Throw<KeyNotFoundException>().WithMessage("*rate.opinion_info_adoption.province*");
    }

    [Fact]
    public void Observations_are_every_count_then_every_rate_of_each_row()
    {
        var observations = Table.Observations().ToList();
        Table.Rows.Select(r => r.Committee).Should().Equal(Other, Yongjia); // committee order: 330302 before 330324
        // Every count, and every standard rate but 办结率 (records count no conclusions).
        observations.Should().HaveCount(Table.Count * (RecordStatisticsTable.CountMeasures.Count + RateDefinition.Standard.Count - 1));
        observations.Should().NotContain(o => o.Measure == Measures.Rates.Conclusion);

        var yongjia = observations.Where(o => o.Committee == Yongjia).ToList();
        yongjia.Should().OnlyContain(o => o.CommitteeName == "永嘉县" && o.Period == Year2022);
        yongjia.Take(RecordStatisticsTable.CountMeasures.Count).Select(o => o.Measure).Should().Equal(RecordStatisticsTable.CountMeasures);
        yongjia.Single(o => o.Measure == Measures.Proposals.Cases).Count.Should().Be(7);
        yongjia.Single(o => o.Measure == Measures.Proposals.Cases).Value.Should().Be(7m);
        var reply = yongjia.Single(o => o.Measure == Measures.Rates.Reply);
        reply.Rate.Should().Be(Rate.Of(5, 8));
        reply.Count.Should().BeNull();
        reply.Value.Should().Be(5m / 8m);
        reply.ToString().Should().Be("330324 永嘉县 2022 rate.reply = " + Rate.Of(5, 8));

        // The other committee received one proposal, not filed: its reply rate is 0/0, with no value.
        var otherReply = observations.Single(o => o.Committee == Other && o.Measure == Measures.Rates.Reply);
        otherReply.Rate.Should().Be(Rate.Of(0, 0));
        otherReply.Value.Should().BeNull();
    }
}
