using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Records;

/// <summary>Who submitted a proposal.</summary>
[JsonConverter(typeof(EnumJsonConverter<ProposerKind>))]
public enum ProposerKind
{
    /// <summary>One member (委员个人提案).</summary>
    Individual = 0,

    /// <summary>Several members jointly (委员联名提案).</summary>
    Joint = 1,

    /// <summary>A party, people's organisation, sector group or special committee (集体提案: 党派团体、界别、专委会).</summary>
    Group = 2,
}
