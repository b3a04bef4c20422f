using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Csv;

/// <summary>
/// The parallel read of UTF-8 (chunks cut at line breaks outside quotes, parsed on worker threads, taken in file order)
/// gives what the single-threaded read gives: the same findings in the same order (lines, columns, texts), the same row
/// count, the same figures, and the same columns handed over, on random files with quoted fields across lines, stray
/// quotes, blank lines, CRLF, byte-order marks, bytes that are not UTF-8, characters of two to four bytes, duplicates,
/// and chunks from one byte (every boundary inside quotes and characters tried) to larger than the file.
/// </summary>
public class FigureCsvParallelReadTest
{
    private static readonly FigureCsvReader.ReadOptions Serial = new(false, 0);

    /// <summary>Pieces inserted at random places: each can move a chunk boundary, a quote's parity or a line's number.</summary>
    private static readonly byte[][] Pieces =
    [
        Encoding.UTF8.GetBytes("\"a\nb\""),
        Encoding.UTF8.GetBytes("\"x\r\ny,\"\"z\"\""),
        Encoding.UTF8.GetBytes("\""),
        Encoding.UTF8.GetBytes("\n"),
        Encoding.UTF8.GetBytes("\r\n"),
        Encoding.UTF8.GetBytes("\n\n"),
        Encoding.UTF8.GetBytes("\r"),
        Encoding.UTF8.GetBytes("中文"),
        Encoding.UTF8.GetBytes("𝄞"),
        Encoding.UTF8.GetBytes(","),
        Encoding.UTF8.GetBytes("\uFEFF"),
        [0xFF],
        [0xC3],
        [0xE4, 0xB8],
        [0xF0, 0x9D, 0x84],
        [0xED, 0xA0, 0x80],
    ];

    private static readonly Gen<byte[]> GenFile =
        Gen.Select(FigureCsvReadIntoTest.GenFile, Gen.Select(Gen.Int[0, 100_000], Gen.Int[0, Pieces.Length - 1]).Array[0, 4], Gen.Int[0, 9])
            .Select((bytes, inserts, shape) =>
            {
                var list = bytes.ToList();
                foreach (var (at, piece) in inserts)
                {
                    // Mostly pieces that keep the bytes UTF-8 (so the reading goes on past them); now and then one that does not.
                    int p = piece >= 11 && at % 3 != 0 ? piece % 11 : piece;
                    list.InsertRange(at % (list.Count + 1), Pieces[p]);
                }

                var text = list.ToArray();
                return shape switch
                {
                    0 => [0xEF, 0xBB, 0xBF, .. text], // a byte-order mark
                    1 => Crlf(text),
                    2 => [.. Encoding.UTF8.GetBytes("\n\n"), .. text], // blank lines before the header
                    3 => text.Length > 0 ? text[..^1] : text, // no final line break
                    _ => text,
                };
            });

    [Fact]
    public void Chunked_reading_gives_the_findings_figures_and_columns_of_reading_on_one_thread()
    {
        Gen.Select(GenFile, Gen.Int[1, 300]).Sample(
            (bytes, chunk) =>
            {
                var options = new FigureCsvReader.ReadOptions(true, chunk);
                var serial = FigureCsvReader.Read(new MemoryStream(bytes), FigureCsvEncoding.Utf8, Serial);
                var parallel = FigureCsvReader.Read(new MemoryStream(bytes), FigureCsvEncoding.Utf8, options);

                parallel.Findings.Should().Equal(serial.Findings);
                parallel.RowCount.Should().Be(serial.RowCount);
                parallel.Figures.Should().Equal(serial.Figures);
                Columns(bytes, options).Should().BeEquivalentTo(Columns(bytes, Serial), o => o.WithStrictOrdering());
            },
            iter: 3_000);
    }

