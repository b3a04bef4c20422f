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
        var children = new Option<bool>("--children", "-c") { Description = "Also list what each match contains: its direct children (prefectures of a province, counties of a prefecture)." };
        var tree = new Option<bool>("--tree", "-t") { Description = "Also list everything each match contains, as an indented tree (a province's prefectures and their counties)." };
        var command = new Command("regions", "Look regions up by name or code in the embedded region table (GB/T 2260, 2023 edition): code, name, level and parents.")
        {
            query, children, tree,
        };
        command.SetAction(parse => Cli.Guard(stderr, () => Run(stdout, stderr, parse.GetValue(query)!, parse.GetValue(tree) ? int.MaxValue : parse.GetValue(children) ? 1 : 0)));
        return command;
    }

    private static int Run(TextWriter stdout, TextWriter stderr, string query, int depth)
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
            WriteContents(stdout, table, region, 1, depth);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Lists a region's children, indented by level, down to <paramref name="depth"/> levels; says so when it has none.</summary>
    private static void WriteContents(TextWriter stdout, RegionTable table, Region region, int level, int depth)
    {
        if (level > depth)
        {
            return;
        }

        var children = table.GetChildren(region.Code);
        string indent = new(' ', 2 * level);
        if (children.Count == 0 && level == 1)
        {
            stdout.WriteLine(indent + (region.Level == AdministrativeLevel.County
                ? "(a county-level region: no regions below it)"
                : "(no county-level regions below it: it counts as county level in a county-level roll-up)"));
            return;
        }

        foreach (var child in children)
        {
            stdout.WriteLine(indent + child + "  " + LevelWord(child.Level));
            WriteContents(stdout, table, child, level + 1, depth);
        }
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
        for (var code = region.Code; table.TryGetParent(code, out var parent); code = parent.Code)
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
