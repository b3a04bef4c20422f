using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Validation;

/// <summary>
/// The rules of docs/domain.md's "what bad input is", and of proposal records, each a stable name for findings.
/// Each rule has a default <see cref="FindingSeverity"/> (<see cref="ValidationRules.SeverityOf"/>): malformed input
/// is an error; figures of one report that disagree with each other are a source inconsistency.
/// </summary>
[JsonConverter(typeof(EnumJsonConverter<ValidationRule>))]
public enum ValidationRule
{
    /// <summary>A count is negative.</summary>
    NegativeCount = 1,

    /// <summary>filed &gt; received.</summary>
    FiledExceedsReceived = 2,

    /// <summary>replied &gt; filed (or cases).</summary>
    RepliedExceedsFiled = 3,

    /// <summary>outcome_a + outcome_b + outcome_c &gt; replied.</summary>
    OutcomesExceedReplied = 4,

    /// <summary>A stated rate is outside 0..100 %.</summary>
    RateOutOfRange = 5,

    /// <summary>A county or prefecture code is placed under a region that is not its parent.</summary>
    RegionUnderWrongParent = 6,

    /// <summary>A region code is not in the region table.</summary>
    UnknownRegion = 7,

    /// <summary>The same committee, period, measure, scope and topic appear twice with different values.</summary>
    ConflictingDuplicate = 8,

    /// <summary>A region_total figure would be summed with the committee figures it already contains.</summary>
    RegionTotalWithParts = 9,

    /// <summary>Figures of different units would be added.</summary>
    UnitMismatch = 10,

    /// <summary>A breakdown's parts add up to more than its total (永嘉: 12 + 12 + 29 + 22 against 75).</summary>
    BreakdownExceedsTotal = 11,

    /// <summary>A stated rate contradicts the counts it is a rate of.</summary>
    RateContradictsCounts = 12,

    /// <summary>A figure qualified 'all' or a stated rate has no denominator to refer to.</summary>
    MissingDenominator = 13,

    /// <summary>Another count in a chain exceeds its bound (replied_on_time &gt; replied, satisfied + … &gt; feedback, …).</summary>
    CountExceedsBound = 14,

    /// <summary>A value cannot stand for a count (an exact value that is not a whole number of base units, or one too large).</summary>
    InvalidValue = 15,

    /// <summary>A figure stated as 「全部」 with its own count (「145件提案全部办复」) disagrees with the denominator it refers to (filed 150).</summary>
    AllContradictsDenominator = 16,

    /// <summary>A proposal record is replied before it was handed over.</summary>
    ReplyBeforeHandover = 20,

    /// <summary>A proposal record is merged into a proposal that does not exist.</summary>
    MergedIntoMissing = 21,

    /// <summary>A proposal record is merged into itself.</summary>
    MergedIntoItself = 22,

    /// <summary>A proposal record is filed without a filing date.</summary>
    FiledWithoutDate = 23,

    /// <summary>A proposal record has an answer class but no reply.</summary>
    AnswerClassWithoutReply = 24,

    /// <summary>A proposal record's dates are out of order in another way (filed before submitted, handover before filing, …).</summary>
    DatesOutOfOrder = 25,

    /// <summary>Two proposal records share an identifier.</summary>
    DuplicateRecord = 26,

    /// <summary>
    /// A proposal record's filing decision contradicts its other fields: handling (handover, units, reply,
    /// answer class, feedback, extension) on a record that is not a filed case, a filing date on a record
    /// not filed, or a merge target on a record not merged.
    /// </summary>
    DecisionContradictsRecord = 27,

    /// <summary>A proposal record has proposer feedback but no reply.</summary>
    FeedbackWithoutReply = 28,

    /// <summary>A proposal record's handling units contradict each other (co-handling units without a lead unit, or the lead unit also listed as co-handling).</summary>
    InconsistentHandlingUnits = 29,

    /// <summary>
    /// A proposal record's date cannot be real: outside the years a period can have (1949 to 2200; a
    /// placeholder such as 0001-01-01 or a negative year), submitted more than a year before its period's
    /// year, or a reply deadline (handover plus the policy's periods) beyond the calendar's end.
    /// </summary>
    DateOutOfRange = 30,
}
