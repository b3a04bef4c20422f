using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using nietras.SeparatedValues;

namespace Zhengxie.Metrics.Csv;

/// <content>One data row: its fields parsed and checked, and the figure made where it is needed; its identity is looked up by the session, in file order.</content>
public static partial class FigureCsvReader
{
    private sealed partial class RowParser
    {
        private void ReadRow(SepReader.Row record, int[] map)
        {
            int fieldCount = record.ColCount;

            // Quotes first: a misplaced or unclosed quote makes the row unreadable (RFC 4180). One search over the
            // whole row tells whether any field needs looking at.
            rowHasQuote = record.Span.IndexOf('"') >= 0;
            for (int i = 0; rowHasQuote && i < fieldCount; i++)
            {
                var raw = record[i].Span;
                if (raw.IndexOf('"') < 0)
                {
                    continue;
                }

                Unquote(raw, out bool quoted, out bool malformed);
                if (!malformed)
                {
                    continue;
                }

                bool unclosed = quoted && CountQuotes(raw) % 2 == 1;
                Error(null, unclosed
                    ? "a quoted field opened on this line is never closed: the rest of the file would be inside it. Close the quote (RFC 4180)."
                    : "malformed CSV near \"" + Shorten(raw) + "\": a quote inside a field must be doubled, and a quoted field must be closed before the next separator (RFC 4180).");
                return;
            }

            if (fieldCount != HeaderLength)
            {
                Error(null, string.Create(CultureInfo.InvariantCulture, $"the row has {fieldCount} fields; the header has {HeaderLength}.{(fieldCount > HeaderLength ? " Quote a field that contains a comma, and write numbers without thousands separators." : string.Empty)}"));
                return;
            }

            bool ok = true;

            // committee
            // Rows of one committee come together: its text is compared with the last one's before it is parsed.
            var committeeText = Field(record, map[0]);
            Committee committee;
            if (committeeText.Length > 0 && committeeText.SequenceEqual(lastCommitteeText.AsSpan(0, lastCommitteeLength)))
            {
                committee = lastCommittee;
            }
            else if (TryParseCommittee(committeeText, out committee, out string? committeeProblem))
            {
                if (committeeText.Length <= lastCommitteeText.Length)
                {
                    committeeText.CopyTo(lastCommitteeText);
                    lastCommitteeLength = committeeText.Length;
                    lastCommittee = committee;
                }
            }
            else
            {
                ok = Error(FigureCsvFormat.CommitteeColumn, committeeProblem);
            }

            // period
            var periodText = Field(record, map[1]);
            ReportingPeriod period;
            if (periodText.SequenceEqual(lastPeriodText) && lastPeriodText.Length > 0)
            {
                period = lastPeriod;
            }
            else if (ReportingPeriod.TryParse(periodText, out period) && periodText.Length > 0)
            {
                lastPeriodText = periodText.ToString();
                lastPeriod = period;
            }
            else
            {
                ok = Error(FigureCsvFormat.PeriodColumn, periodText.Length == 0
                    ? "the period is empty; write a year (2020), a session (4.4@2020) or 11.1+@2022 for 'since a session'."
                    : $"'{Shorten(periodText)}' is not a period; write a year (2020), a session (4.4@2020) or 11.1+@2022 for 'since a session'.");
            }

            // measure
            var measureText = Field(record, map[2]);
            Measure measure = default;
            int measureNumber = -1;
            if (measureText.Length > 0 && measureText.Length <= 128)
            {
                ref readonly var entry = ref measures.Get(measureText, MakeMeasure);
                measure = entry.Value;
                measureNumber = entry.Number;
            }

            if (measure.IsDefault)
            {
                ok = Error(FigureCsvFormat.MeasureColumn, measureText.Length == 0
                    ? "the measure is empty; write an identifier such as proposals.filed."
                    : $"'{Shorten(measureText)}' is not a measure identifier; use dot-separated lower-case segments such as proposals.filed.");
            }

            // The fields after the value (unit, qualifier, scope, source, topic) are mostly the same text row after row
            // ("件,exact,committee,"): when they are exactly the last good row's, what was read from them is taken again.
            var tail = Tail(record);
            bool sameTail = tail.Length > 0 && tail.SequenceEqual(lastTail.AsSpan(0, lastTailLength));

            // qualifier (before value: 'all' has no value)
            string qualifierText;
            bool qualifierOk;
            Qualifier qualifier;
            if (sameTail)
            {
                (qualifierText, qualifierOk, qualifier) = (tailRead.QualifierText, true, tailRead.Qualifier);
            }
            else
            {
                var qualifierSpan = Field(record, map[5]);
                qualifierText = qualifierSpan.Length <= MaxShown ? words.Get(qualifierSpan, NoValue).Text : Shorten(qualifierSpan);
                qualifierOk = QualifierText.TryParse(qualifierText, out qualifier);
                if (!qualifierOk)
                {
                    ok = Error(FigureCsvFormat.QualifierColumn, $"'{qualifierText}' is not a qualifier; use exact, more_than, at_least, nearly, about, all or percent_reported.");
                }
            }

            var qualifierAsWritten = qualifier;

            // value: digits, optionally a decimal point and more digits; no sign, no exponent, no separators.
            var valueText = Field(record, map[3]);
            decimal? value = null;
            bool wholeLong = false; // the value is whole digits that fit a long
            if (valueText.Length == 0)
            {
                if (qualifierOk && qualifier != Qualifier.All)
                {
                    ok = Error(FigureCsvFormat.ValueColumn, $"the value is empty; only a figure qualified 'all' may have no value (this one is '{qualifierText}').");
                }
            }
            else if (valueText[0] == '-' && IsPlainNumber(valueText[1..]))
            {
                ok = Error(FigureCsvFormat.ValueColumn, IsZero(valueText[1..])
                    ? $"the value {Shorten(valueText)} has a sign; write {Shorten(valueText[1..])} (digits without a sign)."
                    : $"the value {Shorten(valueText)} is negative; counts and rates are never negative.");
            }
            else if (valueText[0] == '+' && IsPlainNumber(valueText[1..]))
            {
                ok = Error(FigureCsvFormat.ValueColumn, $"the value {Shorten(valueText)} has a sign; write {Shorten(valueText[1..])} (digits without a sign).");
            }
            else if (!IsPlainNumber(valueText))
            {
                ok = Error(FigureCsvFormat.ValueColumn, $"'{Shorten(valueText)}' is not a number; write digits with an optional decimal point and digits after it, without sign, separators or units (1234.5).");
            }
            else if (valueText.Length <= 18 && valueText.IndexOf('.') < 0)
            {
                // Whole digits that fit a long (the usual count): no general decimal parse.
                long whole = 0;
                foreach (char c in valueText)
                {
                    whole = (whole * 10) + (c - '0');
                }

                value = whole;
                wholeLong = true;
            }
            else if (!decimal.TryParse(valueText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal parsed))
            {
                ok = Error(FigureCsvFormat.ValueColumn, $"the value {Shorten(valueText)} is too large: counts must fit in 64 bits (up to 9223372036854775807 base units).");
            }
            else
            {
                // A figure qualified 'all' may carry the count the report states with it (「145件提案全部办复」 → 145).
                value = parsed;
            }

            // unit: its text is checked when the read first meets it (MakeUnit refuses it: default); a refused one is looked
            // at again only for its message.
            FigureUnit unit;
            if (sameTail)
            {
                unit = tailRead.Unit;
            }
            else
            {
                var unitText = Field(record, map[4]);
                unit = unitText.Length > 0 ? units.Get(unitText, MakeUnit).Value : default;
                if (unit.Symbol.Length == 0)
                {
                    ok = Error(FigureCsvFormat.UnitColumn, unitText.Length == 0 ? "the unit is empty; write it as printed (件, 次, 万元, % ...)."
                        : unitText.SequenceEqual("万") || unitText.SequenceEqual("亿") ? "'万' or '亿' alone is a scale, not a unit; write 万元, 亿元, 万字, ..."
                        : FigureUnit.DigitMessage(Shorten(unitText)));
                }
            }

            // The rules of a figure (docs/csv-format.md): a rate or share (rate.*, share.*) is in % and qualified
            // percent_reported, at_least, more_than, nearly or about, at most 100 %; a count is never in %.
            if (qualifierOk && !measure.IsDefault && !unit.Equals(default(FigureUnit)))
            {
                ok &= CheckFigureRules(measure, unit, ref qualifier, qualifierText, value, valueText);
            }

            // scope
            FigureScope scope;
            if (sameTail)
            {
                scope = tailRead.Scope;
            }
            else
            {
                var scopeSpan = Field(record, map[6]);
                string scopeText = scopeSpan.Length <= MaxShown ? words.Get(scopeSpan, NoValue).Text : Shorten(scopeSpan);
                if (!QualifierText.TryParseScope(scopeText, out scope))
                {
                    ok = Error(FigureCsvFormat.ScopeColumn, $"'{scopeText}' is not a scope; use committee or region_total.");
                }
            }

            if (!ok)
            {
                return;
            }

            FigureSource? source;
            string? topic;
            if (sameTail)
            {
                (source, topic) = (tailRead.Source, tailRead.Topic);
            }
            else
            {
                // Sources repeat (a document's name, "synthetic"): one FigureSource per distinct text.
                var sourceText = Field(record, map[7]);
                source = sourceText.IsEmpty ? null : sources.Get(sourceText, MakeSource).Value;

                // topic: a quoted topic is kept as written (surrounding spaces included), an unquoted one trimmed.
                topic = null;
                if (map[8] >= 0)
                {
                    var topicText = Unquote(record[map[8]].Span, out bool topicQuoted, out _);
                    if (!topicText.IsWhiteSpace())
                    {
                        topic = words.Get(topicQuoted ? topicText : topicText.Trim(), NoValue).Text;
                    }
                }

                // Every field of the tail was read without a finding: remembered for the rows that repeat it.
                if (tail.Length > 0 && tail.Length <= MaxTail)
                {
                    tail.CopyTo(lastTail);
                    lastTailLength = tail.Length;
                    tailRead = new TailFields(unit, qualifierAsWritten, qualifierText, scope, source, topic);
                }
            }

            // An exact whole count in a unit of scale 1 always makes a figure with bounds (the checks above are the
            // constructor's); anything else is made and its bounds checked here, so its error names this line.
            bool plain = qualifier == Qualifier.Exact && (wholeLong || (value is { } v && decimal.IsInteger(v) && v <= long.MaxValue)) && unit.Scale == 1;
            Figure? figure = null;
            if (!plain || everyFigure)
            {
                figure = MakeFigure(committee, period, measure, value, unit, qualifier, scope, topic, source, plain, valueText, qualifierText);
                if (figure is null)
                {
                    return;
                }
            }

            output.Add(committee, period, measure, measureNumber, value, unit, qualifier, scope, topic, source, figure, currentLine);
        }

