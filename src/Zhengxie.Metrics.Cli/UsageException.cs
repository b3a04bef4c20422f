using System;

namespace Zhengxie.Metrics.Cli;

/// <summary>Bad usage found after parsing (exit code 2); its message is shown as one line.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
