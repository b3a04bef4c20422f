using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using FluentAssertions;
using NodaTime;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Serialization;

/// <summary>CsCheck generators of proposal records and handling policies, and comparisons of what comes back from JSON.</summary>
internal static class RecordJsonGenerators
{
    private static readonly string[] UnitNames = ["县教育局", "县财政局", "县住建局", "县卫健委", "县交通运输局", "Bureau \"A\"", "局\n2"];

    public static readonly Gen<string> Unit = Gen.OneOf(UnitNames);

    /// <summary>Records with every field drawn on its own: each passes its own property checks, not necessarily the set's validation.</summary>
    public static readonly Gen<ProposalRecord> AnyRecord =
        Gen.Select(JsonGenerators.Text, JsonGenerators.Committee, JsonGenerators.Period, JsonGenerators.Date, Gen.OneOf(Enum.GetValues<ProposerKind>()), Gen.OneOf(Enum.GetValues<FilingDecision>()), Gen.Bool)
            .SelectMany((id, c, p, submitted, kind, decision, key) =>
                Gen.Select(
                        JsonGenerators.Date.Nullable(),
                        JsonGenerators.OptionalText,
                        JsonGenerators.Date.Nullable(),
                        Unit.Null(),
                        Unit.Array[0, 4],
                        JsonGenerators.Date.Nullable(),
                        JsonGenerators.Date.Nullable(),
                        Gen.Select(Gen.OneOf(Enum.GetValues<AnswerClass>()).Nullable(), Gen.OneOf(Enum.GetValues<Feedback>())))
                    .Select((filed, merged, handover, lead, co, replied, extended, af) => new ProposalRecord(id, c, p, submitted)
                    {
                        ProposerKind = kind,
                        Decision = decision,
                        FiledOn = filed,
                        MergedInto = merged,
                        HandedOverOn = handover,
                        LeadUnit = lead,
                        CoUnits = co.Distinct(StringComparer.Ordinal).ToArray(),
                        RepliedOn = replied,
                        ExtendedUntil = extended,
                        Answer = af.Item1,
                        Feedback = af.Item2,
                        IsKey = key,
                    }));

    /// <summary>Valid policies: a deadline of years, months, weeks and days, and an extension cap at least as long.</summary>
    public static readonly Gen<HandlingPolicy> Policy =
        Gen.Select(Gen.Int[0, 1], Gen.Int[0, 12], Gen.Int[0, 3], Gen.Int[0, 40], Gen.Int[0, 12], Gen.Int[0, 40], Gen.OneOf(ClockStart.Handover, ClockStart.Receipt))
            .Where((y, m, w, d, _, _, _) => y + m + w + d > 0)
            .Select((y, m, w, d, more, moreDays, start) => new HandlingPolicy
            {
                ReplyDeadline = new PeriodBuilder { Years = y, Months = m, Weeks = w, Days = d }.Build(),
                ClockStart = start,
                MaximumExtension = new PeriodBuilder { Years = y, Months = m + more, Weeks = w, Days = d + moreDays }.Build(),
            }.Validate());

    private static readonly Committee[] Committees =
        [new(new RegionCode(330324)), new(new RegionCode(331100)), new(new RegionCode(331100), AdministrativeLevel.County), new(new RegionCode(520112))];

    private static readonly ReportingPeriod[] Periods = [ReportingPeriod.CalendarYear(2021), ReportingPeriod.CalendarYear(2022), ReportingPeriod.SinceSession(11, 1, 2022)];

