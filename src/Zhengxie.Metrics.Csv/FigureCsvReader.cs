using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// Reads figures from the long CSV format of <see cref="FigureCsvFormat"/> (see <c>docs/csv-format.md</c>),
/// parsed by CsvHelper. Every problem in the file becomes a <see cref="FigureCsvFinding"/> naming its line
/// and column; reading never stops at the first one. Thread-safe (stateless).
/// </summary>
public static class FigureCsvReader
{
    /// <summary>Reads figures from text.</summary>
    /// <param name="reader">The CSV text; a leading byte-order mark is ignored. Not closed.</param>
    /// <param name="progress">Told the number of data rows read so far, every 1,000 rows and at the end; may be <see langword="null"/>.</param>
    /// <returns>The figures of the valid rows and every finding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The text cannot be read.</exception>
    public static FigureCsvResult Read(TextReader reader, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new Session(reader, progress).Run();
    }

    /// <summary>Reads figures from a stream of UTF-8 text (a byte-order mark is allowed).</summary>
    /// <param name="stream">The stream. Not closed.</param>
    /// <param name="progress">Told the number of data rows read so far; may be <see langword="null"/>.</param>
    /// <returns>The figures of the valid rows and every finding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static FigureCsvResult Read(Stream stream, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Read(reader, progress);
    }

    /// <summary>Reads figures from a UTF-8 CSV file (a byte-order mark is allowed).</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="progress">Told the number of data rows read so far; may be <see langword="null"/>.</param>
    /// <returns>The figures of the valid rows and every finding.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it is missing).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static FigureCsvResult ReadFile(string path, IProgress<int>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        return Read(stream, progress);
    }

    /// <summary>One read of one file.</summary>
    private sealed class Session
    {
        private readonly TextReader reader;
        private readonly IProgress<int>? progress;
        private readonly List<Figure> figures = [];
        private readonly List<FigureCsvFinding> findings = [];
        private readonly Dictionary<(Committee, ReportingPeriod, Measure, FigureScope, string?), (Figure Figure, int Line)> seen = [];
        private int currentLine;
        private int headerLength;
        private bool rowHasBadData;

        internal Session(TextReader reader, IProgress<int>? progress)
        {
            this.reader = reader;
            this.progress = progress;
        }

        internal FigureCsvResult Run()
        {
            var config = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                HasHeaderRecord = false,
                IgnoreBlankLines = false,
                Mode = CsvMode.RFC4180,
                TrimOptions = TrimOptions.None,
                DetectColumnCountChanges = false,
                BadDataFound = OnBadData,
            };

            using var parser = new CsvParser(reader, config, leaveOpen: true);
            int[]? map = null;
            int rows = 0;
            int previousEnd = 0;
            while (parser.Read())
            {
                currentLine = previousEnd + 1;
                previousEnd = parser.RawRow;
                string[] record = parser.Record ?? [];
                bool badData = rowHasBadData;
                rowHasBadData = false;
                if (record.Length == 1 && record[0].Length == 0)
                {
                    continue; // a blank line
                }

                if (map is null)
                {
                    map = ReadHeader(record);
                    if (map is null)
                    {
                        break;
                    }

                    continue;
                }

                rows++;
                if (!badData)
                {
                    ReadRow(record, map);
                }

                if (rows % 1000 == 0)
                {
                    progress?.Report(rows);
                }
            }

            if (map is null && findings.Count == 0)
            {
                findings.Add(new FigureCsvFinding(0, null, FigureCsvFindingSeverity.Error, "The file is empty: it needs the header " + string.Join(",", FigureCsvFormat.RequiredColumns) + "."));
            }

            progress?.Report(rows);
            findings.Sort((a, b) => a.Line.CompareTo(b.Line));
            return new FigureCsvResult(figures.AsReadOnly(), findings.AsReadOnly(), rows);
        }

        private void OnBadData(BadDataFoundArgs args)
        {
            rowHasBadData = true;
            int line = args.Context.Parser?.RawRow ?? currentLine;
            findings.Add(new FigureCsvFinding(
                line,
                null,
                FigureCsvFindingSeverity.Error,
                "malformed CSV near \"" + Shorten(args.Field) + "\": a quote inside a field must be doubled, and a quoted field must be closed before the next separator (RFC 4180)."));
        }

        /// <summary>Maps each known column to its index in the record; <see langword="null"/> when a required column is missing.</summary>
        private int[]? ReadHeader(string[] header)
        {
            var columns = new List<string>(FigureCsvFormat.RequiredColumns) { FigureCsvFormat.TopicColumn };
            headerLength = header.Length;
            int[] map = new int[columns.Count];
            Array.Fill(map, -1);
            for (int i = 0; i < header.Length; i++)
            {
                string name = i == 0 ? header[i].TrimStart('\uFEFF').Trim() : header[i].Trim();
                int known = columns.IndexOf(name);
                if (known < 0)
                {
                    findings.Add(new FigureCsvFinding(currentLine, name, FigureCsvFindingSeverity.Warning, $"unknown column '{name}' is ignored."));
                }
                else if (map[known] >= 0)
                {
                    findings.Add(new FigureCsvFinding(currentLine, name, FigureCsvFindingSeverity.Error, $"column '{name}' appears twice in the header."));
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
                findings.Add(new FigureCsvFinding(
                    currentLine,
                    null,
                    FigureCsvFindingSeverity.Error,
                    $"the header lacks the column(s) {string.Join(", ", missing)}; expected {string.Join(",", FigureCsvFormat.RequiredColumns)} (topic optional). No row can be read."));
                return null;
            }

            return map;
        }

        private void ReadRow(string[] record, int[] map)
        {
            if (record.Length != headerLength)
            {
                Error(null, string.Create(CultureInfo.InvariantCulture, $"the row has {record.Length} fields; the header has {headerLength}.{(record.Length > headerLength ? " Quote a field that contains a comma, and write numbers without thousands separators." : string.Empty)}"));
                return;
            }

            bool ok = true;
            string Field(int k) => record[map[k]].Trim();

            // committee
            string committeeText = Field(0);
            Committee committee = default;
            if (!TryParseCommittee(committeeText, out committee, out string? committeeProblem))
            {
                ok = Error(FigureCsvFormat.CommitteeColumn, committeeProblem);
            }

            // period
            string periodText = Field(1);
            if (!ReportingPeriod.TryParse(periodText, out var period))
            {
                ok = Error(FigureCsvFormat.PeriodColumn, periodText.Length == 0
                    ? "the period is empty; write a year (2020), a session (4.4@2020) or 11.1+@2022 for 'since a session'."
                    : $"'{periodText}' is not a period; write a year (2020), a session (4.4@2020) or 11.1+@2022 for 'since a session'.");
            }

            // measure
            string measureText = Field(2);
            if (!Measure.TryParse(measureText, out var measure))
            {
                ok = Error(FigureCsvFormat.MeasureColumn, measureText.Length == 0
                    ? "the measure is empty; write an identifier such as proposals.filed."
                    : $"'{measureText}' is not a measure identifier; use dot-separated lower-case segments such as proposals.filed.");
            }

            // qualifier (before value: 'all' has no value)
            string qualifierText = Field(5);
            bool qualifierOk = QualifierText.TryParse(qualifierText, out var qualifier);
            if (!qualifierOk)
            {
                ok = Error(FigureCsvFormat.QualifierColumn, $"'{qualifierText}' is not a qualifier; use exact, more_than, at_least, nearly, about, all or percent_reported.");
            }

            // value
            string valueText = Field(3);
            decimal? value = null;
            if (valueText.Length == 0)
            {
                if (qualifierOk && qualifier != Qualifier.All)
                {
                    ok = Error(FigureCsvFormat.ValueColumn, $"the value is empty; only a figure qualified 'all' has no value (this one is '{qualifierText}').");
                }
            }
            else if (!decimal.TryParse(valueText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal parsed))
            {
                ok = Error(FigureCsvFormat.ValueColumn, $"'{valueText}' is not a number; write digits with an optional decimal point, without separators or units (1234.5).");
            }
            else if (parsed < 0)
            {
                ok = Error(FigureCsvFormat.ValueColumn, $"the value {valueText} is negative; counts and rates are never negative.");
            }
            else if (qualifierOk && qualifier == Qualifier.All)
            {
                ok = Error(FigureCsvFormat.ValueColumn, $"a figure qualified 'all' has no value of its own (it equals its denominator); leave the value empty instead of '{valueText}'.");
            }
            else
            {
                value = parsed;
                if (qualifierOk && qualifier == Qualifier.PercentReported && parsed > 100m)
                {
                    ok = Error(FigureCsvFormat.ValueColumn, $"the stated rate {valueText}% is above 100%.");
                }
            }

            // unit
            string unitText = Field(4);
            FigureUnit unit = default;
            if (unitText.Length == 0)
            {
                ok = Error(FigureCsvFormat.UnitColumn, "the unit is empty; write it as printed (件, 次, 万元, % ...).");
            }
            else if (unitText == "万")
            {
                ok = Error(FigureCsvFormat.UnitColumn, "'万' alone is a scale, not a unit; write 万元, 万字, ...");
            }
            else
            {
                unit = new FigureUnit(unitText);
                if (qualifierOk && (qualifier == Qualifier.PercentReported) != unit.IsPercent)
                {
                    ok = Error(FigureCsvFormat.UnitColumn, qualifier == Qualifier.PercentReported
                        ? $"a stated rate (percent_reported) is in %, not '{unitText}'."
                        : $"the unit % belongs to stated rates (qualifier percent_reported), not to '{qualifierText}'.");
                }
            }

            if (qualifierOk && measure != default && measure.IsRate != (qualifier == Qualifier.PercentReported))
            {
                ok = Error(FigureCsvFormat.MeasureColumn, measure.IsRate
                    ? $"the rate measure {measure} must be qualified percent_reported, not '{qualifierText}'."
                    : $"only a rate measure (rate.*) can be qualified percent_reported; {measure} is a count.");
            }

            // scope
            string scopeText = Field(6);
            if (!QualifierText.TryParseScope(scopeText, out var scope))
            {
                ok = Error(FigureCsvFormat.ScopeColumn, $"'{scopeText}' is not a scope; use committee or region_total.");
            }

            string source = record[map[7]];
            string? topic = map[8] >= 0 ? record[map[8]].Trim() : null;
            if (!ok)
            {
                return;
            }

            Figure figure;
            try
            {
                figure = new Figure(
                    committee,
                    period,
                    measure,
                    value,
                    unit,
                    qualifier,
                    scope,
                    string.IsNullOrEmpty(topic) ? null : topic,
                    string.IsNullOrWhiteSpace(source) ? null : new FigureSource(null, source.Trim()));
            }
            catch (ArgumentException e)
            {
                Error(null, e.Message);
                return;
            }

            try
            {
                _ = figure.Bounds; // a value that makes no bounds (1.5件 exact, 0 qualified 'more_than') is an error here
            }
            catch (ZhengxieMetricsException e)
            {
                Error(FigureCsvFormat.ValueColumn, e.Message);
                return;
            }
            catch (ArgumentException)
            {
                Error(FigureCsvFormat.ValueColumn, $"{valueText} qualified '{qualifierText}' stands for no whole number of {unit.BaseSymbol} (「近5件」 would have to lie strictly between 4 and 5).");
                return;
            }

            var key = (figure.Committee, figure.Period, figure.Measure, figure.Scope, figure.Topic);
            if (seen.TryGetValue(key, out var earlier))
            {
                if (earlier.Figure.Equals(figure))
                {
                    Warning(null, string.Create(CultureInfo.InvariantCulture, $"the same figure as line {earlier.Line} ({figure}); it is loaded once."));
                    return;
                }

                Error(null, string.Create(CultureInfo.InvariantCulture, $"committee {figure.Committee}, period {figure.Period}, measure {figure.Measure}: {figure.FormatAsReported()} contradicts {earlier.Figure.FormatAsReported()} on line {earlier.Line} (same committee, period, measure, scope and topic)."));
                return;
            }

            seen.Add(key, (figure, currentLine));
            figures.Add(figure);
        }

        private static bool TryParseCommittee(string text, out Committee committee, out string problem)
        {
            committee = default;
            problem = string.Empty;
            if (text.Length == 0)
            {
                problem = "the committee is empty; write its six-digit region code (520112).";
                return false;
            }

            int slash = text.IndexOf('/', StringComparison.Ordinal);
            string codeText = slash < 0 ? text : text[..slash];
            if (!RegionCode.TryParse(codeText, out var code))
            {
                problem = $"'{codeText}' is not a six-digit region code (such as 520112).";
                return false;
            }

            if (slash < 0)
            {
                committee = new Committee(code);
                return true;
            }

            AdministrativeLevel? level = text[(slash + 1)..] switch
            {
                "province" => AdministrativeLevel.Province,
                "prefecture" => AdministrativeLevel.Prefecture,
                "county" => AdministrativeLevel.County,
                _ => null,
            };
            if (level is null)
            {
                problem = $"'{text[(slash + 1)..]}' is not a level; write code/province, code/prefecture or code/county.";
                return false;
            }

            committee = new Committee(code, level.Value);
            return true;
        }

        private bool Error(string? column, string message)
        {
            findings.Add(new FigureCsvFinding(currentLine, column, FigureCsvFindingSeverity.Error, message));
            return false;
        }

        private void Warning(string? column, string message) =>
            findings.Add(new FigureCsvFinding(currentLine, column, FigureCsvFindingSeverity.Warning, message));

        private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
    }
}
