using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// Writes figures in the long CSV format of <see cref="FigureCsvFormat"/> (see <c>docs/csv-format.md</c>):
/// RFC 4180 (CRLF line ends, fields quoted only when needed), UTF-8, culture-invariant numbers, and an
/// optional byte-order mark so that Excel opens the Chinese text correctly. What it writes,
/// <see cref="FigureCsvReader"/> reads back to equal figures. Thread-safe (stateless).
/// </summary>
public static class FigureCsvWriter
{
    /// <summary>Writes figures as CSV text, with the header; the <c>topic</c> column is written when any figure has a topic.</summary>
    /// <param name="figures">The figures, written in this order.</param>
    /// <param name="writer">The destination. Not closed; flushed.</param>
    /// <exception cref="ArgumentNullException">An argument or a figure is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The text cannot be written.</exception>
    public static void Write(IEnumerable<Figure> figures, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(writer);
        var list = figures.ToList();
        bool withTopic = list.Exists(f => f is not null && f.Topic is not null);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\r\n",
            Mode = CsvMode.RFC4180,
        };

        using (var csv = new CsvWriter(writer, config, leaveOpen: true))
        {
            foreach (string column in FigureCsvFormat.RequiredColumns)
            {
                csv.WriteField(column);
            }

            if (withTopic)
            {
                csv.WriteField(FigureCsvFormat.TopicColumn);
            }

            csv.NextRecord();
            foreach (var figure in list)
            {
                if (figure is null)
                {
                    throw new ArgumentNullException(nameof(figures), "A figure is null.");
                }

                csv.WriteField(figure.Committee.ToString());
                csv.WriteField(figure.Period.ToString());
                csv.WriteField(figure.Measure.Id);
                csv.WriteField(figure.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
                csv.WriteField(figure.Unit.Symbol);
                csv.WriteField(QualifierText.ToWord(figure.Qualifier));
                csv.WriteField(QualifierText.ToWord(figure.Scope));
                csv.WriteField(figure.Source?.Quote ?? figure.Source?.Document ?? string.Empty);
                if (withTopic)
                {
                    csv.WriteField(figure.Topic ?? string.Empty);
                }

                csv.NextRecord();
            }
        }

        writer.Flush();
    }

    /// <summary>Writes figures as UTF-8 CSV to a stream.</summary>
    /// <param name="figures">The figures, written in this order.</param>
    /// <param name="stream">The destination. Not closed.</param>
    /// <param name="includeBom">Whether to begin with a UTF-8 byte-order mark (for Excel).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public static void Write(IEnumerable<Figure> figures, Stream stream, bool includeBom = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(includeBom), 65536, leaveOpen: true);
        Write(figures, writer);
    }

    /// <summary>Writes figures to a UTF-8 CSV file, replacing it if it exists.</summary>
    /// <param name="figures">The figures, written in this order.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="includeBom">Whether to begin with a UTF-8 byte-order mark (for Excel).</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static void WriteFile(IEnumerable<Figure> figures, string path, bool includeBom = false)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Write(figures, stream, includeBom);
    }
}
