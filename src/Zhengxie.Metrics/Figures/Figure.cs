using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>
/// One figure as a report states it: who (committee), when (period), what (measure, in a unit), how
/// much (value and qualifier), whose work (scope), on what occasion (optional topic), and where it
/// was read (source). 乌当's 「组织基层协商议事会100余场次」 is <c>activity.consultation.grassroots</c>
/// = 100, <see cref="Qualifier.MoreThan"/>, 场次, whose <see cref="Bounds"/> are 101..199.
/// </summary>
/// <remarks>
/// <para>Equality compares every field but the source. Immutable and thread-safe.</para>
/// <para>A figure qualified <see cref="Qualifier.All"/> (「全部办复」) equals the denominator it refers to;
/// its value is the count the report states with it (「145件提案全部办复」 → 145), or <see langword="null"/>
/// when the report states none. Only such a figure may have no value. A rate or share (<c>rate.*</c>,
/// <c>share.*</c>) is in unit <c>%</c> and its value is the printed percentage, qualified
/// <see cref="Qualifier.PercentReported"/> or, for 「99%以上」「近90%」「约60%」, <see cref="Qualifier.AtLeast"/>,
/// <see cref="Qualifier.MoreThan"/>, <see cref="Qualifier.Nearly"/> or <see cref="Qualifier.About"/>.</para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
[Rendering.TypeFormatterSource(typeof(Rendering.NotebookFormatterSource))]
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed class Figure : IEquatable<Figure>
{
    /// <summary>Creates a figure; see the properties for what each argument means.</summary>
    /// <param name="committee">The committee whose report states it.</param>
    /// <param name="period">The period it belongs to.</param>
    /// <param name="measure">What it counts.</param>
    /// <param name="value">The number as printed, in <paramref name="unit"/>; <see langword="null"/> only with <see cref="Qualifier.All"/> when the report states no count.</param>
    /// <param name="unit">The unit as printed.</param>
    /// <param name="qualifier">How exactly the number is stated.</param>
    /// <param name="scope">Whose work it counts.</param>
    /// <param name="topic">The occasion or subject, for one of several figures of a measure in a report; else <see langword="null"/>.</param>
    /// <param name="source">Provenance, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The arguments do not make a figure (see the message).</exception>
    public Figure(
        Committee committee,
        ReportingPeriod period,
        Measure measure,
        decimal? value,
        FigureUnit unit,
        Qualifier qualifier = Qualifier.Exact,
        FigureScope scope = FigureScope.Committee,
        string? topic = null,
        FigureSource? source = null)
    {
        Preconditions.CheckArgument(!committee.IsDefault, nameof(committee), "A figure needs a committee.");
        Preconditions.CheckArgument(!period.IsDefault, nameof(period), "A figure needs a period.");
        Preconditions.CheckArgument(!measure.IsDefault, nameof(measure), "A figure needs a measure.");
        Preconditions.CheckArgument(!string.IsNullOrEmpty(unit.Symbol), nameof(unit), "A figure needs a unit.");
        Preconditions.CheckArgument(qualifier is >= Qualifier.Exact and <= Qualifier.PercentReported, nameof(qualifier), "Unknown qualifier.");
        Preconditions.CheckArgument(scope is FigureScope.Committee or FigureScope.RegionTotal, nameof(scope), "Unknown scope.");
        Preconditions.CheckArgument(
            value is not null || qualifier == Qualifier.All,
            nameof(value),
            "Only a figure qualified 'all' may have no value (「全部办复」 without a count).");
        Preconditions.CheckArgument(!measure.IsRate || unit.IsPercent, nameof(unit), $"A rate or share ({measure}) is stated in %.");
        Preconditions.CheckArgument(measure.IsRate || !unit.IsPercent, nameof(unit), $"Only a rate or share (rate.*, share.*) is stated in %, not {measure}.");
        Preconditions.CheckArgument(
            !measure.IsRate || qualifier is Qualifier.PercentReported or Qualifier.AtLeast or Qualifier.MoreThan or Qualifier.Nearly or Qualifier.About,
            nameof(qualifier),
            $"A rate or share ({measure}) is stated as percent_reported, or qualified at_least, more_than, nearly or about (「99%以上」); counts go in their own measures.");
        Preconditions.CheckArgument(
            measure.IsRate || qualifier is not Qualifier.PercentReported,
            nameof(measure),
            $"A stated percentage (percent_reported) belongs to a rate or share measure (rate.*, share.*), not to {measure}.");
        Committee = committee;
        Period = period;
        Measure = measure;
        Value = value;
        Unit = unit;
        Qualifier = qualifier;
        Scope = scope;
        Topic = string.IsNullOrWhiteSpace(topic) ? null : topic;
        Source = source;
    }

    /// <summary>Gets the committee whose report states the figure.</summary>
    public Committee Committee { get; }

    /// <summary>Gets the period the figure belongs to.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets what the figure counts.</summary>
    public Measure Measure { get; }

    /// <summary>Gets the number as printed, in <see cref="Unit"/> (590 for 「590余万元」; 145 for 「145件提案全部办复」); <see langword="null"/> only for <see cref="Qualifier.All"/> without a stated count.</summary>
    public decimal? Value { get; }

    /// <summary>Gets the unit as printed.</summary>
    public FigureUnit Unit { get; }

    /// <summary>Gets how exactly the number is stated.</summary>
    public Qualifier Qualifier { get; }

    /// <summary>Gets whose work the figure counts.</summary>
    public FigureScope Scope { get; }

    /// <summary>Gets the occasion or subject, or <see langword="null"/> for the committee's total of the measure.</summary>
    public string? Topic { get; }

    /// <summary>Gets where the figure was read, or <see langword="null"/>.</summary>
    public FigureSource? Source { get; }

    /// <summary>
    /// Gets the whole quantities in the base unit (元 for 万元) the figure can stand for, as docs/domain.md
    /// defines them per qualifier (a figure qualified <see cref="Qualifier.All"/> with a stated count stands for
    /// exactly that count); <see langword="null"/> for <see cref="Qualifier.All"/> without a count and for rates
    /// and shares (in %), which need a denominator (see <c>ProposalStatistics</c>).
    /// </summary>
    /// <exception cref="ZhengxieMetricsException">
    /// The value is negative, an exact value is not a whole number of base units, or no whole number of base
    /// units fits the qualifier's reading (「2.5余个」「近1次」); the message names committee, period and measure.
    /// </exception>
    /// <exception cref="OverflowException">A bound does not fit in a 64-bit count.</exception>
    public Bounds? Bounds => Value is null || Unit.IsPercent ? null : FigureBounds.Of(this);

    /// <summary>Formats the value as reported, with its qualifier in Chinese and the unit: <c>100余场次</c>, <c>近330万元</c>, <c>78.5%</c>, <c>99%以上</c>, <c>全部</c>, <c>145件全部</c>.</summary>
    /// <param name="includeUnit">Whether to append the unit.</param>
    /// <returns>The text, culture-invariant.</returns>
    public string FormatAsReported(bool includeUnit = true)
    {
        var (before, between, after) = Affixes(Qualifier, Unit.IsPercent);
        string unit = UnitText(Unit, Qualifier, Value is not null, includeUnit);
        return Value is { } v
            ? string.Create(CultureInfo.InvariantCulture, $"{before}{v}{between}{unit}{after}")
            : string.Concat(before, between, unit, after);
    }

    /// <summary>Appends a figure's value, unit and qualifier as <see cref="FormatAsReported"/> writes them, from their parts (no figure made).</summary>
    internal static void AppendAsReported(StringBuilder text, decimal? value, FigureUnit unit, Qualifier qualifier)
    {
        var (before, between, after) = Affixes(qualifier, unit.IsPercent);
        text.Append(before);
        if (value is { } v)
        {
            text.Append(CultureInfo.InvariantCulture, $"{v}");
        }

        text.Append(between).Append(UnitText(unit, qualifier, value is not null, includeUnit: true)).Append(after);
    }

    /// <summary>What the report writes before the number, between it and the unit, and after the unit (「超过95%」, 「100余件」, 「30次以上」).</summary>
    private static (string Before, string Between, string After) Affixes(Qualifier qualifier, bool percent) => qualifier switch
    {
        Qualifier.MoreThan when percent => ("超过", string.Empty, string.Empty),
        Qualifier.MoreThan => (string.Empty, "余", string.Empty),
        Qualifier.AtLeast => (string.Empty, string.Empty, "以上"),
        Qualifier.Nearly => ("近", string.Empty, string.Empty),
        Qualifier.About => ("约", string.Empty, string.Empty),
        Qualifier.All => (string.Empty, string.Empty, "全部"),
        _ => (string.Empty, string.Empty, string.Empty),
    };

    /// <summary>The unit as written: % for a percentage (and a stated rate), none for 「全部」 without a count, else the symbol when asked for.</summary>
    private static string UnitText(FigureUnit unit, Qualifier qualifier, bool hasValue, bool includeUnit) =>
        qualifier == Qualifier.All && !hasValue ? string.Empty
        : unit.IsPercent || qualifier is not (Qualifier.Exact or Qualifier.MoreThan or Qualifier.AtLeast or Qualifier.Nearly or Qualifier.About or Qualifier.All) ? "%"
        : includeUnit ? unit.Symbol : string.Empty;

    /// <inheritdoc />
    public bool Equals(Figure? other) =>
        other is not null
        && Committee == other.Committee
        && Period == other.Period
        && Measure == other.Measure
        && Value == other.Value
        && Unit == other.Unit
        && Qualifier == other.Qualifier
        && Scope == other.Scope
        && string.Equals(Topic, other.Topic, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Figure);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Committee, Period, Measure, Value, Unit, Qualifier, Scope, Topic);

    /// <summary>Formats as <c>520112 11.1+@2022 proposals.received = 178件</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string head = string.Create(CultureInfo.InvariantCulture, $"{Committee} {Period} {Measure}");
        if (Scope == FigureScope.RegionTotal)
        {
            head += " [region_total]";
        }

        if (Topic is not null)
        {
            head += " [" + Topic + "]";
        }

        return head + " = " + FormatAsReported();
    }
}
