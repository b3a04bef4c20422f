using System.IO;
using Zhengxie.Metrics.Cli;

namespace Zhengxie.Metrics.Tests.Cli;

/// <summary>Runs the tool's real entry point with captured output.</summary>
internal static class CliRunner
{
    internal static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
