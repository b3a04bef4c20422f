using System.Collections.Generic;

namespace Zhengxie.Metrics.Cli.Reporting;

/// <summary>What <c>report</c> shows.</summary>
/// <param name="GroupBy">How committees are grouped.</param>
/// <param name="Years">The years kept, or <see langword="null"/> for all.</param>
/// <param name="Rates">The rates shown, or <see langword="null"/> for every standard rate that has a value somewhere in the table.</param>
internal sealed record ReportOptions(GroupBy GroupBy, YearRange? Years, IReadOnlyList<RateDefinition>? Rates);
