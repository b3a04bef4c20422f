namespace Zhengxie.Metrics;

/// <summary>The built-in measures of docs/domain.md, by family. Their identifiers are stable.</summary>
public static class Measures
{
    /// <summary>Proposals (提案).</summary>
    public static class Proposals
    {
        /// <summary><c>proposals.received</c>: 收到提案.</summary>
        public static Measure Received { get; } = new("proposals.received");

        /// <summary><c>proposals.filed</c>: 立案 (经审查立案).</summary>
        public static Measure Filed { get; } = new("proposals.filed");

        /// <summary><c>proposals.not_filed</c>: 不予立案 / 转为意见建议.</summary>
        public static Measure NotFiled { get; } = new("proposals.not_filed");

        /// <summary><c>proposals.merged</c>: 并案.</summary>
        public static Measure Merged { get; } = new("proposals.merged");

        /// <summary><c>proposals.cases</c>: 并案后实际立案 / 交办 (cases after merging).</summary>
        public static Measure Cases { get; } = new("proposals.cases");

        /// <summary><c>proposals.replied</c>: 办复 / 答复.</summary>
        public static Measure Replied { get; } = new("proposals.replied");

        /// <summary><c>proposals.replied_on_time</c>: 按时办复.</summary>
        public static Measure RepliedOnTime { get; } = new("proposals.replied_on_time");

        /// <summary><c>proposals.concluded</c>: 办结.</summary>
        public static Measure Concluded { get; } = new("proposals.concluded");

        /// <summary><c>proposals.outcome_a</c>: A类, solved or adopted (已解决或采纳).</summary>
        public static Measure OutcomeA { get; } = new("proposals.outcome_a");

        /// <summary><c>proposals.outcome_b</c>: B类, being solved or planned (正在解决或列入计划解决).</summary>
        public static Measure OutcomeB { get; } = new("proposals.outcome_b");

        /// <summary><c>proposals.outcome_c</c>: C类, kept for reference (因条件限制留作参考).</summary>
        public static Measure OutcomeC { get; } = new("proposals.outcome_c");

        /// <summary><c>proposals.satisfied</c>: 满意.</summary>
        public static Measure Satisfied { get; } = new("proposals.satisfied");

        /// <summary><c>proposals.basically_satisfied</c>: 基本满意.</summary>
        public static Measure BasicallySatisfied { get; } = new("proposals.basically_satisfied");

        /// <summary><c>proposals.dissatisfied</c>: 不满意.</summary>
        public static Measure Dissatisfied { get; } = new("proposals.dissatisfied");

        /// <summary><c>proposals.feedback</c>: feedback forms returned (征询意见表回收), the denominator of one satisfaction variant.</summary>
        public static Measure Feedback { get; } = new("proposals.feedback");

        /// <summary><c>proposals.key</c>: 重点提案.</summary>
        public static Measure Key { get; } = new("proposals.key");
    }

    /// <summary>
    /// The identifiers of the rates (<c>rate.*</c>, in percent). Each standard rate is declared once, with its formula
    /// and labels, in <see cref="RateDefinition"/>; these are its identifiers (<c>Measures.Rates.Reply ==
    /// RateDefinition.Reply.Measure</c>).
    /// </summary>
    public static class Rates
    {
        /// <summary>Gets <c>rate.acceptance</c>, the identifier of <see cref="RateDefinition.Acceptance"/> (立案率 = filed / received).</summary>
        public static Measure Acceptance => RateDefinition.Acceptance.Measure;

        /// <summary>Gets <c>rate.reply</c>, the identifier of <see cref="RateDefinition.Reply"/> (办复率 = replied / filed).</summary>
        public static Measure Reply => RateDefinition.Reply.Measure;

        /// <summary>Gets <c>rate.on_time_reply</c>, the identifier of <see cref="RateDefinition.OnTimeReply"/> (按时办复率 = replied_on_time / filed).</summary>
        public static Measure OnTimeReply => RateDefinition.OnTimeReply.Measure;

        /// <summary>Gets <c>rate.conclusion</c>, the identifier of <see cref="RateDefinition.Conclusion"/> (办结率 = concluded / filed).</summary>
        public static Measure Conclusion => RateDefinition.Conclusion.Measure;

        /// <summary>Gets <c>rate.adoption</c>, the identifier of <see cref="RateDefinition.Adoption"/> (解决采纳率 = outcome_a / filed).</summary>
        public static Measure Adoption => RateDefinition.Adoption.Measure;

        /// <summary>
        /// Gets <c>rate.adoption_including_planned</c>, the identifier of <see cref="RateDefinition.AdoptionIncludingPlanned"/>
        /// (采纳率 = (outcome_a + outcome_b) / filed). The former identifier <c>rate.resolution_adoption</c> is read as this one.
        /// </summary>
        public static Measure AdoptionIncludingPlanned => RateDefinition.AdoptionIncludingPlanned.Measure;

        /// <summary>Gets <c>rate.satisfaction</c>, the identifier of <see cref="RateDefinition.Satisfaction"/> (满意率 = (satisfied + basically_satisfied) / feedback).</summary>
        public static Measure Satisfaction => RateDefinition.Satisfaction.Measure;

        /// <summary>
        /// Gets <c>rate.opinion_info_adoption</c>: 社情民意信息采用率 = adopted / submitted, the family of the adoption rates of
        /// social-conditions information at each level (<see cref="RateDefinition.OpinionInfoAdoptionByProvince"/>); its
        /// numerator depends on the level, so it has no single formula.
        /// </summary>
        public static Measure OpinionInfoAdoption { get; } = new("rate.opinion_info_adoption");
    }

    /// <summary>Social-conditions information (社情民意信息).</summary>
    public static class OpinionInfo
    {
        /// <summary><c>opinion_info.submitted</c>: 编发 / 报送.</summary>
        public static Measure Submitted { get; } = new("opinion_info.submitted");

        /// <summary><c>opinion_info.adopted.prefecture</c>: 被市政协采用.</summary>
        public static Measure AdoptedByPrefecture { get; } = new("opinion_info.adopted.prefecture");

        /// <summary><c>opinion_info.adopted.province</c>: 被省政协采用.</summary>
        public static Measure AdoptedByProvince { get; } = new("opinion_info.adopted.province");

        /// <summary><c>opinion_info.adopted.national</c>: 被全国政协采用.</summary>
        public static Measure AdoptedNationally { get; } = new("opinion_info.adopted.national");

        /// <summary><c>opinion_info.leader_instructions</c>: 领导批示.</summary>
        public static Measure LeaderInstructions { get; } = new("opinion_info.leader_instructions");
    }
}
