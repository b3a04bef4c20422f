using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using DuckDB.NET.Data;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Oracle;

/// <summary>
/// An independent oracle (issue 10): roll-ups (sums, bounds, coverage, pooled rates) and record statistics
/// compared with the same computation written in DuckDB SQL, on random data with qualified figures, zero
/// denominators, region totals and overflow-sized values. The SQL knows only the region table (code, level,
/// parent) and each committee's cells (one connection, so the samples run on one thread); group membership (ancestors by a recursive query, which committees
/// take part), sums in 128 bits, coverage and pooling are its own.
/// </summary>
public sealed class DuckDbOracleTest : IDisposable
{
    private static readonly Measure Funds = new("poverty.funds_raised");
    private static readonly Measure Consultation = new("activity.consultation");
    private static readonly ReportingPeriod[] Periods = [ReportingPeriod.CalendarYear(2020), ReportingPeriod.CalendarYear(2021), ReportingPeriod.ForSession(4, 4, 2021)];
    private static readonly string[] Qualifiers = ["exact", "exact", "more_than", "about", "nearly", "at_least"];

    /// <summary>Committees of two Zhejiang prefectures, their prefecture and provincial committees, 东莞 and a Guangzhou district.</summary>
    private static readonly Committee[] Committees =
        new[] { 330302, 330303, 330324, 330381, 331102, 331121, 331181, 330300, 331100, 330000, 441900, 440103 }
            .Select(c => RegionTable.Default.GetCommittee(new RegionCode(c))).ToArray();

    private static readonly Committee[] Prefectures = Committees.Where(c => c.Level == AdministrativeLevel.Prefecture && c.Region.Value != 441900).ToArray();

    private readonly DuckDBConnection db;

    public DuckDbOracleTest()
    {
        db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        Execute("CREATE TABLE region(code INTEGER, level VARCHAR, parent INTEGER, leaf BOOLEAN)");
        Execute("CREATE TABLE cell(committee INTEGER, period VARCHAR, measure VARCHAR, lo BIGINT, hi BIGINT)");
        Execute("CREATE TABLE record(committee INTEGER, period VARCHAR, decision VARCHAR, handover DATE, replied DATE, answer INTEGER, feedback INTEGER)");
        var table = RegionTable.Default;
        using var appender = db.CreateAppender("region");
        foreach (var r in table.Regions)
        {
            var row = appender.CreateRow();
            row.AppendValue(r.Code.Value).AppendValue(Level(r.Level));
            if (r.ParentCode is { } p)
            {
                row.AppendValue(p.Value);
            }
            else
            {
                row.AppendNullValue();
            }

            row.AppendValue(table.GetChildren(r.Code).Count == 0).EndRow();
        }
    }

    public void Dispose() => db.Dispose();

    private static string Level(AdministrativeLevel level) => level switch
    {
        AdministrativeLevel.Province => "province",
        AdministrativeLevel.Prefecture => "prefecture",
        _ => "county",
    };

