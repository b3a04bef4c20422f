using System;

namespace Zhengxie.Metrics.Aggregation;

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
