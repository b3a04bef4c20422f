using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Regions;

/// <summary>
/// A table of administrative divisions with their parents: the embedded GB/T 2260 edition
/// (<see cref="Default"/>, NBS 2023 codes as checked against the MCA list of 2023-12-31; see the
/// package's <c>notices/regions</c>) or one a caller supplies, since codes change over the years.
/// Immutable and thread-safe once built; look-ups by code are dictionary-based.
/// </summary>
/// <remarks>
/// <para>Every table is checked when it is built: codes are unique; each region's level matches its code's
/// shape (<c>PP0000</c> province, <c>PPCC00</c> prefecture, otherwise county); every parent is in the table, at
/// a higher level, in the same province; and a county under a prefecture shares its first four digits.</para>
/// <para>The special cases of GB/T 2260 are kept as they are in the official list:</para>
/// <list type="bullet">
/// <item><description>the districts and counties of the four municipalities (<see cref="IsMunicipality"/>) have the
/// municipality as parent: <c>110101</c> 东城区 → <c>110000</c>;</description></item>
/// <item><description>some county-level units lie directly under a province (<see cref="IsDirectlyUnderProvince"/>):
/// <c>419001</c> 济源市, <c>429004</c> 仙桃市, the <c>469xxx</c> units of Hainan and the <c>659xxx</c> cities of Xinjiang;</description></item>
/// <item><description>four prefecture-level cities have no counties (<see cref="IsLeafPrefecture"/>): <c>441900</c> 东莞市,
/// <c>442000</c> 中山市, <c>460400</c> 儋州市 and <c>620200</c> 嘉峪关市.</description></item>
/// </list>
/// </remarks>
[JsonConverter(typeof(ZhengxieJsonConverterFactory))]
public sealed partial class RegionTable : IEquatable<RegionTable>
{
    private const string ResourceName = "Zhengxie.Metrics.Data.gbt2260-counties.csv";
    private const string Header = "code,name,level,parent_code";
    private static readonly Lazy<RegionTable> DefaultTable = new(LoadDefault);
    private static readonly RegionCode[] MunicipalityCodes =
        [new(110000), new(120000), new(310000), new(500000)];

    private readonly Region[] regions;
    private readonly Dictionary<RegionCode, int> indexByCode;
    private readonly int[] parentIndex;
    private readonly ReadOnlyCollection<Region>?[] childrenByIndex;
    private readonly int[] descendantEnd;
    private readonly ReadOnlyCollection<Region> all;
    private readonly ReadOnlyCollection<Region> provinces;
    private readonly ReadOnlyCollection<Region> prefectures;
    private readonly ReadOnlyCollection<Region> counties;
    private readonly Lazy<NameIndex> names;

    private RegionTable(List<Entry> entries)
    {
        // Stable order: by code, then by line, so a duplicate is reported with its first line first.
        entries.Sort((a, b) =>
        {
            int c = a.Region.Code.CompareTo(b.Region.Code);
            return c != 0 ? c : a.Line.CompareTo(b.Line);
        });

        int n = entries.Count;
        regions = new Region[n];
        indexByCode = new Dictionary<RegionCode, int>(n);
        for (int i = 0; i < n; i++)
        {
            var entry = entries[i];
            var region = entry.Region;
            if (!indexByCode.TryAdd(region.Code, i))
            {
                var first = entries[indexByCode[region.Code]];
                string firstLine = first.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $" (first at line {first.Line})") : string.Empty;
                throw Error(entry.Line, $"code {region.Code} appears twice: {first.Region.Name}{firstLine} and {region.Name}.");
            }

            if (region.Level != region.Code.NominalLevel)
            {
                throw Error(entry.Line, $"region {region} is listed as {Describe(region.Level)}, but its code has the shape of a {Describe(region.Code.NominalLevel)} code.");
            }

            regions[i] = region;
        }

        parentIndex = new int[n];
        var kids = new List<Region>?[n];
        for (int i = 0; i < n; i++)
        {
            var region = regions[i];
            int line = entries[i].Line;
            if (region.ParentCode is not { } parentCode)
            {
                parentIndex[i] = -1;
                continue;
            }

            if (!indexByCode.TryGetValue(parentCode, out int p))
            {
                throw Error(line, $"region {region} names parent {parentCode}, which is not in the table.");
            }

            var parent = regions[p];
            if (parent.Level >= region.Level)
            {
                throw Error(line, $"region {region} ({Describe(region.Level)}) has parent {parent} at level {Describe(parent.Level)}, which is not above it.");
            }

            if (parent.Code.ProvinceCode != region.Code.ProvinceCode)
            {
                throw Error(line, $"region {region} has parent {parent} in another province.");
            }

            if (parent.Level == AdministrativeLevel.Prefecture && parent.Code.Value / 100 != region.Code.Value / 100)
            {
                throw Error(line, $"region {region} has parent {parent}, but a county under a prefecture shares its first four digits.");
            }

            parentIndex[i] = p;
            (kids[p] ??= []).Add(region);
        }

