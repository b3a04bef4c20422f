using System;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Csv;

/// <summary>
/// <see cref="FigureCsvReader.ReadInto(FigureDatasetBuilder, Stream, FigureCsvEncoding, IProgress{int}?)"/> (the rows as
/// columns into the builder, no <see cref="Figure"/> per row) gives the same findings, line for line, and the same
/// dataset as reading the figures and adding them with <see cref="FigureDatasetBuilder.AddRange"/>, on random files
/// valid and invalid: bad fields of every column, duplicates (identical and contradicting), quotes, topics, region
/// totals, 「N余」 and bytes that are not UTF-8.
/// </summary>
public class FigureCsvReadIntoTest
{
    private static readonly string[] CommitteeTexts = ["330302", "330303", "330324/county", "330300/prefecture", "331100", "330000", "999999", "33030", "330302/town", ""];
    private static readonly string[] PeriodTexts = ["2020", "2021", "4.4@2021", "11.1+@2022", "2020", "20x", ""];
    private static readonly string[] MeasureTexts = ["proposals.received", "proposals.filed", "proposals.replied", "proposals.outcome_a", "rate.reply", "activity.consultation", "activity.consultation.counterpart", "poverty.funds_raised", "Proposals", ""];
    private static readonly string[] ValueTexts = ["0", "12", "40", "350", "120", "5.5", "78.5", "130", "-3", "+4", "99999999999999999999", "92233720368547758", "", "1,000", "1e3"];
    private static readonly string[] UnitTexts = ["件", "件", "次", "万元", "%", "万", "场", ""];
    private static readonly string[] QualifierTexts = ["exact", "exact", "exact", "more_than", "about", "nearly", "at_least", "all", "percent_reported", "roughly"];
    private static readonly string[] ScopeTexts = ["committee", "committee", "committee", "region_total", "county"];
    private static readonly string[] SourceTexts = ["", "", "report", "\"a, b\"", "\"unclosed"];
    private static readonly string[] TopicTexts = ["", "", "", "视察", "\" 视察 \""];

    private static readonly Gen<string> GenRow =
        Gen.Select(Gen.Int[0, CommitteeTexts.Length - 1], Gen.Int[0, PeriodTexts.Length - 1], Gen.Int[0, MeasureTexts.Length - 1], Gen.Int[0, ValueTexts.Length - 1], Gen.Int[0, UnitTexts.Length - 1], Gen.Int[0, 99], Gen.Int[0, 99])
            .Select((c, p, m, v, u, q, s) =>
            {
                // Mostly well-formed rows (so duplicates and the dataset's own rules come into play), now and then a bad field.
                string measure = MeasureTexts[m];
                bool rate = measure.StartsWith("rate.", StringComparison.Ordinal);
                string unit = q < 80 ? (rate ? "%" : measure.StartsWith("poverty", StringComparison.Ordinal) ? "万元" : measure.StartsWith("activity", StringComparison.Ordinal) ? "次" : "件") : UnitTexts[u];
                string qualifier = q < 70 ? (rate ? "percent_reported" : "exact") : QualifierTexts[q % QualifierTexts.Length];
                string scope = s < 85 ? "committee" : ScopeTexts[s % ScopeTexts.Length];
                string source = SourceTexts[s % SourceTexts.Length == 4 && s < 95 ? 0 : s % SourceTexts.Length];
                string topic = TopicTexts[(s / 7) % TopicTexts.Length];
                return string.Join(',', CommitteeTexts[c], PeriodTexts[p], measure, ValueTexts[v], unit, qualifier, scope, source, topic);
            });

    internal static readonly Gen<byte[]> GenFile =
        Gen.Select(GenRow.Array[0, 40], Gen.Int.Array[0, 8], Gen.Int[0, 9], Gen.Int[0, 1000])
            .Select((rows, repeats, trouble, at) =>
            {
                var lines = rows.ToList();
                foreach (int r in repeats)
                {
                    // The same row again, or the same identity with another value.
                    if (lines.Count > 0)
                    {
                        string earlier = lines[(r & int.MaxValue) % lines.Count];
                        lines.Add(r % 2 == 0 ? earlier : earlier.Replace(",12,", ",13,", StringComparison.Ordinal));
                    }
                }

                string text = "committee,period,measure,value,unit,qualifier,scope,source,topic\n" + string.Join("\n", lines) + "\n";
                var bytes = Encoding.UTF8.GetBytes(text).ToList();
                if (trouble == 0)
                {
                    bytes.Insert(at % (bytes.Count + 1), 0xFF); // not UTF-8: nothing is loaded
                }

                return bytes.ToArray();
            });

