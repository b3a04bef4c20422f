using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics;

/// <summary>The level of an administrative division (GB/T 2260), and so of the committee that sits there.</summary>
[JsonConverter(typeof(EnumJsonConverter<AdministrativeLevel>))]
public enum AdministrativeLevel
{
    /// <summary>Province, autonomous region or municipality (省级): codes <c>PP0000</c>.</summary>
    Province = 1,

    /// <summary>Prefecture-level unit (地级: 地级市, 地区, 自治州, 盟): codes <c>PPCC00</c>.</summary>
    Prefecture = 2,

    /// <summary>County-level unit (县级: 市辖区, 县级市, 县, 自治县, 旗, 特区, 林区): codes <c>PPCCDD</c>.</summary>
    County = 3,
}
