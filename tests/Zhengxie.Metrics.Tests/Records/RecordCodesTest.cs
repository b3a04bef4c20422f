using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>
/// The table of record states behind the statistics: every combination of decision state, key flag, reply, on-time
/// reply, answer class and feedback either is refused as impossible or gets a code whose increments are the counts
/// DOMAIN.md gives such a record, worked out here from the meaning of each part.
/// </summary>
public class RecordCodesTest
{
    private static IEnumerable<(int State, bool Key, bool Replied, bool OnTime, AnswerClass? Answer, int Feedback)> AllStates() =>
        from state in Enumerable.Range(0, 8)
        from key in new[] { false, true }
        from replied in new[] { false, true }
        from onTime in new[] { false, true }
        from answer in new AnswerClass?[] { null, AnswerClass.SolvedOrAdopted, AnswerClass.BeingSolvedOrPlanned, AnswerClass.ForReference }
        from feedback in Enumerable.Range(0, 8)
        select (state, key, replied, onTime, answer, feedback);

    private static bool Possible(int state, bool replied, bool onTime, AnswerClass? answer, int feedback) =>
        state <= RecordCodes.Case && feedback <= (int)Feedback.Understanding
        && (replied ? state == RecordCodes.Case : !onTime && answer is null && feedback == 0);

    private static long[] Expected(int state, bool key, bool replied, bool onTime, AnswerClass? answer, int feedback) =>
    [
        1, // received
        state is RecordCodes.MergedAfterFiling or RecordCodes.Case ? 1 : 0, // filed
        state == RecordCodes.StateNotFiled ? 1 : 0,
        state is RecordCodes.MergedInstead or RecordCodes.MergedAfterFiling ? 1 : 0, // merged
        state == RecordCodes.Case ? 1 : 0, // cases
        replied ? 1 : 0,
        onTime ? 1 : 0,
        answer == AnswerClass.SolvedOrAdopted ? 1 : 0,
        answer == AnswerClass.BeingSolvedOrPlanned ? 1 : 0,
        answer == AnswerClass.ForReference ? 1 : 0,
        feedback == (int)Feedback.Satisfied ? 1 : 0,
        feedback == (int)Feedback.BasicallySatisfied ? 1 : 0,
        feedback == (int)Feedback.Dissatisfied ? 1 : 0,
        feedback != 0 ? 1 : 0, // feedback returned, 理解 included
        key ? 1 : 0,
    ];

    [Fact]
    public void Every_possible_state_has_its_own_code_with_its_counts_and_every_impossible_one_is_refused()
    {
        var codes = new HashSet<byte>();
        int possible = 0;
        foreach (var (state, key, replied, onTime, answer, feedback) in AllStates())
        {
            var encode = () => RecordCodes.Encode(state, key, replied, onTime, answer, (Feedback)feedback);
            if (!Possible(state, replied, onTime, answer, feedback))
            {
                encode.Should().Throw<InvalidOperationException>($"state {state}, key {key}, replied {replied}, on time {onTime}, answer {answer}, feedback {feedback} is impossible")
                    .WithMessage("Internal error: a validated record has an impossible state.");
                continue;
            }

            possible++;
            byte code = encode();
            codes.Add(code).Should().BeTrue("each possible state has a code of its own");
            RecordCodes.Increments.AsSpan(code * RecordCodes.MeasureCount, RecordCodes.MeasureCount).ToArray().Select(b => (long)b)
                .Should().Equal(Expected(state, key, replied, onTime, answer, feedback), $"the counts of state {state}, key {key}, replied {replied}, on time {onTime}, answer {answer}, feedback {feedback}");
        }

        // Not replied: 5 states x key; replied (cases only): key x on time x 4 answers x 5 feedbacks.
        possible.Should().Be(10 + 80);
        RecordCodes.Count.Should().Be(90);
        RecordCodes.Increments.Length.Should().Be(90 * RecordCodes.MeasureCount);
        codes.Order().Should().Equal(Enumerable.Range(0, 90).Select(i => (byte)i));
    }

    [Fact]
    public void Expanding_a_histogram_of_codes_adds_each_code_s_counts_times_its_records()
    {
        byte notFiledKey = RecordCodes.Encode(RecordCodes.StateNotFiled, true, false, false, null, Feedback.None);
        byte satisfiedOnTime = RecordCodes.Encode(RecordCodes.Case, false, true, true, AnswerClass.SolvedOrAdopted, Feedback.Satisfied);
        byte lateUnderstanding = RecordCodes.Encode(RecordCodes.Case, false, true, false, AnswerClass.ForReference, Feedback.Understanding);
        var histogram = new int[RecordCodes.Count];
        histogram[notFiledKey] = 2;
        histogram[satisfiedOnTime] = 3;
        histogram[lateUnderstanding] = 5;
        var totals = new long[RecordCodes.MeasureCount];
        totals[RecordCodes.Received] = 100; // added to, not overwritten
        RecordCodes.Expand(histogram, totals);

        //              received   filed  not_filed merged cases replied on_time A  B  C  sat basic dissat feedback key
        totals.Should().Equal(100 + 10, 8, 2, 0, 8, 8, 3, 3, 0, 5, 3, 0, 0, 8, 2);

        totals[RecordCodes.Key] = long.MaxValue - 1;
        FluentActions.Invoking(() => RecordCodes.Expand(histogram, totals)).Should().Throw<OverflowException>();
    }
}
