using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using CsvHelper.Configuration;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Rendering;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// Writes result tables as CSV: RFC 4180 (CRLF line ends, fields quoted only when needed), UTF-8 text,
/// culture-invariant numbers, and an optional byte-order mark so that Excel opens the Chinese text
/// correctly. Two forms:
/// <list type="bullet">
/// <item><see cref="Write(IndicatorTable, TextWriter, TableRenderOptions?, bool)"/>, the <b>machine form</b>
/// of an aggregation: only numbers, one column per number (see the method).</item>
/// <item><see cref="Write(ReportTable, TextWriter, bool)"/>, the <b>display form</b> of any
/// <see cref="ReportTable"/>: each column's text as shown, keyed by the column's stable key, with the numbers
/// behind rates and coverage in extra columns.</item>
/// </list>
/// A missing value is an empty field, never 0. Thread-safe (stateless).
/// </summary>
public static class IndicatorTableCsvWriter
{
    private const char ByteOrderMark = '\uFEFF';

    /// <summary>
    /// Writes an aggregation in machine form. Columns: <c>group_code</c> (empty for the nation and custom
    /// groups), <c>group_name</c>, <c>period</c> (the bucket's label), <c>committees</c> (the group's size);
    /// then per count measure <c>{id}.sum</c> (the exact sum, empty when it has bounds only),
    /// <c>{id}.lower</c>, <c>{id}.upper</c> (empty when unbounded) and <c>{id}.contributors</c>; then per rate
    /// <c>{id}.numerator</c> and <c>{id}.denominator</c> (a whole number, or <c>lower..upper</c> when
    /// qualified), <c>{id}.percent</c> (to <see cref="TableRenderOptions.Decimals"/> under
    /// <see cref="TableRenderOptions.PercentRounding"/>, without the % sign; <c>lower..upper</c> for a
    /// bounded rate) and <c>{id}.contributors</c>. Measure and rate identifiers are as in the data
    /// (<c>proposals.filed</c>, <c>rate.reply</c>).
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="writer">The destination. Not closed; flushed.</param>
    /// <param name="options">Which measures, rates and rows (<see cref="TableRenderOptions.Measures"/>, <see cref="TableRenderOptions.Rates"/>,
    /// <see cref="TableRenderOptions.OmitEmptyRows"/>) and the decimals of percentages; headers are the stable keys whatever the header language.</param>
    /// <param name="includeBom">Whether to begin with U+FEFF, which a UTF-8 writer encodes as the byte-order mark Excel looks for.</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The text cannot be written.</exception>
    public static void Write(IndicatorTable table, TextWriter writer, TableRenderOptions? options = null, bool includeBom = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= TableRenderOptions.Default;
        var measures = options.Measures is null
            ? table.MeasureColumns.ToList()
            : options.Measures.Select(m => table.TryGetColumn(m, out var c) ? c : null).OfType<MeasureColumn>().ToList();
        var rates = options.Rates is null
            ? table.RateColumns.ToList()
            : options.Rates.Select(r => table.TryGetRateColumn(r, out var c) ? c : null).OfType<RateColumn>().ToList();

        if (includeBom)
        {
            writer.Write(ByteOrderMark);
        }

        using (var csv = new CsvWriter(writer, Configuration(), leaveOpen: true))
        {
            foreach (string name in new[] { "group_code", "group_name", "period", "committees" })
            {
                csv.WriteField(name);
            }

            foreach (var m in measures)
            {
                foreach (string part in new[] { "sum", "lower", "upper", "contributors" })
                {
                    csv.WriteField(m.Measure.Id + "." + part);
                }
            }

            foreach (var r in rates)
            {
                foreach (string part in new[] { "numerator", "denominator", "percent", "contributors" })
                {
                    csv.WriteField(r.Definition.Measure.Id + "." + part);
                }
            }

            csv.NextRecord();
            for (int i = 0; i < table.RowCount; i++)
            {
                if (options.OmitEmptyRows && measures.TrueForAll(m => !table.GetValue(i, m).HasValue) && rates.TrueForAll(r => !table.GetRate(i, r).HasValue))
                {
                    continue;
                }

                var row = table.GetRow(i);
                csv.WriteField(row.Group.Code?.ToString() ?? string.Empty);
                csv.WriteField(row.Group.Name);
                csv.WriteField(row.Period.Label);
                csv.WriteField(Whole(row.GroupSize));
                foreach (var m in measures)
                {
                    var value = table.GetValue(i, m);
                    if (value.Sum is { } sum)
                    {
                        csv.WriteField(sum.IsExact ? Whole(sum.Lower) : string.Empty);
                        csv.WriteField(Whole(sum.Lower));
                        csv.WriteField(sum.Upper is { } upper ? Whole(upper) : string.Empty);
                    }
                    else
                    {
                        csv.WriteField(string.Empty);
                        csv.WriteField(string.Empty);
                        csv.WriteField(string.Empty);
                    }

                    csv.WriteField(Whole(value.Contributors));
                }

                foreach (var r in rates)
                {
                    var pooled = table.GetRate(i, r);
                    if (pooled.Rate is { } rate)
                    {
                        csv.WriteField(rate.Numerator.ToString());
                        csv.WriteField(rate.Denominator.ToString());
                        csv.WriteField(Percent(rate, options));
                    }
                    else
                    {
                        csv.WriteField(string.Empty);
                        csv.WriteField(string.Empty);
                        csv.WriteField(string.Empty);
                    }

                    csv.WriteField(Whole(pooled.Contributors));
                }

                csv.NextRecord();
            }

            csv.Flush();
        }

        writer.Flush();
    }

