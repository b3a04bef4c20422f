using System;

namespace Zhengxie.Metrics.DependencyInjection;

/// <summary>One <c>configure</c> action given to <c>AddZhengxieMetrics</c>; every registered one is applied, in order, as Microsoft.Extensions.Options does.</summary>
internal sealed class ZhengxieMetricsConfiguration(Action<ZhengxieMetricsOptions> configure)
{
    internal Action<ZhengxieMetricsOptions> Configure { get; } = configure;
}
