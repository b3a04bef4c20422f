using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using NodaTime;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Serialization;

/// <summary>CsCheck generators of every public data type, for the JSON round-trip properties.</summary>
internal static class JsonGenerators
{
    private static readonly IReadOnlyList<Region> Regions = RegionTable.Default.Regions;

    private static readonly string[] Units = ["件", "次", "场次", "场", "篇", "条", "个", "人次", "家次", "万元", "万字", "元", "名", "批次"];

    private static readonly string[] KnownCounts =
    [
        "proposals.received", "proposals.filed", "proposals.not_filed", "proposals.merged", "proposals.cases",
        "proposals.replied", "proposals.replied_on_time", "proposals.concluded", "proposals.outcome_a",
        "proposals.outcome_b", "proposals.outcome_c", "proposals.satisfied", "activity.consultation.counterpart",
        "opinion_info.adopted.province", "output.suggestions",
    ];

    /// <summary>Text with the characters JSON must escape, Chinese, and a surrogate pair.</summary>
    public static readonly Gen<string> Text =
        Gen.OneOf(
            Gen.Char["\"\\/\b\f\n\r\t <>&'abcXYZ019提案收到立案办复率“”「」%万"].Array[1, 12].Select(cs => new string(cs)),
            Gen.OneOf("组织基层协商议事会100余场次", "𠀀 surrogate", "tab\tand\nnewline", "\u0001control"))
        .Where(s => !string.IsNullOrWhiteSpace(s));

    public static readonly Gen<string?> OptionalText = Gen.Frequency((1, Gen.Const((string?)null)), (3, Text.Select(s => (string?)s)));

    public static readonly Gen<RegionCode> Code = Gen.Int[0, Regions.Count - 1].Select(i => Regions[i].Code);

    /// <summary>Committees of the default table at their own level, and sometimes at another (<c>331100/county</c>).</summary>
    public static readonly Gen<Committee> Committee =
        Gen.Select(Gen.Int[0, Regions.Count - 1], Gen.Int[0, 9], Gen.OneOf(AdministrativeLevel.Province, AdministrativeLevel.Prefecture, AdministrativeLevel.County))
            .Select((i, k, level) => k == 0 ? new Committee(Regions[i].Code, level) : Regions[i].Committee);

    public static readonly Gen<ReportingPeriod> Period = Gen.OneOf(
        Gen.Int[1949, 2200].Select(ReportingPeriod.CalendarYear),
        Gen.Select(Gen.Int[1, 99], Gen.Int[1, 99], Gen.Int[1949, 2200]).Select(ReportingPeriod.ForSession),
        Gen.Select(Gen.Int[1, 99], Gen.Int[1, 99], Gen.Int[1949, 2200]).Select(ReportingPeriod.SinceSession));

    private static readonly Gen<string> Segment =
        Gen.Select(Gen.Char['a', 'z'], Gen.Char["abcxyz019_"].Array[0, 8]).Select((first, rest) => first + new string(rest));

    public static readonly Gen<Measure> CountMeasure = Gen.OneOf(
        Gen.OneOf(KnownCounts).Select(s => new Measure(s)),
        Segment.Array[1, 4].Select(parts => string.Join(".", parts)).Where(s => !s.StartsWith("rate.", StringComparison.Ordinal)).Select(s => new Measure(s)));

    public static readonly Gen<Measure> RateMeasure = Gen.OneOf(
        Gen.OneOf("rate.acceptance", "rate.reply", "rate.satisfaction", "rate.adoption_including_planned").Select(s => new Measure(s)),
        Segment.Array[1, 3].Select(parts => new Measure("rate." + string.Join(".", parts))));

    /// <summary>Decimals with 0 to 6 digits after the point, trailing zeros kept (78.50 stays 78.50).</summary>
    public static readonly Gen<decimal> Printed =
        Gen.Select(Gen.Long[0, 999_999_999_999], Gen.Int[0, 6], Gen.Int[0, 19])
            .Select((n, scale, sign) => new decimal((int)(n & 0xFFFFFFFF), (int)(n >> 32), 0, sign == 0, (byte)scale));

    public static readonly Gen<LocalDate> Date = Gen.Int[0, 3_652_058].Select(d => new LocalDate(1, 1, 1).PlusDays(d));

    public static readonly Gen<NodaTime.Period> NodaPeriod = Gen.OneOf(
        Gen.Int[0, 24].Select(NodaTime.Period.FromMonths),
        Gen.Select(Gen.Int[-5, 5], Gen.Int[-24, 24], Gen.Int[-8, 8], Gen.Int[-90, 90], Gen.Int[-48, 48], Gen.Int[0, 120], Gen.Int[0, 59], Gen.Long[0, 999])
            .Select((y, m, w, d, h, min, s, ms) => new PeriodBuilder { Years = y, Months = m, Weeks = w, Days = d, Hours = h, Minutes = min, Seconds = s, Milliseconds = ms }.Build()));

