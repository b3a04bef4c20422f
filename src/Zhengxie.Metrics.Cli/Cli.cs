using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using Zhengxie.Metrics.Cli.Commands;

namespace Zhengxie.Metrics.Cli;

/// <summary>The command line: its commands, and the mapping of failures to one line and an exit code.</summary>
internal static class Cli
{
    internal static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("zhengxie-metrics: work indicators of CPPCC (政协) committees from figures in CSV: indicator tables, validation, region look-up, and figures extracted from report text.")
        {
            ReportCommand.Create(stdout, stderr),
            ValidateCommand.Create(stdout, stderr),
            RegionsCommand.Create(stdout, stderr),
            ExtractCommand.Create(stdout, stderr),
        };
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExitCodes((SynchronousCommandLineAction)help.Action!);
        return root;
    }

    /// <summary>Runs a command's body, turning each kind of failure into one line on stderr and its exit code.</summary>
    internal static int Guard(TextWriter stderr, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (UsageException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("error: " + OneLine(e.Message));
            return ExitCodes.IOError;
        }
        catch (ZhengxieMetricsException e)
        {
            stderr.WriteLine("error: " + OneLine(e.Message));
            return ExitCodes.DataErrors;
        }
#pragma warning disable CA1031 // The tool's last line of defence: any other failure is one line and exit code 4, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            stderr.WriteLine("internal error: " + e.GetType().Name + ": " + OneLine(e.Message) + " (please report this)");
            return ExitCodes.InternalError;
        }
    }

    internal static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>The standard help, followed by the exit codes.</summary>
    private sealed class HelpWithExitCodes(SynchronousCommandLineAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            help.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(ExitCodes.HelpText.Replace("\n", Environment.NewLine, StringComparison.Ordinal));
            output.WriteLine();
            return ExitCodes.Ok;
        }
    }
}
