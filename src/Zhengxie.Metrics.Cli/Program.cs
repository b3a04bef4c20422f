namespace Zhengxie.Metrics.Cli;

/// <summary>The <c>zhengxie-metrics</c> command-line tool.</summary>
public static class Program
{
    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        _ = args;
        return 0;
    }
}