    [Fact]
    public void Chunked_reading_into_a_builder_gives_the_dataset_of_reading_on_one_thread()
    {
        Gen.Select(GenFile, Gen.Int[1, 120]).Sample(
            (bytes, chunk) =>
            {
                var serialBuilder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings);
                var serial = FigureCsvReader.Read(new MemoryStream(bytes), FigureCsvEncoding.Utf8, Serial, serialBuilder);
                var parallelBuilder = new FigureDatasetBuilder(mode: ValidationMode.CollectFindings);
                var parallel = FigureCsvReader.Read(new MemoryStream(bytes), FigureCsvEncoding.Utf8, new FigureCsvReader.ReadOptions(true, chunk), parallelBuilder);

                parallel.Findings.Should().Equal(serial.Findings);
                parallel.FigureCount.Should().Be(serial.FigureCount);
                var expected = serialBuilder.Build();
                var actual = parallelBuilder.Build();
                actual.Figures.Should().Equal(expected.Figures);
                actual.Findings.Select(f => f.ToString()).Should().Equal(expected.Findings.Select(f => f.ToString()));
            },
            iter: 1_000);
    }

    [Fact]
    public void A_file_of_many_chunks_reads_as_on_one_thread_with_the_default_chunks()
    {
        var bytes = LargeFile(seed: 7, rows: 16_000, invalidAtRow: -1);
        bytes.Length.Should().BeGreaterThan(3 * (1 << 18), "the file spans several default chunks");

        var serial = FigureCsvReader.Read(new MemoryStream(bytes), FigureCsvEncoding.Utf8, Serial);
        var parallel = FigureCsvReader.Read(new MemoryStream(bytes), FigureCsvEncoding.Utf8, new FigureCsvReader.ReadOptions(true, 1 << 18));
        var viaPublicApi = FigureCsvReader.Read(new MemoryStream(bytes));

        serial.Findings.Should().Contain(f => f.Message.Contains("contradicts", StringComparison.Ordinal)).And.Contain(f => f.Line > 10_000);
        parallel.Findings.Should().Equal(serial.Findings);
        parallel.Figures.Should().Equal(serial.Figures);
        parallel.RowCount.Should().Be(16_000);
        viaPublicApi.Findings.Should().Equal(serial.Findings);
        viaPublicApi.Figures.Should().Equal(serial.Figures);
        Columns(bytes, new FigureCsvReader.ReadOptions(true, 1 << 14)).Should().BeEquivalentTo(Columns(bytes, Serial), o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_byte_that_is_not_UTF8_in_a_late_chunk_ends_the_file_there_as_on_one_thread()
    {
        var bytes = LargeFile(seed: 11, rows: 6_000, invalidAtRow: 5_000);

        var serial = FigureCsvReader.Read(new MemoryStream(bytes), FigureCsvEncoding.Utf8, Serial);
        var parallel = FigureCsvReader.Read(new MemoryStream(bytes), FigureCsvEncoding.Utf8, new FigureCsvReader.ReadOptions(true, 4096));

        int line = 1 + bytes.AsSpan(0, Array.IndexOf(bytes, (byte)0xFE)).Count((byte)'\n');
        line.Should().BeGreaterThan(5_000);
        serial.Findings.Should().Contain(f => f.Line == line && f.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
        serial.Findings.Should().Contain(f => f.Line > 4_000 && f.Line < line && f.Message.Contains("contradicts", StringComparison.Ordinal));
        parallel.Findings.Should().Equal(serial.Findings);
        parallel.RowCount.Should().Be(serial.RowCount);
        parallel.Figures.Should().BeEmpty();
    }

    [Fact]
    public void A_quoted_field_across_the_chunk_boundary_keeps_its_rows_and_lines()
    {
        string text =
            "committee,period,measure,value,unit,qualifier,scope,source,topic\n" +
            "330302,2020,proposals.received,12,件,exact,committee,\"a\nlong,\n\nsource\",\n" +
            "330302,2020,proposals.filed,1x,件,exact,committee,,\n" +
            "330302,2020,proposals.received,13,件,exact,committee,,\n";
        var bytes = Encoding.UTF8.GetBytes(text);

        for (int chunk = 1; chunk <= bytes.Length + 1; chunk++)
        {
            var parallel = FigureCsvReader.Read(new MemoryStream(bytes), FigureCsvEncoding.Utf8, new FigureCsvReader.ReadOptions(true, chunk));

            parallel.Findings.Select(f => (f.Line, f.Column)).Should().Equal((6, "value"), (7, null));
            parallel.Findings[1].Message.Should().Contain("on line 2");
            parallel.Figures.Should().ContainSingle().Which.Source!.Quote.Should().Be("a\nlong,\n\nsource");
        }
    }

    [Theory]
    [InlineData("\u3000")]
    [InlineData("\u00A0")]
    [InlineData("\u2003")]
    [InlineData("\u0085")]
    [InlineData("\t")]
    [InlineData(" ")]
    public void Fields_are_trimmed_of_every_white_space_at_their_ends(string space)
    {
        string text = "committee,period,measure,value,unit,qualifier,scope,source\n" +
            $"{space}330302{space},{space}2020,proposals.received{space},12{space},{space}件{space},exact{space},{space}committee,{space}note{space}\n";

        foreach (var options in (FigureCsvReader.ReadOptions[])[Serial, new(true, 16)])
        {
            var result = FigureCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), FigureCsvEncoding.Utf8, options);

            result.Findings.Should().BeEmpty();
            var figure = result.Figures.Should().ContainSingle().Subject;
            figure.Value.Should().Be(12);
            figure.Unit.Symbol.Should().Be("件");
            figure.Source!.Quote.Should().Be("note");
        }
    }

    [Fact]
    public void Progress_is_told_the_same_row_counts()
    {
        var bytes = LargeFile(seed: 3, rows: 5_500, invalidAtRow: -1);
        var serial = new List<int>();
        var parallel = new List<int>();

        FigureCsvReader.Read(new MemoryStream(bytes), FigureCsvEncoding.Utf8, Serial, progress: new Recorder(serial));
        FigureCsvReader.Read(new MemoryStream(bytes), FigureCsvEncoding.Utf8, new FigureCsvReader.ReadOptions(true, 3000), progress: new Recorder(parallel));

        serial.Should().Equal(1000, 2000, 3000, 4000, 5000, 5500);
        parallel.Should().Equal(serial);
    }

    private static byte[] Crlf(byte[] text)
    {
        var result = new List<byte>(text.Length + 64);
        foreach (byte b in text)
        {
            if (b == (byte)'\n')
            {
                result.Add((byte)'\r');
            }

            result.Add(b);
        }

        return result.ToArray();
    }

    /// <summary>A file of many rows: committees, years and measures in turn, now and then a bad value, a repeated or contradicting row, a quoted multi-line source.</summary>
    private static byte[] LargeFile(int seed, int rows, int invalidAtRow)
    {
        string[] measures = ["proposals.received", "proposals.filed", "proposals.replied", "activity.consultation"];
        var random = new Random(seed);
        var text = new StringBuilder("committee,period,measure,value,unit,qualifier,scope,source,topic\n");
        var bytes = new List<byte>();
        for (int i = 0; i < rows; i++)
        {
            int committee = 330302 + (i / 40 % 20);
            int year = 2000 + (i / 4 % 10);
            string measure = measures[i % 4];
            string unit = measure.StartsWith("activity", StringComparison.Ordinal) ? "次" : "件";
            int kind = random.Next(100);
            string value = kind == 0 ? "1x" : random.Next(1, 500).ToString(CultureInfo.InvariantCulture);
            string source = kind == 1 ? "\"line one\nline two, 中\"" : "synthetic";
            if (kind == 2)
            {
                year = 2000; // a repeat of an earlier identity: the same figure or a contradiction
            }

            text.Append(CultureInfo.InvariantCulture, $"{committee},{year},{measure},{value},{unit},exact,committee,{source},\n");
            if (i == invalidAtRow)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text.ToString()));
                bytes.Add(0xFE);
                text.Clear();
            }
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(text.ToString()));
        return bytes.ToArray();
    }

    /// <summary>The columns handed to a handler, copied out.</summary>
    private static object Columns(byte[] bytes, FigureCsvReader.ReadOptions options)
    {
        object? copied = null;
        var result = FigureCsvReader.Read(
            new MemoryStream(bytes),
            FigureCsvEncoding.Utf8,
            options,
            handler: (columns, _) => copied = new
            {
                Committees = columns.Committees.ToArray(),
                Periods = columns.Periods.ToArray(),
                Measures = columns.Measures.ToArray().Select(m => m.IsDefault ? null : m.Id).ToArray(),
                Values = columns.Values.ToArray(),
                Units = columns.Units.ToArray().Select(u => u.Symbol).ToArray(),
                Qualifiers = columns.Qualifiers.ToArray(),
                Scopes = columns.Scopes.ToArray(),
                Topics = columns.Topics.ToArray(),
                Sources = columns.Sources.ToArray().Select(s => s?.Quote).ToArray(),
            });
        return new { Columns = copied, result.Findings, result.RowCount, result.FigureCount };
    }

    private sealed class Recorder(List<int> values) : IProgress<int>
    {
        public void Report(int value) => values.Add(value);
    }
}
