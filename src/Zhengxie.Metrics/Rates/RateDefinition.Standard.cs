using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace Zhengxie.Metrics;

// The one declaration of each standard rate of docs/domain.md: identifier, formula, Chinese and English labels.
// Measures.Rates, MeasureCatalog.Default, ProposalStatistics' rate properties, RateOptions and rendering refer to these.
public sealed partial class RateDefinition
{
    /// <summary>Gets 立案率 (acceptance rate): <c>rate.acceptance</c> = filed / received.</summary>
    public static RateDefinition Acceptance { get; } = new(
        new Measure("rate.acceptance"), [Measures.Proposals.Filed], Measures.Proposals.Received, "立案率", "acceptance rate");

    /// <summary>Gets 办复率 (reply rate): <c>rate.reply</c> = replied / filed.</summary>
    public static RateDefinition Reply { get; } = new(
        new Measure("rate.reply"), [Measures.Proposals.Replied], Measures.Proposals.Filed, "办复率", "reply rate");

    /// <summary>Gets 按时办复率 (on-time reply rate): <c>rate.on_time_reply</c> = replied_on_time / filed.</summary>
    public static RateDefinition OnTimeReply { get; } = new(
        new Measure("rate.on_time_reply"), [Measures.Proposals.RepliedOnTime], Measures.Proposals.Filed, "按时办复率", "on-time reply rate");

    /// <summary>Gets 办结率 (conclusion rate): <c>rate.conclusion</c> = concluded / filed.</summary>
    public static RateDefinition Conclusion { get; } = new(
        new Measure("rate.conclusion"), [Measures.Proposals.Concluded], Measures.Proposals.Filed, "办结率", "conclusion rate");

    /// <summary>Gets 解决采纳率, the narrow adoption rate: <c>rate.adoption</c> = outcome_a / filed.</summary>
    public static RateDefinition Adoption { get; } = new(
        new Measure("rate.adoption"), [Measures.Proposals.OutcomeA], Measures.Proposals.Filed, "解决采纳率", "adoption rate (solved or adopted)");

    /// <summary>
    /// Gets 采纳率 / 采用率, the adoption rate including planned: <c>rate.adoption_including_planned</c> =
    /// (outcome_a + outcome_b) / filed. The former identifier <c>rate.resolution_adoption</c> is read as this one.
    /// </summary>
    public static RateDefinition AdoptionIncludingPlanned { get; } = new(
        new Measure("rate.adoption_including_planned"),
        [Measures.Proposals.OutcomeA, Measures.Proposals.OutcomeB],
        Measures.Proposals.Filed,
        "采纳率",
        "adoption rate including planned");

    /// <summary>Gets 满意率 (satisfaction rate): <c>rate.satisfaction</c> = (satisfied + basically_satisfied) / feedback returned.</summary>
    public static RateDefinition Satisfaction { get; } = new(
        new Measure("rate.satisfaction"),
        [Measures.Proposals.Satisfied, Measures.Proposals.BasicallySatisfied],
        Measures.Proposals.Feedback,
        "满意率",
        "satisfaction rate");

    /// <summary>Gets 社情民意信息省级采用率: <c>rate.opinion_info_adoption.province</c> = opinion_info.adopted.province / opinion_info.submitted.</summary>
    public static RateDefinition OpinionInfoAdoptionByProvince { get; } = new(
        new Measure("rate.opinion_info_adoption.province"),
        [Measures.OpinionInfo.AdoptedByProvince],
        Measures.OpinionInfo.Submitted,
        "社情民意信息省级采用率",
        "opinion information adoption rate, provincial");

    /// <summary>Gets the proposal rates of docs/domain.md, in display order (the rates <c>RateOptions</c> chooses variants of).</summary>
    public static IReadOnlyList<RateDefinition> Standard { get; } = new[]
    {
        Acceptance, Reply, OnTimeReply, Conclusion, Adoption, AdoptionIncludingPlanned, Satisfaction,
    }.AsReadOnly();

    /// <summary>Gets every rate declared here: <see cref="Standard"/>, then <see cref="OpinionInfoAdoptionByProvince"/>.</summary>
    public static IReadOnlyList<RateDefinition> Declared { get; } = Standard.Append(OpinionInfoAdoptionByProvince).ToList().AsReadOnly();

    /// <summary>Gets the declared rate with an identifier (a former identifier such as <c>rate.resolution_adoption</c> finds its current rate).</summary>
    /// <param name="rate">The rate's identifier, such as <c>rate.reply</c>.</param>
    /// <returns>The declaration.</returns>
    /// <exception cref="KeyNotFoundException">No rate of <see cref="Declared"/> has the identifier.</exception>
    public static RateDefinition GetDeclared(Measure rate) =>
        FindStandard(rate) ?? throw new KeyNotFoundException($"'{rate}' is not a declared rate (RateDefinition.Declared); pass a RateDefinition with its formula instead.");

    /// <summary>Tries to find the declared rate with an identifier.</summary>
    /// <param name="rate">The rate's identifier.</param>
    /// <param name="definition">The declaration, when found.</param>
    /// <returns>Whether a rate of <see cref="Declared"/> has the identifier.</returns>
    public static bool TryGetDeclared(Measure rate, [NotNullWhen(true)] out RateDefinition? definition)
    {
        definition = FindStandard(rate);
        return definition is not null;
    }

    private static RateDefinition? FindStandard(Measure rate)
    {
        foreach (var d in Declared)
        {
            if (d.Measure == rate)
            {
                return d;
            }
        }

        return null;
    }
}
