using System;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>Which committees of a region take part in a roll-up.</summary>
public enum Participation
{
    /// <summary>
    /// County-level committees only (县, 区, 县级市, 旗): the default. The four prefecture-level cities
    /// without counties (东莞 441900, 中山 442000, 儋州 460400, 嘉峪关 620200) count as county level here.
    /// </summary>
    CountyLevel = 0,

    /// <summary>
    /// Every committee within the region: the provincial committee, the prefecture committees and the
    /// county-level committees, each counted once for its own (committee-scope) work.
    /// </summary>
    AllLevels = 1,

    /// <summary>Prefecture committees only.</summary>
    PrefectureLevel = 2,

    /// <summary>Provincial committees only.</summary>
    ProvinceLevel = 3,
}

/// <summary>The levels of the region hierarchy a roll-up makes rows for.</summary>
[Flags]
public enum RollupLevels
{
    /// <summary>No rows.</summary>
    None = 0,

    /// <summary>A row group per prefecture-level region.</summary>
    Prefecture = 1,

    /// <summary>A row group per province-level region.</summary>
    Province = 2,

    /// <summary>A row group for the whole country.</summary>
    Nation = 4,

    /// <summary>Prefectures, provinces and the nation.</summary>
    All = Prefecture | Province | Nation,
}
