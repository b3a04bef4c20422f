using System;
using System.Data;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>
/// Every column a data reader may give, by its name, read into the record columns (an in-memory
/// <see cref="DataTable"/>, no database): each value lands in its own column, in column order unlike the table's.
/// </summary>
public class RecordDataReaderColumnsTest
{
    [Fact]
    public void Every_named_column_is_read_into_its_own_record_column()
    {
        var table = new DataTable();
        foreach (string name in new[]
        {
            "is_key", "feedback", "answer", "extended_until", "replied_on", "co_units", "lead_unit", "handed_over_on", "merged_into",
            "filed_on", "decision", "proposer_kind", "submitted", "period", "committee", "id",
        })
        {
            table.Columns.Add(name, typeof(string));
        }

        // A: a joint proposal, filed, handed over, extended, replied (B answer, basically satisfied), key, co-handled by two units.
        table.Rows.Add("1", "basically_satisfied", "being_solved_or_planned", "2022-06-30", "2022-06-15", "县财政局; 县教育局", "县住建局", "2022-01-31", null,
            "2022-01-20", "filed", "joint", "2022-01-10", "2022", "330324", "A");

        // B: a group proposal merged into A.
        table.Rows.Add("0", null, null, null, null, null, null, null, "A", null, "merged", "group", "2022-01-11", "2022", "330324", "B");

        var c = ProposalRecordColumns.Read(table.CreateDataReader());
        c.Count.Should().Be(2);
        c.Ids.ToArray().Should().Equal("A", "B");
        c.Committees.ToArray().Should().Equal(Committee.Parse("330324"), Committee.Parse("330324"));
        c.Periods.ToArray().Should().Equal(ReportingPeriod.CalendarYear(2022), ReportingPeriod.CalendarYear(2022));
        c.Submitted.ToArray().Should().Equal(new LocalDate(2022, 1, 10), new LocalDate(2022, 1, 11));
        c.ProposerKinds.ToArray().Should().Equal(ProposerKind.Joint, ProposerKind.Group);
        c.Decisions.ToArray().Should().Equal(FilingDecision.Filed, FilingDecision.Merged);
        c.FiledOn.ToArray().Should().Equal(new LocalDate(2022, 1, 20), null);
        c.MergedInto.ToArray().Should().Equal(null, "A");
        c.HandedOverOn.ToArray().Should().Equal(new LocalDate(2022, 1, 31), null);
        c.LeadUnits.ToArray().Should().Equal("县住建局", null);
        c.CoUnits.ToArray().Should().Equal("县财政局", "县教育局");
        c.RepliedOn.ToArray().Should().Equal(new LocalDate(2022, 6, 15), null);
        c.ExtendedUntil.ToArray().Should().Equal(new LocalDate(2022, 6, 30), null);
        c.Answers.ToArray().Should().Equal(AnswerClass.BeingSolvedOrPlanned, null);
        c.Feedback.ToArray().Should().Equal(Feedback.BasicallySatisfied, Feedback.None);
        c.IsKey.ToArray().Should().Equal(true, false);

        // Extended to 30 Jun, within the 6-month cap: replied 15 Jun is on time.
        var counts = ProposalRecordSet.Create(c).ComputeStatistics(Committee.Parse("330324"), ReportingPeriod.CalendarYear(2022));
        counts.GetCount(Measures.Proposals.RepliedOnTime).Should().Be(Bounds.Exactly(1));
        counts.GetCount(Measures.Proposals.Merged).Should().Be(Bounds.Exactly(1));
        counts.GetCount(Measures.Proposals.OutcomeB).Should().Be(Bounds.Exactly(1));
    }
}