        childrenByIndex = new ReadOnlyCollection<Region>?[n];
        for (int i = 0; i < n; i++)
        {
            childrenByIndex[i] = kids[i]?.AsReadOnly();
        }

        // Every region shares its province's first two digits, and the province's code is the smallest of
        // them, so a province's descendants are the run of codes after it; a prefecture's are its children.
        descendantEnd = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (regions[i].Level == AdministrativeLevel.Province)
            {
                int end = i + 1;
                while (end < n && regions[end].Code.ProvinceCode == regions[i].Code)
                {
                    end++;
                }

                descendantEnd[i] = end;
            }
        }

        all = Array.AsReadOnly(regions);
        provinces = Array.AsReadOnly(regions.Where(r => r.Level == AdministrativeLevel.Province).ToArray());
        prefectures = Array.AsReadOnly(regions.Where(r => r.Level == AdministrativeLevel.Prefecture).ToArray());
        counties = Array.AsReadOnly(regions.Where(r => r.Level == AdministrativeLevel.County).ToArray());
        names = new Lazy<NameIndex>(() => new NameIndex(regions));
    }

    /// <summary>Gets the embedded table (GB/T 2260 codes, NBS 2023 edition: 31 provinces, 333 prefectures, 2,844 county-level units), loaded once.</summary>
    public static RegionTable Default => DefaultTable.Value;

    /// <summary>Gets every region, sorted by code.</summary>
    public IReadOnlyList<Region> Regions => all;

    /// <summary>Gets the number of regions.</summary>
    public int Count => regions.Length;

    /// <summary>Gets the province-level regions (省, 自治区, 直辖市), sorted by code.</summary>
    public IReadOnlyList<Region> Provinces => provinces;

    /// <summary>Gets the prefecture-level regions (地级市, 地区, 自治州, 盟), sorted by code.</summary>
    public IReadOnlyList<Region> Prefectures => prefectures;

    /// <summary>Gets the county-level regions (市辖区, 县级市, 县, 自治县, 旗, 自治旗, 特区, 林区), sorted by code.</summary>
    public IReadOnlyList<Region> Counties => counties;

    /// <summary>
    /// Builds a table from regions; codes must be unique and each level must match its code's shape, and every
    /// parent must be in the table, at a higher level, in the same province (see the remarks on <see cref="RegionTable"/>).
    /// </summary>
    /// <param name="regions">The regions.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException">An element is <see langword="null"/>.</exception>
    /// <exception cref="ZhengxieMetricsException">A code appears twice, a level does not fit its code, or a parent is missing or misplaced; the message names the region.</exception>
    public static RegionTable FromRegions(IEnumerable<Region> regions)
    {
        Preconditions.CheckNotNull(regions);
        var entries = new List<Entry>();
        foreach (var region in regions)
        {
            Preconditions.CheckArgument(region is not null, nameof(regions), "The regions must not contain null.");
            entries.Add(new Entry(region, 0));
        }

        return new RegionTable(entries);
    }

    /// <summary>
    /// Reads a table in the embedded format: UTF-8 CSV with the header <c>code,name,level,parent_code</c>,
    /// level one of <c>province</c>, <c>prefecture</c>, <c>county</c>, parent empty for provinces. Empty lines are skipped.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ZhengxieMetricsException">A line is malformed or the table is inconsistent (as for <see cref="FromRegions"/>); the message names the line.</exception>
    public static RegionTable Load(TextReader reader)
    {
        Preconditions.CheckNotNull(reader);
        var entries = new List<Entry>(3300);
        string? header = reader.ReadLine();
        if (header is null || !string.Equals(header.Trim().TrimStart('\uFEFF'), Header, StringComparison.Ordinal))
        {
            throw new ZhengxieMetricsException($"Region table: line 1 must be the header '{Header}'.");
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
                throw Error(lineNumber, $"the line has {parts.Length} fields; expected 4 (code,name,level,parent_code).");
            }

            if (!RegionCode.TryParse(parts[0], out var code))
            {
                throw Error(lineNumber, $"'{parts[0]}' is not a six-digit code.");
            }

            AdministrativeLevel level = parts[2] switch
            {
                "province" => AdministrativeLevel.Province,
                "prefecture" => AdministrativeLevel.Prefecture,
                "county" => AdministrativeLevel.County,
                _ => throw Error(lineNumber, $"level '{parts[2]}' is not province, prefecture or county."),
            };

            RegionCode? parent = null;
            if (parts[3].Length > 0)
            {
                if (!RegionCode.TryParse(parts[3], out var p))
                {
                    throw Error(lineNumber, $"parent '{parts[3]}' is not a six-digit code.");
                }

                parent = p;
            }

            Region region;
            try
            {
                region = new Region(code, parts[1], level, parent);
            }
            catch (ArgumentException e)
            {
                throw new ZhengxieMetricsException(Where(lineNumber) + "region " + code.ToString() + ": " + e.Message, e);
            }

            entries.Add(new Entry(region, lineNumber));
        }

        return new RegionTable(entries);
    }

    /// <summary>
    /// Returns a new table with some regions removed and others added or replaced, checked like any new table;
    /// for code changes after this table's edition, such as <c>653228</c> 和康县 under <c>653200</c> 和田地区 (2024).
    /// </summary>
    /// <param name="add">Regions to add; one whose code is already in the table replaces that region (to rename it or move it).</param>
    /// <param name="remove">Codes to remove; removals apply before additions, and each code must be in this table.</param>
    /// <returns>The new table; this one is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="add"/> contains <see langword="null"/>.</exception>
    /// <exception cref="ZhengxieMetricsException">A code to remove is not in the table, a code is added twice, or the new table is inconsistent (a removed region still has children, a parent is missing ...).</exception>
    public RegionTable WithOverrides(IEnumerable<Region> add, IEnumerable<RegionCode> remove)
    {
        Preconditions.CheckNotNull(add);
        Preconditions.CheckNotNull(remove);
        var removed = new HashSet<RegionCode>();
        foreach (var code in remove)
        {
            if (!indexByCode.ContainsKey(code))
            {
                throw new ZhengxieMetricsException($"Region table overrides: code {code} is to be removed but is not in the table.");
            }

            removed.Add(code);
        }

        var added = new Dictionary<RegionCode, Region>();
        foreach (var region in add)
        {
            Preconditions.CheckArgument(region is not null, nameof(add), "The regions to add must not contain null.");
            if (!added.TryAdd(region.Code, region))
            {
                throw new ZhengxieMetricsException($"Region table overrides: code {region.Code} is added twice ({added[region.Code].Name} and {region.Name}).");
            }
        }

        var entries = new List<Entry>(regions.Length + added.Count);
        foreach (var region in regions)
        {
            if (!removed.Contains(region.Code) && !added.ContainsKey(region.Code))
            {
                entries.Add(new Entry(region, 0));
            }
        }

        entries.AddRange(added.Values.Select(r => new Entry(r, 0)));
        return new RegionTable(entries);
    }

    private static RegionTable LoadDefault()
    {
        using var stream = typeof(RegionTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded region table is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Load(reader);
    }

    private static string Where(int line) =>
        line > 0 ? string.Create(CultureInfo.InvariantCulture, $"Region table, line {line}: ") : "Region table: ";

    private static ZhengxieMetricsException Error(int line, string message) => new(Where(line) + message);

    private static string Describe(AdministrativeLevel level) => level switch
    {
        AdministrativeLevel.Province => "province",
        AdministrativeLevel.Prefecture => "prefecture",
        AdministrativeLevel.County => "county",
        _ => ((int)level).ToString(CultureInfo.InvariantCulture),
    };

    private readonly record struct Entry(Region Region, int Line);

    /// <summary>Compares the data: the same regions (code, name, level and parent), in code order. A table read back from its JSON equals the table written.</summary>
    /// <param name="other">The other table.</param>
    /// <returns>Whether both hold the same regions.</returns>
    public bool Equals(RegionTable? other) =>
        other is not null && (ReferenceEquals(this, other) || regions.AsSpan().SequenceEqual(other.regions));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RegionTable);

    /// <summary>Returns a hash of the number of regions and the first and last codes (cheap; consistent with <see cref="Equals(RegionTable)"/>).</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() =>
        regions.Length == 0 ? 0 : HashCode.Combine(regions.Length, regions[0].Code, regions[^1].Code);

    /// <summary>Formats as <c>RegionTable: 3,213 regions (31 provinces, 333 prefectures, 2,849 counties)</c>, culture-invariant.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"RegionTable: {Count:N0} regions ({Provinces.Count:N0} provinces, {Prefectures.Count:N0} prefectures, {Counties.Count:N0} counties)");
}
