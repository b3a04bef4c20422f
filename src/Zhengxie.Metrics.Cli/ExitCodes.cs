namespace Zhengxie.Metrics.Cli;

/// <summary>The tool's exit codes, as <c>docs/cli.md</c> and <c>--help</c> list them.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    internal const int Ok = 0;

    /// <summary>The data has errors (validate found some; report refused an invalid file), or nothing matched.</summary>
    internal const int DataErrors = 1;

    /// <summary>Bad usage: an unknown command or option, a missing or malformed argument.</summary>
    internal const int Usage = 2;

    /// <summary>A file could not be read or written.</summary>
    internal const int IOError = 3;

    /// <summary>An unexpected internal error (a bug: please report it).</summary>
    internal const int InternalError = 4;

    /// <summary>The exit codes as shown at the end of every <c>--help</c>.</summary>
    internal const string HelpText =
        "Exit codes:\n" +
        "  0  success\n" +
        "  1  the data has errors (validate), report refused an invalid input, or nothing matched\n" +
        "  2  bad usage: unknown command or option, missing or malformed argument\n" +
        "  3  a file could not be read or written\n" +
        "  4  unexpected internal error";
}