    private void Execute(string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private List<string[]> Query(string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>One committee-period's figures: exact proposal counts along the chain (zero allowed), a funds figure with any qualifier, and a region total.</summary>
    private static readonly Gen<(int Committee, int Period, long Replied, long MoreFiled, long MoreReceived, bool HasReceived, int FundsQualifier, long Funds, long Consult, bool Huge)> GenCell =
        Gen.Select(
            Gen.Select(Gen.Int[0, Committees.Length - 1], Gen.Int[0, Periods.Length - 1], Gen.Long[0, 50], Gen.Long[0, 30], Gen.Long[0, 30]),
            Gen.Select(Gen.Bool, Gen.Int[0, Qualifiers.Length - 1], Gen.Long[0, 9999], Gen.Long[0, 500], Gen.Int[0, 15]))
            .Select((a, b) => (a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, b.Item1, b.Item2, b.Item3, b.Item4, b.Item5 == 0));

    private static List<Figure> ToFigures(IEnumerable<(int Committee, int Period, long Replied, long MoreFiled, long MoreReceived, bool HasReceived, int FundsQualifier, long Funds, long Consult, bool Huge)> cells)
    {
        var figures = new List<Figure>();
        foreach (var x in cells.DistinctBy(x => (x.Committee, x.Period)))
        {
            var c = Committees[x.Committee];
            var p = Periods[x.Period];

            // Overflow-sized: near 2^62 each, so a sum of three overflows a long.
            long scale = x.Huge ? 3_000_000_000_000_000_000 / 81 : 1;
            long replied = x.Replied * scale, filed = (x.Replied + x.MoreFiled) * scale;
            figures.Add(new Figure(c, p, Measures.Proposals.Replied, replied, FigureUnit.Piece));
            figures.Add(new Figure(c, p, Measures.Proposals.Filed, filed, FigureUnit.Piece));
            if (x.HasReceived)
            {
                figures.Add(new Figure(c, p, Measures.Proposals.Received, filed + (x.MoreReceived * scale), FigureUnit.Piece));
            }

            var q = QualifierText.Parse(Qualifiers[x.FundsQualifier]);
            long funds = q is Qualifier.Exact or Qualifier.AtLeast ? x.Funds : Math.Max(1, x.Funds);
            // Huge funds: up to 89 × 10^13 万元 = 8.9 × 10^18 元, within a long on its own.
            figures.Add(new Figure(c, p, Funds, x.Huge ? Math.Max(1, funds % 90) * 10_000_000_000_000 : funds, new FigureUnit("万元"), q));
            if (Prefectures.Contains(c))
            {
                figures.Add(new Figure(c, p, Consultation, x.Consult, FigureUnit.Times, scope: FigureScope.RegionTotal));
            }
        }

        return figures;
    }

    private void LoadCells(FigureDataset dataset, FigureScope scope)
    {
        Execute("DELETE FROM cell");
        using var appender = db.CreateAppender("cell");
        foreach (var f in dataset.Figures.Where(f => f.Scope == scope && f.Topic is null && !f.Measure.IsRate))
        {
            // The leaf cells as the dataset resolved them (qualifier bounds, chain narrowing): the roll-up is what is checked here.
            var b = scope == FigureScope.Committee ? dataset.GetCount(f.Committee, f.Period, f.Measure) : f.Bounds;
            if (b is not { } bounds)
            {
                continue;
            }

            var row = appender.CreateRow()
                .AppendValue(f.Committee.Region.Value)
                .AppendValue(f.Period.ToString())
                .AppendValue(f.Measure.Id)
                .AppendValue(bounds.Lower);
            if (bounds.Upper is { } hi)
            {
                row.AppendValue(hi);
            }
            else
            {
                row.AppendNullValue();
            }

            row.EndRow();
        }
    }

    /// <summary>Group code (0 = nation) → committees taking part, by a recursive query over the region table.</summary>
    private const string Members = """
        WITH RECURSIVE anc(code, grp) AS (
            SELECT code, code FROM region
            UNION ALL
            SELECT a.code, r.parent FROM anc a JOIN region r ON r.code = a.grp WHERE r.parent IS NOT NULL),
        taking AS (SELECT code FROM region WHERE {0}),
        member AS (
            SELECT a.code, a.grp FROM anc a JOIN taking t ON t.code = a.code JOIN region g ON g.code = a.grp WHERE g.level IN ('prefecture', 'province')
            UNION ALL SELECT code, 0 FROM taking)
        """;

    private static string MembersOf(Participation participation) => Members.Replace("{0}", Taking(participation), StringComparison.Ordinal);

    private static string Taking(Participation participation) => participation switch
    {
        Participation.CountyLevel => "level = 'county' OR (level = 'prefecture' AND leaf)",
        Participation.PrefectureLevel => "level = 'prefecture'",
        Participation.ProvinceLevel => "level = 'province'",
        _ => "TRUE",
    };

    private Dictionary<(int Group, string Period, string Measure), (Int128 Lo, Int128? Hi, int N)> ExpectedSums(Participation participation)
    {
        string sql = MembersOf(participation) + """
            SELECT m.grp, c.period, c.measure, CAST(SUM(c.lo::HUGEINT) AS VARCHAR),
                   CASE WHEN COUNT(c.hi) = COUNT(*) THEN CAST(SUM(c.hi::HUGEINT) AS VARCHAR) END, COUNT(*)
            FROM cell c JOIN member m ON m.code = c.committee
            GROUP BY m.grp, c.period, c.measure
            """;
        return Query(sql).ToDictionary(
            r => (int.Parse(r[0], CultureInfo.InvariantCulture), r[1], r[2]),
            r => (Int128.Parse(r[3], CultureInfo.InvariantCulture), r[4].Length == 0 ? (Int128?)null : Int128.Parse(r[4], CultureInfo.InvariantCulture), int.Parse(r[5], CultureInfo.InvariantCulture)));
    }

    private Dictionary<(int Group, string Period), (Int128 NumLo, Int128? NumHi, Int128 DenLo, Int128? DenHi, int N)> ExpectedRate(Participation participation, Measure numerator, Measure denominator)
    {
        string sql = MembersOf(participation) + $"""
            SELECT m.grp, n.period, CAST(SUM(n.lo::HUGEINT) AS VARCHAR), CASE WHEN COUNT(n.hi) = COUNT(*) THEN CAST(SUM(n.hi::HUGEINT) AS VARCHAR) END,
                   CAST(SUM(d.lo::HUGEINT) AS VARCHAR), CASE WHEN COUNT(d.hi) = COUNT(*) THEN CAST(SUM(d.hi::HUGEINT) AS VARCHAR) END, COUNT(*)
            FROM cell n JOIN cell d ON d.committee = n.committee AND d.period = n.period AND d.measure = '{denominator.Id}'
                 JOIN member m ON m.code = n.committee
            WHERE n.measure = '{numerator.Id}'
            GROUP BY m.grp, n.period
            """;
        return Query(sql).ToDictionary(
            r => (int.Parse(r[0], CultureInfo.InvariantCulture), r[1]),
            r => (Int128.Parse(r[2], CultureInfo.InvariantCulture), r[3].Length == 0 ? (Int128?)null : Int128.Parse(r[3], CultureInfo.InvariantCulture),
                  Int128.Parse(r[4], CultureInfo.InvariantCulture), r[5].Length == 0 ? (Int128?)null : Int128.Parse(r[5], CultureInfo.InvariantCulture), int.Parse(r[6], CultureInfo.InvariantCulture)));
    }

    private Dictionary<int, int> ExpectedGroupSizes(Participation participation) =>
        Query(MembersOf(participation) + "SELECT grp, COUNT(*) FROM member GROUP BY grp")
            .ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture), r => int.Parse(r[1], CultureInfo.InvariantCulture));

