using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
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
public sealed class RegionTable
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

    /// <summary>Tries to find a region by code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="region">The region, when found.</param>
    /// <returns>Whether the table has the code.</returns>
    public bool TryGet(RegionCode code, [NotNullWhen(true)] out Region? region)
    {
        if (indexByCode.TryGetValue(code, out int i))
        {
            region = regions[i];
            return true;
        }

        region = null;
        return false;
    }

    /// <summary>Returns whether the table has the code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether it is there.</returns>
    public bool Contains(RegionCode code) => indexByCode.ContainsKey(code);

    /// <summary>Finds a region by code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The region.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public Region this[RegionCode code] => regions[Index(code)];

    /// <summary>Returns the parent of a region, or <see langword="null"/> for a province.</summary>
    /// <param name="code">The region's code.</param>
    /// <returns>The parent.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public Region? GetParent(RegionCode code)
    {
        int p = parentIndex[Index(code)];
        return p < 0 ? null : regions[p];
    }

    /// <summary>Returns the direct children of a region, sorted by code (empty for a county or a prefecture without counties).</summary>
    /// <param name="code">The region's code.</param>
    /// <returns>The children.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public IReadOnlyList<Region> GetChildren(RegionCode code) =>
        childrenByIndex[Index(code)] ?? (IReadOnlyList<Region>)Array.Empty<Region>();

    /// <summary>Returns the ancestors of a region, parent first, up to and including the province (empty for a province).</summary>
    /// <param name="code">The region's code.</param>
    /// <returns>The ancestors: for <c>330324</c> 永嘉县, <c>330300</c> 温州市 then <c>330000</c> 浙江省.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public IReadOnlyList<Region> GetAncestors(RegionCode code)
    {
        int i = Index(code);
        var result = new List<Region>(2);
        for (int p = parentIndex[i]; p >= 0; p = parentIndex[p])
        {
            result.Add(regions[p]);
        }

        return result.AsReadOnly();
    }

    /// <summary>Returns every region below a region, at all levels, sorted by code (empty for a county or a prefecture without counties).</summary>
    /// <param name="code">The region's code.</param>
    /// <returns>The descendants, not including the region itself.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public IReadOnlyList<Region> GetDescendants(RegionCode code)
    {
        int i = Index(code);
        return regions[i].Level switch
        {
            AdministrativeLevel.Province => new ReadOnlyCollection<Region>(new ArraySegment<Region>(regions, i + 1, descendantEnd[i] - i - 1)),
            _ => GetChildren(code),
        };
    }

    /// <summary>Returns the province a region lies in (the region itself for a province).</summary>
    /// <param name="code">The region's code.</param>
    /// <returns>The province.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public Region GetProvince(RegionCode code)
    {
        int i = Index(code);
        while (parentIndex[i] >= 0)
        {
            i = parentIndex[i];
        }

        return regions[i];
    }

    /// <summary>Returns whether one region lies (at any depth) below another; a region is not its own ancestor.</summary>
    /// <param name="ancestor">The code of the supposed ancestor.</param>
    /// <param name="descendant">The code of the supposed descendant.</param>
    /// <returns>Whether both are in the table and <paramref name="ancestor"/> is above <paramref name="descendant"/>.</returns>
    public bool IsAncestorOf(RegionCode ancestor, RegionCode descendant)
    {
        if (!indexByCode.TryGetValue(ancestor, out int a) || !indexByCode.TryGetValue(descendant, out int d))
        {
            return false;
        }

        for (int p = parentIndex[d]; p >= 0; p = parentIndex[p])
        {
            if (p == a)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether one region is the direct parent of another.</summary>
    /// <param name="parent">The code of the supposed parent.</param>
    /// <param name="child">The code of the supposed child.</param>
    /// <returns>Whether both are in the table and <paramref name="parent"/> is <paramref name="child"/>'s real parent.</returns>
    public bool IsParentOf(RegionCode parent, RegionCode child) => CheckParent(child, parent) == ParentCheckResult.Correct;

    /// <summary>
    /// Checks a claimed parent, as when a report files a county under a prefecture: <c>330324</c> 永嘉县 under
    /// <c>330300</c> is <see cref="ParentCheckResult.Correct"/>, under <c>330000</c> <see cref="ParentCheckResult.Ancestor"/>,
    /// under <c>330600</c> <see cref="ParentCheckResult.WrongParent"/>.
    /// </summary>
    /// <param name="child">The region's code.</param>
    /// <param name="claimedParent">The code given as its parent.</param>
    /// <returns>What was found; <see cref="ParentCheckResult.UnknownRegion"/> takes precedence over <see cref="ParentCheckResult.UnknownParent"/>.</returns>
    public ParentCheckResult CheckParent(RegionCode child, RegionCode claimedParent)
    {
        if (!indexByCode.TryGetValue(child, out int c))
        {
            return ParentCheckResult.UnknownRegion;
        }

        if (!indexByCode.TryGetValue(claimedParent, out int p))
        {
            return ParentCheckResult.UnknownParent;
        }

        return parentIndex[c] == p ? ParentCheckResult.Correct
            : IsAncestorOf(claimedParent, child) ? ParentCheckResult.Ancestor
            : ParentCheckResult.WrongParent;
    }

    /// <summary>
    /// Returns whether a region is one of the four municipalities directly under the central government
    /// (直辖市: <c>110000</c> 北京, <c>120000</c> 天津, <c>310000</c> 上海, <c>500000</c> 重庆), whose districts and
    /// counties have the municipality itself as parent.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether the code is in the table and is a municipality; <see langword="false"/> for codes not in the table.</returns>
    public bool IsMunicipality(RegionCode code) =>
        Array.IndexOf(MunicipalityCodes, code) >= 0 && indexByCode.ContainsKey(code);

    /// <summary>
    /// Returns whether a region is a county-level unit directly under a province or autonomous region
    /// (省/自治区直辖县级行政单位: <c>419001</c> 济源市, <c>429004</c> 仙桃市, <c>469001</c> 五指山市, <c>659001</c> 石河子市 ...).
    /// The districts and counties of a municipality (<see cref="IsMunicipality"/>) also have a province-level parent
    /// but are not counted here.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether the code is a county whose parent is a province that is not a municipality; <see langword="false"/> for codes not in the table.</returns>
    public bool IsDirectlyUnderProvince(RegionCode code)
    {
        if (!indexByCode.TryGetValue(code, out int i) || regions[i].Level != AdministrativeLevel.County)
        {
            return false;
        }

        int p = parentIndex[i];
        return regions[p].Level == AdministrativeLevel.Province && !IsMunicipality(regions[p].Code);
    }

    /// <summary>
    /// Returns whether a region is a prefecture without county-level units (不设区的地级市: <c>441900</c> 东莞市,
    /// <c>442000</c> 中山市, <c>460400</c> 儋州市, <c>620200</c> 嘉峪关市); aggregate by county treats these as leaves.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether the code is a prefecture with no children; <see langword="false"/> for codes not in the table.</returns>
    public bool IsLeafPrefecture(RegionCode code) =>
        indexByCode.TryGetValue(code, out int i) && regions[i].Level == AdministrativeLevel.Prefecture && childrenByIndex[i] is null;

    /// <summary>Returns the committee that sits at a region, at the region's real level.</summary>
    /// <param name="code">The region's code.</param>
    /// <returns>The committee, such as <c>330324</c> at county level.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such code.</exception>
    public Committee GetCommittee(RegionCode code) => regions[Index(code)].Committee;

    /// <summary>Tries to return the committee that sits at a region, at the region's real level.</summary>
    /// <param name="code">The region's code.</param>
    /// <param name="committee">The committee, when the code is in the table; otherwise <c>default</c>.</param>
    /// <returns>Whether the table has the code.</returns>
    public bool TryGetCommittee(RegionCode code, out Committee committee)
    {
        if (indexByCode.TryGetValue(code, out int i))
        {
            committee = regions[i].Committee;
            return true;
        }

        committee = default;
        return false;
    }

    /// <summary>
    /// Finds regions by Chinese name: the regions with exactly this name (<c>永嘉县</c>, <c>朝阳区</c>) if there are
    /// any, otherwise those whose name matches once common suffixes are ignored (<c>浙江</c> finds 浙江省,
    /// <c>永嘉</c> 永嘉县, <c>广西</c> 广西壮族自治区, <c>恩施</c> 恩施市 and 恩施土家族苗族自治州).
    /// </summary>
    /// <remarks>
    /// The suffixes are 特别行政区, 自治区, 自治州, 自治县, 自治旗, 地区, 林区, 特区, 新区, 省, 市, 县, 区, 旗, 盟 and 州, plus the
    /// peoples named before an autonomous suffix (壮族, 回族, 维吾尔, 土家族苗族 ...); the name given is shortened the
    /// same way, so <c>恩施州</c> also works. Nothing is removed that would leave fewer than two characters. Comparison
    /// is ordinal; surrounding white space is ignored.
    /// </remarks>
    /// <param name="name">The name.</param>
    /// <returns>Every match, sorted by code; empty when there is none. Names are not unique: <c>朝阳区</c> is in Beijing and in Changchun.</returns>
    /// <exception cref="ArgumentException">The name is empty or white space.</exception>
    public IReadOnlyList<Region> FindByName(string name)
    {
        Preconditions.CheckNotNullOrWhiteSpace(name);
        string key = name.Trim();
        var index = names.Value;
        if (index.ByName.TryGetValue(key, out var exact))
        {
            return exact;
        }

        return index.ByShortName.TryGetValue(RegionNames.Shorten(key), out var matches)
            ? matches
            : Array.Empty<Region>();
    }

    /// <summary>
    /// Finds regions by Chinese name among the descendants of a region (not the region itself), as
    /// <see cref="FindByName(string)"/> does: exact matches below <paramref name="within"/> first, otherwise matches
    /// ignoring suffixes (<c>永嘉</c> within <c>330000</c> finds <c>330324</c> 永嘉县).
    /// </summary>
    /// <param name="name">The name.</param>
    /// <param name="within">The code of the region to search under.</param>
    /// <returns>Every match below <paramref name="within"/>, sorted by code; empty when there is none.</returns>
    /// <exception cref="ArgumentException">The name is empty or white space.</exception>
    /// <exception cref="KeyNotFoundException">The table has no region <paramref name="within"/>.</exception>
    public IReadOnlyList<Region> FindByName(string name, RegionCode within)
    {
        Preconditions.CheckNotNullOrWhiteSpace(name);
        _ = Index(within);
        string key = name.Trim();
        var index = names.Value;
        if (index.ByName.TryGetValue(key, out var exact))
        {
            var below = Below(exact, within);
            if (below.Count > 0)
            {
                return below;
            }
        }

        return index.ByShortName.TryGetValue(RegionNames.Shorten(key), out var matches)
            ? Below(matches, within)
            : Array.Empty<Region>();
    }

    /// <summary>Returns the dense index of a code in <see cref="Regions"/> (sorted by code), or -1 when the table does not have it.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The index.</returns>
    internal int IndexOf(RegionCode code) => indexByCode.TryGetValue(code, out int i) ? i : -1;

    /// <summary>Returns the index of the parent of the region at <paramref name="index"/>, or -1 for a province.</summary>
    /// <param name="index">An index into <see cref="Regions"/>.</param>
    /// <returns>The parent's index.</returns>
    internal int ParentIndexOf(int index) => parentIndex[index];

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

    private int Index(RegionCode code) =>
        indexByCode.TryGetValue(code, out int i) ? i : throw new KeyNotFoundException($"Region {code} is not in the region table.");

    private IReadOnlyList<Region> Below(ReadOnlyCollection<Region> candidates, RegionCode within)
    {
        List<Region>? result = null;
        foreach (var region in candidates)
        {
            if (IsAncestorOf(within, region.Code))
            {
                (result ??= []).Add(region);
            }
        }

        return result is null ? Array.Empty<Region>() : result.AsReadOnly();
    }

    private readonly record struct Entry(Region Region, int Line);

    private sealed class NameIndex
    {
        internal NameIndex(Region[] regions)
        {
            ByName = Group(regions, r => r.Name);
            ByShortName = Group(regions, r => RegionNames.Shorten(r.Name));
        }

        internal Dictionary<string, ReadOnlyCollection<Region>> ByName { get; }

        internal Dictionary<string, ReadOnlyCollection<Region>> ByShortName { get; }

        // The regions are sorted by code, and grouping keeps their order.
        private static Dictionary<string, ReadOnlyCollection<Region>> Group(Region[] regions, Func<Region, string> key) =>
            regions.GroupBy(key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Array.AsReadOnly(g.ToArray()), StringComparer.Ordinal);
    }
}