        /// <summary>
        /// The first column of the fields after the value (unit, qualifier, scope, source, topic), when the header puts them
        /// all after committee, period, measure and value (as the format writes them); else -1.
        /// </summary>
        private static int TailColumnOf(int[] map)
        {
            int first = int.MaxValue;
            for (int k = 4; k < map.Length; k++)
            {
                first = map[k] >= 0 ? Math.Min(first, map[k]) : first;
            }

            return Math.Max(Math.Max(map[0], map[1]), Math.Max(map[2], map[3])) < first ? first : -1;
        }

        /// <summary>The row's text from its first field after the value to its end; empty when the header's order has no such tail or the row has a quote (every field is then read on its own).</summary>
        private ReadOnlySpan<char> Tail(SepReader.Row record)
        {
            if (tailColumn < 0 || rowHasQuote)
            {
                return default;
            }

            var text = record.Span;
            return text.Overlaps(record[tailColumn].Span, out int offset) ? text[offset..] : default;
        }

        /// <summary>Makes the row's figure; <see langword="null"/> (and an error on the row) when it makes none or its value has no bounds.</summary>
        private Figure? MakeFigure(Committee committee, ReportingPeriod period, Measure measure, decimal? value, FigureUnit unit, Qualifier qualifier, FigureScope scope, string? topic, FigureSource? source, bool plain, ReadOnlySpan<char> valueText, string qualifierText)
        {
            Figure figure;
            try
            {
                figure = new Figure(committee, period, measure, value, unit, qualifier, scope, topic, source);
            }
            catch (ArgumentException e)
            {
                Error(null, e.Message);
                return null;
            }

            if (plain)
            {
                return figure;
            }

            try
            {
                _ = figure.Bounds; // a value that makes no bounds (1.5件 exact, 0 qualified 'more_than') is an error here
                return figure;
            }
            catch (ZhengxieMetricsException e)
            {
                Error(FigureCsvFormat.ValueColumn, e.Message);
            }
            catch (OverflowException)
            {
                Error(FigureCsvFormat.ValueColumn, $"the value {Shorten(valueText)} {unit.Symbol} is too large: it does not fit a 64-bit count of {unit.BaseSymbol} (up to 9223372036854775807).");
            }
            catch (ArgumentException)
            {
                Error(FigureCsvFormat.ValueColumn, $"{Shorten(valueText)} qualified '{qualifierText}' stands for no whole number of {unit.BaseSymbol} (「近5件」 would have to lie strictly between 4 and 5).");
            }

            return null;
        }