    /// <summary>
    /// Writes any <see cref="ReportTable"/> in display form. The header row holds the columns' stable keys
    /// (<c>committee</c>, <c>proposals.filed</c>, <c>rate.reply</c>); each field is the cell's text as shown
    /// (<c>98.9% (176/178)</c>, <c>100余</c>, <c>221 (全部)</c>; empty when missing). After each rate column come
    /// <c>{key}.numerator</c> and <c>{key}.denominator</c> (whole numbers, or <c>lower..upper</c>); after each
    /// column with aggregated cells comes <c>{key}.contributors</c>. Notes are not written.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="writer">The destination. Not closed; flushed.</param>
    /// <param name="includeBom">Whether to begin with U+FEFF (the byte-order mark, once UTF-8 encoded).</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The text cannot be written.</exception>
    public static void Write(ReportTable table, TextWriter writer, bool includeBom = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        var columns = table.Columns;
        var withContributors = columns.Select((_, c) => table.Rows.Any(r => r[c].Contributors is not null)).ToArray();
        if (includeBom)
        {
            writer.Write(ByteOrderMark);
        }

        using (var csv = new CsvWriter(writer, Configuration(), leaveOpen: true))
        {
            for (int c = 0; c < columns.Count; c++)
            {
                csv.WriteField(columns[c].Key);
                if (columns[c].Kind == ReportColumnKind.Rate)
                {
                    csv.WriteField(columns[c].Key + ".numerator");
                    csv.WriteField(columns[c].Key + ".denominator");
                }

                if (withContributors[c])
                {
                    csv.WriteField(columns[c].Key + ".contributors");
                }
            }

            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                for (int c = 0; c < columns.Count; c++)
                {
                    var cell = row[c];
                    csv.WriteField(cell.Text);
                    if (columns[c].Kind == ReportColumnKind.Rate)
                    {
                        csv.WriteField(cell.Rate?.Numerator.ToString() ?? string.Empty);
                        csv.WriteField(cell.Rate?.Denominator.ToString() ?? string.Empty);
                    }

                    if (withContributors[c])
                    {
                        csv.WriteField(cell.Contributors is { } n ? Whole(n) : string.Empty);
                    }
                }

                csv.NextRecord();
            }

            csv.Flush();
        }

        writer.Flush();
    }

    private static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        Mode = CsvMode.RFC4180,
    };

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(Rate rate, TableRenderOptions options) =>
        rate.HasValue || rate.LowerBound is not null
            ? rate.FormatPercent(options.Decimals, options.PercentRounding).Replace("%", string.Empty, StringComparison.Ordinal)
            : string.Empty;
}
