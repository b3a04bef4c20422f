using System;
using System.Collections.Generic;
using System.Text;
using nietras.SeparatedValues;

namespace Zhengxie.Metrics.Csv;

/// <content>The parser: the header and each data row's fields, checked; what depends on the rows before (duplicates) is the session's.</content>
public static partial class FigureCsvReader
{
    private const int MaxShown = 40;

    /// <summary>The longest tail of a row (the fields after the value) whose reading is remembered for the next row.</summary>
    private const int MaxTail = 256;

    /// <summary>Rows whose byte length sizes the tables (single-threaded read).</summary>
    private const int SampleRows = 1024;

    /// <summary>
    /// Reads rows into a <see cref="ParsedRows"/>: the header (once), then each data row's fields, checked, with every
    /// finding and each row that passes its checks. Holds no state that changes a result: its interners and the last
    /// committee and period are caches, so any parser can read any chunk. One per thread.
    /// </summary>
    private sealed partial class RowParser
    {
        private static readonly Func<string, Measure> MakeMeasure = s => Measure.TryParse(s, out var m) ? m : default;
        private static readonly Func<string, FigureUnit> MakeUnit = s => s.Length == 0 || s is "万" or "亿" || FigureUnit.HasDigit(s) ? default : LastingValues.Shared.Unit(s);
        private static readonly Func<string, bool> NoValue = _ => false;
        private static readonly Func<string, FigureSource> MakeSource = LastingValues.Shared.Source;

        private readonly bool everyFigure;
        private readonly SpanInterner<Measure> measures;
        private readonly SpanInterner<FigureUnit> units;
        private readonly SpanInterner<bool> words;
        private readonly SpanInterner<FigureSource> sources;
        private readonly Interners? shared;
        private readonly char[] lastCommitteeText = new char[32];
        private int lastCommitteeLength;
        private Committee lastCommittee;
        private string lastPeriodText = string.Empty;
        private ReportingPeriod lastPeriod;
        private bool rowHasQuote;
        private readonly char[] lastTail = new char[MaxTail];
        private int lastTailLength;
        private TailFields tailRead;
        private int tailColumn = -1; // the first column of the tail (set with the map), -1 when there is none
        private int[]? map;
        private int currentLine;
        private ParsedRows output = null!;

        /// <summary>Initializes a parser that has not seen the header.</summary>
        /// <param name="everyFigure">Whether a <see cref="Figure"/> is made for every row (the figures are kept), or only where one is needed.</param>
        /// <param name="shared">The interners of a parallel read, or <see langword="null"/> for a read on one thread.</param>
        internal RowParser(bool everyFigure, Interners? shared)
        {
            this.everyFigure = everyFigure;
            this.shared = shared;
            measures = new(shared?.Measures);
            units = new(shared?.Units);
            words = new(shared?.Words);
            sources = new(shared?.Sources);
        }

        /// <summary>Gets the index of each known column in a row, once the header is read; <see langword="null"/> before it or when it is unusable.</summary>
        internal int[]? Map
        {
            get => map;
            private set
            {
                map = value;
                tailColumn = value is null ? -1 : TailColumnOf(value);
            }
        }

        /// <summary>Gets the number of fields of the header.</summary>
        internal int HeaderLength { get; private set; }

        /// <summary>Gets or sets a value indicating whether the byte lengths of the first data rows are summed (to size the tables).</summary>
        internal bool Sampling { get; set; }

        /// <summary>Gets the UTF-8 bytes of the first data rows (each with a line break), while <see cref="Sampling"/>.</summary>
        internal long SampleBytes { get; private set; }

        /// <summary>Gets the number of rows in <see cref="SampleBytes"/> (at most <see cref="SampleRows"/>).</summary>
        internal int SampleCount { get; private set; }

        /// <summary>A parser for another thread of the same read: the header of this one, interners of its own in front of the shared ones.</summary>
        internal RowParser Sibling() => new(everyFigure, shared) { Map = Map, HeaderLength = HeaderLength };

        /// <summary>Reads one row (the header, a blank line or a data row) into <paramref name="rows"/>.</summary>
        /// <returns><see langword="false"/> when reading stops: the header is unusable.</returns>
        internal bool Parse(SepReader.Row row, ParsedRows rows)
        {
            // Sep numbers the lines of the first row from 2 (its look-ahead); every later row's are right.
            currentLine = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
            rows.LastLine = row.LineNumberToExcl - 1;
            output = rows;
            int n = row.ColCount;
            if (n == 1 && row[0].Span.Trim().Length == 0)
            {
                return true; // a blank line
            }

            if (Map is null)
            {
                var header = new string[n];
                for (int i = 0; i < n; i++)
                {
                    header[i] = Unquote(row[i].Span, out _, out _).ToString();
                }

                Map = ReadHeader(header);
                return Map is not null;
            }

            rows.Rows++;
            if (Sampling && SampleCount < SampleRows)
            {
                SampleBytes += Encoding.UTF8.GetByteCount(row.Span) + 2;
                SampleCount++;
            }

            ReadRow(row, Map);
            return true;
        }

        /// <summary>Maps each known column to its index in the record; <see langword="null"/> when a required column is missing.</summary>
        private int[]? ReadHeader(string[] header)
        {
            var columns = new List<string>(FigureCsvFormat.RequiredColumns) { FigureCsvFormat.TopicColumn };
            HeaderLength = header.Length;
            int[] map = new int[columns.Count];
            Array.Fill(map, -1);
            for (int i = 0; i < header.Length; i++)
            {
                string name = i == 0 ? header[i].TrimStart('\uFEFF').Trim() : header[i].Trim();
                int known = columns.IndexOf(name);
                if (known < 0)
                {
                    Warning(Shorten(name), $"unknown column '{Shorten(name)}' is ignored.");
                }
                else if (map[known] >= 0)
                {
                    Error(name, $"column '{name}' appears twice in the header.");
                    return null;
                }
                else
                {
                    map[known] = i;
                }
            }

            var missing = new List<string>();
            for (int k = 0; k < FigureCsvFormat.RequiredColumns.Count; k++)
            {
                if (map[k] < 0)
                {
                    missing.Add(FigureCsvFormat.RequiredColumns[k]);
                }
            }

            if (missing.Count > 0)
            {
                Error(null, $"the header lacks the column(s) {string.Join(", ", missing)}; expected {string.Join(",", FigureCsvFormat.RequiredColumns)} (topic optional). No row can be read.");
                return null;
            }

            return map;
        }

        private bool Error(string? column, string message)
        {
            output.Findings.Add(new RawFinding(currentLine, column, FigureCsvFindingSeverity.Error, message));
            return false;
        }

        private void Warning(string? column, string message) =>
            output.Findings.Add(new RawFinding(currentLine, column, FigureCsvFindingSeverity.Warning, message));
    }

    /// <summary>What the fields after the value of a good row were read as (the qualifier as written, before the rules of a figure).</summary>
    private readonly record struct TailFields(FigureUnit Unit, Qualifier Qualifier, string QualifierText, FigureScope Scope, FigureSource? Source, string? Topic);

    /// <summary>The interners the parsers of one parallel read share, so that each text is one string, one value and one number in the whole read.</summary>
    private sealed class Interners
    {
        internal SharedInterner<Measure> Measures { get; } = new();

        internal SharedInterner<FigureUnit> Units { get; } = new();

        internal SharedInterner<bool> Words { get; } = new();

        internal SharedInterner<FigureSource> Sources { get; } = new();
    }
}
