using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Cli.Commands;

/// <summary><c>regions 浙江</c>: look regions up by name or code in the embedded GB/T 2260 table.</summary>
internal static class RegionsCommand
{
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var query = new Argument<string>("NAME") { Description = "A name or part of one (浙江, 永嘉), or a six-digit code (330324)." };
        var children = new Option<bool>("--children", "-c") { Description = "Also list each match's direct children." };
        var command = new Command("regions", "Look regions up by name or code in the embedded region table (GB/T 2260, 2023 edition): code, name, level and parents.")
        {
            query, children,
        };
        command.SetAction(parse => Cli.Guard(stderr, () => Run(stdout, stderr, parse.GetValue(query)!, parse.GetValue(children))));
        return command;
    }

    private static int Run(TextWriter stdout, TextWriter stderr, string query, bool withChildren)
    {
        var table = RegionTable.Default;
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new UsageException("regions: give a name or a code to look up.");
        }

        var matches = FindRegions(table, query);
        if (matches.Count == 0)
        {
            stderr.WriteLine($"no region matches '{query}'.");
            return ExitCodes.DataErrors;
        }

        foreach (var region in matches)
        {
            stdout.WriteLine(Describe(table, region));
            if (withChildren)
            {
                foreach (var child in table.GetChildren(region.Code))
                {
                    stdout.WriteLine("  " + child + "  " + LevelWord(child.Level));
                }
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>Regions by code, or by name through <see cref="RegionTable.FindByName(string)"/>.</summary>
    private static IReadOnlyList<Region> FindRegions(RegionTable regions, string query)
    {
        query = query.Trim();
        if (RegionCode.TryParse(query, out var code))
        {
            return regions.TryGet(code, out var region) ? [region] : [];
        }

        return regions.FindByName(query);
    }

    private static string Describe(RegionTable table, Region region)
    {
        var ancestors = Enumerable.Empty<string>();
        for (var parent = table.GetParent(region.Code); parent is not null; parent = table.GetParent(parent.Code))
        {
            ancestors = ancestors.Prepend(parent.Name);
        }

        string path = string.Join(" ", ancestors);
        return region + "  " + LevelWord(region.Level) + (path.Length > 0 ? "  " + path : string.Empty);
    }

    private static string LevelWord(AdministrativeLevel level) => level switch
    {
        AdministrativeLevel.Province => "province",
        AdministrativeLevel.Prefecture => "prefecture",
        _ => "county",
    };
}
