using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Records;

/// <summary>The date a proposal's reply deadline runs from.</summary>
[JsonConverter(typeof(EnumJsonConverter<ClockStart>))]
public enum ClockStart
{
    /// <summary>From handover to the handling unit (交办), <see cref="ProposalRecord.HandedOverOn"/>. The default.</summary>
    Handover = 0,

    /// <summary>From receipt of the proposal, <see cref="ProposalRecord.Submitted"/>.</summary>
    Receipt = 1,
}
