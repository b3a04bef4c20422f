using System;

namespace Zhengxie.Metrics;

/// <summary>
/// The base class of every exception this library throws for bad data (as opposed to a bad argument,
/// which gets the usual <see cref="ArgumentException"/> family). Catch this type to handle all of them.
/// </summary>
public class ZhengxieMetricsException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public ZhengxieMetricsException()
        : base("Zhengxie.Metrics rejected its input.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What was wrong, naming the committee, period and measure where they are known.</param>
    public ZhengxieMetricsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and inner exception.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public ZhengxieMetricsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
