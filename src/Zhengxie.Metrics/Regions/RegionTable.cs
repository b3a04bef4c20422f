using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Regions;

/// <summary>
/// A table of administrative divisions with their parents: the embedded GB/T 2260 edition
/// (<see cref="Default"/>, NBS 2023 codes as checked against the MCA list of 2023-12-31; see the
/// package's <c>notices/regions</c>) or one a caller supplies, since codes change over the years.
/// Immutable and thread-safe once built.
/// </summary>
public sealed class RegionTable
{
    private const string ResourceName = "Zhengxie.Metrics.Data.gbt2260-counties.csv";
    private static readonly Lazy<RegionTable> DefaultTable = new(LoadDefault);

    private readonly Dictionary<RegionCode, Region> byCode;
    private readonly Dictionary<RegionCode, ReadOnlyCollection<Region>> children;
    private readonly ReadOnlyCollection<Region> all;

    private RegionTable(List<Region> regions)
    {
        regions.Sort((a, b) => a.Code.CompareTo(b.Code));
        byCode = new Dictionary<RegionCode, Region>(regions.Count);
        foreach (var region in regions)
        {
            if (!byCode.TryAdd(region.Code, region))
            {
                throw new ZhengxieMetricsException($"Region table: code {region.Code} appears twice.");
            }
        }

        var kids = new Dictionary<RegionCode, List<Region>>();
        foreach (var region in regions)
        {
            if (region.ParentCode is not { } parentCode)
            {
                continue;
            }

            if (!byCode.TryGetValue(parentCode, out var parent))
            {
                throw new ZhengxieMetricsException($"Region table: region {region} names parent {parentCode}, which is not in the table.");
            }

            if (parent.Level >= region.Level)
            {
                throw new ZhengxieMetricsException($"Region table: region {region} ({region.Level}) has parent {parent} at level {parent.Level}, which is not above it.");
            }

            if (parent.Code.ProvinceCode != region.Code.ProvinceCode)
            {
                throw new ZhengxieMetricsException($"Region table: region {region} has parent {parent} in another province.");
            }

            if (!kids.TryGetValue(parentCode, out var list))
            {
                kids[parentCode] = list = [];
            }

            list.Add(region);
        }

        children = kids.ToDictionary(k => k.Key, k => k.Value.AsReadOnly());
        all = regions.AsReadOnly();
    }

    /// <summary>Gets the embedded table (GB/T 2260 codes, NBS 2023 edition: 31 provinces, 333 prefectures, 2,844 county-level units).</summary>
    public static RegionTable Default => DefaultTable.Value;

    /// <summary>Gets every region, sorted by code.</summary>
    public IReadOnlyList<Region> Regions => all;

    /// <summary>Gets the number of regions.</summary>
    public int Count => all.Count;

    /// <summary>Builds a table from regions; every parent must be in the table, at a higher level, in the same province.</summary>
    /// <param name="regions">The regions.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ZhengxieMetricsException">A code appears twice, or a parent is missing or misplaced.</exception>
    public static RegionTable FromRegions(IEnumerable<Region> regions)
    {
        Preconditions.CheckNotNull(regions);
        return new RegionTable(regions.ToList());
    }

    /// <summary>
    /// Reads a table in the embedded format: UTF-8 CSV with the header <c>code,name,level,parent_code</c>,
    /// level one of <c>province</c>, <c>prefecture</c>, <c>county</c>, parent empty for provinces.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ZhengxieMetricsException">A line is malformed (the message names it) or the table is inconsistent.</exception>
    public static RegionTable Load(TextReader reader)
    {
        Preconditions.CheckNotNull(reader);
        var regions = new List<Region>(3300);
        string? header = reader.ReadLine();
        if (header is null || header.Trim().TrimStart('\uFEFF') != "code,name,level,parent_code")
        {
            throw new ZhengxieMetricsException("Region table: line 1 must be the header 'code,name,level,parent_code'.");
        }

        int lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] parts = line.Split(',');
            if (parts.Length != 4)
            {
                throw new ZhengxieMetricsException(string.Create(CultureInfo.InvariantCulture, $"Region table: line {lineNumber} has {parts.Length} fields; expected 4 (code,name,level,parent_code)."));
            }

            if (!RegionCode.TryParse(parts[0], out var code))
            {
                throw new ZhengxieMetricsException(string.Create(CultureInfo.InvariantCulture, $"Region table: line {lineNumber}: '{parts[0]}' is not a six-digit code."));
            }

            AdministrativeLevel level = parts[2] switch
            {
                "province" => AdministrativeLevel.Province,
                "prefecture" => AdministrativeLevel.Prefecture,
                "county" => AdministrativeLevel.County,
                _ => throw new ZhengxieMetricsException(string.Create(CultureInfo.InvariantCulture, $"Region table: line {lineNumber}: level '{parts[2]}' is not province, prefecture or county.")),
            };

            RegionCode? parent = null;
            if (parts[3].Length > 0)
            {
                if (!RegionCode.TryParse(parts[3], out var p))
                {
                    throw new ZhengxieMetricsException(string.Create(CultureInfo.InvariantCulture, $"Region table: line {lineNumber}: parent '{parts[3]}' is not a six-digit code."));
                }

                parent = p;
            }

            try
            {
                regions.Add(new Region(code, parts[1], level, parent));
            }
            catch (ArgumentException e)
            {
                throw new ZhengxieMetricsException(string.Create(CultureInfo.InvariantCulture, $"Region table: line {lineNumber}: {e.Message}"), e);
            }
        }

        return new RegionTable(regions);
    }

    private static RegionTable LoadDefault()
    {
        using var stream = typeof(RegionTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded region table is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Load(reader);
    }

    /// <summary>Tries to find a region by code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="region">The region, when found.</param>
    /// <returns>Whether the table has the code.</returns>
    public bool TryGet(RegionCode code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Region? region) => byCode.TryGetValue(code, out region);

    /// <summary>Returns whether the table has the code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether it is there.</returns>
    public bool Contains(RegionCode code) => byCode.ContainsKey(code);

    /// <summary>Finds a region by code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The region.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public Region this[RegionCode code] =>
        byCode.TryGetValue(code, out var region) ? region : throw new KeyNotFoundException($"Region {code} is not in the region table.");

    /// <summary>Returns the parent of a region, or <see langword="null"/> for a province.</summary>
    /// <param name="code">The region's code.</param>
    /// <returns>The parent.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public Region? GetParent(RegionCode code) => this[code].ParentCode is { } p ? byCode[p] : null;

    /// <summary>Returns the direct children of a region, sorted by code (empty for a county or a prefecture without counties).</summary>
    /// <param name="code">The region's code.</param>
    /// <returns>The children.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public IReadOnlyList<Region> GetChildren(RegionCode code)
    {
        _ = this[code];
        return children.TryGetValue(code, out var list) ? list : Array.Empty<Region>();
    }
}
