using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using nietras.SeparatedValues;

namespace Zhengxie.Metrics.Csv;

/// <content>The session: one read of one file. Takes the parsers' rows in file order: findings, duplicates, the kept figures.</content>
public static partial class FigureCsvReader
{
    /// <summary>Makes Sep's reader as the reader uses it: no header (the reader maps it), any field count, quotes left in the fields.</summary>
    private static SepReader NewSepReader(TextReader text) =>
        Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = false }).From(text);

    /// <summary>One read of one file: everything that depends on the rows before (duplicates, the kept figures, the findings' order) is done here, in file order.</summary>
    private sealed partial class Session
    {
        private readonly IProgress<int>? progress;
        private readonly long expectedBytes;
        private readonly List<Figure> figures = [];
        private readonly KeptColumns.Target? target;
        private readonly KeptColumns? kept;
        private readonly List<int> figureLines = [];
        private readonly List<FigureCsvFinding> findings = [];
        private readonly IdentityTable seen = new();
        private readonly Dictionary<(Committee, ReportingPeriod, Measure, FigureScope, string?), int> seenWithTopic = [];
        private readonly Dictionary<ReportingPeriod, int> periodNumbers = [];
        private ReportingPeriod slotPeriod;
        private int slotPeriodNumber = -1;
        private int rows;
        private bool sized;

        internal Session(IProgress<int>? progress, long expectedBytes, KeptColumns.Target? target)
        {
            this.progress = progress;
            this.expectedBytes = expectedBytes;
            this.target = target;
            kept = target is null ? null : new KeptColumns(target);
        }

        /// <summary>Drops what the read gave its builder (the read failed).</summary>
        internal void Abort() => kept?.Clear();

        /// <summary>Reads the text on this thread, row by row (in batches of <see cref="SampleRows"/> rows taken in order).</summary>
        internal FigureCsvResult Run(TextReader text, Utf8CheckingStream? utf8, FigureCsvEncoding? encoding)
        {
            var parser = new RowParser(kept is null, null) { Sampling = expectedBytes > 0 };
            var batch = new ParsedRows();
            int lastLine = 0;
            bool decodingFailed = false;
            try
            {
                using var reader = NewSepReader(text);
                foreach (var row in reader)
                {
                    lastLine = row.LineNumberToExcl - 1;
                    if (!parser.Parse(row, batch))
                    {
                        break;
                    }

                    if (batch.Rows >= SampleRows)
                    {
                        Take(parser, batch);
                    }
                }
            }
            catch (DecoderFallbackException e)
            {
                Take(parser, batch);
                decodingFailed = true;
                findings.Add(new FigureCsvFinding(
                    lastLine + 1,
                    null,
                    FigureCsvFindingSeverity.Error,
                    string.Create(CultureInfo.InvariantCulture, $"the file is not valid {Name(encoding)} after line {lastLine} (bytes {Hex(e.BytesUnknown)}); save it as UTF-8, or name its encoding. Nothing is loaded.")));
            }
            catch (Gb18030DecodingException e)
            {
                // The line with the bad byte was cut short there: what the parser said of it is moot.
                Take(parser, batch);
                decodingFailed = true;
                findings.RemoveAll(f => f.Line >= e.Line);
                findings.Add(new FigureCsvFinding(
                    e.Line,
                    null,
                    FigureCsvFindingSeverity.Error,
                    string.Create(CultureInfo.InvariantCulture, $"the file is not valid GB18030 (bytes {Hex(e.BytesUnknown)} on this line); save it as UTF-8, or name its encoding. Nothing is loaded.")));
            }

            Take(parser, batch);
            if (utf8 is { InvalidLine: > 0 })
            {
                decodingFailed = true;
                NotUtf8(utf8.InvalidLine, utf8.InvalidByte);
            }

            return Finish(decodingFailed, parser.Map);
        }

        /// <summary>The file stops being UTF-8 on <paramref name="line"/>: that line was cut short there, so what the parser said of it and after is moot.</summary>
        private void NotUtf8(int line, byte invalid)
        {
            findings.RemoveAll(f => f.Line >= line);
            findings.Add(new FigureCsvFinding(
                line,
                null,
                FigureCsvFindingSeverity.Error,
                string.Create(CultureInfo.InvariantCulture, $"the file is not valid UTF-8 (byte 0x{invalid:X2} on this line); it may be GB18030/GBK, as Excel saves CSV in China: read it as GB18030 (CLI: --encoding gb18030) or save it as UTF-8. Nothing is loaded.")));
        }

        /// <summary>Takes a batch of the single-threaded read (after sizing the tables once the first rows are measured) and empties it.</summary>
        private void Take(RowParser parser, ParsedRows batch)
        {
            if (!sized && parser.SampleCount >= SampleRows)
            {
                sized = true;
                SizeTables(parser.SampleBytes / parser.SampleCount);
            }

            Merge(batch, 0);
            batch.Clear();
        }

        /// <summary>The result: nothing kept when the file did not decode; the findings by line; the kept rows handed over once the reader's tables are released.</summary>
        private FigureCsvResult Finish(bool decodingFailed, int[]? map)
        {
            if (decodingFailed)
            {
                figures.Clear();
                kept?.Clear();
            }
            else if (map is null && findings.Count == 0)
            {
                findings.Add(new FigureCsvFinding(0, null, FigureCsvFindingSeverity.Error, "The file is empty: it needs the header " + string.Join(",", FigureCsvFormat.RequiredColumns) + "."));
            }

            progress?.Report(rows);
            // By line, stably (List.Sort is not): a row's findings keep the order its checks made them in (committee before unit).
            var byLine = findings.OrderBy(f => f.Line).ToArray();
            findings.Clear();
            findings.AddRange(byLine);
            if (kept is null)
            {
                return new FigureCsvResult(figures.AsReadOnly(), findings.AsReadOnly(), rows, figures.Count);
            }

            // The duplicate look-up is done with: released before the rows are handed over (a handler is told the reader's
            // memory is free by then; a builder's read gives the table's arrays back to the pools for the next read).
            seen.Release(reuse: target!.Handler is null);
            seenWithTopic.Clear();
            seenWithTopic.TrimExcess();
            figureLines.Clear();
            figureLines.TrimExcess();
            var result = new FigureCsvResult(Array.Empty<Figure>(), findings.AsReadOnly(), rows, kept.Count);
            kept.HandTo(target!, result);
            return result;
        }

        /// <summary>
        /// Takes parsed rows in file order: their findings in the order stated, each candidate's identity looked up among the
        /// figures before it (a duplicate is a finding on its line, after the row's own), the others kept.
        /// </summary>
        /// <param name="parsed">The rows.</param>
        /// <param name="lineOffset">The lines of the file before the rows' first line.</param>
        private void Merge(ParsedRows parsed, int lineOffset)
        {
            var raw = parsed.Findings;
            int f = 0;
            int run = 0; // the first candidate not yet kept: kept candidates are copied in runs, up to each duplicate
            for (int j = 0; j < parsed.Count; j++)
            {
                int slot = (kept is null ? figures.Count : kept.Count) + (j - run);
                int earlier = SlotOf(parsed.Committees[j], parsed.Periods[j], parsed.Measures[j], parsed.MeasureNumbers[j], parsed.Scopes[j], parsed.Topics[j], slot);
                if (earlier < 0)
                {
                    continue;
                }

                Keep(parsed, run, j, lineOffset);
                run = j + 1;
                for (int end = parsed.FindingsBefore[j]; f < end; f++)
                {
                    Add(raw[f], lineOffset);
                }

                var figure = parsed.Figures[j] ?? new Figure(parsed.Committees[j], parsed.Periods[j], parsed.Measures[j], parsed.Values[j], parsed.Units[j], parsed.Qualifiers[j], parsed.Scopes[j], parsed.Topics[j], parsed.Sources[j]);
                ReportDuplicate(kept is null ? figures[earlier] : kept.FigureAt(earlier), figureLines[earlier], figure, parsed.Lines[j] + lineOffset);
            }

            Keep(parsed, run, parsed.Count, lineOffset);
            for (; f < raw.Count; f++)
            {
                Add(raw[f], lineOffset);
            }

            int before = rows;
            rows += parsed.Rows;
            if (progress is not null)
            {
                for (int r = ((before / 1000) + 1) * 1000; r <= rows; r += 1000)
                {
                    progress.Report(r);
                }
            }
        }

        /// <summary>Keeps the candidates <paramref name="from"/> to <paramref name="to"/> (excluded), none of them a duplicate, with their lines.</summary>
        private void Keep(ParsedRows parsed, int from, int to, int lineOffset)
        {
            if (to <= from)
            {
                return;
            }

            if (kept is null)
            {
                for (int j = from; j < to; j++)
                {
                    figures.Add(parsed.Figures[j]!);
                }
            }
            else
            {
                kept.AddRange(parsed, from, to - from);
            }

            for (int j = from; j < to; j++)
            {
                figureLines.Add(parsed.Lines[j] + lineOffset);
            }
        }

        private void Add(RawFinding finding, int lineOffset) =>
            findings.Add(new FigureCsvFinding(finding.Line + lineOffset, finding.Column, finding.Severity, finding.Message));

        /// <summary>
        /// Sizes the figure list, the line list and the identity table for the rows the rest of the stream holds at
        /// <paramref name="bytesPerRow"/>, so they never grow by copying (at most one row per 32 bytes).
        /// </summary>
        private void SizeTables(long bytesPerRow)
        {
            long estimate = Math.Min(expectedBytes / Math.Max(32, bytesPerRow), 1 << 26) + 1024;
            if (kept is not null)
            {
                kept.Resize((int)estimate);
                figureLines.Capacity = Math.Max(figureLines.Count, (int)estimate);
                seen.EnsureCapacity((int)estimate);
            }
            else if (estimate > figures.Capacity)
            {
                figures.Capacity = (int)estimate;
                figureLines.Capacity = Math.Max(figureLines.Count, (int)estimate);
                seen.EnsureCapacity((int)estimate);
            }
        }

        /// <summary>A row whose identity an earlier row has: the same figure is a warning (loaded once), a different one an error.</summary>
        private void ReportDuplicate(Figure earlier, int earlierLine, Figure figure, int line)
        {
            if (earlier.Equals(figure))
            {
                findings.Add(new FigureCsvFinding(line, null, FigureCsvFindingSeverity.Warning, string.Create(CultureInfo.InvariantCulture, $"the same figure as line {earlierLine} ({figure}); it is loaded once.")));
                return;
            }

            findings.Add(new FigureCsvFinding(line, null, FigureCsvFindingSeverity.Error, string.Create(CultureInfo.InvariantCulture, $"committee {figure.Committee}, period {figure.Period}, measure {figure.Measure}: {figure.FormatAsReported()} contradicts {earlier.FormatAsReported()} on line {earlierLine} (same committee, period, measure, scope and topic).")));
        }

        /// <summary>
        /// The slot of the first figure with this identity, or -1 after remembering <paramref name="slot"/> for it: a packed
        /// long for a topic-less figure whose measure has a number, the full key otherwise.
        /// </summary>
        private int SlotOf(Committee committee, ReportingPeriod period, Measure measure, int measureNumber, FigureScope scope, string? topic, int slot)
        {
            if (topic is null && measureNumber is >= 0 and < (1 << 21))
            {
                if (slotPeriodNumber < 0 || period != slotPeriod)
                {
                    ref int p = ref CollectionsMarshal.GetValueRefOrAddDefault(periodNumbers, period, out bool known);
                    if (!known)
                    {
                        p = periodNumbers.Count - 1;
                    }

                    slotPeriod = period;
                    slotPeriodNumber = p;
                }

                if (slotPeriodNumber < (1 << 20))
                {
                    long key = ((long)committee.GetHashCode() << 42) | ((long)slotPeriodNumber << 22) | ((long)measureNumber << 1) | (long)scope;
                    return seen.GetOrAdd(key, slot);
                }
            }

            ref int existing = ref CollectionsMarshal.GetValueRefOrAddDefault(seenWithTopic, (committee, period, measure, scope, topic), out bool exists);
            if (exists)
            {
                return existing;
            }

            existing = slot;
            return -1;
        }

        private static string Name(FigureCsvEncoding? encoding) => encoding == FigureCsvEncoding.Gb18030 ? "GB18030" : "UTF-8";

        private static string Hex(byte[]? bytes) => bytes is null ? "?" : Convert.ToHexString(bytes);
    }
}