    /// <summary>One valid record, given its number; a merged one names an earlier record.</summary>
    private static readonly Gen<Func<int, ProposalRecord>> ValidRecord =
        Gen.Select(Gen.Int[0, Committees.Length - 1], Gen.Int[0, Periods.Length - 1], Gen.Int[0, 700], Gen.Int[0, 9], Gen.OneOf(Enum.GetValues<ProposerKind>()), Gen.Bool)
            .SelectMany((c, p, day, what, kind, key) =>
                Gen.Select(Gen.Int[0, 30], Gen.Int[0, 30], Gen.Int[0, 200], Gen.Int[0, 3], Unit, Unit.Array[0, 3], Gen.Int[0, 200], Gen.Select(Gen.OneOf(Enum.GetValues<AnswerClass>()).Nullable(), Gen.OneOf(Enum.GetValues<Feedback>()), Gen.Int[0, 1000]))
                    .Select((toFile, toHandOver, toReply, stage, lead, co, extension, afm) => (Func<int, ProposalRecord>)(i =>
                    {
                        var submitted = new LocalDate(2021, 1, 1).PlusDays(day);
                        var record = new ProposalRecord("P" + i.ToString(CultureInfo.InvariantCulture), Committees[c], Periods[p], submitted) { ProposerKind = kind, IsKey = key };
                        var filed = submitted.PlusDays(toFile);
                        if (what == 0)
                        {
                            return record;
                        }

                        if (what == 1)
                        {
                            return new ProposalRecord(record.Id, record.Committee, record.Period, submitted) { ProposerKind = kind, IsKey = key, Decision = FilingDecision.NotFiled };
                        }

                        if (what == 2 && i > 0)
                        {
                            return new ProposalRecord(record.Id, record.Committee, record.Period, submitted)
                            {
                                ProposerKind = kind,
                                IsKey = key,
                                Decision = FilingDecision.Merged,
                                MergedInto = "P" + (afm.Item3 % i).ToString(CultureInfo.InvariantCulture),
                                FiledOn = toFile % 2 == 0 ? filed : null,
                            };
                        }

                        var handover = filed.PlusDays(toHandOver);
                        bool handedOver = stage >= 1;
                        bool replied = stage >= 2;
                        return new ProposalRecord(record.Id, record.Committee, record.Period, submitted)
                        {
                            ProposerKind = kind,
                            IsKey = key,
                            Decision = FilingDecision.Filed,
                            FiledOn = filed,
                            HandedOverOn = handedOver ? handover : null,
                            LeadUnit = handedOver ? lead : null,
                            CoUnits = handedOver ? co.Where(u => u != lead).Distinct(StringComparer.Ordinal).ToArray() : [],
                            ExtendedUntil = handedOver && stage == 3 ? handover.PlusDays(extension) : null,
                            RepliedOn = replied ? handover.PlusDays(toReply) : null,
                            Answer = replied ? afm.Item1 : null,
                            Feedback = replied ? afm.Item2 : Feedback.None,
                        };
                    })));

    /// <summary>A valid record set of 1 to 60 records under a random policy.</summary>
    public static readonly Gen<ProposalRecordSet> RecordSet =
        Gen.Select(ValidRecord.Array[1, 60], Policy)
            .Select((draws, policy) => ProposalRecordSet.Create(draws.Select((draw, i) => draw(i)).ToArray(), policy));

    public static void AssertSameRecord(ProposalRecord expected, ProposalRecord actual)
    {
        actual.Id.Should().Be(expected.Id);
        actual.Committee.Should().Be(expected.Committee);
        actual.Period.Should().Be(expected.Period);
        actual.Submitted.Should().Be(expected.Submitted);
        actual.ProposerKind.Should().Be(expected.ProposerKind);
        actual.Decision.Should().Be(expected.Decision);
        actual.FiledOn.Should().Be(expected.FiledOn);
        actual.MergedInto.Should().Be(expected.MergedInto);
        actual.HandedOverOn.Should().Be(expected.HandedOverOn);
        actual.LeadUnit.Should().Be(expected.LeadUnit);
        actual.CoUnits.Should().Equal(expected.CoUnits);
        actual.RepliedOn.Should().Be(expected.RepliedOn);
        actual.ExtendedUntil.Should().Be(expected.ExtendedUntil);
        actual.Answer.Should().Be(expected.Answer);
        actual.Feedback.Should().Be(expected.Feedback);
        actual.IsKey.Should().Be(expected.IsKey);
    }

    public static void AssertSamePolicy(HandlingPolicy expected, HandlingPolicy actual)
    {
        actual.ReplyDeadline.Should().Be(expected.ReplyDeadline);
        actual.ClockStart.Should().Be(expected.ClockStart);
        actual.MaximumExtension.Should().Be(expected.MaximumExtension);
    }

    public static void AssertSameStatistics(ProposalStatistics expected, ProposalStatistics actual)
    {
        actual.Committee.Should().Be(expected.Committee);
        actual.Period.Should().Be(expected.Period);
        actual.Counts.Should().BeEquivalentTo(expected.Counts);
        actual.StatedRates.Should().BeEquivalentTo(expected.StatedRates);
    }
}
