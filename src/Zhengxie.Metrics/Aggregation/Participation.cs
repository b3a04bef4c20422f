using System;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>Which committees of a region take part in a roll-up.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Zhengxie.Metrics.Serialization.EnumJsonConverter<Participation>))]
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
