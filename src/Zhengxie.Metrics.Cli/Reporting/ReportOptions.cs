using System.Collections.Generic;

namespace Zhengxie.Metrics.Cli.Reporting;

/// <summary>How <c>report</c> groups committees.</summary>
internal enum GroupBy
{
    /// <summary>One row per committee and period, from each committee's proposal statistics.</summary>
    Committee = 0,

    /// <summary>The prefecture and every committee under it (its own included), by the aggregation engine.</summary>
    Prefecture = 1,

    /// <summary>The province and every committee under it, by the aggregation engine.</summary>
    Province = 2,

    /// <summary>Committees of one administrative level, by the aggregation engine.</summary>
    Level = 3,
}

/// <summary>What <c>report</c> shows.</summary>
/// <param name="GroupBy">How committees are grouped.</param>
/// <param name="Years">The years kept, or <see langword="null"/> for all.</param>
/// <param name="Rates">The rates shown, or <see langword="null"/> for every standard rate that has a value somewhere in the table.</param>
internal sealed record ReportOptions(GroupBy GroupBy, YearRange? Years, IReadOnlyList<RateDefinition>? Rates);