        /// <summary>The rules that tie measure, unit, qualifier and value together; each broken one is an error on the row.</summary>
        private bool CheckFigureRules(Measure measure, FigureUnit unit, ref Qualifier qualifier, string qualifierText, decimal? value, ReadOnlySpan<char> valueText)
        {
            if (measure.IsRate != unit.IsPercent)
            {
                return Error(FigureCsvFormat.UnitColumn, measure.IsRate
                    ? $"a rate or share ({measure}) is stated in %, not '{unit}'."
                    : $"the unit % belongs to rates and shares (rate.*, share.*), not to the count {measure}.");
            }

            if (!measure.IsRate)
            {
                return qualifier != Qualifier.PercentReported
                    || Error(FigureCsvFormat.QualifierColumn, $"only a rate or share (rate.*, share.*) can be qualified percent_reported; {measure} is a count.");
            }

            if (qualifier == Qualifier.Exact)
            {
                // A printed percentage marked 'exact' is read as the stated rate it is (rounded to its digits).
                Warning(FigureCsvFormat.QualifierColumn, $"the rate {measure} is qualified 'exact'; a printed percentage is read as percent_reported.");
                qualifier = Qualifier.PercentReported;
            }

            if (qualifier == Qualifier.All)
            {
                return Error(FigureCsvFormat.QualifierColumn, $"the rate {measure} cannot be qualified 'all'; write 「均为100%」 as 100, percent_reported.");
            }

            return value is not > 100m
                || Error(FigureCsvFormat.ValueColumn, $"the stated rate {Shorten(valueText)}% ({qualifierText}) is above 100%.");
        }
    }
}
