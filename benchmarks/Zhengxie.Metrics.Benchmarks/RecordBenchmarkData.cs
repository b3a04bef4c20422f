using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Benchmarks;

/// <summary>
/// Deterministic synthetic proposal records (seeded <see cref="Random"/>): about 333 per committee-year,
/// ten years per committee, so 10 million records are 3,000 committees × 10 years = 30,000 committee-years.
/// With ZHENGXIE_BENCH_DRY set, 10,000 records (30 committees).
/// </summary>
internal static class RecordBenchmarkData
{
    internal const int Seed = 20_260_401;

    internal static int RecordCount =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ZHENGXIE_BENCH_DRY")) ? 10_000_000 : 10_000;

    internal static List<ProposalRecord> Generate(int count)
    {
        const int years = 10;
        int committees = Math.Max(1, count / (333 * years));
        var random = new Random(Seed);
        var committeeList = new Committee[committees];
        for (int c = 0; c < committees; c++)
        {
            // Codes 110101, 110102, … spread over provinces 11..65 and prefectures 01..; all six-digit, county-shaped.
            int province = 11 + (c / 900 % 55);
            int prefecture = 1 + (c / 30 % 30);
            int county = 1 + (c % 30);
            committeeList[c] = new Committee(new RegionCode((province * 10_000) + (prefecture * 100) + county));
        }

        var periods = new ReportingPeriod[years];
        for (int y = 0; y < years; y++)
        {
            periods[y] = ReportingPeriod.CalendarYear(2015 + y);
        }

        var units = new string[200];
        for (int u = 0; u < units.Length; u++)
        {
            units[u] = "承办单位" + u.ToString(CultureInfo.InvariantCulture);
        }

        var records = new List<ProposalRecord>(count);
        for (int i = 0; i < count; i++)
        {
            var committee = committeeList[random.Next(committees)];
            int y = random.Next(years);
            var period = periods[y];
            var submitted = new LocalDate(2015 + y, 1, 1).PlusDays(random.Next(60));
            var id = string.Create(CultureInfo.InvariantCulture, $"{committee.Region}-{2015 + y}-{i}");
            var kind = Pick(random.Next(100), 60, 85) switch { 0 => ProposerKind.Individual, 1 => ProposerKind.Joint, _ => ProposerKind.Group };
            bool key = random.Next(100) < 3;
            int d = random.Next(100);
            ProposalRecord record;
            if (d < 80)
            {
                var filed = submitted.PlusDays(random.Next(20));
                LocalDate? handover = random.Next(100) < 90 ? filed.PlusDays(random.Next(15)) : null;
                string? lead = handover is null ? null : units[random.Next(units.Length)];
                string[] co = lead is null || random.Next(100) < 60 ? [] : PickCoUnits(random, units, lead);
                LocalDate? replied = handover is { } h && random.Next(100) < 85 ? h.PlusDays(10 + random.Next(190)) : null;
                AnswerClass? answer = replied is null ? null : Pick(random.Next(100), 50, 85) switch { 0 => AnswerClass.SolvedOrAdopted, 1 => AnswerClass.BeingSolvedOrPlanned, _ => AnswerClass.ForReference };
                var feedback = replied is null || random.Next(100) >= 80 ? Feedback.None : Pick(random.Next(100), 70, 90, 95) switch
                {
                    0 => Feedback.Satisfied,
                    1 => Feedback.BasicallySatisfied,
                    2 => Feedback.Dissatisfied,
                    _ => Feedback.Understanding,
                };
                LocalDate? extended = handover is { } hh && random.Next(100) < 5 ? hh.PlusDays(90 + random.Next(120)) : null;
                record = new ProposalRecord(id, committee, period, submitted)
                {
                    ProposerKind = kind,
                    IsKey = key,
                    Decision = FilingDecision.Filed,
                    FiledOn = filed,
                    HandedOverOn = handover,
                    LeadUnit = lead,
                    CoUnits = co,
                    RepliedOn = replied,
                    Answer = answer,
                    Feedback = feedback,
                    ExtendedUntil = extended,
                };
            }
            else if (d < 88)
            {
                record = new ProposalRecord(id, committee, period, submitted) { ProposerKind = kind, IsKey = key, Decision = FilingDecision.NotFiled };
            }
            else if (d < 95 && i > 0)
            {
                // Merged into an earlier proposal; half of them were filed first.
                var target = records[random.Next(i)].Id;
                record = new ProposalRecord(id, committee, period, submitted)
                {
                    ProposerKind = kind,
                    IsKey = key,
                    Decision = FilingDecision.Merged,
                    MergedInto = target,
                    FiledOn = random.Next(2) == 0 ? submitted.PlusDays(random.Next(20)) : null,
                };
            }
            else
            {
                record = new ProposalRecord(id, committee, period, submitted) { ProposerKind = kind, IsKey = key };
            }

            records.Add(record);
        }

        return records;
    }

    private static int Pick(int roll, params int[] thresholds)
    {
        int k = 0;
        while (k < thresholds.Length && roll >= thresholds[k])
        {
            k++;
        }

        return k;
    }

    private static string[] PickCoUnits(Random random, string[] units, string lead)
    {
        var first = units[random.Next(units.Length)];
        if (first == lead)
        {
            return [];
        }

        var second = units[random.Next(units.Length)];
        return second == lead || second == first || random.Next(2) == 0 ? [first] : [first, second];
    }
}
