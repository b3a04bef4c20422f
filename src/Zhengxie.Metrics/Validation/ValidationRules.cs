using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Validation;

/// <summary>What the rules mean for the input: whether breaking one is an error or a source inconsistency.</summary>
public static class ValidationRules
{
    /// <summary>
    /// Returns the severity a finding of a rule has by default: <see cref="FindingSeverity.SourceInconsistency"/> for
    /// figures of one report that disagree with each other (filed &gt; received, replied &gt; filed, outcomes &gt; replied,
    /// other counts above their bound, parts above their total, a stated rate no formula variant fits, 「全部」 with a count
    /// other than its denominator or with no denominator stated, one measure in units that do not add up);
    /// <see cref="FindingSeverity.Error"/> for everything else (a negative count, a value that stands for no whole count,
    /// a rate outside 0..100 %, an unknown region or level, the same figure twice with different values, a region total
    /// summed with its parts, and every rule of proposal records).
    /// </summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The default severity.</returns>
    public static FindingSeverity SeverityOf(ValidationRule rule) => rule switch
    {
        ValidationRule.FiledExceedsReceived
            or ValidationRule.RepliedExceedsFiled
            or ValidationRule.OutcomesExceedReplied
            or ValidationRule.CountExceedsBound
            or ValidationRule.BreakdownExceedsTotal
            or ValidationRule.RateContradictsCounts
            or ValidationRule.MissingDenominator
            or ValidationRule.UnitMismatch
            or ValidationRule.AllContradictsDenominator => FindingSeverity.SourceInconsistency,
        _ => FindingSeverity.Error,
    };
}
