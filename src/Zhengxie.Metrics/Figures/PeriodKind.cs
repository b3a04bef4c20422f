using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>What a <see cref="ReportingPeriod"/> counts.</summary>
[JsonConverter(typeof(EnumJsonConverter<PeriodKind>))]
public enum PeriodKind
{
    /// <summary>A calendar year (the report's year).</summary>
    CalendarYear = 0,

    /// <summary>One plenary session (届次会议), such as 四届四次会议 (term 4, session 4), mapped to the year it was held.</summary>
    Session = 1,

    /// <summary>Everything since a plenary session (「十一届一次会议以来」), reported in the given year.</summary>
    SinceSession = 2,
}
