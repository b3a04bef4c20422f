using System.Collections.Generic;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Utility;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.DependencyInjection;

/// <summary>
/// Builds <see cref="ProposalRecordSet"/>s under one handling policy and validation mode: the application's
/// choices, so that code computing record statistics needs neither. Registered by
/// <see cref="ZhengxieMetricsServiceCollectionExtensions.AddZhengxieMetrics(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{ZhengxieMetricsOptions})"/>
/// from the registered <see cref="Records.HandlingPolicy"/> and <see cref="ZhengxieMetricsSettings.ValidationMode"/>;
/// also usable with plain <c>new</c>. Immutable and thread-safe.
/// </summary>
public sealed class ProposalRecordSetFactory
{
    /// <summary>Creates a factory.</summary>
    /// <param name="policy">The handling policy; checked with <see cref="HandlingPolicy.Validate"/>.</param>
    /// <param name="mode">What to do with bad records: throw (the default) or collect them as findings.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="System.ArgumentException">The policy is invalid, or <paramref name="mode"/> is not defined.</exception>
    public ProposalRecordSetFactory(HandlingPolicy policy, ValidationMode mode = ValidationMode.Throw)
    {
        Preconditions.CheckNotNull(policy);
        Preconditions.CheckArgument(mode is ValidationMode.Throw or ValidationMode.CollectFindings, nameof(mode), "Unknown validation mode.");
        Policy = policy.Validate();
        ValidationMode = mode;
    }

    /// <summary>Gets the handling policy the sets are built under.</summary>
    public HandlingPolicy Policy { get; }

    /// <summary>Gets what building a set does with bad records.</summary>
    public ValidationMode ValidationMode { get; }

    /// <summary>Validates records and builds a set under <see cref="Policy"/> and <see cref="ValidationMode"/> (see <see cref="ProposalRecordSet.Create(System.Collections.Generic.IEnumerable{ProposalRecord}, HandlingPolicy?, ValidationMode)"/>).</summary>
    /// <param name="records">The records; identifiers unique.</param>
    /// <returns>The set.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="records"/> is null or holds null.</exception>
    /// <exception cref="ValidationException">A record is bad and <see cref="ValidationMode"/> is <see cref="ValidationMode.Throw"/>.</exception>
    public ProposalRecordSet Create(IEnumerable<ProposalRecord> records) => ProposalRecordSet.Create(records, Policy, ValidationMode);
}