    [Fact]
    public void Reading_into_a_builder_gives_the_same_findings_and_dataset_as_reading_figures()
    {
        GenFile.Sample(
            bytes =>
            {
                var read = FigureCsvReader.Read(new MemoryStream(bytes));
                var expected = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(read.Figures).Build();

                var builder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings);
                var into = FigureCsvReader.ReadInto(builder, new MemoryStream(bytes));
                var actual = builder.Build();

                into.Figures.Should().BeEmpty();
                into.FigureCount.Should().Be(read.Figures.Count);
                into.RowCount.Should().Be(read.RowCount);
                into.ErrorCount.Should().Be(read.ErrorCount);
                into.Findings.Select(f => f.ToString()).Should().Equal(read.Findings.Select(f => f.ToString()));
                actual.Figures.Should().Equal(expected.Figures);
                actual.Findings.Select(f => f.ToString()).Should().Equal(expected.Findings.Select(f => f.ToString()));
                actual.CountMeasures.Should().Equal(expected.CountMeasures);
                foreach (var figure in expected.Figures)
                {
                    expected.TryGetCount(figure.Committee, figure.Period, figure.Measure, figure.Scope, out var want).Should()
                        .Be(actual.TryGetCount(figure.Committee, figure.Period, figure.Measure, figure.Scope, out var got));
                    got.Should().Be(want);
                }
            },
            iter: 2_000);
    }

    [Fact]
    public void Reads_into_a_builder_holding_figures_find_the_duplicates_across_them_as_adding_the_figures_does()
    {
        // The reader adds its rows as it reads them and the builder then skips its own duplicate search, but only for rows
        // one read put into an empty builder: a second file, figures added before or after, are searched as always.
        Gen.Select(GenFile, GenFile, Gen.Int[0, 2], Gen.Int[1, 400]).Sample(
            (first, second, how, chunk) =>
            {
                var a = FigureCsvReader.Read(new MemoryStream(first));
                var b = FigureCsvReader.Read(new MemoryStream(second));
                var expected = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings).AddRange(a.Figures).AddRange(b.Figures).Build();

                var builder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings);
                var options = new FigureCsvReader.ReadOptions(chunk % 2 == 0, chunk);
                if (how == 0)
                {
                    FigureCsvReader.Read(new MemoryStream(first), FigureCsvEncoding.Utf8, options, builder);
                    FigureCsvReader.Read(new MemoryStream(second), FigureCsvEncoding.Utf8, options, builder);
                }
                else if (how == 1)
                {
                    builder.AddRange(a.Figures);
                    FigureCsvReader.Read(new MemoryStream(second), FigureCsvEncoding.Utf8, options, builder);
                }
                else
                {
                    FigureCsvReader.Read(new MemoryStream(first), FigureCsvEncoding.Utf8, options, builder);
                    builder.AddRange(b.Figures);
                }

                builder.Count.Should().Be(new FigureDatasetBuilder().AddRange(a.Figures).AddRange(b.Figures).Count);
                var actual = builder.Build();
                actual.Figures.Should().Equal(expected.Figures);
                actual.Findings.Select(f => f.ToString()).Should().Equal(expected.Findings.Select(f => f.ToString()));
            },
            iter: 1_000);
    }

    [Fact]
    public void A_read_that_fails_half_way_leaves_the_builder_as_it_was()
    {
        // 20,000 rows: the failure comes after many chunks (and many rows) went to the builder.
        var counties = RegionTable.Default.Regions.Where(r => r.Level == AdministrativeLevel.County).Take(20).Select(r => r.Code.Value).ToArray();
        var text = new StringBuilder("committee,period,measure,value,unit,qualifier,scope,source\n");
        for (int i = 0; i < 20_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{counties[i / 1000]},{1950 + (i / 4 % 250)},proposals.{(i % 4 == 0 ? "received" : i % 4 == 1 ? "filed" : i % 4 == 2 ? "replied" : "withdrawn")},{i % 97},件,exact,committee,\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var before = new Figure(RegionTable.Default.GetCommittee(new RegionCode(330303)), ReportingPeriod.CalendarYear(2020), Measures.Proposals.Received, 5, new FigureUnit("件"));
        foreach (var options in (FigureCsvReader.ReadOptions[])[new(false, 0), new(true, 4096)])
        {
            // The stream fails late, the caller's progress throws, the last byte is not UTF-8.
            var failures = new Func<FigureDatasetBuilder, FigureCsvResult?>[]
            {
                b => FigureCsvReader.Read(new FailingStream(bytes, bytes.Length - 100), FigureCsvEncoding.Utf8, options, b),
                b => FigureCsvReader.Read(new MemoryStream(bytes), FigureCsvEncoding.Utf8, options, b, progress: new ThrowingProgress(15_000)),
                b => FigureCsvReader.Read(new MemoryStream([.. bytes, 0xFF]), FigureCsvEncoding.Utf8, options, b),
            };
            foreach (var fail in failures)
            {
                foreach (bool empty in (bool[])[true, false])
                {
                    var builder = new FigureDatasetBuilder();
                    if (!empty)
                    {
                        builder.Add(before);
                    }

                    FigureCsvResult? result = null;
                    try
                    {
                        result = fail(builder);
                    }
                    catch (Exception e) when (e is IOException or InvalidOperationException)
                    {
                    }

                    result?.IsValid.Should().BeFalse();
                    builder.Count.Should().Be(empty ? 0 : 1);
                    builder.Build().Figures.Should().Equal(empty ? [] : [before]);

                    // The builder still takes the whole file afterwards, and finds every figure once.
                    FigureCsvReader.Read(new MemoryStream(bytes), FigureCsvEncoding.Utf8, options, builder).IsValid.Should().BeTrue();
                    builder.Count.Should().Be(20_000 + (empty ? 0 : 1));
                }
            }
        }
    }

    [Fact]
    public void A_file_that_does_not_decode_adds_nothing_to_the_builder()
    {
        var bytes = Encoding.UTF8.GetBytes("committee,period,measure,value,unit,qualifier,scope,source\n330302,2020,proposals.received,12,件,exact,committee,\n").Append((byte)0xC3).ToArray();
        var builder = new FigureDatasetBuilder();

        var result = FigureCsvReader.ReadInto(builder, new MemoryStream(bytes));

        result.IsValid.Should().BeFalse();
        result.Findings.Should().ContainSingle(f => f.IsError && f.Line == 3 && f.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
        result.FigureCount.Should().Be(0);
        builder.Count.Should().Be(0);
    }

    [Fact]
    public void Valid_rows_are_added_and_bad_ones_named_with_their_line_and_column()
    {
        string text =
            "committee,period,measure,value,unit,qualifier,scope,source\n" +
            "330302,2020,proposals.received,12,件,exact,committee,\n" +
            "330302,2020,proposals.filed,99999999999999999999,件,exact,committee,\n" +
            "330302,2020,proposals.filed,10,件,exact,committee,\n" +
            "330302,2020,proposals.filed,11,件,exact,committee,\n";
        var builder = new FigureDatasetBuilder();

        var result = FigureCsvReader.ReadInto(builder, new MemoryStream(Encoding.UTF8.GetBytes(text)));

        result.FigureCount.Should().Be(2);
        result.ToString().Should().Be("4 rows, 2 figures, 2 errors, 0 warnings");
        result.Findings.Select(f => (f.Line, f.Column)).Should().Equal((3, "value"), (5, null));
        result.Findings[1].Message.Should().Contain("contradicts 10件 on line 4");
        var dataset = builder.Build();
        dataset.GetCount(RegionTable.Default.GetCommittee(new RegionCode(330302)), ReportingPeriod.CalendarYear(2020), Measures.Proposals.Filed).Should().Be(Bounds.Exactly(10));
    }

    /// <summary>A stream that throws an <see cref="IOException"/> once <paramref name="failAt"/> bytes have been read.</summary>
    private sealed class FailingStream(byte[] bytes, int failAt) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failAt)
            {
                throw new IOException("the disk went away");
            }

            return base.Read(buffer, offset, (int)Math.Min(count, failAt - Position));
        }

        public override int Read(Span<byte> buffer)
        {
            if (Position >= failAt)
            {
                throw new IOException("the disk went away");
            }

            return base.Read(buffer[..(int)Math.Min(buffer.Length, failAt - Position)]);
        }
    }

    /// <summary>Progress that throws once told <paramref name="at"/> rows.</summary>
    private sealed class ThrowingProgress(int at) : IProgress<int>
    {
        public void Report(int value)
        {
            if (value >= at)
            {
                throw new InvalidOperationException("the caller gave up");
            }
        }
    }
}
