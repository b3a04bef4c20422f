using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Csv;

namespace Zhengxie.Metrics.Tests.Csv;

/// <summary>
/// The reader takes the fields after the value (unit, qualifier, scope, source, topic) of a row that repeats the last good
/// row's text of them from that row. Whatever a row says, it must be read as if it stood alone: its findings, in their
/// order, and its figure are those of a file holding only the header and that row.
/// </summary>
public class FigureCsvReaderTailTest
{
    private const string Header = "committee,period,measure,value,unit,qualifier,scope,source,topic";

    // Tails that read well, tails with one bad field, and the measures and values they meet (counts and rates, a value 'all' needs none of).
    private static readonly string[] Tails =
    [
        "件,exact,committee,,", "件,exact,committee,,", "件,exact,committee,,", "%,percent_reported,committee,,", "%,exact,committee,,",
        "%,about,committee,,", "次,more_than,region_total,,", "件,all,committee,,", "万元,nearly,committee,report-2022,",
        "件,exact,committee,report-2022,农业", "件,exact,committee,, 农业 ", "件,exact,committee,,\"农业\"", "万,exact,committee,,",
        "件,exactly,committee,,", "件,exact,county,,", "1件,exact,committee,,", ",exact,committee,,", "%,all,committee,,",
        "件,percent_reported,committee,,", "件,more_than,committee,,",
    ];

    private static readonly string[] Measures = ["proposals.filed", "proposals.received", "rate.reply", "rate.acceptance", "activity.consultation", "Bad Measure"];

    private static readonly string[] Values = ["12", "100", "95.5", "120", "", "-3", "1.5", "0"];

    [Fact]
    public void Every_row_reads_as_it_would_alone()
    {
        var random = new Random(20261201);
        for (int file = 0; file < 200; file++)
        {
            var rows = new List<string>();
            int length = random.Next(1, 40);
            string tail = Tails[random.Next(Tails.Length)];
            for (int r = 0; r < length; r++)
            {
                // Runs of one tail, as files have them, broken now and then.
                if (random.Next(4) == 0)
                {
                    tail = Tails[random.Next(Tails.Length)];
                }

                // A distinct committee per row: no duplicates, so a row's findings are its own.
                string committee = random.Next(12) == 0 ? "33030x" : (330101 + r).ToString(System.Globalization.CultureInfo.InvariantCulture);
                rows.Add($"{committee},2022,{Measures[random.Next(Measures.Length)]},{Values[random.Next(Values.Length)]},{tail}");
            }

            var together = Read(rows);
            for (int r = 0; r < rows.Count; r++)
            {
                var alone = Read([rows[r]]);
                var expected = alone.Findings.Select(f => (f.Column, f.Severity, f.Message));
                together.Findings.Where(f => f.Line == r + 2).Select(f => (f.Column, f.Severity, f.Message))
                    .Should().Equal(expected, "row {0} of file {1} ({2}) reads as it does alone", r, file, rows[r]);
            }

            var figuresAlone = rows.SelectMany(row => Read([row]).Figures).ToList();
            together.Figures.Should().Equal(figuresAlone, "file {0}", file);
            together.Figures.Select(f => f.Source?.Document).Should().Equal(figuresAlone.Select(f => f.Source?.Document));
        }
    }

    [Fact]
    public void A_rate_marked_exact_warns_on_every_row_that_repeats_it()
    {
        var result = Read(["330302,2022,rate.reply,95,%,exact,committee,,", "330303,2022,rate.reply,96,%,exact,committee,,"]);

        result.Findings.Where(f => f.Severity == FigureCsvFindingSeverity.Warning).Select(f => f.Line).Should().Equal(2, 3);
        result.Figures.Select(f => f.Qualifier).Should().Equal(Qualifier.PercentReported, Qualifier.PercentReported);
    }

    [Fact]
    public void A_bad_field_after_the_value_is_an_error_on_every_row_that_repeats_it()
    {
        var result = Read(["330302,2022,proposals.filed,12,件,exact,committee,,", "330303,2022,proposals.filed,12,万,exact,committee,,", "330304,2022,proposals.filed,13,万,exact,committee,,"]);

        result.Findings.Where(f => f.IsError).Select(f => (f.Line, f.Column)).Should().Equal((3, "unit"), (4, "unit"));
        result.Figures.Should().ContainSingle();
    }

    [Fact]
    public void Columns_in_another_order_are_read_field_by_field()
    {
        var text = "unit,qualifier,committee,period,measure,value,scope,source\n件,exact,330302,2022,proposals.filed,12,committee,\n件,exact,330303,2022,rate.reply,12,committee,\n件,exact,330304,2022,proposals.filed,14,committee,\n";

        var result = FigureCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        result.Figures.Select(f => f.Value).Should().Equal(12m, 14m);
        result.Findings.Should().ContainSingle(f => f.IsError && f.Line == 3 && f.Column == "unit");
    }

    private static FigureCsvResult Read(IEnumerable<string> rows) =>
        FigureCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n")));
}