    private static int GroupCode(GroupKey key) => key.Kind == GroupKind.Nation ? 0 : key.Code!.Value.Value;

    private static bool Fits(Int128 v) => v <= long.MaxValue;

    private static bool Fits(Int128? v) => v is null || v.Value <= long.MaxValue;

    [Fact]
    public void Roll_ups_equal_the_DuckDB_oracle()
    {
        Gen.Select(GenCell.List[1, 30], Gen.Int[0, 3]).Sample(
            (cells, p) =>
            {
                var participation = (Participation)p;
                var dataset = new FigureDatasetBuilder().AddRange(ToFigures(cells)).Build();
                LoadCells(dataset, FigureScope.Committee);
                var measures = new[] { Measures.Proposals.Received, Measures.Proposals.Filed, Measures.Proposals.Replied, Funds };
                var rates = new[] { RateDefinition.Acceptance, RateDefinition.Reply };
                var sums = ExpectedSums(participation);
                var acceptance = ExpectedRate(participation, Measures.Proposals.Filed, Measures.Proposals.Received);
                var reply = ExpectedRate(participation, Measures.Proposals.Replied, Measures.Proposals.Filed);
                bool overflows = !sums.Values.All(v => Fits(v.Lo) && Fits(v.Hi))
                    || !acceptance.Values.Concat(reply.Values).All(v => Fits(v.NumLo) && Fits(v.NumHi) && Fits(v.DenLo) && Fits(v.DenHi));

                var roll = () => dataset.RollUp(participation, options: new AggregationOptions { Measures = measures, Rates = rates });
                if (overflows)
                {
                    // Beyond 64 bits: a named error, never a bare OverflowException.
                    roll.Should().Throw<ZhengxieMetricsException>().WithMessage("*does not fit in a 64-bit count*");
                    return;
                }

                var table = roll();
                var sizes = ExpectedGroupSizes(participation);
                foreach (var row in table.Rows)
                {
                    int group = GroupCode(row.Group);
                    string period = row.Period.Label;
                    row.GroupSize.Should().Be(sizes.GetValueOrDefault(group), "group size of {0}", row);
                    foreach (var m in measures)
                    {
                        var actual = table.GetValue(row.Index, m);
                        if (!sums.TryGetValue((group, period, m.Id), out var e))
                        {
                            actual.Contributors.Should().Be(0, "{0} {1}", row, m);
                            continue;
                        }

                        actual.Contributors.Should().Be(e.N, "{0} {1}", row, m);
                        actual.Sum!.Value.Lower.Should().Be((long)e.Lo, "{0} {1}", row, m);
                        actual.Sum!.Value.Upper.Should().Be(e.Hi is { } hi ? (long)hi : null, "{0} {1}", row, m);
                    }

                    foreach (var (rate, expected) in new[] { (RateDefinition.Acceptance, acceptance), (RateDefinition.Reply, reply) })
                    {
                        var actual = table.GetRate(row.Index, rate.Measure);
                        if (!expected.TryGetValue((group, period), out var e))
                        {
                            actual.Contributors.Should().Be(0, "{0} {1}", row, rate.Measure);
                            continue;
                        }

                        actual.Contributors.Should().Be(e.N, "{0} {1}", row, rate.Measure);
                        var r = actual.Rate!.Value;
                        r.Numerator.Lower.Should().Be((long)e.NumLo);
                        r.Numerator.Upper.Should().Be(e.NumHi is { } nh ? (long)nh : null);
                        r.Denominator.Lower.Should().Be((long)e.DenLo);
                        r.Denominator.Upper.Should().Be(e.DenHi is { } dh ? (long)dh : null);

                        // Zero denominators: no value, never a division by zero.
                        if (e.DenLo == 0 && e.DenHi == 0)
                        {
                            r.HasValue.Should().BeFalse();
                        }
                    }
                }
            },
            iter: 60,
            threads: 1);
    }

