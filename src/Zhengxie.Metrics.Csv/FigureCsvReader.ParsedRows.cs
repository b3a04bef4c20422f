using System;
using System.Collections.Generic;

namespace Zhengxie.Metrics.Csv;

/// <content>What a parser makes of a run of rows (a chunk of the file, or a batch of the single-threaded read), for the session to take in file order.</content>
public static partial class FigureCsvReader
{
    /// <summary>A finding as a parser states it: its line counted from the start of the chunk (1 = the chunk's first line).</summary>
    private readonly record struct RawFinding(int Line, string? Column, FigureCsvFindingSeverity Severity, string Message);

    /// <summary>
    /// The rows a parser read from one chunk (or batch): every finding in the order it was stated, and every row that passed its
    /// checks (a candidate figure) with its fields, its line and how many findings precede its identity's check. Whether
    /// a candidate is a duplicate is for the session to say, in file order. Lines are relative to the chunk's first line.
    /// </summary>
    private sealed class ParsedRows
    {
        private const int InitialCapacity = 1024;

        internal ParsedRows() => Allocate(InitialCapacity);

        /// <summary>Gets the findings, in the order stated.</summary>
        internal List<RawFinding> Findings { get; } = [];

        /// <summary>Gets or sets the data rows read (the header and blank lines not counted).</summary>
        internal int Rows { get; set; }

        /// <summary>Gets or sets the last line of the last row read (the lines the chunk spans).</summary>
        internal int LastLine { get; set; }

        /// <summary>Gets or sets the line feeds in the chunk's bytes (to number the line of an invalid byte, as <see cref="Utf8CheckingStream"/> does).</summary>
        internal int LineFeeds { get; set; }

        /// <summary>Gets or sets the line of the chunk's first invalid UTF-8 byte (1 + the line feeds before it), or 0.</summary>
        internal int InvalidLine { get; set; }

        /// <summary>Gets or sets the first invalid byte (meaningful when <see cref="InvalidLine"/> is set).</summary>
        internal byte InvalidByte { get; set; }

        /// <summary>Gets the number of candidates.</summary>
        internal int Count { get; private set; }

        internal Committee[] Committees { get; private set; } = [];

        internal ReportingPeriod[] Periods { get; private set; } = [];

        internal Measure[] Measures { get; private set; } = [];

        /// <summary>Gets each measure's number in the read's interner (-1: none; then the full identity is used).</summary>
        internal int[] MeasureNumbers { get; private set; } = [];

        internal decimal?[] Values { get; private set; } = [];

        internal FigureUnit[] Units { get; private set; } = [];

        internal Qualifier[] Qualifiers { get; private set; } = [];

        internal FigureScope[] Scopes { get; private set; } = [];

        internal string?[] Topics { get; private set; } = [];

        internal FigureSource?[] Sources { get; private set; } = [];

        /// <summary>Gets the figure made for a candidate (every one when figures are kept, else only those that are not exact whole counts), or <see langword="null"/>.</summary>
        internal Figure?[] Figures { get; private set; } = [];

        internal int[] Lines { get; private set; } = [];

        /// <summary>Gets, for each candidate, the number of findings stated before its identity is checked.</summary>
        internal int[] FindingsBefore { get; private set; } = [];

        /// <summary>Adds a candidate.</summary>
        internal void Add(Committee committee, ReportingPeriod period, Measure measure, int measureNumber, decimal? value, FigureUnit unit, Qualifier qualifier, FigureScope scope, string? topic, FigureSource? source, Figure? figure, int line)
        {
            int i = Count;
            if (i == Committees.Length)
            {
                Allocate(i * 2);
            }

            Committees[i] = committee;
            Periods[i] = period;
            Measures[i] = measure;
            MeasureNumbers[i] = measureNumber;
            Values[i] = value;
            Units[i] = unit;
            Qualifiers[i] = qualifier;
            Scopes[i] = scope;
            Topics[i] = topic;
            Sources[i] = source;
            Figures[i] = figure;
            Lines[i] = line;
            FindingsBefore[i] = Findings.Count;
            Count = i + 1;
        }

        /// <summary>Empties the rows for another chunk, keeping the arrays (and dropping the figures they held).</summary>
        internal void Clear()
        {
            Array.Clear(Figures, 0, Count);
            Count = 0;
            Rows = 0;
            LastLine = 0;
            LineFeeds = 0;
            InvalidLine = 0;
            InvalidByte = 0;
            Findings.Clear();
        }

        private void Allocate(int capacity)
        {
            Committees = Grown(Committees, capacity);
            Periods = Grown(Periods, capacity);
            Measures = Grown(Measures, capacity);
            MeasureNumbers = Grown(MeasureNumbers, capacity);
            Values = Grown(Values, capacity);
            Units = Grown(Units, capacity);
            Qualifiers = Grown(Qualifiers, capacity);
            Scopes = Grown(Scopes, capacity);
            Topics = Grown(Topics, capacity);
            Sources = Grown(Sources, capacity);
            Figures = Grown(Figures, capacity);
            Lines = Grown(Lines, capacity);
            FindingsBefore = Grown(FindingsBefore, capacity);
        }

        private static TItem[] Grown<TItem>(TItem[] array, int capacity)
        {
            Array.Resize(ref array, capacity);
            return array;
        }
    }
}
