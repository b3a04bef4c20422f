namespace Zhengxie.Metrics.Regions;

/// <summary>
/// What <see cref="RegionTable.CheckParent(RegionCode, RegionCode)"/> found when a report places a region
/// under a claimed parent, such as a county committee's figures filed under a prefecture.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Zhengxie.Metrics.Serialization.EnumJsonConverter<ParentCheckResult>))]
public enum ParentCheckResult
{
    /// <summary>The claimed parent is the region's real parent (<c>330324</c> under <c>330300</c>).</summary>
    Correct = 0,

    /// <summary>
    /// The claimed parent is a higher ancestor, not the direct parent (<c>330324</c> 永嘉县 under
    /// <c>330000</c> 浙江省, skipping <c>330300</c> 温州市).
    /// </summary>
    Ancestor = 1,

    /// <summary>The claimed parent is in the table but the region does not lie under it (<c>330324</c> under <c>330600</c>).</summary>
    WrongParent = 2,

    /// <summary>The region's own code is not in the table.</summary>
    UnknownRegion = 3,

    /// <summary>The claimed parent's code is not in the table.</summary>
    UnknownParent = 4,
}
