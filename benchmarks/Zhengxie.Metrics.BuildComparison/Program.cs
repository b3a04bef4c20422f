using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

// Two (or more) builds of the library in one process, each in its own load context, timed in turn (A B, then B A, ...)
// with a full collection before every run: both share one heap, one machine minute and one noise, which separate
// processes on a shared 2-core machine do not. Each directory holds a Release build of the benchmarks project
// (Zhengxie.Metrics.Benchmarks.dll and the library beside it), of any commit that has EndToEndRecordBenchmarks.
//
//   dotnet run -c Release --project benchmarks/Zhengxie.Metrics.BuildComparison -- records <count> <repetitions> <dir> <dir> [...]
//
// The job is EndToEndRecordBenchmarks.Library (ProposalRecordSet.Create, ComputeAll, every count copied out) on
// RecordBenchmarkData's records, made once per build. The first two repetitions are left out of the figures.
if (args is not ["records", string countText, string repetitionsText, _, _, ..])
{
    Console.Error.WriteLine("usage: records <count> <repetitions> <build directory> <build directory> [...]");
    return 2;
}

int count = int.Parse(countText, CultureInfo.InvariantCulture);
int repetitions = int.Parse(repetitionsText, CultureInfo.InvariantCulture);
if (repetitions < 3)
{
    Console.Error.WriteLine("repetitions: at least 3 (the first two are left out of the figures)");
    return 2;
}

var directories = args[3..];
var jobs = directories.Select(d => RecordJob(Path.GetFullPath(d), count)).ToArray();
var times = directories.Select(_ => new List<double>()).ToArray();
for (int r = 0; r < repetitions; r++)
{
    for (int k = 0; k < jobs.Length; k++)
    {
        int j = r % 2 == 0 ? k : jobs.Length - 1 - k;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        jobs[j]();
        double ms = watch.Elapsed.TotalMilliseconds;
        if (r >= 2)
        {
            times[j].Add(ms);
        }
    }
}

static string Ms(double x) => x.ToString("F0", CultureInfo.InvariantCulture);
for (int j = 0; j < jobs.Length; j++)
{
    var sorted = times[j].Order().ToArray();
    Console.WriteLine($"{directories[j]}: median {Ms(sorted[sorted.Length / 2])} ms, quartiles {Ms(sorted[sorted.Length / 4])}–{Ms(sorted[3 * sorted.Length / 4])} ms; in order: {string.Join(' ', times[j].Select(Ms))}");
}

return 0;

static Action RecordJob(string directory, int count)
{
    string path = Path.Combine(directory, "Zhengxie.Metrics.Benchmarks.dll");
    var context = new BuildContext(path);
    var assembly = context.LoadFromAssemblyPath(path);
    const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
    var records = assembly.GetType("Zhengxie.Metrics.Benchmarks.RecordBenchmarkData", throwOnError: true)!.GetMethod("Generate", Any)!.Invoke(null, [count]);
    var type = assembly.GetType("Zhengxie.Metrics.Benchmarks.EndToEndRecordBenchmarks", throwOnError: true)!;
    var benchmarks = Activator.CreateInstance(type)!;
    type.GetField("records", Any)!.SetValue(benchmarks, records);
    var library = type.GetMethod("Library")!;
    return () => library.Invoke(benchmarks, null);
}

/// <summary>Loads one build's assemblies from its directory (its own library, NodaTime and the rest).</summary>
internal sealed class BuildContext(string path) : AssemblyLoadContext(isCollectible: false)
{
    private readonly AssemblyDependencyResolver resolver = new(path);

    protected override Assembly? Load(AssemblyName assemblyName) =>
        resolver.ResolveAssemblyToPath(assemblyName) is { } file ? LoadFromAssemblyPath(file) : null;
}
