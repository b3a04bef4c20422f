using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Zhengxie.Metrics.Tests.Regions;

/// <summary>
/// A plain reading of the embedded CSV, independent of RegionTable: code → (name, level, parent).
/// Used to check the table's hierarchy queries against a brute-force walk.
/// </summary>
internal static class ReferenceRegions
{
    private static readonly Dictionary<string, Row> RowsByCode = Read();

    internal static IReadOnlyDictionary<string, Row> Rows => RowsByCode;

    internal static List<string> Ancestors(string code)
    {
        var result = new List<string>();
        for (string p = RowsByCode[code].Parent; p.Length > 0; p = RowsByCode[p].Parent)
        {
            result.Add(p);
        }

        return result;
    }

    internal static List<string> Descendants(string code) =>
        RowsByCode.Keys.Where(c => Ancestors(c).Contains(code)).OrderBy(c => c, System.StringComparer.Ordinal).ToList();

    private static Dictionary<string, Row> Read()
    {
        using var stream = typeof(Zhengxie.Metrics.Regions.RegionTable).Assembly.GetManifestResourceStream("Zhengxie.Metrics.Data.gbt2260-counties.csv")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new Dictionary<string, Row>();
        reader.ReadLine();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var f = line.Split(',');
            rows.Add(f[0], new Row(f[0], f[1], f[2], f[3]));
        }

        return rows;
    }

    internal sealed record Row(string Code, string Name, string Level, string Parent);
}
