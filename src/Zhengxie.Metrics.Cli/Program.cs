using System;
using System.CommandLine;
using System.IO;
using System.Text;

namespace Zhengxie.Metrics.Cli;

/// <summary>The <c>zhengxie-metrics</c> command-line tool (see <c>docs/cli.md</c>).</summary>
public static class Program
{
    /// <summary>Runs the tool on the console.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code: 0 success, 1 data errors, 2 bad usage, 3 I/O error, 4 internal error.</returns>
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);

        // Buffered: validate may print tens of thousands of lines, and Console.Out flushes every write.
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        try
        {
            return Run(args, stdout, Console.Error);
        }
        finally
        {
            stdout.Flush();
        }
    }

    /// <summary>Runs the tool with the given output and error writers (the tests' entry point).</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Cli.Build(stdout, stderr);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            string command = parse.CommandResult.Command == root ? "zhengxie-metrics" : "zhengxie-metrics " + parse.CommandResult.Command.Name;
            stderr.WriteLine("error: " + Suggestions.Describe(parse, root) + $" (see '{command} --help')");
            return ExitCodes.Usage;
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return Cli.Guard(stderr, () => parse.Invoke(config));
    }
}
