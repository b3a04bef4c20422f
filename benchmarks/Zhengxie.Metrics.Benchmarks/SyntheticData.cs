using System;
using System.Collections.Generic;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Benchmarks;

/// <summary>
/// A deterministic synthetic dataset on the real region table: every committee (31 provinces, 333
/// prefectures, 2,844 counties) × <c>years</c> years × 26 measures (12 proposal counts and 14 activity
/// kinds), about 5% of cells missing, counts consistent with DOMAIN.md's chain (filed ≤ received,
/// not_filed = received − filed, replied ≤ filed, replied_on_time ≤ replied, concluded ≤ filed,
/// A + B + C ≤ replied, feedback ≤ filed, satisfied + basically satisfied ≤ feedback), and about 1% of
/// activity cells qualified 「N余」 (more_than).
/// </summary>
internal static class SyntheticData
{
    internal const double MissingShare = 0.05;

    internal static readonly Measure[] ProposalMeasures =
    [
        Measures.Proposals.Received, Measures.Proposals.Filed, Measures.Proposals.NotFiled, Measures.Proposals.Replied,
        Measures.Proposals.RepliedOnTime, Measures.Proposals.Concluded, Measures.Proposals.OutcomeA, Measures.Proposals.OutcomeB,
        Measures.Proposals.OutcomeC, Measures.Proposals.Satisfied, Measures.Proposals.BasicallySatisfied, Measures.Proposals.Feedback,
    ];

    internal static readonly Measure[] ActivityMeasures =
    [
        new("activity.consultation"), new("activity.consultation.special_topic"), new("activity.consultation.counterpart"),
        new("activity.consultation.sector"), new("activity.consultation.proposal_handling"), new("activity.consultation.invite_to_consult"),
        new("activity.consultation.grassroots"), new("activity.consultation.online"), new("activity.supervision"),
        new("activity.inspection"), new("activity.research"), new("activity.study"), new("activity.reading"), new("activity.publicity"),
    ];

    /// <summary>Generates the figures for <paramref name="years"/> calendar years ending in 2024.</summary>
    internal static List<Figure> Generate(int years, int seed = 20240101)
    {
        var table = RegionTable.Default;
        var random = new Random(seed);
        var figures = new List<Figure>(table.Count * years * 26);
        var piece = FigureUnit.Piece;
        var times = FigureUnit.Times;
        Span<long> p = stackalloc long[12];
        foreach (var region in table.Regions)
        {
            var committee = region.Committee;
            int scale = region.Level switch
            {
                AdministrativeLevel.Province => 4,
                AdministrativeLevel.Prefecture => 2,
                _ => 1,
            };
            for (int y = 2025 - years; y <= 2024; y++)
            {
                var period = ReportingPeriod.CalendarYear(y);
                long received = scale * random.Next(80, 400);
                long filed = received - random.Next(0, (int)(received / 5) + 1);
                long replied = filed - random.Next(0, 3);
                long onTime = replied - random.Next(0, 5 + 1);
                if (onTime < 0)
                {
                    onTime = 0;
                }

                long concluded = filed - random.Next(0, 4);
                long a = random.NextInt64(0, (replied / 2) + 1);
                long b = random.NextInt64(0, replied - a + 1);
                long c = random.NextInt64(0, replied - a - b + 1);
                long feedback = filed - random.Next(0, (int)(filed / 10) + 1);
                long satisfied = random.NextInt64(feedback / 2, feedback + 1);
                long basically = random.NextInt64(0, feedback - satisfied + 1);
                p[0] = received;
                p[1] = filed;
                p[2] = received - filed;
                p[3] = replied;
                p[4] = onTime;
                p[5] = concluded;
                p[6] = a;
                p[7] = b;
                p[8] = c;
                p[9] = satisfied;
                p[10] = basically;
                p[11] = feedback;
                for (int m = 0; m < ProposalMeasures.Length; m++)
                {
                    if (random.NextDouble() >= MissingShare)
                    {
                        figures.Add(new Figure(committee, period, ProposalMeasures[m], p[m], piece));
                    }
                }

                foreach (var measure in ActivityMeasures)
                {
                    if (random.NextDouble() < MissingShare)
                    {
                        continue;
                    }

                    if (random.NextDouble() < 0.01)
                    {
                        figures.Add(new Figure(committee, period, measure, 10 * random.Next(1, 20), times, Qualifier.MoreThan));
                    }
                    else
                    {
                        figures.Add(new Figure(committee, period, measure, scale * random.Next(0, 120), times));
                    }
                }
            }
        }

        return figures;
    }
}
