using System;

namespace Zhengxie.Metrics;

/// <summary>Thrown when two figures of different units (件 and 次, 元 and 字) are added or compared.</summary>
public sealed class UnitMismatchException : ZhengxieMetricsException
{
    /// <summary>Creates an exception with a default message.</summary>
    public UnitMismatchException()
        : base("Figures of different units cannot be combined.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">Which units met.</param>
    public UnitMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and inner exception.</summary>
    /// <param name="message">Which units met.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public UnitMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
