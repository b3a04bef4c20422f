using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// The compact state codes of a valid record: each code stands for one combination of decision, key
/// flag, reply, on-time reply, answer class and feedback, and carries the 0/1 increment of every
/// proposal measure. Counting a group is then a histogram of one byte per record.
/// </summary>
internal static class RecordCodes
{
    internal const int MeasureCount = 15;

    // Measure slots, in the order of Measures.
    internal const int Received = 0;
    internal const int Filed = 1;
    internal const int NotFiled = 2;
    internal const int Merged = 3;
    internal const int Cases = 4;
    internal const int Replied = 5;
    internal const int RepliedOnTime = 6;
    internal const int OutcomeA = 7;
    internal const int OutcomeB = 8;
    internal const int OutcomeC = 9;
    internal const int Satisfied = 10;
    internal const int BasicallySatisfied = 11;
    internal const int Dissatisfied = 12;
    internal const int FeedbackReturned = 13;
    internal const int Key = 14;

    // Decision states.
    internal const int UnderReview = 0;
    internal const int StateNotFiled = 1;
    internal const int MergedInstead = 2;
    internal const int MergedAfterFiling = 3;
    internal const int Case = 4;

    private static readonly byte[] DenseToCompact = new byte[2048];

    static RecordCodes()
    {
        DenseToCompact.AsSpan().Fill(byte.MaxValue);
        var increments = new List<byte>();
        int count = 0;
        for (int dense = 0; dense < 2048; dense++)
        {
            int state = dense & 7, key = (dense >> 3) & 1, replied = (dense >> 4) & 1, onTime = (dense >> 5) & 1, answer = (dense >> 6) & 3, feedback = dense >> 8;
            bool valid = state <= Case && feedback <= (int)Records.Feedback.Understanding
                && (replied == 1 ? state == Case : onTime == 0 && answer == 0 && feedback == 0)
                && (onTime == 0 || replied == 1);
            if (!valid)
            {
                continue;
            }

            DenseToCompact[dense] = checked((byte)count++);
            var v = new byte[MeasureCount];
            v[Received] = 1;
            v[Filed] = state is MergedAfterFiling or Case ? (byte)1 : (byte)0;
            v[NotFiled] = state == StateNotFiled ? (byte)1 : (byte)0;
            v[Merged] = state is MergedInstead or MergedAfterFiling ? (byte)1 : (byte)0;
            v[Cases] = state == Case ? (byte)1 : (byte)0;
            v[Replied] = (byte)replied;
            v[RepliedOnTime] = (byte)onTime;
            v[OutcomeA] = answer == (int)AnswerClass.SolvedOrAdopted ? (byte)1 : (byte)0;
            v[OutcomeB] = answer == (int)AnswerClass.BeingSolvedOrPlanned ? (byte)1 : (byte)0;
            v[OutcomeC] = answer == (int)AnswerClass.ForReference ? (byte)1 : (byte)0;
            v[Satisfied] = feedback == (int)Records.Feedback.Satisfied ? (byte)1 : (byte)0;
            v[BasicallySatisfied] = feedback == (int)Records.Feedback.BasicallySatisfied ? (byte)1 : (byte)0;
            v[Dissatisfied] = feedback == (int)Records.Feedback.Dissatisfied ? (byte)1 : (byte)0;
            v[FeedbackReturned] = feedback != 0 ? (byte)1 : (byte)0;
            v[Key] = (byte)key;
            increments.AddRange(v);
        }

        Count = count;
        Increments = increments.ToArray();
    }

    /// <summary>Gets how many codes there are.</summary>
    internal static int Count { get; }

    /// <summary>Gets the increments: <c>Increments[code * MeasureCount + slot]</c>.</summary>
    internal static byte[] Increments { get; }

    /// <summary>Gets the measure of each slot.</summary>
    internal static Measure[] SlotMeasures { get; } =
    [
        Measures.Proposals.Received, Measures.Proposals.Filed, Measures.Proposals.NotFiled, Measures.Proposals.Merged,
        Measures.Proposals.Cases, Measures.Proposals.Replied, Measures.Proposals.RepliedOnTime, Measures.Proposals.OutcomeA,
        Measures.Proposals.OutcomeB, Measures.Proposals.OutcomeC, Measures.Proposals.Satisfied, Measures.Proposals.BasicallySatisfied,
        Measures.Proposals.Dissatisfied, Measures.Proposals.Feedback, Measures.Proposals.Key,
    ];

    /// <summary>Returns the code of a valid record's state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte Encode(int state, bool key, bool replied, bool onTime, AnswerClass? answer, Feedback feedback)
    {
        int dense = state | (key ? 8 : 0) | (replied ? 16 : 0) | (onTime ? 32 : 0) | ((int)(answer ?? 0) << 6) | ((int)feedback << 8);
        byte code = DenseToCompact[dense];
        if (code == byte.MaxValue)
        {
            ThrowImpossibleState();
        }

        return code;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowImpossibleState() =>
        throw new InvalidOperationException("Internal error: a validated record has an impossible state.");

    /// <summary>Adds a histogram of codes to measure totals: <c>totals[slot] += Σ histogram[code] × increment</c>.</summary>
    internal static void Expand(ReadOnlySpan<int> histogram, Span<long> totals)
    {
        var inc = Increments;
        for (int c = 0; c < histogram.Length; c++)
        {
            long n = histogram[c];
            if (n == 0)
            {
                continue;
            }

            int b = c * MeasureCount;
            for (int m = 0; m < MeasureCount; m++)
            {
                totals[m] = checked(totals[m] + (n * inc[b + m]));
            }
        }
    }
}