    [Fact]
    public void Region_total_roll_ups_equal_the_DuckDB_oracle()
    {
        GenCell.List[1, 30].Sample(
            cells =>
            {
                var dataset = new FigureDatasetBuilder().AddRange(ToFigures(cells)).Build();
                LoadCells(dataset, FigureScope.RegionTotal);
                var sums = ExpectedSums(Participation.PrefectureLevel);
                var table = dataset.RollUp(Participation.PrefectureLevel, options: new AggregationOptions { Measures = [Consultation], Rates = [], Scope = AggregationScope.RegionTotal });
                foreach (var row in table.Rows)
                {
                    var actual = table.GetValue(row.Index, Consultation);
                    if (sums.TryGetValue((GroupCode(row.Group), row.Period.Label, Consultation.Id), out var e))
                    {
                        actual.Contributors.Should().Be(e.N);
                        actual.Sum.Should().Be(Bounds.Exactly((long)e.Lo));
                    }
                    else
                    {
                        actual.Contributors.Should().Be(0);
                    }
                }
            },
            iter: 30,
            threads: 1);
    }

    private static readonly Gen<(int Committee, int Decision, int Handover, int Reply, int Answer, int Feedback)> GenRecord =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 400], Gen.Int[-1, 200], Gen.Int[0, 3], Gen.Int[0, 4]);

    [Fact]
    public void Record_statistics_equal_the_DuckDB_oracle()
    {
        var period = ReportingPeriod.CalendarYear(2022);
        GenRecord.List[1, 80].Sample(
            input =>
            {
                var records = new List<ProposalRecord>();
                Execute("DELETE FROM record");
                using (var appender = db.CreateAppender("record"))
                {
                    for (int i = 0; i < input.Count; i++)
                    {
                        var (c, d, h, rep, ans, fb) = input[i];
                        var committee = Committees[c];
                        var submitted = new LocalDate(2022, 1, 10);
                        var decision = d == 3 && i == 0 ? FilingDecision.NotFiled : (FilingDecision)d;
                        var handover = new LocalDate(2022, 1, 20).PlusDays(h);
                        LocalDate? replied = decision == FilingDecision.Filed && rep >= 0 ? handover.PlusDays(rep) : null;
                        var record = decision switch
                        {
                            FilingDecision.Filed => new ProposalRecord("R" + i, committee, period, submitted)
                            {
                                Decision = decision,
                                FiledOn = submitted,
                                HandedOverOn = handover,
                                LeadUnit = "单位",
                                RepliedOn = replied,
                                Answer = replied is null || ans == 0 ? null : (AnswerClass)ans,
                                Feedback = replied is null ? Feedback.None : (Feedback)fb,
                            },
                            FilingDecision.Merged => new ProposalRecord("R" + i, committee, period, submitted) { Decision = decision, MergedInto = "R0" },
                            _ => new ProposalRecord("R" + i, committee, period, submitted) { Decision = decision },
                        };
                        records.Add(record);
                        var row = appender.CreateRow().AppendValue(committee.Region.Value).AppendValue(period.ToString()).AppendValue(decision.ToString());
                        if (decision == FilingDecision.Filed)
                        {
                            row.AppendValue(handover.ToDateTimeUnspecified());
                        }
                        else
                        {
                            row.AppendNullValue();
                        }

                        if (replied is { } r)
                        {
                            row.AppendValue(r.ToDateTimeUnspecified());
                        }
                        else
                        {
                            row.AppendNullValue();
                        }

                        row.AppendValue(record.Answer is { } a ? (int)a : 0).AppendValue((int)record.Feedback).EndRow();
                    }
                }

                var set = ProposalRecordSet.Create(records);

                // DOMAIN.md's counting, in SQL: a reply is on time on or before handover + 3 months (month ends clamp).
                var expected = Query("""
                    SELECT committee,
                           COUNT(*),
                           COUNT(*) FILTER (WHERE decision = 'NotFiled'),
                           COUNT(*) FILTER (WHERE decision = 'Merged'),
                           COUNT(*) FILTER (WHERE decision = 'Filed'),
                           COUNT(replied),
                           COUNT(*) FILTER (WHERE replied <= handover + INTERVAL 3 MONTH),
                           COUNT(*) FILTER (WHERE replied IS NOT NULL AND answer = 1),
                           COUNT(*) FILTER (WHERE replied IS NOT NULL AND answer = 2),
                           COUNT(*) FILTER (WHERE replied IS NOT NULL AND answer = 3),
                           COUNT(*) FILTER (WHERE feedback = 1),
                           COUNT(*) FILTER (WHERE feedback = 2),
                           COUNT(*) FILTER (WHERE feedback = 3),
                           COUNT(*) FILTER (WHERE feedback <> 0)
                    FROM record GROUP BY committee
                    """);
                var measures = new[]
                {
                    Measures.Proposals.Received, Measures.Proposals.NotFiled, Measures.Proposals.Merged, Measures.Proposals.Cases, Measures.Proposals.Replied,
                    Measures.Proposals.RepliedOnTime, Measures.Proposals.OutcomeA, Measures.Proposals.OutcomeB, Measures.Proposals.OutcomeC,
                    Measures.Proposals.Satisfied, Measures.Proposals.BasicallySatisfied, Measures.Proposals.Dissatisfied, Measures.Proposals.Feedback,
                };
                expected.Should().HaveCount(set.CommitteePeriods.Count);
                foreach (var row in expected)
                {
                    var committee = Committees.First(c => c.Region.Value == int.Parse(row[0], CultureInfo.InvariantCulture));
                    var statistics = set.ComputeStatistics(committee, period);
                    for (int m = 0; m < measures.Length; m++)
                    {
                        statistics.GetCount(measures[m]).Should().Be(Bounds.Exactly(long.Parse(row[m + 1], CultureInfo.InvariantCulture)), "{0} {1}", committee, measures[m]);
                    }
                }
            },
            iter: 40,
            threads: 1);
    }
}
