namespace Zhengxie.Metrics.Rendering;

/// <summary>The language of the column headers of a rendered table.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Zhengxie.Metrics.Serialization.EnumJsonConverter<HeaderLanguage>))]
public enum HeaderLanguage
{
    /// <summary>Chinese headers, as reports word them (立案, 办复率).</summary>
    Chinese = 0,

    /// <summary>English headers (proposals filed, reply rate).</summary>
    English = 1,

    /// <summary>Both: the Chinese header followed by the English one in parentheses (<c>办复率 (reply rate)</c>).</summary>
    Both = 2,
}