    public static readonly Gen<FigureSource?> Source = Gen.Frequency(
        (1, Gen.Const((FigureSource?)null)),
        (3, Gen.Select(OptionalText, OptionalText, Date.Nullable()).Select((doc, quote, date) => (FigureSource?)new FigureSource(doc, quote, date))));

    public static readonly Gen<Figure> Figure =
        Gen.Select(Committee, Period, Gen.OneOf(Enum.GetValues<Qualifier>()), Printed, Gen.OneOf(Units), Gen.OneOf(FigureScope.Committee, FigureScope.RegionTotal))
            .SelectMany((c, p, q, v, u, scope) =>
                Gen.Select(q == Qualifier.PercentReported ? RateMeasure : CountMeasure, OptionalText, Source)
                    .Select((m, topic, source) => new Metrics.Figure(
                        c,
                        p,
                        m,
                        q == Qualifier.All ? null : v,
                        q == Qualifier.PercentReported ? FigureUnit.Percent : new FigureUnit(u),
                        q,
                        scope,
                        topic,
                        source)));

    public static readonly Gen<Bounds> Bounds = Gen.OneOf(
        Gen.Long.Select(Metrics.Bounds.Exactly),
        Gen.Select(Gen.Long[long.MinValue, long.MaxValue - 1], Gen.Long[0, long.MaxValue]).Select((lo, w) => Metrics.Bounds.Between(lo, lo + Math.Min(w, long.MaxValue - lo))),
        Gen.Long.Select(Metrics.Bounds.AtLeast));

    public static readonly Gen<Bounds> Count = Gen.OneOf(
        Gen.Long[0, long.MaxValue].Select(Metrics.Bounds.Exactly),
        Gen.Select(Gen.Long[0, 1_000_000], Gen.Long[0, 1_000]).Select((lo, w) => Metrics.Bounds.Between(lo, lo + w)),
        Gen.Long[0, 1_000_000].Select(Metrics.Bounds.AtLeast));

    public static readonly Gen<Rate> Rate = Gen.OneOf(
        Gen.Long[0, long.MaxValue].SelectMany(d => Gen.Long[0, d].Select(n => Metrics.Rate.Of(n, d))),
        Gen.Select(Count, Count).Where((n, d) => !d.HasUpperBound || n.Lower <= d.Upper!.Value).Select((n, d) => Metrics.Rate.FromBounds(n, d)));

    public static readonly Gen<ProposalStatistics> Statistics =
        Gen.Select(Committee, Period, Gen.Select(CountMeasure, Count).Array[0, 12], Gen.Select(RateMeasure, Printed).Array[0, 3])
            .Select((c, p, counts, rates) => ProposalStatistics.Restore(
                c,
                p,
                counts.DistinctBy(x => x.Item1).Select(x => new KeyValuePair<Measure, Metrics.Bounds>(x.Item1, x.Item2)),
                rates.DistinctBy(x => x.Item1).Select(x => new KeyValuePair<Measure, decimal>(x.Item1, x.Item2))));

    public static readonly Gen<MeasureDefinition> MeasureDefinition =
        Gen.Select(Gen.Bool, CountMeasure, RateMeasure, Text, Text, CountMeasure.Nullable(), Gen.OneOf(Units).Null())
            .Select((isRate, count, rate, zh, en, parent, unit) => new Metrics.MeasureDefinition(
                isRate ? rate : count,
                zh,
                en,
                parent == (isRate ? rate : count) ? null : parent,
                unit is null ? null : isRate ? FigureUnit.Percent : new FigureUnit(unit)));

    public static readonly Gen<RateDefinition> RateDefinition =
        Gen.Select(RateMeasure, CountMeasure.Array[1, 4], CountMeasure)
            .Select((m, num, den) => new Metrics.RateDefinition(m, num.Distinct(), den));

    public static readonly Gen<RateOptions> RateOptions =
        Gen.Select(Gen.OneOf(Enum.GetValues<DownstreamBase>()), Gen.OneOf(Enum.GetValues<SatisfactionCounting>()), Gen.OneOf(Enum.GetValues<SatisfactionBase>()))
            .Select((d, c, b) => new Metrics.RateOptions { DownstreamBase = d, SatisfactionCounting = c, SatisfactionBase = b });

    public static readonly Gen<Region> Region = Gen.Int[0, Regions.Count - 1].Select(i => Regions[i]);

    public static readonly Gen<ValidationFinding> Finding =
        Gen.Select(Gen.OneOf(Enum.GetValues<ValidationRule>()), Text, Committee.Nullable(), Period.Nullable(), CountMeasure.Nullable(), OptionalText)
            .Select((rule, message, c, p, m, record) => new ValidationFinding(rule, message, c, p, m, record));
}
