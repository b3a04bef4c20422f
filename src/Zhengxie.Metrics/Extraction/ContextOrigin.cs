namespace Zhengxie.Metrics.Extraction;

/// <summary>Where an <see cref="ExtractionResult"/>'s committee or period came from.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Zhengxie.Metrics.Serialization.EnumJsonConverter<ContextOrigin>))]
public enum ContextOrigin
{
    /// <summary>Neither the caller nor the text gave it: it is unknown.</summary>
    Unknown = 0,

    /// <summary>The caller gave it in the <see cref="ExtractionContext"/>.</summary>
    Caller = 1,

    /// <summary>It was read from the report's text (「政协永嘉县委员会」, 「2020年」, 「十一届一次会议以来」).</summary>
    Text = 2,
}
